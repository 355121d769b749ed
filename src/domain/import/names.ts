// A short name and an id for an imported activity or promise. The name is the sentence's own words
// from its verb on, cut before the purpose ("för att …") or the target ("vid minst …") and never
// inside a phrase, so that a coordinator recognises it and a person would say it.
import { fold } from '../text.js';

const CUT =
  /\s(?:för att|i syfte|med syfte|genom att|så att|som|vid minst|där|när|samt|och på så sätt|i den|i de)\s|[,.;:]\s|[,.;:]$/iu;

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

// Words a name may be cut before: a phrase of its own starts there ("… centrum | för ökad synlighet").
const PHRASE_START =
  /^(?:för|med|mot|av|på|i|vid|till|under|inför|genom|tillsammans|samt|och|så|utifrån|kring|gällande|om)$/iu;
const LITTLE_WORD =
  /^(?:i|på|vid|med|för|av|till|och|samt|eller|en|ett|de|den|det|sin|sina|sitt|genom|om|som|att|så|mot|under|inför|tillsammans)$/iu;

/** "i samverkan fortsätta verka för att utveckla …" → "utveckla …": what is done, not how steadily. */
function withoutLead(rest: string): string {
  let text = rest.trim();
  for (let i = 0; i < 6; i++) {
    const next = text
      .replace(/^(?:att|även|också|gemensamt|i samverkan|aktivt|det att|vi att)\s+/iu, '')
      .replace(/^under (?:\S+ )?\d{4}(?:[-–—]\d{2,4})?\s+/iu, '')
      // "fortsätta genomföra …", not "fortsätta med sina täta kontakter".
      .replace(/^fortsätta(?: att)?\s+(?!(?:sin|sina|sitt|den|det|de)\s)(?=\p{L}+a\s)/iu, '')
      .replace(/^(?:verka|arbeta|jobba)\s+(?:(?:förebyggande|aktivt|vidare)\s+)?(?:för att|genom att|med att)\s+/iu, '')
      .replace(/^(?:arbeta|jobba)\s+(?:(?:förebyggande|aktivt|vidare)\s+)?(?:genom|med|för|mot)\s+/iu, '')
      .replace(/^genom\s+/iu, '')
      .replace(/^(?:en|ett)\s+/iu, '')
      .trim();
    if (next === text || next.length === 0) break;
    text = next;
  }
  return text;
}

/** Never end on a little word: "… krogtillsyner i" → "… krogtillsyner" (one word always stays). */
function withoutTrailingLittleWords(words: readonly string[]): string[] {
  const kept = [...words];
  while (kept.length > 1 && (LITTLE_WORD.test(kept.at(-1) ?? '') || (kept.at(-1) ?? '').endsWith('-'))) kept.pop();
  return kept;
}

/**
 * Short name from what follows the subject ("genomföra en enkätundersökning för att …" →
 * "Genomföra en enkätundersökning"): the first clause, never cut inside a phrase. Over `maxWords`
 * words it ends before the last phrase that fits ("Prioritera närvaro i Lindbo centrum för ökad
 * synlighet …" → "Prioritera närvaro i Lindbo centrum"); a second clause after "och" goes
 * ("Stänga av biltrafik och skapa en umgängesyta" → "Stänga av biltrafik"). An abbreviation of the
 * subject goes in front ("SSG: träffas kontinuerligt"). Never empty for a non-empty sentence.
 */
export function shortName(rest: string, subjectAbbreviation?: string, maxWords = 7): string {
  // A parenthesis explains; it is not part of what a person would call the activity.
  const text = withoutLead(rest.replace(/\s*\([^)]*\)/gu, ''));
  const cut = CUT.exec(` ${text} `);
  const head = (cut ? ` ${text} `.slice(0, cut.index) : text).trim();
  let words = head.split(/\s+/u).filter((w) => w.length > 0);
  // "… trygghetsvandringar och verka för utökad grannsamverkan": a second clause is a second thing.
  // "alkohol- och drograttonykterhet" is one phrase.
  const and = words.findIndex((w, i) => i >= 2 && /^och$/iu.test(w) && !(words[i - 1] ?? '').endsWith('-'));
  if (and >= 2 && words.length > 4) words = words.slice(0, and);
  if (words.length > maxWords) {
    let end = maxWords;
    while (end > 2 && !PHRASE_START.test(words[end] ?? '')) end -= 1;
    words = words.slice(0, end > 2 ? end : maxWords);
  }
  const name = withoutTrailingLittleWords(words)
    .join(' ')
    .replace(/[,.;:]+$/u, '');
  // A sentence that is all purpose ("för att …") has no clause before the cut: its first words then.
  const base = capitalise(
    name.length > 0 ? name : withoutTrailingLittleWords(text.split(/\s+/u).slice(0, maxWords)).join(' '),
  );
  return subjectAbbreviation ? `${subjectAbbreviation}: ${base.charAt(0).toLowerCase()}${base.slice(1)}` : base;
}

/** An id for the agreement schema: a–z, digits and dashes, from the first words of a name. */
export function slugOf(text: string, maxWords = 4): string {
  const slug = fold(text)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter((w) => w.length > 0)
    .slice(0, maxWords)
    .join('-');
  return slug.length > 0 ? slug.slice(0, 48).replace(/-+$/u, '') : 'x';
}

/** The id itself when free, else with -2, -3 … appended. Adds the result to `taken`. */
export function uniqueId(id: string, taken: Set<string>): string {
  let candidate = id;
  for (let n = 2; taken.has(candidate); n++) candidate = `${id}-${n}`;
  taken.add(candidate);
  return candidate;
}
