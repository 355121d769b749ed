// Calendar days in Europe/Stockholm: conversions at DST edges, calendar arithmetic, ISO weeks,
// tertials and Swedish formatting. Tests must pass whatever TZ the process runs in.
import { expect } from 'chai';
import fc from 'fast-check';
import {
  SWEDISH_MONTHS,
  SWEDISH_WEEKDAYS,
  addDays,
  daysBetween,
  formatSwedishDate,
  isValidIsoDate,
  isoWeek,
  isoWeekStart,
  isoWeekday,
  monthStart,
  stockholmDate,
  stockholmInstant,
  tertialOf,
  tertialRange,
  type Tertial,
} from '../../src/domain/calendar.js';

const DAY_MS = 86_400_000;

/** Valid ISO dates between the years (inclusive), built independently of the module under test. */
function isoDateArb(fromYear = 1900, toYear = 2199): fc.Arbitrary<string> {
  const from = Date.UTC(fromYear, 0, 1) / DAY_MS;
  const to = Date.UTC(toYear, 11, 31) / DAY_MS;
  return fc.integer({ min: from, max: to }).map((d) => new Date(d * DAY_MS).toISOString().slice(0, 10));
}

const hhmmArb = fc
  .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
  .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);

describe('calendar', () => {
  describe('stockholmDate', () => {
    const cases: Array<[string, string]> = [
      ['2020-03-28T22:59:59Z', '2020-03-28'], // 23:59:59 CET
      ['2020-03-28T23:00:00Z', '2020-03-29'],
      ['2020-03-28T23:30:00Z', '2020-03-29'], // night of spring-forward
      ['2020-03-29T22:00:00Z', '2020-03-30'], // 00:00 CEST
      ['2020-03-29T21:59:59Z', '2020-03-29'],
      ['2020-10-24T21:59:59Z', '2020-10-24'], // 23:59:59 CEST
      ['2020-10-24T22:30:00Z', '2020-10-25'], // night of fall-back
      ['2020-10-25T22:59:59Z', '2020-10-25'], // 23:59:59 CET
      ['2020-10-25T23:00:00Z', '2020-10-26'],
      ['2020-12-31T22:59:59Z', '2020-12-31'],
      ['2020-12-31T23:00:00Z', '2021-01-01'],
      ['2020-06-30T21:59:59Z', '2020-06-30'],
      ['2020-06-30T22:00:00Z', '2020-07-01'],
      ['2024-02-28T23:00:00Z', '2024-02-29'],
    ];
    for (const [instant, expected] of cases) {
      it(`${instant} is ${expected} in Stockholm`, () => {
        expect(stockholmDate(new Date(instant))).to.equal(expected);
      });
    }

    it('refuses an invalid Date', () => {
      expect(() => stockholmDate(new Date(Number.NaN))).to.throw(RangeError);
    });

    it("is the day Stockholm's clock shows, by the time zone database, on any instant and around each change (property)", () => {
      const shown = new Intl.DateTimeFormat('sv-SE', {
        timeZone: 'Europe/Stockholm',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
      });
      // The last Sundays of March and October at 01:00 UTC, give or take a day and a few hours.
      const aroundChange = fc
        .tuple(
          fc.integer({ min: 1980, max: 2100 }),
          fc.constantFrom(2, 9),
          fc.integer({ min: -30 * 3_600_000, max: 30 * 3_600_000 }),
        )
        .map(([year, month, offset]) => {
          const lastDay = new Date(Date.UTC(year, month + 1, 0));
          const lastSunday = lastDay.getUTCDate() - lastDay.getUTCDay();
          return Date.UTC(year, month, lastSunday, 1) + offset;
        });
      fc.assert(
        fc.property(
          fc.oneof(fc.integer({ min: Date.UTC(1850, 0, 1), max: Date.UTC(2199, 11, 31) }), aroundChange),
          (ms) => {
            expect(stockholmDate(new Date(ms))).to.equal(shown.format(new Date(ms)));
          },
        ),
        { numRuns: 2000 },
      );
    });

    it('is always the UTC day or the next one, and valid (property)', () => {
      fc.assert(
        fc.property(fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2199, 11, 31) }), (ms) => {
          const d = stockholmDate(new Date(ms));
          const utc = new Date(ms).toISOString().slice(0, 10);
          expect(isValidIsoDate(d)).to.equal(true);
          expect([utc, addDays(utc, 1)]).to.include(d);
        }),
      );
    });
  });

  describe('stockholmInstant', () => {
    it('winter time is UTC+1, summer time UTC+2', () => {
      expect(stockholmInstant('2020-01-15', '07:30').toISOString()).to.equal('2020-01-15T06:30:00.000Z');
      expect(stockholmInstant('2020-07-15', '07:30').toISOString()).to.equal('2020-07-15T05:30:00.000Z');
      expect(stockholmInstant('2021-01-01', '00:00').toISOString()).to.equal('2020-12-31T23:00:00.000Z');
      expect(stockholmInstant('2020-06-30', '23:59').toISOString()).to.equal('2020-06-30T21:59:00.000Z');
    });

    it('around spring-forward (2020-03-29 02:00 CET → 03:00 CEST)', () => {
      expect(stockholmInstant('2020-03-29', '01:59').toISOString()).to.equal('2020-03-29T00:59:00.000Z');
      expect(stockholmInstant('2020-03-29', '03:00').toISOString()).to.equal('2020-03-29T01:00:00.000Z');
      expect(stockholmInstant('2020-03-29', '07:30').toISOString()).to.equal('2020-03-29T05:30:00.000Z');
    });

    it('a nonexistent spring-forward time gives the instant one hour later on the clock', () => {
      const instant = stockholmInstant('2020-03-29', '02:30');
      expect(instant.toISOString()).to.equal('2020-03-29T01:30:00.000Z'); // = 03:30 CEST
      expect(stockholmInstant('2020-03-29', '02:00').toISOString()).to.equal('2020-03-29T01:00:00.000Z');
    });

    it('the repeated autumn hour takes the first instant (still CEST)', () => {
      expect(stockholmInstant('2020-10-25', '02:30').toISOString()).to.equal('2020-10-25T00:30:00.000Z');
      expect(stockholmInstant('2020-10-25', '02:00').toISOString()).to.equal('2020-10-25T00:00:00.000Z');
      expect(stockholmInstant('2020-10-25', '01:59').toISOString()).to.equal('2020-10-24T23:59:00.000Z');
      expect(stockholmInstant('2020-10-25', '03:00').toISOString()).to.equal('2020-10-25T02:00:00.000Z');
    });

    it('refuses bad times and dates', () => {
      for (const t of ['24:00', '7:30', '07:60', '0730', '', '07:30:00']) {
        expect(() => stockholmInstant('2020-01-01', t), t).to.throw(RangeError);
      }
      expect(() => stockholmInstant('2020-02-30', '07:30')).to.throw(RangeError);
    });

    it('stockholmDate(stockholmInstant(d, 07:30)) === d (property)', () => {
      fc.assert(fc.property(isoDateArb(), (d) => stockholmDate(stockholmInstant(d, '07:30')) === d));
    });

    it('the instant is on the date for any time, and shows that time unless skipped (property)', () => {
      fc.assert(
        fc.property(isoDateArb(1970, 2100), hhmmArb, (d, t) => {
          const instant = stockholmInstant(d, t);
          expect(stockholmDate(instant)).to.equal(d);
          const offsetHours = (Date.parse(`${d}T${t}:00Z`) - instant.getTime()) / 3_600_000;
          // Stockholm is UTC+1 or UTC+2; a skipped time is read with the offset before the change.
          expect([1, 2]).to.include(offsetHours);
        }),
      );
    });
  });

  describe('isValidIsoDate', () => {
    it('accepts real days', () => {
      for (const d of [
        '2020-02-29',
        '2000-02-29',
        '2019-12-31',
        '2020-01-01',
        '1999-04-30',
        '0000-01-01',
        '9999-12-31',
      ]) {
        expect(isValidIsoDate(d), d).to.equal(true);
      }
    });
    it('refuses impossible days and wrong shapes', () => {
      for (const d of [
        '2019-02-29',
        '2020-02-30',
        '1900-02-29',
        '2020-04-31',
        '2020-13-01',
        '2020-00-10',
        '2020-01-00',
        '2020-1-01',
        '20-01-01',
        '2020-01-01T00:00',
        ' 2020-01-01',
        '2020/01/01',
        '',
        '２０２０-01-01',
      ]) {
        expect(isValidIsoDate(d), d).to.equal(false);
      }
    });
    it('agrees with Date.UTC round-tripping (property)', () => {
      fc.assert(
        fc.property(
          fc.integer({ min: 1000, max: 9999 }),
          fc.integer({ min: 0, max: 13 }),
          fc.integer({ min: 0, max: 32 }),
          (y, m, d) => {
            const s = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
            const real = m >= 1 && m <= 12 && d >= 1 && new Date(Date.UTC(y, m - 1, d)).getUTCDate() === d;
            return isValidIsoDate(s) === real;
          },
        ),
      );
    });
    it('never throws on arbitrary strings (property)', () => {
      fc.assert(fc.property(fc.string(), (s) => typeof isValidIsoDate(s) === 'boolean'));
    });
  });

  describe('addDays and daysBetween', () => {
    it('cross month, year and leap day', () => {
      expect(addDays('2020-02-28', 1)).to.equal('2020-02-29');
      expect(addDays('2020-02-29', 1)).to.equal('2020-03-01');
      expect(addDays('2019-02-28', 1)).to.equal('2019-03-01');
      expect(addDays('2020-12-31', 1)).to.equal('2021-01-01');
      expect(addDays('2021-01-01', -1)).to.equal('2020-12-31');
      expect(addDays('2020-03-28', 1)).to.equal('2020-03-29'); // DST changes nothing
      expect(addDays('2020-10-25', 1)).to.equal('2020-10-26');
      expect(addDays('2020-03-14', 0)).to.equal('2020-03-14');
      expect(addDays('2020-01-01', 366)).to.equal('2021-01-01');
      expect(daysBetween('2020-01-01', '2021-01-01')).to.equal(366);
      expect(daysBetween('2021-01-01', '2020-01-01')).to.equal(-366);
      expect(daysBetween('2020-03-29', '2020-03-30')).to.equal(1);
      expect(daysBetween('2020-10-25', '2020-10-26')).to.equal(1);
    });
    it('works for early years (no 19xx mapping of years 0–99)', () => {
      expect(addDays('0099-12-31', 1)).to.equal('0100-01-01');
      expect(daysBetween('0001-01-01', '0002-01-01')).to.equal(365);
    });
    it('refuses invalid input', () => {
      expect(() => addDays('2020-02-30', 1)).to.throw(RangeError);
      expect(() => addDays('2020-02-01', 1.5)).to.throw(RangeError);
      expect(() => addDays('9999-12-31', 1)).to.throw(RangeError);
      expect(() => daysBetween('x', '2020-01-01')).to.throw(RangeError);
    });
    it('are inverse and match UTC arithmetic (property)', () => {
      fc.assert(
        fc.property(isoDateArb(), fc.integer({ min: -40_000, max: 40_000 }), (d, n) => {
          const later = addDays(d, n);
          expect(isValidIsoDate(later)).to.equal(true);
          expect(daysBetween(d, later)).to.equal(n);
          expect(addDays(later, -n)).to.equal(d);
          expect(later).to.equal(new Date(Date.parse(`${d}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10));
        }),
      );
    });
    it('daysBetween is additive (property)', () => {
      fc.assert(
        fc.property(isoDateArb(), isoDateArb(), isoDateArb(), (a, b, c) => {
          return daysBetween(a, b) + daysBetween(b, c) === daysBetween(a, c);
        }),
      );
    });
  });

  describe('isoWeekday', () => {
    it('Monday is 1, Sunday 7', () => {
      expect(isoWeekday('2020-03-09')).to.equal(1);
      expect(isoWeekday('2020-03-12')).to.equal(4);
      expect(isoWeekday('2020-03-14')).to.equal(6);
      expect(isoWeekday('2020-03-15')).to.equal(7);
      expect(isoWeekday('2026-01-08')).to.equal(4);
    });
    it('advances by one each day (property)', () => {
      fc.assert(
        fc.property(isoDateArb(), (d) => {
          const w = isoWeekday(d);
          expect(w).to.be.within(1, 7);
          expect(isoWeekday(addDays(d, 1))).to.equal((w % 7) + 1);
          expect(isoWeekday(addDays(d, 7))).to.equal(w);
        }),
      );
    });
  });

  describe('isoWeek and isoWeekStart', () => {
    const cases: Array<[string, number, number]> = [
      ['2020-12-31', 2020, 53],
      ['2021-01-03', 2020, 53],
      ['2021-01-04', 2021, 1],
      ['2019-12-30', 2020, 1],
      ['2019-12-29', 2019, 52],
      ['2020-01-01', 2020, 1],
      ['2020-03-14', 2020, 11],
      ['2016-01-03', 2015, 53],
      ['2026-01-08', 2026, 2],
      ['2027-01-01', 2026, 53],
    ];
    for (const [d, year, week] of cases) {
      it(`${d} is ${year} W${week}`, () => {
        expect(isoWeek(d)).to.deep.equal({ year, week });
      });
    }
    it('week start is the Monday', () => {
      expect(isoWeekStart('2021-01-03')).to.equal('2020-12-28');
      expect(isoWeekStart('2021-01-04')).to.equal('2021-01-04');
      expect(isoWeekStart('2020-03-14')).to.equal('2020-03-09');
    });

    /** Reference: the ordinal-date formula, week = floor((ordinal − weekday + 10) / 7). */
    function referenceWeek(d: string): { year: number; week: number } {
      const ms = Date.parse(`${d}T00:00:00Z`);
      const year = new Date(ms).getUTCFullYear();
      const ordinal = (ms - Date.UTC(year, 0, 1)) / DAY_MS + 1;
      const weekday = ((new Date(ms).getUTCDay() + 6) % 7) + 1;
      const weeksIn = (y: number): number => {
        const p = (x: number): number => (x + Math.floor(x / 4) - Math.floor(x / 100) + Math.floor(x / 400)) % 7;
        return p(y) === 4 || p(y - 1) === 3 ? 53 : 52;
      };
      const week = Math.floor((ordinal - weekday + 10) / 7);
      if (week < 1) return { year: year - 1, week: weeksIn(year - 1) };
      if (week > weeksIn(year)) return { year: year + 1, week: 1 };
      return { year, week };
    }

    it('matches the ordinal-date reference (property)', () => {
      fc.assert(
        fc.property(isoDateArb(), (d) => {
          expect(isoWeek(d)).to.deep.equal(referenceWeek(d));
        }),
      );
    });

    it("the week is its Thursday's, and its Monday starts it (property)", () => {
      fc.assert(
        fc.property(isoDateArb(), (d) => {
          const monday = isoWeekStart(d);
          const thursday = addDays(monday, 3);
          expect(isoWeekday(monday)).to.equal(1);
          expect(daysBetween(monday, d)).to.be.within(0, 6);
          expect(isoWeek(d).year).to.equal(Number(thursday.slice(0, 4)));
          for (let i = 0; i < 7; i++) expect(isoWeek(addDays(monday, i))).to.deep.equal(isoWeek(d));
          const next = isoWeek(addDays(monday, 7));
          const cur = isoWeek(d);
          if (next.year === cur.year) expect(next.week).to.equal(cur.week + 1);
          else expect(next).to.deep.equal({ year: cur.year + 1, week: 1 });
        }),
      );
    });
  });

  describe('tertials', () => {
    it('jan–apr, maj–aug, sep–dec', () => {
      expect(tertialOf('2020-01-01')).to.deep.equal({ year: 2020, tertial: 1 });
      expect(tertialOf('2020-04-30')).to.deep.equal({ year: 2020, tertial: 1 });
      expect(tertialOf('2020-05-01')).to.deep.equal({ year: 2020, tertial: 2 });
      expect(tertialOf('2020-08-31')).to.deep.equal({ year: 2020, tertial: 2 });
      expect(tertialOf('2020-09-01')).to.deep.equal({ year: 2020, tertial: 3 });
      expect(tertialOf('2020-12-31')).to.deep.equal({ year: 2020, tertial: 3 });
      expect(tertialRange(2019, 1)).to.deep.equal({ start: '2019-01-01', end: '2019-04-30' });
      expect(tertialRange(2019, 2)).to.deep.equal({ start: '2019-05-01', end: '2019-08-31' });
      expect(tertialRange(2019, 3)).to.deep.equal({ start: '2019-09-01', end: '2019-12-31' });
    });
    it('refuses a bad year or tertial', () => {
      expect(() => tertialRange(2020.5, 1)).to.throw(RangeError);
      expect(() => tertialRange(2020, 4 as Tertial)).to.throw(RangeError);
    });
    it("a date lies in its tertial's range, and the ranges tile the year (property)", () => {
      fc.assert(
        fc.property(isoDateArb(), (d) => {
          const { year, tertial } = tertialOf(d);
          const { start, end } = tertialRange(year, tertial);
          expect(start <= d && d <= end).to.equal(true);
        }),
      );
      fc.assert(
        fc.property(fc.integer({ min: 1, max: 9999 }), (year) => {
          const t1 = tertialRange(year, 1);
          const t2 = tertialRange(year, 2);
          const t3 = tertialRange(year, 3);
          expect(addDays(t1.end, 1)).to.equal(t2.start);
          expect(addDays(t2.end, 1)).to.equal(t3.start);
          expect(t3.end.slice(5)).to.equal('12-31');
          expect(t1.start.slice(5)).to.equal('01-01');
          expect(Number(t1.start.slice(0, 4))).to.equal(year);
        }),
      );
    });
  });

  describe('monthStart', () => {
    it('is the first of the month', () => {
      expect(monthStart('2020-03-14')).to.equal('2020-03-01');
      expect(monthStart('2020-03-01')).to.equal('2020-03-01');
      expect(monthStart('2020-12-31')).to.equal('2020-12-01');
    });
    it('is on or before the date in the same month (property)', () => {
      fc.assert(
        fc.property(isoDateArb(), (d) => {
          const m = monthStart(d);
          expect(m.slice(0, 7)).to.equal(d.slice(0, 7));
          expect(m.endsWith('-01')).to.equal(true);
          expect(daysBetween(m, d)).to.equal(Number(d.slice(8)) - 1);
        }),
      );
    });
  });

  describe('Swedish names', () => {
    it('formats "14 mars 2020"', () => {
      expect(formatSwedishDate('2020-03-14')).to.equal('14 mars 2020');
      expect(formatSwedishDate('2021-01-01')).to.equal('1 januari 2021');
      expect(formatSwedishDate('2019-12-31')).to.equal('31 december 2019');
    });
    it('weekdays start on Monday, months in January', () => {
      expect(SWEDISH_WEEKDAYS).to.deep.equal(['måndag', 'tisdag', 'onsdag', 'torsdag', 'fredag', 'lördag', 'söndag']);
      expect(SWEDISH_MONTHS).to.have.length(12);
      expect(SWEDISH_MONTHS[0]).to.equal('januari');
      expect(SWEDISH_MONTHS[2]).to.equal('mars');
      expect(SWEDISH_MONTHS[11]).to.equal('december');
      expect(SWEDISH_WEEKDAYS[isoWeekday('2020-03-14') - 1]).to.equal('lördag');
    });
    it('agree with Intl sv-SE (property)', () => {
      const fmt = new Intl.DateTimeFormat('sv-SE', {
        timeZone: 'UTC',
        day: 'numeric',
        month: 'long',
        year: 'numeric',
        weekday: 'long',
      });
      fc.assert(
        fc.property(isoDateArb(1900, 2100), (d) => {
          const parts = fmt.formatToParts(new Date(`${d}T12:00:00Z`));
          const get = (t: string): string => parts.find((p) => p.type === t)?.value ?? '';
          expect(formatSwedishDate(d)).to.equal(`${get('day')} ${get('month')} ${get('year')}`);
          expect(SWEDISH_WEEKDAYS[isoWeekday(d) - 1]).to.equal(get('weekday'));
        }),
        { numRuns: 200 },
      );
    });
  });
});
