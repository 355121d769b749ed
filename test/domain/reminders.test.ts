// When the weekly reminder goes out (moved off weekends and Swedish public holidays, once a week,
// caught up after downtime) and what it lists for one person.
import { expect } from 'chai';
import fc from 'fast-check';
import type { Agreement } from '../../src/domain/agreement.js';
import { addDays, stockholmDate } from '../../src/domain/calendar.js';
import type { Entry } from '../../src/domain/entry.js';
import {
  DEFAULT_REMINDER_SCHEDULE,
  dueReminderWeek,
  lastPeriod,
  nextReminder,
  parseReminderTimeArgs,
  reminderDay,
  remindersFor,
  type ReminderState,
} from '../../src/domain/reminders.js';
import { isoWeekKey, type Schedule } from '../../src/domain/schedule.js';
import { activityStatus } from '../../src/domain/status.js';
import { isWorkingDay, nextWorkingDay } from '../../src/domain/workingDays.js';
import { stockholmTimeOfDay } from '../../src/views/scheduleTexts.js';
import { bundledAgreements } from '../support/fakes.js';

const MINUTE = 60_000;
const scheduleArb: fc.Arbitrary<Schedule> = fc
  .record({
    weekday: fc.integer({ min: 1, max: 5 }),
    hour: fc.integer({ min: 0, max: 23 }),
    minute: fc.integer({ min: 0, max: 59 }),
  })
  .map(({ weekday, hour, minute }) => ({
    weekday: weekday as Schedule['weekday'],
    time: `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`,
  }));
// 2019–2031: Easter, midsummer and Christmas on every weekday, and both DST changes each year.
const instantArb = fc.date({
  min: new Date('2019-01-01T00:00:00Z'),
  max: new Date('2031-12-31T00:00:00Z'),
  noInvalidDate: true,
});

describe('working days (swedish-holidays)', () => {
  it('knows the moving and the fixed holidays, and the free eves', () => {
    for (const day of [
      '2020-04-10',
      '2020-04-13',
      '2020-05-01',
      '2020-05-21',
      '2020-06-19',
      '2020-12-24',
      '2020-12-25',
      '2020-12-31',
      '2026-01-06',
      '2026-06-06',
    ])
      expect(isWorkingDay(day), day).to.equal(false);
    for (const day of ['2020-04-14', '2020-06-22', '2020-10-19', '2026-06-05'])
      expect(isWorkingDay(day), day).to.equal(true);
    expect(isWorkingDay('2020-10-17'), 'a Saturday').to.equal(false);
    expect(nextWorkingDay('2020-04-10')).to.equal('2020-04-14');
    expect(nextWorkingDay('2020-12-24')).to.equal('2020-12-28');
  });

  it('the next working day is a working day, never before the date and at most five days on', () => {
    fc.assert(
      fc.property(instantArb, (instant) => {
        const date = stockholmDate(instant);
        const next = nextWorkingDay(date);
        expect(isWorkingDay(next)).to.equal(true);
        expect(next >= date).to.equal(true);
        expect(next <= addDays(date, 5)).to.equal(true);
        if (isWorkingDay(date)) expect(next).to.equal(date);
      }),
    );
  });
});

describe('when the reminder goes out', () => {
  const state = (over: Partial<ReminderState> = {}): ReminderState => ({
    schedule: DEFAULT_REMINDER_SCHEDULE,
    since: new Date('2020-01-01T00:00:00Z'),
    ...over,
  });

  it('måndag 09:00 by default; Annandag påsk moves it to Tuesday', () => {
    expect(reminderDay(DEFAULT_REMINDER_SCHEDULE, '2020-10-21')).to.equal('2020-10-19');
    expect(reminderDay(DEFAULT_REMINDER_SCHEDULE, '2020-04-15')).to.equal('2020-04-14');
    const lastSent = state({ lastWeek: '2020-W15' });
    expect(dueReminderWeek(lastSent, new Date('2020-04-13T07:00:00Z'))).to.equal(undefined);
    expect(dueReminderWeek(lastSent, new Date('2020-04-14T06:59:59Z'))).to.equal(undefined);
    expect(dueReminderWeek(lastSent, new Date('2020-04-14T07:00:00Z'))).to.equal('2020-W16');
    expect(nextReminder(lastSent, new Date('2020-04-09T12:00:00Z'))?.toISOString()).to.equal(
      '2020-04-14T07:00:00.000Z',
    );
  });

  it('a Friday holiday moves the reminder to Monday, still for its own week, and that week is not sent twice', () => {
    const friday: Schedule = { weekday: 5, time: '09:00' };
    // Långfredagen 10 April 2020 → Tuesday 14 April (Monday is Annandag påsk).
    expect(dueReminderWeek(state({ schedule: friday }), new Date('2020-04-14T07:00:00Z'))).to.equal('2020-W15');
    expect(
      dueReminderWeek(state({ schedule: friday, lastWeek: '2020-W15' }), new Date('2020-04-14T08:00:00Z')),
    ).to.equal(undefined);
  });

  it('catches up after downtime on a later working day, never on the weekend', () => {
    expect(dueReminderWeek(state(), new Date('2020-10-21T12:00:00Z'))).to.equal('2020-W43');
    expect(dueReminderWeek(state(), new Date('2020-10-24T12:00:00Z'))).to.equal(undefined);
    expect(dueReminderWeek(state({ lastWeek: '2020-W43' }), new Date('2020-10-21T12:00:00Z'))).to.equal(undefined);
  });

  it('nothing before the person was named, while paused, or when off', () => {
    expect(
      dueReminderWeek(state({ since: new Date('2020-10-19T08:00:00Z') }), new Date('2020-10-19T09:00:00Z')),
    ).to.equal(undefined);
    expect(dueReminderWeek(state({ pausedUntil: '2020-11-16' }), new Date('2020-10-26T08:00:00Z'))).to.equal(undefined);
    expect(dueReminderWeek(state({ pausedUntil: '2020-11-16' }), new Date('2020-11-16T08:00:00Z'))).to.equal(
      '2020-W47',
    );
    expect(dueReminderWeek(state({ off: true }), new Date('2020-10-19T08:00:00Z'))).to.equal(undefined);
    expect(nextReminder(state({ off: true }), new Date('2020-10-19T08:00:00Z'))).to.equal(undefined);
  });

  it('is only ever due on a working day, at or after the slot, and for one week at most once (any schedule, any moment)', () => {
    fc.assert(
      fc.property(scheduleArb, instantArb, (schedule, now) => {
        const week = dueReminderWeek(state({ schedule, since: new Date('2018-01-01T00:00:00Z') }), now);
        if (week === undefined) return;
        expect(isWorkingDay(stockholmDate(now))).to.equal(true);
        expect(
          dueReminderWeek(state({ schedule, since: new Date('2018-01-01T00:00:00Z'), lastWeek: week }), now),
        ).to.equal(undefined);
      }),
    );
  });

  it('the next reminder is now when one is due, else a working day at the set time with nothing due before it', () => {
    fc.assert(
      fc.property(scheduleArb, instantArb, fc.boolean(), (schedule, now, sentThisWeek) => {
        const s = state({
          schedule,
          since: new Date('2018-01-01T00:00:00Z'),
          ...(sentThisWeek ? { lastWeek: isoWeekKey(stockholmDate(now)) } : {}),
        });
        const next = nextReminder(s, now);
        if (!next) throw new Error('a reminder that is on always has a next time');
        if (dueReminderWeek(s, now) !== undefined) {
          expect(next.getTime()).to.equal(now.getTime());
          return;
        }
        expect(next.getTime()).to.be.greaterThan(now.getTime());
        expect(isWorkingDay(stockholmDate(next))).to.equal(true);
        expect(stockholmTimeOfDay(next)).to.equal(schedule.time);
        expect(dueReminderWeek(s, next)).to.be.a('string');
        if (next.getTime() - MINUTE > now.getTime())
          expect(dueReminderWeek(s, new Date(next.getTime() - MINUTE))).to.equal(undefined);
      }),
      { numRuns: 200 },
    );
  });

  it('a simulated year sends at most one reminder per ISO week and never on a day off', () => {
    fc.assert(
      fc.property(scheduleArb, fc.integer({ min: 2019, max: 2030 }), (schedule, year) => {
        let s = state({ schedule, since: new Date(`${year}-01-01T00:00:00Z`) });
        const sentDays: string[] = [];
        // A tick every hour through the year, at the schedule's minute (the real ticker ticks every
        // minute, so it is at the set time exactly; an hourly tick at :00 would never be).
        for (
          let t = Date.parse(`${year}-01-01T00:00:00Z`) + Number(schedule.time.slice(3)) * MINUTE;
          t < Date.parse(`${year}-12-31T00:00:00Z`);
          t += 60 * MINUTE
        ) {
          const week = dueReminderWeek(s, new Date(t));
          if (week === undefined) continue;
          sentDays.push(stockholmDate(new Date(t)));
          s = { ...s, lastWeek: week };
        }
        for (const day of sentDays) expect(isWorkingDay(day), day).to.equal(true);
        expect(sentDays.length).to.be.within(50, 53);
      }),
      { numRuns: 15 },
    );
  });
});

describe('/påminnelsetid arguments', () => {
  it('a weekday and a time, in either order; a weekend or a missing part is refused', () => {
    expect(parseReminderTimeArgs('tisdag 08:30')).to.deep.equal({ ok: true, schedule: { weekday: 2, time: '08:30' } });
    expect(parseReminderTimeArgs('kl 8.15 fredag')).to.deep.equal({
      ok: true,
      schedule: { weekday: 5, time: '08:15' },
    });
    expect(parseReminderTimeArgs('lördag 09:00')).to.deep.equal({ ok: false, code: 'reminderTime.weekend' });
    expect(parseReminderTimeArgs('måndag')).to.deep.equal({ ok: false, code: 'reminderTime.usage' });
    expect(parseReminderTimeArgs('måndag 25:00')).to.deep.equal({
      ok: false,
      code: 'reminderTime.badTime',
      word: '25:00',
    });
    expect(parseReminderTimeArgs('snart')).to.deep.equal({ ok: false, code: 'reminderTime.usage', word: 'snart' });
  });
});

describe('what a person is reminded of', () => {
  let agreement: Agreement;
  before(async () => {
    const found = (await bundledAgreements()).find((a) => a.id === 'jonkoping-2020');
    if (!found) throw new Error('bundled 2020 agreement missing');
    agreement = found;
  });
  const entry = (activityId: string, date: string): Entry => ({
    id: `${activityId}-${date}`,
    agreementId: 'jonkoping-2020',
    activityId,
    date,
    count: 1,
    by: { id: 'p', name: 'P' },
    loggedAt: `${date}T12:00:00.000Z`,
  });

  function remind(ids: string[], entries: Entry[], today: string) {
    const statuses = agreement.activities.map((a) => activityStatus(agreement, a, entries, [], today));
    const dates = new Map(
      agreement.activities.map((a) => [a.id, entries.filter((e) => e.activityId === a.id).map((e) => e.date)]),
    );
    return remindersFor(agreement, statuses, dates, new Set(ids), today);
  }

  it('only their activities: behind plan first, then a weekly one with nothing last week', () => {
    // Every Thursday meeting logged through the week before last; nothing last week.
    const weekly = Array.from({ length: 40 }, (_, i) => addDays('2020-01-02', i * 7))
      .filter((d) => d < '2020-10-12')
      .map((d) => entry('torsdagsmote', d));
    const items = remind(['torsdagsmote', 'sig'], weekly, '2020-10-19');
    expect(items.map((i) => [i.activityId, i.reason])).to.deep.equal([
      ['sig', 'behind'],
      ['torsdagsmote', 'nothingLastPeriod'],
    ]);
    const logged = remind(['torsdagsmote'], [...weekly, entry('torsdagsmote', '2020-10-15')], '2020-10-19');
    expect(logged).to.deep.equal([]);
    expect(remind(['ssg'], [], '2020-10-19').map((i) => i.activityId)).to.deep.equal(['ssg']);
    expect(remind([], [], '2020-10-19')).to.deep.equal([]);
  });

  it('the last whole period of each rhythm', () => {
    expect(lastPeriod('weekly', '2020-10-19')).to.deep.equal({ start: '2020-10-12', end: '2020-10-18' });
    expect(lastPeriod('weekendNights', '2020-10-20')).to.deep.equal({ start: '2020-10-16', end: '2020-10-18' });
    expect(lastPeriod('monthly', '2020-10-19')).to.deep.equal({ start: '2020-09-01', end: '2020-09-30' });
  });

  it('never lists an activity the person is not responsible for, or one that is done (any entries)', () => {
    const ids = agreementIds();
    fc.assert(
      fc.property(
        fc.subarray(ids),
        fc.array(fc.record({ a: fc.constantFrom(...ids), d: fc.integer({ min: 0, max: 300 }) }), { maxLength: 60 }),
        fc.integer({ min: 0, max: 365 }),
        (mine, raw, offset) => {
          const today = addDays('2020-01-01', offset);
          const entries = raw.map((r) => entry(r.a, addDays('2020-01-01', r.d))).filter((e) => e.date <= today);
          const items = remind(mine, entries, today);
          for (const i of items) {
            expect(mine).to.include(i.activityId);
            expect(i.status).to.not.equal('done');
          }
          expect(new Set(items.map((i) => i.activityId)).size).to.equal(items.length);
        },
      ),
      { numRuns: 100 },
    );
  });

  function agreementIds(): string[] {
    return ['torsdagsmote', 'sig', 'ssg', 'gemensam-krogtillsyn', 'krogtillsyn-natthelger', 'grannsamverkan'];
  }
});
