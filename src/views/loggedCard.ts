// The confirmation of a logged entry: what was stored, and where the activity stands now.
import type { Activity, Agreement } from '../domain/agreement.js';
import { formatSwedishDate } from '../domain/calendar.js';
import { whyNotCounted } from '../domain/counting.js';
import type { Entry } from '../domain/entry.js';
import type { ActivityStatus } from '../domain/status.js';
import { activityRow, type ActivityRowData } from './activityRow.js';
import { expandCard, type AdaptiveCard } from './cards.js';
import { notCountedText } from './noteGuardCards.js';
import { namesText } from './occasionCard.js';
import { countText, hoursText, noteForCard, participantsText } from './texts.js';

/** What a button on an entry's card sends: take it back, remove it, or open it in the form. */
export interface EntrySubmit {
  verb: 'entry.undo' | 'entry.remove' | 'entry.edit' | 'entry.restore';
  agreementId: string;
  entryId: string;
  /** Sent from /mina: the answer is the list again. */
  view?: 'mine';
}

export interface LoggedCardData {
  heading: string;
  headingColor: 'Good' | 'Default';
  activity: string;
  facts: { title: string; value: string }[];
  progressTitle: string;
  row: ActivityRowData;
  /** Why the entry does not count toward the target ('' when it does). */
  notCounted: string;
  hint: string;
  action: { show: boolean; title: string; submit: EntrySubmit | Record<string, never> };
}

/**
 * How the card speaks of the entry: just logged, already logged (a second click, a redelivered
 * message), changed, asked to change into what it already says, taken back (the card of an undone
 * entry says so), asked about before a second removal, removed because its message was deleted in
 * Teams, or kept after all.
 */
export type LoggedCardMode =
  'logged' | 'already' | 'edited' | 'unchanged' | 'undone' | 'confirmRemove' | 'messageDeleted' | 'restored';

const HEADING: Readonly<Record<LoggedCardMode, string>> = {
  logged: '✅ Loggat',
  already: 'Det här var redan loggat',
  edited: '✏️ Ändrat',
  unchanged: 'Inget att ändra',
  undone: '↩️ Ångrat',
  confirmRemove: 'Ta bort även den här?',
  messageDeleted: '🗑️ Borttagen med meddelandet',
  restored: '✅ Insatsen räknas igen',
};

const HINT: Readonly<Record<LoggedCardMode, string>> = {
  logged: 'Fel? Tryck Ångra, eller skriv /ångra.',
  // Not "/ångra": that takes back the latest entry, which this one need not be.
  already: 'Fel? Tryck Ångra.',
  edited: 'Ändringen finns i insatsens historik. Fel? Tryck Ångra.',
  unchanged: 'Insatsen säger redan det här. Fel? Tryck Ångra.',
  undone: 'Insatsen är borttagen och räknas inte längre. Den finns kvar i historiken.',
  confirmRemove: 'Du ångrade nyss en insats. Tryck Ta bort om även den här ska bort; annars händer inget.',
  messageDeleted:
    'Meddelandet togs bort, så insatsen är borttagen och räknas inte längre. Den finns kvar i historiken. Tryck Behåll insatsen om den ska räknas ändå.',
  restored: 'Insatsen räknas igen; borttagningen finns kvar i historiken. Fel? Tryck Ångra.',
};

type EntryIds = { agreementId: string; entryId: string };
const ANGRA = (ids: EntryIds) => ({ show: true, title: 'Ångra', submit: { verb: 'entry.undo' as const, ...ids } });

/** The card's one button in each mode. */
const ACTION: Readonly<Record<LoggedCardMode, (ids: EntryIds) => LoggedCardData['action']>> = {
  logged: ANGRA,
  already: ANGRA,
  edited: ANGRA,
  unchanged: ANGRA,
  restored: ANGRA,
  undone: () => ({ show: false, title: '', submit: {} }),
  confirmRemove: (ids) => ({ show: true, title: 'Ta bort', submit: { verb: 'entry.remove', ...ids } }),
  messageDeleted: (ids) => ({ show: true, title: 'Behåll insatsen', submit: { verb: 'entry.restore', ...ids } }),
};

/** "Samma tillfälle som Johan Berg – räknas en gång", or undefined when nobody else logged the occasion. */
export function sameOccasionText(others: readonly string[]): string | undefined {
  return others.length > 0 ? `Samma tillfälle som ${namesText(others)} – räknas en gång` : undefined;
}

/**
 * `fresh` is false when the entry was already stored (a second click, a redelivered message);
 * `others` are the names of the other people who logged the entry's occasion.
 */
export function loggedCardData(
  entry: Entry,
  agreement: Agreement,
  activity: Activity,
  status: ActivityStatus,
  fresh: boolean,
  mode: LoggedCardMode = fresh ? 'logged' : 'already',
  others: readonly string[] = [],
): LoggedCardData {
  const same = sameOccasionText(others);
  const ids = { agreementId: entry.agreementId, entryId: entry.id };
  const facts = [
    { title: 'Datum', value: formatSwedishDate(entry.date) },
    ...(entry.place ? [{ title: 'Plats', value: entry.place }] : []),
    { title: 'Antal', value: countText(entry.count, activity) },
    ...(entry.hours !== undefined ? [{ title: 'Tid', value: hoursText(entry.hours) }] : []),
    ...(entry.participants !== undefined ? [{ title: 'Deltagare', value: participantsText(entry.participants) }] : []),
    ...(entry.note ? [{ title: 'Anteckning', value: noteForCard(entry.note) }] : []),
    ...(entry.by.name ? [{ title: 'Loggat av', value: entry.by.name }] : []),
    ...(same ? [{ title: 'Tillfälle', value: same }] : []),
  ];
  return {
    heading: HEADING[mode],
    headingColor: mode === 'logged' || mode === 'edited' || mode === 'restored' ? 'Good' : 'Default',
    activity: activity.name,
    facts,
    progressTitle: agreement.title,
    row: activityRow(status, ''),
    notCounted: notCountedLine(entry, activity, mode),
    hint: HINT[mode],
    action: ACTION[mode](ids),
  };
}

/** "⚠️ Onsdag 14 oktober 2020 räknas inte för …", for an active entry on a day its target does not count. */
function notCountedLine(entry: Entry, activity: Activity, mode: LoggedCardMode): string {
  if (mode === 'undone' || mode === 'messageDeleted') return '';
  const why = whyNotCounted(activity, entry.date);
  return why ? `⚠️ ${notCountedText(activity, entry.date, why)}` : '';
}

export function loggedCard(data: LoggedCardData): AdaptiveCard {
  return expandCard('logged', data);
}
