// When a weekly summary is due: the instant per ISO week in Stockholm time (DST weeks included),
// the next send, and the once-per-week rule with catch-up inside the same week only.
import { expect } from 'chai';
import fc from 'fast-check';
import { isoWeekday, stockholmDate, type IsoWeekday } from '../../src/domain/calendar.js';
import {
  DEFAULT_SCHEDULE,
  dueInWeekOf,
  dueWeek,
  isoWeekKey,
  nextDueAfter,
  nextSend,
  type Schedule,
} from '../../src/domain/schedule.js';
import { stockholmTimeOfDay } from '../../src/views/scheduleTexts.js';

const at = (iso: string) => new Date(iso);
const HOUR = 3_600_000;
const WEEK = 7 * 24 * HOUR;

const scheduleArb: fc.Arbitrary<Schedule> = fc
  .record({
    weekday: fc.integer({ min: 1, max: 7 }),
    hour: fc.integer({ min: 0, max: 23 }),
    minute: fc.integer({ min: 0, max: 59 }),
  })
  .map(({ weekday, hour, minute }) => ({
    weekday: weekday as IsoWeekday,
    time: `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`,
  }));

const instantArb = fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2099, 11, 31) }).map((ms) => new Date(ms));

describe('schedule', () => {
  describe('isoWeekKey', () => {
    it('names the ISO week, whose year is the year of its Thursday', () => {
      expect(isoWeekKey('2026-11-26')).to.equal('2026-W48');
      expect(isoWeekKey('2027-01-01')).to.equal('2026-W53');
      expect(isoWeekKey('2024-12-30')).to.equal('2025-W01');
    });
  });

  describe('dueInWeekOf', () => {
    it('is the weekday of the ISO week at the Stockholm time: CET in winter, CEST in summer', () => {
      // Any day of the week gives the same instant.
      for (const day of ['2026-11-23', '2026-11-26', '2026-11-29']) {
        expect(dueInWeekOf(DEFAULT_SCHEDULE, day).toISOString()).to.equal('2026-11-26T06:30:00.000Z');
      }
      expect(dueInWeekOf(DEFAULT_SCHEDULE, '2026-06-15').toISOString()).to.equal('2026-06-18T05:30:00.000Z');
    });

    it('follows the spring change (last Sunday of March 2026 is the 29th)', () => {
      // Monday before the change is CET, Sunday after it CEST, in the same ISO week.
      expect(dueInWeekOf({ weekday: 1, time: '07:30' }, '2026-03-26').toISOString()).to.equal(
        '2026-03-23T06:30:00.000Z',
      );
      expect(dueInWeekOf({ weekday: 7, time: '07:30' }, '2026-03-26').toISOString()).to.equal(
        '2026-03-29T05:30:00.000Z',
      );
      // 02:30 does not exist that Sunday: it is read as 03:30 CEST, once.
      expect(dueInWeekOf({ weekday: 7, time: '02:30' }, '2026-03-29').toISOString()).to.equal(
        '2026-03-29T01:30:00.000Z',
      );
      expect(dueInWeekOf({ weekday: 1, time: '07:30' }, '2026-03-30').toISOString()).to.equal(
        '2026-03-30T05:30:00.000Z',
      );
    });

    it('follows the autumn change (last Sunday of October 2026 is the 25th)', () => {
      expect(dueInWeekOf({ weekday: 4, time: '07:30' }, '2026-10-25').toISOString()).to.equal(
        '2026-10-22T05:30:00.000Z',
      );
      expect(dueInWeekOf({ weekday: 7, time: '07:30' }, '2026-10-25').toISOString()).to.equal(
        '2026-10-25T06:30:00.000Z',
      );
      // 02:30 happens twice that night: the first (CEST) is the one, so the week still has one due time.
      expect(dueInWeekOf({ weekday: 7, time: '02:30' }, '2026-10-25').toISOString()).to.equal(
        '2026-10-25T00:30:00.000Z',
      );
    });
  });

  describe('nextDueAfter', () => {
    it('is this week’s time while it is ahead, else next week’s', () => {
      expect(nextDueAfter(DEFAULT_SCHEDULE, at('2026-11-26T06:29:59Z')).toISOString()).to.equal(
        '2026-11-26T06:30:00.000Z',
      );
      expect(nextDueAfter(DEFAULT_SCHEDULE, at('2026-11-26T06:30:00Z')).toISOString()).to.equal(
        '2026-12-03T06:30:00.000Z',
      );
      // Sunday late evening Stockholm time is still the old week; Monday 00:30 is the new one.
      expect(nextDueAfter({ weekday: 1, time: '00:30' }, at('2026-11-29T22:45:00Z')).toISOString()).to.equal(
        '2026-11-29T23:30:00.000Z',
      );
    });

    it('property: strictly after, within a week and an hour, on the weekday at the time (or an hour later in the spring gap)', () => {
      fc.assert(
        fc.property(scheduleArb, instantArb, (schedule, now) => {
          const next = nextDueAfter(schedule, now);
          expect(next.getTime()).to.be.greaterThan(now.getTime());
          expect(next.getTime() - now.getTime()).to.be.at.most(WEEK + HOUR);
          expect(isoWeekday(stockholmDate(next))).to.equal(schedule.weekday);
          const shown = stockholmTimeOfDay(next);
          if (shown !== schedule.time) {
            // Only a time skipped by the spring change moves, and then by exactly one hour.
            expect(schedule.time.startsWith('02:')).to.equal(true);
            expect(shown).to.equal(`03:${schedule.time.slice(3)}`);
          }
          // Nothing due in between: just before `next`, with the schedule set at `now`, nothing is due.
          if (next.getTime() - 1 >= now.getTime()) {
            expect(dueWeek({ schedule, since: now }, new Date(next.getTime() - 1))).to.equal(undefined);
          }
          expect(dueWeek({ schedule, since: now }, next)).to.equal(isoWeekKey(stockholmDate(next)));
        }),
        { numRuns: 500 },
      );
    });
  });

  describe('dueWeek', () => {
    const since = at('2026-11-23T08:00:00Z'); // Monday of week 48
    const state = { schedule: DEFAULT_SCHEDULE, since };

    it('is undefined before the due time and the week from it on', () => {
      expect(dueWeek(state, at('2026-11-26T06:29:59.999Z'))).to.equal(undefined);
      expect(dueWeek(state, at('2026-11-26T06:30:00Z'))).to.equal('2026-W48');
    });

    it('catches up later in the same ISO week (the bot was down at 07:30)', () => {
      expect(dueWeek(state, at('2026-11-29T22:59:59Z'))).to.equal('2026-W48'); // Sunday 23:59:59 Stockholm
    });

    it('does not catch up in the next week', () => {
      expect(dueWeek(state, at('2026-11-29T23:00:00Z'))).to.equal(undefined); // Monday 00:00 Stockholm, week 49
    });

    it('is undefined once the week is sent', () => {
      expect(dueWeek({ ...state, lastSentWeek: '2026-W48' }, at('2026-11-27T10:00:00Z'))).to.equal(undefined);
      expect(dueWeek({ ...state, lastSentWeek: '2026-W47' }, at('2026-11-27T10:00:00Z'))).to.equal('2026-W48');
    });

    it('does not count a due time before the schedule was set (subscribing Thursday 08:00 waits a week)', () => {
      const late = { schedule: DEFAULT_SCHEDULE, since: at('2026-11-26T07:00:00Z') };
      expect(dueWeek(late, at('2026-11-26T07:00:01Z'))).to.equal(undefined);
      expect(nextSend(late, at('2026-11-26T07:00:01Z')).toISOString()).to.equal('2026-12-03T06:30:00.000Z');
      expect(dueWeek(late, at('2026-12-03T06:30:00Z'))).to.equal('2026-W49');
    });
  });

  describe('nextSend', () => {
    it('is now when a catch-up is due, else the next due time not yet sent', () => {
      const state = { schedule: DEFAULT_SCHEDULE, since: at('2026-11-23T08:00:00Z') };
      expect(nextSend(state, at('2026-11-27T10:00:00Z')).toISOString()).to.equal('2026-11-27T10:00:00.000Z');
      expect(nextSend({ ...state, lastSentWeek: '2026-W48' }, at('2026-11-27T10:00:00Z')).toISOString()).to.equal(
        '2026-12-03T06:30:00.000Z',
      );
      // Sent this week already, then moved to Saturday: the next is next week's Saturday.
      expect(
        nextSend(
          { schedule: { weekday: 6, time: '09:00' }, since: at('2026-11-26T08:00:00Z'), lastSentWeek: '2026-W48' },
          at('2026-11-26T08:00:00Z'),
        ).toISOString(),
      ).to.equal('2026-12-05T08:00:00.000Z');
    });
  });

  describe('once per ISO week', () => {
    it('property: ticking at random moments over five weeks sends each week at most once, never before its due time, and every week whose due time came after subscribing and was followed by a tick in that week', () => {
      fc.assert(
        fc.property(
          scheduleArb,
          instantArb,
          fc.array(fc.integer({ min: 1, max: 36 * HOUR }), { minLength: 1, maxLength: 80 }),
          (schedule, start, gaps) => {
            const since = start;
            let lastSentWeek: string | undefined;
            const sent = new Map<string, Date>();
            let now = start.getTime();
            const ticks: Date[] = [];
            for (const gap of gaps) {
              now += gap;
              const tick = new Date(now);
              ticks.push(tick);
              const week = dueWeek({ schedule, since, ...(lastSentWeek ? { lastSentWeek } : {}) }, tick);
              if (week !== undefined) {
                expect(sent.has(week), `week ${week} sent twice`).to.equal(false);
                expect(week).to.equal(isoWeekKey(stockholmDate(tick)));
                expect(tick.getTime()).to.be.at.least(dueInWeekOf(schedule, stockholmDate(tick)).getTime());
                sent.set(week, tick);
                lastSentWeek = week;
              }
            }
            // Every week that had a tick at or after its due time (and the due time after `since`) got its send.
            for (const tick of ticks) {
              const due = dueInWeekOf(schedule, stockholmDate(tick));
              if (tick.getTime() >= due.getTime() && due.getTime() >= since.getTime()) {
                expect(sent.has(isoWeekKey(stockholmDate(tick))), `week of ${tick.toISOString()} missed`).to.equal(
                  true,
                );
              }
            }
          },
        ),
        { numRuns: 300 },
      );
    });
  });
});
