// What an edit, a removal, a restore and a note clearing make of a stored entry. Every store applies
// these, so an entry's history reads the same whichever store holds it.
import {
  entryChangeSchema,
  entryFieldsSchema,
  entrySchema,
  fieldsOf,
  removalSchema,
  type Entry,
  type EntryChange,
  type EntryFields,
} from './entry.js';

/**
 * The entry with `fields` in place of its own and what it said before appended to its history (the
 * record of every correction). Moved to another activity or day, it leaves the occasion it joined
 * and becomes one of its own. Throws ZodError for fields or a change that do not validate.
 */
export function applyEdit(entry: Entry, fields: EntryFields, change: Omit<EntryChange, 'before'>): Entry {
  const valid = entryFieldsSchema.parse(fields);
  const changed: Entry = {
    ...entry,
    activityId: valid.activityId,
    date: valid.date,
    count: valid.count,
    history: [...(entry.history ?? []), entryChangeSchema.parse({ ...change, before: fieldsOf(entry) })],
  };
  if (valid.activityId !== entry.activityId || valid.date !== entry.date) changed.occasionId = entry.id;
  for (const key of ['place', 'hours', 'participants', 'note'] as const) delete changed[key];
  if (valid.place !== undefined) changed.place = valid.place;
  if (valid.hours !== undefined) changed.hours = valid.hours;
  if (valid.participants !== undefined) changed.participants = valid.participants;
  if (valid.note !== undefined) changed.note = valid.note;
  return entrySchema.parse(changed);
}

/** A removed entry active again, its removal kept in its history (reason "restored"). */
export function applyRestore(entry: Entry, change: Omit<EntryChange, 'before' | 'removed' | 'reason'>): Entry {
  const { removed, ...rest } = entry;
  return entrySchema.parse({
    ...rest,
    history: [
      ...(entry.history ?? []),
      entryChangeSchema.parse({ ...change, reason: 'restored', before: fieldsOf(entry), removed }),
    ],
  });
}

/**
 * The entry marked removed (it stays, as the record of what was removed). Throws ZodError for a
 * removal that does not validate (no reason, say): no store may write what it could not read back.
 */
export function applyRemoval(entry: Entry, removed: NonNullable<Entry['removed']>): Entry {
  return { ...entry, removed: removalSchema.parse(removed) };
}

/** The entry without its note, saying when and why it was cleared; figures unchanged. */
export function applyNoteClearing(entry: Entry, cleared: NonNullable<Entry['noteCleared']>): Entry {
  const { note: _note, ...rest } = entry;
  return { ...rest, noteCleared: cleared };
}
