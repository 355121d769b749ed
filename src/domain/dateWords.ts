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
//   is `{ ok: false }` with a Swedish message naming what was written, and `consumed` says how
//   many tokens it took, so the caller can skip them.
// - Never throws, whatever the tokens (`today` must be a valid IsoDate).
import type { IsoDate } from './agreement.js';
import { addDays, daysInMonth, isValidIsoDate, isoWeekday } from './calendar.js';
import { fold } from './text.js';

export type DateParse = { ok: true; date: IsoDate; consumed: number } | { ok: false; error: string; consumed: number };

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
const DAY_NUMBER = /^(\d{1,2})$/;
const YEAR = /^(\d{4})$/;

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
  return { ok: false, error: `Datumet ${what} finns inte.`, consumed };
}

function exists(year: number, month: number, day: number): boolean {
  return year >= 0 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

function explicit(year: number, month: number, day: number, what: string, consumed: number): DateParse {
  if (!exists(year, month, day)) return notADate(what, consumed);
  return ok(`${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`, consumed);
}

/** The latest day/month on or before today (searching back far enough to find a leap day). */
function latest(month: number, day: number, today: IsoDate, what: string, consumed: number): DateParse {
  if (month < 1 || month > 12 || day < 1 || day > 31) return notADate(what, consumed);
  const thisYear = Number(today.slice(0, 4));
  for (let year = thisYear; year >= thisYear - 8 && year >= 0; year--) {
    if (!exists(year, month, day)) continue;
    const date = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
    if (date <= today) return ok(date, consumed);
  }
  return notADate(what, consumed);
}

function daysBack(today: IsoDate, days: number, consumed: number): DateParse {
  try {
    return ok(addDays(today, -days), consumed);
  } catch {
    return { ok: false, error: 'Datumet går inte att räkna ut.', consumed };
  }
}

/** A weekday name, alone or in the "måndags" form; undefined when the word is none. */
function weekdayOf(word: string): number | undefined {
  return has(WEEKDAYS, word) ?? (word.endsWith('s') ? has(WEEKDAYS, word.slice(0, -1)) : undefined);
}

function parseWithoutDen(tokens: readonly string[], index: number, today: IsoDate): DateParse | undefined {
  const w = key(tokens, index);
  if (w === '') return undefined;
  const next = key(tokens, index + 1);

  // Relative words.
  if (w === 'idag') return daysBack(today, 0, 1);
  if (YESTERDAY.has(w)) return daysBack(today, 1, 1);
  if (DAY_BEFORE_YESTERDAY.has(w)) return daysBack(today, 2, 1);
  if (w === 'i') {
    if (next === 'dag') return daysBack(today, 0, 2);
    if (next === 'gar') return daysBack(today, 1, 2);
    if (next === 'forrgar') return daysBack(today, 2, 2);
    // "i måndags" (the "i måndag" form is not Swedish and is left alone).
    if (next.endsWith('s')) {
      const wd = has(WEEKDAYS, next.slice(0, -1));
      if (wd !== undefined) return lastWeekday(today, wd, 2, true);
    }
    return undefined;
  }

  // Weekday names: the latest such day on or before today.
  const wd = weekdayOf(w);
  if (wd !== undefined) return lastWeekday(today, wd, 1, has(WEEKDAYS, w) === undefined);

  const raw = trimPunctuation(tokens[index] ?? '');

  // 2020-03-14 (also 2020-3-14).
  const iso = ISO_LIKE.exec(w);
  if (iso) return explicit(Number(iso[1]), Number(iso[2]), Number(iso[3]), raw, 1);

  // 14/3, 14/3/2020, 14/3-2020, 14/3-20.
  const slash = SLASH.exec(w);
  if (slash) {
    const day = Number(slash[1]);
    const month = Number(slash[2]);
    const y = slash[3];
    if (y === undefined) return latest(month, day, today, raw, 1);
    const year = y.length === 2 ? 2000 + Number(y) : Number(y);
    return explicit(year, month, day, raw, 1);
  }

  // 14 mars, 14 mars 2020, 3 okt.
  const dayNumber = DAY_NUMBER.exec(w);
  if (dayNumber) {
    const month = has(MONTHS, next);
    if (month === undefined) return undefined;
    const day = Number(dayNumber[1]);
    const year = YEAR.exec(key(tokens, index + 2));
    if (year) return explicit(Number(year[1]), month, day, written(tokens, index, 3), 3);
    return latest(month, day, today, written(tokens, index, 2), 2);
  }

  return undefined;
}

function lastWeekday(today: IsoDate, weekday: number, consumed: number, strictlyBefore = false): DateParse {
  const back = (isoWeekday(today) - weekday + 7) % 7;
  return daysBack(today, back === 0 && strictlyBefore ? 7 : back, consumed);
}

/**
 * Reads a date expression starting at tokens[index]. Undefined when no date expression starts
 * there (or index is outside the list); otherwise the date (or why it is not one) and how many
 * tokens it took. Never throws for any tokens; `today` must be a valid IsoDate (RangeError
 * otherwise: that is a programming error, not user input).
 */
export function parseDateAt(tokens: readonly string[], index: number, today: IsoDate): DateParse | undefined {
  if (!isValidIsoDate(today)) throw new RangeError(`ogiltigt dagens datum: ${JSON.stringify(today)}`);
  if (!Array.isArray(tokens) || !Number.isInteger(index) || index < 0 || index >= tokens.length) return undefined;
  // "den 14 mars", "den 14/3", "den 2020-03-14": the article is part of the expression.
  if (key(tokens, index) === 'den') {
    const rest = parseWithoutDen(tokens, index + 1, today);
    if (rest === undefined || !startsWithNumber(key(tokens, index + 1))) return undefined;
    return { ...rest, consumed: rest.consumed + 1 };
  }
  return parseWithoutDen(tokens, index, today);
}

function startsWithNumber(word: string): boolean {
  return /^\d/.test(word);
}
