// One area's agreements, entries and completions in PostgreSQL. Every change runs in one
// transaction: it holds its agreement's row (FOR SHARE: a change of the agreement waits for it) and
// the entry's row (FOR UPDATE), applies the domain's rule to the entry as stored, appends its audit
// record and, last, bumps the area's version; all are committed or none is. The rows are always
// locked in that order (agreement, entries, version), so two transactions never wait on each other.
import { agreementSchema, type Agreement, type IsoDate } from '../../domain/agreement.js';
import type { NewAuditRecord } from '../../domain/audit.js';
import {
  completionSchema,
  entryAgreementProblem,
  entrySchema,
  type Completion,
  type Entry,
  type EntryChange,
  type EntryFields,
} from '../../domain/entry.js';
import { applyEdit, applyNoteClearing, applyRemoval, applyRestore } from '../../domain/entryChange.js';
import { occasionsOf, type Occasion } from '../../domain/occasion.js';
import type { DayTotal } from '../../domain/status.js';
import type { AddEntryResult, AreaRecords, NoteClearing, NoteSelection } from '../../app/port/index.js';
import type { Db, Sql } from './db.js';
import {
  ENTRY_COLUMNS,
  EntryRefusedError,
  UnknownRecordError,
  bumpArea,
  entryColumns,
  insertAudit,
  updateEntry,
} from './rows.js';

type BodyRow = { body: unknown };

const entries = (rows: readonly BodyRow[]): Entry[] => rows.map((r) => entrySchema.parse(r.body));

/**
 * The area's agreement, its row held (FOR SHARE) until the transaction ends, so it cannot change
 * under the entry being stored; UnknownRecordError when the area has no such agreement.
 */
async function agreementIn(sql: Sql, areaId: string, agreementId: string): Promise<Agreement> {
  const [row] = await sql<BodyRow>('SELECT body FROM agreements WHERE id = $1 AND area_id = $2 FOR SHARE', [
    agreementId,
    areaId,
  ]);
  if (!row) throw new UnknownRecordError(`okänt medborgarlöfte ${agreementId}`);
  return agreementSchema.parse(row.body);
}

/** The entry's row, locked for the transaction; undefined when the agreement has no such entry. */
async function lockedEntry(sql: Sql, agreementId: string, entryId: string): Promise<Entry | undefined> {
  const [row] = await sql<BodyRow>('SELECT body FROM entries WHERE agreement_id = $1 AND id = $2 FOR UPDATE', [
    agreementId,
    entryId,
  ]);
  return row ? entrySchema.parse(row.body) : undefined;
}

/** The port's AreaRecords for one area of the PostgreSQL store. */
export function postgresRecords(db: Db, areaId: string): AreaRecords {
  /** Runs a change of one of the area's entries: locks, reads, applies `rule`, stores it with `audit`. */
  const changeEntry = (
    agreementId: string,
    entryId: string,
    audit: NewAuditRecord,
    rule: (entry: Entry, agreement: Agreement) => Entry | undefined,
  ): Promise<Entry | undefined> =>
    db.tx(async (sql) => {
      const agreement = await agreementIn(sql, areaId, agreementId);
      const entry = await lockedEntry(sql, agreementId, entryId);
      const changed = entry && rule(entry, agreement);
      if (!changed) return undefined;
      await updateEntry(sql, changed);
      await insertAudit(sql, audit);
      await bumpArea(sql, areaId);
      return changed;
    });

  return {
    areaId,

    async version() {
      const [row] = await db.query<{ version: string | null }>(
        'SELECT sum(version)::text AS version FROM area_versions WHERE area_id = $1',
        [areaId],
      );
      return row?.version ?? 'none';
    },

    async agreements() {
      const rows = await db.query<BodyRow>('SELECT body FROM agreements WHERE area_id = $1 ORDER BY position', [
        areaId,
      ]);
      return rows.map((r) => agreementSchema.parse(r.body));
    },

    async agreement(id) {
      const [row] = await db.query<BodyRow>('SELECT body FROM agreements WHERE id = $1 AND area_id = $2', [id, areaId]);
      return row ? agreementSchema.parse(row.body) : undefined;
    },

    async entries(agreementId) {
      return entries(
        await db.query<BodyRow>('SELECT body FROM entries WHERE area_id = $1 AND agreement_id = $2 ORDER BY seq', [
          areaId,
          agreementId,
        ]),
      );
    },

    async completions(agreementId) {
      const rows = await db.query<BodyRow>(
        `SELECT c.body FROM completions c JOIN agreements a ON a.id = c.agreement_id
         WHERE a.area_id = $1 AND c.agreement_id = $2 ORDER BY c.seq`,
        [areaId, agreementId],
      );
      return rows.map((r) => completionSchema.parse(r.body));
    },

    async allEntries() {
      return entries(
        await db.query<BodyRow>(
          `SELECT e.body FROM entries e JOIN agreements a ON a.id = e.agreement_id
           WHERE e.area_id = $1 ORDER BY a.position, e.seq`,
          [areaId],
        ),
      );
    },

    async entriesTouchedBy(personId) {
      return entries(
        await db.query<BodyRow>(
          `SELECT e.body FROM entries e JOIN agreements a ON a.id = e.agreement_id
           WHERE e.area_id = $1 AND (e.by_id = $2 OR e.removed_by_id = $2) ORDER BY a.position, e.seq`,
          [areaId, personId],
        ),
      );
    },

    async findBySource(sourceId) {
      const [row] = await db.query<BodyRow>(
        `SELECT e.body FROM entries e JOIN agreements a ON a.id = e.agreement_id
         WHERE e.area_id = $1 AND e.source_id = $2 ORDER BY a.position, e.seq LIMIT 1`,
        [areaId, sourceId],
      );
      return row ? entrySchema.parse(row.body) : undefined;
    },

    async dayTotals(agreementId, activityId): Promise<DayTotal[]> {
      // The domain's rule (status.ts dayTotals, occasion.ts): an occasion is the active entries of
      // one day with one occasion id (an entry's own id when it joined none) and counts its largest
      // count. The property test against the file store holds the two together.
      const rows = await db.query<{ date: string; count: number; occasions: number }>(
        `SELECT date, sum(c)::integer AS count, count(*)::integer AS occasions FROM (
           SELECT date, max(count) AS c FROM entries
           WHERE area_id = $1 AND agreement_id = $2 AND activity_id = $3 AND NOT removed
           GROUP BY date, COALESCE(occasion_id, id)) occasions
         GROUP BY date ORDER BY date`,
        [areaId, agreementId, activityId],
      );
      return rows.map((r) => ({ date: r.date, count: r.count, occasions: r.occasions }));
    },

    async occasionsOn(agreementId, activityId, date: IsoDate): Promise<Occasion[]> {
      const active = entries(
        await db.query<BodyRow>(
          `SELECT body FROM entries
           WHERE area_id = $1 AND agreement_id = $2 AND activity_id = $3 AND date = $4 AND NOT removed ORDER BY seq`,
          [areaId, agreementId, activityId, date],
        ),
      );
      return occasionsOf(active);
    },

    addEntry(entry: Entry, audit: NewAuditRecord): Promise<AddEntryResult> {
      const valid = entrySchema.parse(entry);
      return db.tx(async (sql): Promise<AddEntryResult> => {
        const agreement = await agreementIn(sql, areaId, valid.agreementId);
        const problem = entryAgreementProblem(valid, agreement);
        if (problem) throw new EntryRefusedError(problem);
        // A second entry from the same message (a redelivery to any instance) meets the unique
        // index; ON CONFLICT waits for the first one's transaction, so it reads the entry committed.
        const inserted = await sql(
          `INSERT INTO entries (${ENTRY_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
           ON CONFLICT (agreement_id, source_id) WHERE source_id IS NOT NULL DO NOTHING RETURNING seq`,
          [areaId, ...entryColumns(valid)],
        ).catch((error: unknown) => {
          if ((error as { code?: string }).code === '23505')
            throw new EntryRefusedError(`insatsen ${valid.id} finns redan`);
          throw error;
        });
        if (inserted.length === 0) {
          const [first] = await sql<BodyRow>('SELECT body FROM entries WHERE agreement_id = $1 AND source_id = $2', [
            valid.agreementId,
            valid.sourceId,
          ]);
          return { stored: false, entry: entrySchema.parse(first?.body), reason: 'duplicate' };
        }
        await insertAudit(sql, audit);
        await bumpArea(sql, areaId);
        return { stored: true, entry: valid };
      });
    },

    removeEntry(agreementId, entryId, removal: NonNullable<Entry['removed']>, audit) {
      return changeEntry(agreementId, entryId, audit, (entry) =>
        entry.removed ? undefined : entrySchema.parse(applyRemoval(entry, removal)),
      );
    },

    editEntry(agreementId, entryId, fields: EntryFields, change: Omit<EntryChange, 'before'>, audit) {
      return changeEntry(agreementId, entryId, audit, (entry, agreement) => {
        if (entry.removed) return undefined;
        const next = applyEdit(entry, fields, change);
        const problem = entryAgreementProblem(next, agreement);
        if (problem) throw new EntryRefusedError(problem);
        return next;
      });
    },

    restoreEntry(agreementId, entryId, change, audit) {
      return changeEntry(agreementId, entryId, audit, (entry) =>
        entry.removed ? applyRestore(entry, change) : undefined,
      );
    },

    async addCompletion(agreementId, completion: Completion, audit) {
      const valid = completionSchema.parse(completion);
      await db.tx(async (sql) => {
        await agreementIn(sql, areaId, agreementId);
        await sql('INSERT INTO completions (agreement_id, activity_id, date, body) VALUES ($1, $2, $3, $4)', [
          agreementId,
          valid.activityId,
          valid.date,
          valid,
        ]);
        await insertAudit(sql, audit);
        await bumpArea(sql, areaId);
      });
    },

    clearNotes(selection: NoteSelection, cleared: NoteClearing, audit) {
      return db.tx(async (sql) => {
        const rows = await sql<BodyRow>(
          `SELECT e.body FROM entries e JOIN agreements a ON a.id = e.agreement_id
           WHERE e.area_id = $1 AND e.has_note AND ${'entryId' in selection ? 'e.id = $2' : 'e.date < $2'}
           ORDER BY a.position, e.seq FOR UPDATE OF e`,
          [areaId, 'entryId' in selection ? selection.entryId : selection.before],
        );
        const changed = entries(rows).map((e) => applyNoteClearing(e, cleared));
        const byAgreement = new Map<string, Entry[]>();
        for (const e of changed) {
          await updateEntry(sql, e);
          byAgreement.set(e.agreementId, [...(byAgreement.get(e.agreementId) ?? []), e]);
        }
        for (const [agreementId, cleaned] of byAgreement)
          await insertAudit(sql, {
            ...audit,
            ...('entryId' in selection ? { entryId: selection.entryId } : {}),
            agreementId,
            entryIds: cleaned.map((e) => e.id),
          });
        if (changed.length > 0) await bumpArea(sql, areaId);
        return changed;
      });
    },
  };
}
