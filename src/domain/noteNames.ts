// A note about work with individuals (SIG cases, orosanmälningar: young people) must not name
// them. Before such a note is stored the bot asks once, gently, when a word in it looks like a
// person's name. Telling a name from an ordinary word uses a maintained Swedish word list
// (Hunspell's sv_SE dictionary, the npm package dictionary-sv; read outside the domain and passed
// in as a NameLexicon) and the area's own words: its places, parties and activity words.
//
// The rule (a false question costs one click, "Spara ändå"; a missed name is a child's name in a
// shared record, so the rule leans towards asking):
// - Only capitalised words are candidates ("Kevin", "Ann-Sofie"; not "SIG", not "kevin"). A word
//   of the area (a place, a party, an activity's word, the municipality) is never one.
// - A candidate next to an age ("Kevin 15 år", "Kevin, 15 år", "Kevin (15)", "15-årige Kevin")
//   is a name: a strong sign, even when the word is also an ordinary word ("med Björn 15 år").
//   Only a sentence's first word that is an ordinary word is spared ("Tjej 15 år").
// - After a place preposition ("i Huskvarna", "på Ica") a candidate is a place, not a name.
// - Inside a sentence, capitalisation marks a proper noun: a name when it is not an ordinary
//   Swedish word ("Socialtjänstens" is), or when the dictionary lists it as a proper name
//   ("med Björn", "med Ali").
// - A sentence's first word is capitalised anyway: a name when it is no ordinary word ("Kevin var
//   där"), or the dictionary lists it as a proper name and not also, as written, as an ordinary
//   word ("Ahmed var där"; not "Björn", not "Pratade med …").
// - An ordinary word is one of the list, an inflection of one ("skolan", "pratade") or a compound
//   of two ("fältgruppen").
import type { Activity, Agreement } from './agreement.js';
import { fold } from './text.js';

/** Words to look up: a Set, or a list as compact that answers `has` and lists them. */
export interface WordSet extends Iterable<string> {
  has(word: string): boolean;
}

/** The Swedish word list, lower case as written (å, ä, ö kept). */
export interface NameLexicon {
  /** Ordinary words (the dictionary's entries written in lower case): "björn", "pojke", "prata". */
  commonWords: WordSet;
  /** Stems of the ordinary words, by `stem`, so inflected forms ("pratade", "pojkarna") are known. */
  commonStems: WordSet;
  /** Proper names (the dictionary's capitalised entries), lower case: "björn", "ahmed", "jönköping". */
  properNames: WordSet;
  /** The stemmer the stems were made with (a Swedish Snowball stemmer). */
  stem: (word: string) => string;
}

const CAPITALISED = /^\p{Lu}\p{Ll}+(?:-\p{Lu}?\p{Ll}+)*$/u;
const PLACE_PREPOSITIONS = new Set(['i', 'pa', 'vid', 'utanfor', 'fran']);
// "15 år", "15 år,", "15år", "15-åring", "15-årige", "15 åring", "(15)".
const AGE_WORD = /^(?:ar|ars|aring|aringen|arig|arige|ariga|arsaldern)$/u;
const GLUED_AGE = /^\(?\d{1,2}-?(?:ar|ars|aring|aringen|arig|arige|ariga)\)?$/u;
const AGE_IN_PARENS = /^\(\d{1,2}\)$/u;

function strip(token: string): string {
  return token.replace(/^[("'“”«]+|[)"'“”»,.;:!?]+$/gu, '');
}

/** True when tokens[i] starts an age ("15 år", "15-åring", "(15)"). */
function ageAt(tokens: readonly string[], i: number): boolean {
  const raw = tokens[i];
  if (raw === undefined) return false;
  const word = fold(raw.replace(/[,.;:!?]+$/u, ''));
  if (GLUED_AGE.test(word) || AGE_IN_PARENS.test(word)) return true;
  return /^\d{1,2}$/u.test(word) && AGE_WORD.test(fold(strip(tokens[i + 1] ?? '')));
}

/** True when the note's token i begins a sentence: the first word, or after ".", "!", "?", ":" or a line break. */
function sentenceStart(tokens: readonly string[], lineStarts: ReadonlySet<number>, i: number): boolean {
  if (i === 0 || lineStarts.has(i)) return true;
  return /[.!?:]["')”]*$/u.test(tokens[i - 1] ?? '');
}

/**
 * The area's own words, folded: every word of its places, parties, activity names and keywords,
 * municipality and police area. None of them is ever taken for a name.
 */
export function areaWords(agreements: readonly Agreement[]): Set<string> {
  const out = new Set<string>();
  const add = (phrase: string) => {
    for (const w of fold(phrase).split(/[\s,.;:()"”“/-]+/u)) if (w.length > 0) out.add(w);
  };
  for (const agreement of agreements) {
    [agreement.title, agreement.municipality, agreement.policeArea, ...agreement.parties].forEach(add);
    for (const activity of agreement.activities) {
      [activity.name, ...activity.parties, ...activity.places, ...activity.keywords].forEach(add);
    }
  }
  return out;
}

// Swedish inflection endings of nouns (definite, plural, genitive: "skolan" is "skola" + n),
// adjectives ("lugnt", "lugna", "lugnare") and verbs ("pratade", "kontaktat", "ringer"). The
// Snowball stemmer leaves some of them on, and the word list holds base forms.
const ENDINGS = [
  ...['ns', 'n', 'en', 'ens', 'et', 'ets', 'na', 'nas', 'erna', 'arna', 'orna', 'ar', 'er', 'or', 's'],
  ...['t', 'a', 'e', 'are', 'ast', 'aste', 'st', 'ste'],
  ...['r', 'de', 'te', 'ade', 'at', 'ad', 'dde', 'tt', 'des', 'tes', 'ades'],
];

/** True when the lower-case word, or its base form, is an ordinary Swedish word of the list. */
function isInflected(lower: string, lexicon: NameLexicon): boolean {
  if (lexicon.commonWords.has(lower) || lexicon.commonStems.has(lexicon.stem(lower))) return true;
  return ENDINGS.some(
    (e) => lower.length > e.length + 2 && lower.endsWith(e) && lexicon.commonWords.has(lower.slice(0, -e.length)),
  );
}

/**
 * True for an ordinary word, inflected or not, or a compound of two ("fältgruppen" = fält +
 * gruppen, "fritidsgården" = fritid + s + gården): Swedish writes compounds as one word, and the
 * list holds only the common ones.
 */
function isOrdinary(lower: string, lexicon: NameLexicon): boolean {
  if (isInflected(lower, lexicon)) return true;
  // Two words of three letters or more: a short name is rarely two Swedish words put together.
  if (lower.length < 8) return false;
  for (let k = 3; k <= lower.length - 3; k++) {
    const head = lower.slice(0, k);
    const joined = lexicon.commonWords.has(head) || (head.endsWith('s') && lexicon.commonWords.has(head.slice(0, -1)));
    if (joined && isInflected(lower.slice(k), lexicon)) return true;
  }
  return false;
}

/** True when the dictionary lists the lower-case word (or every part of "anna-karin", or its genitive) as a proper name. */
function isProperName(lower: string, lexicon: NameLexicon): boolean {
  const base = (w: string) =>
    lexicon.properNames.has(w) || (w.endsWith('s') && lexicon.properNames.has(w.slice(0, -1)));
  return base(lower) || (lower.includes('-') && lower.split('-').some(base));
}

function isAreaWord(word: string, area: ReadonlySet<string>): boolean {
  const w = fold(word);
  return area.has(w) || area.has(`${w}s`) || (w.endsWith('s') && area.has(w.slice(0, -1)));
}

/**
 * The first word of the note that looks like a person's name (see the module comment for the
 * rule), as written, or undefined. `area` comes from `areaWords`. Never throws.
 */
export function findLikelyName(note: string, lexicon: NameLexicon, area: ReadonlySet<string>): string | undefined {
  if (typeof note !== 'string' || note.length === 0) return undefined;
  const tokens: string[] = [];
  const lineStarts = new Set<number>();
  for (const line of note.split(/\r?\n/u)) {
    lineStarts.add(tokens.length);
    tokens.push(...line.split(/\s+/u).filter((t) => t.length > 0));
  }
  for (let i = 0; i < tokens.length; i++) {
    const word = strip(tokens[i] ?? '');
    if (!CAPITALISED.test(word) || isAreaWord(word, area)) continue;
    const lower = word.toLocaleLowerCase('sv');
    const initial = sentenceStart(tokens, lineStarts, i);
    const exactWord = lexicon.commonWords.has(lower);
    const ordinary = exactWord || isOrdinary(lower, lexicon);
    const proper = isProperName(lower, lexicon);
    // "Kevin 15 år", "Kevin, 15 år", "Kevin (15)", "15-årige Kevin".
    const nextToAge = ageAt(tokens, i + 1) || (i > 0 && GLUED_AGE.test(fold(strip(tokens[i - 1] ?? ''))));
    if (nextToAge && !(initial && ordinary)) return word;
    if (i > 0 && PLACE_PREPOSITIONS.has(fold(tokens[i - 1] ?? ''))) continue;
    if (!ordinary || (proper && (!initial || !exactWord))) return word;
  }
  return undefined;
}

// Words that mark work about individuals, for activities without the aboutIndividuals flag.
const INDIVIDUAL_WORDS = ['sig', 'insatsgrupp', 'insatsgruppen', 'orosanmalan', 'orosanmalningar', 'orosanmalning'];

/**
 * True when the activity's work concerns individuals (SIG cases, orosanmälningar), whose notes
 * must not name anyone: its `aboutIndividuals` flag when set, else one of its name's or
 * keywords' words is "sig", "insatsgrupp(en)" or "orosanmälan"/"orosanmälning(ar)".
 */
export function isAboutIndividuals(activity: Activity): boolean {
  if (activity.aboutIndividuals !== undefined) return activity.aboutIndividuals;
  return [activity.name, ...activity.keywords].some((phrase) =>
    fold(phrase)
      .split(/[\s,.;:()-]+/u)
      .some((w) => INDIVIDUAL_WORDS.includes(w) || w.startsWith('insatsgrupp')),
  );
}
