// Progress and status of activities at a given date. Every rule here is a pure function of the
// agreement, its entries and completions, and "today": the same inputs always give the same colour.
import type { Activity, Agreement, AgreementPromise, IsoDate } from './agreement.js';
import { addDays, daysBetween, isoWeekStart, monthStart } from './calendar.js';
import { isWeekendNight } from './counting.js';
import type { Completion, Entry } from './entry.js';
import { groupCount, occasionGroups, type Occasion } from './occasion.js';

export type StatusCode = 'done' | 'onTrack' | 'behind' | 'farBehind' | 'notStarted';
export type Rhythm = 'weekly' | 'weekendNights' | 'monthly';

export type Progress =
  | { kind: 'count'; done: number; target: number; unit: string }
  | {
      kind: 'recurring';
      rhythm: Rhythm;
      /** Periods with an entry, of those in `due`. */
      covered: number;
      /** Periods begun so far (see periodsCovered): the same whether or not the running one has an entry. */
      due: number;
      /** True while the agreement runs ("hittills"); false for a past agreement's final figures. */
      soFar: boolean;
    }
  | { kind: 'milestone'; state: 'notStarted' | 'inProgress' | 'done'; doneDate?: IsoDate }
  | { kind: 'ongoing'; done: number };

export interface ActivityStatus {
  activity: Activity;
  status: StatusCode;
  progress: Progress;
  /** Sum of the counts of its occasions up to the evaluation date. */
  total: number;
  /** How many occasions up to the evaluation date. */
  occasionCount: number;
  lastEntryDate?: IsoDate;
}

interface PromiseStatus {
  promise: AgreementPromise;
  activities: ActivityStatus[];
}

export interface AgreementStatus {
  agreement: Agreement;
  today: IsoDate;
  /** The date the figures are taken at: today, or the period's end for a past agreement. */
  asOf: IsoDate;
  phase: 'future' | 'running' | 'past';
  promises: PromiseStatus[];
  activities: ActivityStatus[];
}

/** Share of the agreement's period that has passed at `asOf`, both ends counted, in [0, 1]. */
export function elapsedShare(agreement: Agreement, asOf: IsoDate): number {
  const { start, end } = agreement.period;
  if (asOf < start) return 0;
  if (asOf >= end) return 1;
  return (daysBetween(start, asOf) + 1) / (daysBetween(start, end) + 1);
}

export function agreementStatus(
  agreement: Agreement,
  entries: readonly Entry[],
  completions: readonly Completion[],
  today: IsoDate,
): AgreementStatus {
  // One pass over the year, then each activity reads only its own day totals.
  const days = new Map<string, DayTotal[]>();
  for (const total of dayTotalsOf(entries.filter((e) => e.agreementId === agreement.id))) {
    const list = days.get(total.activityId);
    if (list) list.push(total);
    else days.set(total.activityId, [total]);
  }
  return agreementStatusOfDays(agreement, (id) => days.get(id) ?? [], completions, today);
}

/** The same as agreementStatus, from each activity's day totals (`daysOf(activityId)`). */
export function agreementStatusOfDays(
  agreement: Agreement,
  daysOf: (activityId: string) => Iterable<DayTotal>,
  completions: readonly Completion[],
  today: IsoDate,
): AgreementStatus {
  const phase = today < agreement.period.start ? 'future' : today > agreement.period.end ? 'past' : 'running';
  const asOf = phase === 'past' ? agreement.period.end : today;
  const activities = agreement.activities.map((activity) =>
    activityStatusOfDays(agreement, activity, daysOf(activity.id), completions, today),
  );
  const byId = new Map(activities.map((s) => [s.activity.id, s]));
  const promises = agreement.promises.map((promise) => ({
    promise,
    activities: agreement.activities
      .filter((a) => a.promiseIds.includes(promise.id))
      .map((a) => byId.get(a.id))
      .filter((s): s is ActivityStatus => s !== undefined),
  }));
  return { agreement, today, asOf, phase, promises, activities };
}

/** One day's occasions of one activity, summed: all that its status depends on. */
export interface DayTotal {
  date: IsoDate;
  /** The occasions' counts added up (see occasion.ts: an occasion logged by three counts once). */
  count: number;
  /** How many occasions. */
  occasions: number;
}

/** The day totals of every activity the active entries name, with the activity's id. */
function dayTotalsOf(entries: readonly Entry[]): (DayTotal & { activityId: string })[] {
  const days = new Map<string, Map<IsoDate, DayTotal & { activityId: string }>>();
  for (const group of occasionGroups(entries)) {
    const { activityId, date } = group[0]!;
    let byDate = days.get(activityId);
    if (!byDate) days.set(activityId, (byDate = new Map<IsoDate, DayTotal & { activityId: string }>()));
    const count = groupCount(group);
    const day = byDate.get(date);
    if (day) {
      day.count += count;
      day.occasions += 1;
    } else byDate.set(date, { activityId, date, count, occasions: 1 });
  }
  return [...days.values()].flatMap((byDate) => [...byDate.values()]);
}

/** Each activity's day totals (by activity id) from occasions already made. */
export function daysOfOccasions(occasions: readonly Occasion[]): (activityId: string) => DayTotal[] {
  const days = new Map<string, Map<IsoDate, DayTotal>>();
  for (const o of occasions) {
    let byDate = days.get(o.activityId);
    if (!byDate) days.set(o.activityId, (byDate = new Map<IsoDate, DayTotal>()));
    const day = byDate.get(o.date);
    if (day) {
      day.count += o.count;
      day.occasions += 1;
    } else byDate.set(o.date, { date: o.date, count: o.count, occasions: 1 });
  }
  return (activityId) => [...(days.get(activityId)?.values() ?? [])];
}

/** The occasions of `agreementId`'s `activityId` (from its active entries) summed per day, in no particular order. */
export function dayTotals(entries: readonly Entry[], agreementId: string, activityId: string): DayTotal[] {
  return dayTotalsOf(entries.filter((e) => e.agreementId === agreementId && e.activityId === activityId)).map(
    ({ date, count, occasions }) => ({ date, count, occasions }),
  );
}

export function activityStatus(
  agreement: Agreement,
  activity: Activity,
  entries: readonly Entry[],
  completions: readonly Completion[],
  today: IsoDate,
): ActivityStatus {
  return activityStatusOfDays(agreement, activity, dayTotals(entries, agreement.id, activity.id), completions, today);
}

/**
 * The same as activityStatus, from the activity's day totals: at most one item per day of the
 * period, however many entries the year holds.
 */
export function activityStatusOfDays(
  agreement: Agreement,
  activity: Activity,
  days: Iterable<DayTotal>,
  completions: readonly Completion[],
  today: IsoDate,
): ActivityStatus {
  const { start, end } = agreement.period;
  const past = today > end;
  const asOf = past ? end : today;
  // One pass: this runs on every /logga, over up to a day total per day of the period.
  const mine: IsoDate[] = [];
  let total = 0;
  let occasionCount = 0;
  let lastEntryDate: IsoDate | undefined;
  for (const d of days) {
    if (d.occasions <= 0 || d.date < start || d.date > asOf) continue;
    mine.push(d.date);
    total += d.count;
    occasionCount += d.occasions;
    if (lastEntryDate === undefined || d.date > lastEntryDate) lastEntryDate = d.date;
  }
  const share = elapsedShare(agreement, asOf);
  const base = { activity, total, occasionCount, ...(lastEntryDate ? { lastEntryDate } : {}) };
  const target = activity.target;

  if (today < start) {
    return { ...base, status: 'notStarted', progress: initialProgress(activity) };
  }

  switch (target.kind) {
    case 'count': {
      const progress: Progress = { kind: 'count', done: total, target: target.count, unit: target.unit };
      return { ...base, progress, status: countStatus(total, target.count, share, past) };
    }
    case 'recurring': {
      const periods = periodsCovered(target.rhythm, mine, start, asOf, past);
      const { covered, due } = periods;
      const progress: Progress = { kind: 'recurring', rhythm: target.rhythm, covered, due, soFar: !past };
      return { ...base, progress, status: recurringStatus(periods, past) };
    }
    case 'milestone': {
      const completion = completions
        .filter((c) => c.activityId === activity.id && c.date <= asOf)
        .sort((a, b) => a.date.localeCompare(b.date))[0];
      if (completion) {
        return { ...base, status: 'done', progress: { kind: 'milestone', state: 'done', doneDate: completion.date } };
      }
      if (mine.length > 0) {
        // Started but never marked done: fine while the period runs, short of the promise once it is over.
        return { ...base, status: past ? 'behind' : 'onTrack', progress: { kind: 'milestone', state: 'inProgress' } };
      }
      return { ...base, status: nothingYetStatus(share, past), progress: { kind: 'milestone', state: 'notStarted' } };
    }
    case 'ongoing': {
      const progress: Progress = { kind: 'ongoing', done: total };
      if (mine.length > 0) return { ...base, progress, status: past ? 'done' : 'onTrack' };
      return { ...base, progress, status: nothingYetStatus(share, past) };
    }
  }
}

function initialProgress(activity: Activity): Progress {
  const t = activity.target;
  switch (t.kind) {
    case 'count':
      return { kind: 'count', done: 0, target: t.count, unit: t.unit };
    case 'recurring':
      return { kind: 'recurring', rhythm: t.rhythm, covered: 0, due: 0, soFar: true };
    case 'milestone':
      return { kind: 'milestone', state: 'notStarted' };
    case 'ongoing':
      return { kind: 'ongoing', done: 0 };
  }
}

/**
 * A count target is judged against the pace the period implies: at 30 % of the year, 4 occasions
 * "expect" 1.2. Within one occasion of the pace is on track; the final state of a past agreement
 * is done only when the target was reached.
 */
export function countStatus(done: number, target: number, share: number, past: boolean): StatusCode {
  if (done >= target) return 'done';
  if (past) return done * 2 >= target ? 'behind' : 'farBehind';
  const expected = target * share;
  if (done === 0 && expected < 1) return 'notStarted';
  const shortfall = expected - done;
  if (shortfall < 1 || done >= expected * 0.75) return 'onTrack';
  if (shortfall < 2 || done >= expected * 0.4) return 'behind';
  return 'farBehind';
}

/**
 * Recurring work is judged on the periods that are over: the running period (this week, this
 * month) is never missed, whether or not it has an entry yet, so the first entry of the month
 * cannot turn anything red, and logging in the running period can only make things better.
 * - i fas: at most one period missed, or at most a quarter of the periods so far;
 * - långt efter: at least three periods missed and more than half of them; early in the year
 *   (the first three months of a monthly activity) a slow start is at worst "något efter";
 * - något efter: in between;
 * - inte påbörjad: nothing logged and at most one period missed.
 * A past agreement's final state is genomförd when every period had an entry, något efter when
 * at least half had, långt efter otherwise (as count targets are judged).
 */
export function recurringStatus(periods: RecurringPeriods, past: boolean): StatusCode {
  const { covered, due, missed } = periods;
  if (due === 0) return 'notStarted';
  if (past) {
    if (covered >= due) return 'done';
    return covered * 2 >= due ? 'behind' : 'farBehind';
  }
  if (covered === 0 && missed <= 1) return 'notStarted';
  if (missed <= 1 || missed * 4 <= due) return 'onTrack';
  if (missed >= 3 && missed * 2 > due) return 'farBehind';
  return 'behind';
}

/** Milestones and open-ended work with nothing logged: fine early on, late in the second half. */
function nothingYetStatus(share: number, past: boolean): StatusCode {
  if (past) return 'farBehind';
  return share >= 0.5 ? 'behind' : 'notStarted';
}

/** Recurring periods up to a date: how many have begun, had an entry, and are over without one. */
export interface RecurringPeriods {
  /** Periods begun by `asOf` (for a past agreement: every period over by its end, and a last one cut off by the end only when it has an entry). */
  due: number;
  /** Of those, the periods with an entry. */
  covered: number;
  /** Of those, the periods that are over and had no entry. The running period (the one holding `asOf`) is never missed. */
  missed: number;
}

/**
 * Periods (ISO weeks, weekends, months) from the one holding `start` up to `asOf`. A week or a
 * month has begun on its first day, a weekend on its Friday. The count of periods begun is the
 * same whether or not the running period has an entry, so "aktiv 2 av 5 månader" never jumps to
 * "3 av 6" because of a log. `final` (a past agreement, `asOf` its last day): a last period that
 * the agreement's end cuts short (a week running into the new year) counts only when it has an
 * entry, since nobody could finish it within the agreement.
 */
export function periodsCovered(
  rhythm: Rhythm,
  dates: readonly IsoDate[],
  start: IsoDate,
  asOf: IsoDate,
  final = false,
): RecurringPeriods {
  const keyOf = (d: IsoDate): IsoDate | undefined => {
    if (rhythm === 'monthly') return monthStart(d);
    if (rhythm === 'weekly') return isoWeekStart(d);
    return isWeekendNight(d) ? isoWeekStart(d) : undefined;
  };
  const covered = new Set<IsoDate>();
  for (const d of dates) {
    const key = keyOf(d);
    if (key !== undefined) covered.add(key);
  }
  const result: RecurringPeriods = { due: 0, covered: 0, missed: 0 };
  if (asOf < start) return result;
  let key = rhythm === 'monthly' ? monthStart(start) : isoWeekStart(start);
  for (;;) {
    const begins = rhythm === 'weekendNights' ? addDays(key, 4) : key;
    if (begins > asOf) break;
    const ends = rhythm === 'monthly' ? addDays(nextMonthStart(key), -1) : addDays(key, 6);
    const has = covered.has(key);
    // Today is never over: a week ending today can still get its entry (a past agreement's last day can not).
    const over = final ? ends <= asOf : ends < asOf;
    if (!final || over || has) {
      result.due += 1;
      if (has) result.covered += 1;
      else if (over) result.missed += 1;
    }
    key = rhythm === 'monthly' ? nextMonthStart(key) : addDays(key, 7);
  }
  return result;
}

function nextMonthStart(first: IsoDate): IsoDate {
  return monthStart(addDays(first, 31));
}
