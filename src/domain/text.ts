// Folding makes commands forgiving: "/Ångra", "angra" and "ÅNGRA" are the same word, and so are
// "Öxnehaga" and "oxnehaga". Only used for matching; what users wrote is stored as written.

/** Lower case, diacritics removed (å→a, ä→a, ö→o, é→e), whitespace collapsed. */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
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
