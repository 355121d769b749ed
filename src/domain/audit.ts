// The audit record: who changed what, when, and from where. Kept append-only beside the store
// (audit.jsonl). It names entries and activities by id and says which fields changed; it never
// holds note text, so clearing a note (retention, a coordinator) leaves nothing of it behind here.
import { z } from 'zod';
import type { Entry } from './entry.js';
import { personSchema } from './entry.js';

const AUDIT_ACTIONS = [
  'entry.logged',
  'entry.edited',
  'entry.undone',
  'entry.removed',
  'entry.restored',
  'note.cleared',
  'milestone.done',
  'agreement.created',
  'agreement.imported',
  'agreement.changed',
  'publication.published',
  'subscription.created',
  'subscription.changed',
  'subscription.resumed',
  'subscription.ended',
  'subscription.paused',
  'binding.changed',
  'coordinators.changed',
  'area.changed',
  'responsible.changed',
  'reminders.changed',
  'meeting.changed',
  'person.erased',
  'store.restored',
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** chat: a typed command; card: a button or form; cli: the operator's command line; system: the bot itself (a 403, a removal). */
const auditViaSchema = z.enum(['chat', 'card', 'cli', 'system']);
export type AuditVia = z.infer<typeof auditViaSchema>;

const fieldChangeSchema = z.object({
  from: z.union([z.string(), z.number(), z.null()]).optional(),
  to: z.union([z.string(), z.number(), z.null()]).optional(),
});

export const auditRecordSchema = z
  .object({
    v: z.literal(1),
    /** Unique, so a record can be named (and a redelivered change recognised). */
    id: z.string().min(1),
    at: z.string().datetime(),
    by: personSchema,
    via: auditViaSchema,
    action: z.enum(AUDIT_ACTIONS),
    /** The area the change belongs to (its agreements, bindings, coordinators, subscriptions). */
    areaId: z.string().optional(),
    agreementId: z.string().optional(),
    activityId: z.string().optional(),
    entryId: z.string().optional(),
    /** The entries one change touched together (a retention run clearing many notes at once). */
    entryIds: z.array(z.string().min(1)).optional(),
    subscriptionId: z.string().optional(),
    conversationId: z.string().optional(),
    /** Field → before/after, for edits. A note is recorded as changed ("note": {}), never its text. */
    changes: z.record(z.string(), fieldChangeSchema).optional(),
    /** A short, non-personal word on what happened (a reason code, a count, an HTTP status). */
    detail: z.string().max(300).optional(),
  })
  .strict();

export type AuditRecord = z.infer<typeof auditRecordSchema>;
export type NewAuditRecord = Omit<AuditRecord, 'v' | 'id'>;

/** The system itself as the actor (a connector's 403, the bot removed from a team). */
export const SYSTEM_ACTOR = { id: 'system', name: 'boten' } as const;

/** One line of a history, shown newest first. */
export interface HistoryEvent {
  at: string;
  by: { id: string; name: string };
  via?: AuditVia;
  action: AuditAction;
  agreementId?: string;
  activityId?: string;
  entryId?: string;
  /** The entry as it stands now (for its date and count), when the event is about one. */
  entry?: Entry;
  changes?: AuditRecord['changes'];
  detail?: string;
}

/**
 * The history of the store, or of one activity: the audit records, plus a "logged" and an
 * "undone" event for entries from before the audit log existed (the entry itself holds who logged
 * and who undid it, and when). Newest first.
 */
export function historyEvents(
  records: readonly AuditRecord[],
  entries: readonly Entry[],
  only?: { agreementId: string; activityId: string },
): HistoryEvent[] {
  const mine = only
    ? records.filter((r) => r.activityId === only.activityId && r.agreementId === only.agreementId)
    : records;
  const entryById = new Map(entries.map((e) => [e.id, e]));
  const recorded = new Set(records.filter((r) => r.entryId).map((r) => `${r.action}|${r.entryId}`));
  const events: HistoryEvent[] = mine.map((r) => {
    const entry = r.entryId ? entryById.get(r.entryId) : undefined;
    return {
      at: r.at,
      by: r.by,
      via: r.via,
      action: r.action,
      ...(r.agreementId ? { agreementId: r.agreementId } : {}),
      ...(r.activityId ? { activityId: r.activityId } : {}),
      ...(r.entryId ? { entryId: r.entryId } : {}),
      ...(entry ? { entry } : {}),
      ...(r.changes ? { changes: r.changes } : {}),
      ...(r.detail ? { detail: r.detail } : {}),
    };
  });
  for (const entry of entries) {
    if (only && (entry.activityId !== only.activityId || entry.agreementId !== only.agreementId)) continue;
    const about = { agreementId: entry.agreementId, activityId: entry.activityId, entryId: entry.id, entry };
    if (!recorded.has(`entry.logged|${entry.id}`))
      events.push({ at: entry.loggedAt, by: entry.by, action: 'entry.logged', ...about });
    // An entry removed before the audit log existed; a removal recorded in it (undo, Ta bort, a deleted message) is there already.
    if (entry.removed && !recorded.has(`entry.undone|${entry.id}`) && !recorded.has(`entry.removed|${entry.id}`))
      events.push({ at: entry.removed.at, by: entry.removed.by, action: 'entry.undone', ...about });
  }
  return newestFirst(events);
}

/** Newest first by time; among equal times, the later recorded first (a stable reverse). */
function newestFirst<T extends { at: string }>(items: readonly T[]): T[] {
  return items
    .map((item, index) => ({ item, index }))
    .sort((a, b) => b.item.at.localeCompare(a.item.at) || b.index - a.index)
    .map((x) => x.item);
}

/** The latest change (edit or undo) to each entry: for the export's "ändrad av" columns. */
export function lastEntryChanges(records: readonly AuditRecord[]): Map<string, { by: string; at: string }> {
  const out = new Map<string, { by: string; at: string }>();
  for (const r of records) {
    if (!r.entryId || (r.action !== 'entry.edited' && r.action !== 'note.cleared')) continue;
    const seen = out.get(r.entryId);
    if (!seen || seen.at <= r.at) out.set(r.entryId, { by: r.by.name, at: r.at });
  }
  return out;
}
