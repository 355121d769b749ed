// The summary's periods and figures: what the SSG reads every week, checked against sums done by
// hand and against properties that must hold for any date.
import { expect } from 'chai';
import fc from 'fast-check';
import type { Agreement } from '../../src/domain/agreement.js';
import { addDays, daysBetween } from '../../src/domain/calendar.js';
import type { Entry } from '../../src/domain/entry.js';
import { SUMMARY_KINDS, isRunning, parseSummaryArgs, summarize, summaryPeriod } from '../../src/domain/summary.js';
import { render } from '../../src/views/catalogue.js';
import { summaryTexts } from '../../src/views/summaryTexts.js';

const DAY_MS = 86_400_000;
const isoDateArb = fc
  .integer({ min: Date.UTC(1990, 0, 1) / DAY_MS, max: Date.UTC(2100, 11, 31) / DAY_MS })
  .map((d) => new Date(d * DAY_MS).toISOString().slice(0, 10));

describe('summary', () => {
  describe('summaryPeriod', () => {
    it('a week is the last seven days, held against the seven before', () => {
      expect(summaryPeriod('vecka', '2020-03-14')).to.deep.equal({
        kind: 'vecka',
        range: { start: '2020-03-08', end: '2020-03-14' },
        full: { start: '2020-03-08', end: '2020-03-14' },
        previous: { start: '2020-03-01', end: '2020-03-07' },
      });
    });

    it('a running month is held against the same days of the month before', () => {
      const p = summaryPeriod('månad', '2020-03-14');
      expect(p.range).to.deep.equal({ start: '2020-03-01', end: '2020-03-14' });
      expect(p.full).to.deep.equal({ start: '2020-03-01', end: '2020-03-31' });
      expect(p.previous).to.deep.equal({ start: '2020-02-01', end: '2020-02-14' });
      expect(isRunning(p)).to.equal(true);
    });

    it('the last of a month is the whole month, held against the whole month before (even a shorter one)', () => {
      const p = summaryPeriod('månad', '2020-03-31');
      expect(p.range).to.deep.equal({ start: '2020-03-01', end: '2020-03-31' });
      expect(p.previous).to.deep.equal({ start: '2020-02-01', end: '2020-02-29' });
      expect(isRunning(p)).to.equal(false);
    });

    it('tertial 1 is held against tertial 3 of the year before', () => {
      const p = summaryPeriod('tertial', '2020-02-10');
      expect(p.full).to.deep.equal({ start: '2020-01-01', end: '2020-04-30' });
      expect(p.range).to.deep.equal({ start: '2020-01-01', end: '2020-02-10' });
      expect(p.previous).to.deep.equal({ start: '2019-09-01', end: '2019-10-11' });
    });

    it('tertial 2 on its last day is the whole of May–August against January–April', () => {
      const p = summaryPeriod('tertial', '2020-08-31');
      expect(p.range).to.deep.equal({ start: '2020-05-01', end: '2020-08-31' });
      expect(p.previous).to.deep.equal({ start: '2020-01-01', end: '2020-04-30' });
    });

    it('a year at its end is the whole year against the whole year before', () => {
      const p = summaryPeriod('år', '2019-12-31');
      expect(p.range).to.deep.equal({ start: '2019-01-01', end: '2019-12-31' });
      expect(p.previous).to.deep.equal({ start: '2018-01-01', end: '2018-12-31' });
    });

    it('a running year is held against the same calendar days a year earlier, across a leap day', () => {
      // The bot's day 1 June 2020: 1 January – 1 June 2019, not – 2 June (2020 has a 29 February).
      expect(summaryPeriod('år', '2020-06-01').previous).to.deep.equal({ start: '2019-01-01', end: '2019-06-01' });
      expect(summaryPeriod('år', '2021-06-01').previous).to.deep.equal({ start: '2020-01-01', end: '2020-06-01' });
      expect(summaryPeriod('år', '2020-02-29').previous).to.deep.equal({ start: '2019-01-01', end: '2019-02-28' });
      expect(summaryPeriod('år', '2021-02-28').previous).to.deep.equal({ start: '2020-01-01', end: '2020-02-28' });
    });

    it("property: a year's comparison has the same calendar days one year earlier, and the same length unless a 29 February lies in either", () => {
      const leapDayIn = (r: { start: string; end: string }) => {
        const february28 = `${r.start.slice(0, 4)}-02-28`;
        const next = addDays(february28, 1);
        return next.endsWith('-02-29') && r.start <= next && next <= r.end;
      };
      fc.assert(
        fc.property(isoDateArb, (date) => {
          const p = summaryPeriod('år', date);
          const year = Number(date.slice(0, 4));
          expect(p.previous.start).to.equal(`${year - 1}-01-01`);
          const monthDay = date.slice(5) === '02-29' ? '02-28' : date.slice(5);
          expect(p.previous.end).to.equal(`${year - 1}-${monthDay}`);
          const length = daysBetween(p.range.start, p.range.end);
          const before = daysBetween(p.previous.start, p.previous.end);
          if (leapDayIn(p.range) || leapDayIn(p.previous)) expect(Math.abs(length - before)).to.equal(1);
          else expect(before).to.equal(length);
        }),
        { numRuns: 1000 },
      );
    });

    it('for any date and kind: the range holds the date at its end, lies in the full period, and the period before ends before it starts', () => {
      fc.assert(
        fc.property(isoDateArb, fc.constantFrom(...SUMMARY_KINDS), (date, kind) => {
          const p = summaryPeriod(kind, date);
          expect(p.range.end).to.equal(date);
          expect(p.range.start <= p.range.end).to.equal(true);
          expect(p.full.start).to.equal(p.range.start);
          expect(p.range.end <= p.full.end).to.equal(true);
          expect(p.previous.start <= p.previous.end).to.equal(true);
          expect(p.previous.end < p.range.start).to.equal(true);
          // Never longer than the current range, and as long whenever the period before is long enough
          // (a year is held against the same calendar days instead: see below).
          const length = daysBetween(p.range.start, p.range.end);
          if (kind !== 'år') expect(daysBetween(p.previous.start, p.previous.end) <= length).to.equal(true);
          if (kind === 'vecka') expect(p.previous.end).to.equal(addDays(p.range.start, -1));
        }),
        { numRuns: 500 },
      );
    });
  });

  describe('parseSummaryArgs', () => {
    const cases: Array<[string, ReturnType<typeof parseSummaryArgs>]> = [
      ['', { ok: true, kind: 'vecka' }],
      ['vecka', { ok: true, kind: 'vecka' }],
      ['Månad', { ok: true, kind: 'månad' }],
      ['manad', { ok: true, kind: 'månad' }],
      ['tertialet', { ok: true, kind: 'tertial' }],
      ['ar 2019', { ok: true, kind: 'år', year: 2019 }],
      ['2019 år', { ok: true, kind: 'år', year: 2019 }],
      ['tertial 2020', { ok: true, kind: 'tertial', year: 2020 }],
      ['2020', { ok: true, kind: 'år', year: 2020 }],
    ];
    for (const [args, expected] of cases) {
      it(`"${args}" → ${JSON.stringify(expected)}`, () => {
        expect(parseSummaryArgs(args)).to.deep.equal(expected);
      });
    }

    it('refuses words it does not know, naming them and saying what works', () => {
      const r = parseSummaryArgs('kvartal');
      expect(r.ok).to.equal(false);
      if (!r.ok) expect(render(summaryTexts, r)).to.contain('"kvartal"').and.to.contain('/sammanfattning tertial');
    });

    it('refuses two kinds, two years and absurd years', () => {
      expect(parseSummaryArgs('vecka månad').ok).to.equal(false);
      expect(parseSummaryArgs('2019 2020').ok).to.equal(false);
      expect(parseSummaryArgs('år 0042').ok).to.equal(false);
    });

    it('never throws, whatever is typed', () => {
      fc.assert(fc.property(fc.string({ maxLength: 200 }), (s) => typeof parseSummaryArgs(s).ok === 'boolean'));
    });
  });

  describe('summarize', () => {
    const agreement: Agreement = {
      id: 'a-2020',
      area: 'a',
      title: 'Medborgarlöfte 2020',
      municipality: 'Kommunen',
      policeArea: 'LPO',
      parties: ['Polisen', 'Kommunen'],
      period: { start: '2020-01-01', end: '2020-12-31' },
      promises: [
        { id: 'p1', text: 'Otrygga platser' },
        { id: 'p2', text: 'Drogförsäljning' },
      ],
      activities: [
        {
          id: 'krog',
          name: 'Krogtillsyn',
          text: 't',
          promiseIds: ['p1'],
          parties: ['Polisen'],
          places: ['centrum'],
          keywords: ['krog'],
          target: { kind: 'count', count: 4, unit: 'tillfällen' },
        },
        {
          id: 'ssg',
          name: 'SSG-möte',
          text: 't',
          promiseIds: ['p1', 'p2'],
          parties: ['Polisen'],
          places: [],
          keywords: ['ssg'],
          target: { kind: 'recurring', rhythm: 'monthly' },
        },
        {
          id: 'sig',
          name: 'SIG-ärenden',
          text: 't',
          promiseIds: ['p2'],
          parties: ['Kommunen'],
          places: ['Öxnehaga'],
          keywords: ['sig'],
          target: { kind: 'count', count: 2, unit: 'ärenden' },
        },
      ],
    };
    const before: Agreement = {
      ...agreement,
      id: 'a-2019',
      title: 'Medborgarlöfte 2019',
      period: { start: '2019-01-01', end: '2019-12-31' },
      activities: [agreement.activities[1]!],
    };
    let n = 0;
    const entry = (activityId: string, date: string, extra: Partial<Entry> = {}): Entry => ({
      id: `e${++n}`,
      agreementId: date < '2020' ? 'a-2019' : 'a-2020',
      activityId,
      date,
      count: 1,
      by: { id: 'anna', name: 'Anna' },
      loggedAt: `${date}T12:00:00.000Z`,
      ...extra,
    });
    const entries: Entry[] = [
      // This week (8–14 March):
      entry('krog', '2020-03-08', { place: 'Öxnehaga' }),
      entry('krog', '2020-03-10', { place: 'öxnehaga', count: 2, by: { id: 'erik', name: 'Erik' } }),
      entry('krog', '2020-03-14'),
      entry('ssg', '2020-03-12', { by: { id: 'erik', name: 'Erik' } }),
      entry('sig', '2020-03-13', {
        place: 'Österängen',
        removed: { by: { id: 'anna', name: 'Anna' }, at: '2020-03-13T13:00:00.000Z', reason: 'undo' },
      }),
      // The week before (1–7 March):
      entry('krog', '2020-03-01'),
      entry('sig', '2020-03-07', { place: 'Öxnehaga' }),
      entry('sig', '2020-03-06', { place: 'Öxnehaga' }),
      // Outside both:
      entry('krog', '2020-02-29'),
      entry('krog', '2020-03-15'),
    ];

    const week = summarize({
      agreement,
      period: summaryPeriod('vecka', '2020-03-14'),
      agreements: [before, agreement],
      entries,
      completions: [],
    });

    it('sums what was logged in the period per activity, leaving out undone entries and other days', () => {
      const krog = week.promises[0]!.activities.find((a) => a.activity.id === 'krog')!;
      expect(krog.count).to.equal(4);
      expect(krog.entries).to.equal(3);
      expect(krog.contributors).to.equal(2);
      expect(krog.previousCount).to.equal(1);
      const sig = week.promises[1]!.activities.find((a) => a.activity.id === 'sig')!;
      expect(sig.count).to.equal(0);
      expect(sig.previousCount).to.equal(2);
    });

    it('tallies places case- and accent-insensitively, the most first, "no place" last among equals', () => {
      const krog = week.promises[0]!.activities.find((a) => a.activity.id === 'krog')!;
      expect(krog.places).to.deep.equal([
        { place: 'Öxnehaga', count: 3 },
        { place: '', count: 1 },
      ]);
    });

    it('shows an activity of two promises under both, and each promise sums its own activities', () => {
      expect(week.promises.map((p) => p.activities.map((a) => a.activity.id))).to.deep.equal([
        ['krog', 'ssg'],
        ['ssg', 'sig'],
      ]);
      expect(week.promises[0]).to.include({ count: 5, contributors: 2, previousCount: 1 });
      expect(week.promises[1]).to.include({ count: 1, contributors: 1, previousCount: 2 });
    });

    it('totals count each entry once, with the people who logged', () => {
      expect(week.total).to.deep.equal({ count: 5, entries: 4, contributors: 2, previousCount: 3, previousEntries: 3 });
    });

    it('compares an activity only when it existed in the period before (a copied agreement keeps the id)', () => {
      const year = summarize({
        agreement,
        period: summaryPeriod('år', '2020-03-14'),
        agreements: [before, agreement],
        entries,
        completions: [],
      });
      const all = year.promises.flatMap((p) => p.activities);
      expect(all.find((a) => a.activity.id === 'ssg')!.previousCount).to.equal(0);
      expect(all.find((a) => a.activity.id === 'krog')!.previousCount).to.equal(undefined);
      expect(all.find((a) => a.activity.id === 'sig')!.previousCount).to.equal(undefined);
    });

    it('lists what is behind at the end of the period, the furthest behind first', () => {
      // 14 March: 20 % of the year; krog has 4 of 4 (done), sig 2 of 2 (done), ssg has March only:
      // January and February missed is något efter, not red, so early in the year.
      expect(week.behind.map((a) => [a.activity.id, a.status.status])).to.deep.equal([['ssg', 'behind']]);
      const october = summarize({
        agreement,
        period: summaryPeriod('vecka', '2020-10-01'),
        agreements: [agreement],
        entries: [],
        completions: [],
      });
      expect(october.behind.map((a) => a.activity.id)).to.have.members(['krog', 'ssg', 'sig']);
      expect(october.behind[0]!.status.status).to.equal('farBehind');
    });

    it('for any set of entries: the week total is the sum of the counts dated in the week that are not undone', () => {
      const dateArb = fc.integer({ min: 0, max: 40 }).map((d) => addDays('2020-02-20', d));
      const entryArb = fc.record({
        activityId: fc.constantFrom('krog', 'ssg', 'sig'),
        date: dateArb,
        count: fc.integer({ min: 1, max: 5 }),
        by: fc.constantFrom('anna', 'erik', 'sara'),
        removed: fc.boolean(),
        place: fc.option(fc.constantFrom('Öxnehaga', 'ÖXNEHAGA', 'centrum'), { nil: undefined }),
      });
      fc.assert(
        fc.property(fc.array(entryArb, { maxLength: 40 }), dateArb, (drawn, asOf) => {
          const es = drawn.map((d, i): Entry => ({
            id: `x${i}`,
            agreementId: 'a-2020',
            activityId: d.activityId,
            date: d.date,
            count: d.count,
            by: { id: d.by, name: d.by },
            loggedAt: '2020-01-01T00:00:00.000Z',
            ...(d.place ? { place: d.place } : {}),
            ...(d.removed
              ? { removed: { by: { id: d.by, name: d.by }, at: '2020-01-01T00:00:00.000Z', reason: 'undo' as const } }
              : {}),
          }));
          const s = summarize({
            agreement,
            period: summaryPeriod('vecka', asOf),
            agreements: [agreement],
            entries: es,
            completions: [],
          });
          const expected = drawn.filter((d) => !d.removed && d.date >= addDays(asOf, -6) && d.date <= asOf);
          expect(s.total.count).to.equal(expected.reduce((sum, d) => sum + d.count, 0));
          expect(s.total.contributors).to.equal(new Set(expected.map((d) => d.by)).size);
          // Places add up to the activity's count.
          for (const a of s.promises.flatMap((p) => p.activities)) {
            expect(a.places.reduce((sum, p) => sum + p.count, 0)).to.equal(a.count);
          }
        }),
        { numRuns: 200 },
      );
    });
  });
});
