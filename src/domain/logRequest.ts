// The words after "/logga": <aktivitet> [plats] [datum] [antal] [anteckning].
// Activity words come first; place, date, count and hours may follow in any order; the first
// plain word after those starts the note, and from there on nothing is read as a modifier, so
// "pratade med 3 ungdomar" stays a note and does not become a count of 3.
import type { IsoDate } from './agreement.js';
import { parseDateAt } from './dateWords.js';
import { fold, words as splitWords } from './text.js';

export const MAX_COUNT = 1000;
export const MAX_HOURS = 24;
export const MAX_NOTE_LENGTH = 500;

export interface LogRequest {
  activityWords: string[];
  place?: string;
  date?: IsoDate;
  count?: number;
  hours?: number;
  note?: string;
}

export type LogRequestParse = { ok: true; request: LogRequest } | { ok: false; error: string };

const COUNT_UNITS = new Set(
  ['st', 'stycken', 'ggr', 'gang', 'ganger', 'tillfallen', 'tillfalle', 'arenden', 'arende', 'pass', 'x'].map(fold),
);
const HOUR_UNITS = new Set(['h', 'tim', 'timme', 'timmar', 't']);
const MINUTE_UNITS = new Set(['min', 'minuter', 'm']);
const PLACE_PREPOSITIONS = new Set(['i', 'pa', 'vid']);
const NOTE_SEPARATORS = new Set(['-', '–', '—', '|', ':']);

type Modifier =
  | { kind: 'date'; date: IsoDate }
  | { kind: 'count'; count: number }
  | { kind: 'hours'; hours: number }
  | { kind: 'place'; place: string };

type Read = { modifier: Modifier; consumed: number } | { error: string } | undefined;

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
  for (const place of places) {
    const parts = fold(place).split(' ');
    const slice = tokens.slice(i, i + parts.length).map((t) => fold(stripPunctuation(t)));
    if (slice.length === parts.length && slice.every((t, k) => t === parts[k])) {
      return { place, consumed: parts.length };
    }
  }
  return undefined;
}

function readModifier(tokens: readonly string[], i: number, today: IsoDate, places: readonly string[]): Read {
  const raw = tokens[i] ?? '';
  const word = fold(stripPunctuation(raw));
  const next = fold(stripPunctuation(tokens[i + 1] ?? ''));

  const date = parseDateAt(tokens, i, today);
  if (date)
    return date.ok ? { modifier: { kind: 'date', date: date.date }, consumed: date.consumed } : { error: date.error };

  const place = readPlace(tokens, i, places);
  if (place) return { modifier: { kind: 'place', place: place.place }, consumed: place.consumed };
  if (PLACE_PREPOSITIONS.has(word)) {
    const after = readPlace(tokens, i + 1, places);
    if (after) return { modifier: { kind: 'place', place: after.place }, consumed: after.consumed + 1 };
  }

  // "2h", "1,5h", "90min", "3st", "x3", "3x"
  const glued = /^(-?\d+(?:[.,]\d+)?)(h|tim|min|st|x)$/u.exec(word) ?? /^(x)(\d+)$/u.exec(word);
  const value = glued
    ? glued[1] === 'x'
      ? parseNumber(glued[2] ?? '')
      : parseNumber(glued[1] ?? '')
    : parseNumber(word);
  if (value === undefined) return undefined;
  const unit = glued ? (glued[1] === 'x' ? 'x' : (glued[2] ?? '')) : next;
  const consumed = glued ? 1 : HOUR_UNITS.has(next) || MINUTE_UNITS.has(next) || COUNT_UNITS.has(next) ? 2 : 1;

  if (HOUR_UNITS.has(unit) || MINUTE_UNITS.has(unit)) {
    // Rounded before the check, so "0,001 h" is refused rather than stored as 0 h.
    const hours = Math.round((MINUTE_UNITS.has(unit) ? value / 60 : value) * 100) / 100;
    if (!(hours > 0) || hours > MAX_HOURS) {
      return {
        error: `Tiden "${raw}${consumed === 2 ? ' ' + (tokens[i + 1] ?? '') : ''}" går inte att logga: skriv en tid över 0 och högst ${MAX_HOURS} timmar, t.ex. "2 h".`,
      };
    }
    return { modifier: { kind: 'hours', hours }, consumed };
  }
  if (!Number.isInteger(value) || value < 1) {
    return { error: `Antalet "${raw}" går inte att logga: skriv ett heltal från 1 till ${MAX_COUNT}, t.ex. "3".` };
  }
  if (value > MAX_COUNT) {
    return { error: `Antalet ${raw} är orimligt stort: högst ${MAX_COUNT} per loggning.` };
  }
  return { modifier: { kind: 'count', count: value }, consumed };
}

/**
 * Parses the words after "/logga". `places` are the known place names (for "Öxnehaga", "på Öxnehaga");
 * `isActivityWord` tells the activity's words from the first word of a note ("krogtillsyn lugn kväll").
 */
export function parseLogRequest(
  args: string,
  today: IsoDate,
  places: readonly string[],
  isActivityWord: (word: string) => boolean = () => true,
): LogRequestParse {
  let text = args;
  let explicitNote: string | undefined;
  // "krogtillsyn igår: lugn kväll" — whatever follows a colon is the note, as written.
  const colon = /:\s/u.exec(text) ?? /:$/u.exec(text);
  if (colon) {
    explicitNote = text.slice(colon.index + 1).trim();
    text = text.slice(0, colon.index);
  }
  const tokens = splitWords(text);
  // Longer place names first, so "Öxnehaga torg" wins over "Öxnehaga".
  const knownPlaces = [...places].sort((a, b) => b.length - a.length);
  const request: LogRequest = { activityWords: [] };
  const noteWords: string[] = [];
  let phase: 'activity' | 'modifiers' | 'note' = 'activity';

  let i = 0;
  while (i < tokens.length) {
    const token = tokens[i] ?? '';
    if (phase !== 'note' && NOTE_SEPARATORS.has(token)) {
      phase = 'note';
      i += 1;
      continue;
    }
    if (phase !== 'note') {
      const read = readModifier(tokens, i, today, knownPlaces);
      if (read && 'error' in read) return { ok: false, error: read.error };
      if (read) {
        const m = read.modifier;
        const already =
          m.kind === 'date'
            ? request.date
            : m.kind === 'count'
              ? request.count
              : m.kind === 'hours'
                ? request.hours
                : request.place;
        if (already !== undefined) {
          return {
            ok: false,
            error: `Du angav ${modifierName(m.kind)} två gånger. Skriv ${modifierName(m.kind)} en gång.`,
          };
        }
        if (m.kind === 'date') request.date = m.date;
        if (m.kind === 'count') request.count = m.count;
        if (m.kind === 'hours') request.hours = m.hours;
        if (m.kind === 'place') request.place = m.place;
        // Modifiers before any activity word ("/logga igår krogtillsyn") keep the activity phase open.
        if (request.activityWords.length > 0) phase = 'modifiers';
        i += read.consumed;
        continue;
      }
    }
    if (phase === 'activity' && (request.activityWords.length === 0 || isActivityWord(token))) {
      request.activityWords.push(token);
    } else {
      phase = 'note';
      noteWords.push(token);
    }
    i += 1;
  }
  const note = [noteWords.join(' '), explicitNote ?? '']
    .filter((s) => s.length > 0)
    .join(' ')
    .trim();
  if (note.length > MAX_NOTE_LENGTH) {
    return {
      ok: false,
      error: `Anteckningen är för lång (${note.length} tecken). Skriv högst ${MAX_NOTE_LENGTH} tecken.`,
    };
  }
  if (note.length > 0) request.note = note;
  return { ok: true, request };
}

function modifierName(kind: Modifier['kind']): string {
  switch (kind) {
    case 'date':
      return 'datum';
    case 'count':
      return 'antal';
    case 'hours':
      return 'tid';
    case 'place':
      return 'plats';
  }
}
