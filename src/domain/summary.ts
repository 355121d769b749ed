// What was logged in a period, per promise, activity and place, and how it compares with the
// period before. The SSG reads this every week and before each Thursday meeting, so every figure
// is a pure function of the agreements, the entries and the date the summary is taken at.
import type { Activity, Agreement, AgreementPromise, IsoDate } from './agreement.js';
import { addDays, daysBetween, monthStart, sameDayYearBefore, tertialOf, tertialRange } from './calendar.js';
import { isActive, type Completion, type Entry } from './entry.js';
import { occasionTotal, occasionsOf, type Occasion } from './occasion.js';
import { agreementStatusOfDays, daysOfOccasions, type ActivityStatus, type AgreementStatus } from './status.js';
import { fold, words } from './text.js';

export type SummaryKind = 'vecka' | 'månad' | 'tertial' | 'år';
export const SUMMARY_KINDS: readonly SummaryKind[] = ['vecka', 'månad', 'tertial', 'år'];

interface DateRange {
  start: IsoDate;
  end: IsoDate;
}

export interface SummaryPeriod {
  kind: SummaryKind;
  /** The days summarised: the whole period, or its start up to the date the summary is taken at. */
  range: DateRange;
  /** The whole calendar period (for a week: the same seven days as `range`). */
  full: DateRange;
  /** The period before, cut to the length of `range` while the current one is still running. */
  previous: DateRange;
}

/**
 * The period of the kind that holds `asOf`. A week is the last seven days up to `asOf` (what a
 * Thursday meeting looks back on); a month, tertial or year is the calendar period, up to `asOf`.
 * A running period is compared with the same number of days at the start of the period before,
 * so 1–14 March is held against 1–14 February, not against all of February. A running year is
 * compared with the same calendar days a year earlier (1 January – 1 June 2020 with 1 January –
 * 1 June 2019), so a leap day in either year does not shift the end by one; 29 February is held
 * against 28 February.
 */
export function summaryPeriod(kind: SummaryKind, asOf: IsoDate): SummaryPeriod {
  if (kind === 'vecka') {
    const range = { start: addDays(asOf, -6), end: asOf };
    return { kind, range, full: range, previous: { start: addDays(asOf, -13), end: addDays(asOf, -7) } };
  }
  const full = calendarPeriod(kind, asOf);
  const before = calendarPeriod(kind, addDays(full.start, -1));
  const range = { start: full.start, end: asOf < full.end ? asOf : full.end };
  const sameLength =
    kind === 'år' ? sameDayYearBefore(range.end) : addDays(before.start, daysBetween(range.start, range.end));
  return {
    kind,
    range,
    full,
    previous: { start: before.start, end: sameLength < before.end ? sameLength : before.end },
  };
}

function calendarPeriod(kind: Exclude<SummaryKind, 'vecka'>, date: IsoDate): DateRange {
  const year = Number(date.slice(0, 4));
  switch (kind) {
    case 'månad': {
      const start = monthStart(date);
      return { start, end: addDays(monthStart(addDays(start, 31)), -1) };
    }
    case 'tertial':
      return tertialRange(year, tertialOf(date).tertial);
    case 'år':
      return { start: `${date.slice(0, 4)}-01-01`, end: `${date.slice(0, 4)}-12-31` };
  }
}

export function isRunning(period: SummaryPeriod): boolean {
  return period.range.end < period.full.end;
}

export interface PlaceTally {
  /** As first written; '' for entries logged without a place. */
  place: string;
  count: number;
}

export interface ActivitySummary {
  activity: Activity;
  /** Status and progress at the end of the period. */
  status: ActivityStatus;
  /** Sum of the counts of the period's occasions (see occasion.ts: one logged by three counts once). */
  count: number;
  /** How many occasions (insatser) in the period: a meeting logged by three attendees is one. */
  entries: number;
  /** Most first; places that differ only in case or å/ä/ö are one place. */
  places: PlaceTally[];
  /** People who logged this activity in the period. */
  contributors: number;
  /** The same in the period before; undefined when the activity did not exist then. */
  previousCount?: number;
  /** Occasions in the period before; undefined when the activity did not exist then. */
  previousEntries?: number;
}

// "Insatser" are occasions everywhere (one piece of work, however many people logged it), as in the
// header's total; counts are in an activity's own unit ("5 tillfällen") and are never called insatser.
interface PromiseSummary {
  promise: AgreementPromise;
  activities: ActivitySummary[];
  count: number;
  /** Occasions (insatser) in the period. */
  entries: number;
  contributors: number;
  /** Over the activities that existed in the period before; undefined when none did. */
  previousCount?: number;
  /** Occasions over the activities that existed in the period before; undefined when none did. */
  previousEntries?: number;
}

export interface Summary {
  agreement: Agreement;
  period: SummaryPeriod;
  status: AgreementStatus;
  promises: PromiseSummary[];
  /** This agreement's occasions in the period (what the rows add up to), and the period before's. */
  total: { count: number; entries: number; contributors: number; previousCount: number; previousEntries: number };
  /** Activities behind plan at the end of the period, the furthest behind first. */
  behind: ActivitySummary[];
}

export interface SummaryInput {
  agreement: Agreement;
  period: SummaryPeriod;
  /** Every agreement: an activity is compared with the same activity id in the period before. */
  agreements: readonly Agreement[];
  /** Entries of every agreement (removed ones are skipped here). */
  entries: readonly Entry[];
  /** The agreement's completions (milestones marked done). */
  completions: readonly Completion[];
}

/**
 * The occasions that count for the summary: the agreement's own (its status) and those of the period
 * and the one before, removed entries and removed activities skipped. Earlier years are skipped before
 * any occasion is made of them; an occasion lies on one day of one agreement, so none is split.
 */
function countedOccasions(input: SummaryInput): Occasion[] {
  const { agreement, period, agreements } = input;
  // An activity removed after saving (removedActivities) keeps its entries, but they count nowhere.
  const removed = new Set(
    [agreement, ...agreements].flatMap((a) => (a.removedActivities ?? []).map((x) => `${a.id}|${x.id}`)),
  );
  const { range, previous: before } = period;
  const counts = (e: Entry) =>
    e.agreementId === agreement.id ||
    (e.date >= range.start && e.date <= range.end) ||
    (e.date >= before.start && e.date <= before.end);
  const active = input.entries.filter(
    (e) => counts(e) && isActive(e) && (removed.size === 0 || !removed.has(`${e.agreementId}|${e.activityId}`)),
  );
  // Every figure reads occasions: the entries of one occasion are counted once (occasion.ts).
  return occasionsOf(active);
}

/** Each activity's figures in the period, and in the period before where it existed then. */
function activitySummaries(
  input: SummaryInput,
  status: AgreementStatus,
  current: readonly Occasion[],
  previous: readonly Occasion[],
): Map<string, ActivitySummary> {
  const { agreement, period, agreements } = input;
  // A copied agreement keeps its activity ids, so "ssg" this year is "ssg" last year.
  const existedBefore = new Set(
    agreements
      .filter((a) => a.period.start <= period.previous.end && period.previous.start <= a.period.end)
      .flatMap((a) => a.activities.map((x) => x.id)),
  );
  // One pass each over the period and the one before, not one per activity: a year is 100,000 entries.
  const currentOf = groupBy(
    current.filter((e) => e.agreementId === agreement.id),
    (e) => e.activityId,
  );
  const previousOf = groupBy(previous, (e) => e.activityId);
  const byActivity = new Map<string, ActivitySummary>();
  for (const s of status.activities) {
    const id = s.activity.id;
    const mine = currentOf.get(id) ?? [];
    const before = existedBefore.has(id) ? (previousOf.get(id) ?? []) : undefined;
    byActivity.set(id, {
      activity: s.activity,
      status: s,
      count: sumCounts(mine),
      entries: mine.length,
      places: tallyPlaces(mine),
      contributors: contributorCount(mine),
      ...(before ? { previousCount: sumCounts(before), previousEntries: before.length } : {}),
    });
  }
  return byActivity;
}

/** One promise's figures: the sums of its activities, and the people who logged any of them. */
function promiseSummary(
  p: AgreementStatus['promises'][number],
  byActivity: ReadonlyMap<string, ActivitySummary>,
  ours: readonly Occasion[],
): PromiseSummary {
  const activities = p.activities
    .map((a) => byActivity.get(a.activity.id))
    .filter((a): a is ActivitySummary => a !== undefined);
  const ids = new Set(activities.map((a) => a.activity.id));
  const compared = activities.filter((a) => a.previousCount !== undefined);
  return {
    promise: p.promise,
    activities,
    count: activities.reduce((sum, a) => sum + a.count, 0),
    entries: activities.reduce((sum, a) => sum + a.entries, 0),
    contributors: contributorCount(ours.filter((e) => ids.has(e.activityId))),
    ...(compared.length > 0
      ? {
          previousCount: compared.reduce((sum, a) => sum + (a.previousCount ?? 0), 0),
          previousEntries: compared.reduce((sum, a) => sum + (a.previousEntries ?? 0), 0),
        }
      : {}),
  };
}

/** Activities behind plan, the furthest behind first. */
function behindPlan(byActivity: ReadonlyMap<string, ActivitySummary>): ActivitySummary[] {
  const severity = { farBehind: 0, behind: 1 } as const;
  return [...byActivity.values()]
    .filter((a) => a.status.status === 'behind' || a.status.status === 'farBehind')
    .sort(
      (x, y) => severity[x.status.status as keyof typeof severity] - severity[y.status.status as keyof typeof severity],
    );
}

/**
 * The agreement's figures for `input.period`: per activity and promise, in total and in the period
 * before, counted as occasions, with the activities behind plan at the period's end. Pure.
 */
export function summarize(input: SummaryInput): Summary {
  const { agreement, period } = input;
  const occasions = countedOccasions(input);
  const inRange = (e: Occasion, r: DateRange) => e.date >= r.start && e.date <= r.end;
  const current = occasions.filter((e) => inRange(e, period.range));
  const previous = occasions.filter((e) => inRange(e, period.previous));
  // The status from the same occasions, not grouped a second time: a year is 100,000 entries.
  const status = agreementStatusOfDays(
    agreement,
    daysOfOccasions(occasions.filter((o) => o.agreementId === agreement.id)),
    input.completions,
    period.range.end,
  );
  const byActivity = activitySummaries(input, status, current, previous);
  // In the first days of a year the period reaches into last year's agreement: the total is this
  // agreement's, so it agrees with the rows under it.
  const ours = current.filter((e) => e.agreementId === agreement.id);
  return {
    agreement,
    period,
    status,
    promises: status.promises.map((p) => promiseSummary(p, byActivity, ours)),
    total: {
      count: sumCounts(ours),
      entries: ours.length,
      contributors: contributorCount(ours),
      previousCount: sumCounts(previous),
      previousEntries: previous.length,
    },
    behind: behindPlan(byActivity),
  };
}

function groupBy(occasions: readonly Occasion[], key: (occasion: Occasion) => string): Map<string, Occasion[]> {
  const groups = new Map<string, Occasion[]>();
  for (const o of occasions) {
    const k = key(o);
    const group = groups.get(k);
    if (group) group.push(o);
    else groups.set(k, [o]);
  }
  return groups;
}

function sumCounts(occasions: readonly Occasion[]): number {
  return occasionTotal(occasions);
}

/** People who logged any of the occasions (each once). */
function contributorCount(occasions: readonly Occasion[]): number {
  // Loops, not flatMap: a year is 100,000 occasions, and this runs for each activity and promise too.
  const ids = new Set<string>();
  for (const o of occasions) for (const p of o.people) ids.add(p.id);
  return ids.size;
}

function tallyPlaces(entries: readonly Occasion[]): PlaceTally[] {
  const tallies = new Map<string, PlaceTally>();
  // Folding is slow (Unicode normalization) and a year names a few places many times: once per place.
  const folded = new Map<string, string>();
  for (const e of entries) {
    const written = e.place?.trim() ?? '';
    let key = folded.get(written);
    if (key === undefined) folded.set(written, (key = fold(written)));
    const tally = tallies.get(key) ?? { place: written, count: 0 };
    tally.count += e.count;
    tallies.set(key, tally);
  }
  // Most first; "no place" after the named places with the same count; then by name, for a stable card.
  return [...tallies.values()].sort(
    (a, b) =>
      b.count - a.count || Number(a.place === '') - Number(b.place === '') || a.place.localeCompare(b.place, 'sv'),
  );
}

/** Why the words after /sammanfattning were refused; `typed` is cut to 30 characters. */
export type SummaryArgsProblem =
  { code: 'summaryArgs.unknownWord'; typed: string } | { code: 'summaryArgs.badYear'; year: number };

export type SummaryArgs = { ok: true; kind: SummaryKind; year?: number } | ({ ok: false } & SummaryArgsProblem);

const KIND_WORDS = new Map<string, SummaryKind>(
  (
    [
      [['vecka', 'veckan', 'veckas', 'v'], 'vecka'],
      [['månad', 'månaden', 'månads', 'mån'], 'månad'],
      [['tertial', 'tertialet', 'tertialen'], 'tertial'],
      [['år', 'året', 'helår', 'helåret', 'års'], 'år'],
    ] as const
  ).flatMap(([names, kind]) => names.map((n) => [fold(n), kind] as const)),
);

/** "/sammanfattning [vecka | månad | tertial | år] [år]": a week when nothing is said, a year when only a year is. */
export function parseSummaryArgs(args: string): SummaryArgs {
  let kind: SummaryKind | undefined;
  let year: number | undefined;
  for (const word of words(args)) {
    const folded = fold(word).replace(/[.,;:!?]+$/u, '');
    const asKind = KIND_WORDS.get(folded);
    if (asKind !== undefined && kind === undefined) {
      kind = asKind;
      continue;
    }
    if (/^\d{4}$/u.test(folded) && year === undefined) {
      year = Number(folded);
      continue;
    }
    const shown = word.length > 30 ? `${word.slice(0, 30)}…` : word;
    return { ok: false, code: 'summaryArgs.unknownWord', typed: shown };
  }
  if (year !== undefined && (year < 1900 || year > 2999)) {
    return { ok: false, code: 'summaryArgs.badYear', year };
  }
  const chosen: SummaryKind = kind ?? (year !== undefined ? 'år' : 'vecka');
  return year !== undefined ? { ok: true, kind: chosen, year } : { ok: true, kind: chosen };
}
