// What the PostgreSQL store's transactions share: the audit insert that goes with every change, the
// per-area version bump that serialises an area's changes, and the errors the port names.
import { randomUUID } from 'node:crypto';
import { auditRecordSchema, type AuditRecord, type NewAuditRecord } from '../../domain/audit.js';
import type { Entry } from '../../domain/entry.js';
import type { Sql } from './db.js';
import { UnknownRecordError } from '../recordErrors.js';
import { CodedError } from '../../errors/codedError.js';
import { storeText } from '../../views/storeTexts.js';

/** An entry that cannot be stored as it is: it falls outside its agreement, or its id is taken. */
export class EntryRefusedError extends CodedError {
  override name = 'EntryRefusedError';
  readonly code = 'store.entryRefused';
}

/** How many counters an area's version is the sum of (see area_versions in migrations.ts). */
const VERSION_SHARDS = 16;

/** Makes the new area's version counters (in the transaction that adds the area). */
export async function insertAreaVersion(sql: Sql, areaId: string): Promise<void> {
  await sql('INSERT INTO area_versions (area_id, shard, version) SELECT $1, s, 0 FROM generate_series(0, $2 - 1) s', [
    areaId,
    VERSION_SHARDS,
  ]);
}

/**
 * Bumps the area's version (one of its counters, at random), in the transaction of the change: the
 * last statement before COMMIT, so the row lock is held only for the commit, and a reader never sees
 * the new version without the change. Throws UnknownRecordError for an area that does not exist.
 */
export async function bumpArea(sql: Sql, areaId: string): Promise<void> {
  const shard = Math.floor(Math.random() * VERSION_SHARDS);
  const rows = await sql(
    'UPDATE area_versions SET version = version + 1 WHERE area_id = $1 AND shard = $2 RETURNING version',
    [areaId, shard],
  );
  if (rows.length === 0) throw new UnknownRecordError(storeText({ code: 'refused.unknownArea', areaId }));
}

/** Appends the audit record (numbered and checked) in the caller's transaction; resolves with it as stored. */
export async function insertAudit(sql: Sql, record: NewAuditRecord): Promise<AuditRecord> {
  const full = auditRecordSchema.parse({ v: 1, id: randomUUID(), ...record });
  await sql(
    `INSERT INTO audit (id, at, action, area_id, agreement_id, entry_id, entry_ids, body)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      full.id,
      full.at,
      full.action,
      full.areaId ?? null,
      full.agreementId ?? null,
      full.entryId ?? null,
      full.entryIds ?? null,
      full,
    ],
  );
  return full;
}

/** The entry's real columns, in the order of ENTRY_COLUMNS, after area_id. */
export function entryColumns(entry: Entry): unknown[] {
  return [
    entry.agreementId,
    entry.id,
    entry.activityId,
    entry.date,
    entry.count,
    entry.occasionId ?? null,
    entry.sourceId ?? null,
    entry.by.id,
    entry.removed !== undefined,
    entry.removed?.by.id ?? null,
    entry.note !== undefined,
    entry,
  ];
}

export const ENTRY_COLUMNS =
  'area_id, agreement_id, id, activity_id, date, count, occasion_id, source_id, by_id, removed, removed_by_id, has_note, body';

/**
 * Rewrites a stored entry's row from its changed version: the columns follow the body. An entry
 * once removed keeps its remover in removed_by_id (it is "touched by" them for good, as in the file store).
 */
export async function updateEntry(sql: Sql, entry: Entry): Promise<void> {
  await sql(
    `UPDATE entries SET activity_id = $3, date = $4, count = $5, occasion_id = $6, removed = $7,
       removed_by_id = COALESCE($8, removed_by_id), has_note = $9, body = $10
     WHERE agreement_id = $1 AND id = $2`,
    [
      entry.agreementId,
      entry.id,
      entry.activityId,
      entry.date,
      entry.count,
      entry.occasionId ?? null,
      entry.removed !== undefined,
      entry.removed?.by.id ?? null,
      entry.note !== undefined,
      entry,
    ],
  );
}
