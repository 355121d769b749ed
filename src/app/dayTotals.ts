// The status rules (src/domain/status.ts) ask for an activity's day totals synchronously; the port
// answers asynchronously, so the agreement's totals are read first, every activity at once.
import type { Agreement } from '../domain/agreement.js';
import type { DayTotal } from '../domain/status.js';
import type { AreaRecords } from './port/index.js';

/**
 * Every activity's day totals of `agreement`, read from the area's records: a lookup by activity id
 * (an unknown id has none).
 */
export async function dayTotalsOf(
  records: AreaRecords,
  agreement: Agreement,
): Promise<(activityId: string) => readonly DayTotal[]> {
  const read = await Promise.all(
    agreement.activities.map(async (a) => [a.id, await records.dayTotals(agreement.id, a.id)] as const),
  );
  const totals = new Map<string, readonly DayTotal[]>(read);
  return (activityId) => totals.get(activityId) ?? [];
}
