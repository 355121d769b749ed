// Names in notes about individuals (SIG, orosanmälan): which words look like a person's name,
// told from ordinary Swedish words with the sv_SE word list and the area's own words.
import { readFileSync } from 'node:fs';
import { expect } from 'chai';
import fc from 'fast-check';
import { agreementSchema, type Activity, type Agreement } from '../../src/domain/agreement.js';
import { areaWords, findLikelyName, isAboutIndividuals } from '../../src/domain/noteNames.js';
import { lexiconFromDic, swedishLexicon } from '../../src/lexicon/swedishWords.js';

const agreement2020: Agreement = agreementSchema.parse(
  JSON.parse(readFileSync(new URL('../../data/agreements/jonkoping-2020.json', import.meta.url), 'utf8')),
);
const AREA = areaWords([agreement2020]);

// A word list in the .dic format: ordinary words in lower case, proper names capitalised.
const SMALL = lexiconFromDic(
  [
    '9',
    'pojke/AEGY',
    'prata/AJ',
    'lugn/ADY',
    'björn/ADGXY',
    'Björn/AQR',
    'Ahmed/A',
    'skola/AjmNP',
    'grupp/ADG',
    'fält/ADG',
    'mamma/AEG',
  ].join('\n'),
);

describe('noteNames.findLikelyName', () => {
  describe('with the real sv_SE list (dictionary-sv)', () => {
    const lexicon = swedishLexicon();
    const cases: [string, string | undefined][] = [
      ['Kevin 15 år', 'Kevin'],
      ['Kevin, 15 år, hemma', 'Kevin'],
      ['Elin (14) hemma', 'Elin'],
      ['träffade 15-årige Mohammed', 'Mohammed'],
      ['pratade med Kevin om skolan', 'Kevin'],
      ['Kevin var där', 'Kevin'],
      ['Vi träffade Ahmed och Sara', 'Ahmed'],
      ['med Björn 15 år', 'Björn'],
      ['Anna-Karin kom', 'Anna-Karin'],
      ['Lugnt', undefined],
      ['Pratade med mamman', undefined],
      ['Ringde socialtjänsten', undefined],
      ['möte med Socialtjänstens handläggare', undefined],
      ['Fritidsgården stängd', undefined],
      ['Tjej 15 år, oro för missbruk', undefined],
      ['Två ungdomar, 15 och 16 år', undefined],
      ['Möte på Öxnehaga med Kommunen och Vätterhem', undefined],
      ['lugn kväll i Huskvarna', undefined],
      ['BUP kontaktad', undefined],
      ['Uppföljning. Föräldrarna kontaktade', undefined],
    ];
    for (const [note, name] of cases) {
      it(`${JSON.stringify(note)} → ${name ?? 'no name'}`, () =>
        expect(findLikelyName(note, lexicon, AREA)).to.equal(name));
    }
  });

  it('reads a .dic file: lower-case entries are words, capitalised ones proper names, flags and odd entries dropped', () => {
    const lexicon = lexiconFromDic('4\npojke/AEGY\nBjörn/AQR\n3G/r\n08:orna/A\n');
    expect([...lexicon.commonWords]).to.deep.equal(['pojke']);
    expect([...lexicon.properNames]).to.deep.equal(['björn']);
  });

  it('uses the list it is given: a capitalised word next to an age, a proper name inside a sentence', () => {
    expect(findLikelyName('Zorro 15 år', SMALL, AREA)).to.equal('Zorro');
    expect(findLikelyName('Pojke 15 år', SMALL, AREA)).to.equal(undefined);
    expect(findLikelyName('pratade med Björn', SMALL, AREA)).to.equal('Björn');
    expect(findLikelyName('Björn var där', SMALL, AREA)).to.equal(undefined);
    expect(findLikelyName('Ahmed var där', SMALL, AREA)).to.equal('Ahmed');
    expect(findLikelyName('Pratade med Fältgruppen', SMALL, AREA)).to.equal(undefined);
    expect(findLikelyName('på väg\nZorro hemma', SMALL, AREA)).to.equal('Zorro');
  });

  describe('properties', () => {
    // Made-up names: capitalised syllables no Swedish word list holds.
    const name = fc
      .array(fc.constantFrom('zo', 'xa', 'qui', 'rro', 'ix', 'zy', 'vyx'), { minLength: 2, maxLength: 4 })
      .map((parts) => {
        const w = parts.join('');
        return w.charAt(0).toUpperCase() + w.slice(1);
      });
    const ordinary = fc.constantFrom(
      'lugn',
      'kväll',
      'pratade',
      'med',
      'mamman',
      'skolan',
      'oro',
      'hemma',
      'samtal',
      'och',
    );
    const lexicon = swedishLexicon();

    it('a made-up name next to an age is always found, wherever it stands', () => {
      fc.assert(
        fc.property(
          fc.array(ordinary, { maxLength: 6 }),
          fc.array(ordinary, { maxLength: 6 }),
          name,
          fc.integer({ min: 1, max: 25 }),
          fc.constantFrom('år', 'år,', 'år.'),
          (before, after, n, age, unit) => {
            const note = [...before, n, String(age), unit, ...after].join(' ');
            expect(findLikelyName(note, lexicon, AREA), note).to.equal(n);
          },
        ),
        { numRuns: 300 },
      );
    });

    it('a made-up name inside a sentence is always found', () => {
      fc.assert(
        fc.property(fc.array(ordinary, { minLength: 1, maxLength: 6 }), name, (before, n) => {
          const note = [...before, n].join(' ');
          expect(findLikelyName(note, lexicon, AREA), note).to.equal(n);
        }),
        { numRuns: 300 },
      );
    });

    it('a note written in lower case, or of the area’s own words, is never asked about', () => {
      const areaWord = fc.constantFrom(
        'Öxnehaga',
        'Österängen',
        'Ekhagen',
        'Polisen',
        'Kommunen',
        'Vätterhem',
        'SIG',
        'Jönköpings',
      );
      fc.assert(
        fc.property(
          fc.array(fc.oneof(ordinary, areaWord, fc.integer({ min: 1, max: 99 }).map(String)), { maxLength: 12 }),
          (words) => {
            const note = words.join(' ');
            expect(findLikelyName(note, lexicon, AREA), note).to.equal(undefined);
            expect(findLikelyName(note.toLowerCase(), lexicon, AREA), note).to.equal(undefined);
          },
        ),
        { numRuns: 300 },
      );
    });

    it('never throws', () => {
      fc.assert(
        fc.property(fc.string({ maxLength: 300 }), (s) => {
          findLikelyName(s, lexicon, AREA);
        }),
      );
    });
  });
});

describe('noteNames.isAboutIndividuals', () => {
  const activity = (id: string): Activity => {
    const found = agreement2020.activities.find((a) => a.id === id);
    if (!found) throw new Error(id);
    return found;
  };

  it('is the flag in the bundled data: SIG and orosanmälan, not krogtillsyn', () => {
    expect(isAboutIndividuals(activity('sig'))).to.equal(true);
    expect(isAboutIndividuals(activity('orosanmalan-utbildning'))).to.equal(true);
    expect(isAboutIndividuals(activity('gemensam-krogtillsyn'))).to.equal(false);
    expect(isAboutIndividuals(activity('torsdagsmote'))).to.equal(false);
  });

  it('without the flag (an agreement stored before it), decides from the activity’s words', () => {
    const { aboutIndividuals: _sig, ...sig } = activity('sig');
    const { aboutIndividuals: _oro, ...oro } = activity('orosanmalan-utbildning');
    expect(isAboutIndividuals(sig)).to.equal(true);
    expect(isAboutIndividuals(oro)).to.equal(true);
    expect(isAboutIndividuals({ ...sig, aboutIndividuals: false })).to.equal(false);
    expect(isAboutIndividuals(activity('ssg'))).to.equal(false);
  });
});
