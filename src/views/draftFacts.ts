// The facts a question card repeats of the entry it would store, so nothing typed seems lost.
import type { Activity, IsoDate } from '../domain/agreement.js';
import { formatSwedishDate } from '../domain/calendar.js';
import { countText, hoursText, participantsText } from './texts.js';

/** What a question card shows of an entry not yet stored. */
export interface DraftDetails {
  date: IsoDate;
  count: number;
  place?: string;
  hours?: number;
  participants?: number;
  note?: string;
}

/**
 * "Aktivitet, Datum, Plats, Antal, Tid, Deltagare" and, with `note`, "Anteckning": one fact each,
 * the optional ones only when given. A card that asks about the note itself shows it; one that
 * would store the entry without it (a phone number) leaves it out.
 */
export function draftFacts(
  draft: DraftDetails,
  activity: Activity,
  { note }: { note: boolean },
): { title: string; value: string }[] {
  return [
    { title: 'Aktivitet', value: activity.name },
    { title: 'Datum', value: formatSwedishDate(draft.date) },
    ...(draft.place ? [{ title: 'Plats', value: draft.place }] : []),
    { title: 'Antal', value: countText(draft.count, activity) },
    ...(draft.hours !== undefined ? [{ title: 'Tid', value: hoursText(draft.hours) }] : []),
    ...(draft.participants !== undefined ? [{ title: 'Deltagare', value: participantsText(draft.participants) }] : []),
    ...(note && draft.note ? [{ title: 'Anteckning', value: draft.note }] : []),
  ];
}
