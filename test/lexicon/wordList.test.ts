import { expect } from 'chai';
import fc from 'fast-check';
import { WordList } from '../../src/lexicon/wordList.js';

describe('WordList, the compact word set the name check reads', () => {
  it('holds each word once, finds exactly the words it holds and lists them in order', () => {
    const list = new WordList(['pojke', 'björn', 'prata', 'pojke', 'å', 'ö']);
    expect(list.size).to.equal(5);
    expect([...list]).to.deep.equal(['björn', 'pojke', 'prata', 'å', 'ö']);
    for (const word of ['björn', 'pojke', 'prata', 'å', 'ö']) expect(list.has(word), word).to.equal(true);
    for (const word of ['', 'pojk', 'pojkes', 'Pojke', 'a', 'björnar']) expect(list.has(word), word).to.equal(false);
  });

  it('is empty for no words', () => {
    const list = new WordList([]);
    expect(list.size).to.equal(0);
    expect([...list]).to.deep.equal([]);
    expect(list.has('')).to.equal(false);
  });

  it('answers as a Set of the same words does, for any words and any question', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 8 })), fc.array(fc.string({ maxLength: 8 })), (words, asked) => {
        const set = new Set(words);
        const list = new WordList(words);
        expect(list.size).to.equal(set.size);
        expect([...list]).to.deep.equal([...set].sort());
        for (const word of [...words, ...asked]) expect(list.has(word)).to.equal(set.has(word));
      }),
    );
  });
});
