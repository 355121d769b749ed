// Notes condensed for the follow-up, which gets published: whitespace collapsed, repeats dropped,
// long ones shortened, and any personal identity number blacked out. Such numbers are refused when
// a note is logged, but a published document must not rely on every way in having checked.
import { findPersonalIdentityNumber } from './personalData.js';
import { fold } from './text.js';

const REDACTED = '[borttaget]';

/** The text with every personnummer and samordningsnummer replaced by REDACTED. */
export function redactIdentityNumbers(text: string): string {
  let out = text;
  // Each pass replaces one number with a text without digits, so this ends.
  for (let found = findPersonalIdentityNumber(out); found; found = findPersonalIdentityNumber(out)) {
    out = out.replace(found.match, REDACTED);
  }
  return out;
}

/** Cut at a word boundary before maxLength characters, with an ellipsis. */
export function shorten(text: string, maxLength: number): string {
  const chars = [...text];
  if (chars.length <= maxLength) return text;
  const keep = Math.max(1, maxLength - 1);
  const cut = chars.slice(0, keep).join('');
  const space = cut.lastIndexOf(' ');
  const wordEnds = /\s/u.test(chars[keep] ?? '');
  const base = wordEnds || space < maxLength / 2 ? cut : cut.slice(0, space);
  return `${base.replace(/[\s.,;:–-]+$/u, '')}…`;
}

/**
 * Notes in the order given, each cleaned and shortened, repeats (ignoring case, diacritics and
 * spacing) kept once.
 */
export function condenseNotes(notes: readonly (string | undefined)[], maxLength: number): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of notes) {
    if (raw === undefined) continue;
    // Control characters (a pasted tab, a stray NUL) have no place in a printed line; a line
    // break the writer made is kept, one however many there were.
    const clean = redactIdentityNumbers(
      raw
        .replace(/\r\n?/gu, '\n')
        .replace(/\p{Cc}/gu, (c) => (c === '\n' ? c : ' '))
        .replace(/[^\S\n]+/gu, ' ')
        .replace(/ *\n[\s]*/gu, '\n')
        .trim(),
    );
    if (clean.length === 0) continue;
    const key = fold(clean);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(shorten(clean, maxLength));
  }
  return out;
}
