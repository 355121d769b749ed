// One person's data, for the data protection officer's requests (GDPR art. 15 and 17): everything
// stored about them, and their erasure. The rules (what holds a person, what replaces them) are the
// domain's (src/domain/personRecords.ts); each store applies them to what it keeps.
import type { AuditRecord } from '../../domain/audit.js';
import type { Pseudonym } from '../../domain/personRecords.js';
import type { ChangeBy } from './areas.js';

/**
 * What kind of record holds the person.
 * @public
 */
export type PersonalRecordKind =
  | 'entry'
  | 'completion'
  | 'area'
  | 'agreement'
  | 'subscription'
  | 'meeting'
  | 'reminder'
  | 'publication'
  | 'importDraft'
  | 'other';

/**
 * A record that holds the person, whole, and where the store keeps it: for the file store the file
 * and the record's place in it ("entries-jonkoping-2020.json entries[3]", "… journal.jsonl rad 2"),
 * for a database the table and the row's key.
 * @public
 */
export interface PersonalRecord {
  kind: PersonalRecordKind;
  where: string;
  record: unknown;
}

/**
 * Everything the store holds about one person: the names they are stored under, the records that
 * hold them, and the audit records that name them (oldest first).
 * @public
 */
export interface FoundPersonalData {
  names: string[];
  records: PersonalRecord[];
  audit: AuditRecord[];
}

/**
 * What an erasure changed: records per place (a file, a table), and the total.
 * @public
 */
export interface ErasureCounts {
  places: Record<string, number>;
  total: number;
}

export interface PersonalData {
  /** Every record and audit record that holds the person with this id (their user or Entra object id). Reads only. */
  find(personId: string): Promise<FoundPersonalData>;
  /**
   * Replaces the person's id and name with `pseudonym` in every record and audit record, and the ids
   * of their personal chats with pseudonyms of their own; the figures stay (entries are kept). Records
   * the erasure (action `person.erased`, by `by`) with the change where the store allows (one
   * transaction, one rewrite of the audit log). Nothing is changed, and nothing recorded, when
   * nothing holds the person: the counts are then zero.
   */
  erase(personId: string, pseudonym: Pseudonym, by: ChangeBy): Promise<ErasureCounts>;
}
