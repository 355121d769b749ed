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
 * The Teams message ids being answered or answered (Teams resends a message it thinks went
 * unanswered, possibly to another instance). `claim` is true for one caller per key across every
 * process sharing the store, except that a claim not marked `done` within DELIVERY_TAKEOVER_MS
 * (src/domain/deliveries.ts: its instance died, and Teams has resent) may be taken over by a resend.
 */
export interface Deliveries {
  claim(key: string, at: Date): Promise<boolean>;
  /** The claimed message was answered: its key is held for the day (DELIVERY_DONE_MS). */
  done(key: string, at: Date): Promise<void>;
}
