// Progress and status of activities at a given date. Every rule here is a pure function of the
// agreement, its entries and completions, and "today": the same inputs always give the same colour.
import type { Activity, Agreement, AgreementPromise, IsoDate } from './agreement.js';
import { addDays, daysBetween, isoWeekStart, isoWeekday, monthStart } from './calendar.js';
import { isActive, type Completion, type Entry } from './entry.js';

export type StatusCode = 'done' | 'onTrack' | 'behind' | 'farBehind' | 'notStarted';
export type Rhythm = 'weekly' | 'weekendNights' | 'monthly';

export type Progress =
  | { kind: 'count'; done: number; target: number; unit: string }
  | { kind: 'recurring'; rhythm: Rhythm; covered: number; due: number }
  | { kind: 'milestone'; state: 'notStarted' | 'inProgress' | 'done'; doneDate?: IsoDate }
  | { kind: 'ongoing'; done: number };

export interface ActivityStatus {
  activity: Activity;
  status: StatusCode;
  progress: Progress;
  /** Sum of the counts of active entries up to the evaluation date. */
  total: number;
  entryCount: number;
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
  const phase = today < agreement.period.start ? 'future' : today > agreement.period.end ? 'past' : 'running';
  const asOf = phase === 'past' ? agreement.period.end : today;
  const activities = agreement.activities.map((activity) =>
    activityStatus(agreement, activity, entries, completions, today),
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

export function activityStatus(
  agreement: Agreement,
  activity: Activity,
  entries: readonly Entry[],
  completions: readonly Completion[],
  today: IsoDate,
): ActivityStatus {
  const { start, end } = agreement.period;
  const past = today > end;
  const asOf = past ? end : today;
  const mine = entries.filter(
    (e) =>
      isActive(e) &&
      e.agreementId === agreement.id &&
      e.activityId === activity.id &&
      e.date >= start &&
      e.date <= asOf,
  );
  const total = mine.reduce((sum, e) => sum + e.count, 0);
  const lastEntryDate = mine.reduce<IsoDate | undefined>(
    (last, e) => (last === undefined || e.date > last ? e.date : last),
    undefined,
  );
  const share = elapsedShare(agreement, asOf);
  const base = { activity, total, entryCount: mine.length, ...(lastEntryDate ? { lastEntryDate } : {}) };
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
      const { covered, due } = periodsCovered(
        target.rhythm,
        mine.map((e) => e.date),
        start,
        asOf,
      );
      const progress: Progress = { kind: 'recurring', rhythm: target.rhythm, covered, due };
      return { ...base, progress, status: recurringStatus(covered, due, past) };
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
      return { kind: 'recurring', rhythm: t.rhythm, covered: 0, due: 0 };
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

/** Recurring work is on track when at most one period, or a quarter of them, was missed. */
export function recurringStatus(covered: number, due: number, past: boolean): StatusCode {
  if (due === 0) return covered > 0 ? 'onTrack' : 'notStarted';
  if (past && covered >= due) return 'done';
  if (covered === 0 && due <= 1) return 'notStarted';
  const missing = due - covered;
  const ratio = covered / due;
  if (missing <= 1 || ratio >= 0.75) return 'onTrack';
  if (ratio >= 0.5) return 'behind';
  return 'farBehind';
}

/** Milestones and open-ended work with nothing logged: fine early on, late in the second half. */
function nothingYetStatus(share: number, past: boolean): StatusCode {
  if (past) return 'farBehind';
  return share >= 0.5 ? 'behind' : 'notStarted';
}

/**
 * Periods (ISO weeks, weekends, months) from the start up to `asOf`. A period is due once it has
 * ended; the running one counts as due only when it is already covered, so nobody is "behind" on
 * a week that is not over.
 */
export function periodsCovered(
  rhythm: Rhythm,
  dates: readonly IsoDate[],
  start: IsoDate,
  asOf: IsoDate,
): { covered: number; due: number } {
  const keyOf = (d: IsoDate): IsoDate | undefined => {
    if (rhythm === 'monthly') return monthStart(d);
    if (rhythm === 'weekly') return isoWeekStart(d);
    return isoWeekday(d) >= 5 ? isoWeekStart(d) : undefined;
  };
  const covered = new Set<IsoDate>();
  for (const d of dates) {
    const key = keyOf(d);
    if (key !== undefined) covered.add(key);
  }
  let due = 0;
  let key = rhythm === 'monthly' ? monthStart(start) : isoWeekStart(start);
  while (key <= asOf) {
    const periodEnd = rhythm === 'monthly' ? addDays(nextMonthStart(key), -1) : addDays(key, 6);
    if (periodEnd <= asOf || covered.has(key)) due += 1;
    key = rhythm === 'monthly' ? nextMonthStart(key) : addDays(key, 7);
  }
  return { covered: Math.min(covered.size, due), due };
}

function nextMonthStart(first: IsoDate): IsoDate {
  return monthStart(addDays(first, 31));
}
