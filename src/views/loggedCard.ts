// The confirmation of a logged entry: what was stored, and where the activity stands now.
import type { Activity, Agreement } from '../domain/agreement.js';
import { formatSwedishDate } from '../domain/calendar.js';
import type { Entry } from '../domain/entry.js';
import type { ActivityStatus } from '../domain/status.js';
import { activityRow, type ActivityRowData } from './activityRow.js';
import { expandCard, type AdaptiveCard } from './cards.js';
import { countText, hoursText, participantsText } from './texts.js';

export interface LoggedCardData {
  heading: string;
  headingColor: 'Good' | 'Default';
  activity: string;
  facts: { title: string; value: string }[];
  progressTitle: string;
  row: ActivityRowData;
  hint: string;
}

/** `fresh` is false when the entry was already stored (a second click, a redelivered message). */
export function loggedCardData(
  entry: Entry,
  agreement: Agreement,
  activity: Activity,
  status: ActivityStatus,
  fresh: boolean,
): LoggedCardData {
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
    heading: fresh ? '✅ Loggat' : 'Det här var redan loggat',
    headingColor: fresh ? 'Good' : 'Default',
    activity: activity.name,
    facts,
    progressTitle: agreement.title,
    row: activityRow(status, ''),
    hint: 'Fel? Skriv /ångra så tas den bort.',
  };
}

export function loggedCard(data: LoggedCardData): AdaptiveCard {
  return expandCard('logged', data);
}
