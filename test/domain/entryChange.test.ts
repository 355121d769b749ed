// The entry rules every store applies inside its own write: a removal keeps the entry, a note
// clearing keeps every figure. Property tests: whatever the entry, nothing else changes.
import { expect } from 'chai';
import fc from 'fast-check';
import { applyNoteClearing, applyRemoval } from '../../src/domain/entryChange.js';
import type { Entry } from '../../src/domain/entry.js';

const person = { id: 'aad-anna', name: 'Anna Andersson' };

const entries = fc.record({
  id: fc.string({ minLength: 1, maxLength: 20 }),
  date: fc.constantFrom('2020-03-14', '2021-12-31'),
  count: fc.integer({ min: 1, max: 1000 }),
  note: fc.option(fc.string({ minLength: 1, maxLength: 200 }), { nil: undefined }),
  place: fc.option(fc.string({ minLength: 1, maxLength: 80 }), { nil: undefined }),
});

function entryOf(e: {
  id: string;
  date: string;
  count: number;
  note?: string | undefined;
  place?: string | undefined;
}): Entry {
  return {
    id: e.id,
    agreementId: 'jonkoping-2020',
    activityId: 'krogtillsyn',
    date: e.date,
    count: e.count,
    by: person,
    loggedAt: '2020-03-14T20:00:00.000Z',
    ...(e.note !== undefined ? { note: e.note } : {}),
    ...(e.place !== undefined ? { place: e.place } : {}),
  };
}

describe('entry changes (src/domain/entryChange.ts)', () => {
  it('a removal marks the entry and keeps everything it said', () => {
    fc.assert(
      fc.property(entries, (e) => {
        const entry = entryOf(e);
        const removal = { by: person, at: '2020-03-15T08:00:00.000Z', reason: 'undo' as const };
        const removed = applyRemoval(entry, removal);
        expect(removed.removed).to.deep.equal(removal);
        const { removed: _r, ...rest } = removed;
        expect(rest).to.deep.equal(entry);
      }),
    );
  });

  it('clearing a note drops only the note and says when and why', () => {
    fc.assert(
      fc.property(entries, (e) => {
        const entry = entryOf(e);
        const cleared = { at: '2023-05-01T12:00:00.000Z', reason: 'retention' as const };
        const after = applyNoteClearing(entry, cleared);
        expect(after.note).to.equal(undefined);
        expect(after.noteCleared).to.deep.equal(cleared);
        const { note: _n, ...kept } = entry;
        const { noteCleared: _c, ...rest } = after;
        expect(rest).to.deep.equal(kept);
      }),
    );
  });
});
