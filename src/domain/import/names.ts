// A short name and an id for an imported activity or promise. The name is the sentence's own words
// from its verb on, cut before the purpose ("för att …") or the target ("vid minst …"), so that a
// coordinator recognises it and can shorten it in the review.
import { fold } from '../text.js';

const CUT =
  /\s(?:för att|i syfte|med syfte|genom att|så att|som|vid minst|där|när|samt|och på så sätt|i den|i de)\s|[,.;:]\s|[,.;:]$/iu;

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * Short name from what follows the subject ("genomföra en enkätundersökning för att …" →
 * "Genomföra en enkätundersökning"); at most `maxWords` words, with an abbreviation of the
 * subject in front ("SSG: träffas kontinuerligt"). Never empty for a non-empty sentence.
 */
export function shortName(rest: string, subjectAbbreviation?: string, maxWords = 7): string {
  const text = rest
    .replace(/^(?:att|även|också|gemensamt)\s+/iu, '')
    .replace(/^(?:arbeta|jobba)\s+(?:(?:förebyggande|aktivt|vidare)\s+)?(?:genom|med att|med|för att|för|mot)\s+/iu, '')
    .replace(/^genom\s+/iu, '')
    .replace(/^(?:en|ett|att)\s+/iu, '')
    .trim();
  const cut = CUT.exec(` ${text} `);
  const head = (cut ? ` ${text} `.slice(0, cut.index) : text).trim();
  const words = head.split(/\s+/u).filter((w) => w.length > 0);
  const kept = words.slice(0, maxWords);
  // Never end on a little word: "… krogtillsyner i" → "… krogtillsyner".
  while (
    kept.length > 1 &&
    /^(?:i|på|vid|med|för|av|till|och|samt|eller|en|ett|de|den|det|sin|sina|sitt|genom|om|som)$/iu.test(
      kept.at(-1) ?? '',
    )
  )
    kept.pop();
  const name = kept.join(' ').replace(/[,.;:]+$/u, '');
  const base = name.length > 0 ? capitalise(name) : capitalise(text.split(/\s+/u).slice(0, maxWords).join(' '));
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
