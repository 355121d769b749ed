// The stores' deep copy: equal to structuredClone on stored data, sharing no object with it.
import { expect } from 'chai';
import fc from 'fast-check';
import { plainCopy } from '../../src/store/plainCopy.js';

/** Every object and array inside `value` (itself included). */
function objectsIn(value: unknown, out = new Set<object>()): Set<object> {
  if (typeof value === 'object' && value !== null) {
    out.add(value);
    for (const v of Object.values(value)) objectsIn(v, out);
  }
  return out;
}

describe('plainCopy', () => {
  it('equals structuredClone on JSON-shaped data and shares no object with it', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const copied = plainCopy(value);
        expect(copied).to.deep.equal(structuredClone(value));
        const mine = objectsIn(value);
        for (const o of objectsIn(copied)) expect(mine.has(o)).to.equal(false);
      }),
    );
  });

  it('keeps undefined values, and copies a Date inside the data as a Date', () => {
    const at = new Date('2020-03-14T18:00:00.000Z');
    const value = { a: undefined, nested: [{ at }] };
    const copied = plainCopy(value);
    expect(Object.keys(copied)).to.deep.equal(['a', 'nested']);
    expect(copied.nested[0]?.at).to.be.an.instanceOf(Date).and.not.equal(at);
    expect(copied.nested[0]?.at.getTime()).to.equal(at.getTime());
  });

  it('keeps a "__proto__" key of parsed JSON as a key, and the copy a plain object', () => {
    const value = JSON.parse('{"__proto__": {"polluted": true}, "a": 1}') as Record<string, unknown>;
    const copied = plainCopy(value);
    expect(Object.getPrototypeOf(copied)).to.equal(Object.prototype);
    expect(Object.keys(copied)).to.deep.equal(['__proto__', 'a']);
    expect((copied as { polluted?: boolean }).polluted).to.equal(undefined);
  });

  it('gives a copy the reader may change without changing the original', () => {
    const original = { title: 'Jönköping', activities: [{ id: 'a', words: ['krog'] }] };
    const copied = plainCopy(original);
    copied.title = 'ändrad';
    copied.activities[0]!.words.push('ny');
    expect(original).to.deep.equal({ title: 'Jönköping', activities: [{ id: 'a', words: ['krog'] }] });
  });
});
