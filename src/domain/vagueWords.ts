// One generic word ("samverkan", "möte", "arbete", "insats") or a party's name alone ("polisen",
// "kommunen", "Vätterhem") says too little to put an entry under an activity: the user is asked
// which one is meant, and nothing is stored until they choose. Today "samverkan" is a keyword of
// the Thursday meeting and "polisen" matches "polisens enkät", so such a message went, unasked,
// to whichever activity happened to carry the word.
import type { Activity } from './agreement.js';
import { activityVocabulary, isFillerWord, wordsMatch } from './matching.js';
import { fold } from './text.js';

// Words for work in general, as stems; a word is generic when it is a stem with an inflection
// ending ("möte", "mötet", "möten", "insatser", "arbetet").
const GENERIC_STEMS = [
  'samverkan',
  'samarbet',
  'mote',
  'arbet',
  'insats',
  'aktivitet',
  'traff',
  'jobb',
  'uppdrag',
  'tillfall',
  'samtal',
  'besok',
  'verksamhet',
  'grej',
  'sak',
];
const ENDINGS = ['', 'e', 'et', 'en', 'er', 'erna', 'ena', 'n', 'na', 'ar', 'arna', 't', 's', 'ets', 'ens'];

function genericStem(word: string): string | undefined {
  return GENERIC_STEMS.find((stem) => word.startsWith(stem) && ENDINGS.includes(word.slice(stem.length)));
}

function clean(word: string): string {
  return fold(word).replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
}

/**
 * The activities to ask about when the activity words are only generic words and parties' names
 * (filler words aside), or undefined when they say enough to match as usual. A word that is an
 * activity's own keyword as written ("ssg", also the SSG's party name) says enough, unless it is
 * generic ("samverkan"). The candidates: the activities every word fits (a generic word fits an
 * activity whose words contain it, "möte" → "torsdagsmöte"; a party fits the activities it is
 * responsible for); failing that, those any word fits; failing that, all. In the agreement's order.
 */
export function vagueActivityCandidates(
  activities: readonly Activity[],
  parties: readonly string[],
  typedWords: readonly string[],
): Activity[] | undefined {
  const words = typedWords.map(clean).filter((w) => w.length > 0 && !isFillerWord(w));
  if (words.length === 0) return undefined;
  const keywords = new Set(activities.flatMap((a) => a.keywords.map(fold)));
  const partyNames = [...new Set([...parties, ...activities.flatMap((a) => a.parties)])];
  const partyWords = (name: string) => fold(name).split(/\s+/u);
  const fits: Activity[][] = [];
  for (const w of words) {
    const stem = genericStem(w);
    if (stem !== undefined) {
      fits.push(activities.filter((a) => activityVocabulary(a).some((v) => v.includes(stem))));
      continue;
    }
    if (keywords.has(w)) return undefined;
    const named = partyNames.filter((p) => partyWords(p).some((pw) => wordsMatch(w, pw)));
    if (named.length === 0) return undefined;
    fits.push(activities.filter((a) => a.parties.some((p) => named.includes(p))));
  }
  const every = activities.filter((a) => fits.every((f) => f.includes(a)));
  if (every.length > 0) return every;
  const any = activities.filter((a) => fits.some((f) => f.includes(a)));
  return any.length > 0 ? any : [...activities];
}
