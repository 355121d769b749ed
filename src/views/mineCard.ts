// "/mina": a user's latest entries, newest first, a page at a time.
import type { Activity } from '../domain/agreement.js';
import { formatSwedishDate } from '../domain/calendar.js';
import type { Entry } from '../domain/entry.js';
import { expandCard, type AdaptiveCard } from './cards.js';
import { moreData, pageOf, type MoreData } from './paging.js';
import { countText, hoursText, participantsText } from './texts.js';

const MINE_PAGE_SIZE = 10;

export interface MineCardData {
  title: string;
  subtitle: string;
  entries: { name: string; detail: string; note: string }[];
  hint: string;
  more: MoreData;
}

/** `entries` newest first; `activityOf` names an entry's activity (undefined if it is gone). */
export function mineCardData(
  entries: readonly Entry[],
  activityOf: (e: Entry) => Activity | undefined,
  page = 0,
): MineCardData {
  const shown = pageOf(entries, page, MINE_PAGE_SIZE);
  return {
    title: 'Dina senaste insatser',
    subtitle: `${entries.length} totalt · visar ${shown.first}–${shown.last}`,
    entries: shown.items.map((e) => {
      const activity = activityOf(e);
      const parts = [
        formatSwedishDate(e.date),
        e.place,
        activity ? countText(e.count, activity) : String(e.count),
        e.hours !== undefined ? hoursText(e.hours) : undefined,
        e.participants !== undefined ? participantsText(e.participants) : undefined,
      ];
      return { name: activity?.name ?? e.activityId, detail: parts.filter(Boolean).join(' · '), note: e.note ?? '' };
    }),
    hint: 'Skriv /ångra för att ta bort den senaste.',
    more: moreData(shown, 'mine', '', 'insatser'),
  };
}

export function mineCard(data: MineCardData): AdaptiveCard {
  return expandCard('mine', data);
}
