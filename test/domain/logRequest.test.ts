// The words after "/logga": activity, then place, date, count and hours in any order, then a note.
// Uses the real 2020 activities to tell activity words from the first word of a note.
import { readFileSync } from 'node:fs';
import { expect } from 'chai';
import fc from 'fast-check';
import { agreementSchema, type Agreement } from '../../src/domain/agreement.js';
import { addDays, isValidIsoDate } from '../../src/domain/calendar.js';
import {
  MAX_COUNT,
  MAX_HOURS,
  MAX_NOTE_LENGTH,
  parseLogRequest,
  type LogRequest,
  type LogRequestParse,
} from '../../src/domain/logRequest.js';
import { isActivityWord } from '../../src/domain/matching.js';

const A2020: Agreement = agreementSchema.parse(
  JSON.parse(readFileSync(new URL('../../data/agreements/jonkoping-2020.json', import.meta.url), 'utf8')),
);
const PLACES = ['Öxnehaga', 'Österängen', 'Ekhagen', 'centrum', 'Juneporten'];
const TODAY = '2020-06-10'; // a Wednesday
const YESTERDAY = '2020-06-09';
const activityWord = (w: string): boolean => isActivityWord(A2020.activities, w);

function parse(args: string, today = TODAY): LogRequestParse {
  return parseLogRequest(args, today, PLACES, activityWord);
}

function ok(args: string, today = TODAY): LogRequest {
  const r = parse(args, today);
  if (!r.ok) throw new Error(`expected ${JSON.stringify(args)} to parse, got: ${r.error}`);
  return r.request;
}

function error(args: string, today = TODAY): string {
  const r = parse(args, today);
  if (r.ok) throw new Error(`expected ${JSON.stringify(args)} to be refused, got ${JSON.stringify(r.request)}`);
  return r.error;
}

describe('logRequest.parseLogRequest', () => {
  describe('activity, place, date, count, hours', () => {
    it('krogtillsyn → just the activity word', () => {
      expect(ok('krogtillsyn')).to.deep.equal({ activityWords: ['krogtillsyn'] });
    });

    it('fotpatrullering Öxnehaga 2 h igår', () => {
      expect(ok('fotpatrullering Öxnehaga 2 h igår')).to.deep.equal({
        activityWords: ['fotpatrullering'],
        place: 'Öxnehaga',
        hours: 2,
        date: YESTERDAY,
      });
    });

    it('gemensam krogtillsyn 14 mars 3 → the 14th of March this year, 3 occasions', () => {
      expect(ok('gemensam krogtillsyn 14 mars 3')).to.deep.equal({
        activityWords: ['gemensam', 'krogtillsyn'],
        date: '2020-03-14',
        count: 3,
      });
      // Seen in February, "14 mars" is last year's (the latest such day on or before today).
      expect(ok('gemensam krogtillsyn 14 mars 3', '2020-02-01').date).to.equal('2019-03-14');
    });

    it('places with a preposition, in any case, with punctuation, written as the known name', () => {
      expect(ok('krogtillsyn på Öxnehaga')).to.deep.equal({ activityWords: ['krogtillsyn'], place: 'Öxnehaga' });
      expect(ok('krogtillsyn pa oxnehaga')).to.deep.equal({ activityWords: ['krogtillsyn'], place: 'Öxnehaga' });
      expect(ok('fotpatrullering i Centrum')).to.deep.equal({ activityWords: ['fotpatrullering'], place: 'centrum' });
      expect(ok('fotpatrullering vid Juneporten, igår')).to.deep.equal({
        activityWords: ['fotpatrullering'],
        place: 'Juneporten',
        date: YESTERDAY,
      });
      expect(ok('fotpatrullering ÖSTERÄNGEN')).to.deep.equal({
        activityWords: ['fotpatrullering'],
        place: 'Österängen',
      });
    });

    it('modifiers may come before the activity', () => {
      expect(ok('igår krogtillsyn')).to.deep.equal({ activityWords: ['krogtillsyn'], date: YESTERDAY });
      expect(ok('igår 3 st på Ekhagen gemensam krogtillsyn')).to.deep.equal({
        activityWords: ['gemensam', 'krogtillsyn'],
        date: YESTERDAY,
        count: 3,
        place: 'Ekhagen',
      });
    });

    it('reads the date words the date parser knows', () => {
      expect(ok('torsdagsmöte i torsdags').date).to.equal('2020-06-04');
      expect(ok('torsdagsmöte i går').date).to.equal(YESTERDAY);
      expect(ok('torsdagsmöte idag').date).to.equal(TODAY);
      expect(ok('torsdagsmöte 2020-05-28').date).to.equal('2020-05-28');
      expect(ok('torsdagsmöte 28/5').date).to.equal('2020-05-28');
      expect(ok('torsdagsmöte den 28 maj').date).to.equal('2020-05-28');
    });

    it('returns a future date as written: refusing it is the caller’s job', () => {
      expect(ok('krogtillsyn 2020-07-01').date).to.equal('2020-07-01');
    });

    it('counts: "3", "3 st", "3st", "x3", "3x", "3 tillfällen", "3 gånger"', () => {
      for (const c of [
        '3',
        '3 st',
        '3st',
        'x3',
        '3x',
        '3 X',
        '3 tillfällen',
        '3 gånger',
        '3 ggr',
        '3 ärenden',
        '3 pass',
        '3 stycken',
      ]) {
        expect(ok(`krogtillsyn ${c}`), c).to.deep.equal({ activityWords: ['krogtillsyn'], count: 3 });
      }
      expect(ok(`krogtillsyn ${MAX_COUNT}`).count).to.equal(MAX_COUNT);
    });

    it('hours: "2 h", "2h", "1,5 h", "1.5 tim", "90 min" → 1.5, "2 timmar", "45 minuter"', () => {
      const cases: [string, number][] = [
        ['2 h', 2],
        ['2h', 2],
        ['1,5 h', 1.5],
        ['1,5h', 1.5],
        ['1.5 tim', 1.5],
        ['90 min', 1.5],
        ['90min', 1.5],
        ['2 timmar', 2],
        ['1 timme', 1],
        ['45 minuter', 0.75],
        ['20 min', 0.33],
        ['24 h', 24],
      ];
      for (const [text, hours] of cases) {
        expect(ok(`fotpatrullering ${text}`), text).to.deep.equal({ activityWords: ['fotpatrullering'], hours });
      }
    });

    it('count and hours together', () => {
      expect(ok('gemensam krogtillsyn 2 st 3 h')).to.deep.equal({
        activityWords: ['gemensam', 'krogtillsyn'],
        count: 2,
        hours: 3,
      });
    });
  });

  describe('refusals, with a Swedish message naming what was written', () => {
    it('a count that is not a positive whole number', () => {
      expect(error('krogtillsyn -3')).to.include('"-3"').and.include('heltal');
      expect(error('krogtillsyn 0')).to.include('"0"');
      expect(error('krogtillsyn 0 st')).to.include('"0"');
      expect(error('krogtillsyn 2,5 st')).to.include('"2,5"');
      expect(error('krogtillsyn x0')).to.include('x0');
    });

    it('a count beyond the limit', () => {
      expect(error('krogtillsyn 100000')).to.include('100000').and.include(String(MAX_COUNT));
      expect(error(`krogtillsyn ${MAX_COUNT + 1}`)).to.include(String(MAX_COUNT + 1));
      expect(error('krogtillsyn 99999999999999999999999')).to.include('orimligt');
    });

    it('hours outside (0, 24]', () => {
      expect(error('fotpatrullering 0 h')).to.include('"0 h"');
      expect(error('fotpatrullering 25 h')).to.include('"25 h"');
      expect(error('fotpatrullering 1500 min')).to.include('1500 min');
      expect(error('fotpatrullering -2h')).to.include('-2h');
    });

    it('a time so small it rounds to zero hours is refused, never stored as 0 h', () => {
      expect(error('fotpatrullering 0,001 h')).to.include('0,001 h');
      expect(error('fotpatrullering 0,1 min')).to.include('0,1 min');
      expect(ok('fotpatrullering 1 min').hours).to.equal(0.02);
    });

    it('a date that does not exist', () => {
      expect(error('krogtillsyn 2020-02-30')).to.include('2020-02-30');
      expect(error('krogtillsyn 31 april')).to.include('31 april');
      expect(error('krogtillsyn 14/13')).to.include('14/13');
    });

    it('two dates, two counts, two places', () => {
      expect(error('krogtillsyn igår 2020-03-01')).to.include('datum två gånger');
      expect(error('krogtillsyn 3 4')).to.include('antal två gånger');
      expect(error('krogtillsyn 2 h 90 min')).to.include('tid två gånger');
      expect(error('fotpatrullering Öxnehaga Ekhagen')).to.include('plats två gånger');
    });
  });

  describe('notes', () => {
    it('the first word that is not an activity word starts the note, and nothing after it is a modifier', () => {
      expect(ok('krogtillsyn lugn kväll pratade med 3 ungdomar')).to.deep.equal({
        activityWords: ['krogtillsyn'],
        note: 'lugn kväll pratade med 3 ungdomar',
      });
      expect(ok('krogtillsyn igår lugn kväll på Öxnehaga 2 h')).to.deep.equal({
        activityWords: ['krogtillsyn'],
        date: YESTERDAY,
        note: 'lugn kväll på Öxnehaga 2 h',
      });
    });

    it('activity words of several words, and filler words, stay with the activity', () => {
      expect(ok('gemensamma krogtillsyner igår')).to.deep.equal({
        activityWords: ['gemensamma', 'krogtillsyner'],
        date: YESTERDAY,
      });
      expect(ok('gemensam krogtillsyn med ordningsvakter')).to.deep.equal({
        activityWords: ['gemensam', 'krogtillsyn', 'med'],
        note: 'ordningsvakter',
      });
    });

    it('after a colon, everything is the note as written', () => {
      expect(ok('krogtillsyn igår: 3 personer på plats')).to.deep.equal({
        activityWords: ['krogtillsyn'],
        date: YESTERDAY,
        note: '3 personer på plats',
      });
      expect(ok('krogtillsyn:   Lugnt,  inga   ingripanden ')).to.deep.equal({
        activityWords: ['krogtillsyn'],
        note: 'Lugnt,  inga   ingripanden',
      });
      expect(ok('krogtillsyn:')).to.deep.equal({ activityWords: ['krogtillsyn'] });
      // A colon inside a word ("kl 22:30") is not a note separator.
      expect(ok('krogtillsyn kl 22:30')).to.deep.equal({ activityWords: ['krogtillsyn'], note: 'kl 22:30' });
    });

    it('a dash or a bar starts the note too', () => {
      expect(ok('krogtillsyn 2 st - lugnt 3 ingripanden')).to.deep.equal({
        activityWords: ['krogtillsyn'],
        count: 2,
        note: 'lugnt 3 ingripanden',
      });
      expect(ok('krogtillsyn – igår')).to.deep.equal({ activityWords: ['krogtillsyn'], note: 'igår' });
      expect(ok('krogtillsyn | ok')).to.deep.equal({ activityWords: ['krogtillsyn'], note: 'ok' });
    });

    it('a free-text note and a colon note are joined', () => {
      expect(ok('krogtillsyn lugn kväll: 3 personer')).to.deep.equal({
        activityWords: ['krogtillsyn'],
        note: 'lugn kväll 3 personer',
      });
    });

    it(`a note of ${MAX_NOTE_LENGTH} characters is kept, a longer one is refused with its length`, () => {
      const fits = 'a'.repeat(MAX_NOTE_LENGTH);
      expect(ok(`krogtillsyn: ${fits}`).note).to.equal(fits);
      const long = 'lång '.repeat(120).trim(); // 599 characters
      const e = error(`krogtillsyn ${long}`);
      expect(e).to.include(`${long.length} tecken`).and.include(String(MAX_NOTE_LENGTH));
      expect(error(`krogtillsyn: ${fits}b`)).to.include(`${MAX_NOTE_LENGTH + 1} tecken`);
    });
  });

  describe('odd input', () => {
    it('empty, whitespace, only a colon', () => {
      expect(ok('')).to.deep.equal({ activityWords: [] });
      expect(ok('   ')).to.deep.equal({ activityWords: [] });
      expect(ok(':')).to.deep.equal({ activityWords: [] });
    });

    it('only modifiers: no activity words', () => {
      expect(ok('igår 3 st')).to.deep.equal({ activityWords: [], date: YESTERDAY, count: 3 });
    });

    it('without an isActivityWord, every word before a modifier is an activity word', () => {
      const r = parseLogRequest('lugn kväll igår', TODAY, PLACES);
      expect(r).to.deep.equal({ ok: true, request: { activityWords: ['lugn', 'kväll'], date: YESTERDAY } });
    });
  });

  describe('properties', () => {
    const todayArb = fc.integer({ min: 0, max: 3000 }).map((d) => addDays('2018-01-01', d));
    const anyText = fc.oneof(
      fc.string({ maxLength: 200 }),
      fc.string({ unit: 'grapheme', maxLength: 120 }),
      fc.string({ unit: 'binary', maxLength: 200 }),
      fc
        .array(
          fc.oneof(
            fc.constantFrom(
              'krogtillsyn',
              'gemensam',
              'igår',
              'i',
              'går',
              'på',
              'Öxnehaga',
              'h',
              'min',
              'st',
              'x',
              ':',
              '-',
              '14',
              'mars',
              'den',
              '2020',
              '🚓',
              '\u0301',
              'x3',
              '3x',
            ),
            fc.integer({ min: -5, max: 2000 }).map(String),
            fc.double({ min: -100, max: 5000, noNaN: true }).map((n) => String(n).replace('.', ',')),
            // Times near the edges: tiny ones that round to 0, and ones just around 24 h.
            fc
              .tuple(fc.double({ min: 0, max: 0.05, noNaN: true }), fc.constantFrom(' h', 'h', ' min', 'min'))
              .map(([n, u]) => n.toFixed(4).replace('.', ',') + u),
            fc
              .tuple(fc.double({ min: 23.9, max: 24.1, noNaN: true }), fc.constantFrom(' h', ' tim'))
              .map(([n, u]) => n.toFixed(4) + u),
            fc.string({ maxLength: 12 }),
          ),
          { maxLength: 30 },
        )
        .map((ws) => ws.join(' ')),
    );

    function checkOk(r: LogRequestParse): void {
      if (!r.ok) {
        expect(r.error).to.be.a('string').and.not.equal('');
        return;
      }
      const q = r.request;
      expect(q.activityWords).to.be.an('array');
      if (q.count !== undefined) {
        expect(Number.isInteger(q.count)).to.equal(true);
        expect(q.count).to.be.within(1, MAX_COUNT);
      }
      if (q.hours !== undefined) {
        expect(q.hours).to.be.greaterThan(0);
        expect(q.hours).to.be.at.most(MAX_HOURS);
      }
      if (q.date !== undefined) expect(isValidIsoDate(q.date), q.date).to.equal(true);
      if (q.note !== undefined) expect(q.note.length).to.be.within(1, MAX_NOTE_LENGTH);
    }

    it('never throws; when ok, count, hours, date and note are within their bounds', () => {
      fc.assert(
        fc.property(anyText, todayArb, (text, today) => {
          checkOk(parseLogRequest(text, today, PLACES, activityWord));
        }),
        { numRuns: 1000 },
      );
    });

    it('any number with any unit after the activity is within bounds or refused', () => {
      const numberText = fc.oneof(
        fc
          .tuple(fc.double({ min: -10, max: 2000, noNaN: true }), fc.integer({ min: 0, max: 4 }))
          .map(([n, digits]) => n.toFixed(digits)),
        fc.double({ min: 0, max: 0.05, noNaN: true }).map((n) => n.toFixed(4)),
        fc.integer({ min: -3, max: 2000 }).map(String),
      );
      fc.assert(
        fc.property(
          numberText,
          fc.boolean(),
          fc.constantFrom(
            '',
            ' h',
            'h',
            ' tim',
            ' timmar',
            ' t',
            ' min',
            'min',
            ' minuter',
            ' m',
            ' st',
            'st',
            ' x',
            'x',
            ' ggr',
            ' tillfällen',
          ),
          fc.boolean(),
          (n, comma, unit, xFirst) => {
            const written = comma ? n.replace('.', ',') : n;
            const modifier = xFirst && unit === '' ? `x${written}` : `${written}${unit}`;
            checkOk(parse(`krogtillsyn ${modifier}`));
          },
        ),
        { numRuns: 1000 },
      );
    });

    it('copes with 20,000 characters of anything', () => {
      fc.assert(
        fc.property(
          fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }),
          fc.integer({ min: 5_000, max: 20_000 }),
          (chunk, length) => {
            const text = ('krogtillsyn ' + chunk.repeat(Math.ceil(length / chunk.length))).slice(0, length);
            checkOk(parseLogRequest(text, TODAY, PLACES, activityWord));
          },
        ),
        { numRuns: 15 },
      );
      expect(error('krogtillsyn ' + 'ok '.repeat(6_000))).to.include('för lång');
      checkOk(parse('3 '.repeat(10_000)));
      checkOk(parse('krogtillsyn ' + '😀'.repeat(10_000)));
    });

    it('reads back what was written: activity, then place, date, count and hours in any order', () => {
      fc.assert(
        fc.property(
          fc.constantFrom(['krogtillsyn'], ['gemensam', 'krogtillsyn'], ['torsdagsmöte'], ['ssg'], ['fotpatrullering']),
          fc.option(fc.constantFrom(...PLACES), { nil: undefined }),
          fc.option(fc.integer({ min: 0, max: 400 }), { nil: undefined }),
          fc.option(fc.integer({ min: 1, max: MAX_COUNT }), { nil: undefined }),
          fc.option(
            fc.integer({ min: 1, max: 48 }).map((half) => half / 2),
            { nil: undefined },
          ),
          fc.option(
            fc.stringMatching(/^[a-zåäö0-9 ,.]{1,60}$/).filter((s) => s.trim().length > 0),
            { nil: undefined },
          ),
          fc.func(fc.integer()),
          (activity, place, daysAgo, count, hours, note, order) => {
            const date = daysAgo === undefined ? undefined : addDays(TODAY, -daysAgo);
            const parts: string[] = [];
            if (place !== undefined) parts.push(place);
            if (date !== undefined) parts.push(date);
            if (count !== undefined) parts.push(`${count} st`);
            if (hours !== undefined) parts.push(`${String(hours).replace('.', ',')} h`);
            parts.sort((a, b) => order(a) - order(b));
            const text = [...activity, ...parts].join(' ') + (note !== undefined ? `: ${note}` : '');
            const expected: LogRequest = { activityWords: [...activity] };
            if (place !== undefined) expected.place = place;
            if (date !== undefined) expected.date = date;
            if (count !== undefined) expected.count = count;
            if (hours !== undefined) expected.hours = hours;
            if (note !== undefined) expected.note = note.trim();
            expect(ok(text)).to.deep.equal(expected);
          },
        ),
        { numRuns: 300 },
      );
    });
  });
});
