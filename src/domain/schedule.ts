// When a weekly summary is due. A subscription names a weekday and a Stockholm wall-clock time;
// in ISO week W it is due at that weekday of W at that time, whatever the DST offset that week.
// A send missed while the bot was down is caught up later in the same ISO week, never after it:
// last week's summary on a Monday would be news nobody asked for.
import type { IsoDate } from './agreement.js';
import { addDays, isoWeek, isoWeekStart, stockholmDate, stockholmInstant, type IsoWeekday } from './calendar.js';

export interface Schedule {
  weekday: IsoWeekday;
  /** 'HH:MM', Europe/Stockholm. */
  time: string;
}

export const DEFAULT_SCHEDULE: Schedule = Object.freeze({ weekday: 4, time: '07:30' });

/** 'YYYY-Www', e.g. '2026-W47': the key a sent summary is recorded under. */
export type IsoWeekKey = string;

export function isoWeekKey(date: IsoDate): IsoWeekKey {
  const { year, week } = isoWeek(date);
  return `${String(year).padStart(4, '0')}-W${String(week).padStart(2, '0')}`;
}

/** The instant the schedule falls due in the ISO week holding `date`. */
export function dueInWeekOf(schedule: Schedule, date: IsoDate): Date {
  return stockholmInstant(addDays(isoWeekStart(date), schedule.weekday - 1), schedule.time);
}

/** The first due instant strictly after `after`. */
export function nextDueAfter(schedule: Schedule, after: Date): Date {
  const today = stockholmDate(after);
  const thisWeek = dueInWeekOf(schedule, today);
  return thisWeek.getTime() > after.getTime() ? thisWeek : dueInWeekOf(schedule, addDays(today, 7));
}

export interface ScheduleState {
  schedule: Schedule;
  /** When the schedule was set: a due instant before it does not count (no send for a time already past). */
  since: Date;
  /** The ISO week the summary was last delivered for. */
  lastSentWeek?: IsoWeekKey;
}

/**
 * The ISO week whose summary should go out now, or undefined. Due when this week's instant has
 * passed, came after the schedule was set, and this week has not been delivered.
 */
export function dueWeek(state: ScheduleState, now: Date): IsoWeekKey | undefined {
  const today = stockholmDate(now);
  const week = isoWeekKey(today);
  if (state.lastSentWeek === week) return undefined;
  const due = dueInWeekOf(state.schedule, today);
  if (due.getTime() > now.getTime() || due.getTime() < state.since.getTime()) return undefined;
  return week;
}

/** When the next summary goes out: now if one is due (a catch-up), else the next due instant. */
export function nextSend(state: ScheduleState, now: Date): Date {
  if (dueWeek(state, now) !== undefined) return now;
  let candidate = nextDueAfter(state.schedule, now);
  // This week's instant may still be ahead but already delivered (the schedule moved later).
  while (state.lastSentWeek === isoWeekKey(stockholmDate(candidate))) {
    candidate = nextDueAfter(state.schedule, candidate);
  }
  return candidate;
}
