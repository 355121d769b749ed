// Which activity a user means, over the real 2020 and 2018–2019 activities. Several equally good
// candidates are an ambiguity the user resolves ("krogtillsyn" in 2020 is two activities), never a guess.
import { readFileSync } from 'node:fs';
import { expect } from 'chai';
import fc from 'fast-check';
import { agreementSchema, type Activity, type Agreement } from '../../src/domain/agreement.js';
import { closestActivities, isActivityWord, matchActivities, wordsMatch } from '../../src/domain/matching.js';
import { fold } from '../../src/domain/text.js';

function loadAgreement(file: string): Agreement {
  return agreementSchema.parse(
    JSON.parse(readFileSync(new URL(`../../data/agreements/${file}`, import.meta.url), 'utf8')),
  );
}

const A2020 = loadAgreement('jonkoping-2020.json');
const A2018 = loadAgreement('jonkoping-2018-2019.json');

function ids(activities: readonly Activity[]): string[] {
  return activities.map((a) => a.id).sort();
}

function match(
  text: string,
  place?: string,
  activities: readonly Activity[] = A2020.activities,
): { ids: string[]; usedWords: number } {
  const m = matchActivities(
    activities,
    text.split(' ').filter((w) => w.length > 0),
    place,
  );
  return { ids: ids(m.candidates), usedWords: m.usedWords };
}

function stripDiacritics(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .normalize('NFC');
}

describe('matching', () => {
  describe('wordsMatch (folded words)', () => {
    const cases: [string, string, boolean][] = [
      ['krogtillsyn', 'krogtillsyn', true],
      ['krogtillsyner', 'krogtillsyn', true],
      ['krogtillsyn', 'krogtillsyner', true],
      ['krog', 'krogtillsyn', true],
      ['kro', 'krogtillsyn', false],
      ['ssg', 'ssg', true],
      ['sig', 'ssg', false],
      ['si', 'sig', false],
      ['gemensamma', 'gemensam', true],
      ['torsdagsmotet', 'torsdagsmote', true],
      ['torsdagsmoten', 'torsdagsmotet', true],
      ['fotpatrullering', 'fotpatrullerat', true],
      ['samverkansmote', 'samverkan', true],
      ['krogtillsyn', 'krogmiljon', false],
      ['abcdefgh', 'abcdefxy', true],
      ['abcdefgh', 'abcdexyz', false],
      ['tillsyn', 'krogtillsyn', false],
      ['', '', true],
      ['', 'krog', false],
    ];
    for (const [typed, known, expected] of cases) {
      it(`${JSON.stringify(typed)} ~ ${JSON.stringify(known)}: ${expected}`, () => {
        expect(wordsMatch(typed, known)).to.equal(expected);
      });
    }

    it('is symmetric and reflexive', () => {
      fc.assert(
        fc.property(fc.string({ maxLength: 20 }), fc.string({ maxLength: 20 }), (a, b) => {
          expect(wordsMatch(a, b)).to.equal(wordsMatch(b, a));
          expect(wordsMatch(a, a)).to.equal(true);
        }),
      );
    });
  });

  describe('2020 activities', () => {
    it('"krogtillsyn" is two activities: the joint inspections and the weekend nights (the user chooses)', () => {
      for (const t of ['krogtillsyn', 'krogtillsyner', 'Krogtillsyn', 'KROGTILLSYN']) {
        expect(match(t), t).to.deep.equal({ ids: ['gemensam-krogtillsyn', 'krogtillsyn-natthelger'], usedWords: 1 });
      }
    });

    it('"gemensam krogtillsyn" in any form is only the joint inspections', () => {
      for (const t of [
        'gemensam krogtillsyn',
        'gemensamma krogtillsyner',
        'Gemensam Krogtillsyn',
        'GEMENSAM KROGTILLSYN',
        'gemensam tillsyn',
        'gemensamma',
      ]) {
        expect(match(t).ids, t).to.deep.equal(['gemensam-krogtillsyn']);
      }
    });

    it('"krogtillsyn natthelger" is only the weekend nights', () => {
      expect(match('krogtillsyn natthelger')).to.deep.equal({ ids: ['krogtillsyn-natthelger'], usedWords: 2 });
      expect(match('natthelg').ids).to.deep.equal(['krogtillsyn-natthelger']);
    });

    it('torsdagsmöte in its forms, with and without å/ä/ö', () => {
      for (const t of [
        'torsdagsmöte',
        'torsdagsmote',
        'torsdagsmötet',
        'torsdagsmotet',
        'torsdagsmöten',
        'Torsdagsmöte',
        'TORSDAGSMÖTET',
      ]) {
        expect(match(t).ids, t).to.deep.equal(['torsdagsmote']);
      }
    });

    it('sig and ssg are told apart', () => {
      expect(match('sig').ids).to.deep.equal(['sig']);
      expect(match('SIG').ids).to.deep.equal(['sig']);
      expect(match('ssg').ids).to.deep.equal(['ssg']);
      expect(match('SSG').ids).to.deep.equal(['ssg']);
      expect(match('lägesbild').ids).to.deep.equal(['ssg']);
    });

    it('hyphenated keywords typed as one word: "SSG-möte", "sig-ärende"', () => {
      expect(match('SSG-möte').ids).to.deep.equal(['ssg']);
      expect(match('ssg-mote').ids).to.deep.equal(['ssg']);
      expect(match('sig-ärende').ids).to.deep.equal(['sig']);
      expect(match('SIG-ärenden').ids).to.deep.equal(['sig']);
    });

    it('fotpatrullering: the place decides, without one it is ambiguous', () => {
      expect(match('fotpatrullering')).to.deep.equal({
        ids: ['fotpatrullering-oxnehaga', 'krogtillsyn-natthelger'],
        usedWords: 1,
      });
      expect(match('fotpatrullering', 'Öxnehaga').ids).to.deep.equal(['fotpatrullering-oxnehaga']);
      expect(match('fotpatrullering', 'oxnehaga').ids).to.deep.equal(['fotpatrullering-oxnehaga']);
      expect(match('fotpatrullering', 'Ekhagen').ids).to.deep.equal(['fotpatrullering-oxnehaga']);
      expect(match('fotpatrullering', 'krogmiljön').ids).to.deep.equal(['krogtillsyn-natthelger']);
      // A place neither activity names does not narrow anything down.
      expect(match('fotpatrullering', 'centrum').ids).to.deep.equal([
        'fotpatrullering-oxnehaga',
        'krogtillsyn-natthelger',
      ]);
    });

    it('the place does not override a better word match', () => {
      expect(match('gemensam krogtillsyn', 'Öxnehaga').ids).to.deep.equal(['gemensam-krogtillsyn']);
    });

    it('an exact id (what cards send) wins outright', () => {
      for (const a of A2020.activities) {
        expect(match(a.id).ids, a.id).to.deep.equal([a.id]);
      }
      expect(match('Gemensam-Krogtillsyn').ids).to.deep.equal(['gemensam-krogtillsyn']);
    });

    it('"enkät" is two surveys: the police one and the municipality one', () => {
      expect(match('enkät').ids).to.deep.equal(['enkatundersokning', 'trivs-i-jkpg-enkat']);
      expect(match('polisens enkät').ids).to.deep.equal(['enkatundersokning']);
      expect(match('trivs i jkpg').ids).to.deep.equal(['trivs-i-jkpg-enkat']);
    });

    it('nonsense matches nothing', () => {
      for (const t of ['xyzzy', 'hej hopp', 'och i på', '', '123', '🚓', '---']) {
        expect(match(t), t).to.deep.equal({ ids: [], usedWords: 0 });
      }
    });

    it('every keyword and name of every activity finds its activity, as written and folded', () => {
      for (const agreement of [A2020, A2018]) {
        for (const a of agreement.activities) {
          for (const phrase of [...a.keywords, a.name]) {
            for (const written of [phrase, phrase.toUpperCase(), stripDiacritics(phrase)]) {
              const m = match(written, undefined, agreement.activities);
              expect(m.ids, `${agreement.id}: ${written}`).to.include(a.id);
              expect(m.usedWords, `${agreement.id}: ${written}`).to.equal(written.split(' ').length);
            }
          }
        }
      }
    });
  });

  describe('usedWords: where the activity words end and a note begins', () => {
    it('counts up to the last word that matched', () => {
      expect(match('krogtillsyn lugn kväll').usedWords).to.equal(1);
      expect(match('gemensam krogtillsyn lugn kväll').usedWords).to.equal(2);
      expect(match('gemensam krogtillsyn lugn kväll').ids).to.deep.equal(['gemensam-krogtillsyn']);
      expect(match('torsdagsmöte bra uppslutning').usedWords).to.equal(1);
      expect(match('nonsens').usedWords).to.equal(0);
    });
  });

  describe('2018–2019 activities', () => {
    it('the same words mean that year’s activities', () => {
      const m = (t: string) => match(t, undefined, A2018.activities).ids;
      expect(m('krogtillsyn')).to.deep.equal(['krogmiljo-helgnatter']);
      expect(m('fotpatrullering')).to.deep.equal(['fotpatrullering-centrum']);
      expect(m('sig')).to.deep.equal(['sociala-insatsgrupper']);
      expect(m('ssg')).to.deep.equal(['ssg']);
      expect(m('hundsök')).to.deep.equal(['hundsok']);
      expect(m('hundsok')).to.deep.equal(['hundsok']);
      expect(m('hundsöket')).to.deep.equal(['hundsok']);
      // A compound sharing a whole keyword as its prefix matches that keyword too:
      // "narkotikahund" is a dog search, but also starts with "narkotika" (ANDT work).
      expect(m('narkotikahund')).to.deep.equal(['andt-arbete', 'hundsok']);
      expect(m('nattvandring')).to.deep.equal(['nattvandring']);
      expect(m('juneporten')).to.deep.equal(['juneporten']);
      expect(m('torsdagsmöte')).to.deep.equal([]);
      expect(m('gemensam-krogtillsyn')).to.deep.equal([]);
    });
  });

  describe('isActivityWord', () => {
    it('reads a copy of an activity by its words, and a copy with other words by those', () => {
      const [first] = A2020.activities;
      if (!first) throw new Error('no activity');
      expect(isActivityWord([first], 'krogtillsyn')).to.equal(isActivityWord([structuredClone(first)], 'krogtillsyn'));
      // The same id and name with another keyword: the new word is known, as a fresh activity's would be.
      const renamed = { ...structuredClone(first), keywords: [...first.keywords, 'zebrapromenad'] };
      expect(isActivityWord([first], 'zebrapromenad')).to.equal(false);
      expect(isActivityWord([renamed], 'zebrapromenad')).to.equal(true);
      expect(isActivityWord([structuredClone(first)], 'zebrapromenad')).to.equal(false);
    });

    it('tells activity words and filler words from the first word of a note', () => {
      const w = (t: string) => isActivityWord(A2020.activities, t);
      for (const t of [
        'krogtillsyn',
        'gemensamma',
        'Krogtillsyner',
        'torsdagsmötet',
        'ssg',
        'sig',
        'gemensam-krogtillsyn',
        'krogtillsyn,',
        '(enkät)',
        'och',
        'på',
        'med',
        '',
        '...',
      ]) {
        expect(w(t), t).to.equal(true);
      }
      for (const t of ['lugn', 'kväll', 'pratade', 'ungdomar', 'bra', '3']) {
        expect(w(t), t).to.equal(false);
      }
    });
  });

  describe('closestActivities ("menade du …")', () => {
    const closest = (t: string, activities: readonly Activity[] = A2020.activities, limit?: number) =>
      closestActivities(activities, t.split(' '), limit).map((a) => a.id);

    it('suggests the activities a typo was aiming at', () => {
      expect(closest('krogtilsyn').sort()).to.deep.equal(['gemensam-krogtillsyn', 'krogtillsyn-natthelger']);
      expect(closest('krogtilsyn', A2018.activities)).to.deep.equal(['krogmiljo-helgnatter']);
      // "SSG-möte" is also a möte: a distant second suggestion.
      expect(closest('torsdagsmote')[0]).to.equal('torsdagsmote');
      expect(closest('torsdagsmtoe')).to.deep.equal(['torsdagsmote']);
      expect(closest('tosdagsmöte')[0]).to.equal('torsdagsmote');
      expect(closest('ssgmote')[0]).to.equal('ssg');
      expect(closest('fotpatrulering').sort()).to.deep.equal(['fotpatrullering-oxnehaga', 'krogtillsyn-natthelger']);
      expect(closest('grannsamverkn')[0]).to.equal('grannsamverkan');
      expect(closest('hundsk', A2018.activities)).to.deep.equal(['hundsok']);
    });

    it('puts the closest first and respects the limit', () => {
      const three = closest('ssgg');
      expect(three[0]).to.equal('ssg');
      expect(closest('enkat', A2020.activities, 1)).to.have.length(1);
      expect(closest('krogtilsyn', A2020.activities, 1)).to.have.length(1);
    });

    it('suggests nothing for what is far from every activity', () => {
      expect(closest('qqqqqqq')).to.deep.equal([]);
      expect(closest('och i på')).to.deep.equal([]);
      expect(closest('')).to.deep.equal([]);
    });
  });

  describe('properties', () => {
    const activitiesArb = fc.constantFrom(A2020.activities, A2018.activities, A2020.activities.slice(0, 3), [
      ...A2018.activities,
      ...A2020.activities,
    ]);
    const vocabulary = [...A2020.activities, ...A2018.activities]
      .flatMap((a) => [...a.keywords, a.name, a.id])
      .flatMap((p) => p.split(' '));
    const wordArb = fc.oneof(
      fc.constantFrom(...vocabulary),
      fc.string({ maxLength: 15 }),
      fc.string({ unit: 'grapheme', maxLength: 10 }),
      fc.string({ unit: 'binary', maxLength: 10 }),
      fc.constantFrom('och', 'i', 'på', '', '-', 'Öxnehaga', '🚓'),
    );
    const placeArb = fc.option(
      fc.oneof(fc.constantFrom('Öxnehaga', 'centrum', 'krogmiljön', 'Ekhagen'), fc.string({ maxLength: 10 })),
      { nil: undefined },
    );

    it('never throws; candidates are distinct activities of the given list; usedWords is within the words', () => {
      fc.assert(
        fc.property(activitiesArb, fc.array(wordArb, { maxLength: 12 }), placeArb, (activities, words, place) => {
          const m = matchActivities(activities, words, place);
          for (const c of m.candidates) expect(activities).to.include(c);
          expect(new Set(m.candidates).size).to.equal(m.candidates.length);
          expect(m.usedWords).to.be.within(0, words.length);
          if (m.candidates.length > 0) expect(m.usedWords).to.be.at.least(1);
          else expect(m.usedWords).to.equal(0);
          const closest = closestActivities(activities, words);
          for (const c of closest) expect(activities).to.include(c);
          expect(closest.length).to.be.at.most(3);
        }),
        { numRuns: 400 },
      );
    });

    it('words past usedWords do not change the match', () => {
      // Exact ids are left out: an id wins outright only when it is the only word typed.
      const activityIds = new Set([...A2020.activities, ...A2018.activities].map((a) => a.id));
      const notAnId = wordArb.filter((w) => !activityIds.has(fold(w)));
      fc.assert(
        fc.property(activitiesArb, fc.array(notAnId, { minLength: 1, maxLength: 8 }), (activities, words) => {
          const m = matchActivities(activities, words);
          fc.pre(m.candidates.length > 0 && words.length > 1);
          const head = matchActivities(activities, words.slice(0, m.usedWords));
          expect(ids(head.candidates)).to.deep.equal(ids(m.candidates));
        }),
        { numRuns: 300 },
      );
    });

    it('case and å/ä/ö never change the match', () => {
      fc.assert(
        fc.property(activitiesArb, fc.array(fc.constantFrom(...vocabulary), { maxLength: 5 }), (activities, words) => {
          const m = ids(matchActivities(activities, words).candidates);
          expect(
            ids(
              matchActivities(
                activities,
                words.map((w) => w.toUpperCase()),
              ).candidates,
            ),
          ).to.deep.equal(m);
          expect(ids(matchActivities(activities, words.map(stripDiacritics)).candidates)).to.deep.equal(m);
          expect(ids(matchActivities(activities, words.map(fold)).candidates)).to.deep.equal(m);
        }),
        { numRuns: 200 },
      );
    });

    it('copes with very long words and many words', () => {
      const long = 'krogtillsyn'.repeat(2_000);
      expect(matchActivities(A2020.activities, [long]).candidates).to.be.an('array');
      expect(closestActivities(A2020.activities, [long])).to.be.an('array');
      const many = Array.from({ length: 2_000 }, (_, i) => (i % 2 === 0 ? 'krogtillsyn' : 'lugn'));
      expect(ids(matchActivities(A2020.activities, many).candidates)).to.deep.equal([
        'gemensam-krogtillsyn',
        'krogtillsyn-natthelger',
      ]);
    });
  });
});
