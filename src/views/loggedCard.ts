// The confirmation of a logged entry: what was stored, and where the activity stands now.
import type { Activity, Agreement } from '../domain/agreement.js';
import { formatSwedishDate } from '../domain/calendar.js';
import type { Entry } from '../domain/entry.js';
import type { ActivityStatus } from '../domain/status.js';
import { activityRow, type ActivityRowData } from './activityRow.js';
import { expandCard, type AdaptiveCard } from './cards.js';
import { countText, hoursText, participantsText } from './texts.js';

/** What a button on an entry's card sends: take it back, remove it, or open it in the form. */
export interface EntrySubmit {
  verb: 'entry.undo' | 'entry.remove' | 'entry.edit';
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
  hint: string;
  action: { show: boolean; title: string; submit: EntrySubmit | Record<string, never> };
}

/**
 * How the card speaks of the entry: just logged, already logged (a second click, a redelivered
 * message), changed, taken back (the card of an undone entry says so), or asked about before a
 * second removal.
 */
export type LoggedCardMode = 'logged' | 'already' | 'edited' | 'undone' | 'confirmRemove';

const HEADING: Readonly<Record<LoggedCardMode, string>> = {
  logged: '✅ Loggat',
  already: 'Det här var redan loggat',
  edited: '✏️ Ändrat',
  undone: '↩️ Ångrat',
  confirmRemove: 'Ta bort även den här?',
};

const HINT: Readonly<Record<LoggedCardMode, string>> = {
  logged: 'Fel? Tryck Ångra, eller skriv /ångra.',
  already: 'Fel? Tryck Ångra, eller skriv /ångra.',
  edited: 'Ändringen finns i insatsens historik. Fel? Tryck Ångra.',
  undone: 'Insatsen är borttagen och räknas inte längre. Den finns kvar i historiken.',
  confirmRemove: 'Du ångrade nyss en insats. Tryck Ta bort om även den här ska bort; annars händer inget.',
};

/** `fresh` is false when the entry was already stored (a second click, a redelivered message). */
export function loggedCardData(
  entry: Entry,
  agreement: Agreement,
  activity: Activity,
  status: ActivityStatus,
  fresh: boolean,
  mode: LoggedCardMode = fresh ? 'logged' : 'already',
): LoggedCardData {
  const ids = { agreementId: entry.agreementId, entryId: entry.id };
  const facts = [
    { title: 'Datum', value: formatSwedishDate(entry.date) },
    ...(entry.place ? [{ title: 'Plats', value: entry.place }] : []),
    { title: 'Antal', value: countText(entry.count, activity) },
    ...(entry.hours !== undefined ? [{ title: 'Tid', value: hoursText(entry.hours) }] : []),
    ...(entry.participants !== undefined ? [{ title: 'Deltagare', value: participantsText(entry.participants) }] : []),
    ...(entry.note ? [{ title: 'Anteckning', value: entry.note }] : []),
    ...(entry.by.name ? [{ title: 'Loggat av', value: entry.by.name }] : []),
  ];
  return {
    heading: HEADING[mode],
    headingColor: mode === 'logged' || mode === 'edited' ? 'Good' : 'Default',
    activity: activity.name,
    facts,
    progressTitle: agreement.title,
    row: activityRow(status, ''),
    hint: HINT[mode],
    action:
      mode === 'undone'
        ? { show: false, title: '', submit: {} }
        : mode === 'confirmRemove'
          ? { show: true, title: 'Ta bort', submit: { verb: 'entry.remove', ...ids } }
          : { show: true, title: 'Ångra', submit: { verb: 'entry.undo', ...ids } },
  };
}

export function loggedCard(data: LoggedCardData): AdaptiveCard {
  return expandCard('logged', data);
}
