// The period an agreement covers, as texts write it: "Medborgarlöfte 2020" (a calendar year),
// "2018-2019", "2018/19" and "under 2018 och 2019" (calendar years), "2018-07-01—2020-06-30" and
// "från 2018-07-01 till 2020-06-30" (dated, any dash), "1 juli 2021 – 30 juni 2022", "januari - december 2022".
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
// "januari - december 2022", "juli 2018 – juni 2020": whole months.
const MONTH_RANGE = new RegExp(
  `(?<![\\d\\p{L}])(${SWEDISH_MONTHS.join('|')})(?: (\\d{4}))?\\s*(?:${DASH}|till(?: och med)?)\\s*(${SWEDISH_MONTHS.join('|')}) (\\d{4})`,
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
  const months = MONTH_RANGE.exec(text);
  if (months) {
    const [source, m1, y1, m2, y2] = months as unknown as [string, string, string | undefined, string, string];
    const startMonth = SWEDISH_MONTHS.indexOf(m1.toLowerCase()) + 1;
    const endMonth = SWEDISH_MONTHS.indexOf(m2.toLowerCase()) + 1;
    const endYear = Number(y2);
    const startYear = y1 === undefined ? endYear : Number(y1);
    // The last day of the end month: day 0 of the month after it.
    const lastDay = new Date(Date.UTC(endYear, endMonth, 0)).getUTCDate();
    const start = iso(startYear, startMonth, 1);
    const end = iso(endYear, endMonth, lastDay);
    if (plausibleYear(startYear) && plausibleYear(endYear) && start <= end) return { start, end, source };
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

/** True when the period is more than one plain calendar year: a range of years, or dated. */
function isRange(period: { start: IsoDate; end: IsoDate }): boolean {
  return (
    period.start.slice(0, 4) !== period.end.slice(0, 4) ||
    !period.start.endsWith('-01-01') ||
    !period.end.endsWith('-12-31')
  );
}

// Sentences that speak of the agreement's time ("Medborgarlöftet kommer att löpa från …",
// "Löftena gäller under 2018 och 2019", "Under 2019 kommer polisen …"), as opposed to when a survey was made.
const PERIOD_TALK = /löfte|löften|gäller|löper|löpa|perioden|avtalsperiod|tiden|under (?:åren |året |år )?\d{4}/iu;
// A year after these words is when something happened, not the period: "hösten 2016", "i mars 2020".
const EVENT_YEAR = new RegExp(
  `(?:våren|hösten|sommaren|vintern|${SWEDISH_MONTHS.join('|')}|publicerad:?|uppdaterad:?|\\d{1,2})\\s+$`,
  'iu',
);

/**
 * The period a text states outside any heading, or undefined when it states none: first a range
 * or dated period in a sentence about the agreement's time, then a single year there that is not
 * the date of an event ("under hösten 2016" is when the survey was made). Sentences are searched
 * in the order given.
 */
export function statedPeriod(texts: readonly string[]): Period | undefined {
  const sentences = texts.flatMap((t) => t.split(/(?<=[.!?])\s+/u)).filter((t) => PERIOD_TALK.test(t));
  for (const sentence of sentences) {
    const p = parsePeriod(sentence);
    // "januari - december 2022" is one calendar year, but written as a range.
    if (p && (isRange(p) || !/^\d{4}$/u.test(p.source))) return p;
  }
  for (const sentence of sentences) {
    for (const m of sentence.matchAll(/(?<![\d-])((?:19|20)\d{2})(?![\d-])/gu)) {
      const before = sentence.slice(0, m.index);
      const y = Number(m[1]);
      if (!EVENT_YEAR.test(before) && plausibleYear(y)) {
        return { start: iso(y, 1, 1), end: iso(y, 12, 31), source: m[1] ?? '' };
      }
    }
  }
  return undefined;
}

/** The period as a title names it: "2020", "2018-2019", "2018-07-01 – 2020-06-30". */
export function periodTitle(period: { start: IsoDate; end: IsoDate }): string {
  return isRange(period) && !(period.start.endsWith('-01-01') && period.end.endsWith('-12-31'))
    ? `${period.start} – ${period.end}`
    : periodLabel(period);
}
