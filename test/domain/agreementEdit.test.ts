// The rules for changing a saved agreement: the before/after list the audit keeps, what becomes
// of a removed activity with entries, and when a change is refused (entries outside, overlap).
import { readFileSync } from 'node:fs';
import { expect } from 'chai';
import fc from 'fast-check';
import { agreementSchema, type Agreement } from '../../src/domain/agreement.js';
import {
  activityEntryCount,
  agreementChanges,
  agreementEditProblem,
  settledAgreement,
  targetCode,
} from '../../src/domain/agreementEdit.js';
import { addDays } from '../../src/domain/calendar.js';
import { entryAgreementProblem, type Entry } from '../../src/domain/entry.js';
import { sampleEntry } from '../support/entries.js';

function loadAgreement(file: string): Agreement {
  return agreementSchema.parse(
    JSON.parse(readFileSync(new URL(`../../data/agreements/${file}`, import.meta.url), 'utf8')),
  );
}

const A2020 = loadAgreement('jonkoping-2020.json');
const A2018 = loadAgreement('jonkoping-2018-2019.json');
const ids = A2020.activities.map((a) => a.id);

/** An entry of the activity on a day of 2020. */
const entryArb = fc
  .record({
    n: fc.nat(10_000),
    activityId: fc.constantFrom(...ids),
    day: fc.integer({ min: 0, max: 365 }),
    removed: fc.boolean(),
  })
  .map(({ n, activityId, day, removed }): Entry =>
    sampleEntry(n, {
      activityId,
      date: addDays('2020-01-01', day),
      ...(removed
        ? { removed: { by: { id: 'x', name: 'X' }, at: '2020-12-31T10:00:00.000Z', reason: 'undo' as const } }
        : {}),
    }),
  );

describe('agreementChanges', () => {
  it('is empty for an agreement compared with itself, whatever its activities are named', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 60 }), fc.constantFrom(...ids), (name, id) => {
        const a = { ...A2020, activities: A2020.activities.map((x) => (x.id === id ? { ...x, name } : x)) };
        expect(agreementChanges(a, structuredClone(a))).to.deep.equal([]);
      }),
    );
  });

  it('lists exactly the renamed activity, with its name before and after', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 60 }), fc.constantFrom(...ids), (name, id) => {
        const old = A2020.activities.find((a) => a.id === id)!.name;
        fc.pre(name !== old);
        const after = { ...A2020, activities: A2020.activities.map((x) => (x.id === id ? { ...x, name } : x)) };
        expect(agreementChanges(A2020, after)).to.deep.equal([
          { activityId: id, changes: { name: { from: old, to: name } } },
        ]);
      }),
    );
  });

  it("names the period, a moved activity's promises, its target, and added and removed ones", () => {
    const after: Agreement = {
      ...A2020,
      period: { start: '2020-01-01', end: '2020-10-31' },
      promises: [...A2020.promises, { id: 'nytt', text: 'Tryggare skolvägar' }],
      activities: [
        ...A2020.activities
          .filter((a) => a.id !== 'ssg')
          .map((a) =>
            a.id === 'sig'
              ? { ...a, promiseIds: ['otrygga-platser'], target: { kind: 'count' as const, count: 3, unit: 'ärenden' } }
              : a,
          ),
        { ...A2020.activities[0]!, id: 'skolvag', name: 'Skolvägar', promiseIds: ['nytt'] },
      ],
    };
    expect(agreementChanges(A2020, after)).to.deep.equal([
      {
        changes: {
          period: { from: '2020-01-01 – 2020-12-31', to: '2020-01-01 – 2020-10-31' },
          'promise:nytt': { from: null, to: 'Tryggare skolvägar' },
        },
      },
      { activityId: 'ssg', changes: { removed: { from: 'SSG-möte', to: null } } },
      {
        activityId: 'sig',
        changes: {
          target: { from: 'count 2 ärenden', to: 'count 3 ärenden' },
          promises: { from: A2020.promises[1]!.text, to: A2020.promises[0]!.text },
        },
      },
      { activityId: 'skolvag', changes: { added: { from: null, to: 'Skolvägar' } } },
    ]);
    expect(targetCode({ kind: 'recurring', rhythm: 'weekly' })).to.equal('weekly');
  });
});

describe('settledAgreement', () => {
  it('keeps the stored id, and every entry (active or undone) still names an activity of it', () => {
    fc.assert(
      fc.property(
        fc.array(entryArb, { maxLength: 30 }),
        fc.subarray(ids, { minLength: 0, maxLength: ids.length - 1 }),
        (entries, removed) => {
          const after = {
            ...A2020,
            id: 'jonkoping-2020-2021',
            activities: A2020.activities.filter((a) => !removed.includes(a.id)),
          };
          const settled = agreementSchema.parse(settledAgreement(A2020, after, entries));
          expect(settled.id).to.equal('jonkoping-2020');
          for (const e of entries) expect(entryAgreementProblem(e, settled)).to.equal(undefined);
          // Only activities with entries are kept as removed; the others are gone.
          const kept = (settled.removedActivities ?? []).map((a) => a.id).sort();
          expect(kept).to.deep.equal(removed.filter((id) => entries.some((e) => e.activityId === id)).sort());
        },
      ),
    );
  });

  it('an activity brought back leaves removedActivities', () => {
    const entries = [sampleEntry(1, { activityId: 'ssg', date: '2020-05-05' })];
    const without = settledAgreement(
      A2020,
      { ...A2020, activities: A2020.activities.filter((a) => a.id !== 'ssg') },
      entries,
    );
    expect(without.removedActivities?.map((a) => a.id)).to.deep.equal(['ssg']);
    const back = settledAgreement(without, { ...without, activities: A2020.activities }, entries);
    expect(back.removedActivities).to.equal(undefined);
    expect(back.activities.map((a) => a.id)).to.include('ssg');
  });
});

describe('agreementEditProblem', () => {
  it('refuses a period leaving an entry outside it, with their number and the first date; else allows it', () => {
    fc.assert(
      fc.property(
        fc.array(entryArb, { maxLength: 20 }),
        fc.integer({ min: 0, max: 365 }),
        fc.integer({ min: 0, max: 365 }),
        (entries, a, b) => {
          const start = addDays('2020-01-01', Math.min(a, b));
          const end = addDays('2020-01-01', Math.max(a, b));
          const after = { ...A2020, period: { start, end } };
          const outside = entries.filter((e) => e.date < start || e.date > end);
          const problem = agreementEditProblem(A2020, after, entries, [A2020, A2018]);
          if (start === A2020.period.start && end === A2020.period.end)
            expect(problem).to.deep.equal({ code: 'unchanged' });
          else if (outside.length > 0)
            expect(problem).to.deep.equal({
              code: 'entriesOutside',
              count: outside.length,
              first: outside.map((e) => e.date).sort()[0],
            });
          else expect(problem).to.equal(undefined);
        },
      ),
    );
  });

  it("refuses a period that overlaps another agreement of the area, not the agreement's own", () => {
    const after = { ...A2020, period: { start: '2019-12-01', end: '2020-12-31' } };
    expect(agreementEditProblem(A2020, after, [], [A2018, A2020])).to.deep.equal({
      code: 'overlap',
      other: { id: A2018.id, title: A2018.title, start: A2018.period.start, end: A2018.period.end },
    });
    expect(agreementEditProblem(A2020, { ...A2020, title: 'Nytt' }, [], [A2018, A2020])).to.equal(undefined);
  });

  it('counts only active entries for the question before removal', () => {
    const entries = [
      sampleEntry(1, { activityId: 'ssg' }),
      sampleEntry(2, {
        activityId: 'ssg',
        removed: { by: { id: 'x', name: 'X' }, at: '2020-03-15T10:00:00.000Z', reason: 'undo' },
      }),
      sampleEntry(3),
    ];
    expect(activityEntryCount(entries, 'ssg')).to.equal(1);
    expect(activityEntryCount(entries, 'oxnehaga-torg')).to.equal(0);
  });
});
