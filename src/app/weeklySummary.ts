// What the weekly summary says. The one function the scheduler calls; its body will become
// summaryReplies(store, today, 'vecka') when the summary card lands, and nothing around it changes.
import { addDays, formatSwedishDate, isoWeek } from '../domain/calendar.js';
import type { IsoDate } from '../domain/agreement.js';
import { isActive } from '../domain/entry.js';
import { agreementStatus } from '../domain/status.js';
import type { Store } from '../store/store.js';
import { statusCard } from '../views/statusCard.js';
import { progressText } from '../views/texts.js';
import { currentAgreement } from './agreements.js';
import { card, text, type Reply } from './ports.js';

export function weeklySummaryReplies(store: Store, today: IsoDate): Reply[] {
  const from = addDays(today, -6);
  const inWeek = store.allEntries().filter((e) => isActive(e) && e.date >= from && e.date <= today);
  const header = `**Veckosammanfattning v. ${isoWeek(today).week}**: ${insatser(inWeek.length)} senaste 7 dagarna (${formatSwedishDate(from)} – ${formatSwedishDate(today)}).`;
  const agreement = currentAgreement(store, today);
  if (!agreement) return [text(`${header}\nDet finns inget medborgarlöfte att visa läget för.`)];

  const activityPromises = new Map(agreement.activities.map((a) => [a.id, a.promiseIds]));
  const lines = agreement.promises.map((promise, i) => {
    const n = inWeek.filter((e) => e.agreementId === agreement.id && activityPromises.get(e.activityId)?.includes(promise.id)).length;
    return `${i + 1}. ${promise.text}: ${insatser(n)}`;
  });
  const status = agreementStatus(agreement, store.entries(agreement.id), store.completions(agreement.id), today);
  const fallback = `${agreement.title}: ${status.activities.map((a) => `${a.activity.name} ${progressText(a.progress)}`).join('; ')}`;
  return [text([header, `${agreement.title}, per löfte:`, ...lines].join('\n')), card(statusCard(status), fallback)];
}

function insatser(n: number): string {
  return n === 1 ? '1 insats' : `${n} insatser`;
}
