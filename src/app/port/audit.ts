// The append-only audit log: every change to the users' record, who and when. Changes write their
// record through the method that makes them (see records.ts, areas.ts); `record` is for what
// changes nothing stored (a refused access, an export).
import type { AuditRecord, NewAuditRecord } from '../../domain/audit.js';

/** Which records to read: all, or those of one area, agreement or entry. */
export interface AuditSelection {
  areaId?: string;
  agreementId?: string;
  entryId?: string;
}

export interface AuditTrail {
  record(record: NewAuditRecord): Promise<AuditRecord>;
  /** The selected records, oldest first. */
  read(selection?: AuditSelection): Promise<readonly AuditRecord[]>;
}

/**
 * The Teams message ids already answered (Teams redelivers a message it thinks went unanswered,
 * possibly to another instance). `claim` is true once per key across every process sharing the store.
 */
export interface Deliveries {
  claim(key: string, at: Date): Promise<boolean>;
}
