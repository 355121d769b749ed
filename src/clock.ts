// The clocks main.ts can give the app. The shifted one exists for tests and demos: the bundled
// agreements end in 2020, and a form whose date defaults to "today" needs today inside one.
import type { IsoDate } from './domain/agreement.js';
import { addDays, daysBetween, stockholmDate, stockholmInstant } from './domain/calendar.js';
import type { Clock } from './app/ports.js';

export const systemClock: Clock = { now: () => new Date() };

const HOUR_MS = 3_600_000;

/**
 * A clock on which the Stockholm day is `today` when it starts, and that runs on in real time
 * from there (the time of day is the real one; at midnight the day turns).
 */
export function shiftedClock(today: IsoDate, real: () => Date = () => new Date()): Clock {
  const firstRealDay = stockholmDate(real());
  const midnight = (day: IsoDate): number => stockholmInstant(day, '00:00').getTime();
  const shifted = (instant: Date): number => {
    const realDay = stockholmDate(instant);
    const day = addDays(today, daysBetween(firstRealDay, realDay));
    let sinceMidnight = instant.getTime() - midnight(realDay);
    // A real day of 25 hours (summer time ends) is longer than most shifted days, and a shifted day
    // of 23 hours shorter than most real ones: the real day's last hour would land on the shifted
    // day after. It is folded back onto the shifted day's last hour, so the day is always `today`'s
    // (time then steps back once, by the hour the two days differ).
    const dayLength = midnight(addDays(day, 1)) - midnight(day);
    if (sinceMidnight >= dayLength) sinceMidnight -= midnight(addDays(realDay, 1)) - midnight(realDay) - dayLength;
    return midnight(day) + sinceMidnight;
  };
  // Within one UTC hour the Stockholm day and offset stay the same (midnight and the summer-time
  // changes fall on whole UTC hours), so the shift is worked out once an hour, not on every read:
  // it cost two time-zone conversions per message.
  let hour = Number.NaN;
  let shift = 0;
  return {
    now() {
      const instant = real();
      const ms = instant.getTime();
      const h = Math.floor(ms / HOUR_MS);
      if (h !== hour) {
        shift = shifted(instant) - ms;
        hour = h;
      }
      return new Date(ms + shift);
    },
  };
}
