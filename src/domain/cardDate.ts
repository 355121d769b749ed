// The value of an Adaptive Card Input.Date as clients send it. The schema says "YYYY-MM-DD", but
// some Teams clients send an instant ("2020-05-20T00:00:00.000Z") or their locale's short form
// ("5/20/2020", month first). The day the user picked is what was written, never shifted by a
// time zone; a short form that reads both ways ("5/6/2020") is asked about, not guessed.
import type { IsoDate } from './agreement.js';
import { isValidIsoDate } from './calendar.js';

export type CardDate =
  | { ok: true; date: IsoDate }
  | { ok: false; reason: 'unreadable' | 'nonexistent' }
  | { ok: false; reason: 'ambiguous'; readings: [IsoDate, IsoDate] };

const pad = (n: number) => String(n).padStart(2, '0');

/** Reads a card's date input (already trimmed, non-empty). */
export function readCardDate(value: string): CardDate {
  const iso = /^(\d{4}-\d{2}-\d{2})(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/u.exec(value);
  if (iso) return iso[1] && isValidIsoDate(iso[1]) ? { ok: true, date: iso[1] } : { ok: false, reason: 'nonexistent' };
  const short = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/u.exec(value);
  if (!short) return { ok: false, reason: 'unreadable' };
  const [a, b, year] = [Number(short[1]), Number(short[2]), short[3] ?? ''];
  const monthFirst = `${year}-${pad(a)}-${pad(b)}`;
  const dayFirst = `${year}-${pad(b)}-${pad(a)}`;
  const valid = [monthFirst, dayFirst].filter(isValidIsoDate);
  const [first, second] = valid;
  if (first === undefined) return { ok: false, reason: 'nonexistent' };
  if (second === undefined || first === second) return { ok: true, date: first };
  return { ok: false, reason: 'ambiguous', readings: [first, second] };
}
