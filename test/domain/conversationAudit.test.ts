// The records of subscription and meeting changes, completed from what each change touched: one per
// subscription or meeting, with its id (a meeting's activity), in its conversation and area unless
// the caller named them, a rename's name change, a subscribe's action and schedule.
import { expect } from 'chai';
import fc from 'fast-check';
import {
  meetingRecords,
  renamedMeetingRecords,
  renamedSubscriptionRecords,
  subscribedRecord,
  subscriptionRecords,
} from '../../src/domain/conversationAudit.js';
import type { Meeting } from '../../src/domain/meetingRecord.js';
import type { Schedule } from '../../src/domain/schedule.js';
import { subscribe, type SubscriptionRequest } from '../../src/domain/subscriptionChange.js';
import type { Subscription } from '../../src/domain/subscription.js';

const ANNA = { id: 'aad-anna', name: 'Anna' };
const AT = new Date('2020-03-14T18:00:00.000Z');
const SYSTEM = { at: AT.toISOString(), by: { id: 'system', name: 'boten' }, via: 'system' as const };

const request = (schedule: Schedule = { weekday: 4, time: '07:30' }): SubscriptionRequest => ({
  conversation: { id: 'c1', kind: 'channel', name: 'Kanal' },
  areaId: 'habo',
  reference: {},
  schedule,
  by: ANNA,
  at: AT,
  newId: () => 'sub-1',
});

const meeting = (id: string, conversationId: string): Meeting => ({
  id,
  conversationId,
  areaId: 'jonkoping',
  reference: {},
  weekday: 2,
  time: '09:00',
  activityId: `activity-${id}`,
  since: AT.toISOString(),
  by: ANNA,
});

describe('conversation audit records', () => {
  it('records a subscribe as created, then as changed with the schedule it had, then as resumed', () => {
    const created = subscribe([], request());
    expect(subscribedRecord(SYSTEM, created.result, undefined, request().schedule)).to.deep.equal([
      {
        ...SYSTEM,
        action: 'subscription.created',
        subscriptionId: 'sub-1',
        changes: { weekday: { to: 4 }, time: { to: '07:30' } },
      },
    ]);
    const monday = { weekday: 1 as const, time: '08:00' };
    const changed = subscribe(created.records, request(monday));
    expect(subscribedRecord(SYSTEM, changed.result, created.records[0], monday)).to.deep.equal([
      {
        ...SYSTEM,
        action: 'subscription.changed',
        subscriptionId: 'sub-1',
        changes: { weekday: { from: 4, to: 1 }, time: { from: '07:30', to: '08:00' } },
      },
    ]);
    const ended = { ...changed.records[0], ended: { at: AT.toISOString(), reason: 'unsubscribed' } } as Subscription;
    const resumed = subscribe([ended], request());
    expect(subscribedRecord(SYSTEM, resumed.result, ended, request().schedule)[0]).to.deep.include({
      action: 'subscription.resumed',
      changes: { weekday: { to: 4 }, time: { to: '07:30' } },
    });
    expect(subscribedRecord(undefined, resumed.result, ended, request().schedule)).to.deep.equal([]);
  });

  it('names the old name of a rename, null when there was none', () => {
    const m = meeting('a', 'ch1');
    expect(
      renamedMeetingRecords({ ...SYSTEM, action: 'meeting.changed' }, [{ meeting: m }], 'Ny').map((r) => r.changes),
    ).to.deep.equal([{ name: { from: null, to: 'Ny' } }]);
    const s = subscribe([], request()).result.subscription;
    expect(
      renamedSubscriptionRecords(
        { ...SYSTEM, action: 'subscription.changed' },
        [{ from: 'Kanal', subscription: s }],
        'Ny',
      ),
    ).to.deep.equal([
      {
        ...SYSTEM,
        action: 'subscription.changed',
        conversationId: 'c1',
        areaId: 'habo',
        subscriptionId: 'sub-1',
        changes: { name: { from: 'Kanal', to: 'Ny' } },
      },
    ]);
  });

  it('makes one record per subscription or meeting changed, in its place unless the caller named one', () => {
    const ids = fc.uniqueArray(fc.constantFrom('a', 'b', 'c', 'd', 'e'), { maxLength: 5 });
    fc.assert(
      fc.property(
        ids,
        fc.option(fc.constantFrom('ch-given')),
        fc.option(fc.constantFrom('area-given')),
        (list, c, a) => {
          const given = {
            ...SYSTEM,
            action: 'meeting.changed' as const,
            ...(c !== null ? { conversationId: c } : {}),
            ...(a !== null ? { areaId: a } : {}),
          };
          const meetings = list.map((id) => meeting(id, `ch-${id}`));
          const records = meetingRecords(given, meetings);
          expect(records.map((r) => r.activityId)).to.deep.equal(meetings.map((m) => m.activityId));
          records.forEach((r, i) => {
            expect(r.conversationId).to.equal(c ?? `ch-${list[i]}`);
            expect(r.areaId).to.equal(a ?? 'jonkoping');
            expect(r).to.deep.include(SYSTEM);
          });
          const subscriptions = list.map((id) => ({ id, conversationId: `ch-${id}` }) as Subscription);
          const subscribed = subscriptionRecords({ ...given, action: 'subscription.ended' }, subscriptions);
          expect(subscribed.map((r) => r.subscriptionId)).to.deep.equal(list);
          // A subscription kept without an area gets none from it.
          subscribed.forEach((r) => expect(r.areaId).to.equal(a ?? undefined));
          expect(meetingRecords(undefined, meetings)).to.deep.equal([]);
        },
      ),
    );
  });
});
