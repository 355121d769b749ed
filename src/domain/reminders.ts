// The weekly reminder to the people responsible for activities: when it goes out, and what it
// lists. A reminder has a weekday and a Stockholm time (default måndag 09:00); in ISO week W it is
// due on that weekday of W, moved to the next working day when that is a weekend, a public
// holiday or a free eve (workingDays.ts). A reminder missed while the bot was down is caught up
// on a later working day, until the next one falls due. Pure: "now" is always an argument.
import type { Agreement, IsoDate } from './agreement.js';
import { addDays, isoWeekStart, monthStart, stockholmDate, stockholmInstant } from './calendar.js';
import { isoWeekKey, type IsoWeekKey, type Schedule } from './schedule.js';
import type { ActivityStatus, Rhythm, StatusCode } from './status.js';
import { weekdayOf, parseTimeOfDay } from './subscribeArgs.js';
import { fold, words } from './text.js';
import { isWorkingDay, nextWorkingDay } from './workingDays.js';

/** Måndag 09:00, Swedish time: the start of the working week, as the tools people know do it. */
export const DEFAULT_REMINDER_SCHEDULE: Schedule = Object.freeze({ weekday: 1, time: '09:00' });

/** "Pausa 4 veckor" on a reminder. */
export const REMINDER_PAUSE_DAYS = 28;

/** The day week `weekOf`'s reminder goes out: the schedule's weekday of that ISO week, or the next working day. */
export function reminderDay(schedule: Schedule, weekOf: IsoDate): IsoDate {
  return nextWorkingDay(addDays(isoWeekStart(weekOf), schedule.weekday - 1));
}

/** The instant week `weekOf`'s reminder goes out (reminderDay at the schedule's Stockholm time). */
function reminderInstant(schedule: Schedule, weekOf: IsoDate): Date {
  return stockholmInstant(reminderDay(schedule, weekOf), schedule.time);
}

export interface ReminderState {
  schedule: Schedule;
  /** From when the person is reminded (named responsible, or the time changed): no reminder for an earlier slot. */
  since: Date;
  /** The ISO week (of the nominal day) whose reminder was last sent or claimed. */
  lastWeek?: IsoWeekKey;
  /** 'Pausa 4 veckor': nothing before this day. */
  pausedUntil?: IsoDate;
  /** 'Sluta påminna mig' or /påminnelser av. */
  off?: boolean;
}

/** The latest reminder slot whose instant has passed at `now`: its week key and instant. */
function latestSlot(schedule: Schedule, now: Date): { week: IsoWeekKey; at: Date } | undefined {
  const today = stockholmDate(now);
  // A slot moved by days off may fall in the week after its own (a Friday holiday → Monday).
  const slots = [addDays(today, -7), today]
    .map((weekOf) => ({ week: isoWeekKey(weekOf), at: reminderInstant(schedule, weekOf) }))
    .filter((s) => s.at.getTime() <= now.getTime())
    .sort((a, b) => b.at.getTime() - a.at.getTime());
  return slots[0];
}

/**
 * The week whose reminder should go out now, or undefined. Due when the latest slot's instant has
 * passed, came after `since`, was not sent, does not fall in a pause, the person has not turned
 * reminders off, and today is a working day. A slot missed while the bot was down is caught up on
 * its own day, or on a later working day from the schedule's time on (never at midnight after a
 * holiday), until the next slot takes its place.
 */
export function dueReminderWeek(state: ReminderState, now: Date): IsoWeekKey | undefined {
  if (state.off) return undefined;
  const today = stockholmDate(now);
  if (!isWorkingDay(today)) return undefined;
  const slot = latestSlot(state.schedule, now);
  if (!slot || slot.week === state.lastWeek || slot.at.getTime() < state.since.getTime()) return undefined;
  const slotDay = stockholmDate(slot.at);
  // A reminder that fell in a pause is skipped, not sent when the pause ends.
  if (state.pausedUntil !== undefined && slotDay < state.pausedUntil) return undefined;
  if (slotDay !== today && stockholmInstant(today, state.schedule.time).getTime() > now.getTime()) return undefined;
  return slot.week;
}

/**
 * When the next reminder can go out: now when one is due, else the first later moment one is;
 * undefined when off (or, which no schedule allows, none within a year). Every such moment is at
 * the schedule's time on some day, so those are the only ones tried.
 */
export function nextReminder(state: ReminderState, now: Date): Date | undefined {
  if (state.off) return undefined;
  if (dueReminderWeek(state, now) !== undefined) return now;
  const today = stockholmDate(now);
  for (let i = 0; i <= 380; i++) {
    const at = stockholmInstant(addDays(today, i), state.schedule.time);
    if (at.getTime() > now.getTime() && dueReminderWeek(state, at) !== undefined) return at;
  }
  return undefined;
}

/** Why the words after /påminnelsetid are not a weekday's time: `word` is the one not understood. */
export type ReminderTimeProblem =
  | { code: 'reminderTime.usage'; word?: string }
  | { code: 'reminderTime.weekend' }
  | { code: 'reminderTime.badTime'; word: string };

export type ReminderTimeArgs = { ok: true; schedule: Schedule } | ({ ok: false } & ReminderTimeProblem);

/** "/påminnelsetid <veckodag> <HH:MM>": both are needed, in either order; a weekend day is refused. */
export function parseReminderTimeArgs(args: string): ReminderTimeArgs {
  let weekday: Schedule['weekday'] | undefined;
  let time: string | undefined;
  for (const shown of words(args)) {
    const token = fold(shown).replace(/[,;!?]+$/u, '');
    if (token === 'kl' || token === 'kl.' || token === 'klockan') continue;
    const day = weekdayOf(token);
    if (day !== undefined && weekday === undefined) {
      weekday = day;
      continue;
    }
    const t = parseTimeOfDay(token);
    if (t !== undefined && time === undefined) {
      time = t;
      continue;
    }
    if (/^\d{1,2}[:.]\d{2}$/u.test(token)) return { ok: false, code: 'reminderTime.badTime', word: shown.slice(0, 40) };
    return { ok: false, code: 'reminderTime.usage', word: shown.slice(0, 40) };
  }
  if (weekday === undefined || time === undefined) return { ok: false, code: 'reminderTime.usage' };
  if (weekday >= 6) return { ok: false, code: 'reminderTime.weekend' };
  return { ok: true, schedule: { weekday, time } };
}

/** Why an activity is in a reminder: behind plan, or nothing logged in the last period of its rhythm. */
type ReminderReason = 'farBehind' | 'behind' | 'nothingLastPeriod';

export interface ReminderItem {
  activityId: string;
  name: string;
  status: StatusCode;
  reason: ReminderReason;
  /** For recurring work: the rhythm whose last period had no entry. */
  rhythm?: Rhythm;
}

/** The last whole period of a rhythm before `today`: last week, last weekend (Fri–Sun), last month. */
export function lastPeriod(rhythm: Rhythm, today: IsoDate): { start: IsoDate; end: IsoDate } {
  const week = isoWeekStart(today);
  if (rhythm === 'weekly') return { start: addDays(week, -7), end: addDays(week, -1) };
  if (rhythm === 'weekendNights') {
    // On a Saturday or Sunday the running weekend is not over yet: the last whole one is the week before's.
    return { start: addDays(week, -3), end: addDays(week, -1) };
  }
  const month = monthStart(today);
  return { start: monthStart(addDays(month, -1)), end: addDays(month, -1) };
}

/**
 * What one person is reminded of: of the activities in `responsibleFor` (ids), those behind plan
 * (något efter, långt efter) and the recurring ones with no entry in the last whole period of
 * their rhythm (a weekly activity with nothing last week), when that period lies in the
 * agreement. Done and on-track activities, and those not yet due, are left out. Farthest behind first.
 * `entryDates` holds each activity's dates with an active entry.
 */
export function remindersFor(
  agreement: Agreement,
  statuses: readonly ActivityStatus[],
  entryDates: ReadonlyMap<string, readonly IsoDate[]>,
  responsibleFor: ReadonlySet<string>,
  today: IsoDate,
): ReminderItem[] {
  const rank: Record<ReminderReason, number> = { farBehind: 0, behind: 1, nothingLastPeriod: 2 };
  const items: ReminderItem[] = [];
  if (today < agreement.period.start || today > agreement.period.end) return items;
  for (const s of statuses) {
    const { activity } = s;
    if (!responsibleFor.has(activity.id) || s.status === 'done') continue;
    const base = { activityId: activity.id, name: activity.name, status: s.status };
    if (s.status === 'farBehind' || s.status === 'behind') {
      items.push({ ...base, reason: s.status });
      continue;
    }
    if (activity.target.kind !== 'recurring') continue;
    const { rhythm } = activity.target;
    const period = lastPeriod(rhythm, today);
    if (period.start < agreement.period.start) continue;
    const dates = entryDates.get(activity.id) ?? [];
    if (!dates.some((d) => d >= period.start && d <= period.end))
      items.push({ ...base, reason: 'nothingLastPeriod', rhythm });
  }
  return items.sort((a, b) => rank[a.reason] - rank[b.reason] || a.name.localeCompare(b.name, 'sv'));
}
