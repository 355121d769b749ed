// A group's weekly meeting (/möte torsdag 13:00 torsdagsmöte): its weekday, its Stockholm time and
// the activity the meeting is. An hour before it the bot posts the agenda card in the meeting's
// chat; a card missed while the bot was down is posted until the meeting starts, never after.
import type { IsoDate } from './agreement.js';
import { addDays, isoWeekStart, stockholmDate, stockholmInstant } from './calendar.js';
import { isoWeekKey, type IsoWeekKey, type Schedule } from './schedule.js';
import { parseTimeOfDay, weekdayOf } from './subscribeArgs.js';
import { fold, words } from './text.js';

/** How long before the meeting its agenda card is posted. */
export const AGENDA_LEAD_MS = 60 * 60_000;

/** Why the words after /möte are not a meeting: not weekday, time and activity, or a time that does not exist. */
type MeetingArgsProblem = { code: 'meeting.usage' } | { code: 'meeting.badTime'; word: string };

export type MeetingArgs =
  | { ok: true; kind: 'set'; schedule: Schedule; activityWords: string[] }
  | { ok: true; kind: 'off' }
  | { ok: true; kind: 'show' }
  | ({ ok: false } & MeetingArgsProblem);

/** "/möte torsdag 13:00 torsdagsmöte", "/möte av", "/möte": the weekday and time first, then the activity's words. */
export function parseMeetingArgs(args: string): MeetingArgs {
  const given = words(args);
  if (given.length === 0) return { ok: true, kind: 'show' };
  if (given.length === 1 && fold(given[0] ?? '') === 'av') return { ok: true, kind: 'off' };
  let weekday: Schedule['weekday'] | undefined;
  let time: string | undefined;
  const rest: string[] = [];
  for (const shown of given) {
    const token = fold(shown).replace(/[,;!?]+$/u, '');
    if (rest.length === 0 && (token === 'kl' || token === 'kl.' || token === 'klockan')) continue;
    const day = rest.length === 0 && weekday === undefined ? weekdayOf(token) : undefined;
    if (day !== undefined) {
      weekday = day;
      continue;
    }
    const t = rest.length === 0 && time === undefined ? parseTimeOfDay(token) : undefined;
    if (t !== undefined) {
      time = t;
      continue;
    }
    if (rest.length === 0 && /^\d{1,2}[:.]\d{2}$/u.test(token))
      return { ok: false, code: 'meeting.badTime', word: shown.slice(0, 40) };
    rest.push(shown);
  }
  if (weekday === undefined || time === undefined || rest.length === 0) return { ok: false, code: 'meeting.usage' };
  return { ok: true, kind: 'set', schedule: { weekday, time }, activityWords: rest };
}

/** The meeting's date in the ISO week holding `date`. */
export function meetingDateInWeekOf(schedule: Schedule, date: IsoDate): IsoDate {
  return addDays(isoWeekStart(date), schedule.weekday - 1);
}

/**
 * The meeting whose agenda card is due at `now`: from an hour before it until it starts, once per
 * ISO week (`lastWeek` is the week last posted), and not for a meeting set up after it started.
 */
export function dueAgenda(
  schedule: Schedule,
  since: Date,
  lastWeek: IsoWeekKey | undefined,
  now: Date,
): { date: IsoDate; week: IsoWeekKey; at: Date } | undefined {
  const date = meetingDateInWeekOf(schedule, stockholmDate(now));
  const week = isoWeekKey(date);
  const at = stockholmInstant(date, schedule.time);
  const from = at.getTime() - AGENDA_LEAD_MS;
  if (week === lastWeek || now.getTime() < from || now.getTime() >= at.getTime() || since.getTime() >= at.getTime())
    return undefined;
  return { date, week, at };
}
