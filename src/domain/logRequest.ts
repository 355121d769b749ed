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
import { DATE_HINT, looksLikeDate, parseDateAt } from './dateWords.js';
import { numberWord } from './numberWords.js';
import { fold, joinWritten, writtenWords, type WrittenWord } from './text.js';
import { isClockTime, parseTimeAt } from './timeOfDay.js';
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

export type LogRequestParse =
  | { ok: true; request: LogRequest }
  | {
      ok: false;
      error: string;
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
  | { kind: 'whichDay'; choices: IsoDate[]; error: string }
  | { kind: 'count'; count: number; activityWord?: string }
  | { kind: 'hours'; hours: number }
  | { kind: 'participants'; participants: number }
  | { kind: 'place'; place: string };

type Read = { modifier: Modifier; consumed: number } | { error: string } | undefined;

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

function hoursOrError(value: number, minutes: boolean, written: string): { error: string } | { hours: number } {
  // Rounded before the check, so "0,001 h" is refused rather than stored as 0 h.
  const hours = Math.round((minutes ? value / 60 : value) * 100) / 100;
  if (!(hours > 0) || hours > MAX_HOURS) {
    return {
      error: `Tiden "${written}" går inte att logga: skriv en tid över 0 och högst ${MAX_HOURS} timmar, t.ex. "2 h".`,
    };
  }
  return { hours };
}

function countOrError(value: number, written: string, max: number, what: 'Antalet' | 'Antalet deltagare'): Read {
  if (!Number.isInteger(value) || value < 1) {
    return { error: `${what} "${written}" går inte att logga: skriv ett heltal från 1 till ${max}, t.ex. "3".` };
  }
  if (value > max) return { error: `${what} ${written} är orimligt stort: högst ${max} per loggning.` };
  return undefined;
}

function readModifier(c: Context, i: number, phase: Phase): Read {
  const { tokens } = c;
  const raw = tokens[i] ?? '';
  const word = fold(stripPunctuation(raw));
  const nextRaw = tokens[i + 1] ?? '';
  const next = fold(stripPunctuation(nextRaw));

  const time = parseTimeAt(tokens, i);
  if (time) return time.ok ? { modifier: { kind: 'hours', hours: time.hours }, consumed: time.consumed } : time;

  // "2h", "1,5h", "90min", "3st", "6pers", "x3", "3x".
  const glued = /^(-?\d+(?:[.,]\d+)?)(h|tim|min|st|x|pers)$/u.exec(word) ?? /^(x)(\d+)$/u.exec(word);
  const digits = glued ? (glued[1] === 'x' ? parseNumber(glued[2] ?? '') : parseNumber(glued[1] ?? '')) : undefined;
  const value = digits ?? parseNumber(word) ?? (glued ? undefined : numberWord(word));
  const unit = glued ? (glued[1] === 'x' ? 'x' : (glued[2] ?? '')) : next;
  const unitConsumed = glued ? 1 : 2;
  const written = glued ? raw : `${raw} ${nextRaw}`;

  // Hours before dates: "1.5 tim" is an hour and a half, not the 1st of May.
  if (value !== undefined && (HOUR_UNITS.has(unit) || MINUTE_UNITS.has(unit))) {
    const hours = hoursOrError(value, MINUTE_UNITS.has(unit), stripPunctuation(written));
    return 'error' in hours ? hours : { modifier: { kind: 'hours', hours: hours.hours }, consumed: unitConsumed };
  }

  const date = parseDateAt(tokens, i, c.today);
  if (date) {
    if (date.ok) return { modifier: { kind: 'date', date: date.date }, consumed: date.consumed };
    if (date.choices && date.choices.length > 0) {
      return { modifier: { kind: 'whichDay', choices: date.choices, error: date.error }, consumed: date.consumed };
    }
    return { error: date.error };
  }

  if (phase !== 'note') {
    const place = readPlaceAt(c, i);
    if (place) return { modifier: { kind: 'place', place: place.place }, consumed: place.consumed };
  }

  if (value === undefined) {
    if (isClockTime(word)) {
      return {
        error: `Klockslaget "${stripPunctuation(raw)}" säger när, inte hur länge. Skriv t.ex. kl 19-21 eller 2 h.`,
      };
    }
    if (/^\d{1,2}[-–]\d{1,2}$/u.test(word)) {
      return {
        error: `Jag förstår inte "${stripPunctuation(raw)}". Är det en tid, skriv kl ${word}; är det ett datum, skriv t.ex. 14/3 eller 14 mars.`,
      };
    }
    if (looksLikeDate(raw)) return { error: `Jag förstår inte datumet "${stripPunctuation(raw)}". ${DATE_HINT}` };
    return undefined;
  }

  if (COUNT_UNITS.has(unit)) {
    return (
      countOrError(value, stripPunctuation(raw), MAX_COUNT, 'Antalet') ?? {
        modifier: { kind: 'count', count: value },
        consumed: unitConsumed,
      }
    );
  }
  if (PARTICIPANT_UNITS.has(unit)) {
    return (
      countOrError(value, stripPunctuation(raw), MAX_PARTICIPANTS, 'Antalet deltagare') ?? {
        modifier: { kind: 'participants', participants: value },
        consumed: unitConsumed,
      }
    );
  }
  if (!glued && c.vocabulary.isActivityNoun(next)) {
    return (
      countOrError(value, stripPunctuation(raw), MAX_COUNT, 'Antalet') ?? {
        modifier: { kind: 'count', count: value, activityWord: nextRaw },
        consumed: 2,
      }
    );
  }
  // A number word without a unit is just a word ("en kväll").
  if (parseNumber(word) === undefined) return undefined;
  if (!endsPhrase(c, i + 1, raw)) return undefined; // "3 krogar": part of the note.
  // After a colon a bare number is the note's ("möte på Storgatan 12").
  if (i >= c.colonNoteStart) return undefined;
  if (phase === 'note') {
    return {
      error: `Vad betyder "${stripPunctuation(raw)}"? Skriv "${stripPunctuation(raw)} st" för antal gånger, "${stripPunctuation(raw)} pers" för deltagare eller "${stripPunctuation(raw)} h" för tid.`,
    };
  }
  return (
    countOrError(value, stripPunctuation(raw), MAX_COUNT, 'Antalet') ?? {
      modifier: { kind: 'count', count: value },
      consumed: 1,
    }
  );
}

const alwaysActivity: Vocabulary = { isActivityWord: () => true, isActivityNoun: () => false };

/**
 * Parses the words after "/logga". `places` are the known place names (for "Öxnehaga", "på
 * Öxnehaga"); `vocabulary` tells the activity's words from the first word of a note
 * ("krogtillsyn lugn kväll") and names the activity's own nouns ("3 krogtillsyner"). A function
 * is read as `isActivityWord` with no nouns. Never throws; refusals are Swedish sentences.
 */
export function parseLogRequest(
  args: string,
  today: IsoDate,
  places: readonly string[],
  vocabulary: Vocabulary | ((word: string) => boolean) = alwaysActivity,
): LogRequestParse {
  const vocab: Vocabulary =
    typeof vocabulary === 'function' ? { isActivityWord: vocabulary, isActivityNoun: () => false } : vocabulary;
  let text = args;
  let explicitNote: string | undefined;
  // "krogtillsyn igår: lugn kväll" — whatever follows a colon is the note, as written.
  const colon = /:\s/u.exec(text) ?? /:$/u.exec(text);
  if (colon) {
    explicitNote = text.slice(colon.index + 1).trim();
    text = text.slice(0, colon.index);
  }
  const mainWritten = writtenWords(text);
  const written = [...mainWritten, ...(explicitNote ? writtenWords(explicitNote) : [])];
  const mainTokens = mainWritten.map((w) => w.word);
  const noteTokens = written.slice(mainWritten.length).map((w) => w.word);
  const tokens = [...mainTokens, ...noteTokens];
  // Longer place names first, so "Öxnehaga torg" wins over "Öxnehaga".
  const knownPlaces = [...places].sort((a, b) => b.length - a.length);
  const c: Context = { tokens, colonNoteStart: mainTokens.length, today, places: knownPlaces, vocabulary: vocab };
  const request: LogRequest = { activityWords: [] };
  const noteIndexes: number[] = [];
  let whichDay: { choices: IsoDate[]; error: string } | undefined;
  let dateWritten = '';
  let typedInExplicitNote = false;
  let phase: Phase = 'activity';

  let i = 0;
  while (i < tokens.length) {
    if (i === mainTokens.length) phase = 'note';
    const token = tokens[i] ?? '';
    if (NOTE_SEPARATORS.has(token)) {
      phase = 'note';
      i += 1;
      continue;
    }
    const read = readModifier(c, i, phase);
    if (read && 'error' in read) return { ok: false, error: read.error };
    if (read) {
      const m = read.modifier;
      const words = tokens.slice(i, i + read.consumed).join(' ');
      if (m.kind === 'date' || m.kind === 'whichDay') {
        const both = secondDate(request.date, whichDay, m, dateWritten, words);
        if (both) {
          if (both.kind === 'error') return { ok: false, error: both.error };
          delete request.date;
          whichDay = undefined;
          if (both.kind === 'date') request.date = both.date;
          else whichDay = { choices: both.choices, error: both.error };
          dateWritten = `${dateWritten} ${words}`;
          if (i >= mainTokens.length) typedInExplicitNote = true;
          i += read.consumed;
          continue;
        }
        dateWritten = words;
      }
      const already =
        m.kind === 'date' || m.kind === 'whichDay'
          ? (request.date ?? whichDay)
          : m.kind === 'count'
            ? request.count
            : m.kind === 'hours'
              ? request.hours
              : m.kind === 'participants'
                ? request.participants
                : request.place;
      if (already !== undefined) {
        return {
          ok: false,
          error: `Du angav ${modifierName(m.kind)} två gånger. Skriv ${modifierName(m.kind)} en gång.`,
        };
      }
      if (m.kind === 'date') request.date = m.date;
      if (m.kind === 'whichDay') whichDay = { choices: m.choices, error: m.error };
      if (m.kind === 'count') {
        request.count = m.count;
        // "3 krogtillsyner" before any activity word names the activity too.
        if (m.activityWord !== undefined && request.activityWords.length === 0)
          request.activityWords.push(m.activityWord);
      }
      if (m.kind === 'hours') request.hours = m.hours;
      if (m.kind === 'participants') request.participants = m.participants;
      if (m.kind === 'place') request.place = m.place;
      if (i >= mainTokens.length) typedInExplicitNote = true;
      // Modifiers before any activity word ("/logga igår krogtillsyn") keep the activity phase open.
      if (phase === 'activity' && request.activityWords.length > 0) phase = 'modifiers';
      i += read.consumed;
      continue;
    }
    if (i >= mainTokens.length) {
      noteIndexes.push(i);
    } else if (phase === 'activity' && (request.activityWords.length === 0 || vocab.isActivityWord(token))) {
      request.activityWords.push(token);
    } else {
      phase = 'note';
      noteIndexes.push(i);
    }
    i += 1;
  }
  const noteWords = noteWordsAsWritten(written, noteIndexes, mainTokens.length);
  const freeNote = joinWritten(noteWords.slice(0, noteWords.length - (typedInExplicitNote ? 0 : noteTokens.length)));
  // An explicit note with nothing typed in it is kept exactly as written (spaces and all).
  const colonNote = typedInExplicitNote ? '' : (explicitNote ?? '');
  const note = (
    typedInExplicitNote ? joinWritten(noteWords) : [freeNote, colonNote].filter((s) => s.length > 0).join(' ')
  ).trim();
  if (note.length > 0) request.note = note;
  if (whichDay) return { ok: false, error: whichDay.error, whichDay: { choices: whichDay.choices, request } };
  return { ok: true, request };
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
  | { kind: 'whichDay'; choices: IsoDate[]; error: string }
  | { kind: 'error'; error: string };

/**
 * A second date expression, when one was read already: the same day ("i fredags 9/10") is that
 * day; a day among the first one's candidates ("förra veckan i fredags") is that day; two
 * different days are asked about, both as choices. Undefined when this is the first.
 */
function secondDate(
  date: IsoDate | undefined,
  whichDay: { choices: IsoDate[]; error: string } | undefined,
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
      error: `"${stripPunctuation(firstWritten)}" och "${stripPunctuation(written)}" är olika dagar. Vilken menar du?`,
    };
  }
  return {
    kind: 'error',
    error: `Du angav ${modifierName(m.kind)} två gånger. Skriv ${modifierName(m.kind)} en gång.`,
  };
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

function modifierName(kind: Modifier['kind']): string {
  switch (kind) {
    case 'date':
    case 'whichDay':
      return 'datum';
    case 'count':
      return 'antal';
    case 'hours':
      return 'tid';
    case 'participants':
      return 'antal deltagare';
    case 'place':
      return 'plats';
  }
}
