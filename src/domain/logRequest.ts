// The words after "/logga": <aktivitet> [plats] [datum] [antal] [deltagare] [tid] [anteckning].
// Every token that looks like a date, a time, a number or a count is classified wherever it
// stands, and is either understood or refused with a question; it never slips into the note.
// - Activity words come first; place, date, count, hours and participants may follow in any order.
// - A number counts occasions only with an occasion word ("3 st", "3 ggr", "x3", "tre tillfällen",
//   the activity's own noun "3 krogtillsyner") or alone before the note starts ("krogtillsyn 3").
// - "6 pers", "6 personer", "6 deltagare" are participants.
// - A number with any other noun ("3 krogar", "14 svar") is part of the note; the count stays 1.
// - "kl 19-21", "19.00–21.00" are hours; a lone "kl 22" is a question.
// - The first plain word after the activity starts the note; places are read only before it.
// - Whatever follows ": " is the note as written, unless it holds one of the things above; a bare
//   number there is part of the note ("möte på Storgatan 12"), never a question.
// - Line breaks in the note are kept ("lokal Kungsgatan⏎12 boende kom" stays two lines).
// - Two date words naming the same day are that day ("i fredags 9/10"); two naming different days
//   are asked about, with both days as the choices.
// - The note's length is not checked here: the caller cuts a long one (splitNote) and offers the rest.
import type { IsoDate } from './agreement.js';
import { looksLikeDate, parseDateAt, type DateProblem } from './dateWords.js';
import { numberWord } from './numberWords.js';
import { fold, joinWritten, writtenWords, type WrittenWord } from './text.js';
import { isClockTime, parseTimeAt, type TimeProblem } from './timeOfDay.js';
import { COUNT_UNITS, HOUR_UNITS, MINUTE_UNITS, PARTICIPANT_UNITS } from './units.js';

export const MAX_COUNT = 1000;
export const MAX_HOURS = 24;
export const MAX_PARTICIPANTS = 10_000;
export const MAX_NOTE_LENGTH = 500;
/**
 * The longest log message read (/logga or an activity word first): a pasted note longer than an
 * entry holds is answered with the form and the rest to copy, up to this; other commands read 2,000.
 */
export const MAX_LOG_TEXT_LENGTH = 10_000;

export interface LogRequest {
  activityWords: string[];
  place?: string;
  date?: IsoDate;
  /** Occasions (tillfällen); absent means 1. */
  count?: number;
  hours?: number;
  /** People taking part ("6 deltagare"). */
  participants?: number;
  note?: string;
}

/** What was given twice ("Du angav datum två gånger"). */
export type GivenTwice = 'date' | 'count' | 'hours' | 'participants' | 'place';

/**
 * Why the words after "/logga" cannot be logged as written (rendered by logRequestTexts in
 * src/views/logRequestTexts.ts). `written` is what the user wrote, punctuation trimmed.
 */
export type LogProblem =
  | DateProblem
  | TimeProblem
  /** "25 h", "0 h": hours outside 0 < h ≤ `max`. */
  | { code: 'hours.outOfRange'; written: string; max: number }
  /** "-3", "2,5 st": a count that is no whole number from 1. */
  | { code: 'count.notWhole'; written: string; max: number }
  | { code: 'count.tooLarge'; written: string; max: number }
  | { code: 'participants.notWhole'; written: string; max: number }
  | { code: 'participants.tooLarge'; written: string; max: number }
  /** "19.00" alone: when, not how long. */
  | { code: 'log.clockTime'; written: string }
  /** "19-21" without "kl": a time or a date? `word` is it folded. */
  | { code: 'log.timeOrDate'; written: string; word: string }
  /** "3.14", "14:e" that is no date. */
  | { code: 'date.unreadable'; written: string }
  /** A bare number in the note ("möte 12"): a count, participants or hours? */
  | { code: 'log.bareNumber'; written: string }
  | { code: 'log.givenTwice'; what: GivenTwice }
  /** "i fredags 9/10" naming two different days: asked about. */
  | { code: 'date.differentDays'; first: string; second: string };

/** Days to choose from, with the question (a problem) that asks for one. */
export interface WhichDay {
  choices: IsoDate[];
  problem: LogProblem;
}

export type LogRequestParse =
  | { ok: true; request: LogRequest }
  | {
      ok: false;
      problem: LogProblem;
      /**
       * Present when the only thing missing is which day ("förra veckan", "i helgen", "200314"):
       * the candidate days, oldest first, and everything else that was understood.
       */
      whichDay?: { choices: IsoDate[]; request: LogRequest };
    };

/** What a vocabulary tells the parser about a word; see matching.ts for the real one. */
export interface Vocabulary {
  /** An activity's word or a filler word ("gemensamma", "krogtillsyner", "med"). */
  isActivityWord(word: string): boolean;
  /** An activity's own noun that counts occasions ("3 krogtillsyner", "2 ärenden"). */
  isActivityNoun(word: string): boolean;
}

const PLACE_PREPOSITIONS = new Set(['i', 'pa', 'vid']);
const NOTE_SEPARATORS = new Set(['-', '–', '—', '|', ':']);

type Modifier =
  | { kind: 'date'; date: IsoDate }
  | { kind: 'whichDay'; choices: IsoDate[]; problem: LogProblem }
  | { kind: 'count'; count: number; activityWord?: string }
  | { kind: 'hours'; hours: number }
  | { kind: 'participants'; participants: number }
  | { kind: 'place'; place: string };

type Read = { modifier: Modifier; consumed: number } | { problem: LogProblem } | undefined;

type Phase = 'activity' | 'modifiers' | 'note';

function stripPunctuation(word: string): string {
  return word.replace(/[,.;!?]+$/u, '');
}

function parseNumber(word: string): number | undefined {
  if (!/^-?\d+(?:[.,]\d+)?$/u.test(word)) return undefined;
  return Number(word.replace(',', '.'));
}

function readPlace(
  tokens: readonly string[],
  i: number,
  places: readonly string[],
): { place: string; consumed: number } | undefined {
  const first = tokens[i];
  if (first === undefined) return undefined;
  const head = fold(stripPunctuation(first));
  for (const place of places) {
    const parts = fold(place).split(' ');
    if (parts[0] !== head) continue;
    const slice = tokens.slice(i, i + parts.length).map((t) => fold(stripPunctuation(t)));
    if (slice.length === parts.length && slice.every((t, k) => t === parts[k])) {
      return { place, consumed: parts.length };
    }
  }
  return undefined;
}

interface Context {
  tokens: readonly string[];
  /** Index of the first token after ": ", where a bare number is part of the note. */
  colonNoteStart: number;
  today: IsoDate;
  places: readonly string[];
  vocabulary: Vocabulary;
}

/** A place at i, bare or after "i"/"på"/"vid". */
function readPlaceAt(c: Context, i: number): { place: string; consumed: number } | undefined {
  const place = readPlace(c.tokens, i, c.places);
  if (place) return place;
  if (PLACE_PREPOSITIONS.has(fold(c.tokens[i] ?? ''))) {
    const after = readPlace(c.tokens, i + 1, c.places);
    if (after) return { place: after.place, consumed: after.consumed + 1 };
  }
  return undefined;
}

/** True when a number at i - 1 stands alone: nothing, a separator or another modifier follows. */
function endsPhrase(c: Context, i: number, raw: string): boolean {
  if (/[,;]$/u.test(raw)) return true;
  const next = c.tokens[i];
  if (next === undefined || NOTE_SEPARATORS.has(next)) return true;
  if (/^-?\d/u.test(next)) return true;
  return (
    parseDateAt(c.tokens, i, c.today) !== undefined ||
    parseTimeAt(c.tokens, i) !== undefined ||
    readPlaceAt(c, i) !== undefined
  );
}

function hoursOrProblem(value: number, minutes: boolean, written: string): { problem: LogProblem } | { hours: number } {
  // Rounded before the check, so "0,001 h" is refused rather than stored as 0 h.
  const hours = Math.round((minutes ? value / 60 : value) * 100) / 100;
  if (!(hours > 0) || hours > MAX_HOURS) return { problem: { code: 'hours.outOfRange', written, max: MAX_HOURS } };
  return { hours };
}

/** A count or participants read at i, or why it cannot be logged. */
function countRead(
  value: number,
  written: string,
  of: 'count' | 'participants',
  read: Modifier,
  consumed: number,
): Read {
  const max = of === 'count' ? MAX_COUNT : MAX_PARTICIPANTS;
  if (!Number.isInteger(value) || value < 1) return { problem: { code: `${of}.notWhole`, written, max } };
  if (value > max) return { problem: { code: `${of}.tooLarge`, written, max } };
  return { modifier: read, consumed };
}

/** A number at a token, glued to its unit ("2h", "3st", "x3") or with the unit as the next word. */
interface Amount {
  raw: string;
  word: string;
  nextRaw: string;
  next: string;
  glued: boolean;
  value: number | undefined;
  unit: string;
  unitConsumed: number;
  written: string;
}

function amountAt(tokens: readonly string[], i: number): Amount {
  const raw = tokens[i] ?? '';
  const word = fold(stripPunctuation(raw));
  const nextRaw = tokens[i + 1] ?? '';
  const next = fold(stripPunctuation(nextRaw));
  // "2h", "1,5h", "90min", "3st", "6pers", "x3", "3x".
  const glued = /^(-?\d+(?:[.,]\d+)?)(h|tim|min|st|x|pers)$/u.exec(word) ?? /^(x)(\d+)$/u.exec(word);
  const digits = glued ? (glued[1] === 'x' ? parseNumber(glued[2] ?? '') : parseNumber(glued[1] ?? '')) : undefined;
  return {
    raw,
    word,
    nextRaw,
    next,
    glued: glued !== null,
    value: digits ?? parseNumber(word) ?? (glued ? undefined : numberWord(word)),
    unit: glued ? (glued[1] === 'x' ? 'x' : (glued[2] ?? '')) : next,
    unitConsumed: glued ? 1 : 2,
    written: glued ? raw : `${raw} ${nextRaw}`,
  };
}

function readModifier(c: Context, i: number, phase: Phase): Read {
  const time = parseTimeAt(c.tokens, i);
  if (time) {
    return time.ok ? { modifier: { kind: 'hours', hours: time.hours }, consumed: time.consumed } : time;
  }
  const amount = amountAt(c.tokens, i);
  // Hours before dates: "1.5 tim" is an hour and a half, not the 1st of May.
  if (amount.value !== undefined && (HOUR_UNITS.has(amount.unit) || MINUTE_UNITS.has(amount.unit))) {
    const hours = hoursOrProblem(amount.value, MINUTE_UNITS.has(amount.unit), stripPunctuation(amount.written));
    return 'problem' in hours
      ? hours
      : { modifier: { kind: 'hours', hours: hours.hours }, consumed: amount.unitConsumed };
  }
  const date = dateRead(c, i);
  if (date) return date;
  if (phase !== 'note') {
    const place = readPlaceAt(c, i);
    if (place) return { modifier: { kind: 'place', place: place.place }, consumed: place.consumed };
  }
  if (amount.value === undefined) return unreadWord(amount);
  return numberRead(c, i, phase, { ...amount, value: amount.value });
}

function dateRead(c: Context, i: number): Read {
  const date = parseDateAt(c.tokens, i, c.today);
  if (!date) return undefined;
  if (date.ok) return { modifier: { kind: 'date', date: date.date }, consumed: date.consumed };
  if (date.choices && date.choices.length > 0) {
    return { modifier: { kind: 'whichDay', choices: date.choices, problem: date.problem }, consumed: date.consumed };
  }
  return { problem: date.problem };
}

/** A word that is no number: refused when it looks like a time or a date, else none of ours. */
function unreadWord({ raw, word }: Amount): Read {
  const written = stripPunctuation(raw);
  if (isClockTime(word)) return { problem: { code: 'log.clockTime', written } };
  if (/^\d{1,2}[-–]\d{1,2}$/u.test(word)) return { problem: { code: 'log.timeOrDate', written, word } };
  if (looksLikeDate(raw)) return { problem: { code: 'date.unreadable', written } };
  return undefined;
}

/** A number with a count or participant unit, an activity's noun, or alone. */
function numberRead(c: Context, i: number, phase: Phase, amount: Amount & { value: number }): Read {
  const { value, unit, raw } = amount;
  const written = stripPunctuation(raw);
  if (COUNT_UNITS.has(unit))
    return countRead(value, written, 'count', { kind: 'count', count: value }, amount.unitConsumed);
  if (PARTICIPANT_UNITS.has(unit)) {
    return countRead(
      value,
      written,
      'participants',
      { kind: 'participants', participants: value },
      amount.unitConsumed,
    );
  }
  if (!amount.glued && c.vocabulary.isActivityNoun(amount.next)) {
    return countRead(value, written, 'count', { kind: 'count', count: value, activityWord: amount.nextRaw }, 2);
  }
  // A number word without a unit is just a word ("en kväll").
  if (parseNumber(amount.word) === undefined) return undefined;
  if (!endsPhrase(c, i + 1, raw)) return undefined; // "3 krogar": part of the note.
  // After a colon a bare number is the note's ("möte på Storgatan 12").
  if (i >= c.colonNoteStart) return undefined;
  if (phase === 'note') return { problem: { code: 'log.bareNumber', written } };
  return countRead(value, written, 'count', { kind: 'count', count: value }, 1);
}

const alwaysActivity: Vocabulary = { isActivityWord: () => true, isActivityNoun: () => false };

/** What the walk over the tokens has read so far. */
interface Walk {
  request: LogRequest;
  noteIndexes: number[];
  whichDay: WhichDay | undefined;
  dateWritten: string;
  typedInExplicitNote: boolean;
  phase: Phase;
}

/**
 * Parses the words after "/logga". `places` are the known place names (for "Öxnehaga", "på
 * Öxnehaga"); `vocabulary` tells the activity's words from the first word of a note
 * ("krogtillsyn lugn kväll") and names the activity's own nouns ("3 krogtillsyner"). A function
 * is read as `isActivityWord` with no nouns. Never throws; a refusal is a LogProblem.
 */
export function parseLogRequest(
  args: string,
  today: IsoDate,
  places: readonly string[],
  vocabulary: Vocabulary | ((word: string) => boolean) = alwaysActivity,
): LogRequestParse {
  const vocab: Vocabulary =
    typeof vocabulary === 'function' ? { isActivityWord: vocabulary, isActivityNoun: () => false } : vocabulary;
  const { text, explicitNote } = splitAtColon(args);
  const mainWritten = writtenWords(text);
  const written = [...mainWritten, ...(explicitNote ? writtenWords(explicitNote) : [])];
  const tokens = written.map((w) => w.word);
  // Longer place names first, so "Öxnehaga torg" wins over "Öxnehaga".
  const knownPlaces = [...places].sort((a, b) => b.length - a.length);
  const c: Context = { tokens, colonNoteStart: mainWritten.length, today, places: knownPlaces, vocabulary: vocab };
  const walk = walkTokens(c);
  if ('problem' in walk) return { ok: false, problem: walk.problem };
  const { request, whichDay } = walk;
  const note = noteOf(walk, written, c.colonNoteStart, explicitNote);
  if (note.length > 0) request.note = note;
  if (whichDay) return { ok: false, problem: whichDay.problem, whichDay: { choices: whichDay.choices, request } };
  return { ok: true, request };
}

/** "krogtillsyn igår: lugn kväll": whatever follows a colon is the note, as written. */
function splitAtColon(args: string): { text: string; explicitNote: string | undefined } {
  const colon = /:\s/u.exec(args) ?? /:$/u.exec(args);
  if (!colon) return { text: args, explicitNote: undefined };
  return { text: args.slice(0, colon.index), explicitNote: args.slice(colon.index + 1).trim() };
}

/** Reads every token: a modifier, an activity word or a word of the note; or the first problem. */
function walkTokens(c: Context): Walk | { problem: LogProblem } {
  const walk: Walk = {
    request: { activityWords: [] },
    noteIndexes: [],
    whichDay: undefined,
    dateWritten: '',
    typedInExplicitNote: false,
    phase: 'activity',
  };
  let i = 0;
  while (i < c.tokens.length) {
    if (i === c.colonNoteStart) walk.phase = 'note';
    const token = c.tokens[i] ?? '';
    if (NOTE_SEPARATORS.has(token)) {
      walk.phase = 'note';
      i += 1;
      continue;
    }
    const read = readModifier(c, i, walk.phase);
    if (read && 'problem' in read) return read;
    if (read) {
      const words = c.tokens.slice(i, i + read.consumed).join(' ');
      const problem = applyModifier(walk, read.modifier, words, i >= c.colonNoteStart);
      if (problem) return { problem };
      i += read.consumed;
      continue;
    }
    addWord(walk, c, i, token);
    i += 1;
  }
  return walk;
}

/** A word that is no modifier: an activity word while those last, else the note's. */
function addWord(walk: Walk, c: Context, i: number, token: string): void {
  const { request } = walk;
  if (i >= c.colonNoteStart) {
    walk.noteIndexes.push(i);
  } else if (walk.phase === 'activity' && (request.activityWords.length === 0 || c.vocabulary.isActivityWord(token))) {
    request.activityWords.push(token);
  } else {
    walk.phase = 'note';
    walk.noteIndexes.push(i);
  }
}

/** Puts a modifier into the request; a problem when it was given already. */
function applyModifier(walk: Walk, m: Modifier, words: string, inColonNote: boolean): LogProblem | undefined {
  const { request } = walk;
  if (m.kind === 'date' || m.kind === 'whichDay') {
    const both = secondDate(request.date, walk.whichDay, m, walk.dateWritten, words);
    if (both) {
      if (both.kind === 'problem') return both.problem;
      delete request.date;
      walk.whichDay = both.kind === 'date' ? undefined : { choices: both.choices, problem: both.problem };
      if (both.kind === 'date') request.date = both.date;
      walk.dateWritten = `${walk.dateWritten} ${words}`;
      if (inColonNote) walk.typedInExplicitNote = true;
      return undefined;
    }
    walk.dateWritten = words;
  }
  if (given(walk, m.kind) !== undefined) return { code: 'log.givenTwice', what: givenKind(m.kind) };
  setModifier(walk, m);
  if (inColonNote) walk.typedInExplicitNote = true;
  // Modifiers before any activity word ("/logga igår krogtillsyn") keep the activity phase open.
  if (walk.phase === 'activity' && request.activityWords.length > 0) walk.phase = 'modifiers';
  return undefined;
}

/** What the request holds already of this kind of modifier. */
function given(walk: Walk, kind: Modifier['kind']): unknown {
  const { request } = walk;
  switch (kind) {
    case 'date':
    case 'whichDay':
      return request.date ?? walk.whichDay;
    case 'count':
      return request.count;
    case 'hours':
      return request.hours;
    case 'participants':
      return request.participants;
    case 'place':
      return request.place;
  }
}

function setModifier(walk: Walk, m: Modifier): void {
  const { request } = walk;
  if (m.kind === 'date') request.date = m.date;
  if (m.kind === 'whichDay') walk.whichDay = { choices: m.choices, problem: m.problem };
  if (m.kind === 'count') {
    request.count = m.count;
    // "3 krogtillsyner" before any activity word names the activity too.
    if (m.activityWord !== undefined && request.activityWords.length === 0) request.activityWords.push(m.activityWord);
  }
  if (m.kind === 'hours') request.hours = m.hours;
  if (m.kind === 'participants') request.participants = m.participants;
  if (m.kind === 'place') request.place = m.place;
}

/** The note: the free words and the colon note, or (a modifier typed in it) the colon note's words. */
function noteOf(
  walk: Walk,
  written: readonly WrittenWord[],
  colonNoteStart: number,
  explicitNote: string | undefined,
): string {
  const noteTokenCount = written.length - colonNoteStart;
  const noteWords = noteWordsAsWritten(written, walk.noteIndexes, colonNoteStart);
  const { typedInExplicitNote } = walk;
  const freeNote = joinWritten(noteWords.slice(0, noteWords.length - (typedInExplicitNote ? 0 : noteTokenCount)));
  // An explicit note with nothing typed in it is kept exactly as written (spaces and all).
  const colonNote = typedInExplicitNote ? '' : (explicitNote ?? '');
  return (
    typedInExplicitNote ? joinWritten(noteWords) : [freeNote, colonNote].filter((s) => s.length > 0).join(' ')
  ).trim();
}

/**
 * The note's words with the line breaks that stood between them: a modifier read from the middle
 * of the note ("lugnt⏎6 pers⏎trött") leaves its line break to the words around it. The free note
 * and the colon note meet with a space.
 */
function noteWordsAsWritten(
  written: readonly WrittenWord[],
  indexes: readonly number[],
  colonNoteStart: number,
): WrittenWord[] {
  return indexes.map((index, k) => {
    const previous = indexes[k - 1];
    if (previous === undefined || (previous < colonNoteStart && index >= colonNoteStart)) {
      return { word: written[index]?.word ?? '', breaksBefore: 0 };
    }
    const between = written.slice(previous + 1, index + 1).map((w) => w.breaksBefore);
    return { word: written[index]?.word ?? '', breaksBefore: Math.max(0, ...between) };
  });
}

type SecondDate =
  | { kind: 'date'; date: IsoDate }
  | { kind: 'whichDay'; choices: IsoDate[]; problem: LogProblem }
  | { kind: 'problem'; problem: LogProblem };

/**
 * A second date expression, when one was read already: the same day ("i fredags 9/10") is that
 * day; a day among the first one's candidates ("förra veckan i fredags") is that day; two
 * different days are asked about, both as choices. Undefined when this is the first.
 */
function secondDate(
  date: IsoDate | undefined,
  whichDay: WhichDay | undefined,
  m: Extract<Modifier, { kind: 'date' | 'whichDay' }>,
  firstWritten: string,
  written: string,
): SecondDate | undefined {
  if (date === undefined && whichDay === undefined) return undefined;
  if (m.kind === 'date') {
    if (date === m.date) return { kind: 'date', date };
    if (whichDay?.choices.includes(m.date)) return { kind: 'date', date: m.date };
  } else if (date !== undefined && m.choices.includes(date)) {
    return { kind: 'date', date };
  }
  if (date !== undefined && m.kind === 'date') {
    const choices = [date, m.date].sort();
    return {
      kind: 'whichDay',
      choices,
      problem: { code: 'date.differentDays', first: stripPunctuation(firstWritten), second: stripPunctuation(written) },
    };
  }
  return { kind: 'problem', problem: { code: 'log.givenTwice', what: 'date' } };
}

function givenKind(kind: Modifier['kind']): GivenTwice {
  return kind === 'whichDay' ? 'date' : kind;
}

/**
 * A note cut to fit MAX_NOTE_LENGTH (or `max`), at the last space or line break in its final
 * fifth when there is one, never inside a surrogate pair; `rest` is what did not fit, trimmed
 * ('' when the note fits).
 */
export function splitNote(note: string, max = MAX_NOTE_LENGTH): { kept: string; rest: string } {
  if (note.length <= max) return { kept: note, rest: '' };
  let cut = max;
  // Never split an emoji or another character outside the basic plane.
  const last = note.charCodeAt(cut - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut -= 1;
  const head = note.slice(0, cut);
  const space = Math.max(head.lastIndexOf(' '), head.lastIndexOf('\n'));
  if (space >= Math.floor(max * 0.8) && !/\s/u.test(note[cut] ?? '')) cut = space;
  return { kept: note.slice(0, cut).trimEnd(), rest: note.slice(cut).trim() };
}
