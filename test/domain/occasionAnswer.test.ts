// A typed yes or no to "Var du med där?".
import { expect } from 'chai';
import fc from 'fast-check';
import { occasionAnswer } from '../../src/domain/occasionAnswer.js';

describe('occasionAnswer', () => {
  it('reads the plain answers people type, whatever the case, å/ä/ö or punctuation', () => {
    for (const same of ['ja', 'Ja!', 'JA', 'japp', 'jo', 'Ja, samma tillfälle', 'samma', 'ja visst']) {
      expect(occasionAnswer(same), same).to.equal('same');
    }
    for (const other of ['nej', 'Nej.', 'nä', 'Nej, ett annat tillfälle', 'annat tillfälle', 'ett annat']) {
      expect(occasionAnswer(other), other).to.equal('other');
    }
  });

  it('leaves anything more to the corrections: "nej, i fredags", "ja 3 pers" are no plain answer', () => {
    for (const more of ['nej, i fredags', 'ja 3 pers', 'nej det var igår', 'jag', 'janne', '', '  ']) {
      expect(occasionAnswer(more), more).to.equal(undefined);
    }
  });

  it('never answers for a message that does not start with a yes or no word', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (text) => {
        fc.pre(!/^\W*(?:ja|jo|japp|samma|nej|nä|na|annat|ett)/iu.test(text));
        expect(occasionAnswer(text)).to.equal(undefined);
      }),
      { numRuns: 500 },
    );
  });
});
