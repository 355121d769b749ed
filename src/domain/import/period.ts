// The period an agreement covers, read from its heading: "Medborgarlöfte 2020" (a calendar year),
// "2018-2019" (two calendar years), "2018-07-01—2020-06-30" (dated, any dash), "1 juli 2021 – 30 juni 2022".
import type { IsoDate } from '../agreement.js';
import { isValidIsoDate, SWEDISH_MONTHS } from '../calendar.js';

export interface Period {
  start: IsoDate;
  end: IsoDate;
  /** The words the period was read from, as written ("2018-2019"). */
  source: string;
}

const DASH = '[-‐‑‒–—―−]';

function iso(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function plausibleYear(y: number): boolean {
  return y >= 1990 && y <= 2100;
}

const DATED = new RegExp(
  `(\\d{4}-\\d{2}-\\d{2})\\s*(?:${DASH}|till(?: och med)?|t\\.?o\\.?m\\.?)\\s*(\\d{4}-\\d{2}-\\d{2})`,
  'u',
);
const WORD_DATED = new RegExp(
  `(\\d{1,2}) (${SWEDISH_MONTHS.join('|')}) (\\d{4})\\s*(?:${DASH}|till(?: och med)?|t\\.?o\\.?m\\.?)\\s*(\\d{1,2}) (${SWEDISH_MONTHS.join('|')}) (\\d{4})`,
  'iu',
);
const YEARS = new RegExp(`(?<![\\d-])(\\d{4})\\s*(?:${DASH}|/|till|och)\\s*(\\d{4}|\\d{2})(?![\\d-])`, 'u');
const YEAR = /(?<![\d-])(\d{4})(?![\d-])/u;

/**
 * The first period written in the text, or undefined. Calendar years run 1 January to 31 December;
 * a two-digit second year ("2021/22") means the same century. Ranges whose end is before their
 * start, impossible dates and years outside 1990..2100 are not periods.
 */
export function parsePeriod(text: string): Period | undefined {
  const dated = DATED.exec(text);
  if (dated) {
    const [source, start, end] = dated as unknown as [string, string, string];
    if (isValidIsoDate(start) && isValidIsoDate(end) && start <= end) return { start, end, source };
  }
  const words = WORD_DATED.exec(text);
  if (words) {
    const [source, d1, m1, y1, d2, m2, y2] = words as unknown as [
      string,
      string,
      string,
      string,
      string,
      string,
      string,
    ];
    const start = iso(Number(y1), SWEDISH_MONTHS.indexOf(m1.toLowerCase()) + 1, Number(d1));
    const end = iso(Number(y2), SWEDISH_MONTHS.indexOf(m2.toLowerCase()) + 1, Number(d2));
    if (isValidIsoDate(start) && isValidIsoDate(end) && start <= end) return { start, end, source };
  }
  const years = YEARS.exec(text);
  if (years) {
    const [source, a, b] = years as unknown as [string, string, string];
    const first = Number(a);
    const last = b.length === 2 ? Math.floor(first / 100) * 100 + Number(b) : Number(b);
    if (plausibleYear(first) && plausibleYear(last) && first <= last && last - first <= 5) {
      return { start: iso(first, 1, 1), end: iso(last, 12, 31), source };
    }
  }
  const year = YEAR.exec(text);
  if (year) {
    const [source, a] = year as unknown as [string, string];
    const y = Number(a);
    if (plausibleYear(y)) return { start: iso(y, 1, 1), end: iso(y, 12, 31), source };
  }
  return undefined;
}

/** Whole calendar years the period touches (2018-07-01..2020-06-30 → 3), at least 1. */
export function yearsCovered(period: { start: IsoDate; end: IsoDate }): number {
  return Math.max(1, Number(period.end.slice(0, 4)) - Number(period.start.slice(0, 4)) + 1);
}

/** The period's short label for ids and titles: "2020", "2018-2019", "2018-07-01-2020-06-30". */
export function periodLabel(period: { start: IsoDate; end: IsoDate }): string {
  const y1 = period.start.slice(0, 4);
  const y2 = period.end.slice(0, 4);
  if (period.start.endsWith('-01-01') && period.end.endsWith('-12-31')) return y1 === y2 ? y1 : `${y1}-${y2}`;
  return `${period.start}-${period.end}`;
}
