// Status of the bundled 2020 agreement's activities at chosen dates, from hand-made entries:
// what the status card shows ("3 av 4 tillfällen", "i fas", "långt efter") for a given "today".
import { readFileSync } from 'node:fs';
import { expect } from 'chai';
import fc from 'fast-check';
import { agreementSchema, type Activity, type Agreement, type IsoDate } from '../../src/domain/agreement.js';
import { addDays, isoWeekStart, isoWeekday, monthStart } from '../../src/domain/calendar.js';
import type { Completion, Entry, Person } from '../../src/domain/entry.js';
import {
  activityStatus,
  agreementStatus,
  countStatus,
  elapsedShare,
  periodsCovered,
  recurringStatus,
  type ActivityStatus,
  type Rhythm,
  type StatusCode,
} from '../../src/domain/status.js';
import { statusWord } from '../../src/views/statusWords.js';
import { progressText } from '../../src/views/texts.js';

function loadAgreement(file: string): Agreement {
  const url = new URL(`../../data/agreements/${file}`, import.meta.url);
  return agreementSchema.parse(JSON.parse(readFileSync(url, 'utf8')));
}

const A2020 = loadAgreement('jonkoping-2020.json');
const A2018 = loadAgreement('jonkoping-2018-2019.json');
const ANNA: Person = { id: '29:anna', name: 'Anna Andersson' };
const SAM: Person = { id: '29:sam', name: 'Sam Samordnare' };
const CODES: readonly StatusCode[] = ['done', 'onTrack', 'behind', 'farBehind', 'notStarted'];
const DAY_MS = 86_400_000;

function activity(agreement: Agreement, id: string): Activity {
  const a = agreement.activities.find((x) => x.id === id);
  if (!a) throw new Error(`no activity ${id} in ${agreement.id}`);
  return a;
}

let seq = 0;
function entry(activityId: string, date: IsoDate, extra: Partial<Entry> = {}): Entry {
  seq += 1;
  return {
    id: `e${seq}`,
    agreementId: A2020.id,
    activityId,
    date,
    count: 1,
    by: ANNA,
    loggedAt: `${date}T19:00:00.000Z`,
    ...extra,
  };
}

function removed(e: Entry): Entry {
  return { ...e, removed: { by: ANNA, at: `${e.date}T20:00:00.000Z`, reason: 'undo' } };
}

function completion(activityId: string, date: IsoDate): Completion {
  return { activityId, date, by: SAM, at: `${date}T10:00:00.000Z` };
}

function statusOf(
  id: string,
  today: IsoDate,
  entries: readonly Entry[] = [],
  completions: readonly Completion[] = [],
  agreement: Agreement = A2020,
): ActivityStatus {
  return activityStatus(agreement, activity(agreement, id), entries, completions, today);
}

/** What the card shows for one activity: "<label>: <progress>". */
function shown(s: ActivityStatus): string {
  return `${statusWord(s.status)}: ${progressText(s.progress)}`;
}

/** Dates of the given weekday (1 = Monday) from `from` for `weeks` weeks. */
function weekly(from: IsoDate, weekday: number, weeks: number): IsoDate[] {
  const first = addDays(from, (weekday - isoWeekday(from) + 7) % 7);
  return Array.from({ length: weeks }, (_, i) => addDays(first, 7 * i));
}

function isoDateArb(from: IsoDate, to: IsoDate): fc.Arbitrary<IsoDate> {
  const a = Date.parse(`${from}T00:00:00Z`) / DAY_MS;
  const b = Date.parse(`${to}T00:00:00Z`) / DAY_MS;
  return fc.integer({ min: a, max: b }).map((d) => new Date(d * DAY_MS).toISOString().slice(0, 10));
}

describe('status', () => {
  describe('elapsedShare', () => {
    it('is 0 before the period, 1 from its last day on, and counts both ends in between', () => {
      expect(elapsedShare(A2020, '2019-12-31')).to.equal(0);
      expect(elapsedShare(A2020, '2020-01-01')).to.equal(1 / 366);
      expect(elapsedShare(A2020, '2020-07-01')).to.equal(183 / 366);
      expect(elapsedShare(A2020, '2020-12-30')).to.equal(365 / 366);
      expect(elapsedShare(A2020, '2020-12-31')).to.equal(1);
      expect(elapsedShare(A2020, '2021-06-01')).to.equal(1);
      // Two-year agreement: the middle is at the turn of the year.
      expect(elapsedShare(A2018, '2018-12-31')).to.equal(365 / 730);
    });

    it('grows with the date and stays in [0, 1]', () => {
      fc.assert(
        fc.property(isoDateArb('2019-06-01', '2021-06-01'), isoDateArb('2019-06-01', '2021-06-01'), (x, y) => {
          const [a, b] = x <= y ? [x, y] : [y, x];
          const sa = elapsedShare(A2020, a);
          const sb = elapsedShare(A2020, b);
          expect(sa).to.be.within(0, 1);
          expect(sb).to.be.within(0, 1);
          expect(sa).to.be.at.most(sb);
        }),
      );
    });
  });

  describe('count target: gemensam krogtillsyn, minst 4 tillfällen', () => {
    const ID = 'gemensam-krogtillsyn';

    it('is "inte påbörjad" with nothing logged early in the year', () => {
      const s = statusOf(ID, '2020-02-01');
      expect(s.status).to.equal('notStarted');
      expect(s.progress).to.deep.equal({ kind: 'count', done: 0, target: 4, unit: 'tillfällen' });
      expect(shown(s)).to.equal('inte påbörjad: 0 av 4 tillfällen');
      expect(s.occasionCount).to.equal(0);
      expect(s.lastEntryDate).to.equal(undefined);
    });

    it('is "efter" once a quarter of the year has passed with nothing logged, "långt efter" in the autumn', () => {
      // 31 March is day 91 of 366: 4 × 91/366 < 1 occasion expected; on 1 April it is just over 1.
      expect(statusOf(ID, '2020-03-31').status).to.equal('notStarted');
      expect(statusOf(ID, '2020-04-01').status).to.equal('behind');
      expect(statusOf(ID, '2020-10-01').status).to.equal('farBehind');
    });

    it('shows "3 av 4" with three occasions logged, in fas in June', () => {
      const entries = [entry(ID, '2020-02-14'), entry(ID, '2020-03-20'), entry(ID, '2020-05-29')];
      const s = statusOf(ID, '2020-06-01', entries);
      expect(s.progress).to.deep.equal({ kind: 'count', done: 3, target: 4, unit: 'tillfällen' });
      expect(s.status).to.equal('onTrack');
      expect(shown(s)).to.equal('i fas: 3 av 4 tillfällen');
      expect(s.total).to.equal(3);
      expect(s.occasionCount).to.equal(3);
      expect(s.lastEntryDate).to.equal('2020-05-29');
    });

    it('counts the count of an entry, not only the entry ("3 st" is three occasions)', () => {
      const s = statusOf(ID, '2020-06-01', [entry(ID, '2020-02-14', { count: 3 })]);
      expect(s.progress).to.deep.include({ done: 3 });
      expect(s.occasionCount).to.equal(1);
    });

    it('is genomförd at 4 occasions, and stays genomförd later and after the year', () => {
      const entries = [
        entry(ID, '2020-02-14'),
        entry(ID, '2020-03-20'),
        entry(ID, '2020-05-29'),
        entry(ID, '2020-06-05'),
      ];
      expect(statusOf(ID, '2020-06-04', entries).status).to.equal('onTrack');
      for (const today of ['2020-06-05', '2020-06-06', '2020-12-31', '2021-03-01', '2025-01-01']) {
        const s = statusOf(ID, today, entries);
        expect(s.status, today).to.equal('done');
        expect(shown(s), today).to.equal('genomförd: 4 av 4 tillfällen');
      }
      // More than the target is still done, and the progress tells the truth.
      const five = statusOf(ID, '2020-09-01', [...entries, entry(ID, '2020-08-08')]);
      expect(five.status).to.equal('done');
      expect(progressText(five.progress)).to.equal('5 av 4 tillfällen');
    });

    it('is efter or långt efter when the pace is not kept, late in the year', () => {
      const two = [entry(ID, '2020-02-14'), entry(ID, '2020-03-20')];
      expect(statusOf(ID, '2020-10-01', two).status).to.equal('behind');
      expect(statusOf(ID, '2020-10-01', two.slice(0, 1)).status).to.equal('farBehind');
      expect(statusOf(ID, '2020-10-01', [...two, entry(ID, '2020-09-01')]).status).to.equal('onTrack');
    });

    it('shows the final state of a past agreement (2020 seen on 2021-03-01)', () => {
      const today = '2021-03-01';
      const e = (d: IsoDate) => entry(ID, d);
      expect(statusOf(ID, today, []).status).to.equal('farBehind');
      expect(statusOf(ID, today, [e('2020-05-01')]).status).to.equal('farBehind');
      expect(statusOf(ID, today, [e('2020-05-01'), e('2020-06-01')]).status).to.equal('behind');
      expect(statusOf(ID, today, [e('2020-05-01'), e('2020-06-01'), e('2020-07-01')]).status).to.equal('behind');
      const four = statusOf(ID, today, [e('2020-05-01'), e('2020-06-01'), e('2020-07-01'), e('2020-12-31')]);
      expect(four.status).to.equal('done');
      expect(four.lastEntryDate).to.equal('2020-12-31');
    });

    it('does not count undone entries', () => {
      const entries = [
        entry(ID, '2020-02-14'),
        removed(entry(ID, '2020-03-20')),
        entry(ID, '2020-05-29'),
        entry(ID, '2020-06-05'),
      ];
      const s = statusOf(ID, '2020-06-10', entries);
      expect(s.progress).to.deep.include({ done: 3 });
      expect(s.status).to.equal('onTrack');
      expect(s.occasionCount).to.equal(3);
      const allUndone = statusOf(ID, '2020-06-10', entries.map(removed));
      expect(allUndone.progress).to.deep.include({ done: 0 });
      expect(allUndone.lastEntryDate).to.equal(undefined);
    });

    it('does not count entries of other activities or other agreements', () => {
      const entries = [
        entry('krogtillsyn-natthelger', '2020-02-14'),
        entry('sig', '2020-02-15', { count: 4 }),
        entry(ID, '2020-02-16', { agreementId: 'jonkoping-2021' }),
        entry(ID, '2020-02-17', { agreementId: A2018.id }),
        entry(ID, '2020-02-18'),
      ];
      const s = statusOf(ID, '2020-06-10', entries);
      expect(s.progress).to.deep.include({ done: 1 });
      expect(s.lastEntryDate).to.equal('2020-02-18');
    });

    it('does not count entries dated after today, nor before the period', () => {
      const entries = [
        entry(ID, '2019-12-31'),
        entry(ID, '2020-03-01'),
        entry(ID, '2020-06-11'),
        entry(ID, '2020-11-01', { count: 3 }),
      ];
      const s = statusOf(ID, '2020-06-10', entries);
      expect(s.progress).to.deep.include({ done: 1 });
      expect(s.lastEntryDate).to.equal('2020-03-01');
      // The same entries seen later do count (the ones inside the period).
      expect(statusOf(ID, '2020-11-01', entries).progress).to.deep.include({ done: 5 });
    });

    it('is ej påbörjad before the agreement starts, whatever is logged', () => {
      const s = statusOf(ID, '2019-12-15', [entry(ID, '2019-12-01'), entry(ID, '2020-01-05')]);
      expect(s.status).to.equal('notStarted');
      expect(s.progress).to.deep.equal({ kind: 'count', done: 0, target: 4, unit: 'tillfällen' });
    });
  });

  describe('countStatus', () => {
    it('follows the pace the period implies', () => {
      expect(countStatus(4, 4, 0.1, false)).to.equal('done');
      expect(countStatus(0, 4, 0.2, false)).to.equal('notStarted');
      expect(countStatus(1, 4, 0.2, false)).to.equal('onTrack');
      expect(countStatus(0, 4, 0.26, false)).to.equal('behind');
      expect(countStatus(1, 4, 0.5, false)).to.equal('behind');
      expect(countStatus(2, 4, 0.5, false)).to.equal('onTrack');
      expect(countStatus(0, 4, 0.75, false)).to.equal('farBehind');
      expect(countStatus(3, 4, 1, false)).to.equal('onTrack');
      expect(countStatus(0, 10, 0.5, false)).to.equal('farBehind');
      expect(countStatus(2, 10, 0.5, false)).to.equal('behind');
      expect(countStatus(4, 10, 0.5, false)).to.equal('onTrack');
    });

    it('judges a past period only by the result: done, at least half, or less', () => {
      expect(countStatus(4, 4, 1, true)).to.equal('done');
      expect(countStatus(2, 4, 1, true)).to.equal('behind');
      expect(countStatus(1, 4, 1, true)).to.equal('farBehind');
      expect(countStatus(0, 2, 1, true)).to.equal('farBehind');
    });

    it('never gets worse when more is done', () => {
      const rank: Record<StatusCode, number> = { farBehind: 0, behind: 1, onTrack: 2, done: 3, notStarted: -1 };
      fc.assert(
        fc.property(
          fc.integer({ min: 0, max: 50 }),
          fc.integer({ min: 1, max: 20 }),
          fc.integer({ min: 1, max: 20 }),
          fc.double({ min: 0, max: 1, noNaN: true }),
          fc.boolean(),
          (done, more, target, share, past) => {
            const before = countStatus(done, target, share, past);
            const after = countStatus(done + more, target, share, past);
            expect(CODES).to.include(before);
            expect(after).to.not.equal('notStarted');
            if (before !== 'notStarted') expect(rank[after]).to.be.at.least(rank[before]);
          },
        ),
      );
    });
  });

  describe('recurring: weekly torsdagsmöte', () => {
    const ID = 'torsdagsmote';

    it('counts the weeks begun, the running one included whether or not it has an entry yet', () => {
      // 2020-01-01 is a Wednesday: the first ISO week runs 2019-12-30 – 2020-01-05.
      // Today Thursday 2020-01-16: weeks of 30 Dec and 6 Jan are over, the week of 13 Jan runs.
      const twoWeeks = [entry(ID, '2020-01-02'), entry(ID, '2020-01-09')];
      const s = statusOf(ID, '2020-01-16', twoWeeks);
      expect(s.progress).to.deep.equal({ kind: 'recurring', rhythm: 'weekly', covered: 2, due: 3, soFar: true });
      expect(s.status).to.equal('onTrack');
      expect(shown(s)).to.equal('i fas: aktiv 2 av 3 veckor hittills');

      // Today's meeting logged: the same three weeks, one more of them active.
      const withThisWeek = statusOf(ID, '2020-01-16', [...twoWeeks, entry(ID, '2020-01-16')]);
      expect(withThisWeek.progress).to.deep.include({ covered: 3, due: 3 });
      expect(shown(withThisWeek)).to.equal('i fas: aktiv 3 av 3 veckor hittills');

      // Two meetings in the same week cover one week.
      const sameWeek = statusOf(ID, '2020-01-16', [...twoWeeks, entry(ID, '2020-01-10')]);
      expect(sameWeek.progress).to.deep.include({ covered: 2, due: 3 });
    });

    it('is inte påbörjad in the first week, in fas with one week missed', () => {
      expect(statusOf(ID, '2020-01-03').status).to.equal('notStarted');
      expect(statusOf(ID, '2020-01-03').progress).to.deep.include({ covered: 0, due: 1 });
      // Monday 6 January: the first week is over and was not covered.
      expect(statusOf(ID, '2020-01-06').progress).to.deep.include({ covered: 0, due: 2 });
      expect(statusOf(ID, '2020-01-06').status).to.equal('notStarted');
      expect(statusOf(ID, '2020-01-13', [entry(ID, '2020-01-09')]).status).to.equal('onTrack');
    });

    it('is efter or långt efter when many weeks were missed', () => {
      // Sunday 2020-03-01 ends the ninth week (30 Dec – 1 Mar): nine weeks due.
      const thursdays = weekly('2020-01-01', 4, 9); // 2 Jan … 27 Feb
      const today = '2020-03-01';
      const covering = (n: number) =>
        statusOf(
          ID,
          today,
          thursdays.slice(0, n).map((d) => entry(ID, d)),
        );
      expect(covering(9).progress).to.deep.include({ covered: 9, due: 9 });
      expect(covering(8).status).to.equal('onTrack'); // one missed
      expect(covering(7).status).to.equal('onTrack'); // 7/9 ≥ 75 %
      expect(covering(5).status).to.equal('behind'); // 5/9
      expect(covering(2).status).to.equal('farBehind'); // 2/9
      expect(shown(covering(2))).to.equal('långt efter: aktiv 2 av 9 veckor hittills');
    });

    it('shows the final state of a past agreement: done only when every due week was covered', () => {
      const today = '2021-03-01';
      const thursdays = weekly('2020-01-01', 4, 53); // 2 Jan … 31 Dec 2020
      expect(thursdays.at(-1)).to.equal('2020-12-31');
      const all = statusOf(
        ID,
        today,
        thursdays.map((d) => entry(ID, d)),
      );
      // 52 ended weeks, and the week of 28 Dec (ending 3 Jan 2021) because it was covered.
      expect(all.progress).to.deep.include({ covered: 53, due: 53 });
      expect(all.status).to.equal('done');

      const notLast = statusOf(
        ID,
        today,
        thursdays.slice(0, 52).map((d) => entry(ID, d)),
      );
      expect(notLast.progress).to.deep.include({ covered: 52, due: 52 });
      expect(notLast.status).to.equal('done');

      const oneMissed = statusOf(
        ID,
        today,
        thursdays.filter((_, i) => i !== 10).map((d) => entry(ID, d)),
      );
      expect(oneMissed.progress).to.deep.include({ covered: 52, due: 53 });
      expect(oneMissed.status).to.not.equal('done');

      const none = statusOf(ID, today);
      expect(none.progress).to.deep.include({ covered: 0, due: 52 });
      expect(none.status).to.equal('farBehind');
    });
  });

  describe('recurring: weekendNights krogtillsyn natthelger', () => {
    const ID = 'krogtillsyn-natthelger';

    it('is covered only by a Friday, Saturday or Sunday', () => {
      const today = '2020-01-20'; // Monday: three weekends (3–5, 10–12, 17–19 Jan) are over
      expect(
        statusOf(ID, today, [entry(ID, '2020-01-09'), entry(ID, '2020-01-13'), entry(ID, '2020-01-15')]).progress,
      ).to.deep.equal({
        kind: 'recurring',
        rhythm: 'weekendNights',
        covered: 0,
        due: 3,
        soFar: true,
      });
      for (const d of ['2020-01-10', '2020-01-11', '2020-01-12']) {
        expect(statusOf(ID, today, [entry(ID, d)]).progress, d).to.deep.include({ covered: 1, due: 3 });
      }
      const s = statusOf(ID, today, [
        entry(ID, '2020-01-03'),
        entry(ID, '2020-01-11'),
        entry(ID, '2020-01-12'),
        entry(ID, '2020-01-19'),
      ]);
      expect(s.progress).to.deep.include({ covered: 3, due: 3 });
      expect(shown(s)).to.equal('i fas: aktiv 3 av 3 helger hittills');
    });

    it('counts a weekend from its Friday, whether or not it has an entry yet', () => {
      // Thursday 16 Jan: the weekend of 17–19 Jan has not begun.
      expect(statusOf(ID, '2020-01-16', [entry(ID, '2020-01-04')]).progress).to.deep.include({ covered: 1, due: 2 });
      // Saturday 18 Jan: the weekend of 17–19 Jan is running.
      expect(statusOf(ID, '2020-01-18', [entry(ID, '2020-01-04'), entry(ID, '2020-01-10')]).progress).to.deep.include({
        covered: 2,
        due: 3,
      });
      expect(
        statusOf(ID, '2020-01-18', [entry(ID, '2020-01-04'), entry(ID, '2020-01-10'), entry(ID, '2020-01-17')])
          .progress,
      ).to.deep.include({ covered: 3, due: 3 });
    });

    it('cannot count a weekend whose nights fall in the next year for a past agreement', () => {
      // 1–3 Jan 2021 is the weekend of the week starting 28 Dec 2020: it belongs to the next agreement.
      const fridays = weekly('2020-01-01', 5, 52); // 3 Jan … 25 Dec 2020
      const s = statusOf(ID, '2021-03-01', [...fridays.map((d) => entry(ID, d)), entry(ID, '2021-01-02')]);
      expect(s.progress).to.deep.include({ covered: 52, due: 52 });
      expect(s.status).to.equal('done');
    });
  });

  describe('recurring: monthly SSG', () => {
    const ID = 'ssg';

    it('counts the months begun: "aktiv 2 av 4 månader hittills" in April, the same four when April gets an entry', () => {
      const entries = [entry(ID, '2020-01-20'), entry(ID, '2020-03-05')];
      const s = statusOf(ID, '2020-04-15', entries);
      expect(s.progress).to.deep.equal({ kind: 'recurring', rhythm: 'monthly', covered: 2, due: 4, soFar: true });
      expect(s.status).to.equal('onTrack'); // only February missed
      expect(shown(s)).to.equal('i fas: aktiv 2 av 4 månader hittills');
      expect(shown(statusOf(ID, '2020-04-15', [...entries, entry(ID, '2020-04-02')]))).to.equal(
        'i fas: aktiv 3 av 4 månader hittills',
      );
      // March begins on 1 March (2020 is a leap year).
      expect(statusOf(ID, '2020-02-29', entries).progress).to.deep.include({ due: 2 });
      expect(statusOf(ID, '2020-03-01', entries).progress).to.deep.include({ due: 3 });
    });

    it('the first entry of a monthly activity in March is not red: two missed months are något efter', () => {
      expect(statusOf(ID, '2020-03-10').status).to.equal('behind');
      const first = statusOf(ID, '2020-03-10', [entry(ID, '2020-03-10')]);
      expect(shown(first)).to.equal('något efter: aktiv 1 av 3 månader hittills');
      // A quarter of the year with nothing: now it is far behind.
      expect(statusOf(ID, '2020-04-10', [entry(ID, '2020-04-10')]).status).to.equal('farBehind');
    });

    it('is efter, then långt efter, as months pass uncovered', () => {
      const entries = [entry(ID, '2020-01-20'), entry(ID, '2020-02-20'), entry(ID, '2020-03-20')];
      expect(statusOf(ID, '2020-06-01', entries).status).to.equal('behind'); // April and May missed
      expect(statusOf(ID, '2020-10-01', entries).status).to.equal('farBehind'); // six of nine missed
    });

    it('past: genomförd only when all twelve months were covered', () => {
      const months = Array.from({ length: 12 }, (_, i) => `2020-${String(i + 1).padStart(2, '0')}-15`);
      const all = statusOf(
        ID,
        '2021-03-01',
        months.map((d) => entry(ID, d)),
      );
      expect(all.progress).to.deep.include({ covered: 12, due: 12 });
      expect(all.status).to.equal('done');
      const eleven = statusOf(
        ID,
        '2021-03-01',
        months.slice(1).map((d) => entry(ID, d)),
      );
      expect(eleven.progress).to.deep.include({ covered: 11, due: 12 });
      expect(eleven.status).to.not.equal('done');
      expect(
        statusOf(
          ID,
          '2021-03-01',
          months.slice(0, 3).map((d) => entry(ID, d)),
        ).status,
      ).to.equal('farBehind');
    });
  });

  describe('periodsCovered and recurringStatus', () => {
    it('reads weeks, weekends and months', () => {
      expect(periodsCovered('weekly', ['2020-01-06', '2020-01-12'], '2020-01-01', '2020-01-31')).to.deep.equal({
        covered: 1,
        due: 5,
        missed: 3,
      });
      expect(periodsCovered('weekendNights', ['2020-01-06', '2020-01-09'], '2020-01-01', '2020-01-31')).to.deep.equal({
        covered: 0,
        due: 5,
        missed: 4,
      });
      expect(periodsCovered('monthly', ['2020-01-31', '2020-02-01'], '2020-01-01', '2020-02-10')).to.deep.equal({
        covered: 2,
        due: 2,
        missed: 0,
      });
      expect(periodsCovered('monthly', [], '2020-01-01', '2020-02-10')).to.deep.equal({
        covered: 0,
        due: 2,
        missed: 1,
      });
      // On 31 December December can still get its entry; once the agreement is over it cannot.
      expect(periodsCovered('monthly', [], '2020-01-01', '2020-12-31')).to.deep.equal({
        covered: 0,
        due: 12,
        missed: 11,
      });
      expect(periodsCovered('monthly', [], '2020-01-01', '2020-12-31', true)).to.deep.equal({
        covered: 0,
        due: 12,
        missed: 12,
      });
      expect(periodsCovered('weekly', [], '2020-01-01', '2019-12-31')).to.deep.equal({ covered: 0, due: 0, missed: 0 });
      // A past agreement: the week 28 Dec 2020 – 3 Jan 2021 counts only when it has an entry.
      expect(periodsCovered('weekly', [], '2020-01-01', '2020-12-31', true)).to.deep.include({ due: 52 });
      expect(periodsCovered('weekly', ['2020-12-29'], '2020-01-01', '2020-12-31', true)).to.deep.include({ due: 53 });
    });

    it('recurringStatus: at most one period or a quarter missed is i fas; långt efter needs three missed', () => {
      const st = (covered: number, due: number, missed: number, past = false) =>
        recurringStatus({ covered, due, missed }, past);
      expect(st(0, 0, 0)).to.equal('notStarted');
      expect(st(0, 1, 0)).to.equal('notStarted');
      expect(st(1, 1, 0)).to.equal('onTrack');
      expect(st(0, 2, 1)).to.equal('notStarted');
      expect(st(0, 3, 2)).to.equal('behind');
      expect(st(1, 3, 2)).to.equal('behind');
      expect(st(0, 4, 3)).to.equal('farBehind');
      expect(st(1, 2, 1)).to.equal('onTrack');
      expect(st(6, 8, 2)).to.equal('onTrack');
      expect(st(5, 9, 4)).to.equal('behind');
      expect(st(4, 9, 5)).to.equal('farBehind');
      expect(st(12, 12, 0)).to.equal('onTrack');
      expect(st(12, 12, 0, true)).to.equal('done');
      expect(st(11, 12, 1, true)).to.equal('behind');
      expect(st(5, 12, 7, true)).to.equal('farBehind');
      expect(st(0, 12, 12, true)).to.equal('farBehind');
    });

    const rhythmArb = fc.constantFrom<Rhythm>('weekly', 'weekendNights', 'monthly');
    const keyOf = (rhythm: Rhythm, d: IsoDate) => (rhythm === 'monthly' ? monthStart(d) : isoWeekStart(d));

    it('covered and missed never add up to more than due', () => {
      fc.assert(
        fc.property(
          rhythmArb,
          fc.array(isoDateArb('2019-01-01', '2021-12-31'), { maxLength: 60 }),
          isoDateArb('2019-06-01', '2021-06-01'),
          isoDateArb('2019-06-01', '2021-06-01'),
          fc.boolean(),
          (rhythm, dates, start, asOf, final) => {
            const { covered, due, missed } = periodsCovered(rhythm, dates, start, asOf, final);
            expect(covered).to.be.at.least(0);
            expect(missed).to.be.at.least(0);
            expect(covered + missed).to.be.at.most(due);
          },
        ),
      );
    });

    it('with dates inside the period: covered is the number of distinct periods with a date, due the periods begun', () => {
      const start = '2020-01-01';
      fc.assert(
        fc.property(
          rhythmArb,
          isoDateArb('2020-01-01', '2020-12-31'),
          fc.array(fc.integer({ min: 0, max: 365 }), { maxLength: 60 }),
          (rhythm, asOf, offsets) => {
            const dates = offsets.map((o) => addDays(start, o)).filter((d) => d <= asOf);
            const counts = (d: IsoDate) => rhythm !== 'weekendNights' || isoWeekday(d) >= 5;
            const keys = new Set(dates.filter(counts).map((d) => keyOf(rhythm, d)));
            let begun = 0;
            for (let d = start; d <= asOf; d = addDays(d, 1)) {
              const first = rhythm === 'monthly' ? d.endsWith('-01') : isoWeekday(d) === (rhythm === 'weekly' ? 1 : 5);
              if (first || (d === start && (rhythm !== 'weekendNights' || isoWeekday(d) >= 5))) begun += 1;
            }
            const { covered, due } = periodsCovered(rhythm, dates, start, asOf);
            expect(covered).to.equal(keys.size);
            expect(due).to.equal(begun);
          },
        ),
      );
    });

    it('an entry in the running period never changes how many periods are due, and never makes the status worse', () => {
      const start = '2020-01-01';
      fc.assert(
        fc.property(
          rhythmArb,
          isoDateArb('2020-01-01', '2020-12-30'),
          fc.array(fc.integer({ min: 0, max: 365 }), { maxLength: 40 }),
          fc.integer({ min: 0, max: 30 }),
          (rhythm, asOf, offsets, back) => {
            const dates = offsets.map((o) => addDays(start, o)).filter((d) => d <= asOf);
            // A day of the running period up to today (a weekend's entry must fall on Fri–Sun).
            const day = addDays(asOf, -back);
            fc.pre(day >= start && keyOf(rhythm, day) === keyOf(rhythm, asOf));
            fc.pre(rhythm !== 'weekendNights' || isoWeekday(day) >= 5);
            const before = periodsCovered(rhythm, dates, start, asOf);
            const after = periodsCovered(rhythm, [...dates, day], start, asOf);
            expect(after.due).to.equal(before.due);
            expect(after.missed).to.equal(before.missed);
            const rank: Record<StatusCode, number> = { notStarted: 0, farBehind: 1, behind: 2, onTrack: 3, done: 4 };
            expect(rank[recurringStatus(after, false)]).to.be.at.least(rank[recurringStatus(before, false)]);
          },
        ),
        { numRuns: 300 },
      );
    });

    it('a monthly activity is never långt efter in the first three months of its period, whatever is logged', () => {
      fc.assert(
        fc.property(
          isoDateArb('2020-01-01', '2020-03-31'),
          fc.array(isoDateArb('2020-01-01', '2020-03-31'), { maxLength: 10 }),
          (today, dates) => {
            const s = statusOf(
              'ssg',
              today,
              dates.filter((d) => d <= today).map((d) => entry('ssg', d)),
            );
            expect(s.status).not.to.equal('farBehind');
          },
        ),
      );
    });

    it('långt efter always means at least three missed periods', () => {
      fc.assert(
        fc.property(
          rhythmArb,
          fc.array(isoDateArb('2020-01-01', '2020-12-31'), { maxLength: 40 }),
          isoDateArb('2020-01-01', '2020-12-31'),
          (rhythm, dates, asOf) => {
            const p = periodsCovered(
              rhythm,
              dates.filter((d) => d <= asOf),
              '2020-01-01',
              asOf,
            );
            if (recurringStatus(p, false) === 'farBehind') expect(p.missed).to.be.at.least(3);
          },
        ),
      );
    });
  });

  describe('milestone: Polisens enkätundersökning', () => {
    const ID = 'enkatundersokning';

    it('goes inte påbörjad → pågående (something logged) → genomförd (marked done)', () => {
      const notYet = statusOf(ID, '2020-03-01');
      expect(notYet.status).to.equal('notStarted');
      expect(shown(notYet)).to.equal('inte påbörjad: inte påbörjad');

      const entries = [entry(ID, '2020-02-20')];
      const going = statusOf(ID, '2020-03-01', entries);
      expect(going.status).to.equal('onTrack');
      expect(going.progress).to.deep.equal({ kind: 'milestone', state: 'inProgress' });
      expect(shown(going)).to.equal('i fas: pågående');

      const done = statusOf(ID, '2020-05-01', entries, [completion(ID, '2020-04-30')]);
      expect(done.status).to.equal('done');
      expect(done.progress).to.deep.equal({ kind: 'milestone', state: 'done', doneDate: '2020-04-30' });
      expect(shown(done)).to.equal('genomförd: genomförd 30 april 2020');
    });

    it('is genomförd from a completion even with nothing logged, and takes the first completion', () => {
      const s = statusOf(ID, '2020-09-01', [], [completion(ID, '2020-06-01'), completion(ID, '2020-03-10')]);
      expect(s.status).to.equal('done');
      expect(s.progress).to.deep.include({ doneDate: '2020-03-10' });
    });

    it('does not count a completion dated after today, nor one of another activity', () => {
      const entries = [entry(ID, '2020-02-20')];
      const s = statusOf(ID, '2020-03-01', entries, [
        completion(ID, '2020-03-02'),
        completion('trivs-i-jkpg-enkat', '2020-02-25'),
      ]);
      expect(s.status).to.equal('onTrack');
      expect(s.progress).to.deep.equal({ kind: 'milestone', state: 'inProgress' });
    });

    it('ends a past agreement as efter when the milestone was started but never marked done', () => {
      const s = statusOf(ID, '2021-02-01', [entry(ID, '2020-05-01')], []);
      expect(s.status).to.equal('behind');
      expect(s.progress).to.deep.equal({ kind: 'milestone', state: 'inProgress' });
    });

    it('does not turn pågående from an undone entry or an entry dated after today', () => {
      const s = statusOf(ID, '2020-03-01', [removed(entry(ID, '2020-02-20')), entry(ID, '2020-03-05')]);
      expect(s.status).to.equal('notStarted');
    });

    it('with nothing logged: efter in the second half of the year, långt efter once it is over', () => {
      expect(statusOf(ID, '2020-06-30').status).to.equal('notStarted');
      expect(statusOf(ID, '2020-07-01').status).to.equal('behind');
      expect(statusOf(ID, '2020-11-01').status).to.equal('behind');
      expect(statusOf(ID, '2021-03-01').status).to.equal('farBehind');
    });

    it('a past agreement keeps a completion from within its year', () => {
      const s = statusOf(ID, '2021-03-01', [], [completion(ID, '2020-12-31')]);
      expect(s.status).to.equal('done');
      const late = statusOf(ID, '2021-03-01', [], [completion(ID, '2021-01-15')]);
      expect(late.status).to.equal('farBehind');
    });
  });

  describe('ongoing: 2018–2019 hundsök', () => {
    const ID = 'hundsok';
    const e = (date: IsoDate) => entry(ID, date, { agreementId: A2018.id });

    it('is i fas with something logged, genomförd once the period is over', () => {
      const s = statusOf(ID, '2018-05-01', [e('2018-03-01'), e('2018-04-01')], [], A2018);
      expect(s.status).to.equal('onTrack');
      expect(s.progress).to.deep.equal({ kind: 'ongoing', done: 2 });
      expect(shown(s)).to.equal('i fas: 2 insatser loggade');
      expect(statusOf(ID, '2020-03-01', [e('2019-11-01')], [], A2018).status).to.equal('done');
    });

    it('with nothing logged: ej påbörjad, efter from the middle, långt efter when over', () => {
      expect(statusOf(ID, '2018-05-01', [], [], A2018).status).to.equal('notStarted');
      expect(statusOf(ID, '2019-02-01', [], [], A2018).status).to.equal('behind');
      expect(statusOf(ID, '2020-03-01', [], [], A2018).status).to.equal('farBehind');
      // An entry of the 2020 agreement with the same activity id is not the 2018 agreement's.
      expect(statusOf(ID, '2018-05-01', [entry(ID, '2018-03-01')], [], A2018).status).to.equal('notStarted');
    });
  });

  describe('agreementStatus', () => {
    it('groups the activities under each promise they serve, in the agreement order', () => {
      const s = agreementStatus(A2020, [], [], '2020-06-01');
      expect(s.promises.map((p) => p.promise.id)).to.deep.equal(['otrygga-platser', 'drogforsaljning']);
      expect(s.promises[0]?.activities.map((a) => a.activity.id)).to.deep.equal([
        'enkatundersokning',
        'krogtillsyn-natthelger',
        'gemensam-krogtillsyn',
        'trivs-i-jkpg-enkat',
        'ssg',
      ]);
      expect(s.promises[1]?.activities.map((a) => a.activity.id)).to.deep.equal([
        'fotpatrullering-oxnehaga',
        'grannsamverkan',
        'orosanmalan-utbildning',
        'ssg',
        'oxnehaga-torg',
        'sig',
        'torsdagsmote',
      ]);
      expect(s.activities.map((a) => a.activity.id)).to.deep.equal(A2020.activities.map((a) => a.id));
      // The SSG serves both promises: one status, shown under both.
      expect(s.promises[0]?.activities.at(-1)).to.equal(s.promises[1]?.activities[3]);
      for (const p of s.promises) {
        for (const a of p.activities) expect(a.activity.promiseIds).to.include(p.promise.id);
      }
    });

    it('sets phase and asOf: future before the start, running within, past after', () => {
      const future = agreementStatus(A2020, [], [], '2019-11-01');
      expect([future.phase, future.asOf, future.today]).to.deep.equal(['future', '2019-11-01', '2019-11-01']);
      expect(future.activities.every((a) => a.status === 'notStarted')).to.equal(true);

      expect(agreementStatus(A2020, [], [], '2020-01-01').phase).to.equal('running');
      const running = agreementStatus(A2020, [], [], '2020-12-31');
      expect([running.phase, running.asOf]).to.deep.equal(['running', '2020-12-31']);

      const past = agreementStatus(A2020, [], [], '2021-03-01');
      expect([past.phase, past.asOf, past.today]).to.deep.equal(['past', '2020-12-31', '2021-03-01']);
    });

    it('gives each activity the status activityStatus gives it', () => {
      const entries = [
        entry('gemensam-krogtillsyn', '2020-03-01', { count: 2 }),
        entry('ssg', '2020-02-10'),
        entry('sig', '2020-05-05'),
      ];
      const completions = [completion('grannsamverkan', '2020-04-04')];
      const s = agreementStatus(A2020, entries, completions, '2020-06-01');
      for (const a of s.activities) {
        expect(a).to.deep.equal(activityStatus(A2020, a.activity, entries, completions, '2020-06-01'));
      }
      const byId = new Map(s.activities.map((a) => [a.activity.id, a]));
      expect(byId.get('gemensam-krogtillsyn')?.progress).to.deep.include({ done: 2 });
      expect(byId.get('grannsamverkan')?.status).to.equal('done');
      expect(byId.get('sig')?.status).to.equal('onTrack');
    });
  });

  describe('properties over random entries', () => {
    const ACTIVITY_IDS = A2020.activities.map((a) => a.id);
    const entryArb: fc.Arbitrary<Entry> = fc
      .record({
        activityId: fc.constantFrom(...ACTIVITY_IDS),
        agreementId: fc.constantFrom(A2020.id, A2020.id, A2020.id, A2018.id),
        date: isoDateArb('2019-11-01', '2021-02-28'),
        count: fc.integer({ min: 1, max: 6 }),
        undone: fc.boolean(),
      })
      .map(({ activityId, agreementId, date, count, undone }) => {
        const e = entry(activityId, date, { agreementId, count });
        return undone ? removed(e) : e;
      });
    const completionArb: fc.Arbitrary<Completion> = fc
      .record({ activityId: fc.constantFrom(...ACTIVITY_IDS), date: isoDateArb('2019-11-01', '2021-02-28') })
      .map(({ activityId, date }) => completion(activityId, date));
    const todayArb = isoDateArb('2019-10-01', '2021-06-30');
    const entriesArb = fc.array(entryArb, { maxLength: 40 });
    const completionsArb = fc.array(completionArb, { maxLength: 4 });

    it('status is always one of the five codes; progress agrees with the counted entries', () => {
      fc.assert(
        fc.property(entriesArb, completionsArb, todayArb, (entries, completions, today) => {
          const s = agreementStatus(A2020, entries, completions, today);
          for (const a of s.activities) {
            expect(CODES).to.include(a.status);
            const counted = entries.filter(
              (e) =>
                e.removed === undefined &&
                e.agreementId === A2020.id &&
                e.activityId === a.activity.id &&
                e.date >= A2020.period.start &&
                e.date <= s.asOf,
            );
            const sum = counted.reduce((n, e) => n + e.count, 0);
            const started = today >= A2020.period.start;
            expect(a.total).to.equal(sum);
            expect(a.occasionCount).to.equal(counted.length);
            if (a.progress.kind === 'count') expect(a.progress.done).to.equal(started ? sum : 0);
            if (a.progress.kind === 'ongoing') expect(a.progress.done).to.equal(started ? sum : 0);
            if (a.progress.kind === 'recurring') {
              expect(a.progress.covered).to.be.at.least(0);
              expect(a.progress.covered).to.be.at.most(a.progress.due);
            }
            if (a.status === 'done' && a.progress.kind === 'count')
              expect(a.progress.done).to.be.at.least(a.progress.target);
          }
        }),
      );
    });

    it('adding an entry never makes a count activity worse', () => {
      const rank: Record<StatusCode, number> = { farBehind: 0, behind: 1, onTrack: 2, done: 3, notStarted: -1 };
      fc.assert(
        fc.property(
          entriesArb,
          fc.constantFrom('gemensam-krogtillsyn', 'sig'),
          isoDateArb('2019-12-01', '2021-01-31'),
          fc.integer({ min: 1, max: 5 }),
          todayArb,
          (entries, id, date, count, today) => {
            const before = statusOf(id, today, entries).status;
            const after = statusOf(id, today, [...entries, entry(id, date, { count })]).status;
            if (before === 'notStarted') {
              // From nothing: either still nothing (the new entry is not counted) or a good start.
              expect(['notStarted', 'onTrack', 'done']).to.include(after);
            } else {
              expect(after).to.not.equal('notStarted');
              expect(rank[after]).to.be.at.least(rank[before]);
            }
          },
        ),
      );
    });

    it('never depends on the order of entries and completions', () => {
      fc.assert(
        fc.property(
          entriesArb.chain((es) =>
            fc.tuple(fc.constant(es), fc.shuffledSubarray(es, { minLength: es.length, maxLength: es.length })),
          ),
          completionsArb.chain((cs) =>
            fc.tuple(fc.constant(cs), fc.shuffledSubarray(cs, { minLength: cs.length, maxLength: cs.length })),
          ),
          todayArb,
          ([entries, shuffled], [completions, shuffledCompletions], today) => {
            expect(agreementStatus(A2020, shuffled, shuffledCompletions, today)).to.deep.equal(
              agreementStatus(A2020, entries, completions, today),
            );
          },
        ),
        { numRuns: 60 },
      );
    });
  });
});
