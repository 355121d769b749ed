// "/mina": a user's latest entries, newest first, a page at a time.
import type { Activity } from '../domain/agreement.js';
import { formatSwedishDate } from '../domain/calendar.js';
import type { Entry } from '../domain/entry.js';
import { expandCard, type AdaptiveCard } from './cards.js';
import { sameOccasionText, type EntrySubmit } from './loggedCard.js';
import { moreData, pageOf, type MoreData } from './paging.js';
import { countText, hoursText, noteForCard, participantsText } from './texts.js';

const MINE_PAGE_SIZE = 10;

export interface MineCardData {
  title: string;
  subtitle: string;
  entries: { name: string; detail: string; note: string; edit: EntrySubmit; remove: EntrySubmit }[];
  hint: string;
  more: MoreData;
}

/**
 * `entries` newest first; `activityOf` names an entry's activity (undefined if it is gone);
 * `othersOf` the other people who logged its occasion (the entry counts once with theirs).
 */
export function mineCardData(
  entries: readonly Entry[],
  activityOf: (e: Entry) => Activity | undefined,
  page = 0,
  othersOf: (e: Entry) => readonly string[] = () => [],
): MineCardData {
  const shown = pageOf(entries, page, MINE_PAGE_SIZE);
  return {
    title: 'Dina insatser',
    subtitle: `${entries.length} totalt · visar ${shown.first}–${shown.last}`,
    entries: shown.items.map((e) => {
      const activity = activityOf(e);
      const parts = [
        formatSwedishDate(e.date),
        e.place,
        activity ? countText(e.count, activity) : String(e.count),
        e.hours !== undefined ? hoursText(e.hours) : undefined,
        e.participants !== undefined ? participantsText(e.participants) : undefined,
        sameOccasionText(othersOf(e)),
      ];
      const ids = { agreementId: e.agreementId, entryId: e.id };
      return {
        name: activity?.name ?? e.activityId,
        detail: parts.filter(Boolean).join(' · '),
        note: noteForCard(e.note ?? ''),
        edit: { verb: 'entry.edit', ...ids },
        remove: { verb: 'entry.remove', ...ids, view: 'mine' },
      };
    }),
    hint: 'Senaste arbetsdag först. Ändra öppnar formuläret ifyllt; Ta bort tar bort insatsen (den finns kvar i historiken).',
    more: moreData(shown, 'mine', '', 'insatser'),
  };
}

export function mineCard(data: MineCardData): AdaptiveCard {
  return expandCard('mine', data);
}
