// How long notes are kept: a pure rule on calendar dates.
import type { IsoDate } from './agreement.js';

/**
 * The first date whose notes are still kept: `months` calendar months before `today` (a 31st
 * becomes the month's last day). Entries dated before it have their notes cleared.
 */
export function noteRetentionCutoff(today: IsoDate, months: number): IsoDate {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) - months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}
