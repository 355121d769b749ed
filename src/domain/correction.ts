// A correction typed the way people talk, right after a log: "nej det var i tisdags", "fel dag,
// det var igår", "ändra till 3 pers", "nej, 2 tillfällen", "fel plats, Österängen".
// - The message must start with a correction word (nej, nä, oj, förlåt, fel, ändra, rätta,
//   menade, …), then may name the field ("fel dag", "ändra antal") and filler words ("det var",
//   "till", "ska vara"); what follows is read by the log parser (dates, counts, participants,
//   hours, places), so every word it knows is understood the same way in a correction.
// - Without a correction word, a message of nothing but such words ("i fredags", "2 st") is a
//   correction only where a question is open; the caller decides (`lead` says which it was).
// - Anything else after the lead ("nej tack", "nej, ssg") is unclear: the caller asks once.
// Every pattern is anchored at the start of the message and works on whole words.
import type { IsoDate } from './agreement.js';
import { parseLogRequest, type LogProblem, type Vocabulary } from './logRequest.js';
import { fold, words } from './text.js';

/** Minutes after logging an entry in which a correction in words changes it ("right after"). */
export const CORRECTION_WINDOW_MINUTES = 15;

/** True when an entry logged at `loggedAt` (ISO instant) may still be corrected in words at `now`. */
export function withinCorrectionWindow(loggedAt: string, now: Date): boolean {
  const age = now.getTime() - Date.parse(loggedAt);
  return age >= -60_000 && age <= CORRECTION_WINDOW_MINUTES * 60_000;
}

export type CorrectionField = 'date' | 'place' | 'count' | 'participants' | 'hours';

/** What a correction changes; a field left out stays as it was. */
interface CorrectionChange {
  date?: IsoDate;
  place?: string;
  count?: number;
  participants?: number;
  hours?: number;
}

export type CorrectionParse =
  /** Not a correction: no correction word, and not only dates, counts and places. */
  | { kind: 'none' }
  /** `lead`: it began with a correction word ("nej, i fredags"), not only the new value ("i fredags"). */
  | { kind: 'change'; change: CorrectionChange; lead: boolean }
  /** The day named is several ("nej, förra veckan"): the candidate days, oldest first, and the rest. */
  | { kind: 'whichDay'; choices: IsoDate[]; question: LogProblem; change: CorrectionChange; lead: boolean }
  /** A correction word, but nothing that says what to change into ("nej", "fel dag", "nej tack"). */
  | { kind: 'unclear'; field?: CorrectionField }
  /** A value that cannot be stored ("nej, 31 april", "ändra till 0 st"): the log parser's problem. */
  | { kind: 'refused'; problem: LogProblem };

const INTERJECTIONS = new Set(
  ['nej', 'nä', 'näe', 'nää', 'nope', 'oj', 'oops', 'hoppsan', 'ojdå', 'förlåt', 'sorry', 'äh', 'ajdå'].map(fold),
);
const LEADS = new Set(
  ['fel', 'ändra', 'ändring', 'rätta', 'rättelse', 'korrigera', 'byt', 'menade', 'menar'].map(fold),
);
const FILLERS = new Set(
  [
    'då',
    'det',
    'den',
    'var',
    'är',
    'blev',
    'ska',
    'skulle',
    'vara',
    'till',
    'jag',
    'menade',
    'menar',
    'egentligen',
    'alltså',
    'ju',
    'sorry',
    'förlåt',
    'nej',
    'ändra',
    'på',
    'om',
  ].map(fold),
);
const FIELD_WORDS: Readonly<Record<string, CorrectionField>> = Object.fromEntries(
  (
    [
      ['dag', 'date'],
      ['dagen', 'date'],
      ['datum', 'date'],
      ['datumet', 'date'],
      ['plats', 'place'],
      ['platsen', 'place'],
      ['ställe', 'place'],
      ['stället', 'place'],
      ['antal', 'count'],
      ['antalet', 'count'],
      ['siffra', 'count'],
      ['siffran', 'count'],
      ['deltagare', 'participants'],
      ['deltagarantal', 'participants'],
      ['personer', 'participants'],
      ['tid', 'hours'],
      ['tiden', 'hours'],
      ['timmar', 'hours'],
      ['timmarna', 'hours'],
    ] as const
  ).map(([w, f]) => [fold(w), f]),
);

/** No word is an activity's: whatever is left after the lead is either a value or unclear. */
const NO_ACTIVITIES: Vocabulary = { isActivityWord: () => false, isActivityNoun: () => false };

const MAX_PLACE_LENGTH = 80;

function bare(word: string): string {
  return fold(word.replace(/^[,.;:!?–-]+|[,.;:!?–-]+$/gu, ''));
}

/** The lead: how many words it took, whether there was a correction word, and the field it named. */
function readLead(tokens: readonly string[]): { consumed: number; lead: boolean; field?: CorrectionField } {
  let i = 0;
  let lead = false;
  let field: CorrectionField | undefined;
  for (; i < tokens.length; i++) {
    const word = bare(tokens[i] ?? '');
    if (word === '') continue; // a lone dash or comma
    if (INTERJECTIONS.has(word) || LEADS.has(word)) {
      lead = true;
      continue;
    }
    if (lead && field === undefined && FIELD_WORDS[word] !== undefined) {
      field = FIELD_WORDS[word];
      continue;
    }
    if (lead && FILLERS.has(word)) continue;
    break;
  }
  return { consumed: i, lead, ...(field ? { field } : {}) };
}

/** "fel plats, Österängen": the place as the agreement names it, or as written. */
function placeOf(rest: string, places: readonly string[]): string | undefined {
  const written = rest
    .replace(/^(?:i|på|vid)\s+/iu, '')
    .replace(/[.!?,;]+$/u, '')
    .trim();
  if (written === '' || written.length > MAX_PLACE_LENGTH) return undefined;
  return places.find((p) => fold(p) === fold(written)) ?? written;
}

/**
 * Reads a message as a correction of the entry just logged (see the module comment). `today` is
 * the Stockholm day the words count back from; `places` the agreement's place names. Never throws.
 */
export function parseCorrection(text: string, today: IsoDate, places: readonly string[]): CorrectionParse {
  const tokens = words(text.replace(/^\s*\/+/u, ''));
  const { consumed, lead, field } = readLead(tokens);
  const restTokens = tokens.slice(consumed);
  const rest = restTokens.join(' ');
  if (restTokens.length === 0) return lead ? { kind: 'unclear', ...(field ? { field } : {}) } : { kind: 'none' };
  if (field === 'place') {
    // "fel plats, Österängen", "ändra plats till Kungsgatan 12": the rest is the place.
    const place = placeOf(rest, places);
    return place ? { kind: 'change', change: { place }, lead } : { kind: 'unclear', field };
  }

  const parsed = parseLogRequest(rest, today, places, NO_ACTIVITIES);
  if (!parsed.ok && !parsed.whichDay) {
    return lead ? { kind: 'refused', problem: parsed.problem } : { kind: 'none' };
  }
  const request = parsed.ok ? parsed.request : (parsed.whichDay?.request ?? { activityWords: [] });
  const leftover = request.activityWords.length > 0 || request.note !== undefined;
  if (leftover) {
    if (!lead) return { kind: 'none' };
    return { kind: 'unclear', ...(field ? { field } : {}) };
  }
  const change: CorrectionChange = {
    ...(request.date !== undefined ? { date: request.date } : {}),
    ...(request.place !== undefined ? { place: request.place } : {}),
    ...(request.count !== undefined ? { count: request.count } : {}),
    ...(request.participants !== undefined ? { participants: request.participants } : {}),
    ...(request.hours !== undefined ? { hours: request.hours } : {}),
  };
  // "ändra deltagare till 8", "fel tid, 3": a bare number is what the field named.
  if (change.count !== undefined && !/\p{L}/u.test(rest) && (field === 'participants' || field === 'hours')) {
    const value = change.count;
    delete change.count;
    if (field === 'participants') change.participants = value;
    else if (value <= 24) change.hours = value;
    else return { kind: 'unclear', field };
  }
  if (!parsed.ok && parsed.whichDay) {
    return { kind: 'whichDay', choices: parsed.whichDay.choices, question: parsed.problem, change, lead };
  }
  if (Object.keys(change).length === 0)
    return lead ? { kind: 'unclear', ...(field ? { field } : {}) } : { kind: 'none' };
  return { kind: 'change', change, lead };
}
