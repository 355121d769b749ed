// Calendar days in Europe/Stockholm. Every date in the domain is an ISO string `YYYY-MM-DD`
// naming a calendar day in Stockholm, whatever the server's time zone. Arithmetic on such days is
// pure calendar arithmetic done in UTC (no time zone can shift it); only the two functions that
// cross between instants and days (stockholmDate, stockholmInstant) look at the Stockholm clock.
// Nothing here reads the clock: "now" is always a parameter.
import type { IsoDate } from './agreement.js';

export type Tertial = 1 | 2 | 3;
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** Index 0 = Monday, as in ISO weekday − 1. */
export const SWEDISH_WEEKDAYS: readonly string[] = Object.freeze([
  'måndag',
  'tisdag',
  'onsdag',
  'torsdag',
  'fredag',
  'lördag',
  'söndag',
]);

/** Index 0 = January. */
export const SWEDISH_MONTHS: readonly string[] = Object.freeze([
  'januari',
  'februari',
  'mars',
  'april',
  'maj',
  'juni',
  'juli',
  'augusti',
  'september',
  'oktober',
  'november',
  'december',
]);

const TIME_ZONE = 'Europe/Stockholm';
const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;

// Formatters are expensive to build; one each, made on first use.
let dateFormatter: Intl.DateTimeFormat | undefined;
let wallClockFormatter: Intl.DateTimeFormat | undefined;

function getDateFormatter(): Intl.DateTimeFormat {
  dateFormatter ??= new Intl.DateTimeFormat('sv-SE', {
    timeZone: TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  });
  return dateFormatter;
}

function getWallClockFormatter(): Intl.DateTimeFormat {
  wallClockFormatter ??= new Intl.DateTimeFormat('sv-SE', {
    timeZone: TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  });
  return wallClockFormatter;
}

function partsOf(formatter: Intl.DateTimeFormat, instant: Date): Record<string, number> {
  const out: Record<string, number> = {};
  for (const p of formatter.formatToParts(instant)) {
    if (p.type !== 'literal') out[p.type] = Number(p.value);
  }
  return out;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** UTC milliseconds at midnight of the given proleptic Gregorian day (years 0–99 included). */
function utcMidnight(year: number, month: number, day: number): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  d.setUTCHours(0, 0, 0, 0);
  return d.getTime();
}

function isoFromUtc(ms: number): IsoDate {
  const d = new Date(ms);
  const year = d.getUTCFullYear();
  if (!Number.isFinite(year) || year < 0 || year > 9999) {
    throw new RangeError('the date falls outside the years 0000–9999');
  }
  return `${pad(year, 4)}-${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)}`;
}

interface Ymd {
  year: number;
  month: number;
  day: number;
}

function splitValid(s: string): Ymd | undefined {
  const m = ISO_DATE.exec(s);
  if (!m) return undefined;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return { year, month, day };
}

function parse(date: IsoDate): Ymd {
  const ymd = splitValid(date);
  if (!ymd) throw new RangeError(`ogiltigt datum: ${JSON.stringify(date)}`);
  return ymd;
}

function toUtc(date: IsoDate): number {
  const { year, month, day } = parse(date);
  return utcMidnight(year, month, day);
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days in the month (1–12) of the year. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** `YYYY-MM-DD` naming a real day of the proleptic Gregorian calendar (years 0000–9999). */
export function isValidIsoDate(s: string): boolean {
  return typeof s === 'string' && splitValid(s) !== undefined;
}

// Since 1980 (the EU rules) Stockholm's offset from UTC changes only on a whole UTC hour (01:00 UTC),
// so the offset read for an hour holds for all of it: every turn asks for today, and a formatter's
// formatToParts is slow (1.6 % of the CPU under /logga load).
const HOUR_MS = 3_600_000;
const WHOLE_HOUR_CHANGES_FROM = Date.UTC(1980, 0, 1);
const WHOLE_HOUR_CHANGES_UNTIL = Date.UTC(9999, 0, 1);
let offsetHour = NaN;
let offsetOfHour = 0;

/** The calendar day in Europe/Stockholm at the instant. */
export function stockholmDate(instant: Date): IsoDate {
  if (!(instant instanceof Date) || Number.isNaN(instant.getTime())) {
    throw new RangeError('ogiltig tidpunkt');
  }
  const ms = instant.getTime();
  if (ms >= WHOLE_HOUR_CHANGES_FROM && ms < WHOLE_HOUR_CHANGES_UNTIL) {
    const hour = Math.floor(ms / HOUR_MS);
    if (hour !== offsetHour) {
      offsetOfHour = stockholmOffsetMs(hour * HOUR_MS);
      offsetHour = hour;
    }
    return isoFromUtc(ms + offsetOfHour);
  }
  const p = partsOf(getDateFormatter(), instant);
  return `${pad(p.year ?? NaN, 4)}-${pad(p.month ?? NaN, 2)}-${pad(p.day ?? NaN, 2)}`;
}

/** What the Stockholm wall clock shows at utcMs, read as if it were UTC (ms, whole seconds). */
function stockholmWallMs(utcMs: number): number {
  const p = partsOf(getWallClockFormatter(), new Date(utcMs));
  return (
    utcMidnight(p.year ?? NaN, p.month ?? NaN, p.day ?? NaN) +
    ((p.hour ?? NaN) * 3600 + (p.minute ?? NaN) * 60 + (p.second ?? NaN)) * 1000
  );
}

/** Stockholm's offset from UTC (ms) at the instant. */
function stockholmOffsetMs(utcMs: number): number {
  const whole = Math.floor(utcMs / 1000) * 1000;
  return stockholmWallMs(whole) - whole;
}

/**
 * The instant when the Stockholm wall clock shows the date and time ('HH:MM').
 * A time skipped by the spring-forward change (02:30 on the last Sunday of March) is read with
 * the offset in force before the change, so it lands one hour later on the clock (03:30 CEST).
 * A time repeated by the autumn change gives the first of the two instants (still CEST).
 */
export function stockholmInstant(date: IsoDate, time: string): Date {
  const t = HH_MM.exec(time);
  if (!t) throw new RangeError(`invalid time ${JSON.stringify(time)} (HH:MM expected)`);
  const wall = toUtc(date) + (Number(t[1]) * 60 + Number(t[2])) * 60_000;
  // Stockholm's transitions are months apart, so the offsets a day either side are the two
  // candidates; the one in force before the wall time comes first.
  const before = stockholmOffsetMs(wall - DAY_MS);
  const after = stockholmOffsetMs(wall + DAY_MS);
  const candidates = [...new Set([wall - before, wall - after])].sort((a, b) => a - b);
  for (const c of candidates) {
    if (stockholmWallMs(c) === wall) return new Date(c);
  }
  return new Date(wall - before);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  if (!Number.isInteger(days)) throw new RangeError(`a number of days must be a whole number, got ${days}`);
  return isoFromUtc(toUtc(date) + days * DAY_MS);
}

/**
 * The same calendar day one year earlier (`YYYY-MM-DD` in, out); 29 February becomes 28 February,
 * the last day of that February.
 */
export function sameDayYearBefore(date: IsoDate): IsoDate {
  const year = String(Number(date.slice(0, 4)) - 1).padStart(4, '0');
  const monthDay = date.slice(5) === '02-29' ? '02-28' : date.slice(5);
  return `${year}-${monthDay}`;
}

/** to − from in whole calendar days. */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((toUtc(to) - toUtc(from)) / DAY_MS);
}

/** Monday = 1 … Sunday = 7. */
export function isoWeekday(date: IsoDate): IsoWeekday {
  const sundayZero = new Date(toUtc(date)).getUTCDay();
  return (((sundayZero + 6) % 7) + 1) as IsoWeekday;
}

/** ISO-8601 week: the week belongs to the year of its Thursday. */
export function isoWeek(date: IsoDate): { year: number; week: number } {
  const thursdayMs = toUtc(date) + (4 - isoWeekday(date)) * DAY_MS;
  const year = new Date(thursdayMs).getUTCFullYear();
  const ordinal = Math.round((thursdayMs - utcMidnight(year, 1, 1)) / DAY_MS); // 0-based
  return { year, week: Math.floor(ordinal / 7) + 1 };
}

/** The Monday of the date's ISO week. */
export function isoWeekStart(date: IsoDate): IsoDate {
  return addDays(date, 1 - isoWeekday(date));
}

/** Tertial 1 = januari–april, 2 = maj–augusti, 3 = september–december. */
export function tertialOf(date: IsoDate): { year: number; tertial: Tertial } {
  const { year, month } = parse(date);
  return { year, tertial: (Math.floor((month - 1) / 4) + 1) as Tertial };
}

export function tertialRange(year: number, tertial: Tertial): { start: IsoDate; end: IsoDate } {
  if (!Number.isInteger(year) || year < 0 || year > 9999) throw new RangeError(`invalid year ${year}`);
  if (tertial !== 1 && tertial !== 2 && tertial !== 3) throw new RangeError(`invalid tertial ${String(tertial)}`);
  const y = pad(year, 4);
  switch (tertial) {
    case 1:
      return { start: `${y}-01-01`, end: `${y}-04-30` };
    case 2:
      return { start: `${y}-05-01`, end: `${y}-08-31` };
    case 3:
      return { start: `${y}-09-01`, end: `${y}-12-31` };
  }
}

/** The first day of the date's month. */
export function monthStart(date: IsoDate): IsoDate {
  const { year, month } = parse(date);
  return `${pad(year, 4)}-${pad(month, 2)}-01`;
}

/** "14 mars 2020". */
export function formatSwedishDate(date: IsoDate): string {
  const { year, month, day } = parse(date);
  return `${day} ${SWEDISH_MONTHS[month - 1] ?? ''} ${year}`;
}
