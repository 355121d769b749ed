// Which promise each activity serves. Under a promise (nested, or after a promise line or an intro
// that names it) that is the promise. In one flat list after several promises, published texts list
// the activities in the order of the promises, so the list is cut into consecutive runs, one per
// promise: each activity goes to the promise it shares most words with, or, sharing none (or as many
// with two), stays with the promise of the activity before it and is marked unsure. A shared picture of the situation ("lägesbild", "koordinera",
// "samordna") serves every promise.
import { stemmer } from '@orama/stemmers/swedish';
import { swe } from 'stopword';
import type { ImportDoubt } from './doubts.js';

const STOP = new Set([
  ...swe,
  ...'arbeta arbetet arbete polis polisen kommun kommunen kommunens polisens genom tillsammans följande aktiviteter aktivitet kommer'.split(
    ' ',
  ),
]);
const EVERY_PROMISE = /lägesbild|koordinera|samordna|samtliga löften|alla löften|båda löftena/iu;

/** Stems of the telling words of a text (four letters or more, no stop words). */
export function contentStems(text: string): Set<string> {
  const out = new Set<string>();
  for (const raw of text.split(/[^\p{L}]+/u)) {
    const w = raw.toLowerCase();
    if (w.length >= 4 && !STOP.has(w)) out.add(stemmer(w));
  }
  return out;
}

/** Shared stems; the stemmer is not always consistent ("hamnpromen", "hamnpromenad"), so a long prefix counts. */
function overlap(a: Set<string>, b: Set<string>): number {
  let n = 0;
  for (const x of a) {
    if (b.has(x) || [...b].some((y) => Math.min(x.length, y.length) >= 7 && (x.startsWith(y) || y.startsWith(x))))
      n += 1;
  }
  return n;
}

/** The promise a text speaks of most, or undefined when it shares no word with any. */
export function closestPromise(text: string, promises: readonly string[]): number | undefined {
  const stems = contentStems(text);
  let best: number | undefined;
  let bestScore = 0;
  promises.forEach((p, i) => {
    const s = overlap(stems, contentStems(p));
    if (s > bestScore) {
      bestScore = s;
      best = i;
    }
  });
  return best;
}

export interface LinkInput {
  text: string;
  /** The promise it stands under, when the structure says so. */
  promise?: number;
  /** The activity is its promise's own text (a bullet that is both): it serves that promise only. */
  own?: boolean;
}

export interface Link {
  promises: number[];
  /** The primary promise: the one whose places and parties it inherits. */
  primary: number;
  doubt?: ImportDoubt;
}

/**
 * Links every activity to one or more promises (indexes into `promises`). Activities with a known
 * promise keep it; each run of activities without one is assigned in order to the promises up to
 * the next known one. Needs at least one promise.
 */
export function linkPromises(promises: readonly string[], activities: readonly LinkInput[]): Link[] {
  const promiseStems = promises.map(contentStems);
  const scores = activities.map((a) => promiseStems.map((p) => overlap(contentStems(a.text), p)));
  const primary: (number | undefined)[] = activities.map((a) => a.promise);
  const doubts: (ImportDoubt | undefined)[] = activities.map(() => undefined);
  let i = 0;
  while (i < activities.length) {
    if (primary[i] !== undefined) {
      i += 1;
      continue;
    }
    let j = i;
    while (j < activities.length && primary[j] === undefined) j++;
    const before = i > 0 ? (primary[i - 1] ?? 0) : 0;
    const after = j < activities.length ? (primary[j] ?? promises.length - 1) : promises.length - 1;
    const lo = Math.min(before, after);
    const hi = after > before && j < activities.length ? Math.max(lo, after - 1) : Math.max(lo, after);
    let previous = lo;
    for (let r = i; r < j; r++) {
      const row = scores[r] ?? [];
      let best = -1;
      let top = 0;
      let tie = false;
      for (let p = lo; p <= hi; p++) {
        const v = row[p] ?? 0;
        if (v > top) {
          top = v;
          best = p;
          tie = false;
        } else if (v === top && v > 0) {
          tie = true;
        }
      }
      // A clear best promise wins; otherwise the activity stays with the one before it.
      if (best >= 0 && !tie) {
        primary[r] = best;
      } else {
        primary[r] = previous;
        if (hi > lo) doubts[r] = { code: 'doubt.promiseByOrder' };
      }
      previous = primary[r] ?? lo;
    }
    i = j;
  }
  return activities.map((a, n) => {
    const p = primary[n] ?? 0;
    if (promises.length > 1 && !a.own && EVERY_PROMISE.test(a.text)) {
      return {
        promises: promises.map((_, x) => x),
        primary: p,
        doubt: { code: 'doubt.everyPromise' },
      };
    }
    const doubt = doubts[n];
    return doubt ? { promises: [p], primary: p, doubt } : { promises: [p], primary: p };
  });
}
