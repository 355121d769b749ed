// What a weekly card says: the days since the subscription's last card (the seven days before the
// day it is sent, as a rule), per promise and activity with each activity's status, and the
// entries recorded after the card for their days had gone ("Efterregistrerat"). The one function
// the scheduler calls; which entries belong to which card is src/domain/weeklyCard.ts.
import type { IsoDate } from '../domain/agreement.js';
import { agreementForDate } from '../domain/agreement.js';
import { addDays, daysBetween } from '../domain/calendar.js';
import { summarize, type SummaryPeriod } from '../domain/summary.js';
import { weeklyCardContent, type DayRange, type SentCard } from '../domain/weeklyCard.js';
import { noWeeklyAgreementText, weeklyCard, weeklyText, type LateEntry } from '../views/summaryCard.js';
import type { AreaRecords, StorePort } from './port/index.js';
import { card, text, type Reply } from './ports.js';
import { cachedReplies } from './replyCache.js';

export interface WeeklyCardRequest {
  /** The Stockholm day the card is sent. */
  sendDay: IsoDate;
  /** The instant the card is made: what is on record then is what it reports. */
  cutAt: Date;
  /** The subscription's last card, or undefined before its first. */
  previous: SentCard | undefined;
}

/**
 * The weekly card of one area's records for one subscription's send (a card with its text
 * fallback, which Teams shows in the notification). Cards for the same days and the same previous
 * card are the same until the store changes, so they are built once.
 */
export function weeklySummaryReplies(port: StorePort, areaId: string, request: WeeklyCardRequest): Promise<Reply[]> {
  const { sendDay, previous } = request;
  const key = `weekly|${sendDay}|${previous?.through ?? ''}|${previous?.cutAt.toISOString() ?? ''}`;
  const records = port.records(areaId);
  return cachedReplies(port, records, key, () => buildWeeklyReplies(records, request));
}

async function buildWeeklyReplies(records: AreaRecords, request: WeeklyCardRequest): Promise<Reply[]> {
  const agreements = await records.agreements();
  const entries = await records.allEntries();
  const content = weeklyCardContent(entries, request.sendDay, request.cutAt, request.previous);
  const { days } = content;
  const agreement = agreementForDate(agreements, days.end) ?? agreementForDate(agreements, days.start);
  if (!agreement) return [text(noWeeklyAgreementText(days))];
  const summary = summarize({
    agreement,
    period: weeklyPeriod(days),
    agreements,
    entries,
    completions: await records.completions(agreement.id),
  });
  const late: LateEntry[] = content.late.map((entry) => ({
    entry,
    activity: agreements.find((a) => a.id === entry.agreementId)?.activities.find((a) => a.id === entry.activityId),
  }));
  return [card(weeklyCard(summary, late), weeklyText(summary, late))];
}

/** The card's days as a summary period, held against as many days just before them. */
function weeklyPeriod(days: DayRange): SummaryPeriod {
  const length = daysBetween(days.start, days.end) + 1;
  return {
    kind: 'vecka',
    range: days,
    full: days,
    previous: { start: addDays(days.start, -length), end: addDays(days.start, -1) },
  };
}
