import { expect } from 'chai';
import fc from 'fast-check';
import { findPersonalIdentityNumber } from '../../src/domain/personalData.js';
import { condenseNotes, redactIdentityNumbers, shorten } from '../../src/domain/notes.js';

describe('notes', () => {
  it('blacks out every personnummer and samordningsnummer, in any written form', () => {
    expect(redactIdentityNumbers('Ärende 811218-9876 och 19811218 9876, inte 123')).to.equal(
      'Ärende [borttaget] och [borttaget], inte 123',
    );
    expect(redactIdentityNumbers('samordningsnr 701063-2391')).to.equal('samordningsnr [borttaget]');
  });

  it('leaves no identity number behind, whatever surrounds it', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.string(), fc.constantFrom('811218-9876', '8112189876', '198112189876', ' ', '-', '+')), {
          maxLength: 12,
        }),
        (parts) => {
          const out = redactIdentityNumbers(parts.join(''));
          expect(findPersonalIdentityNumber(out)).to.equal(undefined);
        },
      ),
    );
  });

  it('collapses spacing, drops repeats (case and å/ä/ö aside) and empty notes, keeps the order', () => {
    expect(condenseNotes(['  Lugn   kväll\n', undefined, 'lugn kvall', '', 'Bråk vid torget'], 100)).to.deep.equal([
      'Lugn kväll',
      'Bråk vid torget',
    ]);
  });

  it('keeps the line breaks the writer made, one for several, without the spaces around them', () => {
    expect(condenseNotes(['lokal Kungsgatan \r\n\n  12 boende kom\t\u0000ok'], 100)).to.deep.equal([
      'lokal Kungsgatan\n12 boende kom ok',
    ]);
  });

  it('shortens at a word boundary with an ellipsis', () => {
    expect(shorten('Två anmärkningar på alkoholservering vid krogen', 20)).to.equal('Två anmärkningar på…');
    expect(shorten('kort', 20)).to.equal('kort');
    expect([...shorten('x'.repeat(50), 10)]).to.have.lengthOf(10);
  });
});
