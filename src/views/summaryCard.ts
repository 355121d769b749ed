// The summary card: what was logged in a period, per promise and activity, against the period
// before, with the status bars and what is behind. It arrives as an overview that fits a phone:
// page 1 carries the totals, for a week what was done, one line per promise and the "behind" list
// (what the SSG asks about first); each promise's activity rows unfold with "Visa aktiviteterna"
// (promiseSections.ts), and every page carries its share of them.
import type { Activity, IsoDate } from '../domain/agreement.js';
import { SWEDISH_MONTHS, daysBetween, formatSwedishDate, tertialOf } from '../domain/calendar.js';
import type { Entry } from '../domain/entry.js';
import type { DayRange } from '../domain/weeklyCard.js';
import {
  isRunning,
  type ActivitySummary,
  type PlaceTally,
  type Summary,
  type SummaryPeriod,
} from '../domain/summary.js';
import { activityRow, type ActivityRowData } from './activityRow.js';
import { expandCard, type AdaptiveCard } from './cards.js';
import { moreData, pageOf, type MoreData } from './paging.js';
import { alsoServesText, overviewList, ownActivities, promiseSections, type FoldData } from './promiseSections.js';
import { statusCardColor, statusMark, statusWord } from './statusWords.js';
import {
  countText,
  dateRangeText,
  entriesText,
  peopleText,
  progressText,
  promiseHeading,
  signedText,
} from './texts.js';

/**
 * Activity rows on one summary card (folded, but in the message): the budget test shows a page of
 * 16 long ones with four promises' overview stays under 28 KB; 20 did not once each promise had its fold.
 */
const SUMMARY_PAGE_SIZE = 16;
/** Places named per activity; the rest are counted, never dropped without a word. */
const PLACES_SHOWN = 4;
/** Late entries named on a weekly card; the rest are counted. */
const LATE_SHOWN = 8;
/** Late entries named in the weekly card's notification text. */
const LATE_IN_TEXT = 2;

/** An entry a weekly card reports as late ("Efterregistrerat"), with its activity when the store knows it. */
export interface LateEntry {
  entry: Entry;
  activity: Activity | undefined;
}

interface SummaryCardData {
  title: string;
  /** The weekly post: its own buttons (status, logga, sluta prenumerera). */
  weekly: boolean;
  subtitle: string;
  facts: { title: string; value: string }[];
  /** A week's card: what was done, each activity logged once ("Torsdagsmöte Öxnehaga: 1 gång"). */
  done: { name: string; count: string }[];
  doneMore: string;
  /** A weekly card's late entries: "Krogtillsyn natthelger: 12 oktober, 1 gång i centrum". */
  lateHeading: string;
  lateIntro: string;
  late: { name: string; detail: string }[];
  lateMore: string;
  behindHeading: string;
  behind: { mark: string; name: string; progress: string; label: string; color: string }[];
  behindMore: string;
  pageText: string;
  promises: { heading: string; detail: string; rows: ActivityRowData[]; notes: string[]; fold: FoldData }[];
  empty: string;
  more: MoreData;
}

/** "senaste 7 dagarna", "mars 2020", "tertial 1 2020", "år 2020". */
function periodTitle(period: SummaryPeriod): string {
  const { start } = period.full;
  const year = start.slice(0, 4);
  switch (period.kind) {
    case 'vecka':
      return 'senaste 7 dagarna';
    case 'månad':
      return `${SWEDISH_MONTHS[Number(start.slice(5, 7)) - 1] ?? ''} ${year}`;
    case 'tertial':
      return `tertial ${tertialOf(start).tertial} ${year}`;
    case 'år':
      return `år ${year}`;
  }
}

/** "8–14 mars 2020", or "1 januari – 14 mars 2020 (hittills)" for a period still running. */
function periodDays(period: SummaryPeriod): string {
  return `${dateRangeText(period.range.start, period.range.end)}${isRunning(period) ? ' (hittills)' : ''}`;
}

/**
 * What the period before had, named, and how this one compares: "5 insatser 1–7 mars 2020, nu 2
 * fler", "inget loggat 1–7 mars 2020" (never "+8 … (0)").
 */
function changeText(now: number, before: number | undefined, previous: SummaryPeriod['previous']): string {
  if (before === undefined) return 'ny sedan förra perioden';
  const when = dateRangeText(previous.start, previous.end);
  if (before === 0) return `inget loggat ${when}`;
  const diff = now - before;
  const compared = diff === 0 ? 'lika många nu' : `nu ${Math.abs(diff)} ${diff > 0 ? 'fler' : 'färre'}`;
  return `${entriesText(before)} ${when}, ${compared}`;
}

/**
 * Where it was done, after the amount: " i Öxnehaga" when one place holds it all, " (2 i Öxnehaga,
 * 1 utan plats)" when several, nothing when no entry named a place (never "(utan plats 1)").
 */
function placesText(places: readonly PlaceTally[]): string {
  const named = places.filter((p) => p.place !== '');
  const unplaced = places.filter((p) => p.place === '').reduce((sum, p) => sum + p.count, 0);
  if (named.length === 0) return '';
  const [only] = named;
  if (named.length === 1 && only && unplaced === 0) return ` i ${only.place}`;
  const parts = named.slice(0, PLACES_SHOWN).map((p) => `${p.count} i ${p.place}`);
  const rest = named.slice(PLACES_SHOWN);
  if (rest.length > 0) parts.push(`${rest.reduce((sum, p) => sum + p.count, 0)} på ${rest.length} platser till`);
  if (unplaced > 0) parts.push(`${unplaced} utan plats`);
  return ` (${parts.join(', ')})`;
}

function activityDetail(a: ActivitySummary): string {
  const change = a.previousCount === undefined ? 'ny' : `${signedText(a.count - a.previousCount)} mot förra`;
  if (a.entries === 0) {
    return a.previousCount ? `inget loggat (förra perioden ${countText(a.previousCount, a.activity)})` : 'inget loggat';
  }
  // "av 2 personer": who logged, not who took part (participants are the follow-up's).
  return `loggat ${countText(a.count, a.activity)}${placesText(a.places)} av ${peopleText(a.contributors)} · ${change}`;
}

/** What was logged in the period, each activity once (in the agreement's order), with its count. */
function weekDone(summary: Summary): { name: string; count: string }[] {
  return ownActivities(summary.promises, (a) => a.activity.id)
    .map((o) => o.activity)
    .filter((a) => a.entries > 0)
    .map((a) => ({ name: a.activity.name, count: countText(a.count, a.activity) }));
}

/** One activity under "Efter plan". */
function behindItem(a: ActivitySummary): SummaryCardData['behind'][number] {
  return {
    mark: statusMark(a.status.status),
    name: a.activity.name,
    progress: progressText(a.status.progress),
    label: statusWord(a.status.status),
    color: statusCardColor(a.status.status),
  };
}

/** The facts at the top of the first page: logged, logged late, the period before, as of. */
function summaryFacts(summary: Summary, late: readonly LateEntry[]): { title: string; value: string }[] {
  const { period, total } = summary;
  return [
    {
      title: 'Loggat',
      value: total.entries === 0 ? 'inget' : `${entriesText(total.entries)} av ${peopleText(total.contributors)}`,
    },
    ...(late.length > 0 ? [{ title: 'Efterregistrerat', value: `${entriesText(late.length)} från dagar före` }] : []),
    { title: 'Förra perioden', value: changeText(total.entries, total.previousEntries, period.previous) },
    { title: 'Läge', value: `${formatSwedishDate(period.range.end)}` },
  ];
}

/** Under a promise's heading: what was logged for it, compared with the period before. */
function promiseDetail(p: Summary['promises'][number]): string {
  const logged = p.entries === 0 ? 'inget loggat' : `${entriesText(p.entries)} av ${peopleText(p.contributors)}`;
  const compared =
    p.previousEntries === undefined
      ? 'ny sedan förra perioden'
      : `${signedText(p.entries - p.previousEntries)} mot förra perioden`;
  return `${logged} · ${compared}`;
}

/** A period with nothing logged: says so, and how to log. */
function emptyText(summary: Summary, weekly: boolean): string {
  const { period } = summary;
  const when = weekly ? dateRangeText(period.range.start, period.range.end) : periodDays(period);
  return `Inget loggat ${when}. Logga med /logga, t.ex. /logga ${summary.agreement.activities[0]?.keywords[0] ?? 'krogtillsyn'}.`;
}

/**
 * `args` is what /sammanfattning was given and `asOf` the date it was taken at, so "Visa fler"
 * shows the same period even when clicked the next day.
 */
function summaryCardData(
  summary: Summary,
  args: string,
  asOf: IsoDate,
  page = 0,
  weekly?: { late: readonly LateEntry[] },
): SummaryCardData {
  const { agreement, period, total } = summary;
  const byPromise = new Map(summary.promises.map((p) => [p.promise, p]));
  const idOf = (a: ActivitySummary) => a.activity.id;
  const owned = ownActivities(summary.promises, idOf);
  const rows = owned.map((owned) => ({
    owned,
    row: activityRow(owned.activity.status, `${activityDetail(owned.activity)}${alsoServesText(owned.alsoServes)}`),
  }));
  const shown = pageOf(rows, page, SUMMARY_PAGE_SIZE);
  const first = shown.page === 0;
  const nothing = total.entries === 0;
  const late = weekly?.late ?? [];
  const behind = overviewList(first ? summary.behind.map(behindItem) : []);
  // A week is short enough to name what was done; a month or a year says it per promise.
  const done = overviewList(first && period.kind === 'vecka' ? weekDone(summary) : []);

  return {
    // The weekly card has a title of its own, naming its days: it arrives unasked, in a channel's stream of posts.
    title: weekly ? weeklyTitle(period.range) : `Sammanfattning, ${periodTitle(period)}`,
    weekly: weekly !== undefined,
    subtitle: weekly ? weeklySubtitle(summary) : `${periodDays(period)} · ${agreement.title}`,
    facts: first ? summaryFacts(summary, late) : [],
    done: done.shown,
    doneMore: done.rest,
    lateHeading: `Efterregistrerat (${late.length})`,
    lateIntro: 'Loggat efter att kortet för de dagarna hade gått ut.',
    late: first ? late.slice(0, LATE_SHOWN).map(lateLine) : [],
    lateMore: first && late.length > LATE_SHOWN ? `… och ${entriesText(late.length - LATE_SHOWN)} till.` : '',
    behindHeading: `Efter plan (${summary.behind.length})`,
    behind: behind.shown,
    behindMore: behind.rest,
    pageText:
      shown.pages > 1
        ? `Sida ${shown.page + 1} av ${shown.pages}: aktivitet ${shown.first}–${shown.last} av ${shown.total}.`
        : '',
    promises: promiseSections(summary.promises, idOf, (a) => a.activity.name, shown).map((section) => {
      const p = byPromise.get(section.promise);
      return {
        heading: promiseHeading(section.promise, section.number),
        detail: p ? promiseDetail(p) : '',
        rows: section.rows,
        notes: section.notes,
        fold: section.fold,
      };
    }),
    empty: first && nothing ? emptyText(summary, weekly !== undefined) : '',
    more: moreData(shown, 'summary', args, 'aktiviteter', asOf),
  };
}

/** The summary card of /sammanfattning; `page` > 0 gives the later pages of a long agreement. */
export function summaryCard(summary: Summary, args: string, asOf: IsoDate, page = 0): AdaptiveCard {
  return expandCard('summary', summaryCardData(summary, args, asOf, page));
}

/**
 * The weekly post: "Så gick det 15–21 oktober 2020" (the days the summary's period holds), the late
 * entries under "Efterregistrerat", and buttons for the status, logging and ending the subscription.
 * Its "Visa fler" shows /sammanfattning vecka as of its last day: the same seven days.
 */
export function weeklyCard(summary: Summary, late: readonly LateEntry[]): AdaptiveCard {
  return expandCard('summary', summaryCardData(summary, 'vecka', summary.period.range.end, 0, { late }));
}

/** "Så gick det 15–21 oktober 2020" */
function weeklyTitle(days: DayRange): string {
  return `Så gick det ${dateRangeText(days.start, days.end)}`;
}

/** The agreement, and why the days are not seven when they are not (a week missed, the weekday moved). */
function weeklySubtitle(summary: Summary): string {
  const { start, end } = summary.period.range;
  const length = daysBetween(start, end) + 1;
  return length === 7
    ? `Veckokortet · ${summary.agreement.title}`
    : `Veckokortet: ${length} dagar, sedan förra kortet · ${summary.agreement.title}`;
}

/** "Krogtillsyn natthelger" / "12 oktober, 1 gång i centrum": no name, no note (the card goes to a channel). */
function lateLine({ entry, activity }: LateEntry): { name: string; detail: string } {
  const count = activity ? countText(entry.count, activity) : `${entry.count} st`;
  const place = entry.place?.trim() ? ` i ${entry.place.trim()}` : '';
  return { name: activity?.name ?? 'Okänd aktivitet', detail: `${formatSwedishDate(entry.date)}, ${count}${place}` };
}

/** What Teams shows when no agreement holds a weekly card's days. */
export function noWeeklyAgreementText(days: DayRange): string {
  return `Veckokortet ${dateRangeText(days.start, days.end)}: inget medborgarlöfte gäller de dagarna, så det finns inget att sammanfatta.`;
}

/**
 * The weekly card as text, which Teams shows in the notification and the activity feed: the days,
 * what was logged (or plainly that nothing was), the late entries, what is behind.
 */
export function weeklyText(summary: Summary, late: readonly LateEntry[]): string {
  const { period, total } = summary;
  const days = dateRangeText(period.range.start, period.range.end);
  const done = doneText(summary);
  const logged =
    total.entries === 0
      ? late.length === 0
        ? 'inget loggat.'
        : 'inget loggat för de dagarna.'
      : `${entriesText(total.entries)} av ${peopleText(total.contributors)}${done ? `: ${done}` : ''}.`;
  const named = late
    .slice(0, LATE_IN_TEXT)
    .map(({ entry, activity }) => `${activity?.name ?? 'okänd aktivitet'} ${formatSwedishDate(entry.date)}`);
  const lateText =
    late.length === 0
      ? []
      : [
          `Efterregistrerat: ${named.join(', ')}${late.length > LATE_IN_TEXT ? ` och ${late.length - LATE_IN_TEXT} till` : ''}.`,
        ];
  return [`Så gick det ${days}: ${logged}`, ...lateText, behindText(summary)].join(' ');
}

/** "Torsdagsmöte Öxnehaga 1 gång, Krogtillsyn 2 tillfällen": each activity once, five named. */
function doneText(summary: Summary): string {
  const logged = weekDone(summary);
  return [
    ...logged.slice(0, 5).map((d) => `${d.name} ${d.count}`),
    ...(logged.length > 5 ? [`${logged.length - 5} aktiviteter till`] : []),
  ].join(', ');
}

/** Activities behind plan named in the text: a notification shows a line or two, the card has them all. */
const BEHIND_IN_TEXT = 3;

/** "Efter plan: A (…), B (…), C (…) och 8 till.", the furthest behind first. */
function behindText(summary: Summary): string {
  const { behind } = summary;
  if (behind.length === 0) return 'Inget är efter plan.';
  const named = behind
    .slice(0, BEHIND_IN_TEXT)
    .map((a) => `${a.activity.name} (${progressText(a.status.progress)})`)
    .join(', ');
  const more = behind.length > BEHIND_IN_TEXT ? ` och ${behind.length - BEHIND_IN_TEXT} till` : '';
  return `Efter plan: ${named}${more}.`;
}

/** The same summary as text, for notifications and clients that cannot show the card. */
export function summaryText(summary: Summary): string {
  const { period, total } = summary;
  // A week's text says what was done, as its card does: each activity once, five named.
  const done = period.kind === 'vecka' ? doneText(summary) : '';
  // Never "0 insatser av 0 personer": nothing logged is said as such.
  const logged =
    total.entries === 0 ? 'inget loggat' : `${entriesText(total.entries)} av ${peopleText(total.contributors)}`;
  return [
    `${summary.agreement.title}, ${periodTitle(period)} (${periodDays(period)}):`,
    `${logged}; förra perioden ${changeText(total.entries, total.previousEntries, period.previous)}.`,
    ...(done ? [`Gjort: ${done}.`] : []),
    behindText(summary),
  ].join(' ');
}
