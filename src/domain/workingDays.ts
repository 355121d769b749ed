// Which days are working days in Sweden: Monday to Friday, except the public holidays of the law
// on allmänna helgdagar (SFS 1989:253) and the three eves nearly every workplace keeps free
// (midsommarafton, julafton, nyårsafton). The dates come from the `swedish-holidays` library
// (Easter and the moving holidays computed per year), never from a hand-written table.
import { getHolidays } from 'swedish-holidays';
import type { IsoDate } from './agreement.js';
import { addDays, isoWeekday } from './calendar.js';

// Not allmänna helgdagar in law, but days off by agreement almost everywhere; a reminder then helps nobody.
const EVES_OFF = new Set(['Midsommarafton', 'Julafton', 'Nyårsafton']);

const byYear = new Map<number, ReadonlySet<IsoDate>>();

/**
 * The days off (public holidays and the eves above) of a calendar year, as ISO dates. Read from the
 * library's year, month and day fields: its Date values are local midnight and would shift with
 * the server's time zone.
 */
function daysOff(year: number): ReadonlySet<IsoDate> {
  let days = byYear.get(year);
  if (!days) {
    const pad = (n: number) => String(n).padStart(2, '0');
    days = new Set(
      getHolidays(year)
        .filter((h) => h.isPublicHoliday || EVES_OFF.has(h.name))
        .map((h) => `${String(h.year).padStart(4, '0')}-${pad(h.month)}-${pad(h.day)}`),
    );
    byYear.set(year, days);
  }
  return days;
}

/** True for a Monday to Friday that is no Swedish public holiday or free eve. `date` is 'YYYY-MM-DD'. */
export function isWorkingDay(date: IsoDate): boolean {
  return isoWeekday(date) <= 5 && !daysOff(Number(date.slice(0, 4))).has(date);
}

/** `date` itself when it is a working day, else the first working day after it. */
export function nextWorkingDay(date: IsoDate): IsoDate {
  let day = date;
  // Never more than a few days: the longest run of days off (Easter, Christmas) is four.
  while (!isWorkingDay(day)) day = addDays(day, 1);
  return day;
}
