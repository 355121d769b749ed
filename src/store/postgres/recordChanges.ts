// Changes of one area's entries and completions in PostgreSQL. Every change runs in one
// transaction: it holds its agreement's row (FOR SHARE: a change of the agreement waits for it) and
// the entry's row (FOR UPDATE), applies the domain's rule to the entry as stored, appends its audit
// record and, last, bumps the area's version; all are committed or none is. The rows are always
// locked in that order (agreement, entries, version), so two transactions never wait on each other.
import { agreementSchema, type Agreement } from '../../domain/agreement.js';
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
import type { AddEntryResult, AreaRecords, NoteClearing, NoteSelection } from '../../app/port/index.js';
import type { Db, Sql } from './db.js';
import { entries, type BodyRow } from './recordReads.js';
import { ENTRY_COLUMNS, EntryRefusedError, bumpArea, entryColumns, insertAudit, updateEntry } from './rows.js';
import { UnknownRecordError } from '../recordErrors.js';
import { storeText } from '../../views/storeTexts.js';

/**
 * The area's agreement, its row held (FOR SHARE) until the transaction ends, so it cannot change
 * under the entry being stored; UnknownRecordError when the area has no such agreement.
 */
async function agreementIn(sql: Sql, areaId: string, agreementId: string): Promise<Agreement> {
  const [row] = await sql<BodyRow>('SELECT body FROM agreements WHERE id = $1 AND area_id = $2 FOR SHARE', [
    agreementId,
    areaId,
  ]);
  if (!row) throw new UnknownRecordError(storeText({ code: 'refused.unknownAgreement', agreementId }));
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

/** Runs a change of one of the area's entries: locks, reads, applies `rule`, stores it with `audit`. */
function changeEntry(
  db: Db,
  areaId: string,
  { agreementId, entryId, audit }: { agreementId: string; entryId: string; audit: NewAuditRecord },
  rule: (entry: Entry, agreement: Agreement) => Entry | undefined,
): Promise<Entry | undefined> {
  return db.tx(async (sql) => {
    const agreement = await agreementIn(sql, areaId, agreementId);
    const entry = await lockedEntry(sql, agreementId, entryId);
    const changed = entry && rule(entry, agreement);
    if (!changed) return undefined;
    await updateEntry(sql, changed);
    await insertAudit(sql, audit);
    await bumpArea(sql, areaId);
    return changed;
  });
}

/**
 * Stores a new entry of the area (EntryRefusedError when it falls outside its agreement or its id is
 * taken); a second entry from the same message is answered with the first, as a duplicate.
 */
function addEntry(db: Db, areaId: string, entry: Entry, audit: NewAuditRecord): Promise<AddEntryResult> {
  const valid = entrySchema.parse(entry);
  return db.tx(async (sql): Promise<AddEntryResult> => {
    const agreement = await agreementIn(sql, areaId, valid.agreementId);
    const problem = entryAgreementProblem(valid, agreement);
    if (problem) throw new EntryRefusedError(storeText(problem));
    // A second entry from the same message (a redelivery to any instance) meets the unique
    // index; ON CONFLICT waits for the first one's transaction, so it reads the entry committed.
    const inserted = await sql(
      `INSERT INTO entries (${ENTRY_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
       ON CONFLICT (agreement_id, source_id) WHERE source_id IS NOT NULL DO NOTHING RETURNING seq`,
      [areaId, ...entryColumns(valid)],
    ).catch((error: unknown) => {
      if ((error as { code?: string }).code === '23505')
        throw new EntryRefusedError(storeText({ code: 'refused.entryExists', entryId: valid.id }));
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
}

/** Adding, removing, editing and restoring the area's entries. */
export function entryChanges(
  db: Db,
  areaId: string,
): Pick<AreaRecords, 'addEntry' | 'removeEntry' | 'editEntry' | 'restoreEntry'> {
  return {
    addEntry: (entry, audit) => addEntry(db, areaId, entry, audit),

    removeEntry(agreementId, entryId, removal: NonNullable<Entry['removed']>, audit) {
      return changeEntry(db, areaId, { agreementId, entryId, audit }, (entry) =>
        entry.removed ? undefined : entrySchema.parse(applyRemoval(entry, removal)),
      );
    },

    editEntry(agreementId, entryId, fields: EntryFields, change: Omit<EntryChange, 'before'>, audit) {
      return changeEntry(db, areaId, { agreementId, entryId, audit }, (entry, agreement) => {
        if (entry.removed) return undefined;
        const next = applyEdit(entry, fields, change);
        const problem = entryAgreementProblem(next, agreement);
        if (problem) throw new EntryRefusedError(storeText(problem));
        return next;
      });
    },

    restoreEntry(agreementId, entryId, change, audit) {
      return changeEntry(db, areaId, { agreementId, entryId, audit }, (entry) =>
        entry.removed ? applyRestore(entry, change) : undefined,
      );
    },
  };
}

/** Clears the selected entries' notes, one audit record per agreement touched (see AreaRecords.clearNotes). */
function clearNotes(
  db: Db,
  areaId: string,
  selection: NoteSelection,
  cleared: NoteClearing,
  audit: Omit<NewAuditRecord, 'agreementId' | 'entryIds' | 'entryId'>,
): Promise<Entry[]> {
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
}

/** Recording an activity's completion and clearing notes. */
export function completionAndNoteChanges(db: Db, areaId: string): Pick<AreaRecords, 'addCompletion' | 'clearNotes'> {
  return {
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

    clearNotes: (selection, cleared, audit) => clearNotes(db, areaId, selection, cleared, audit),
  };
}
