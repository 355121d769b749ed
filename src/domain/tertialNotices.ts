// The two messages a coordinator gets about a tertial (the four-month period the follow-up is
// written for): two weeks before it ends, what is behind plan; once it has ended, that it is time
// to review its follow-up. Each goes out once, on a working day at the area's reminder time, and is
// caught up within its window (the tertial's last 14 days, or the 14 days after it ended).
import type { IsoDate } from './agreement.js';
import { addDays, stockholmInstant, tertialOf, tertialRange, type Tertial } from './calendar.js';
import type { Schedule } from './schedule.js';
import { isWorkingDay } from './workingDays.js';

/** Days before a tertial's end when the coordinator hears what is behind; and after it, how long the review notice waits. */
const TERTIAL_NOTICE_DAYS = 14;

export interface TertialNotice {
  kind: 'closing' | 'ended';
  year: number;
  tertial: Tertial;
  /** The tertial's last day. */
  end: IsoDate;
  /** What the sent notice is recorded under: '2020-T2-ended'. */
  key: string;
}

/**
 * The notice due at `now` (Stockholm day `today`), or undefined: none on a weekend or public
 * holiday, none before the schedule's time of day, none whose key is in `sent`.
 */
export function dueTertialNotice(
  now: Date,
  today: IsoDate,
  schedule: Schedule,
  sent: ReadonlySet<string>,
): TertialNotice | undefined {
  if (!isWorkingDay(today) || stockholmInstant(today, schedule.time).getTime() > now.getTime()) return undefined;
  const current = tertialOf(today);
  const range = tertialRange(current.year, current.tertial);
  const candidates: TertialNotice[] = [];
  if (today >= addDays(range.end, -TERTIAL_NOTICE_DAYS))
    candidates.push({
      kind: 'closing',
      ...current,
      end: range.end,
      key: `${current.year}-T${current.tertial}-closing`,
    });
  const previous = tertialOf(addDays(range.start, -1));
  const previousEnd = tertialRange(previous.year, previous.tertial).end;
  if (today <= addDays(previousEnd, TERTIAL_NOTICE_DAYS))
    candidates.push({
      kind: 'ended',
      ...previous,
      end: previousEnd,
      key: `${previous.year}-T${previous.tertial}-ended`,
    });
  return candidates.find((c) => !sent.has(c.key));
}
