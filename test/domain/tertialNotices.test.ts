// The coordinator's tertial notices: two weeks before the end, and after it; working days only,
// at the area's time, once each, caught up within their window.
import { expect } from 'chai';
import fc from 'fast-check';
import { stockholmDate, stockholmInstant } from '../../src/domain/calendar.js';
import { DEFAULT_REMINDER_SCHEDULE } from '../../src/domain/reminders.js';
import { dueTertialNotice } from '../../src/domain/tertialNotices.js';
import { isWorkingDay } from '../../src/domain/workingDays.js';

const due = (day: string, time = '09:00', sent: string[] = []) =>
  dueTertialNotice(stockholmInstant(day, time), day, DEFAULT_REMINDER_SCHEDULE, new Set(sent));

describe('tertial notices to the coordinator', () => {
  it('two weeks before T2 2020 ends, then after it: "closing" and "ended"', () => {
    expect(due('2020-08-14')).to.equal(undefined);
    expect(due('2020-08-17', '08:59')).to.equal(undefined);
    expect(due('2020-08-17')).to.deep.include({ kind: 'closing', year: 2020, tertial: 2, key: '2020-T2-closing' });
    expect(due('2020-08-18', '10:00', ['2020-T2-closing'])).to.equal(undefined);
    expect(due('2020-09-01')).to.deep.include({ kind: 'ended', year: 2020, tertial: 2, end: '2020-08-31' });
    expect(due('2020-09-16', '09:00', [])).to.equal(undefined);
  });

  it('T3 ends on nyårsafton: the review notice waits for the first working day of the new year', () => {
    expect(due('2021-01-01')).to.equal(undefined);
    expect(due('2021-01-04')).to.deep.include({ kind: 'ended', year: 2020, tertial: 3, key: '2020-T3-ended' });
  });

  it('is never due on a day off, and never for a key already sent (any moment)', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2019-01-01T00:00:00Z'), max: new Date('2031-01-01T00:00:00Z'), noInvalidDate: true }),
        (now) => {
          const today = stockholmDate(now);
          const notice = dueTertialNotice(now, today, DEFAULT_REMINDER_SCHEDULE, new Set());
          if (!notice) return;
          expect(isWorkingDay(today)).to.equal(true);
          expect(dueTertialNotice(now, today, DEFAULT_REMINDER_SCHEDULE, new Set([notice.key]))?.key).to.not.equal(
            notice.key,
          );
        },
      ),
    );
  });
});
