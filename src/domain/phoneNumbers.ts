// A phone number in a note is personal data about someone, as a personnummer is: the command is
// refused (or stored without its note) before anything is stored, and before the parser reads
// its digits as counts ("45"), dates ("036-10") or hours.
//
// Recognition is libphonenumber-js (Google's libphonenumber metadata, kept up to date with the
// numbering plans; the "max" metadata checks each number against Sweden's real number ranges),
// with region SE, so "070-123 45 67", "+46 70 123 45 67", "036-10 20 30" and "0701234567" are
// found however they are grouped. Two rules keep what the bot reads as a date, a time, a count
// or a year from being taken for a number:
// - a Swedish number is written with its trunk prefix 0, or internationally with + or 00: a
//   match the library found without one ("2020-10-14", "19.00–21.00", "200314") is not a phone
//   number but a date, a time or a count that happens to fit a number range;
// - a match that the bot's own date or time readers read whole ("08.00-10.00", "02-10-2020") is a
//   date or a time.
import { findPhoneNumbersInText } from 'libphonenumber-js/max';
import type { IsoDate } from './agreement.js';
import { looksLikeDate, parseDateAt } from './dateWords.js';
import { words } from './text.js';
import { parseTimeAt } from './timeOfDay.js';

export interface PhoneNumberMatch {
  /** The number as written in the text. */
  match: string;
  /** Where it stands in the text (UTF-16 offsets, end exclusive). */
  start: number;
  end: number;
}

/**
 * Every Swedish phone number in the text, in order (see the module comment for what counts).
 * `today` is the day relative dates are read against when telling a date from a number. Never throws.
 */
export function findPhoneNumbers(text: string, today: IsoDate): PhoneNumberMatch[] {
  if (typeof text !== 'string' || !/\d/u.test(text)) return [];
  // The library skips over letters; it never throws on odd input, but a note is never worth a crash.
  let found: ReturnType<typeof findPhoneNumbersInText>;
  try {
    found = findPhoneNumbersInText(text, { defaultCountry: 'SE' });
  } catch {
    return [];
  }
  return found
    .map((m) => ({ match: text.slice(m.startsAt, m.endsAt), start: m.startsAt, end: m.endsAt }))
    .filter((m) => /^(?:\+|0)/u.test(m.match) && !readAsDateOrTime(m.match, today));
}

/** The first phone number in any of the texts, or undefined. */
export function findPhoneNumber(today: IsoDate, ...texts: (string | undefined)[]): PhoneNumberMatch | undefined {
  for (const t of texts) {
    const [first] = t ? findPhoneNumbers(t, today) : [];
    if (first) return first;
  }
  return undefined;
}

/** True when the bot's date or time readers take the whole text as one date or one time. */
function readAsDateOrTime(written: string, today: IsoDate): boolean {
  const tokens = words(written);
  const date = parseDateAt(tokens, 0, today);
  if (date && date.consumed === tokens.length) return true;
  const time = parseTimeAt(tokens, 0);
  if (time && time.ok && time.consumed === tokens.length) return true;
  return tokens.length === 1 && looksLikeDate(written) && /^\d{1,2}[-./]\d{1,2}[-./]\d{2,4}$/u.test(written);
}
