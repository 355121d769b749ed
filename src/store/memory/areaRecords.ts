// One area's agreements and entries in the memory store: the port's AreaRecords, applying the
// domain's entry rules (src/domain/entryChange.ts, recordRules.ts). Another area's ids are unknown.
import type { Agreement, IsoDate } from '../../domain/agreement.js';
import type { NewAuditRecord } from '../../domain/audit.js';
import { completionSchema, entrySchema, type Entry } from '../../domain/entry.js';
import { copiesOfEntries } from '../../domain/entryCopy.js';
import { applyEdit, applyNoteClearing, applyRemoval, applyRestore } from '../../domain/entryChange.js';
import { occasionsOf } from '../../domain/occasion.js';
import { duplicateOf, editable, removable, restorable } from '../../domain/recordRules.js';
import { dayTotals } from '../../domain/status.js';
import type { AddEntryResult, AreaRecords } from '../../app/port/index.js';
import {
  auditRecordOf,
  copy,
  DuplicateRecordError,
  settle,
  touch,
  UnknownRecordError,
  type LogState,
  type MemoryState,
} from './state.js';

/** The area's records over the memory store's state. */
export function memoryAreaRecords(state: MemoryState, areaId: string): AreaRecords {
  const agreements = (): Agreement[] => state.areas.get(areaId)?.agreements ?? [];
  const mine = (agreementId: string): LogState | undefined =>
    state.areaOf.get(agreementId) === areaId ? state.logs.get(agreementId) : undefined;
  const logOf = (agreementId: string): LogState => {
    const log = mine(agreementId);
    if (!log) throw new UnknownRecordError(`okänt medborgarlöfte ${agreementId} i området ${areaId}`);
    return log;
  };
  const entryOf = (log: LogState, entryId: string): Entry | undefined => {
    const i = log.byId.get(entryId);
    return i === undefined ? undefined : log.entries[i];
  };
  /** Stores the changed entry and its audit record together (the record validated first), and moves the version on. */
  const replace = (log: LogState, next: Entry, audit: NewAuditRecord): Entry => {
    const record = auditRecordOf(audit);
    const i = log.byId.get(next.id)!;
    log.entries[i] = next;
    state.audit.push(record);
    touch(state, areaId);
    return copy(next);
  };
  const allEntries = (): Entry[] => agreements().flatMap((a) => state.logs.get(a.id)?.entries ?? []);

  return {
    areaId,
    version: () => Promise.resolve(`${state.areas.get(areaId)?.version ?? 0}`),
    agreements: () => Promise.resolve(copy(agreements())),
    agreement: (id) => Promise.resolve(copy(agreements().find((a) => a.id === id))),
    entries: (agreementId) => Promise.resolve(copiesOfEntries(mine(agreementId)?.entries ?? [])),
    completions: (agreementId) => Promise.resolve(copy(mine(agreementId)?.completions ?? [])),
    allEntries: () => Promise.resolve(copiesOfEntries(allEntries())),
    entriesTouchedBy: (personId) =>
      Promise.resolve(
        copiesOfEntries(allEntries().filter((e) => e.by.id === personId || e.removed?.by.id === personId)),
      ),
    findBySource: (sourceId) =>
      settle(() => {
        const at = state.sources.get(sourceId);
        const log = at && mine(at.agreementId);
        return copy(log && entryOf(log, at.entryId));
      }),
    dayTotals: (agreementId, activityId) =>
      Promise.resolve(
        dayTotals(mine(agreementId)?.entries ?? [], agreementId, activityId).sort((a, b) =>
          a.date.localeCompare(b.date),
        ),
      ),
    occasionsOn: (agreementId, activityId, date: IsoDate) =>
      Promise.resolve(
        copy(
          // An occasion lies on one activity and day, so the day's entries alone make the day's occasions.
          occasionsOf((mine(agreementId)?.entries ?? []).filter((e) => e.activityId === activityId && e.date === date)),
        ),
      ),

    addEntry: (entry, audit) =>
      settle((): AddEntryResult => {
        const valid = entrySchema.parse(entry);
        const log = logOf(valid.agreementId);
        const duplicate = duplicateOf(valid, (sourceId) => {
          const at = state.sources.get(sourceId);
          return at && state.logs.get(at.agreementId) && entryOf(state.logs.get(at.agreementId)!, at.entryId);
        });
        if (duplicate) return { stored: false, entry: copy(duplicate), reason: 'duplicate' };
        if (log.byId.has(valid.id)) throw new DuplicateRecordError(`insatsen ${valid.id} finns redan`);
        const record = auditRecordOf(audit);
        log.byId.set(valid.id, log.entries.length);
        log.entries.push(copy(valid));
        if (valid.sourceId !== undefined)
          state.sources.set(valid.sourceId, { agreementId: valid.agreementId, entryId: valid.id });
        state.audit.push(record);
        touch(state, areaId);
        return { stored: true, entry: copy(valid) };
      }),
    removeEntry: (agreementId, entryId, removal, audit) =>
      settle(() => {
        const log = logOf(agreementId);
        const entry = entryOf(log, entryId);
        return removable(entry) ? replace(log, applyRemoval(entry, copy(removal)), audit) : undefined;
      }),
    editEntry: (agreementId, entryId, fields, change, audit) =>
      settle(() => {
        const log = logOf(agreementId);
        const entry = entryOf(log, entryId);
        return editable(entry) ? replace(log, applyEdit(entry, fields, change), audit) : undefined;
      }),
    restoreEntry: (agreementId, entryId, change, audit) =>
      settle(() => {
        const log = logOf(agreementId);
        const entry = entryOf(log, entryId);
        return restorable(entry) ? replace(log, applyRestore(entry, change), audit) : undefined;
      }),
    addCompletion: (agreementId, completion, audit) =>
      settle(() => {
        const log = logOf(agreementId);
        const valid = completionSchema.parse(completion);
        const record = auditRecordOf(audit);
        log.completions.push(copy(valid));
        state.audit.push(record);
        touch(state, areaId);
      }),
    clearNotes: (selection, cleared, audit) =>
      settle(() => {
        const out: Entry[] = [];
        for (const agreement of agreements()) {
          const log = logOf(agreement.id);
          const chosen = log.entries.filter(
            (e) =>
              e.note !== undefined && ('entryId' in selection ? e.id === selection.entryId : e.date < selection.before),
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
      }),
  };
}
