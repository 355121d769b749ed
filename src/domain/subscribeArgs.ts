// "/prenumerera [veckodag] [HH:MM]": a weekday and a time, in either order, each optional.
// Weekdays are matched folded ("lördag" = "lordag"), with the forms people write ("torsdagar",
// "tors", "tor"), and "idag" is today's weekday. Times: "07:30", "7:30", "07.30", optionally
// after "kl" or "kl.". Anything else is refused with the word that was not understood (a code;
// views/subscriptionTexts.ts says it).
import type { IsoDate } from './agreement.js';
import { isoWeekday, type IsoWeekday } from './calendar.js';
import { DEFAULT_SCHEDULE, type Schedule } from './schedule.js';
import { fold, words } from './text.js';

/**
 * Why the words after /prenumerera are not a schedule: two weekdays (the first as read, the second as
 * written), two times, a time that does not exist ("25:00"), or a word that is neither.
 */
export type SubscribeProblem =
  | { code: 'subscribe.twoWeekdays'; first: IsoWeekday; second: string }
  | { code: 'subscribe.twoTimes'; first: string; second: string }
  | { code: 'subscribe.badTime'; word: string }
  | { code: 'subscribe.notUnderstood'; word: string };

export type SubscribeArgs = { ok: true; schedule: Schedule } | ({ ok: false } & SubscribeProblem);

const WEEKDAY_STEMS: readonly [string, IsoWeekday][] = [
  ['mandag', 1],
  ['tisdag', 2],
  ['onsdag', 3],
  ['torsdag', 4],
  ['fredag', 5],
  ['lordag', 6],
  ['sondag', 7],
];

const WEEKDAY_ABBREVIATIONS: Readonly<Record<string, IsoWeekday>> = {
  man: 1,
  tis: 2,
  ons: 3,
  tor: 4,
  tors: 4,
  fre: 5,
  lor: 6,
  son: 7,
};

const TIME = /^(\d{1,2})[:.](\d{2})$/u;
// Words people put around the schedule: "varje torsdag kl. 7.30", "på måndagar".
const FILLERS = new Set(['kl', 'kl.', 'klockan', 'varje', 'pa', 'och']);

/** The weekday a folded word names ("torsdag", "torsdagar", "tors"), or undefined. */
export function weekdayOf(word: string): IsoWeekday | undefined {
  const w = word.replace(/\.$/u, '');
  for (const [stem, day] of WEEKDAY_STEMS) {
    // "torsdag", "torsdagar" (every Thursday), "torsdagen", "torsdagarna".
    if (w === stem || w === `${stem}ar` || w === `${stem}en` || w === `${stem}arna`) return day;
  }
  return Object.prototype.hasOwnProperty.call(WEEKDAY_ABBREVIATIONS, w) ? WEEKDAY_ABBREVIATIONS[w] : undefined;
}

/** 'HH:MM' for "7:30", "07.30"; undefined for anything that is not a time of day. */
export function parseTimeOfDay(word: string): string | undefined {
  const m = TIME.exec(word);
  if (!m) return undefined;
  const hour = Number(m[1]);
  const minute = Number(m[2]);
  if (hour > 23 || minute > 59) return undefined;
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}

/**
 * The schedule in the words after /prenumerera; a missing weekday or time is the default's
 * (torsdag 07:30). `today` is what "idag" means. A refusal is a SubscribeProblem.
 */
export function parseSubscribeArgs(args: string, today: IsoDate): SubscribeArgs {
  const written = words(args);
  let weekday: IsoWeekday | undefined;
  let time: string | undefined;
  for (let i = 0; i < written.length; i++) {
    const shown = written[i] ?? '';
    let token = fold(shown).replace(/[,;!?]+$/u, '');
    if (token === 'i' && fold(written[i + 1] ?? '') === 'dag') {
      token = 'idag';
      i++;
    }
    if (FILLERS.has(token)) continue;
    const day = token === 'idag' ? isoWeekday(today) : weekdayOf(token);
    if (day !== undefined) {
      if (weekday !== undefined) return { ok: false, code: 'subscribe.twoWeekdays', first: weekday, second: shown };
      weekday = day;
      continue;
    }
    const t = parseTimeOfDay(token);
    if (t !== undefined) {
      if (time !== undefined) return { ok: false, code: 'subscribe.twoTimes', first: time, second: shown };
      time = t;
      continue;
    }
    if (/^\d{1,2}[:.]\d{2}$/u.test(token)) return { ok: false, code: 'subscribe.badTime', word: shown };
    return { ok: false, code: 'subscribe.notUnderstood', word: shown.slice(0, 40) };
  }
  return { ok: true, schedule: { weekday: weekday ?? DEFAULT_SCHEDULE.weekday, time: time ?? DEFAULT_SCHEDULE.time } };
}
