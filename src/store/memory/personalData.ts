// The GDPR export and erasure over the memory store's state, with the domain's rules
// (src/domain/personRecords.ts): every kind of record it holds is walked, the audit log too.
import type { ErasureCounts, PersonalData, PersonalRecord, PersonalRecordKind } from '../../app/port/index.js';
import { mentions, namesIn, replaced, replacementFor, type Replacement } from '../../domain/personRecords.js';
import { auditRecordOf, copy, touch, type MemoryState } from './state.js';
import { storeText } from '../../views/storeTexts.js';

/** Every record the state holds, with its kind and place, and a way to put a changed one back. */
interface Slot {
  kind: PersonalRecordKind;
  where: string;
  areaId?: string;
  get(): unknown;
  set(value: unknown): void;
}

function slotsOf<T>(
  kind: PersonalRecordKind,
  where: string,
  list: T[],
  key: (x: T) => string,
  areaId?: string,
): Slot[] {
  return list.map((x, i) => ({
    kind,
    where: `${where}/${key(x)}`,
    ...(areaId ? { areaId } : {}),
    get: () => list[i],
    set: (v: unknown) => {
      list[i] = v as T;
    },
  }));
}

function slots(state: MemoryState): Slot[] {
  const all: Slot[] = [];
  for (const [id, a] of state.areas) {
    all.push({
      kind: 'area',
      where: `areas/${id}`,
      areaId: id,
      get: () => a.area,
      set: (v) => (a.area = v as typeof a.area),
    });
    all.push(...slotsOf('area', `areas/${id}/history`, a.history, (h) => h.at, id));
    all.push(...slotsOf('area', `areas/${id}/bindings`, a.bindings, (b) => `${b.target}:${b.id}`, id));
    all.push(...slotsOf('agreement', 'agreements', a.agreements, (x) => x.id, id));
  }
  for (const [agreementId, log] of state.logs) {
    const areaId = state.areaOf.get(agreementId);
    all.push(...slotsOf('entry', `entries/${agreementId}`, log.entries, (e) => e.id, areaId));
    all.push(
      ...slotsOf(
        'completion',
        `completions/${agreementId}`,
        log.completions,
        (c) => `${c.activityId}:${c.date}`,
        areaId,
      ),
    );
  }
  all.push(...slotsOf('subscription', 'subscriptions', state.subscriptions, (s) => s.id));
  all.push(...slotsOf('meeting', 'meetings', state.meetings, (m) => m.id));
  all.push(...slotsOf('reminder', 'reminders', state.people, (p) => p.name));
  all.push(...slotsOf('publication', 'drafts', state.drafts, (d) => `${d.agreementId}:${d.year}:T${d.tertial}`));
  all.push(
    ...slotsOf('publication', 'publications', state.publications, (p) => `${p.agreementId}:${p.year}:T${p.tertial}`),
  );
  all.push(...slotsOf('importDraft', 'importDrafts', state.importDrafts, (d) => d.id));
  return all;
}

/** The sources index again, after entries' source ids may have changed. */
function reindexSources(state: MemoryState): void {
  state.sources.clear();
  for (const [agreementId, log] of state.logs)
    for (const e of log.entries) if (e.sourceId) state.sources.set(e.sourceId, { agreementId, entryId: e.id });
}

export function memoryPersonalData(state: MemoryState): PersonalData {
  return {
    find(personId) {
      const names = new Set<string>();
      const records: PersonalRecord[] = [];
      for (const slot of slots(state)) {
        const value = slot.get();
        if (!mentions(value, personId)) continue;
        records.push({ kind: slot.kind, where: slot.where, record: copy(value) });
        namesIn(value, personId, names);
      }
      const audit = state.audit.filter((r) => mentions(r, personId));
      for (const r of audit) namesIn(r, personId, names);
      return Promise.resolve({ names: [...names].sort(), records, audit: copy(audit) });
    },
    erase(personId, pseudonym, by): Promise<ErasureCounts> {
      const entries = [...state.logs.values()].flatMap((l) => l.entries);
      const replacement: Replacement = replacementFor(personId, pseudonym, state.audit, entries);
      const places: Record<string, number> = {};
      const changedAreas = new Set<string>();
      const changes: (() => void)[] = [];
      for (const slot of slots(state)) {
        const before = slot.get();
        const after = replaced(before, replacement);
        if (JSON.stringify(after) === JSON.stringify(before)) continue;
        const place = slot.where.split('/')[0] ?? slot.where;
        places[place] = (places[place] ?? 0) + 1;
        if (slot.areaId) changedAreas.add(slot.areaId);
        changes.push(() => slot.set(after));
      }
      const audit = state.audit.map((r) => replaced(r, replacement));
      const inAudit = audit.filter((r, i) => JSON.stringify(r) !== JSON.stringify(state.audit[i])).length;
      if (inAudit > 0) places.audit = inAudit;
      const total = Object.values(places).reduce((a, b) => a + b, 0);
      if (total === 0) return Promise.resolve({ places, total });
      const record = auditRecordOf({
        at: by.at.toISOString(),
        by: by.by,
        via: by.via,
        action: 'person.erased',
        detail: storeText({ code: 'record.erased', pseudonym: pseudonym.id, total }),
      });
      for (const change of changes) change();
      state.audit = [...audit, record];
      reindexSources(state);
      for (const id of changedAreas) touch(state, id);
      return Promise.resolve({ places, total });
    },
  };
}
