// The tertial follow-up (uppföljning): per promise and activity, what was done in the tertial and
// since the agreement started, judged against the target at the tertial's end. A pure function of
// the agreement, its entries and completions, the tertial and "today".
//
// Each activity's state is its status (status.ts) at `asOf` (the tertial's last day, or today
// while the tertial runs), judged on everything logged from the agreement's start: the same
// genomförd / i fas / något efter / långt efter / inte påbörjad as /status shows on that day. The
// tertial that closes the agreement gives the agreement's final state.
import type { Activity, Agreement, AgreementPromise, IsoDate } from './agreement.js';
import { addDays, monthStart, tertialOf, tertialRange, type Tertial } from './calendar.js';
import { isActive, type Completion, type Entry } from './entry.js';
import { condenseNotes } from './notes.js';
import { occasionTotal, occasionsOf, type Occasion } from './occasion.js';
import { activityStatus, type Progress, type StatusCode } from './status.js';
import { fold } from './text.js';

export interface TertialRef {
  year: number;
  tertial: Tertial;
}

interface PlaceCount {
  place: string;
  count: number;
}

export interface ActivityFollowUp {
  activity: Activity;
  /** The status at `asOf`, as /status shows it that day. */
  state: StatusCode;
  /** From the agreement's start to `asOf`, as the status card counts it ("2 av 4 tillfällen"). */
  progress: Progress;
  /**
   * What was done within the tertial, by occasion (occasion.ts): `entries` is how many occasions,
   * `count` their counts, `hours` and `participants` each occasion's once (never added up across
   * the people who logged one), `contributors` the people who logged them.
   */
  tertial: { count: number; entries: number; hours: number; participants: number; contributors: number };
  /** What was done from the agreement's start to `asOf`: occasions and their counts. */
  toDate: { count: number; entries: number };
  /** The tertial's places, most used first. */
  places: PlaceCount[];
  /** The tertial's notes, newest first, condensed (see notes.ts). */
  notes: string[];
  completedOn?: IsoDate;
}

interface MonthCount {
  /** First day of the month. */
  month: IsoDate;
  entries: number;
  inTertial: boolean;
}

export interface FollowUp {
  agreement: Agreement;
  ref: TertialRef;
  /** The tertial's days within the agreement's period. */
  range: { start: IsoDate; end: IsoDate };
  /** The last day the figures include: the tertial's end, or today while it runs. */
  asOf: IsoDate;
  finished: boolean;
  promises: { promise: AgreementPromise; activities: ActivityFollowUp[] }[];
  activities: ActivityFollowUp[];
  /** Occasions per month from the start of the year (or the agreement) to the tertial's end. */
  months: MonthCount[];
  totals: { entries: number; contributors: number; byState: Record<StatusCode, number> };
}

/** Longest note kept; the views shorten further where space is tight. */
const NOTE_LENGTH = 160;

/** The tertial's days within the agreement's period, or undefined when they do not meet. */
export function tertialSpan(agreement: Agreement, ref: TertialRef): { start: IsoDate; end: IsoDate } | undefined {
  const { start, end } = tertialRange(ref.year, ref.tertial);
  const s = start > agreement.period.start ? start : agreement.period.start;
  const e = end < agreement.period.end ? end : agreement.period.end;
  return s <= e ? { start: s, end: e } : undefined;
}

/** The agreement whose period meets the tertial (the latest starting, should two share a year). */
export function agreementForTertial(agreements: readonly Agreement[], ref: TertialRef): Agreement | undefined {
  return [...agreements]
    .sort((a, b) => b.period.start.localeCompare(a.period.start))
    .find((a) => tertialSpan(a, ref) !== undefined);
}

/** Every tertial the agreement's period touches, in order. */
export function tertialsOf(agreement: Agreement): TertialRef[] {
  const out: TertialRef[] = [];
  let ref: TertialRef = tertialOf(agreement.period.start);
  const last = tertialOf(agreement.period.end);
  while (ref.year < last.year || (ref.year === last.year && ref.tertial <= last.tertial)) {
    out.push(ref);
    ref =
      ref.tertial === 3
        ? { year: ref.year + 1, tertial: 1 }
        : { year: ref.year, tertial: (ref.tertial + 1) as Tertial };
  }
  return out;
}

export type TertialPhase = 'outside' | 'future' | 'running' | 'finished';

export function tertialPhase(agreement: Agreement, ref: TertialRef, today: IsoDate): TertialPhase {
  const span = tertialSpan(agreement, ref);
  if (!span) return 'outside';
  if (today < span.start) return 'future';
  return today > span.end ? 'finished' : 'running';
}

/** The latest tertial of the agreement that has ended by today. */
export function latestFinishedTertial(agreement: Agreement, today: IsoDate): TertialRef | undefined {
  return tertialsOf(agreement)
    .filter((ref) => tertialPhase(agreement, ref, today) === 'finished')
    .at(-1);
}

/** The agreement's tertial that holds today, if any. */
export function runningTertial(agreement: Agreement, today: IsoDate): TertialRef | undefined {
  return tertialsOf(agreement).find((ref) => tertialPhase(agreement, ref, today) === 'running');
}

/**
 * The follow-up of the agreement's tertial as of today. RangeError for a tertial outside the agreement
 * or not begun: the callers ask only for tertials that have begun, so that is a programming error, for
 * the log (in English), never a reply.
 */
export function followUp(
  agreement: Agreement,
  entries: readonly Entry[],
  completions: readonly Completion[],
  ref: TertialRef,
  today: IsoDate,
): FollowUp {
  const range = tertialSpan(agreement, ref);
  if (!range) throw new RangeError(`tertial ${ref.tertial} ${ref.year} is outside agreement ${agreement.id}`);
  if (today < range.start) throw new RangeError(`tertial ${ref.tertial} ${ref.year} has not begun`);
  const finished = today > range.end;
  const asOf = finished ? range.end : today;
  const active = entries.filter(
    (e) => isActive(e) && e.agreementId === agreement.id && e.date >= agreement.period.start && e.date <= asOf,
  );
  // Every figure reads occasions: a meeting logged by three attendees is one (occasion.ts).
  const occasions = occasionsOf(active);
  const closesAgreement = range.end === agreement.period.end && finished;

  const activities = agreement.activities.map((activity) =>
    activityFollowUp(agreement, activity, active, occasions, completions, range, closesAgreement ? today : asOf),
  );
  const byId = new Map(activities.map((a) => [a.activity.id, a]));
  const promises = agreement.promises.map((promise) => ({
    promise,
    activities: agreement.activities
      .filter((a) => a.promiseIds.includes(promise.id))
      .map((a) => byId.get(a.id))
      .filter((a): a is ActivityFollowUp => a !== undefined),
  }));

  const inTertial = occasions.filter((e) => e.date >= range.start);
  const byState = { done: 0, onTrack: 0, behind: 0, farBehind: 0, notStarted: 0 };
  for (const a of activities) byState[a.state] += 1;
  return {
    agreement,
    ref,
    range,
    asOf,
    finished,
    promises,
    activities,
    months: monthCounts(agreement, occasions, ref.year, range),
    totals: { entries: inTertial.length, contributors: peopleCount(inTertial), byState },
  };
}

function activityFollowUp(
  agreement: Agreement,
  activity: Activity,
  active: readonly Entry[],
  occasions: readonly Occasion[],
  completions: readonly Completion[],
  range: { start: IsoDate; end: IsoDate },
  judgedOn: IsoDate,
): ActivityFollowUp {
  const mine = occasions.filter((o) => o.activityId === activity.id);
  const inTertial = mine.filter((o) => o.date >= range.start);
  // The status at asOf counts from the agreement's start, which is the "so far" of a follow-up;
  // judged after the agreement's end (`judgedOn` = today), it is the agreement's final state.
  const status = activityStatus(
    agreement,
    activity,
    active.filter((e) => e.activityId === activity.id),
    completions,
    judgedOn,
  );
  const progress = status.progress;
  const completedOn = progress.kind === 'milestone' ? progress.doneDate : undefined;
  return {
    activity,
    state: status.status,
    progress,
    tertial: {
      count: occasionTotal(inTertial),
      entries: inTertial.length,
      hours: sum(inTertial.map((o) => o.hours ?? 0)),
      participants: sum(inTertial.map((o) => o.participants ?? 0)),
      contributors: peopleCount(inTertial),
    },
    toDate: { count: occasionTotal(mine), entries: mine.length },
    places: placeCounts(inTertial, activity.places),
    // Every entry's note, the newest first: each person who logged an occasion may have written one.
    notes: condenseNotes(
      inTertial
        .flatMap((o) => o.entries)
        .sort(newestFirst)
        .map((e) => e.note),
      NOTE_LENGTH,
    ),
    ...(completedOn ? { completedOn } : {}),
  };
}

/** The people who logged any of the occasions, each once. */
function peopleCount(occasions: readonly Occasion[]): number {
  return new Set(occasions.flatMap((o) => o.people.map((p) => p.id))).size;
}

/** Places as people wrote them, counted together when they differ only in case or å/ä/ö. */
function placeCounts(entries: readonly Occasion[], known: readonly string[]): PlaceCount[] {
  const canonical = new Map(known.map((p) => [fold(p), p]));
  const counts = new Map<string, PlaceCount>();
  for (const e of entries) {
    const written = e.place?.trim();
    if (!written) continue;
    const key = fold(written);
    const found = counts.get(key);
    if (found) found.count += e.count;
    else counts.set(key, { place: canonical.get(key) ?? written, count: e.count });
  }
  return [...counts.values()].sort((a, b) => b.count - a.count || a.place.localeCompare(b.place, 'sv'));
}

function monthCounts(
  agreement: Agreement,
  active: readonly Occasion[],
  year: number,
  range: { start: IsoDate; end: IsoDate },
): MonthCount[] {
  const yearStart = `${String(year).padStart(4, '0')}-01-01`;
  const first = monthStart(yearStart > agreement.period.start ? yearStart : agreement.period.start);
  const last = monthStart(range.end);
  const tertialFirst = monthStart(range.start);
  const out: MonthCount[] = [];
  for (let month = first; month <= last; month = monthStart(addDays(month, 31))) {
    const next = monthStart(addDays(month, 31));
    out.push({
      month,
      entries: active.filter((e) => e.date >= month && e.date < next).length,
      inTertial: month >= tertialFirst,
    });
  }
  return out;
}

function newestFirst(a: Entry, b: Entry): number {
  return b.date.localeCompare(a.date) || b.loggedAt.localeCompare(a.loggedAt);
}

function sum(values: readonly number[]): number {
  return values.reduce((s, v) => s + v, 0);
}
