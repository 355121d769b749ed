// A typed answer to "Var du med där?" (the occasion question): "ja", "ja samma tillfälle", "japp"
// join the occasion someone else logged; "nej", "nej ett annat tillfälle", "annat" make one of one's
// own. Anything more ("nej, i fredags") is not such an answer: it is read as a correction.
import { fold } from './text.js';

export type OccasionAnswer = 'same' | 'other';

const SAME = /^(?:ja|japp|jo|javisst|ja visst|ja det var jag|samma|ja samma|samma tillfalle|ja samma tillfalle)$/u;
const OTHER =
  /^(?:nej|nae|na|nej annat|annat|ett annat|annat tillfalle|ett annat tillfalle|nej ett annat tillfalle|nej annat tillfalle)$/u;

/**
 * The answer a message gives to the occasion question, or undefined when it is no plain yes or no.
 * Case, å/ä/ö, punctuation and extra spaces do not matter ("Ja, samma tillfälle!" is "same").
 */
export function occasionAnswer(text: string): OccasionAnswer | undefined {
  const words = fold(text)
    .replace(/[^a-z0-9]+/gu, ' ')
    .trim();
  if (SAME.test(words)) return 'same';
  if (OTHER.test(words)) return 'other';
  return undefined;
}
