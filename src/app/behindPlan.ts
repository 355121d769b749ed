// What is behind plan in an agreement on a day: the agenda card before a meeting and the
// coordinator's tertial notice both list it, far behind first.
import type { Agreement, IsoDate } from '../domain/agreement.js';
import { agreementStatusOfDays, type ActivityStatus } from '../domain/status.js';
import { dayTotalsOf } from './dayTotals.js';
import type { AreaRecords } from './port/index.js';

/**
 * The activities of `agreement` that are behind (yellow) or far behind (red) on `date`, read from the
 * area's records; far behind first, otherwise in the agreement's order.
 */
export async function behindPlan(records: AreaRecords, agreement: Agreement, date: IsoDate): Promise<ActivityStatus[]> {
  const status = agreementStatusOfDays(
    agreement,
    await dayTotalsOf(records, agreement),
    await records.completions(agreement.id),
    date,
  );
  const rank = (s: ActivityStatus) => (s.status === 'farBehind' ? 0 : 1);
  return status.activities
    .filter((s) => s.status === 'behind' || s.status === 'farBehind')
    .sort((a, b) => rank(a) - rank(b));
}
