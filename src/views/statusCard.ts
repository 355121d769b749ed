import type { AgreementPromise } from '../domain/agreement.js';
import { formatSwedishDate } from '../domain/calendar.js';
import type { AgreementStatus } from '../domain/status.js';
import { activityRow, regroup, type ActivityRowData } from './activityRow.js';
import { expandCard, type AdaptiveCard } from './cards.js';
import { moreData, pageOf, type MoreData } from './paging.js';
import { periodText, promiseHeading } from './texts.js';

/** Activity rows on one status card: the budget test shows 40 of them stay far under 28 KB. */
const STATUS_PAGE_SIZE = 20;

/** The data bound into cards/status.json. */
interface StatusCardData {
  title: string;
  subtitle: string;
  phaseText: string;
  pageText: string;
  promises: { heading: string; rows: ActivityRowData[] }[];
  more: MoreData;
}

/** `args` is what /status was given ("2020"), so "Visa fler" asks for the same agreement. */
function statusCardData(status: AgreementStatus, args = '', page = 0): StatusCardData {
  const { agreement } = status;
  const phaseText =
    status.phase === 'past'
      ? `Perioden är slut: slutläge per ${formatSwedishDate(status.asOf)}.`
      : status.phase === 'future'
        ? `Perioden har inte börjat än.`
        : `Läge ${formatSwedishDate(status.today)}.`;
  const numbered = new Map<AgreementPromise, number>(agreement.promises.map((p, i) => [p, i + 1]));
  const rows = status.promises.flatMap((p) =>
    p.activities.map((a) => ({
      promise: p.promise,
      row: activityRow(a, a.lastEntryDate ? `senast loggad ${formatSwedishDate(a.lastEntryDate)}` : 'inget loggat än'),
    })),
  );
  const shown = pageOf(rows, page, STATUS_PAGE_SIZE);
  return {
    title: agreement.title,
    subtitle: `${agreement.parties.join(' och ')} · ${periodText(agreement)}`,
    phaseText,
    pageText:
      shown.pages > 1
        ? `Sida ${shown.page + 1} av ${shown.pages}: aktivitet ${shown.first}–${shown.last} av ${shown.total}.`
        : '',
    promises: regroup(shown.items).map((g) => ({
      heading: promiseHeading(g.promise, numbered.get(g.promise) ?? 0),
      rows: g.rows,
    })),
    more: moreData(shown, 'status', args, 'aktiviteter'),
  };
}

export function statusCard(status: AgreementStatus, args = '', page = 0): AdaptiveCard {
  return expandCard('status', statusCardData(status, args, page));
}
