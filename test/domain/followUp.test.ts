// The follow-up's figures and states at fixed dates, counted by hand from test/fixtures/followUpStore.ts.
import { expect } from 'chai';
import fc from 'fast-check';
import type { Agreement } from '../../src/domain/agreement.js';
import type { Entry } from '../../src/domain/entry.js';
import {
  agreementForTertial,
  followUp,
  latestFinishedTertial,
  runningTertial,
  tertialPhase,
  tertialSpan,
  tertialsOf,
  type ActivityFollowUp,
  type FollowUp,
} from '../../src/domain/followUp.js';
import { activityStatus, type StatusCode } from '../../src/domain/status.js';
import { A2018, A2020, ANNA, fixtureCompletions, fixtureEntries } from '../fixtures/followUpStore.js';

function t1(today = '2020-05-10'): FollowUp {
  return followUp(A2020, fixtureEntries(), fixtureCompletions(), { year: 2020, tertial: 1 }, today);
}

function activity(f: FollowUp, id: string): ActivityFollowUp {
  const found = f.activities.find((a) => a.activity.id === id);
  if (!found) throw new Error(`no activity ${id}`);
  return found;
}

const A2026: Agreement = {
  ...A2020,
  id: 'jonkoping-2026',
  title: 'Medborgarlöfte 2026',
  period: { start: '2026-01-01', end: '2026-12-31' },
};

describe('followUp', () => {
  describe('tertial 1 2020, seen after it ended', () => {
    const f = t1();

    it('covers 1 January to 30 April, figures as of 30 April', () => {
      expect(f.range).to.deep.equal({ start: '2020-01-01', end: '2020-04-30' });
      expect(f.asOf).to.equal('2020-04-30');
      expect(f.finished).to.equal(true);
    });

    it('two joint inspections: 2 in the tertial, 2 of 4 so far, i fas at a third of the year; the undone one is not counted', () => {
      const a = activity(f, 'gemensam-krogtillsyn');
      expect(a.state).to.equal('onTrack');
      expect(a.tertial).to.deep.equal({ count: 2, entries: 2, hours: 5.5, participants: 0, contributors: 2 });
      expect(a.progress).to.deep.equal({ kind: 'count', done: 2, target: 4, unit: 'tillfällen' });
      expect(a.places).to.deep.equal([{ place: 'krogmiljön', count: 2 }]);
      expect(a.notes).to.deep.equal([
        'Två anmärkningar på alkoholservering; "uppföljning" bokad.',
        'Lugn kväll, tre ställen besökta.',
      ]);
    });

    it('monthly SSG in all four months is i fas (the year is not over, so not genomförd)', () => {
      const a = activity(f, 'ssg');
      expect(a.state).to.equal('onTrack');
      expect(a.progress).to.deep.include({ covered: 4, due: 4 });
    });

    it('weekly Thursday meetings with one week missed are i fas, 17 of 18 weeks', () => {
      const a = activity(f, 'torsdagsmote');
      expect(a.state).to.equal('onTrack');
      expect(a.progress).to.deep.include({ covered: 17, due: 18 });
      expect(a.tertial.count).to.equal(17);
    });

    it('foot patrols count places together whatever their case, and black out a personnummer in a note', () => {
      const a = activity(f, 'fotpatrullering-oxnehaga');
      expect(a.state).to.equal('onTrack');
      expect(a.places).to.deep.equal([
        { place: 'Öxnehaga', count: 2 },
        { place: 'Österängen', count: 1 },
      ]);
      expect(a.notes).to.deep.equal(['Pratade med [borttaget] om tryggheten']);
    });

    it('a milestone with something logged but not marked done is i fas, its progress pågående', () => {
      expect(activity(f, 'enkatundersokning')).to.deep.include({
        state: 'onTrack',
        progress: { kind: 'milestone', state: 'inProgress' },
      });
    });

    it('activities with nothing logged early in the year are inte påbörjad; weekend nights with none in 17 weekends are långt efter', () => {
      for (const id of ['trivs-i-jkpg-enkat', 'grannsamverkan', 'sig']) {
        expect(activity(f, id).state, id).to.equal('notStarted');
      }
      expect(activity(f, 'krogtillsyn-natthelger').state).to.equal('farBehind');
    });

    it('totals: 27 entries by 3 people; states 5 i fas, 1 långt efter, 5 inte påbörjad', () => {
      expect(f.totals).to.deep.equal({
        entries: 27,
        contributors: 3,
        byState: { done: 0, onTrack: 5, behind: 0, farBehind: 1, notStarted: 5 },
      });
    });

    it("every state is the status /status shows on the tertial's last day", () => {
      for (const a of f.activities) {
        const mine = fixtureEntries().filter((e) => e.activityId === a.activity.id);
        expect(a.state, a.activity.id).to.equal(
          activityStatus(A2020, a.activity, mine, fixtureCompletions(), '2020-04-30').status,
        );
      }
    });

    it('entries per month, January to April', () => {
      expect(f.months).to.deep.equal([
        { month: '2020-01-01', entries: 7, inTertial: true },
        { month: '2020-02-01', entries: 6, inTertial: true },
        { month: '2020-03-01', entries: 7, inTertial: true },
        { month: '2020-04-01', entries: 7, inTertial: true },
      ]);
    });

    it('lists an activity under each promise it serves', () => {
      expect(f.promises.map((p) => p.activities.some((a) => a.activity.id === 'ssg'))).to.deep.equal([true, true]);
    });
  });

  describe('later tertials', () => {
    it('T2 2020: the survey marked done on 1 June is Genomförd; inspections 1 in the tertial, 3 of 4 so far', () => {
      const f = followUp(A2020, fixtureEntries(), fixtureCompletions(), { year: 2020, tertial: 2 }, '2020-09-01');
      expect(activity(f, 'enkatundersokning')).to.deep.include({ state: 'done', completedOn: '2020-06-01' });
      const gem = activity(f, 'gemensam-krogtillsyn');
      expect(gem.tertial.count).to.equal(1);
      expect(gem.progress).to.deep.include({ done: 3, target: 4 });
      expect(gem.notes).to.deep.equal(['lugn kväll, tre ställen besökta']);
      expect(f.months.map((m) => m.inTertial)).to.deep.equal([false, false, false, false, true, true, true, true]);
    });

    it('T3 2020: two SIG cases reach the target of two', () => {
      const f = followUp(A2020, fixtureEntries(), fixtureCompletions(), { year: 2020, tertial: 3 }, '2021-01-15');
      expect(activity(f, 'sig').state).to.equal('done');
      expect(activity(f, 'sig').places.map((p) => p.place)).to.deep.equal(['Ekhagen', 'Öxnehaga']);
    });

    it('ongoing work is i fas once logged, and genomförd in the tertial that closes the agreement', () => {
      const entries = fixtureEntries();
      expect(
        activity(followUp(A2018, entries, [], { year: 2018, tertial: 1 }, '2019-12-01'), 'hundsok').state,
      ).to.equal('notStarted');
      expect(
        activity(followUp(A2018, entries, [], { year: 2019, tertial: 1 }, '2019-12-01'), 'hundsok').state,
      ).to.equal('onTrack');
      expect(
        activity(followUp(A2018, entries, [], { year: 2019, tertial: 3 }, '2020-01-02'), 'hundsok').state,
      ).to.equal('done');
      // While the closing tertial still runs, it is not done yet.
      expect(
        activity(followUp(A2018, entries, [], { year: 2019, tertial: 3 }, '2019-12-30'), 'hundsok').state,
      ).to.equal('onTrack');
    });
  });

  describe('a running tertial', () => {
    it('counts up to today only', () => {
      const f = t1('2020-03-15');
      expect(f.finished).to.equal(false);
      expect(f.asOf).to.equal('2020-03-15');
      expect(activity(f, 'gemensam-krogtillsyn').tertial.count).to.equal(1);
      expect(activity(f, 'ssg').state).to.equal('onTrack'); // 2 of 2 months so far, the third is covered
    });

    it('refuses a tertial that has not started or lies outside the agreement', () => {
      expect(() => followUp(A2020, [], [], { year: 2020, tertial: 3 }, '2020-05-01')).to.throw(RangeError);
      expect(() => followUp(A2020, [], [], { year: 2021, tertial: 1 }, '2021-05-01')).to.throw(RangeError);
    });
  });

  describe('choosing the tertial', () => {
    it('lists the tertials an agreement touches', () => {
      expect(tertialsOf(A2020)).to.deep.equal([1, 2, 3].map((tertial) => ({ year: 2020, tertial })));
      expect(tertialsOf(A2018)).to.have.lengthOf(6);
    });

    it('clips a tertial to an agreement that starts or ends inside it', () => {
      const mid: Agreement = { ...A2020, period: { start: '2020-03-15', end: '2020-10-10' } };
      expect(tertialSpan(mid, { year: 2020, tertial: 1 })).to.deep.equal({ start: '2020-03-15', end: '2020-04-30' });
      expect(tertialSpan(mid, { year: 2020, tertial: 3 })).to.deep.equal({ start: '2020-09-01', end: '2020-10-10' });
      expect(tertialSpan(mid, { year: 2021, tertial: 1 })).to.equal(undefined);
    });

    it('today in T3 2026: the latest finished is T2 2026', () => {
      expect(latestFinishedTertial(A2026, '2026-10-01')).to.deep.equal({ year: 2026, tertial: 2 });
      expect(latestFinishedTertial(A2026, '2026-05-01')).to.deep.equal({ year: 2026, tertial: 1 });
      expect(latestFinishedTertial(A2026, '2026-04-30')).to.equal(undefined);
    });

    it('an agreement that is over: the last tertial of its last year', () => {
      expect(latestFinishedTertial(A2020, '2021-03-01')).to.deep.equal({ year: 2020, tertial: 3 });
      expect(latestFinishedTertial(A2018, '2019-06-01')).to.deep.equal({ year: 2019, tertial: 1 });
    });

    it('no tertial finished yet: the running one is offered', () => {
      expect(latestFinishedTertial(A2026, '2026-02-01')).to.equal(undefined);
      expect(runningTertial(A2026, '2026-02-01')).to.deep.equal({ year: 2026, tertial: 1 });
      expect(tertialPhase(A2026, { year: 2026, tertial: 2 }, '2026-02-01')).to.equal('future');
    });
  });

  it('finds the agreement of a tertial, the later one when two share a year', () => {
    const first: Agreement = { ...A2020, id: 'forsta-2021', period: { start: '2021-01-01', end: '2021-06-30' } };
    const second: Agreement = { ...A2020, id: 'andra-2021', period: { start: '2021-07-01', end: '2021-12-31' } };
    const all = [A2018, A2020, first, second];
    expect(agreementForTertial(all, { year: 2019, tertial: 2 })?.id).to.equal(A2018.id);
    expect(agreementForTertial(all, { year: 2021, tertial: 1 })?.id).to.equal('forsta-2021');
    expect(agreementForTertial(all, { year: 2021, tertial: 2 })?.id).to.equal('andra-2021');
    expect(agreementForTertial(all, { year: 2022, tertial: 1 })).to.equal(undefined);
  });

  describe('properties', () => {
    const rank: Record<StatusCode, number> = { notStarted: 0, farBehind: 1, behind: 2, onTrack: 3, done: 4 };
    const dayArb = fc
      .integer({ min: 0, max: 365 })
      .map((d) => new Date(Date.UTC(2020, 0, 1 + d)).toISOString().slice(0, 10));
    const entryArb = fc.record({
      activityId: fc.constantFrom(...A2020.activities.map((a) => a.id)),
      date: dayArb,
      count: fc.integer({ min: 1, max: 3 }),
    });
    const toEntry = (e: { activityId: string; date: string; count: number }, i: number): Entry => ({
      id: `p${i}`,
      agreementId: A2020.id,
      by: ANNA,
      loggedAt: `${e.date}T12:00:00.000Z`,
      ...e,
    });

    it('one more entry never moves an activity back, and the tertial never counts more than the total', () => {
      fc.assert(
        fc.property(
          fc.array(entryArb, { maxLength: 40 }),
          entryArb,
          fc.constantFrom(1, 2, 3),
          (list, extra, tertial) => {
            const entries = list.map(toEntry);
            const ref = { year: 2020, tertial: tertial };
            const before = followUp(A2020, entries, [], ref, '2021-01-01');
            const after = followUp(A2020, [...entries, toEntry(extra, 999)], [], ref, '2021-01-01');
            for (const [i, a] of before.activities.entries()) {
              const b = after.activities[i];
              expect(rank[b?.state ?? 'notStarted']).to.be.at.least(rank[a.state]);
              expect(a.tertial.count).to.be.at.most(a.toDate.count);
            }
            const states = Object.values(before.totals.byState).reduce((s: number, n: number) => s + n, 0);
            expect(states).to.equal(A2020.activities.length);
            expect(before.months.reduce((s, m) => s + (m.inTertial ? m.entries : 0), 0)).to.equal(
              before.totals.entries,
            );
          },
        ),
        { numRuns: 150 },
      );
    });
  });
});
