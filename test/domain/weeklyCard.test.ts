// Which days and entries each weekly card of a subscription reports: the examples of issue 20
// (Thursday's meeting, an entry for last week logged after its card) and the property that the
// cards' days tile the calendar, so every entry, late ones included, reaches exactly one card.
import { expect } from 'chai';
import fc from 'fast-check';
import { addDays, isoWeekStart, stockholmDate, stockholmInstant } from '../../src/domain/calendar.js';
import type { Entry } from '../../src/domain/entry.js';
import { lastCardOf, type Subscription } from '../../src/domain/subscription.js';
import { weeklyCardContent, weeklyCardDays, type SentCard } from '../../src/domain/weeklyCard.js';
import { sampleEntry } from '../support/entries.js';

const at = (date: string, time: string) => stockholmInstant(date, time);
const iso = (date: string, time: string) => at(date, time).toISOString();
const ids = (entries: readonly Entry[]) => entries.map((e) => e.id);

/** The card sent at `time` on `sendDay`, and the record the store keeps of it. */
function send(entries: readonly Entry[], sendDay: string, time: string, previous?: SentCard) {
  const cutAt = at(sendDay, time);
  const content = weeklyCardContent(entries, sendDay, cutAt, previous);
  return { ...content, sent: { through: content.days.end, cutAt } satisfies SentCard };
}

describe('weeklyCardDays', () => {
  it('covers the seven whole days before the day it is sent: Thursday 22 October → 15–21 October', () => {
    expect(weeklyCardDays('2020-10-22', undefined)).to.deep.equal({ start: '2020-10-15', end: '2020-10-21' });
    const previous = { through: '2020-10-14', cutAt: at('2020-10-15', '07:30') };
    expect(weeklyCardDays('2020-10-22', previous)).to.deep.equal({ start: '2020-10-15', end: '2020-10-21' });
  });

  it('after a week without a card it starts the day after the last card: nothing falls between', () => {
    const previous = { through: '2020-10-14', cutAt: at('2020-10-15', '07:30') };
    expect(weeklyCardDays('2020-10-29', previous)).to.deep.equal({ start: '2020-10-15', end: '2020-10-28' });
  });

  it('after the weekday moved earlier it is shorter: no day twice', () => {
    const thursday = { through: '2020-10-21', cutAt: at('2020-10-22', '07:30') };
    expect(weeklyCardDays('2020-10-26', thursday)).to.deep.equal({ start: '2020-10-22', end: '2020-10-25' });
  });
});

describe('weeklyCardContent', () => {
  // The default subscription: Thursdays 07:30. The card of 15 October covered 8–14 October.
  const first = { through: '2020-10-14', cutAt: at('2020-10-15', '07:30') };

  it("Thursday's meeting, logged Thursday afternoon, is in the next Thursday's card, and only there", () => {
    const meeting = sampleEntry(1, {
      activityId: 'torsdagsmote',
      date: '2020-10-15',
      loggedAt: iso('2020-10-15', '15:10'),
    });
    const card15 = send([meeting], '2020-10-15', '07:30');
    expect(ids(card15.onTime)).to.deep.equal([]);
    const card22 = send([meeting], '2020-10-22', '07:30', card15.sent);
    expect(ids(card22.onTime)).to.deep.equal(['e1']);
    expect(ids(card22.late)).to.deep.equal([]);
    const card29 = send([meeting], '2020-10-29', '07:30', card22.sent);
    expect([...card29.onTime, ...card29.late]).to.deep.equal([]);
  });

  it('an entry for last week logged after its card went out is late in the next card', () => {
    const late = sampleEntry(2, { date: '2020-10-12', loggedAt: iso('2020-10-16', '09:00') });
    const onTime = sampleEntry(3, { date: '2020-10-12', loggedAt: iso('2020-10-12', '21:00') });
    const card22 = send([late, onTime], '2020-10-22', '07:30', first);
    expect(ids(card22.late)).to.deep.equal(['e2']);
    expect(ids(card22.onTime)).to.deep.equal([]);
  });

  it('a late entry that joined an occasion already reported is no news; two late entries of one occasion are one', () => {
    const johan = sampleEntry(1, { date: '2020-10-13', loggedAt: iso('2020-10-13', '21:00') });
    // Berit said "Ja, samma tillfälle" after the card of 15 October had gone out.
    const berit = sampleEntry(2, { date: '2020-10-13', loggedAt: iso('2020-10-16', '09:00'), occasionId: 'e1' });
    const card15 = send([johan], '2020-10-15', '07:30');
    expect(ids(card15.onTime)).to.deep.equal(['e1']);
    expect(ids(send([johan, berit], '2020-10-22', '07:30', card15.sent).late)).to.deep.equal([]);
    // Both logged only after the card: one late occasion, shown once.
    const lateJohan = { ...johan, loggedAt: iso('2020-10-16', '08:00') };
    expect(ids(send([lateJohan, berit], '2020-10-22', '07:30', card15.sent).late)).to.deep.equal(['e1']);
  });

  it('the first card of a subscription has no late entries: earlier days are before it began', () => {
    const old = sampleEntry(4, { date: '2020-09-01', loggedAt: iso('2020-10-20', '09:00') });
    expect(send([old], '2020-10-22', '07:30').late).to.deep.equal([]);
  });

  it('late entries come oldest date first, and removed entries are in no card', () => {
    const entries = [
      sampleEntry(5, { date: '2020-10-13', loggedAt: iso('2020-10-16', '09:00') }),
      sampleEntry(6, { date: '2020-10-02', loggedAt: iso('2020-10-17', '09:00') }),
      sampleEntry(7, {
        date: '2020-10-20',
        loggedAt: iso('2020-10-20', '09:00'),
        removed: { by: { id: 'aad-anna', name: 'Anna' }, at: iso('2020-10-20', '09:05'), reason: 'undo' },
      }),
    ];
    const card = send(entries, '2020-10-22', '07:30', first);
    expect(ids(card.late)).to.deep.equal(['e6', 'e5']);
    expect(ids(card.onTime)).to.deep.equal([]);
  });

  it('an entry logged on the send day before the card, then moved to an earlier day, is late in the next card', () => {
    const early = sampleEntry(8, {
      date: '2020-10-12',
      loggedAt: iso('2020-10-15', '06:00'),
      history: [
        {
          by: { id: 'aad-anna', name: 'Anna' },
          at: iso('2020-10-15', '10:00'),
          reason: 'edit',
          before: { activityId: 'gemensam-krogtillsyn', date: '2020-10-15', count: 1 },
        },
      ],
    });
    // At the cut of 15 October it was dated that day, after the card's days: not covered by it.
    expect(ids(send([early], '2020-10-22', '07:30', first).late)).to.deep.equal(['e8']);
  });

  it('an entry removed when its card was taken and kept after all is late in the next card', () => {
    const anna = { id: 'aad-anna', name: 'Anna' };
    const restored = sampleEntry(9, {
      date: '2020-10-13',
      loggedAt: iso('2020-10-13', '09:00'),
      history: [
        {
          by: anna,
          at: iso('2020-10-16', '10:00'),
          reason: 'restored',
          before: { activityId: 'gemensam-krogtillsyn', date: '2020-10-13', count: 1 },
          removed: { by: anna, at: iso('2020-10-14', '10:00'), reason: 'messageDeleted' },
        },
      ],
    });
    expect(ids(send([restored], '2020-10-22', '07:30', first).late)).to.deep.equal(['e9']);
  });

  it('a subscription from before the days were kept: its last send day counts as covered up to the send', () => {
    const legacy = { lastSentAt: iso('2020-10-15', '07:30') } as Subscription;
    const previous = lastCardOf(legacy);
    expect(previous).to.deep.equal({ through: '2020-10-15', cutAt: at('2020-10-15', '07:30') });
    const before = sampleEntry(10, { date: '2020-10-15', loggedAt: iso('2020-10-15', '06:00') });
    const after = sampleEntry(11, { date: '2020-10-15', loggedAt: iso('2020-10-15', '15:00') });
    const card = send([before, after], '2020-10-22', '07:30', previous);
    expect(card.days).to.deep.equal({ start: '2020-10-16', end: '2020-10-21' });
    expect(ids(card.late)).to.deep.equal(['e11']);
    expect(ids(card.onTime)).to.deep.equal([]);
  });
});

describe('weekly cards tile the calendar (property)', () => {
  const MINUTE = 60_000;
  const DAY = 24 * 60 * MINUTE;

  /** A send: how many ISO weeks after the one before (1: next week; more: weeks the bot missed), its weekday and time. */
  const sendArb = fc.record({
    weeksLater: fc.integer({ min: 1, max: 4 }),
    weekday: fc.integer({ min: 1, max: 7 }),
    minutes: fc.integer({ min: 0, max: 24 * 60 - 1 }),
  });
  /** An entry: when it was recorded (ms after the start), how many days before that it is dated, maybe moved earlier later on. */
  const entryArb = fc.record({
    loggedAfter: fc.integer({ min: 0, max: 200 * DAY }),
    daysBack: fc.integer({ min: 0, max: 40 }),
    moved: fc.option(
      fc.record({ afterMs: fc.integer({ min: 1, max: 60 * DAY }), moreDaysBack: fc.integer({ min: 1, max: 20 }) }),
      { nil: undefined },
    ),
  });

  it('every entry is shown by exactly one card of the sequence (weekdays changed, weeks missed, corrections to earlier days)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2019, 0, 1), max: Date.UTC(2030, 0, 1) }),
        fc.array(sendArb, { minLength: 1, maxLength: 24 }),
        fc.array(entryArb, { minLength: 1, maxLength: 60 }),
        (startMs, sends, specs) => {
          // The sends: at most one per ISO week, weekday and time as the schedule says that week.
          let week = isoWeekStart(stockholmDate(new Date(startMs)));
          const instants = sends.map((s) => {
            week = addDays(week, 7 * s.weeksLater);
            const day = addDays(week, s.weekday - 1);
            const hh = String(Math.floor(s.minutes / 60)).padStart(2, '0');
            const mm = String(s.minutes % 60).padStart(2, '0');
            return stockholmInstant(day, `${hh}:${mm}`);
          });
          const origin = startMs - 30 * DAY;
          const entries = specs.map((spec, i): Entry => {
            const loggedAt = new Date(origin + spec.loggedAfter);
            const date = addDays(stockholmDate(loggedAt), -spec.daysBack);
            if (!spec.moved) return sampleEntry(i, { date, loggedAt: loggedAt.toISOString() });
            const movedAt = new Date(loggedAt.getTime() + spec.moved.afterMs);
            return sampleEntry(i, {
              date: addDays(date, -spec.moved.moreDaysBack),
              loggedAt: loggedAt.toISOString(),
              history: [
                {
                  by: { id: 'aad-anna', name: 'Anna' },
                  at: movedAt.toISOString(),
                  reason: 'edit',
                  before: { activityId: 'gemensam-krogtillsyn', date, count: 1 },
                },
              ],
            });
          });
          const dateAt = (e: Entry, instant: number) => {
            const change = e.history?.[0];
            return change && Date.parse(change.at) > instant ? change.before.date : e.date;
          };

          const shown = new Map<string, number>();
          let previous: SentCard | undefined;
          const cards = instants.map((cutAt) => {
            const sendDay = stockholmDate(cutAt);
            const content = weeklyCardContent(entries, sendDay, cutAt, previous);
            expect(content.days.end).to.equal(addDays(sendDay, -1));
            expect(content.days.start).to.equal(previous ? addDays(previous.through, 1) : addDays(sendDay, -7));
            expect(content.days.start <= content.days.end).to.equal(true);
            for (const e of [...content.onTime, ...content.late]) shown.set(e.id, (shown.get(e.id) ?? 0) + 1);
            previous = { through: content.days.end, cutAt };
            return { content, cut: cutAt.getTime() };
          });

          const [firstCard] = cards;
          const lastCard = cards[cards.length - 1];
          if (!firstCard || !lastCard) return;
          for (const e of entries) {
            const logged = Date.parse(e.loggedAt);
            // On record at some card's cut, then dated on or before that card's last day.
            const reached = cards.some((c) => logged <= c.cut && dateAt(e, c.cut) <= c.content.days.end);
            // Known at the first card, for days before it: before the subscription began.
            const beforeStart = logged <= firstCard.cut && dateAt(e, firstCard.cut) < firstCard.content.days.start;
            const expected = reached && !beforeStart ? 1 : 0;
            expect(shown.get(e.id) ?? 0, `${e.id} ${e.date} logged ${e.loggedAt}`).to.equal(expected);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
