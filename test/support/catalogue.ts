// Renders every code of a copy catalogue (issue 25: "a test renders every code"). The examples are
// one outcome per code; the test fails when a code has no example, or a sentence comes out empty or
// with a value that was never filled in.
import { expect } from 'chai';
import { type Catalogue, type Coded, render } from '../../src/views/catalogue.js';

/**
 * Declares one mocha test per code of `catalogue`, rendering `examples[code]`.
 * @param examples one outcome for each code; the keys must be exactly the catalogue's codes
 */
export function rendersEveryCode<U extends Coded>(
  name: string,
  catalogue: Catalogue<U>,
  examples: { readonly [C in U['code']]: Extract<U, { code: C }> },
): void {
  describe(`the ${name} catalogue`, () => {
    it('has an example for every code, and no other', () => {
      expect(Object.keys(examples).sort()).to.deep.equal(Object.keys(catalogue).sort());
    });
    for (const [code, outcome] of Object.entries<U>(examples)) {
      it(`renders ${code}`, () => {
        expect(outcome.code).to.equal(code);
        const text = render(catalogue, outcome);
        expect(text.trim()).to.not.equal('');
        expect(text).to.not.match(/undefined|\[object |NaN|\$\{/u);
      });
    }
  });
}
