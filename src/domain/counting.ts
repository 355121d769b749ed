// Whether an entry on a given day counts toward its activity's target. Almost every target counts
// every day of its agreement's period; a weekend-nights target ("natthelger") counts only the
// nights of a weekend, Friday to Sunday, the days the status counts as a covered weekend
// (status.ts, periodsCovered). An entry that will not count is told so before it is stored, never
// shown as "aktiv 0 av 41 helger" as if nothing had been logged.
import type { Activity, IsoDate } from './agreement.js';
import { isoWeekday } from './calendar.js';

/** Why an entry on a day will not count toward the activity's target. */
export type NotCounted = {
  /** A weekend-nights target counts Friday, Saturday and Sunday; this day is another weekday (1 = Monday). */
  reason: 'weekendNightsOnly';
  weekday: number;
};

/** True when `date` (a real calendar day) is a Friday, Saturday or Sunday: a weekend night. */
export function isWeekendNight(date: IsoDate): boolean {
  return isoWeekday(date) >= 5;
}

/**
 * Why an entry of `activity` on `date` would not count toward its target, or undefined when it
 * would. The agreement's period is checked elsewhere (a date outside it is refused outright).
 */
export function whyNotCounted(activity: Activity, date: IsoDate): NotCounted | undefined {
  const target = activity.target;
  if (target.kind === 'recurring' && target.rhythm === 'weekendNights' && !isWeekendNight(date)) {
    return { reason: 'weekendNightsOnly', weekday: isoWeekday(date) };
  }
  return undefined;
}
