// The /status card: as it arrives, the overview that fits a phone (per promise one line of how
// its activities stand, then what is behind plan, each activity once); each promise's activity
// rows (figures, bar, last entry) unfold under it with "Visa aktiviteterna".
import type { AgreementPromise } from '../domain/agreement.js';
import { formatSwedishDate } from '../domain/calendar.js';
import type { ActivityStatus, AgreementStatus } from '../domain/status.js';
import { activityRow, type ActivityRowData } from './activityRow.js';
import { expandCard, type AdaptiveCard } from './cards.js';
import { moreData, pageOf, type MoreData } from './paging.js';
import { alsoServesText, overviewList, ownActivities, promiseSections, type FoldData } from './promiseSections.js';
import { STATUS_ORDER, statusCardColor, statusCountText, statusMark, statusWord } from './statusWords.js';
import { periodText, progressText, promiseHeading } from './texts.js';

/**
 * Activity rows on one status card (folded, but in the message): 16, as on the summary card, keeps
 * the budget test's long worst case (four promises with their folds) well under 28 KB.
 */
const STATUS_PAGE_SIZE = 16;

interface TallyRun {
  text: string;
  color: string;
}

interface BehindLine {
  mark: string;
  name: string;
  progress: string;
  label: string;
  color: string;
}

/** The data bound into cards/status.json. */
interface StatusCardData {
  title: string;
  subtitle: string;
  phaseText: string;
  pageText: string;
  behindHeading: string;
  behind: BehindLine[];
  /** "… och 3 till: …" when more are behind than the overview lists. */
  behindMore: string;
  promises: { heading: string; tally: TallyRun[]; rows: ActivityRowData[]; notes: string[]; fold: FoldData }[];
  more: MoreData;
}

/** "✅ 2 genomförda · 🟢 3 i fas · 🔴 1 långt efter": how a promise's activities stand, each counted. */
function tally(activities: readonly ActivityStatus[]): TallyRun[] {
  const runs: TallyRun[] = [];
  for (const code of STATUS_ORDER) {
    const n = activities.filter((a) => a.status === code).length;
    if (n === 0) continue;
    if (runs.length > 0) runs.push({ text: ' · ', color: 'Default' });
    runs.push({ text: `${statusMark(code)} ${statusCountText(code, n)}`, color: statusCardColor(code) });
  }
  return runs.length > 0 ? runs : [{ text: 'Inga aktiviteter.', color: 'Default' }];
}

/** Behind plan, the furthest behind first; each activity once, whatever promises it serves. */
function behindLines(activities: readonly ActivityStatus[]): BehindLine[] {
  const severity = (s: ActivityStatus) => (s.status === 'farBehind' ? 0 : 1);
  return activities
    .filter((a) => a.status === 'behind' || a.status === 'farBehind')
    .sort((x, y) => severity(x) - severity(y))
    .map((a) => ({
      mark: statusMark(a.status),
      name: a.activity.name,
      progress: progressText(a.progress),
      label: statusWord(a.status),
      color: statusCardColor(a.status),
    }));
}

/** `args` is what /status was given ("2020"), so "Visa fler" asks for the same agreement. */
function statusCardData(
  status: AgreementStatus,
  args: string,
  page: number,
  responsibleNames: (activityId: string) => readonly string[],
): StatusCardData {
  const { agreement } = status;
  const phaseText =
    status.phase === 'past'
      ? `Perioden är slut: slutläge per ${formatSwedishDate(status.asOf)}.`
      : status.phase === 'future'
        ? `Perioden har inte börjat än.`
        : `Läge ${formatSwedishDate(status.today)}.`;
  const idOf = (a: ActivityStatus) => a.activity.id;
  const rows = ownActivities(status.promises, idOf).map((owned) => {
    const a = owned.activity;
    const last = a.lastEntryDate ? `senast loggad ${formatSwedishDate(a.lastEntryDate)}` : 'inget loggat än';
    const names = responsibleNames(a.activity.id);
    const who = names.length > 0 ? ` · ansvarig: ${names.join(', ')}` : '';
    return { owned, row: activityRow(a, `${last}${who}${alsoServesText(owned.alsoServes)}`) };
  });
  const shown = pageOf(rows, page, STATUS_PAGE_SIZE);
  const first = shown.page === 0;
  const byPromise = new Map<AgreementPromise, readonly ActivityStatus[]>(
    status.promises.map((p) => [p.promise, p.activities]),
  );
  const behind = first ? behindLines(status.activities) : [];
  const behindShown = overviewList(behind);
  return {
    title: agreement.title,
    subtitle: `${agreement.parties.join(' och ')} · ${periodText(agreement)}`,
    phaseText,
    pageText:
      shown.pages > 1
        ? `Sida ${shown.page + 1} av ${shown.pages}: aktivitet ${shown.first}–${shown.last} av ${shown.total}.`
        : '',
    behindHeading: `Efter plan (${behind.length})`,
    behind: behindShown.shown,
    behindMore: behindShown.rest,
    promises: promiseSections(status.promises, idOf, (a) => a.activity.name, shown).map((s) => ({
      heading: promiseHeading(s.promise, s.number),
      tally: tally(byPromise.get(s.promise) ?? []),
      rows: s.rows,
      notes: s.notes,
      fold: s.fold,
    })),
    more: moreData(shown, 'status', args, 'aktiviteter'),
  };
}

/**
 * The card's text for notifications and clients that cannot show cards: the agreement, how its
 * activities stand (each counted once) and what is behind plan, by name and figure.
 */
export function statusText(status: AgreementStatus): string {
  const counts = STATUS_ORDER.map((code) => [code, status.activities.filter((a) => a.status === code).length] as const)
    .filter(([, n]) => n > 0)
    .map(([code, n]) => statusCountText(code, n))
    .join(', ');
  const behind = behindLines(status.activities)
    .map((b) => `${b.name} (${b.progress})`)
    .join(', ');
  return [
    `${status.agreement.title}, ${status.phase === 'past' ? `slutläge per ${formatSwedishDate(status.asOf)}` : `läge ${formatSwedishDate(status.today)}`}:`,
    `${status.activities.length} aktiviteter (${counts}).`,
    behind ? `Efter plan: ${behind}.` : 'Inget är efter plan.',
  ].join(' ');
}

/** The /status card; `responsibleNames` gives each activity's responsible people (/ansvarig), shown on its row. */
export function statusCard(
  status: AgreementStatus,
  args = '',
  page = 0,
  responsibleNames: (activityId: string) => readonly string[] = () => [],
): AdaptiveCard {
  return expandCard('status', statusCardData(status, args, page, responsibleNames));
}
