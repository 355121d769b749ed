// Which days and which entries one weekly card of a subscription reports. A subscription's cards
// form a sequence: each covers the whole Stockholm days from the day after the card before it up
// to the day before it is sent (the first one the seven days before), so the days tile the
// calendar; an entry recorded after the card for its days went out is reported by the next card,
// as late ("Efterregistrerat"). So every entry reaches exactly one card, the Thursday meeting too.
import type { IsoDate } from './agreement.js';
import { addDays } from './calendar.js';
import type { Entry } from './entry.js';
import { occasionKey } from './occasion.js';

/** Whole Stockholm calendar days, both ends included. */
export interface DayRange {
  start: IsoDate;
  end: IsoDate;
}

/** What the store keeps about the last card a subscription was sent. */
export interface SentCard {
  /** The last day the card covered. */
  through: IsoDate;
  /** The instant the card's content was taken: what was on record then is what it reported. */
  cutAt: Date;
}

/** The days a subscription's first card covers. */
const WEEK_DAYS = 7;

/**
 * The days a card sent on `sendDay` covers: from the day after `previous.through` (the card before
 * it in the same subscription) up to the day before `sendDay`; without a card before it, the seven
 * days before `sendDay` (PRODUCT.md: "a card covers the seven whole days before the day it is
 * sent"). Usually that is the same seven days; after a week the bot could not send (downtime, a
 * pause, an archived team) it is longer, and after the weekday was moved earlier it is shorter, so
 * that no day is reported twice or never. Never empty: a subscription sends at most once per ISO
 * week, so two cards never share a send day. `sendDay` is an ISO date.
 */
export function weeklyCardDays(sendDay: IsoDate, previous: SentCard | undefined): DayRange {
  const end = addDays(sendDay, -1);
  const start = previous && previous.through < end ? addDays(previous.through, 1) : addDays(sendDay, -WEEK_DAYS);
  return { start, end };
}

/** The card's content: its days, the entries dated in them, and the late ones from days before. */
export interface WeeklyCardContent {
  days: DayRange;
  /** Active entries on record at the cut, dated within `days`. */
  onTime: Entry[];
  /** Active entries on record at the cut, dated before `days`, that the card before did not cover; oldest date first. */
  late: Entry[];
}

/**
 * What a subscription's card taken at `cutAt` on its send day reports, given the card before it
 * (`previous`: its last day and cut, as the store recorded them; undefined for the first card).
 *
 * The rule, from what is stored (each entry's date, `loggedAt`, corrections and removal, with
 * their instants):
 * - A card *covers* every entry that, at its cut, was on record (`loggedAt` ≤ cut), not removed,
 *   and dated on or before the card's last day.
 * - A card shows the entries dated in its days (`onTime`), and as late the entries dated before its
 *   days that the previous card did not cover (recorded after that card's cut, or then dated after
 *   its days, or then removed and since restored). The first card shows no late entries: what was
 *   recorded before a subscription's first card, for days before its first week, is no card's news.
 *
 * - Late entries are counted by occasion: one line per occasion, none for an occasion the card
 *   before reported through another of its entries.
 *
 * Hence, over a subscription's cards (the days tile), every entry dated on or after the first
 * card's first day, or recorded after the first card's cut, is shown by exactly one card: the first
 * whose cut it was on record at, with a date at or before that card's last day. Corrections that
 * move an entry to an earlier date keep that. A correction that moves an entry already reported to
 * a later card's days shows it again there with its new date (each card shows what is on record for
 * its own days); an entry removed before its card was taken is shown by none.
 *
 * `entries` may hold anything (other areas' agreements' too; the caller chooses); `cutAt` is the
 * instant the card is made, `sendDay` its Stockholm date.
 */
export function weeklyCardContent(
  entries: readonly Entry[],
  sendDay: IsoDate,
  cutAt: Date,
  previous: SentCard | undefined,
): WeeklyCardContent {
  const days = weeklyCardDays(sendDay, previous);
  const onTime: Entry[] = [];
  const late: Entry[] = [];
  const cut = cutAt.getTime();
  for (const entry of entries) {
    if (Date.parse(entry.loggedAt) > cut || !activeAt(entry, cut)) continue;
    const date = dateAt(entry, cut);
    if (date > days.end) continue;
    if (date >= days.start) onTime.push(entry);
    else if (previous !== undefined && !covered(entry, previous)) late.push(entry);
  }
  late.sort((a, b) => a.date.localeCompare(b.date) || a.loggedAt.localeCompare(b.loggedAt));
  return { days, onTime, late: newOccasions(late, entries, previous) };
}

/**
 * The late entries that are news: one per occasion (src/domain/occasion.ts), and none for an
 * occasion the card before already reported through another entry of it. Someone who joins the
 * inspection Johan logged last week adds a participant, not a second late inspection.
 */
function newOccasions(late: readonly Entry[], entries: readonly Entry[], previous: SentCard | undefined): Entry[] {
  if (late.length === 0 || previous === undefined) return [...late];
  const reported = new Set(entries.filter((e) => covered(e, previous)).map(occasionKey));
  return late.filter((entry) => {
    const key = occasionKey(entry);
    if (reported.has(key)) return false;
    reported.add(key);
    return true;
  });
}

/** Whether `card` covered the entry: on record, not removed and dated on or before its last day at its cut. */
function covered(entry: Entry, card: SentCard): boolean {
  const cut = card.cutAt.getTime();
  return Date.parse(entry.loggedAt) <= cut && activeAt(entry, cut) && dateAt(entry, cut) <= card.through;
}

/** The entry's date as it stood at `instant` (ms): the value before the first correction after it. */
function dateAt(entry: Entry, instant: number): IsoDate {
  const later = entry.history?.find((change) => Date.parse(change.at) > instant);
  return later ? later.before.date : entry.date;
}

/** Whether the entry was not removed at `instant` (ms), removals taken back ("restored") included. */
function activeAt(entry: Entry, instant: number): boolean {
  if (entry.removed && Date.parse(entry.removed.at) <= instant) return false;
  // A restoration keeps the removal it took back: the entry was removed from then until the restoration.
  return !(entry.history ?? []).some(
    (change) =>
      change.removed !== undefined && Date.parse(change.removed.at) <= instant && Date.parse(change.at) > instant,
  );
}
