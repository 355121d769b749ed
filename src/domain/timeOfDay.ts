// Times of day in a log message: "kl 19-21", "kl. 19.00–21.30", "19:00-21:00", "kl 22 - 02".
// A span becomes hours (past midnight it wraps: 22–02 is 4 hours). A single time ("kl 22:30")
// says when, not how long: it is refused with a question, never kept silently in the note.
import { fold } from './text.js';

/** Why a time of day is not a span of hours (rendered by timeTexts in src/views/logRequestTexts.ts). */
export type TimeProblem =
  /** "kl 19-19": a span of no time. */
  | { code: 'time.zeroHours'; written: string }
  /** "kl 22": when, not how long. */
  | { code: 'time.single'; written: string };

export type TimeParse =
  { ok: true; hours: number; consumed: number } | { ok: false; problem: TimeProblem; consumed: number };

const KL = new Set(['kl', 'kl.', 'klockan']);
const DASHES = new Set(['-', '–', '—', 'till']);
// 19, 19.00, 19:30, 9.15 (a one-digit minute is no time: "14.3" is a date).
const TIME = /^([01]?\d|2[0-4])(?:[.:]([0-5]\d))?$/u;
// With minutes written ("19:00", "19.00"); ".00" or minutes above 12 cannot be a month.
const CLOCK = /^([01]?\d|2[0-4])(?::([0-5]\d)|\.(00|1[3-9]|[2-5]\d))$/u;

function clean(token: string | undefined): string {
  return fold((token ?? '').replace(/[,;!?)]+$/u, ''));
}

function minutesOf(time: string): number | undefined {
  const m = TIME.exec(time);
  if (!m) return undefined;
  const minutes = Number(m[1]) * 60 + Number(m[2] ?? 0);
  return minutes <= 24 * 60 ? minutes : undefined;
}

function span(from: number, to: number, written: string, consumed: number): TimeParse {
  const minutes = (to - from + 24 * 60) % (24 * 60);
  if (minutes === 0) {
    return { ok: false, problem: { code: 'time.zeroHours', written }, consumed };
  }
  return { ok: true, hours: Math.round((minutes / 60) * 100) / 100, consumed };
}

function single(written: string, consumed: number): TimeParse {
  return { ok: false, problem: { code: 'time.single', written }, consumed };
}

/** True for a token that can only be a time of day ("19:00", "19.00", "21.30"). */
export function isClockTime(token: string): boolean {
  return CLOCK.test(clean(token));
}

/**
 * Reads a time of day or a span of times starting at tokens[index]: after "kl"/"klockan" any
 * hour ("kl 19-21", "kl 19 – 21", "kl 22"); without it only times with minutes ("19.00–21.00").
 * Undefined when none starts there. A span is its length in hours (two decimals, > 0, ≤ 24);
 * a lone time is `{ ok: false }` asking for the span.
 */
export function parseTimeAt(tokens: readonly string[], index: number): TimeParse | undefined {
  const first = clean(tokens[index]);
  const hasKl = KL.has(first);
  const at = hasKl ? index + 1 : index;
  const start = hasKl ? 1 : 0;
  const head = clean(tokens[at]);
  const written = (n: number) => tokens.slice(index, index + n).join(' ');

  // "19-21", "19.00–21.00" as one token.
  const parts = head.split(/[-–—]/u);
  if (parts.length === 2) {
    const [a = '', b = ''] = parts;
    const from = minutesOf(a);
    const to = minutesOf(b);
    if (from !== undefined && to !== undefined && (hasKl || (CLOCK.test(a) && CLOCK.test(b)))) {
      return span(from, to, written(start + 1), start + 1);
    }
  }
  const from = minutesOf(head);
  if (from === undefined || (!hasKl && !CLOCK.test(head))) {
    return hasKl && head !== '' && /^\d/u.test(head) ? single(written(start + 1), start + 1) : undefined;
  }
  // "19 - 21", "19.00 till 21.00".
  if (DASHES.has(clean(tokens[at + 1]))) {
    const to = minutesOf(clean(tokens[at + 2]));
    if (to !== undefined) return span(from, to, written(start + 3), start + 3);
  }
  // "19.00-", "21.00" split oddly: a lone time.
  return single(written(start + 1), start + 1);
}
