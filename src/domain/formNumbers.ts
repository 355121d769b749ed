// The log form's optional number fields as typed: "Deltagare" and "Timmar". A client may send a
// number, a string ("1,5" with a Swedish decimal comma), or nothing; nothing typed is no value.
import { MAX_HOURS, MAX_PARTICIPANTS } from './logRequest.js';

export type FormNumber = { ok: true; value: number | undefined } | { ok: false; error: string };

const written = (raw: string | number | undefined): string =>
  typeof raw === 'number' ? String(raw) : (raw ?? '').trim();

/**
 * "Deltagare": a whole number from 1 to MAX_PARTICIPANTS, or '' / absent for none.
 * Errors are Swedish sentences for the form's error line.
 */
export function readFormParticipants(raw: string | number | undefined): FormNumber {
  const typed = written(raw);
  if (typed === '') return { ok: true, value: undefined };
  const n = /^\d{1,6}$/u.test(typed) ? Number(typed) : Number.NaN;
  if (!Number.isInteger(n) || n < 1 || n > MAX_PARTICIPANTS) {
    return {
      ok: false,
      error: `Deltagare "${typed.slice(0, 20)}" går inte att spara: skriv ett heltal från 1 till ${MAX_PARTICIPANTS}, eller lämna fältet tomt.`,
    };
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
    return {
      ok: false,
      error: `Timmar "${typed.slice(0, 20)}" går inte att spara: skriv en tid över 0 och högst ${MAX_HOURS} timmar, t.ex. 1,5, eller lämna fältet tomt.`,
    };
  }
  return { ok: true, value: hours };
}
