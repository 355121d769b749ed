// An entry's copy is equal to it and shares no object with it, whatever fields the entry has.
import { expect } from 'chai';
import { entrySchema, type Entry } from '../../src/domain/entry.js';
import { copyOfEntry } from '../../src/domain/entryCopy.js';

const by = { id: 'aad-anna', name: 'Anna' };
const removed = { by, at: '2020-03-15T08:00:00.000Z', reason: 'undo' as const, sourceId: 'm2' };
/** An entry with every field the schema has. */
const full: Entry = {
  id: 'e1',
  agreementId: 'jonkoping-2020',
  activityId: 'ssg',
  date: '2020-03-14',
  place: 'Torget',
  count: 2,
  hours: 1.5,
  participants: 4,
  note: 'lugnt',
  by,
  loggedAt: '2020-03-14T18:00:00.000Z',
  sourceId: 'm1',
  occasionId: 'o1',
  removed,
  history: [
    {
      by,
      at: '2020-03-15T08:00:00.000Z',
      reason: 'restored',
      before: { activityId: 'ssg', date: '2020-03-14', count: 1 },
      removed,
    },
  ],
  noteCleared: { at: '2020-06-01T00:00:00.000Z', reason: 'coordinator', by },
};

/** Every object reachable from `value`. */
function objectsIn(value: unknown, out = new Set<object>()): Set<object> {
  if (typeof value === 'object' && value !== null) {
    out.add(value);
    for (const v of Object.values(value)) objectsIn(v, out);
  }
  return out;
}

describe('copyOfEntry', () => {
  it('covers every field of the entry schema (a new nested field must be copied too)', () => {
    expect(Object.keys(full).sort()).to.deep.equal(Object.keys(entrySchema.shape).sort());
  });

  it('equals structuredClone and shares no object with the entry', () => {
    for (const entry of [full, { ...full, removed: undefined, history: undefined, noteCleared: undefined }]) {
      const valid = entrySchema.parse(entry);
      const copy = copyOfEntry(valid);
      expect(copy).to.deep.equal(structuredClone(valid));
      const shared = [...objectsIn(copy)].filter((o) => objectsIn(valid).has(o));
      expect(shared).to.deep.equal([]);
    }
  });
});
