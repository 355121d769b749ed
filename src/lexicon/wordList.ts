// The Swedish word list is 275,000 words and stems. Held as Sets they cost about 19 MB of heap (a
// string object and a hash entry each); held as one sorted text and the offsets of its words, about
// 5 MB. A lookup is a binary search (about 18 comparisons), run for the few words of a note.
import type { WordSet } from '../domain/noteNames.js';

/**
 * The distinct words of `words`, held compactly (see above); iterates them in code-unit order.
 * Lookups are exact (no folding): `has('Pojke')` is false for a list holding "pojke".
 */
export class WordList implements WordSet {
  readonly #text: string;
  /** Where each word starts in #text, plus the text's length: word i is text[starts[i], starts[i+1]). */
  readonly #starts: Uint32Array;

  constructor(words: Iterable<string>) {
    const sorted = [...new Set(words)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    this.#starts = new Uint32Array(sorted.length + 1);
    let at = 0;
    sorted.forEach((word, i) => {
      this.#starts[i] = at;
      at += word.length;
    });
    this.#starts[sorted.length] = at;
    this.#text = sorted.join('');
  }

  get size(): number {
    return this.#starts.length - 1;
  }

  has(word: string): boolean {
    let lo = 0;
    let hi = this.size - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const here = this.#word(mid);
      if (here === word) return true;
      if (here < word) lo = mid + 1;
      else hi = mid - 1;
    }
    return false;
  }

  *[Symbol.iterator](): Iterator<string> {
    for (let i = 0; i < this.size; i++) yield this.#word(i);
  }

  #word(i: number): string {
    return this.#text.slice(this.#starts[i], this.#starts[i + 1]);
  }
}
