// Swedish date words as the command parser meets them: a token list, a position and today's date.
import { expect } from 'chai';
import fc from 'fast-check';
import {
  daysBetween,
  isValidIsoDate,
  isoWeekday,
  SWEDISH_MONTHS,
  SWEDISH_WEEKDAYS,
} from '../../src/domain/calendar.js';
import { looksLikeDate, parseDateAt, type DateParse } from '../../src/domain/dateWords.js';
import { render } from '../../src/views/catalogue.js';
import { dateTexts } from '../../src/views/logRequestTexts.js';

const DAY_MS = 86_400_000;
const SATURDAY = '2020-03-14';

/** A refusal as the user reads it, in place of its problem. */
function said(r: DateParse | undefined): unknown {
  if (!r || r.ok) return r;
  const { problem, ...rest } = r;
  return { ...rest, error: render(dateTexts, problem) };
}

function parse(text: string, today = SATURDAY, index = 0): DateParse | undefined {
  return parseDateAt(text.split(' '), index, today);
}

function okDate(text: string, today = SATURDAY): { date: string; consumed: number } {
  const r = parse(text, today);
  expect(r, text).to.not.equal(undefined);
  if (!r || !r.ok) throw new Error(`expected a date from ${JSON.stringify(text)}, got ${JSON.stringify(r)}`);
  return { date: r.date, consumed: r.consumed };
}

function isoDateArb(fromYear = 1950, toYear = 2100): fc.Arbitrary<string> {
  const from = Date.UTC(fromYear, 0, 1) / DAY_MS;
  const to = Date.UTC(toYear, 11, 31) / DAY_MS;
  return fc.integer({ min: from, max: to }).map((d) => new Date(d * DAY_MS).toISOString().slice(0, 10));
}

/** How people write a word: any case, with or without å/ä/ö, maybe with trailing punctuation. */
function writtenArb(word: string): fc.Arbitrary<string> {
  return fc
    .tuple(fc.boolean(), fc.constantFrom('lower', 'upper', 'title'), fc.constantFrom('', ',', '.', '!', '?', ':', ';'))
    .map(([strip, casing, punct]) => {
      let w = strip
        ? word
            .normalize('NFD')
            .replace(/\p{Diacritic}/gu, '')
            .normalize('NFC')
        : word;
      if (casing === 'upper') w = w.toUpperCase();
      if (casing === 'title') w = w.charAt(0).toUpperCase() + w.slice(1);
      return w + punct;
    });
}

const MONTH_ABBREVIATIONS = ['jan', 'feb', 'mar', 'apr', 'maj', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'];

describe('dateWords.parseDateAt', () => {
  describe('relative words (today 2020-03-14, a Saturday)', () => {
    const cases: Array<[string, string, number]> = [
      ['idag', '2020-03-14', 1],
      ['Idag,', '2020-03-14', 1],
      ['IDAG.', '2020-03-14', 1],
      ['i dag', '2020-03-14', 2],
      ['I Dag', '2020-03-14', 2],
      ['igår', '2020-03-13', 1],
      ['igar', '2020-03-13', 1],
      ['IGÅR', '2020-03-13', 1],
      ['i går', '2020-03-13', 2],
      ['i gar,', '2020-03-13', 2],
      ['i förrgår', '2020-03-12', 2],
      ['i forrgar', '2020-03-12', 2],
      ['förrgår', '2020-03-12', 1],
      ['forrgar', '2020-03-12', 1],
      ['iförrgår', '2020-03-12', 1],
    ];
    for (const [text, date, consumed] of cases) {
      it(`"${text}" → ${date}, ${consumed} token(s)`, () => {
        expect(parse(text)).to.deep.equal({ ok: true, date, consumed });
      });
    }
    it('crosses month and year boundaries', () => {
      expect(okDate('igår', '2021-01-01').date).to.equal('2020-12-31');
      expect(okDate('i förrgår', '2020-03-01').date).to.equal('2020-02-28');
    });
  });

  describe('weekday names: the latest such day on or before today (today counts)', () => {
    const cases: Array<[string, string, number]> = [
      ['lördag', '2020-03-14', 1],
      ['fredag', '2020-03-13', 1],
      ['torsdag', '2020-03-12', 1],
      ['Torsdags,', '2020-03-12', 1],
      ['onsdag', '2020-03-11', 1],
      ['tisdag', '2020-03-10', 1],
      ['måndag', '2020-03-09', 1],
      ['mandag', '2020-03-09', 1],
      ['MÅNDAGS', '2020-03-09', 1],
      ['i måndags', '2020-03-09', 2],
      ['i mandags.', '2020-03-09', 2],
      ['söndag', '2020-03-08', 1],
      ['sondag', '2020-03-08', 1],
      // Today is a Saturday: "lördag" is today, "i lördags" a week ago.
      ['i lördags', '2020-03-07', 2],
      ['lördags', '2020-03-07', 1],
      ['i söndags', '2020-03-08', 2],
    ];
    for (const [text, date, consumed] of cases) {
      it(`"${text}" → ${date}`, () => {
        expect(parse(text)).to.deep.equal({ ok: true, date, consumed });
      });
    }
    it('"i måndag" is not an expression at "i" (the weekday alone still is)', () => {
      expect(parse('i måndag')).to.equal(undefined);
      expect(parse('i måndag', SATURDAY, 1)).to.deep.equal({ ok: true, date: '2020-03-09', consumed: 1 });
    });
    it('is within the last week and on that weekday, in any written form (property)', () => {
      fc.assert(
        fc.property(
          isoDateArb(),
          fc.integer({ min: 0, max: 6 }),
          fc.boolean(),
          fc.constantFrom('', 'i'),
          fc.gen(),
          (today, i, sForm, prefix, gen) => {
            const name = (SWEDISH_WEEKDAYS[i] ?? '') + (sForm || prefix === 'i' ? 's' : '');
            const tokens = [gen(writtenArb, name)];
            if (prefix) tokens.unshift(gen(writtenArb, prefix));
            const r = parseDateAt(tokens, 0, today);
            if (!r?.ok) throw new Error(`no date from ${JSON.stringify(tokens)}`);
            expect(r.consumed).to.equal(tokens.length);
            expect(isoWeekday(r.date)).to.equal(i + 1);
            // The plain name may be today; the "måndags" form is always a past day.
            const sDay = sForm || prefix === 'i';
            expect(daysBetween(r.date, today)).to.be.within(sDay ? 1 : 0, sDay ? 7 : 6);
          },
        ),
      );
    });
  });

  describe('ISO dates', () => {
    it('reads 2020-03-14 as one token', () => {
      expect(parse('2020-03-14')).to.deep.equal({ ok: true, date: '2020-03-14', consumed: 1 });
      expect(parse('2020-03-14,')).to.deep.equal({ ok: true, date: '2020-03-14', consumed: 1 });
      expect(parse('2020-3-4')).to.deep.equal({ ok: true, date: '2020-03-04', consumed: 1 });
    });
    it('does not refuse future dates (the caller does)', () => {
      expect(parse('2030-01-01')).to.deep.equal({ ok: true, date: '2030-01-01', consumed: 1 });
    });
    it('names an impossible date', () => {
      expect(said(parse('2020-02-30'))).to.deep.equal({
        ok: false,
        error: 'Datumet 2020-02-30 finns inte. Skriv datumet t.ex. som 14/3 eller 14 mars.',
        consumed: 1,
      });
      expect(said(parse('2019-02-29.'))).to.deep.equal({
        ok: false,
        error: 'Datumet 2019-02-29 finns inte. Skriv datumet t.ex. som 14/3 eller 14 mars.',
        consumed: 1,
      });
      expect(parse('2020-13-01')).to.deep.include({ ok: false, consumed: 1 });
      expect(parse('2020-00-10')).to.deep.include({ ok: false, consumed: 1 });
    });
    it('round-trips any date (property)', () => {
      fc.assert(
        fc.property(isoDateArb(1000, 9999), isoDateArb(), (d, today) => {
          expect(parseDateAt([d], 0, today)).to.deep.equal({ ok: true, date: d, consumed: 1 });
        }),
      );
    });
  });

  describe('14/3, 14/3/2020, 14/3-2020', () => {
    it('reads day/month as the latest such date on or before today', () => {
      expect(parse('14/3')).to.deep.equal({ ok: true, date: '2020-03-14', consumed: 1 });
      expect(parse('13/3')).to.deep.equal({ ok: true, date: '2020-03-13', consumed: 1 });
      expect(parse('15/3')).to.deep.equal({ ok: true, date: '2019-03-15', consumed: 1 });
      expect(parse('01/03')).to.deep.equal({ ok: true, date: '2020-03-01', consumed: 1 });
      expect(parse('28/12', '2026-01-08')).to.deep.equal({ ok: true, date: '2025-12-28', consumed: 1 });
      expect(parse('8/1', '2026-01-08')).to.deep.equal({ ok: true, date: '2026-01-08', consumed: 1 });
    });
    it('29/2 is the latest leap day', () => {
      expect(okDate('29/2', '2020-03-14').date).to.equal('2020-02-29');
      expect(okDate('29/2', '2021-03-01').date).to.equal('2020-02-29');
      expect(okDate('29/2', '2020-02-28').date).to.equal('2016-02-29');
      expect(okDate('29/2', '2104-02-28').date).to.equal('2096-02-29'); // 2100 is no leap year
    });
    it('reads an explicit year', () => {
      expect(parse('14/3/2020')).to.deep.equal({ ok: true, date: '2020-03-14', consumed: 1 });
      expect(parse('14/3-2020')).to.deep.equal({ ok: true, date: '2020-03-14', consumed: 1 });
      expect(parse('14/3-2019.')).to.deep.equal({ ok: true, date: '2019-03-14', consumed: 1 });
      expect(parse('14/3-20')).to.deep.equal({ ok: true, date: '2020-03-14', consumed: 1 });
      expect(parse('1/12/2031')).to.deep.equal({ ok: true, date: '2031-12-01', consumed: 1 });
    });
    it('names an impossible date', () => {
      expect(said(parse('30/2'))).to.deep.equal({
        ok: false,
        error: 'Datumet 30/2 finns inte. Skriv datumet t.ex. som 14/3 eller 14 mars.',
        consumed: 1,
      });
      expect(said(parse('31/4'))).to.deep.equal({
        ok: false,
        error: 'Datumet 31/4 finns inte. Skriv datumet t.ex. som 14/3 eller 14 mars.',
        consumed: 1,
      });
      expect(said(parse('14/13'))).to.deep.equal({
        ok: false,
        error: 'Datumet 14/13 finns inte. Skriv datumet t.ex. som 14/3 eller 14 mars.',
        consumed: 1,
      });
      expect(said(parse('0/3'))).to.deep.equal({
        ok: false,
        error: 'Datumet 0/3 finns inte. Skriv datumet t.ex. som 14/3 eller 14 mars.',
        consumed: 1,
      });
      expect(said(parse('29/2/2019'))).to.deep.equal({
        ok: false,
        error: 'Datumet 29/2/2019 finns inte. Skriv datumet t.ex. som 14/3 eller 14 mars.',
        consumed: 1,
      });
      expect(said(parse('29/2-2019'))).to.deep.equal({
        ok: false,
        error: 'Datumet 29/2-2019 finns inte. Skriv datumet t.ex. som 14/3 eller 14 mars.',
        consumed: 1,
      });
    });
  });

  describe('14 mars, 14 mars 2020, 3 okt', () => {
    it('reads day and month name', () => {
      expect(parse('14 mars')).to.deep.equal({ ok: true, date: '2020-03-14', consumed: 2 });
      expect(parse('14 Mars,')).to.deep.equal({ ok: true, date: '2020-03-14', consumed: 2 });
      expect(parse('14 mar')).to.deep.equal({ ok: true, date: '2020-03-14', consumed: 2 });
      expect(parse('3 okt')).to.deep.equal({ ok: true, date: '2019-10-03', consumed: 2 });
      expect(parse('3 okt.')).to.deep.equal({ ok: true, date: '2019-10-03', consumed: 2 });
      expect(parse('1 sept')).to.deep.equal({ ok: true, date: '2019-09-01', consumed: 2 });
      expect(parse('28 december', '2026-01-08')).to.deep.equal({ ok: true, date: '2025-12-28', consumed: 2 });
    });
    it('reads an explicit year as a third token', () => {
      expect(parse('14 mars 2020')).to.deep.equal({ ok: true, date: '2020-03-14', consumed: 3 });
      expect(parse('3 okt 2019')).to.deep.equal({ ok: true, date: '2019-10-03', consumed: 3 });
      expect(parse('3 okt 2031')).to.deep.equal({ ok: true, date: '2031-10-03', consumed: 3 });
      expect(parse('14 mars 120')).to.deep.equal({ ok: true, date: '2020-03-14', consumed: 2 });
      expect(parse('14 mars 2 h')).to.deep.equal({ ok: true, date: '2020-03-14', consumed: 2 });
    });
    it('tolerates a leading "den"', () => {
      expect(parse('den 14 mars')).to.deep.equal({ ok: true, date: '2020-03-14', consumed: 3 });
      expect(parse('Den 14 mars 2020')).to.deep.equal({ ok: true, date: '2020-03-14', consumed: 4 });
      expect(parse('den 14/3')).to.deep.equal({ ok: true, date: '2020-03-14', consumed: 2 });
      expect(parse('den 2020-03-14')).to.deep.equal({ ok: true, date: '2020-03-14', consumed: 2 });
      expect(said(parse('den 30/2'))).to.deep.equal({
        ok: false,
        error: 'Datumet 30/2 finns inte. Skriv datumet t.ex. som 14/3 eller 14 mars.',
        consumed: 2,
      });
      expect(parse('den')).to.equal(undefined);
      expect(parse('den var lugn')).to.equal(undefined);
      expect(parse('den idag')).to.equal(undefined);
      expect(parse('den måndag')).to.equal(undefined);
    });
    it('names an impossible date', () => {
      expect(said(parse('32 mars'))).to.deep.equal({
        ok: false,
        error: 'Datumet 32 mars finns inte. Skriv datumet t.ex. som 14/3 eller 14 mars.',
        consumed: 2,
      });
      expect(said(parse('30 feb'))).to.deep.equal({
        ok: false,
        error: 'Datumet 30 feb finns inte. Skriv datumet t.ex. som 14/3 eller 14 mars.',
        consumed: 2,
      });
      expect(said(parse('0 maj'))).to.deep.equal({
        ok: false,
        error: 'Datumet 0 maj finns inte. Skriv datumet t.ex. som 14/3 eller 14 mars.',
        consumed: 2,
      });
      expect(said(parse('29 Februari 2019.'))).to.deep.equal({
        ok: false,
        error: 'Datumet 29 Februari 2019 finns inte. Skriv datumet t.ex. som 14/3 eller 14 mars.',
        consumed: 3,
      });
    });
    it('round-trips "D månad ÅÅÅÅ", "D/M/ÅÅÅÅ" and "D/M-ÅÅÅÅ" in any written form (property)', () => {
      fc.assert(
        fc.property(
          isoDateArb(1000, 9999),
          isoDateArb(),
          fc.integer({ min: 0, max: 3 }),
          fc.gen(),
          (d, today, form, gen) => {
            const year = d.slice(0, 4);
            const month = Number(d.slice(5, 7));
            const day = Number(d.slice(8));
            const tokens =
              form === 0
                ? [String(day), gen(writtenArb, SWEDISH_MONTHS[month - 1] ?? ''), year]
                : form === 1
                  ? [String(day), gen(writtenArb, MONTH_ABBREVIATIONS[month - 1] ?? ''), year]
                  : form === 2
                    ? [`${day}/${month}/${year}`]
                    : [`${String(day).padStart(2, '0')}/${String(month).padStart(2, '0')}-${year}`];
            expect(parseDateAt(tokens, 0, today)).to.deep.equal({ ok: true, date: d, consumed: tokens.length });
          },
        ),
      );
    });
    it('without a year: same day and month, on or before today, within a year (leap day: eight) (property)', () => {
      fc.assert(
        fc.property(isoDateArb(1000, 9999), isoDateArb(), fc.boolean(), (d, today, slash) => {
          const month = Number(d.slice(5, 7));
          const day = Number(d.slice(8));
          const tokens = slash ? [`${day}/${month}`] : [String(day), SWEDISH_MONTHS[month - 1] ?? ''];
          const r = parseDateAt(tokens, 0, today);
          if (!r?.ok) throw new Error(`no date from ${JSON.stringify(tokens)}`);
          expect(r.consumed).to.equal(tokens.length);
          expect(r.date.slice(5)).to.equal(d.slice(5));
          expect(r.date <= today).to.equal(true);
          const span = daysBetween(r.date, today);
          expect(span).to.be.below(d.slice(5) === '02-29' ? 8 * 366 : 366);
          // It is the latest: the same day a year later is after today (or does not exist).
          const nextYear = `${String(Number(r.date.slice(0, 4)) + 1).padStart(4, '0')}${r.date.slice(4)}`;
          if (isValidIsoDate(nextYear)) expect(nextYear > today).to.equal(true);
        }),
      );
    });
  });

  describe('not a date expression', () => {
    for (const text of [
      'krogtillsyn',
      'Öxnehaga',
      '2',
      '2 h',
      '14',
      '14 personer',
      'i',
      'i Öxnehaga',
      'i centrum',
      'mars',
      'dag',
      'går',
      '2020',
      '1/2/3/4',
      '2020-03',
      '',
      'idagen',
      'måndagar',
    ]) {
      it(`"${text}"`, () => {
        expect(parse(text)).to.equal(undefined);
      });
    }
    it('an index outside the list', () => {
      expect(parseDateAt([], 0, SATURDAY)).to.equal(undefined);
      expect(parseDateAt(['idag'], 1, SATURDAY)).to.equal(undefined);
      expect(parseDateAt(['idag'], -1, SATURDAY)).to.equal(undefined);
      expect(parseDateAt(['idag'], 0.5, SATURDAY)).to.equal(undefined);
    });
  });

  it('reads at the index, in the middle of a command', () => {
    const tokens = ['logga', 'fotpatrullering', 'Öxnehaga', '2', 'h', 'i', 'går', 'lugnt'];
    expect(parseDateAt(tokens, 5, SATURDAY)).to.deep.equal({ ok: true, date: '2020-03-13', consumed: 2 });
    expect(parseDateAt(tokens, 3, SATURDAY)).to.equal(undefined);
    expect(parseDateAt(['logga', 'krogtillsyn', '14', 'mars', '2020'], 2, SATURDAY)).to.deep.equal({
      ok: true,
      date: '2020-03-14',
      consumed: 3,
    });
  });

  it('refuses an invalid today (a programming error)', () => {
    expect(() => parseDateAt(['idag'], 0, '2020-02-30')).to.throw(RangeError);
  });

  it('handles the first days of year 0000 without throwing', () => {
    expect(parseDateAt(['igår'], 0, '0000-01-01')).to.deep.include({ ok: false, consumed: 1 });
    expect(parseDateAt(['28/12'], 0, '0000-01-01')).to.deep.include({ ok: false, consumed: 1 });
    expect(parseDateAt(['idag'], 0, '0000-01-01')).to.deep.equal({ ok: true, date: '0000-01-01', consumed: 1 });
  });

  describe('never throws, and its answer is well-formed (property)', () => {
    const dateish = fc.constantFrom(
      'i',
      'den',
      'idag',
      'dag',
      'går',
      'gar',
      'förrgår',
      'måndags',
      'mars',
      'okt',
      'feb',
      '14',
      '0',
      '99',
      '2020',
      '29/2',
      '31/4',
      '14/3-2020',
      '2020-02-30',
      '9999-12-31',
      '0000-01-01',
      '00/00',
      '1/1-00',
    );
    const token = fc.oneof(
      fc.string(),
      fc.string({ unit: 'binary' }),
      fc.string({ unit: 'grapheme' }),
      fc.stringMatching(/^\d{1,4}[-/]\d{1,2}([-/]\d{1,4})?[.,]?$/),
      dateish,
    );
    it('for arbitrary tokens, index and today', () => {
      fc.assert(
        fc.property(
          fc.array(token, { maxLength: 6 }),
          fc.integer({ min: -2, max: 8 }),
          fc.oneof(isoDateArb(), isoDateArb(0, 9999), fc.constantFrom('0000-01-01', '9999-12-31')),
          (tokens, index, today) => {
            const r = parseDateAt(tokens, index, today);
            if (r === undefined) return;
            expect(index).to.be.within(0, tokens.length - 1);
            expect(r.consumed).to.be.within(1, tokens.length - index);
            if (r.ok) expect(isValidIsoDate(r.date), r.date).to.equal(true);
            // "Datumet … finns inte.", "29 maj 2020 var en fredag, inte …", "\"i helgen\" är ingen bestämd dag. …?"
            else expect(render(dateTexts, r.problem)).to.match(/^(?:Datumet |"|\d).*[.?]$/s);
          },
        ),
        { numRuns: 2000 },
      );
    });
    it('relative and weekday answers are never in the future', () => {
      fc.assert(
        fc.property(fc.array(dateish, { minLength: 1, maxLength: 4 }), isoDateArb(), (tokens, today) => {
          const r = parseDateAt(tokens, 0, today);
          const hasYear = tokens.some((t) => /\d{4}|-\d{2}$/.test(t));
          if (r?.ok && !hasYear) expect(r.date <= today, `${tokens.join(' ')} → ${r.date}`).to.equal(true);
        }),
      );
    });
  });

  describe('forms people write (issue 9; today Monday 1 June 2020)', () => {
    const MONDAY = '2020-06-01';
    const cases: Array<[string, string, number]> = [
      ['den 14:e mars', '2020-03-14', 3],
      ['14:e mars', '2020-03-14', 2],
      ['1:a juni', '2020-06-01', 2],
      ['2:a', '2020-05-02', 1],
      ['den 2:a', '2020-05-02', 2],
      ['den 14', '2020-05-14', 2],
      ['förra fredagen', '2020-05-29', 2],
      ['förra fredag', '2020-05-29', 2],
      ['fredagen', '2020-05-29', 1],
      ['fredagen den 29 maj', '2020-05-29', 4],
      ['fredag 29/5', '2020-05-29', 2],
      ['i lördags natt', '2020-05-30', 3],
      ['i lördags', '2020-05-30', 2],
      ['igår kväll', '2020-05-31', 2],
      ['i går kväll', '2020-05-31', 3],
      ['14.3', '2020-03-14', 1],
      ['14.3.2020', '2020-03-14', 1],
      ['14/3-20', '2020-03-14', 1],
      ['20200314', '2020-03-14', 1],
      ['imorgon', '2020-06-02', 1],
      ['i morgon', '2020-06-02', 2],
      ['på fredag', '2020-06-05', 2],
      ['nästa måndag', '2020-06-08', 2],
    ];
    for (const [text, date, consumed] of cases) {
      it(`"${text}" → ${date}`, () => {
        expect(okDate(text, MONDAY)).to.deep.equal({ date, consumed });
      });
    }

    it('"fredagen den 28 maj" is refused: 28 May 2020 was a Thursday', () => {
      const r = parse('fredagen den 28 maj', MONDAY);
      expect(r && !r.ok && render(dateTexts, r.problem))
        .to.include('torsdag')
        .and.include('fredag');
    });

    const questions: Array<[string, string[]]> = [
      [
        'förra veckan',
        ['2020-05-25', '2020-05-26', '2020-05-27', '2020-05-28', '2020-05-29', '2020-05-30', '2020-05-31'],
      ],
      ['i helgen', ['2020-05-29', '2020-05-30', '2020-05-31']],
      ['förra helgen', ['2020-05-22', '2020-05-23', '2020-05-24']],
      ['i veckan', ['2020-06-01']],
      ['i natt', ['2020-05-31', '2020-06-01']],
      ['200314', ['2014-03-20', '2020-03-14']],
    ];
    for (const [text, choices] of questions) {
      it(`"${text}" names no single day: a question with the candidate days`, () => {
        const r = parse(text, MONDAY);
        if (!r || r.ok) throw new Error(`expected a question, got ${JSON.stringify(r)}`);
        expect(r.choices).to.deep.equal(choices);
        expect(render(dateTexts, r.problem)).to.include('Vilken dag');
        expect(r.consumed).to.equal(text.split(' ').length);
      });
    }

    it('"i helgen" said on a Saturday is this weekend so far', () => {
      const r = parse('i helgen', '2020-05-30');
      expect(r && !r.ok && r.choices).to.deep.equal(['2020-05-29', '2020-05-30']);
    });

    it('a date-like refusal talks about dates', () => {
      const r = parse('32.13', MONDAY);
      expect(r && !r.ok && render(dateTexts, r.problem)).to.include('14/3 eller 14 mars');
      expect(looksLikeDate('32.13')).to.equal(true);
      expect(looksLikeDate('14:e')).to.equal(true);
      expect(looksLikeDate('krogar')).to.equal(false);
    });
  });
});
