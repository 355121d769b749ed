// Which activity a user means by the words they typed. People type stems, plurals and definite
// forms ("krogtillsyner", "torsdagsmötet"), with or without å/ä/ö, so words match on a long
// common prefix; several equally good candidates are an ambiguity the user resolves, never a guess.
import type { Activity } from './agreement.js';
import { editDistance, fold, oneEditApart } from './text.js';

const STOP_WORDS = new Set(
  [
    'och',
    'i',
    'pa',
    'med',
    'en',
    'ett',
    'att',
    'for',
    'av',
    'de',
    'den',
    'det',
    'som',
    'till',
    'vid',
    'om',
    'ska',
    'samt',
    'the',
    'var',
    'har',
  ].map(fold),
);

/** True for a folded filler word that names no activity ("och", "med", "i"). */
export function isFillerWord(folded: string): boolean {
  return STOP_WORDS.has(folded);
}

/** The folded words of an activity's name, keywords and id, as matching reads them. */
export function activityVocabulary(activity: Activity): readonly string[] {
  return vocabulary(activity);
}

export interface ActivityMatch {
  /** The best candidates: one means a clear match, several an ambiguity, none no match. */
  candidates: Activity[];
  /** Index (exclusive) of the last word that matched the candidates' vocabulary. */
  usedWords: number;
}

/** Two folded words are "the same word" when equal, share a long prefix, or differ by one letter (six or more). */
export function wordsMatch(typed: string, known: string): boolean {
  if (typed === known) return true;
  const shorter = Math.min(typed.length, known.length);
  if (shorter < 4) return false;
  let common = 0;
  while (common < shorter && typed[common] === known[common]) common++;
  if (common === shorter) return shorter >= 4;
  if (common >= 6 && common >= shorter * 0.7) return true;
  // One letter missing, extra or wrong in a long word ("fotpatrulering"): a typo, not another word.
  return shorter >= 6 && oneEditApart(typed, known);
}

// An activity's words are folded once per activity object, not on every message: the store's
// agreements are replaced, never changed, so an activity object's words never change.
const vocabularies = new WeakMap<Activity, readonly string[]>();

function vocabulary(activity: Activity): readonly string[] {
  let known = vocabularies.get(activity);
  if (!known) vocabularies.set(activity, (known = vocabularyOf(activity)));
  return known;
}

function vocabularyOf(activity: Activity): string[] {
  const all = [...activity.keywords, activity.name, activity.id.replace(/-/g, ' ')];
  const out = new Set<string>();
  for (const phrase of all) {
    for (const word of fold(phrase).split(/[\s,.;:()"”“/]+/u)) {
      // "ssg-möte" is typed as one word, so the compound is a word as well as its parts.
      for (const w of [word, ...word.split('-')]) {
        if (w.length > 0 && !STOP_WORDS.has(w)) out.add(w);
      }
    }
  }
  return [...out];
}

/** True when the word is one of the activities' words ("gemensamma", "krogtillsyner") or a filler word. */
export function isActivityWord(activities: readonly Activity[], typed: string): boolean {
  const w = fold(typed).replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
  if (w.length === 0 || STOP_WORDS.has(w)) return true;
  return activities.some((a) => a.id === w || vocabulary(a).some((v) => wordsMatch(w, v)));
}

/**
 * True when the word is one of the activities' own nouns or units ("krogtillsyner", "ärenden",
 * "möten"), so "3 krogtillsyner" counts occasions. Filler words are not nouns; neither are
 * words shorter than four letters, which are too easily something else ("sig" is a pronoun).
 */
export function isActivityNoun(activities: readonly Activity[], typed: string): boolean {
  const w = fold(typed).replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
  if (w.length < 4 || STOP_WORDS.has(w)) return false;
  return activities.some(
    (a) => (a.target.kind === 'count' && fold(a.target.unit) === w) || vocabulary(a).some((v) => wordsMatch(w, v)),
  );
}

export function matchActivities(
  activities: readonly Activity[],
  typedWords: readonly string[],
  place?: string,
): ActivityMatch {
  const words = typedWords.map((w) => fold(w).replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''));
  // An exact id ("gemensam-krogtillsyn") is what cards and power users send: it wins outright.
  const byId = activities.find((a) => words.length === 1 && a.id === words[0]);
  if (byId) return { candidates: [byId], usedWords: 1 };

  let bestScore = 0;
  let candidates: { activity: Activity; lastIndex: number }[] = [];
  for (const activity of activities) {
    const vocab = vocabulary(activity);
    let score = 0;
    let lastIndex = -1;
    words.forEach((w, i) => {
      if (w.length === 0 || STOP_WORDS.has(w)) return;
      if (vocab.some((v) => wordsMatch(w, v))) {
        score += 1;
        lastIndex = i;
      }
    });
    if (score === 0) continue;
    if (score > bestScore) {
      bestScore = score;
      candidates = [{ activity, lastIndex }];
    } else if (score === bestScore) {
      candidates.push({ activity, lastIndex });
    }
  }
  if (candidates.length > 1 && place !== undefined) {
    const here = candidates.filter((c) => c.activity.places.some((p) => fold(p) === fold(place)));
    if (here.length > 0) candidates = here;
  }
  const usedWords = candidates.reduce((max, c) => Math.max(max, c.lastIndex + 1), 0);
  return { candidates: candidates.map((c) => c.activity), usedWords };
}

/** Activities whose words are closest to what was typed, for "did you mean" when nothing matched. */
export function closestActivities(
  activities: readonly Activity[],
  typedWords: readonly string[],
  limit = 3,
): Activity[] {
  const words = typedWords
    .map(fold)
    .filter((w) => w.length > 0 && !STOP_WORDS.has(w))
    .slice(0, 10);
  if (words.length === 0) return [];
  const scored = activities.map((activity) => {
    const vocab = vocabulary(activity);
    let best = Number.POSITIVE_INFINITY;
    for (const w of words) {
      for (const v of vocab) {
        const d = editDistance(w.slice(0, 40), v) / Math.max(w.length, v.length);
        if (d < best) best = d;
      }
    }
    return { activity, distance: best };
  });
  return scored
    .filter((s) => s.distance <= 0.5)
    .sort((a, b) => a.distance - b.distance)
    .slice(0, limit)
    .map((s) => s.activity);
}

/**
 * What to type to mean `activity` alone, for "write one of": the typed words with the fewest of
 * the activity's name words added that make it the only match ("fotpatrullering öxnehaga"),
 * else a keyword of its own, else its id (an exact id always matches it alone). Never the typed
 * words alone when they match several activities: that would suggest the same ambiguity back.
 * Words come lower-case, as written in the activity's name or keywords.
 */
export function narrowingWords(
  activities: readonly Activity[],
  typedWords: readonly string[],
  activity: Activity,
): string {
  const only = (words: readonly string[]) => {
    const { candidates } = matchActivities(activities, words);
    return candidates.length === 1 && candidates[0] === activity;
  };
  const typed = typedWords.filter((w) => fold(w).length > 0);
  if (typed.length > 0 && only(typed)) return typed.join(' ');
  const typedFolded = typed.map(fold);
  const nameWords = activity.name
    .split(/[\s,.;:()"”“/]+/u)
    .filter((w) => w.length > 0 && !STOP_WORDS.has(fold(w)) && !typedFolded.some((t) => wordsMatch(t, fold(w))));
  for (const word of nameWords) {
    const words = [...typed, word.toLocaleLowerCase('sv')];
    if (only(words)) return words.join(' ');
  }
  const own = activity.keywords.find((k) => only(k.split(/\s+/u)));
  return own ?? activity.id;
}
