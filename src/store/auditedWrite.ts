// A change to one of the store's JSON documents (an area's file, subscriptions.json, meetings.json,
// reminders.json, publications.json, import-drafts.json) written with its audit records in the same
// atomic write: the records stand in the document (pendingAudit) until audit.jsonl has them. A crash
// between the two writes leaves them in the document, and the next start appends them (recover, by
// id: never twice). One fsync carries the change and its record; nothing acknowledged is unaudited.
import { z } from 'zod';
import { auditRecordSchema, type AuditRecord, type NewAuditRecord } from '../domain/audit.js';
import type { AuditLog } from './auditLog.js';
import type { JsonDocument } from './document.js';

/**
 * The document's field for the audit records of the change it was last written for. Absent in files
 * written before it (they load as ever); the next audited write replaces it.
 */
export const pendingAuditField = { pendingAudit: z.array(auditRecordSchema).optional() };

/** A document that may carry the audit records of its last change. */
export interface CarriesAudit {
  pendingAudit?: AuditRecord[] | undefined;
}

/**
 * Writes what `change` makes of the document with the audit records it returns, in one atomic
 * write, appends them to audit.jsonl right after (adopt) and resolves after that append. Records of
 * earlier writes that audit.jsonl could not take yet stay in the document beside the new ones, so a
 * record is never overwritten before audit.jsonl has it; when audit.jsonl cannot be written the
 * change is still made and its records wait in the document for the next flush or start. `change`
 * may throw: nothing is written. With `later`, the records are not appended now: the caller adopts
 * them (a new area, whose records wait for its index).
 */
export async function writeAudited<T extends CarriesAudit, R>(
  doc: JsonDocument<T>,
  audit: AuditLog,
  change: (data: T) => { result: R; audit: readonly NewAuditRecord[] },
  later?: (records: AuditRecord[]) => void,
): Promise<R> {
  let prepared: AuditRecord[] = [];
  const result = await doc.update(
    (data) => {
      const done = change(data);
      prepared = done.audit.map((r) => audit.prepare(r));
      const waiting = new Set(audit.waiting().map((r) => r.id));
      const pending = [...(data.pendingAudit ?? []).filter((r) => waiting.has(r.id)), ...prepared];
      if (pending.length > 0) data.pendingAudit = pending;
      else delete data.pendingAudit;
      return done.result;
    },
    {
      // Usually empties `waiting`; when audit.jsonl cannot be written the change is still made.
      before: () => audit.flushed().catch(() => undefined),
      written: () => (later ? later(prepared) : audit.adopt(prepared)),
    },
  );
  // Changes with a record are rare (a person's choice, a Teams event): they wait for the append (one
  // more fsync), so whoever made one finds audit.jsonl complete. A failed append is not the change's
  // failure: the document keeps the record for the next flush or start.
  if (!later && prepared.length > 0) await audit.flushed().catch(() => undefined);
  return result;
}

/** At start: appends the records `docs` carry that a crash kept out of audit.jsonl (by id, once). */
export async function recoverPendingAudit(
  audit: AuditLog,
  docs: readonly { readonly data: CarriesAudit }[],
): Promise<void> {
  await audit.recover(docs.flatMap((doc) => doc.data.pendingAudit ?? []));
}
