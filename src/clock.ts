// The clocks main.ts can give the app. The shifted one exists for tests and demos: the bundled
// agreements end in 2020, and a form whose date defaults to "today" needs today inside one.
import type { IsoDate } from './domain/agreement.js';
import { addDays, daysBetween, stockholmDate, stockholmInstant } from './domain/calendar.js';
import type { Clock } from './app/ports.js';

export const systemClock: Clock = { now: () => new Date() };

/**
 * A clock on which the Stockholm day is `today` when it starts, and that runs on in real time
 * from there (the time of day is the real one; at midnight the day turns).
 */
export function shiftedClock(today: IsoDate, real: () => Date = () => new Date()): Clock {
  const firstRealDay = stockholmDate(real());
  return {
    now() {
      const instant = real();
      const realDay = stockholmDate(instant);
      const sinceMidnight = instant.getTime() - stockholmInstant(realDay, '00:00').getTime();
      const day = addDays(today, daysBetween(firstRealDay, realDay));
      return new Date(stockholmInstant(day, '00:00').getTime() + sinceMidnight);
    },
  };
}
