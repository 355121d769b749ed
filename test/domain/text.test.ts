// Folding and the one-edit check run on every word of every message; both have shortcuts (kept
// folds, an ASCII path, one pass instead of a table), held here to what the plain definitions say.
import { expect } from 'chai';
import fc from 'fast-check';
import { editDistance, fold, oneEditApart } from '../../src/domain/text.js';

/** Folding as defined: decompose, drop diacritics, lower case, collapse whitespace. */
function foldByDefinition(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

// Swedish letters, other accents, ASCII's own diacritics (^ and `), spaces of several kinds.
const letters = fc.constantFrom(...'aAåÅäÄöÖéÉüoOzZ^`´¨ \t\n\u00a0-./0123456789ßİ'.split(''));
const swedishish = fc.array(letters, { maxLength: 80 }).map((cs) => cs.join(''));

describe('fold', () => {
  it('folds Swedish words as users type them', () => {
    expect(fold('  Öxnehaga  Torg ')).to.equal('oxnehaga torg');
    expect(fold('/Ångra')).to.equal('/angra');
    expect(fold('Krog^tillsyn`')).to.equal('krogtillsyn');
  });

  it('gives what the definition gives, the first time and when asked again', () => {
    fc.assert(
      fc.property(fc.oneof(swedishish, fc.string({ maxLength: 80 }), fc.string({ unit: 'grapheme' })), (text) => {
        const expected = foldByDefinition(text);
        expect(fold(text)).to.equal(expected);
        expect(fold(text)).to.equal(expected);
      }),
    );
  });

  it('stays right past the number of texts it keeps', () => {
    for (let i = 0; i < 10_000; i++) expect(fold(`Ärende ${i}`)).to.equal(`arende ${i}`);
  });
});

describe('oneEditApart', () => {
  it('is one letter inserted, deleted or changed', () => {
    expect(oneEditApart('fotpatrulering', 'fotpatrullering')).to.equal(true);
    expect(oneEditApart('krogtillsyn', 'krogtilsyn')).to.equal(true);
    expect(oneEditApart('krogtillsyn', 'krogtillsym')).to.equal(true);
    expect(oneEditApart('krogtillsyn', 'krogtillsyn')).to.equal(false);
    expect(oneEditApart('krogtillsyn', 'krogtillsynen')).to.equal(false);
    expect(oneEditApart('', 'a')).to.equal(true);
  });

  it('agrees with the edit distance being 1', () => {
    const word = fc.array(fc.constantFrom('a', 'b', 'c', 'å'), { maxLength: 8 }).map((cs) => cs.join(''));
    fc.assert(
      fc.property(word, word, (a, b) => {
        expect(oneEditApart(a, b)).to.equal(editDistance(a, b) === 1);
      }),
      { numRuns: 2000 },
    );
  });
});
