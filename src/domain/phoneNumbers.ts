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
// - a match that begins with what the bot's own date or time readers read ("08.00-10.00",
//   "02-10-2020", "08.00-10.00 12 pers") is a date or a time; only the rest of it is looked at again.
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

// The fewest digits a number the library finds can have, country code included (Austria's +43
// and a four-digit number; Sweden's own have seven or more after the 0).
const FEWEST_DIGITS = 6;

/**
 * False when no number the rules keep can stand in the text, so the library need not look (it
 * took 4 % of the CPU under /logga load): a kept number begins with + or 0 and holds FEWEST_DIGITS
 * digits or more. (It may begin inside a run of digits, after a match that ended there, so any 0
 * can begin one.)
 */
function mayHoldNumber(text: string): boolean {
  const start = text.search(/[+0]/u);
  if (start < 0) return false;
  let digits = 0;
  for (const _ of text.slice(start).matchAll(/\p{Nd}/gu)) if (++digits >= FEWEST_DIGITS) return true;
  return false;
}

/**
 * Every Swedish phone number in the text, in order (see the module comment for what counts).
 * `today` is the day relative dates are read against when telling a date from a number. Never throws.
 */
export function findPhoneNumbers(text: string, today: IsoDate): PhoneNumberMatch[] {
  if (typeof text !== 'string' || !mayHoldNumber(text)) return [];
  // The library skips over letters; it never throws on odd input, but a note is never worth a crash.
  let found: ReturnType<typeof findPhoneNumbersInText>;
  try {
    found = findPhoneNumbersInText(text, { defaultCountry: 'SE' });
  } catch {
    return [];
  }
  return found.flatMap((m) => {
    const match = text.slice(m.startsAt, m.endsAt);
    if (!/^(?:\+|0)/u.test(match)) return [];
    // "08.00-10.00 12 pers": a time or a date first; what follows it may still hold a number.
    const read = dateOrTimeTokens(match, today);
    if (read === 0) return [{ match, start: m.startsAt, end: m.endsAt }];
    const tokens = match.split(/(\s+)/u);
    const skipped = tokens.slice(0, read * 2).join('').length;
    const rest = match.slice(skipped);
    return findPhoneNumbers(rest, today).map((r) => ({
      match: r.match,
      start: m.startsAt + skipped + r.start,
      end: m.startsAt + skipped + r.end,
    }));
  });
}

/** The first phone number in any of the texts, or undefined. */
export function findPhoneNumber(today: IsoDate, ...texts: (string | undefined)[]): PhoneNumberMatch | undefined {
  for (const t of texts) {
    const [first] = t ? findPhoneNumbers(t, today) : [];
    if (first) return first;
  }
  return undefined;
}

/**
 * How many of the written tokens, from the first, the bot's date or time readers read as one
 * date or time ("08.00-10.00", "02-10-2020", "kl 19-21"); 0 when they read none.
 */
function dateOrTimeTokens(written: string, today: IsoDate): number {
  const tokens = words(written);
  const date = parseDateAt(tokens, 0, today);
  if (date && date.ok) return date.consumed;
  // A time the reader refuses ("02.30–02.30" is 0 hours) is still a time, answered as one by the log
  // parser, never a phone number.
  const time = parseTimeAt(tokens, 0);
  if (time) return time.consumed;
  const first = tokens[0] ?? '';
  return looksLikeDate(first) && /^\d{1,2}[-./]\d{1,2}[-./]\d{2,4}$/u.test(first) ? 1 : 0;
}
