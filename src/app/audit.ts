// Recording a change in the audit log from a turn: who (the user), when (the turn's moment), from
// where (a typed command or a card), in which conversation. Called after the change is on disk and
// before it is acknowledged, so every acknowledged change has its record.
import type { NewAuditRecord } from '../domain/audit.js';
import { personOf, type BaseTurn } from './context.js';

/** "card" when the turn is a card's button or form, else "chat". */
export function viaOf(turn: BaseTurn): 'chat' | 'card' {
  const value = turn.input.value;
  return typeof value === 'object' && value !== null && 'verb' in value ? 'card' : 'chat';
}

/** The audit record of this turn's change: who, when, from where, in which conversation. */
export function turnAuditRecord(
  turn: BaseTurn & { area?: { id: string } },
  record: Omit<NewAuditRecord, 'at' | 'by' | 'via' | 'conversationId'>,
): NewAuditRecord {
  return {
    at: turn.now.toISOString(),
    by: personOf(turn),
    via: viaOf(turn),
    conversationId: turn.input.conversation.id,
    ...(turn.area ? { areaId: turn.area.id } : {}),
    ...record,
  };
}

/** Appends the record for this turn's change; rejects when it could not be written (the turn then says so). */
export async function auditTurn(
  turn: BaseTurn & { area?: { id: string } },
  record: Omit<NewAuditRecord, 'at' | 'by' | 'via' | 'conversationId'>,
): Promise<void> {
  await turn.deps.port.audit.record(turnAuditRecord(turn, record));
}
