// The words after "/logga": activity, then place, date, count and hours in any order, then a note.
// Uses the real 2020 activities to tell activity words from the first word of a note.
import { readFileSync } from 'node:fs';
import { expect } from 'chai';
import fc from 'fast-check';
import { agreementSchema, type Agreement } from '../../src/domain/agreement.js';
import { addDays, isValidIsoDate, isoWeekday } from '../../src/domain/calendar.js';
import {
  MAX_COUNT,
  MAX_HOURS,
  MAX_NOTE_LENGTH,
  parseLogRequest,
  splitNote,
  type LogProblem,
  type LogRequest,
  type LogRequestParse,
} from '../../src/domain/logRequest.js';
import { render } from '../../src/views/catalogue.js';
import { logRequestTexts } from '../../src/views/logRequestTexts.js';
import { isActivityNoun, isActivityWord } from '../../src/domain/matching.js';

const A2020: Agreement = agreementSchema.parse(
  JSON.parse(readFileSync(new URL('../../data/agreements/jonkoping-2020.json', import.meta.url), 'utf8')),
);
const PLACES = ['Öxnehaga', 'Österängen', 'Ekhagen', 'centrum', 'Juneporten'];
const TODAY = '2020-06-10'; // a Wednesday
// Plain note words: none is a date, a number, a unit or an activity word.
const NOTE_WORDS = ['lugnt', 'stökigt', 'regn', 'bra', 'samtal', 'ungdomar', 'folk', 'kallt', 'inga', 'ingripanden'];
const YESTERDAY = '2020-06-09';
const activityWord = (w: string): boolean => isActivityWord(A2020.activities, w);
const VOCABULARY = {
  isActivityWord: activityWord,
  isActivityNoun: (w: string): boolean => isActivityNoun(A2020.activities, w),
};

function parse(args: string, today = TODAY): LogRequestParse {
  return parseLogRequest(args, today, PLACES, VOCABULARY);
}

/** A refusal as the user reads it. */
function said(problem: LogProblem): string {
  return render(logRequestTexts, problem);
}

function ok(args: string, today = TODAY): LogRequest {
  const r = parse(args, today);
  if (!r.ok) throw new Error(`expected ${JSON.stringify(args)} to parse, got: ${said(r.problem)}`);
  return r.request;
}

function error(args: string, today = TODAY): string {
  const r = parse(args, today);
  if (r.ok) throw new Error(`expected ${JSON.stringify(args)} to be refused, got ${JSON.stringify(r.request)}`);
  return said(r.problem);
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
      expect(error('krogtillsyn förra veckan i helgen')).to.include('datum två gånger');
      expect(error('krogtillsyn 3 4')).to.include('antal två gånger');
      expect(error('krogtillsyn 2 h 90 min')).to.include('tid två gånger');
      expect(error('fotpatrullering Öxnehaga Ekhagen')).to.include('plats två gånger');
    });
  });

  describe('notes', () => {
    it('the first word that is not an activity word starts the note; numbers with nouns stay in it', () => {
      expect(ok('krogtillsyn lugn kväll pratade med 3 ungdomar')).to.deep.equal({
        activityWords: ['krogtillsyn'],
        note: 'lugn kväll pratade med 3 ungdomar',
      });
      // Places are read only before the note; hours wherever they stand.
      expect(ok('krogtillsyn igår lugn kväll på Öxnehaga 2 h')).to.deep.equal({
        activityWords: ['krogtillsyn'],
        date: YESTERDAY,
        hours: 2,
        note: 'lugn kväll på Öxnehaga',
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
      // Participants are participants, even after the colon: never a number in the note.
      expect(ok('krogtillsyn igår: 3 personer på plats')).to.deep.equal({
        activityWords: ['krogtillsyn'],
        date: YESTERDAY,
        participants: 3,
        note: 'på plats',
      });
      expect(ok('krogtillsyn:   Lugnt,  inga   ingripanden ')).to.deep.equal({
        activityWords: ['krogtillsyn'],
        note: 'Lugnt,  inga   ingripanden',
      });
      expect(ok('krogtillsyn:')).to.deep.equal({ activityWords: ['krogtillsyn'] });
      // A colon inside a word ("kl 22:30") is not a note separator; a lone time is a question.
      expect(error('krogtillsyn kl 22:30')).to.include('kl 22:30').and.include('kl 19-21');
    });

    it('a dash or a bar starts the note too', () => {
      expect(ok('krogtillsyn 2 st - lugnt 3 ingripanden')).to.deep.equal({
        activityWords: ['krogtillsyn'],
        count: 2,
        note: 'lugnt 3 ingripanden',
      });
      // A date word after the dash is still the date: it never becomes the note.
      expect(ok('krogtillsyn – igår')).to.deep.equal({ activityWords: ['krogtillsyn'], date: YESTERDAY });
      expect(ok('krogtillsyn | ok')).to.deep.equal({ activityWords: ['krogtillsyn'], note: 'ok' });
    });

    it('a free-text note and a colon note are joined', () => {
      expect(ok('krogtillsyn lugn kväll: 3 personer')).to.deep.equal({
        activityWords: ['krogtillsyn'],
        participants: 3,
        note: 'lugn kväll',
      });
      expect(ok('krogtillsyn lugn kväll: trött')).to.deep.equal({
        activityWords: ['krogtillsyn'],
        note: 'lugn kväll trött',
      });
    });

    it('a note longer than the limit is read whole: the caller cuts it (splitNote) and offers the rest', () => {
      const fits = 'a'.repeat(MAX_NOTE_LENGTH);
      expect(ok(`krogtillsyn: ${fits}`).note).to.equal(fits);
      const long = 'lång '.repeat(120).trim(); // 599 characters
      expect(ok(`krogtillsyn igår ${long}`)).to.deep.equal({
        activityWords: ['krogtillsyn'],
        date: YESTERDAY,
        note: long,
      });
    });

    it('line breaks in a note are kept, also around a figure read from its middle', () => {
      expect(ok('krogtillsyn igår möte i lokal Kungsgatan\n12 boende kom').note).to.equal(
        'möte i lokal Kungsgatan\n12 boende kom',
      );
      expect(ok('krogtillsyn lugnt\r\n\r\n\r\nregn\n6 pers\ninga ingripanden')).to.deep.equal({
        activityWords: ['krogtillsyn'],
        participants: 6,
        note: 'lugnt\n\nregn\ninga ingripanden',
      });
      expect(ok('krogtillsyn igår:\nrad ett\nrad två').note).to.equal('rad ett\nrad två');
      expect(ok('krogtillsyn igår: rad ett\n3 pers\nrad två')).to.deep.equal({
        activityWords: ['krogtillsyn'],
        date: YESTERDAY,
        participants: 3,
        note: 'rad ett\nrad två',
      });
    });

    it('after a colon a house number is part of the note, never a question', () => {
      expect(ok('krogtillsyn igår: möte på Storgatan 12')).to.deep.equal({
        activityWords: ['krogtillsyn'],
        date: YESTERDAY,
        note: 'möte på Storgatan 12',
      });
      expect(ok('krogtillsyn: Storgatan 12, 3 tr').note).to.equal('Storgatan 12, 3 tr');
      // Before the colon a lone number in the note is still asked about.
      expect(error('krogtillsyn möte på Storgatan 12')).to.include('Vad betyder "12"?');
    });
  });

  describe('two date words', () => {
    it('naming the same day are one date', () => {
      // 2020-06-05 is a Friday; today is Wednesday 2020-06-10.
      expect(ok('krogtillsyn i fredags 5/6')).to.deep.equal({ activityWords: ['krogtillsyn'], date: '2020-06-05' });
      expect(ok('krogtillsyn 5/6 fredag lugnt')).to.deep.equal({
        activityWords: ['krogtillsyn'],
        date: '2020-06-05',
        note: 'lugnt',
      });
      expect(ok('krogtillsyn igår 2020-06-09').date).to.equal(YESTERDAY);
      // A day among the first words' candidates is that day.
      expect(ok('krogtillsyn förra veckan i fredags').date).to.equal('2020-06-05');
      expect(ok('krogtillsyn i fredags förra veckan').date).to.equal('2020-06-05');
    });

    it('naming different days are asked about, with both days as the choices', () => {
      const r = parse('krogtillsyn i fredags 4/6');
      expect(r.ok).to.equal(false);
      if (r.ok) return;
      expect(said(r.problem)).to.equal('"i fredags" och "4/6" är olika dagar. Vilken menar du?');
      expect(r.whichDay?.choices).to.deep.equal(['2020-06-04', '2020-06-05']);
      expect(r.whichDay?.request).to.deep.equal({ activityWords: ['krogtillsyn'] });
      expect(parse('krogtillsyn igår 2020-03-01')).to.deep.include({ ok: false });
    });

    it('property: a weekday and its own day-and-month are always one date', () => {
      fc.assert(
        fc.property(fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 0, max: 6 }), (d, back) => {
          const today = addDays('2018-01-01', d);
          const day = addDays(today, -back);
          const [, m, dd] = day.split('-').map(Number);
          const weekday = ['måndags', 'tisdags', 'onsdags', 'torsdags', 'fredags', 'lördags', 'söndags'][
            isoWeekday(day) - 1
          ];
          if (back === 0) return; // "i måndags" said on a Monday is a week ago.
          const r = parseLogRequest(`krogtillsyn i ${weekday} ${dd}/${m}`, today, PLACES, VOCABULARY);
          expect(r.ok && r.request.date).to.equal(day);
        }),
        { numRuns: 300 },
      );
    });
  });

  describe('splitNote', () => {
    it('keeps a note that fits, and cuts a longer one at a space near the limit', () => {
      expect(splitNote('kort')).to.deep.equal({ kept: 'kort', rest: '' });
      const long = 'ord '.repeat(200).trim();
      const { kept, rest } = splitNote(long);
      expect(kept.length).to.be.at.most(MAX_NOTE_LENGTH);
      expect(kept.endsWith('ord')).to.equal(true);
      expect(`${kept} ${rest}`).to.equal(long);
      // No space near the limit: cut at the limit, never inside an emoji.
      expect(splitNote('a'.repeat(MAX_NOTE_LENGTH + 10)).kept).to.have.length(MAX_NOTE_LENGTH);
      const emoji = `${'a'.repeat(MAX_NOTE_LENGTH - 1)}😀b`;
      expect(splitNote(emoji)).to.deep.equal({ kept: 'a'.repeat(MAX_NOTE_LENGTH - 1), rest: '😀b' });
    });

    it('property: nothing is lost but the whitespace at the cut, and the kept part fits', () => {
      fc.assert(
        fc.property(fc.string({ unit: 'grapheme', maxLength: 1500 }), (note) => {
          const { kept, rest } = splitNote(note);
          expect(kept.length).to.be.at.most(MAX_NOTE_LENGTH);
          expect((kept + rest).replace(/\s/gu, '')).to.equal(note.replace(/\s/gu, ''));
          expect(note.startsWith(kept)).to.equal(true);
          if (note.length <= MAX_NOTE_LENGTH) expect(rest).to.equal('');
        }),
        { numRuns: 300 },
      );
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
        expect(said(r.problem)).to.be.a('string').and.not.equal('');
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
      if (q.note !== undefined) expect(q.note.trim()).to.equal(q.note).and.not.equal('');
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
      expect(ok('krogtillsyn ' + 'ok '.repeat(6_000)).note).to.have.length(6_000 * 3 - 1);
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
            fc.array(fc.constantFrom(...NOTE_WORDS), { minLength: 1, maxLength: 8 }).map((ws) => ws.join(' ')),
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

  describe('issue 9: what people type is what gets stored (today Monday 1 June 2020)', () => {
    const MONDAY = '2020-06-01';
    const at = (args: string) => ok(args, MONDAY);
    const refused = (args: string) => error(args, MONDAY);

    it('Swedish date forms: ordinals, "förra fredagen", "fredagen den 29 maj", "i lördags natt", "14.3", "14/3-20"', () => {
      const cases: [string, string][] = [
        ['krogtillsyn den 14:e mars', '2020-03-14'],
        ['krogtillsyn 14:e mars', '2020-03-14'],
        ['krogtillsyn 1:a juni', '2020-06-01'],
        ['krogtillsyn 2:a', '2020-05-02'],
        ['krogtillsyn förra fredagen', '2020-05-29'],
        ['krogtillsyn fredagen den 29 maj', '2020-05-29'],
        ['krogtillsyn i lördags natt', '2020-05-30'],
        ['krogtillsyn 14.3', '2020-03-14'],
        ['krogtillsyn 14/3-20', '2020-03-14'],
      ];
      for (const [text, date] of cases) {
        expect(at(text), text).to.deep.equal({ activityWords: ['krogtillsyn'], date });
      }
    });

    it('"förra veckan" and "i helgen" ask which day, with the candidate days and the rest understood', () => {
      const week = parse('krogtillsyn förra veckan 2 st', MONDAY);
      if (week.ok || !week.whichDay) throw new Error(JSON.stringify(week));
      expect(week.whichDay.choices).to.have.length(7);
      expect(week.whichDay.choices[0]).to.equal('2020-05-25');
      expect(week.whichDay.request).to.deep.equal({ activityWords: ['krogtillsyn'], count: 2 });
      const weekend = parse('krogtillsyn i helgen', MONDAY);
      if (weekend.ok || !weekend.whichDay) throw new Error(JSON.stringify(weekend));
      expect(weekend.whichDay.choices).to.deep.equal(['2020-05-29', '2020-05-30', '2020-05-31']);
      expect(said(weekend.problem)).to.include('Vilken dag');
    });

    it('"imorgon" is read as tomorrow (for the caller to refuse as a future day), never as today or a note', () => {
      expect(at('krogtillsyn imorgon')).to.deep.equal({ activityWords: ['krogtillsyn'], date: '2020-06-02' });
    });

    it('a compact "200314" is a question with both readings', () => {
      const r = parse('krogtillsyn 200314', MONDAY);
      if (r.ok || !r.whichDay) throw new Error(JSON.stringify(r));
      expect(r.whichDay.choices).to.deep.equal(['2014-03-20', '2020-03-14']);
    });

    it('a date-like word that is no date is refused about dates, not counts', () => {
      for (const text of ['krogtillsyn 32.13', 'krogtillsyn 14/3/20/1', 'krogtillsyn 31:a april']) {
        const e = refused(text);
        expect(e, text).to.include('14/3 eller 14 mars');
        expect(e, text).to.not.include('Antalet');
      }
    });

    it('times of day become hours: "kl 19-21", "19.00–21.00", "kl 22-02"; never the note', () => {
      expect(at('fotpatrullering kl 19-21')).to.deep.equal({ activityWords: ['fotpatrullering'], hours: 2 });
      expect(at('fotpatrullering 19.00–21.00')).to.deep.equal({ activityWords: ['fotpatrullering'], hours: 2 });
      expect(at('fotpatrullering kl. 19.30 - 21.00 igår')).to.deep.equal({
        activityWords: ['fotpatrullering'],
        hours: 1.5,
        date: '2020-05-31',
      });
      expect(at('krogtillsyn kl 22-02')).to.deep.equal({ activityWords: ['krogtillsyn'], hours: 4 });
      expect(refused('krogtillsyn kl 22')).to.include('kl 19-21');
      expect(refused('krogtillsyn lugnt 21.30')).to.include('21.30');
      expect(refused('krogtillsyn kl 19-21 2 h')).to.include('tid två gånger');
    });

    it('counts only with an occasion word, the activity’s own noun, or alone right after the activity', () => {
      for (const c of ['3 st', '3 ggr', '3 gånger', '3 tillfällen', 'x3', 'tre tillfällen', 'tre gånger']) {
        expect(at(`krogtillsyn ${c}`), c).to.deep.equal({ activityWords: ['krogtillsyn'], count: 3 });
      }
      expect(at('krogtillsyn fyra gånger').count).to.equal(4);
      expect(at('krogtillsyn två st').count).to.equal(2);
      expect(at('krogtillsyn en gång').count).to.equal(1);
      expect(at('gemensam krogtillsyn 3 krogtillsyner')).to.deep.equal({
        activityWords: ['gemensam', 'krogtillsyn'],
        count: 3,
      });
      expect(at('3 krogtillsyner igår')).to.deep.equal({
        activityWords: ['krogtillsyner'],
        count: 3,
        date: '2020-05-31',
      });
      expect(at('sig 2 ärenden')).to.deep.equal({ activityWords: ['sig'], count: 2 });
      expect(at('krogtillsyn 3')).to.deep.equal({ activityWords: ['krogtillsyn'], count: 3 });
      expect(at('krogtillsyn 3 på Öxnehaga')).to.deep.equal({
        activityWords: ['krogtillsyn'],
        count: 3,
        place: 'Öxnehaga',
      });
    });

    it('participants: "6 pers", "6 personer", "6 deltagare", "sex deltagare"', () => {
      for (const p of ['6 pers', '6 personer', '6 deltagare', 'sex deltagare', '6pers']) {
        expect(at(`torsdagsmöte ${p}`), p).to.deep.equal({ activityWords: ['torsdagsmöte'], participants: 6 });
      }
      expect(at('torsdagsmöte igår 12 deltagare 2 h: bra möte')).to.deep.equal({
        activityWords: ['torsdagsmöte'],
        date: '2020-05-31',
        participants: 12,
        hours: 2,
        note: 'bra möte',
      });
      expect(refused('torsdagsmöte 0 deltagare')).to.include('deltagare');
    });

    it('numbers with other nouns stay in the note and the count stays 1; a lone number in a note is a question', () => {
      expect(at('krogtillsyn 3 krogar')).to.deep.equal({ activityWords: ['krogtillsyn'], note: '3 krogar' });
      expect(at('enkät 14 svar')).to.deep.equal({ activityWords: ['enkät'], note: '14 svar' });
      expect(refused('krogtillsyn lugnt pratade med 3')).to.include('"3 st"').and.include('"3 pers"');
    });
  });

  describe('issue 9 property: a sentence of parts parses back to its parts', () => {
    const MONTH_NAMES = [
      'januari',
      'februari',
      'mars',
      'april',
      'maj',
      'juni',
      'juli',
      'augusti',
      'september',
      'oktober',
      'november',
      'december',
    ];
    const WORD = ['', 'en', 'två', 'tre', 'fyra', 'fem', 'sex', 'sju', 'åtta', 'nio', 'tio', 'elva', 'tolv'];
    const ordinal = (d: number) => `${d}:${d % 10 === 1 || d % 10 === 2 ? 'a' : 'e'}`;

    /** The date written in one of the ways people write it; `daysAgo` < 365, so day and month name it. */
    const datePhrase = fc
      .tuple(fc.integer({ min: 0, max: 360 }), fc.integer({ min: 0, max: 8 }))
      .map(([back, form]) => {
        const date = addDays(TODAY, -back);
        const [y, m, d] = date.split('-').map(Number) as [number, number, number];
        const month = MONTH_NAMES[m - 1] ?? '';
        const written = [
          date,
          `${d}/${m}`,
          `${d} ${month}`,
          `den ${ordinal(d)} ${month}`,
          `${ordinal(d)} ${month}`,
          `${d}.${m}`,
          `${d}/${m}-${String(y).slice(2)}`,
          `den ${d} ${month} ${y}`,
          back === 0 ? 'idag' : back === 1 ? 'igår' : back === 2 ? 'i förrgår' : date,
        ][form];
        return { date, text: written ?? date };
      });
    const countPhrase = fc
      .tuple(fc.integer({ min: 1, max: MAX_COUNT }), fc.constantFrom('st', 'ggr', 'gånger', 'tillfällen', 'x', 'word'))
      .map(([n, unit]) => {
        if (unit === 'x') return { count: n, text: `x${n}` };
        if (unit === 'word')
          return n <= 12
            ? { count: n, text: n === 1 ? 'en gång' : `${WORD[n]} gånger` }
            : { count: n, text: `${n} st` };
        return { count: n, text: `${n} ${unit}` };
      });
    const participantPhrase = fc
      .tuple(fc.integer({ min: 1, max: 500 }), fc.constantFrom('pers', 'personer', 'deltagare', 'word'))
      .map(([n, unit]) =>
        unit === 'word'
          ? { participants: n, text: n >= 2 && n <= 12 ? `${WORD[n]} deltagare` : `${n} deltagare` }
          : { participants: n, text: `${n} ${unit}` },
      );
    const timePhrase = fc.oneof(
      fc
        .integer({ min: 1, max: 48 })
        .map((half) => ({ hours: half / 2, text: `${String(half / 2).replace('.', ',')} h` })),
      fc
        .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 1, max: 12 }))
        .map(([from, length]) => ({ hours: length, text: `kl ${from}-${(from + length) % 24}` })),
    );
    const notePhrase = fc
      .array(fc.constantFrom(...NOTE_WORDS), { minLength: 1, maxLength: 6 })
      .map((ws) => ws.join(' '));

    it('activity, date, count, participants, time and note (in any order, note last) → exactly those parts', () => {
      fc.assert(
        fc.property(
          fc.constantFrom(['krogtillsyn'], ['gemensam', 'krogtillsyn'], ['torsdagsmöte'], ['ssg'], ['fotpatrullering']),
          fc.option(datePhrase, { nil: undefined }),
          fc.option(countPhrase, { nil: undefined }),
          fc.option(participantPhrase, { nil: undefined }),
          fc.option(timePhrase, { nil: undefined }),
          fc.option(notePhrase, { nil: undefined }),
          fc.boolean(),
          fc.func(fc.integer()),
          (activity, date, count, participants, time, note, colon, order) => {
            const parts = [date, count, participants, time].flatMap((p) => (p ? [p.text] : []));
            parts.sort((a, b) => order(a) - order(b));
            const noteText = note === undefined ? '' : colon ? `: ${note}` : ` ${note}`;
            const text = [...activity, ...parts].join(' ') + noteText;
            const expected: LogRequest = { activityWords: [...activity] };
            if (date) expected.date = date.date;
            if (count) expected.count = count.count;
            if (participants) expected.participants = participants.participants;
            if (time) expected.hours = time.hours;
            if (note !== undefined) expected.note = note;
            const r = parse(text);
            expect(r.ok ? r.request : said(r.problem), text).to.deep.equal(expected);
          },
        ),
        { numRuns: 1000 },
      );
    });

    it('a note written between the parts keeps its words, and every part is still read', () => {
      fc.assert(
        fc.property(datePhrase, countPhrase, participantPhrase, notePhrase, (date, count, participants, note) => {
          const text = `krogtillsyn ${note} ${date.text} ${count.text} ${participants.text}`;
          const r = parse(text);
          expect(r.ok ? r.request : said(r.problem), text).to.deep.equal({
            activityWords: ['krogtillsyn'],
            date: date.date,
            count: count.count,
            participants: participants.participants,
            note,
          });
        }),
        { numRuns: 500 },
      );
    });
  });
});
