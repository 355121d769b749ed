// /möte's arguments and when the agenda card is due: an hour before, until the meeting starts, once a week.
import { expect } from 'chai';
import fc from 'fast-check';
import { stockholmInstant } from '../../src/domain/calendar.js';
import { dueAgenda, parseMeetingArgs } from '../../src/domain/meeting.js';
import type { Schedule } from '../../src/domain/schedule.js';

const THURSDAY: Schedule = { weekday: 4, time: '13:00' };
const SINCE = new Date('2020-01-01T00:00:00Z');

describe('/möte arguments', () => {
  it('weekday, time, then the activity; av; nothing', () => {
    expect(parseMeetingArgs('torsdag 13:00 torsdagsmöte')).to.deep.equal({
      ok: true,
      kind: 'set',
      schedule: THURSDAY,
      activityWords: ['torsdagsmöte'],
    });
    expect(parseMeetingArgs('tisdag kl 9.00 ssg')).to.deep.include({ schedule: { weekday: 2, time: '09:00' } });
    expect(parseMeetingArgs('av')).to.deep.equal({ ok: true, kind: 'off' });
    expect(parseMeetingArgs('')).to.deep.equal({ ok: true, kind: 'show' });
    expect(parseMeetingArgs('torsdag torsdagsmöte')).to.deep.equal({ ok: false, code: 'meeting.usage' });
    expect(parseMeetingArgs('torsdag 13:77 torsdagsmöte')).to.deep.equal({
      ok: false,
      code: 'meeting.badTime',
      word: '13:77',
    });
  });
});

describe('when the agenda card is due', () => {
  it('from an hour before the meeting until it starts, once a week', () => {
    expect(dueAgenda(THURSDAY, SINCE, undefined, new Date('2020-10-22T09:59:59Z'))).to.equal(undefined);
    expect(dueAgenda(THURSDAY, SINCE, undefined, new Date('2020-10-22T10:00:00Z'))).to.deep.include({
      date: '2020-10-22',
      week: '2020-W43',
    });
    expect(dueAgenda(THURSDAY, SINCE, '2020-W43', new Date('2020-10-22T10:30:00Z'))).to.equal(undefined);
    expect(dueAgenda(THURSDAY, SINCE, undefined, new Date('2020-10-22T11:00:00Z'))).to.equal(undefined);
  });

  it('is only ever due within the hour before the meeting (any schedule, any moment)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 7 }),
        fc.integer({ min: 0, max: 23 }),
        fc.date({ min: new Date('2019-01-01T00:00:00Z'), max: new Date('2031-01-01T00:00:00Z'), noInvalidDate: true }),
        (weekday, hour, now) => {
          const schedule: Schedule = {
            weekday: weekday as Schedule['weekday'],
            time: `${String(hour).padStart(2, '0')}:00`,
          };
          const due = dueAgenda(schedule, SINCE, undefined, now);
          if (!due) return;
          const start = stockholmInstant(due.date, schedule.time).getTime();
          expect(now.getTime()).to.be.at.least(start - 3_600_000);
          expect(now.getTime()).to.be.below(start);
        },
      ),
    );
  });
});
