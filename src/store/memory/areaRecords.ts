// One area's agreements and entries in the memory store: the port's AreaRecords, applying the
// domain's entry rules (src/domain/entryChange.ts, recordRules.ts). Another area's ids are unknown.
import type { Agreement, IsoDate } from '../../domain/agreement.js';
import type { NewAuditRecord } from '../../domain/audit.js';
import { completionSchema, entrySchema, type Entry } from '../../domain/entry.js';
import { copiesOfEntries } from '../../domain/entryCopy.js';
import { applyEdit, applyNoteClearing, applyRemoval, applyRestore } from '../../domain/entryChange.js';
import { occasionsOf } from '../../domain/occasion.js';
import { duplicateOf, editable, latestEntryBy, removable, restorable } from '../../domain/recordRules.js';
import { dayTotals } from '../../domain/status.js';
import type { AddEntryResult, AreaRecords, NoteClearing, NoteSelection } from '../../app/port/index.js';
import { auditRecordOf, copy, settle, touch, type LogState, type MemoryState } from './state.js';
import { DuplicateRecordError, UnknownRecordError } from '../recordErrors.js';
import { storeText } from '../../views/storeTexts.js';

const agreementsOf = (state: MemoryState, areaId: string): Agreement[] => state.areas.get(areaId)?.agreements ?? [];

/** The agreement's log when it is the area's; undefined for another area's or an unknown one. */
const mine = (state: MemoryState, areaId: string, agreementId: string): LogState | undefined =>
  state.areaOf.get(agreementId) === areaId ? state.logs.get(agreementId) : undefined;

/** The area's agreement's log; UnknownRecordError for another area's or an unknown one. */
function logOf(state: MemoryState, areaId: string, agreementId: string): LogState {
  const log = mine(state, areaId, agreementId);
  if (!log) throw new UnknownRecordError(storeText({ code: 'refused.unknownAgreementInArea', agreementId, areaId }));
  return log;
}

function entryOf(log: LogState, entryId: string): Entry | undefined {
  const i = log.byId.get(entryId);
  return i === undefined ? undefined : log.entries[i];
}

/** Stores the changed entry and its audit record together (the record validated first), and moves the version on. */
function replace(state: MemoryState, areaId: string, log: LogState, next: Entry, audit: NewAuditRecord): Entry {
  const record = auditRecordOf(audit);
  const i = log.byId.get(next.id)!;
  log.entries[i] = next;
  state.audit.push(record);
  touch(state, areaId);
  return copy(next);
}

const allEntriesOf = (state: MemoryState, areaId: string): Entry[] =>
  agreementsOf(state, areaId).flatMap((a) => state.logs.get(a.id)?.entries ?? []);

/** What AreaRecords changes; the rest, but its areaId, are reads. */
type RecordChanges = Pick<
  AreaRecords,
  'addEntry' | 'removeEntry' | 'editEntry' | 'restoreEntry' | 'addCompletion' | 'clearNotes'
>;

/** Every read of the area's records, answering copies. */
function recordReads(state: MemoryState, areaId: string): Omit<AreaRecords, 'areaId' | keyof RecordChanges> {
  const agreements = () => agreementsOf(state, areaId);
  const entriesOf = (agreementId: string) => mine(state, areaId, agreementId)?.entries ?? [];
  const allEntries = () => allEntriesOf(state, areaId);
  return {
    version: () => Promise.resolve(`${state.areas.get(areaId)?.version ?? 0}`),
    agreements: () => Promise.resolve(copy(agreements())),
    agreement: (id) => Promise.resolve(copy(agreements().find((a) => a.id === id))),
    entries: (agreementId) => Promise.resolve(copiesOfEntries(entriesOf(agreementId))),
    completions: (agreementId) => Promise.resolve(copy(mine(state, areaId, agreementId)?.completions ?? [])),
    allEntries: () => Promise.resolve(copiesOfEntries(allEntries())),
    entriesTouchedBy: (personId) =>
      Promise.resolve(
        copiesOfEntries(allEntries().filter((e) => e.by.id === personId || e.removed?.by.id === personId)),
      ),
    latestEntryBy: (personId) => Promise.resolve(copy(latestEntryBy(allEntries(), personId))),
    findBySource: (sourceId) =>
      settle(() => {
        const at = state.sources.get(sourceId);
        const log = at && mine(state, areaId, at.agreementId);
        return copy(log && entryOf(log, at.entryId));
      }),
    dayTotals: (agreementId, activityId) =>
      Promise.resolve(
        dayTotals(entriesOf(agreementId), agreementId, activityId).sort((a, b) => a.date.localeCompare(b.date)),
      ),
    occasionsOn: (agreementId, activityId, date: IsoDate) =>
      Promise.resolve(
        copy(
          // An occasion lies on one activity and day, so the day's entries alone make the day's occasions.
          occasionsOf(entriesOf(agreementId).filter((e) => e.activityId === activityId && e.date === date)),
        ),
      ),
  };
}

/** Stores a new entry with its audit record; an entry from a message already stored is a duplicate. */
function addEntry(state: MemoryState, areaId: string, entry: Entry, audit: NewAuditRecord): AddEntryResult {
  const valid = entrySchema.parse(entry);
  const log = logOf(state, areaId, valid.agreementId);
  const duplicate = duplicateOf(valid, (sourceId) => {
    const at = state.sources.get(sourceId);
    return at && state.logs.get(at.agreementId) && entryOf(state.logs.get(at.agreementId)!, at.entryId);
  });
  if (duplicate) return { stored: false, entry: copy(duplicate), reason: 'duplicate' };
  if (log.byId.has(valid.id))
    throw new DuplicateRecordError(storeText({ code: 'refused.entryExists', entryId: valid.id }));
  const record = auditRecordOf(audit);
  log.byId.set(valid.id, log.entries.length);
  log.entries.push(copy(valid));
  if (valid.sourceId !== undefined)
    state.sources.set(valid.sourceId, { agreementId: valid.agreementId, entryId: valid.id });
  state.audit.push(record);
  touch(state, areaId);
  return { stored: true, entry: copy(valid) };
}

/** Removing, editing and restoring one entry, each under the domain's rule of when it may be. */
function entryChanges(
  state: MemoryState,
  areaId: string,
): Pick<RecordChanges, 'removeEntry' | 'editEntry' | 'restoreEntry'> {
  /** Applies `change` to the entry (found in the area's agreement) and stores it, or answers undefined. */
  const changed = (
    agreementId: string,
    entryId: string,
    audit: NewAuditRecord,
    change: (entry: Entry | undefined) => Entry | undefined,
  ) =>
    settle(() => {
      const log = logOf(state, areaId, agreementId);
      const next = change(entryOf(log, entryId));
      return next ? replace(state, areaId, log, next, audit) : undefined;
    });
  return {
    removeEntry: (agreementId, entryId, removal, audit) =>
      changed(agreementId, entryId, audit, (entry) =>
        removable(entry) ? applyRemoval(entry, copy(removal)) : undefined,
      ),
    editEntry: (agreementId, entryId, fields, change, audit) =>
      changed(agreementId, entryId, audit, (entry) => (editable(entry) ? applyEdit(entry, fields, change) : undefined)),
    restoreEntry: (agreementId, entryId, change, audit) =>
      changed(agreementId, entryId, audit, (entry) => (restorable(entry) ? applyRestore(entry, change) : undefined)),
  };
}

/** Clears the selected entries' notes, one audit record per agreement touched (see AreaRecords.clearNotes). */
function clearNotes(
  state: MemoryState,
  areaId: string,
  selection: NoteSelection,
  cleared: NoteClearing,
  audit: Omit<NewAuditRecord, 'agreementId' | 'entryIds' | 'entryId'>,
): Entry[] {
  const out: Entry[] = [];
  for (const agreement of agreementsOf(state, areaId)) {
    const log = logOf(state, areaId, agreement.id);
    const chosen = log.entries.filter(
      (e) => e.note !== undefined && ('entryId' in selection ? e.id === selection.entryId : e.date < selection.before),
    );
    if (chosen.length === 0) continue;
    const record = auditRecordOf({
      ...audit,
      ...('entryId' in selection ? { entryId: selection.entryId } : {}),
      agreementId: agreement.id,
      entryIds: chosen.map((e) => e.id),
    });
    for (const e of chosen) {
      const next = applyNoteClearing(e, copy(cleared));
      log.entries[log.byId.get(e.id)!] = next;
      out.push(copy(next));
    }
    state.audit.push(record);
    touch(state, areaId);
  }
  return out;
}

/** The area's records over the memory store's state. */
export function memoryAreaRecords(state: MemoryState, areaId: string): AreaRecords {
  return {
    areaId,
    ...recordReads(state, areaId),
    addEntry: (entry, audit) => settle(() => addEntry(state, areaId, entry, audit)),
    ...entryChanges(state, areaId),
    addCompletion: (agreementId, completion, audit) =>
      settle(() => {
        const log = logOf(state, areaId, agreementId);
        const valid = completionSchema.parse(completion);
        const record = auditRecordOf(audit);
        log.completions.push(copy(valid));
        state.audit.push(record);
        touch(state, areaId);
      }),
    clearNotes: (selection, cleared, audit) => settle(() => clearNotes(state, areaId, selection, cleared, audit)),
  };
}
