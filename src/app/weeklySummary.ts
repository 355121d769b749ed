// What the weekly summary says: the last 7 days per promise and activity, with each activity's
// status, the same card as "/sammanfattning vecka". The one function the scheduler calls.
import type { IsoDate } from '../domain/agreement.js';
import type { AgreementRecords } from './storePort.js';
import type { Reply } from './ports.js';
import { summaryReplies } from './summaryCommand.js';

export function weeklySummaryReplies(store: AgreementRecords, today: IsoDate): Reply[] {
  return summaryReplies(store, today, 'vecka', undefined, 0, true);
}
