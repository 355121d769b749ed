// Folding makes commands forgiving: "/Ångra", "angra" and "ÅNGRA" are the same word, and so are
// "Öxnehaga" and "oxnehaga". Only used for matching; what users wrote is stored as written.

// Every /logga folds the same few hundred words (the agreement's keywords, places, parties and
// the message's words) many times over: short texts are kept once folded. The limit bounds the
// memory; past it the kept ones are dropped and folding starts over.
const KEPT_FOLDS = 4096;
const KEPT_FOLD_LENGTH = 64;
const folds = new Map<string, string>();

/** Lower case, diacritics removed (å→a, ä→a, ö→o, é→e), whitespace collapsed. */
export function fold(text: string): string {
  if (text.length > KEPT_FOLD_LENGTH) return foldNow(text);
  let folded = folds.get(text);
  if (folded === undefined) {
    if (folds.size >= KEPT_FOLDS) folds.clear();
    folds.set(text, (folded = foldNow(text)));
  }
  return folded;
}

function foldNow(text: string): string {
  // ASCII has no decomposition, and only ^ and ` among its characters are diacritics.
  const decomposed = /^\p{ASCII}*$/u.test(text)
    ? text.replace(/[\^`]/gu, '')
    : text.normalize('NFD').replace(/\p{Diacritic}/gu, '');
  return decomposed.toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Words separated by whitespace, as written. */
export function words(text: string): string[] {
  return text.split(/\s+/).filter((w) => w.length > 0);
}

/** A word as written, and how many line breaks stood in the whitespace before it. */
export interface WrittenWord {
  word: string;
  breaksBefore: number;
}

/** Words separated by whitespace, as written, each with the line breaks before it (so a note keeps them). */
export function writtenWords(text: string): WrittenWord[] {
  const out: WrittenWord[] = [];
  for (const m of text.matchAll(/(\s*)(\S+)/gu)) {
    out.push({ word: m[2] ?? '', breaksBefore: (m[1] ?? '').split(/\r\n|\r|\n|\u2028|\u2029/u).length - 1 });
  }
  return out;
}

/**
 * Words joined as a note: by a space, or by the line breaks that stood between them (at most two,
 * a paragraph), so a pasted note keeps its lines and "Kungsgatan⏎12 boende" never reads as an address.
 */
export function joinWritten(words: readonly WrittenWord[]): string {
  return words
    .map((w, i) =>
      i === 0 ? w.word : `${w.breaksBefore > 0 ? '\n'.repeat(Math.min(2, w.breaksBefore)) : ' '}${w.word}`,
    )
    .join('');
}

/**
 * True when one letter inserted, deleted or changed turns `a` into `b`: editDistance(a, b) === 1,
 * in one pass instead of a table (it runs for every word of every /logga against the activities' words).
 */
export function oneEditApart(a: string, b: string): boolean {
  if (a.length < b.length) [a, b] = [b, a];
  if (a.length - b.length > 1) return false;
  let i = 0;
  while (i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) return i < a.length && a.slice(i + 1) === b.slice(i + 1);
  return a.slice(i + 1) === b.slice(i);
}

/** Edit distance (insert, delete, substitute), for "did you mean" suggestions. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row.push(Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost));
    }
    prev = row;
  }
  return prev[b.length] ?? 0;
}
