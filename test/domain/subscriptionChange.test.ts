// The subscription rules as pure functions: subscribe (created, changed, resumed), end and resume
// by selection, renames, holds, pauses and the week sent; never a change to the list given.
import { expect } from 'chai';
import fc from 'fast-check';
import type { Subscription } from '../../src/domain/subscription.js';
import {
  endSubscriptions,
  holdSubscriptions,
  pauseSubscription,
  recordSubscriptionSent,
  releaseSubscriptions,
  renameSubscriptions,
  resumeSubscriptions,
  subscribe,
  weekClaimable,
  type SubscriptionRequest,
} from '../../src/domain/subscriptionChange.js';

const ANNA = { id: 'aad-anna', name: 'Anna' };
const AT = new Date('2020-03-14T18:00:00.000Z');
let n = 0;
const request = (conversationId: string, teamId?: string): SubscriptionRequest => ({
  conversation: { id: conversationId, kind: 'channel', name: 'Kanal', ...(teamId ? { teamId } : {}) },
  reference: { id: conversationId },
  schedule: { weekday: 4, time: '07:30' },
  by: ANNA,
  at: AT,
  newId: () => `s${++n}`,
});
const ended = (reason: 'unsubscribed' | 'teamDeleted') => ({ at: AT.toISOString(), reason });

describe('subscription transitions', () => {
  it('creates, changes, and resumes one subscription per conversation', () => {
    const first = subscribe([], request('c1'));
    expect(first.result.change).to.equal('created');
    const changed = subscribe(first.records, { ...request('c1'), schedule: { weekday: 1, time: '08:00' } });
    expect(changed.result).to.deep.include({ change: 'changed' });
    expect(changed.records).to.have.length(1);
    expect(changed.records[0]).to.deep.include({ weekday: 1, time: '08:00', id: first.result.subscription.id });
    const gone = endSubscriptions(changed.records, { conversationId: 'c1' }, ended('unsubscribed'));
    expect(gone.result.map((s) => s.ended?.reason)).to.deep.equal(['unsubscribed']);
    const back = subscribe(gone.records, request('c1'));
    expect(back.result.change).to.equal('resumed');
    expect(back.records[0]?.ended).to.equal(undefined);
  });

  it('keeps the week sent when subscribing again, so that week is not sent twice', () => {
    const { records, result } = subscribe([], request('c1'));
    const sent = recordSubscriptionSent(records, result.subscription.id, '2020-W11', AT, {
      through: '2020-03-12',
      cutAt: AT,
    });
    const again = subscribe(sent.records, request('c1'));
    expect(again.result.subscription.lastSentWeek).to.equal('2020-W11');
    expect(weekClaimable(again.result.subscription, '2020-W11')).to.equal(false);
    expect(weekClaimable(again.result.subscription, '2020-W12')).to.equal(true);
    expect(weekClaimable(undefined, '2020-W12')).to.equal(false);
  });

  it("ends a team's subscriptions (its channels and its own), resumes only those ended for the reason", () => {
    let list: Subscription[] = [];
    for (const [c, t] of [
      ['ch1', 'team1'],
      ['team1', undefined],
      ['x', 'team2'],
    ] as const)
      list = subscribe(list, request(c, t)).records;
    list = endSubscriptions(list, { conversationId: 'x' }, ended('unsubscribed')).records;
    const team = endSubscriptions(list, { teamId: 'team1' }, ended('teamDeleted'));
    expect(team.result.map((s) => s.conversationId)).to.deep.equal(['ch1', 'team1']);
    expect(resumeSubscriptions(team.records, { teamId: 'team2' }, 'teamDeleted').result).to.deep.equal([]);
    expect(resumeSubscriptions(team.records, { teamId: 'team1' }, 'unsubscribed').result).to.deep.equal([]);
    expect(resumeSubscriptions(team.records, { teamId: 'team1' }, 'teamDeleted').result).to.have.length(2);
  });

  it('renames with the old name, holds once, releases, pauses until the next send', () => {
    const { records, result } = subscribe([], request('ch1', 'team1'));
    const renamed = renameSubscriptions(records, 'ch1', 'Ny');
    expect(renamed.result.map((r) => r.from)).to.deep.equal(['Kanal']);
    expect(renameSubscriptions(renamed.records, 'ch1', 'Ny').result).to.deep.equal([]);
    const held = holdSubscriptions(renamed.records, 'team1', { at: AT.toISOString(), reason: 'teamArchived' });
    expect(held.result).to.have.length(1);
    expect(
      holdSubscriptions(held.records, 'team1', { at: AT.toISOString(), reason: 'teamArchived' }).result,
    ).to.deep.equal([]);
    expect(releaseSubscriptions(held.records, 'team1', 'teamArchived').records[0]?.held).to.equal(undefined);
    const paused = pauseSubscription(records, result.subscription.id, {
      at: AT.toISOString(),
      week: '2020-W11',
      code: 'x',
    });
    expect(paused.result?.paused?.week).to.equal('2020-W11');
    expect(pauseSubscription(records, 'nope', { at: AT.toISOString(), week: '2020-W11', code: 'x' }).result).to.equal(
      undefined,
    );
    const sent = recordSubscriptionSent(paused.records, result.subscription.id, '2020-W12', AT, {
      through: '2020-03-19',
      cutAt: AT,
    });
    expect(sent.result?.paused).to.equal(undefined);
  });

  it('keeps one subscription per conversation and never changes the list given, whatever the sequence', () => {
    const op = fc.oneof(
      fc.record({
        kind: fc.constant('subscribe' as const),
        c: fc.constantFrom('a', 'b', 'c'),
        t: fc.constantFrom('t1', 't2'),
      }),
      fc.record({ kind: fc.constant('end' as const), c: fc.constantFrom('a', 'b', 'c', 't1') }),
      fc.record({ kind: fc.constant('endTeam' as const), t: fc.constantFrom('t1', 't2') }),
      fc.record({ kind: fc.constant('resume' as const), t: fc.constantFrom('t1', 't2') }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 30 }), (ops) => {
        let list: Subscription[] = [];
        for (const o of ops) {
          const before = structuredClone(list);
          const next =
            o.kind === 'subscribe'
              ? subscribe(list, request(o.c, o.t)).records
              : o.kind === 'end'
                ? endSubscriptions(list, { conversationId: o.c }, ended('unsubscribed')).records
                : o.kind === 'endTeam'
                  ? endSubscriptions(list, { teamId: o.t }, ended('teamDeleted')).records
                  : resumeSubscriptions(list, { teamId: o.t }, 'teamDeleted').records;
          expect(list).to.deep.equal(before);
          list = next;
          const ids = list.map((s) => s.conversationId);
          expect(new Set(ids).size).to.equal(ids.length);
        }
      }),
    );
  });
});
