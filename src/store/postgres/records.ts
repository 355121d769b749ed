// One area's agreements, entries and completions in PostgreSQL. Every change runs in one
// transaction that first bumps the area's version (and so holds its row lock: the area's changes
// happen one after another across instances), applies the domain's rule to the row as stored, and
// appends its audit record; both are committed or neither is.
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
import { dayTotals, type DayTotal } from '../../domain/status.js';
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

/** The area's agreement, read in the transaction; UnknownRecordError when the area has no such agreement. */
async function agreementIn(sql: Sql, areaId: string, agreementId: string): Promise<Agreement> {
  const [row] = await sql<BodyRow>('SELECT body FROM agreements WHERE id = $1 AND area_id = $2', [agreementId, areaId]);
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
      await bumpArea(sql, areaId);
      const agreement = await agreementIn(sql, areaId, agreementId);
      const entry = await lockedEntry(sql, agreementId, entryId);
      const changed = entry && rule(entry, agreement);
      if (!changed) return undefined;
      await updateEntry(sql, changed);
      await insertAudit(sql, audit);
      return changed;
    });

  return {
    areaId,

    async version() {
      const [row] = await db.query<{ version: string }>('SELECT version FROM area_versions WHERE area_id = $1', [
        areaId,
      ]);
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
      const active = entries(
        await db.query<BodyRow>(
          `SELECT body FROM entries WHERE area_id = $1 AND agreement_id = $2 AND activity_id = $3 AND NOT removed
           ORDER BY seq`,
          [areaId, agreementId, activityId],
        ),
      );
      return dayTotals(active, agreementId, activityId).sort((a, b) => a.date.localeCompare(b.date));
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
        await bumpArea(sql, areaId);
        const agreement = await agreementIn(sql, areaId, valid.agreementId);
        if (valid.sourceId !== undefined) {
          // The area's lock is held: a first entry from the same message is committed or not begun.
          const [first] = await sql<BodyRow>('SELECT body FROM entries WHERE agreement_id = $1 AND source_id = $2', [
            valid.agreementId,
            valid.sourceId,
          ]);
          if (first) return { stored: false, entry: entrySchema.parse(first.body), reason: 'duplicate' };
        }
        const problem = entryAgreementProblem(valid, agreement);
        if (problem) throw new EntryRefusedError(problem);
        const taken = await sql('SELECT 1 FROM entries WHERE agreement_id = $1 AND id = $2', [
          valid.agreementId,
          valid.id,
        ]);
        if (taken.length > 0) throw new EntryRefusedError(`insatsen ${valid.id} finns redan`);
        await sql(
          `INSERT INTO entries (${ENTRY_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
          [areaId, ...entryColumns(valid)],
        );
        await insertAudit(sql, audit);
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
        await bumpArea(sql, areaId);
        await agreementIn(sql, areaId, agreementId);
        await sql('INSERT INTO completions (agreement_id, activity_id, date, body) VALUES ($1, $2, $3, $4)', [
          agreementId,
          valid.activityId,
          valid.date,
          valid,
        ]);
        await insertAudit(sql, audit);
      });
    },

    clearNotes(selection: NoteSelection, cleared: NoteClearing, audit) {
      return db.tx(async (sql) => {
        await bumpArea(sql, areaId);
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
          await insertAudit(sql, { ...audit, agreementId, entryIds: cleaned.map((e) => e.id) });
        return changed;
      });
    },
  };
}
