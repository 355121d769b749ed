// The rules for storing agreements and entries: one id, no overlap within an area, no entry left
// outside a changed agreement, one entry per message, removed once.
import { expect } from 'chai';
import fc from 'fast-check';
import { overlappingAgreements, type Agreement } from '../../src/domain/agreement.js';
import type { Entry } from '../../src/domain/entry.js';
import {
  agreementAdditionProblem,
  agreementChangeProblem,
  duplicateOf,
  editable,
  isLaterLog,
  latestEntryBy,
  removable,
  restorable,
} from '../../src/domain/recordRules.js';
import { storeText } from '../../src/views/storeTexts.js';
import { bundledAgreements } from '../support/fakes.js';

const [base] = (await bundledAgreements()).filter((a) => a.id === 'jonkoping-2020');
if (!base) throw new Error('the bundled 2020 agreement is missing');
const withPeriod = (id: string, start: string, end: string): Agreement => ({
  ...structuredClone(base),
  id,
  period: { start, end },
});
const entry = (overrides: Partial<Entry> = {}): Entry => ({
  id: 'e1',
  agreementId: 'jonkoping-2020',
  activityId: 'gemensam-krogtillsyn',
  date: '2020-11-01',
  count: 1,
  by: { id: 'a', name: 'A' },
  loggedAt: '2020-11-01T10:00:00.000Z',
  ...overrides,
});

describe('agreement and entry rules', () => {
  it('refuses a taken id and an overlapping period, and names the other agreement', () => {
    const y2021 = withPeriod('j-2021', '2021-01-01', '2021-12-31');
    expect(agreementAdditionProblem(y2021, [base], (id) => id === 'j-2021')).to.deep.equal({
      reason: 'duplicate',
      conflictsWith: 'j-2021',
    });
    expect(agreementAdditionProblem(withPeriod('x', '2020-06-01', '2021-05-31'), [base], () => false)).to.deep.equal({
      reason: 'overlap',
      conflictsWith: 'jonkoping-2020',
    });
    expect(agreementAdditionProblem(y2021, [base], () => false)).to.equal(undefined);
  });

  it('an addition is refused for overlap exactly when the periods overlap', () => {
    const day = fc
      .integer({ min: 0, max: 700 })
      .map((d) => new Date(Date.UTC(2020, 0, 1 + d)).toISOString().slice(0, 10));
    const period = fc.tuple(day, day).map(([a, b]): [string, string] => (a <= b ? [a, b] : [b, a]));
    fc.assert(
      fc.property(period, period, ([s1, e1], [s2, e2]) => {
        const stored = withPeriod('a', s1, e1);
        const added = withPeriod('b', s2, e2);
        const problem = agreementAdditionProblem(added, [stored], () => false);
        expect(problem !== undefined).to.equal(overlappingAgreements([stored, added]) !== undefined);
        expect(problem === undefined || problem.conflictsWith === 'a').to.equal(true);
      }),
    );
  });

  it('refuses a change that leaves an entry outside the agreement or overlaps another', () => {
    const shorter = { ...base, period: { start: '2020-01-01', end: '2020-06-30' } };
    const outside = agreementChangeProblem(shorter, [base], [entry()]);
    expect(outside).to.include({ code: 'refused.entryOutsidePeriod' });
    expect(outside && storeText(outside)).to.include('utanför');
    expect(agreementChangeProblem(shorter, [base], [entry({ date: '2020-03-01' })])).to.equal(undefined);
    const other = withPeriod('j-2021', '2021-01-01', '2021-12-31');
    const overlap = agreementChangeProblem(
      { ...base, period: { start: '2020-01-01', end: '2021-02-01' } },
      [base, other],
      [],
    );
    expect(overlap).to.deep.equal({ code: 'refused.periodOverlaps', other: 'j-2021' });
    expect(overlap && storeText(overlap)).to.equal('perioden överlappar j-2021');
  });

  it('one entry per message; removed once, edited while active, restored when removed', () => {
    const stored = entry({ sourceId: 'm1' });
    expect(duplicateOf({ sourceId: 'm1' }, (s) => (s === 'm1' ? stored : undefined))).to.equal(stored);
    expect(duplicateOf({}, () => stored)).to.equal(undefined);
    const removed = entry({ removed: { by: { id: 'a', name: 'A' }, at: '2020-11-02T00:00:00.000Z', reason: 'undo' } });
    expect([removable(stored), removable(removed), removable(undefined)]).to.deep.equal([true, false, false]);
    expect([editable(stored), editable(removed)]).to.deep.equal([true, false]);
    expect([restorable(stored), restorable(removed), restorable(undefined)]).to.deep.equal([false, true, false]);
  });
});

describe("latestEntryBy: a person's latest active entry", () => {
  const logged = (id: string, by: string, loggedAt: string, removed = false): Entry => ({
    id,
    agreementId: 'jonkoping-2020',
    activityId: 'gemensam-krogtillsyn',
    date: '2020-03-14',
    count: 1,
    by: { id: by, name: by },
    loggedAt,
    ...(removed ? { removed: { by: { id: by, name: by }, at: loggedAt, reason: 'undo' as const } } : {}),
  });

  it('takes the latest loggedAt, the later given of equal ones, and skips removed and other people’s', () => {
    const entries = [
      logged('a1', 'anna', '2020-03-14T10:00:00.000Z'),
      logged('a2', 'anna', '2020-03-14T11:00:00.000Z'),
      logged('a3', 'anna', '2020-03-14T09:00:00.000Z'),
      logged('a4', 'anna', '2020-03-14T11:00:00.000Z'),
      logged('a5', 'anna', '2020-03-14T12:00:00.000Z', true),
      logged('b1', 'berit', '2020-03-14T13:00:00.000Z'),
    ];
    expect(latestEntryBy(entries, 'anna')?.id).to.equal('a4');
    expect(latestEntryBy(entries, 'berit')?.id).to.equal('b1');
    expect(latestEntryBy(entries, 'cecilia')).to.equal(undefined);
    expect(latestEntryBy([entries[4]!], 'anna')).to.equal(undefined);
  });

  it('is the last of the active ones sorted by loggedAt, for any entries', () => {
    const minute = fc.integer({ min: 0, max: 5 }).map((m) => `2020-03-14T10:0${m}:00.000Z`);
    const entry = fc.tuple(fc.constantFrom('anna', 'berit'), minute, fc.boolean());
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 12 }), (specs) => {
        const entries = specs.map(([by, at, removed], i) => logged(`e${i}`, by, at, removed));
        const mine = entries.filter((e) => e.by.id === 'anna' && !e.removed);
        // A stable sort keeps the given order among equal times: the last is the later given.
        const expected = [...mine].sort((a, b) => a.loggedAt.localeCompare(b.loggedAt)).at(-1);
        expect(latestEntryBy(entries, 'anna')).to.equal(expected);
      }),
    );
  });

  it('compares equal times by the order given', () => {
    const e = { loggedAt: '2020-03-14T10:00:00.000Z' };
    expect(isLaterLog(e, e, true)).to.equal(true);
    expect(isLaterLog(e, e, false)).to.equal(false);
  });
});
