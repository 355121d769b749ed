// Corrections in words: "nej det var i tisdags", "ändra till 3 pers", "fel plats, Österängen".
import { expect } from 'chai';
import fc from 'fast-check';
import { addDays } from '../../src/domain/calendar.js';
import { render } from '../../src/views/catalogue.js';
import { logRequestTexts } from '../../src/views/logRequestTexts.js';
import {
  CORRECTION_WINDOW_MINUTES,
  parseCorrection,
  withinCorrectionWindow,
  type CorrectionParse,
} from '../../src/domain/correction.js';

const PLACES = ['Öxnehaga', 'Österängen', 'Ekhagen', 'centrum', 'Juneporten'];
const TODAY = '2020-10-15'; // a Thursday
const parse = (text: string): CorrectionParse => parseCorrection(text, TODAY, PLACES);

describe('correction.parseCorrection', () => {
  it("the issue's examples", () => {
    expect(parse('nej det var i tisdags')).to.deep.equal({
      kind: 'change',
      change: { date: '2020-10-13' },
      lead: true,
    });
    expect(parse('fel dag, det var igår')).to.deep.equal({
      kind: 'change',
      change: { date: '2020-10-14' },
      lead: true,
    });
    expect(parse('ändra till 3 pers')).to.deep.equal({ kind: 'change', change: { participants: 3 }, lead: true });
    expect(parse('nej, 2 tillfällen')).to.deep.equal({ kind: 'change', change: { count: 2 }, lead: true });
    expect(parse('fel plats, Österängen')).to.deep.equal({
      kind: 'change',
      change: { place: 'Österängen' },
      lead: true,
    });
    expect(parse('nej, i fredags')).to.deep.equal({ kind: 'change', change: { date: '2020-10-09' }, lead: true });
  });

  it('other ways of saying it', () => {
    expect(parse('Nej! Det var i tisdags.')).to.deep.include({ change: { date: '2020-10-13' } });
    expect(parse('oj, 3 st')).to.deep.include({ change: { count: 3 } });
    expect(parse('förlåt, jag menade 6 deltagare')).to.deep.include({ change: { participants: 6 } });
    expect(parse('ändra antal till 4')).to.deep.include({ change: { count: 4 } });
    expect(parse('ändra deltagare till 8')).to.deep.include({ change: { participants: 8 } });
    expect(parse('fel tid, 2 h')).to.deep.include({ change: { hours: 2 } });
    expect(parse('fel tid, 3')).to.deep.include({ change: { hours: 3 } });
    expect(parse('nej, på öxnehaga')).to.deep.include({ change: { place: 'Öxnehaga' } });
    expect(parse('ändra plats till Kungsgatan 12')).to.deep.include({ change: { place: 'Kungsgatan 12' } });
    expect(parse('nej, igår 2 st 5 pers')).to.deep.include({
      change: { date: '2020-10-14', count: 2, participants: 5 },
    });
    expect(parse('/nej i fredags')).to.deep.include({ change: { date: '2020-10-09' } });
  });

  it('the new value alone is a correction only where a question is open (lead false)', () => {
    expect(parse('i fredags')).to.deep.equal({ kind: 'change', change: { date: '2020-10-09' }, lead: false });
    expect(parse('2 tillfällen')).to.deep.equal({ kind: 'change', change: { count: 2 }, lead: false });
    expect(parse('hej')).to.deep.equal({ kind: 'none' });
    expect(parse('statusrapport igår')).to.deep.equal({ kind: 'none' });
    expect(parse('')).to.deep.equal({ kind: 'none' });
  });

  it('a correction word with nothing to change into is unclear, with the field it named', () => {
    expect(parse('nej')).to.deep.equal({ kind: 'unclear' });
    expect(parse('fel dag')).to.deep.equal({ kind: 'unclear', field: 'date' });
    expect(parse('nej tack')).to.deep.equal({ kind: 'unclear' });
    expect(parse('nej, ssg')).to.deep.equal({ kind: 'unclear' });
    expect(parse('fel plats')).to.deep.equal({ kind: 'unclear', field: 'place' });
  });

  it('words naming several days ask which; values that cannot be stored are refused', () => {
    const week = parse('nej, förra veckan');
    expect(week.kind).to.equal('whichDay');
    if (week.kind === 'whichDay') expect(week.choices).to.have.length(7).and.include('2020-10-09');
    const refused = parse('nej, 31 april');
    expect(refused.kind).to.equal('refused');
    if (refused.kind === 'refused') expect(render(logRequestTexts, refused.problem)).to.include('31 april');
    expect(parse('ändra till 0 st').kind).to.equal('refused');
  });

  it('right after: within the window, not after it', () => {
    const now = new Date('2020-10-15T12:00:00Z');
    expect(withinCorrectionWindow('2020-10-15T11:50:00Z', now)).to.equal(true);
    const edge = new Date(now.getTime() - CORRECTION_WINDOW_MINUTES * 60_000).toISOString();
    expect(withinCorrectionWindow(edge, now)).to.equal(true);
    expect(withinCorrectionWindow('2020-10-15T11:44:59Z', now)).to.equal(false);
  });

  describe('properties', () => {
    const todayArb = fc.integer({ min: 0, max: 3000 }).map((d) => addDays('2018-01-01', d));

    it('never throws, and a change holds only values a log could hold', () => {
      fc.assert(
        fc.property(
          fc.oneof(fc.string({ maxLength: 120 }), fc.string({ unit: 'grapheme', maxLength: 60 })),
          todayArb,
          (text, today) => {
            const r = parseCorrection(text, today, PLACES);
            if (r.kind !== 'change') return;
            expect(Object.keys(r.change)).to.not.have.length(0);
            if (r.change.count !== undefined) expect(r.change.count).to.be.within(1, 1000);
            if (r.change.place !== undefined) expect(r.change.place.trim()).to.not.equal('');
          },
        ),
        { numRuns: 1000 },
      );
    });

    it('"nej, <value>" means the same as the value alone, with lead', () => {
      const values = ['igår', 'i förrgår', 'i tisdags', '3 st', '2 tillfällen', '6 pers', '2 h', 'Ekhagen', '14/3'];
      fc.assert(
        fc.property(
          fc.constantFrom(...values),
          fc.constantFrom('nej', 'nej,', 'Nej!', 'oj', 'förlåt,', 'fel,', 'nej det var', 'ändra till'),
          todayArb,
          (value, lead, today) => {
            const alone = parseCorrection(value, today, PLACES);
            const led = parseCorrection(`${lead} ${value}`, today, PLACES);
            expect(alone.kind).to.equal('change');
            expect(led).to.deep.equal({ ...alone, lead: true });
          },
        ),
        { numRuns: 300 },
      );
    });

    it('a message with no correction word and a plain word is never a correction', () => {
      fc.assert(
        fc.property(
          fc.constantFrom('hej', 'tack', 'lugnt', 'statusrapport', 'krogtillsyn'),
          fc.constantFrom('', ' igår', ' 3 st', ' Öxnehaga'),
          (word, value) => {
            expect(parseCorrection(`${word}${value}`, TODAY, PLACES).kind).to.equal('none');
          },
        ),
      );
    });
  });
});
