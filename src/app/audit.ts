// The audit record of a change made in a turn: who (the user), when (the turn's moment), from
// where (a typed command or a card), in which conversation. A change hands it to the port method
// that makes it, which stores both together, so every acknowledged change has its record.
import type { NewAuditRecord } from '../domain/audit.js';
import { personOf, type BaseTurn } from './context.js';

/** "card" when the turn is a card's button or form, else "chat". */
export function viaOf(turn: BaseTurn): 'chat' | 'card' {
  const value = turn.input.value;
  return typeof value === 'object' && value !== null && 'verb' in value ? 'card' : 'chat';
}

/**
 * What every record of this turn's change says: who, when, from where, in which conversation and
 * area. For a change whose store completes the record (a subscribe: its action and id).
 */
export function turnAuditBase(
  turn: BaseTurn & { area?: { id: string } },
): Pick<NewAuditRecord, 'at' | 'by' | 'via' | 'conversationId' | 'areaId'> {
  return {
    at: turn.now.toISOString(),
    by: personOf(turn),
    via: viaOf(turn),
    conversationId: turn.input.conversation.id,
    ...(turn.area ? { areaId: turn.area.id } : {}),
  };
}

/** The audit record of this turn's change: who, when, from where, in which conversation. */
export function turnAuditRecord(
  turn: BaseTurn & { area?: { id: string } },
  record: Omit<NewAuditRecord, 'at' | 'by' | 'via' | 'conversationId'>,
): NewAuditRecord {
  return { ...turnAuditBase(turn), ...record };
}
