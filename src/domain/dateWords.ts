// Swedish date words in a command: "idag", "i går", "i förrgår", "torsdag", "i måndags",
// "2020-03-14", "14/3", "14/3-2020", "14 mars", "den 3 okt 2020". The command parser walks its
// tokens and asks, at each position, whether a date expression starts there.
//
// Rules:
// - Relative words and weekday names count back from `today`; a weekday name is the latest such
//   day on or before today (today itself counts); "i måndags" is always a past day, so said on a
//   Monday it means a week ago.
// - A day and month without a year is the latest such date on or before today
//   (today 2026-01-08: "28/12" → 2025-12-28; "29/2" → the latest leap day).
// - ISO dates and dates with an explicit year are returned as written, even in the future; the
//   caller decides what to refuse.
// - A date that has the shape of a date but does not exist ("2020-02-30", "32 mars", "14/13")
//   is `{ ok: false }` with a problem naming what was written, and `consumed` says how
//   many tokens it took, so the caller can skip them.
// - Ordinals ("den 14:e mars", "1:a juni", "2:a"), "14.3", "fredagen", "förra fredagen",
//   "fredagen den 29 maj" (the weekday must fit the date) and a part of the day after a day
//   ("i lördags natt", "igår kväll") are read as the day they name.
// - Words that name no single day ("förra veckan", "i helgen", "i natt") and a compact "200314"
//   (YYMMDD or DDMMYY?) are `{ ok: false }` with `choices`: the past days they could mean, for the
//   caller to ask about. They are never guessed.
// - "imorgon", "i övermorgon", "på fredag" are future days, returned as such for the caller to refuse.
// - Never throws, whatever the tokens (`today` must be a valid IsoDate).
import type { IsoDate } from './agreement.js';
import { addDays, daysInMonth, isValidIsoDate, isoWeekStart, isoWeekday } from './calendar.js';
import { fold } from './text.js';
import { isUnitWord } from './units.js';

/**
 * Why date words are not one day (rendered by dateTexts in src/views/logRequestTexts.ts). `written`
 * is what the user wrote, punctuation trimmed; weekdays are ISO numbers (1 Monday … 7 Sunday).
 */
export type DateProblem =
  /** "2020-02-30", "32 mars", "14/13": the shape of a date, but no such day. */
  | { code: 'date.nonexistent'; written: string }
  /** A day counted past the calendar's edge (year 0 or 9999). */
  | { code: 'date.incalculable' }
  /** "förra veckan", "i helgen", "i natt": several days, asked about. */
  | { code: 'date.notOneDay'; written: string }
  /** "200314": ÅÅMMDD or DDMMÅÅ, asked about. */
  | { code: 'date.severalReadings'; written: string }
  /** "fredagen den 28 maj" when the 28th was a Thursday. */
  | { code: 'date.wrongWeekday'; date: IsoDate; weekday: number; named: number };

export type DateParse =
  | { ok: true; date: IsoDate; consumed: number }
  /** `choices`, when given, are the past days the words could mean (oldest first): ask which. */
  | { ok: false; problem: DateProblem; consumed: number; choices?: IsoDate[] };

const WEEKDAYS: Readonly<Record<string, number>> = {
  mandag: 1,
  tisdag: 2,
  onsdag: 3,
  torsdag: 4,
  fredag: 5,
  lordag: 6,
  sondag: 7,
};

const MONTHS: Readonly<Record<string, number>> = {
  januari: 1,
  jan: 1,
  februari: 2,
  feb: 2,
  mars: 3,
  mar: 3,
  april: 4,
  apr: 4,
  maj: 5,
  juni: 6,
  jun: 6,
  juli: 7,
  jul: 7,
  augusti: 8,
  aug: 8,
  september: 9,
  sept: 9,
  sep: 9,
  oktober: 10,
  okt: 10,
  november: 11,
  nov: 11,
  december: 12,
  dec: 12,
};

const YESTERDAY = new Set(['igar']);
const DAY_BEFORE_YESTERDAY = new Set(['forrgar', 'iforrgar']);

const ISO_LIKE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const SLASH = /^(\d{1,2})\/(\d{1,2})(?:[/-](\d{4}|\d{2}))?$/;
// "14.3", "14.3.2020", "14.03.20"; "19.00" and "14.30" are times of day, not dates (see isClockTime).
const DOTTED = /^(\d{1,2})\.(\d{1,2})(?:\.(\d{4}|\d{2}))?$/;
const DAY_NUMBER = /^(\d{1,2})$/;
// "14:e", "1:a", "2:a", "14e", "3e", "1a".
const ORDINAL = /^(\d{1,2}):?[ea]$/;
const COMPACT6 = /^(\d{2})(\d{2})(\d{2})$/;
const COMPACT8 = /^(\d{4})(\d{2})(\d{2})$/;
const YEAR = /^(\d{4})$/;

// The part of a day after a day word: "i lördags natt", "igår kväll". It names no other day.
const PART_OF_DAY = new Set([
  'natt',
  'natten',
  'kvall',
  'kvallen',
  'morse',
  'morgon',
  'morgonen',
  'formiddag',
  'formiddagen',
  'eftermiddag',
  'eftermiddagen',
  'lunch',
]);
const TOMORROW = new Set(['imorgon', 'imorn']);

const has = (table: Readonly<Record<string, number>>, key: string): number | undefined =>
  Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;

/** A token as written, without the punctuation people put around words ("14/3," "(idag)"). */
function trimPunctuation(token: string): string {
  return token.replace(/^[("'«“‘[]+/u, '').replace(/[.,;:!?)"'»”’\]…]+$/u, '');
}

/** Folded token for matching words; empty when there is none. */
function key(tokens: readonly string[], i: number): string {
  const t = tokens[i];
  return typeof t === 'string' ? fold(trimPunctuation(t)) : '';
}

/** Written form for messages: the tokens as the user wrote them, punctuation trimmed. */
function written(tokens: readonly string[], from: number, count: number): string {
  return tokens
    .slice(from, from + count)
    .map((t) => trimPunctuation(t))
    .join(' ');
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function ok(date: IsoDate, consumed: number): DateParse {
  return { ok: true, date, consumed };
}

function notADate(what: string, consumed: number): DateParse {
  return { ok: false, problem: { code: 'date.nonexistent', written: what }, consumed };
}

function exists(year: number, month: number, day: number): boolean {
  return year >= 0 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

function isoOf(year: number, month: number, day: number): IsoDate {
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

function explicit(year: number, month: number, day: number, what: string, consumed: number): DateParse {
  if (!exists(year, month, day)) return notADate(what, consumed);
  return ok(isoOf(year, month, day), consumed);
}

/** The latest day/month on or before today (searching back far enough to find a leap day). */
function latest(month: number, day: number, today: IsoDate, what: string, consumed: number): DateParse {
  if (month < 1 || month > 12 || day < 1 || day > 31) return notADate(what, consumed);
  const thisYear = Number(today.slice(0, 4));
  for (let year = thisYear; year >= thisYear - 8 && year >= 0; year--) {
    if (!exists(year, month, day)) continue;
    const date = isoOf(year, month, day);
    if (date <= today) return ok(date, consumed);
  }
  return notADate(what, consumed);
}

/** The latest day-of-month `day` on or before today ("den 14:e", "2:a"). */
function latestDayOfMonth(day: number, today: IsoDate, what: string, consumed: number): DateParse {
  if (day < 1 || day > 31) return notADate(what, consumed);
  let year = Number(today.slice(0, 4));
  let month = Number(today.slice(5, 7));
  for (let i = 0; i < 13 && year >= 0; i++) {
    if (exists(year, month, day) && isoOf(year, month, day) <= today) return ok(isoOf(year, month, day), consumed);
    month -= 1;
    if (month === 0) {
      month = 12;
      year -= 1;
    }
  }
  return notADate(what, consumed);
}

function daysBack(today: IsoDate, days: number, consumed: number): DateParse {
  try {
    return ok(addDays(today, -days), consumed);
  } catch {
    return { ok: false, problem: { code: 'date.incalculable' }, consumed };
  }
}

/** Past days from..to (inclusive, at most up to today) to ask about: "förra veckan", "i helgen". */
function askWhichDay(what: string, from: IsoDate, to: IsoDate, today: IsoDate, consumed: number): DateParse {
  const choices: IsoDate[] = [];
  try {
    for (let d = from; d <= to && d <= today; d = addDays(d, 1)) choices.push(d);
  } catch {
    // A range at the calendar's edge: ask with the days that exist.
  }
  return {
    ok: false,
    problem: { code: 'date.notOneDay', written: what },
    consumed,
    choices,
  };
}

/** A weekday name in its plain, "s" ("måndags") or definite ("måndagen") form. */
function weekdayForm(word: string): { weekday: number; form: 'plain' | 's' | 'definite' } | undefined {
  const plain = has(WEEKDAYS, word);
  if (plain !== undefined) return { weekday: plain, form: 'plain' };
  if (word.endsWith('s')) {
    const s = has(WEEKDAYS, word.slice(0, -1));
    if (s !== undefined) return { weekday: s, form: 's' };
  }
  if (word.endsWith('en')) {
    const definite = has(WEEKDAYS, word.slice(0, -2));
    if (definite !== undefined) return { weekday: definite, form: 'definite' };
  }
  return undefined;
}

/** Consumes a part-of-day word ("natt", "kväll") after a day expression. */
function withPartOfDay(tokens: readonly string[], index: number, parsed: DateParse): DateParse {
  if (!parsed.ok) return parsed;
  const after = key(tokens, index + parsed.consumed);
  return PART_OF_DAY.has(after) ? { ...parsed, consumed: parsed.consumed + 1 } : parsed;
}

/** A day and month written with digits: "14/3", "14/3-20", "14.3", "14.3.2020". */
function numericDate(word: string, raw: string, today: IsoDate): DateParse | undefined {
  const parts = SLASH.exec(word) ?? DOTTED.exec(word);
  if (!parts) return undefined;
  const day = Number(parts[1]);
  const month = Number(parts[2]);
  const y = parts[3];
  if (y === undefined) return latest(month, day, today, raw, 1);
  const year = y.length === 2 ? 2000 + Number(y) : Number(y);
  return explicit(year, month, day, raw, 1);
}

/** "200314": 14 mars 2020 (ÅÅMMDD) or 20 mars 2014 (DDMMÅÅ)? Always a question. */
function compactDate(word: string, raw: string, today: IsoDate): DateParse | undefined {
  const eight = COMPACT8.exec(word);
  if (eight) return explicit(Number(eight[1]), Number(eight[2]), Number(eight[3]), raw, 1);
  const six = COMPACT6.exec(word);
  if (!six) return undefined;
  const [a, b, c] = [Number(six[1]), Number(six[2]), Number(six[3])];
  const readings = [
    exists(2000 + a, b, c) ? isoOf(2000 + a, b, c) : undefined,
    exists(2000 + c, b, a) ? isoOf(2000 + c, b, a) : undefined,
  ].filter((d): d is IsoDate => d !== undefined && d <= today);
  const choices = [...new Set(readings)].sort();
  if (choices.length === 0) return undefined;
  return {
    ok: false,
    problem: { code: 'date.severalReadings', written: raw },
    consumed: 1,
    choices,
  };
}

function parseWithoutDen(tokens: readonly string[], index: number, today: IsoDate): DateParse | undefined {
  const w = key(tokens, index);
  if (w === '') return undefined;
  return relativeDay(tokens, index, today) ?? namedWeekday(tokens, index, today) ?? writtenDate(tokens, index, today);
}

/** "idag", "igår kväll", "i förrgår", "imorgon", "i natt": a day counted from today. */
function relativeDay(tokens: readonly string[], index: number, today: IsoDate): DateParse | undefined {
  const w = key(tokens, index);
  if (w === 'idag' || w === 'ikvall') return daysBack(today, 0, 1);
  if (YESTERDAY.has(w)) return withPartOfDay(tokens, index, daysBack(today, 1, 1));
  if (DAY_BEFORE_YESTERDAY.has(w)) return withPartOfDay(tokens, index, daysBack(today, 2, 1));
  if (TOMORROW.has(w)) return daysBack(today, -1, 1);
  if (w === 'overmorgon' || w === 'iovermorgon') return daysBack(today, -2, 1);
  if (w === 'inatt') return askWhichDay('inatt', addDays(today, -1), today, today, 1);
  if (w === 'i') return afterI(tokens, index, today);
  if (w === 'forra' || w === 'forre') return afterLast(tokens, index, today);
  if (w === 'nasta' || w === 'pa' || w === 'kommande') return afterNext(key(tokens, index + 1), today);
  if (w === 'den' && key(tokens, index + 1) === 'har' && key(tokens, index + 2) === 'veckan') {
    return askWhichDay('den här veckan', isoWeekStart(today), today, today, 3);
  }
  return undefined;
}

/** "i dag", "i går", "i natt", "i helgen", "i förra veckan", "i måndags". */
function afterI(tokens: readonly string[], index: number, today: IsoDate): DateParse | undefined {
  const next = key(tokens, index + 1);
  if (next === 'dag' || next === 'kvall') return daysBack(today, 0, 2);
  if (next === 'gar') return withPartOfDay(tokens, index, daysBack(today, 1, 2));
  if (next === 'forrgar') return withPartOfDay(tokens, index, daysBack(today, 2, 2));
  if (next === 'morgon' || next === 'morn') return daysBack(today, -1, 2);
  if (next === 'overmorgon') return daysBack(today, -2, 2);
  if (next === 'natt') return askWhichDay('i natt', addDays(today, -1), today, today, 2);
  if (next === 'helgen') return lastWeekend('i helgen', today, 0, 2);
  if (next === 'veckan') return askWhichDay('i veckan', isoWeekStart(today), today, today, 2);
  if (next === 'forra' && key(tokens, index + 2) === 'veckan') return lastWeek('i förra veckan', today, 3);
  // "i måndags" (the "i måndag" form is not Swedish and is left alone).
  if (next.endsWith('s')) {
    const wd = has(WEEKDAYS, next.slice(0, -1));
    if (wd !== undefined) return withPartOfDay(tokens, index, lastWeekday(today, wd, 2, true));
  }
  return undefined;
}

/** "förra veckan", "förra helgen", "förra fredagen". */
function afterLast(tokens: readonly string[], index: number, today: IsoDate): DateParse | undefined {
  const next = key(tokens, index + 1);
  if (next === 'veckan') return lastWeek('förra veckan', today, 2);
  if (next === 'helgen') return lastWeekend('förra helgen', today, 1, 2);
  const wd = weekdayForm(next);
  // "förra fredagen": the Friday of last week.
  if (wd) return withPartOfDay(tokens, index, ok(addDays(isoWeekStart(today), wd.weekday - 8), 2));
  return undefined;
}

/** "nästa vecka", "på fredag", "nästa fredag": future days, for the caller to refuse. */
function afterNext(next: string, today: IsoDate): DateParse | undefined {
  const wd = weekdayForm(next);
  if (next === 'vecka' || next === 'veckan') return ok(addDays(isoWeekStart(today), 7), 2);
  // "på fredag", "nästa fredag": the next such day after today.
  if (wd && wd.form !== 's') return ok(addDays(today, ((wd.weekday - isoWeekday(today) + 6) % 7) + 1), 2);
  return undefined;
}

/** Weekday names: the latest such day on or before today; "fredagen den 29 maj" must agree. */
function namedWeekday(tokens: readonly string[], index: number, today: IsoDate): DateParse | undefined {
  const wd = weekdayForm(key(tokens, index));
  if (wd === undefined) return undefined;
  const next = key(tokens, index + 1);
  const dated = next === 'den' ? parseDateAt(tokens, index + 1, today) : undefined;
  const direct = dated ?? (/^\d/.test(next) ? parseWithoutDen(tokens, index + 1, today) : undefined);
  if (!direct) return withPartOfDay(tokens, index, lastWeekday(today, wd.weekday, 1, wd.form === 's'));
  if (!direct.ok) return { ...direct, consumed: direct.consumed + 1 };
  if (isoWeekday(direct.date) !== wd.weekday) {
    return {
      ok: false,
      problem: { code: 'date.wrongWeekday', date: direct.date, weekday: isoWeekday(direct.date), named: wd.weekday },
      consumed: direct.consumed + 1,
    };
  }
  return withPartOfDay(tokens, index, { ...direct, consumed: direct.consumed + 1 });
}

/** "2020-03-14", "14/3", "200314", "14 mars", "14:e mars 2020", "2:a". */
function writtenDate(tokens: readonly string[], index: number, today: IsoDate): DateParse | undefined {
  const w = key(tokens, index);
  const next = key(tokens, index + 1);
  const raw = trimPunctuation(tokens[index] ?? '');

  // 2020-03-14 (also 2020-3-14).
  const iso = ISO_LIKE.exec(w);
  if (iso) return explicit(Number(iso[1]), Number(iso[2]), Number(iso[3]), raw, 1);

  const numeric = numericDate(w, raw, today) ?? compactDate(w, raw, today);
  if (numeric) return numeric;

  // 14 mars, 14:e mars, 14 mars 2020, 3 okt; an ordinal alone ("2:a") is a day of a month.
  const dayNumber = DAY_NUMBER.exec(w) ?? ORDINAL.exec(w);
  if (!dayNumber) return undefined;
  const day = Number(dayNumber[1]);
  const month = has(MONTHS, next);
  if (month === undefined) {
    return ORDINAL.test(w) ? latestDayOfMonth(day, today, raw, 1) : undefined;
  }
  // "14 mars 1000 st" is a date and a count, not the year 1000.
  const year = isUnitWord(key(tokens, index + 3)) ? null : YEAR.exec(key(tokens, index + 2));
  if (year) return explicit(Number(year[1]), month, day, written(tokens, index, 3), 3);
  return latest(month, day, today, written(tokens, index, 2), 2);
}

function lastWeekday(today: IsoDate, weekday: number, consumed: number, strictlyBefore = false): DateParse {
  const back = (isoWeekday(today) - weekday + 7) % 7;
  return daysBack(today, back === 0 && strictlyBefore ? 7 : back, consumed);
}

function lastWeek(what: string, today: IsoDate, consumed: number): DateParse {
  const monday = addDays(isoWeekStart(today), -7);
  return askWhichDay(what, monday, addDays(monday, 6), today, consumed);
}

/** Friday to Sunday of the latest weekend that has begun (`weeksBack` 1: the one before it). */
function lastWeekend(what: string, today: IsoDate, weeksBack: number, consumed: number): DateParse {
  const friday = addDays(isoWeekStart(today), isoWeekday(today) >= 5 ? 4 : -3);
  const start = addDays(friday, -7 * weeksBack);
  return askWhichDay(what, start, addDays(start, 2), today, consumed);
}

/**
 * Reads a date expression starting at tokens[index]. Undefined when no date expression starts
 * there (or index is outside the list); otherwise the date (or why it is not one, with the days
 * to ask about when the words name several) and how many tokens it took. Never throws for any
 * tokens; `today` must be a valid IsoDate (RangeError otherwise: that is a programming error,
 * not user input).
 */
export function parseDateAt(tokens: readonly string[], index: number, today: IsoDate): DateParse | undefined {
  if (!isValidIsoDate(today)) throw new RangeError(`ogiltigt dagens datum: ${JSON.stringify(today)}`);
  if (!Array.isArray(tokens) || !Number.isInteger(index) || index < 0 || index >= tokens.length) return undefined;
  // "den 14 mars", "den 14/3", "den 2020-03-14", "den 14:e": the article is part of the expression.
  if (key(tokens, index) === 'den') {
    const next = key(tokens, index + 1);
    if (next === 'har') return parseWithoutDen(tokens, index, today);
    if (!startsWithNumber(next)) return undefined;
    const plainDay = DAY_NUMBER.exec(next);
    const rest =
      plainDay && !has(MONTHS, key(tokens, index + 2))
        ? latestDayOfMonth(Number(plainDay[1]), today, written(tokens, index, 2), 1)
        : parseWithoutDen(tokens, index + 1, today);
    if (rest === undefined) return undefined;
    return { ...rest, consumed: rest.consumed + 1 };
  }
  return parseWithoutDen(tokens, index, today);
}

function startsWithNumber(word: string): boolean {
  return /^\d/.test(word);
}

/** True for a token shaped like a date ("14/3", "3.14", "2020-13-45", "14:e") that may not be one. */
export function looksLikeDate(token: string): boolean {
  const w = trimPunctuation(token);
  return /^\d{1,4}[-/.]\d{1,2}(?:[-/.]\d{1,4})*$/u.test(w) || ORDINAL.test(fold(w));
}
