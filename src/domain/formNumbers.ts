// The log form's optional number fields as typed: "Deltagare" and "Timmar". A client may send a
// number, a string ("1,5" with a Swedish decimal comma), or nothing; nothing typed is no value.
import { MAX_HOURS, MAX_PARTICIPANTS } from './logRequest.js';

/** A form number that cannot be stored: what was typed (at most 20 characters) and the largest allowed. */
export type FormNumberProblem =
  { code: 'form.participants'; typed: string; max: number } | { code: 'form.hours'; typed: string; max: number };

export type FormNumber = { ok: true; value: number | undefined } | { ok: false; problem: FormNumberProblem };

const written = (raw: string | number | undefined): string =>
  typeof raw === 'number' ? String(raw) : (raw ?? '').trim();

/**
 * "Deltagare": a whole number from 1 to MAX_PARTICIPANTS, or '' / absent for none.
 * A problem is rendered on the form's error line (src/views/logFormTexts.ts).
 */
export function readFormParticipants(raw: string | number | undefined): FormNumber {
  const typed = written(raw);
  if (typed === '') return { ok: true, value: undefined };
  const n = /^\d{1,6}$/u.test(typed) ? Number(typed) : Number.NaN;
  if (!Number.isInteger(n) || n < 1 || n > MAX_PARTICIPANTS) {
    return { ok: false, problem: { code: 'form.participants', typed: typed.slice(0, 20), max: MAX_PARTICIPANTS } };
  }
  return { ok: true, value: n };
}

/**
 * "Timmar": hours over 0 and at most MAX_HOURS, with a decimal comma or point ("1,5", "1.5") and an
 * optional "h"; rounded to hundredths as the typed "/logga … 1,5 h" is. '' / absent for none.
 */
export function readFormHours(raw: string | number | undefined): FormNumber {
  const typed = written(raw);
  if (typed === '') return { ok: true, value: undefined };
  const match = /^(\d{1,3}(?:[.,]\d{1,2})?)\s*(?:h|tim|timmar|timme)?$/iu.exec(typed);
  const hours = match?.[1] ? Math.round(Number(match[1].replace(',', '.')) * 100) / 100 : Number.NaN;
  if (!(hours > 0) || hours > MAX_HOURS) {
    return { ok: false, problem: { code: 'form.hours', typed: typed.slice(0, 20), max: MAX_HOURS } };
  }
  return { ok: true, value: hours };
}
