import { expect } from 'chai';
import { withRedeliveryCache } from '../../src/app/redelivery.js';
import { DELIVERY_TAKEOVER_MS } from '../../src/domain/deliveries.js';
import { harness, readable } from '../support/harness.js';

describe('redelivered messages', () => {
  const input = (activityId: string, conversation = 'c1', day = '2020-06-01') => ({
    user: { id: '29:anna', name: 'Anna', aadObjectId: 'aad-anna' },
    conversation: { id: conversation, kind: 'personal' as const },
    activityId,
    text: `/logga sig ${day}`,
  });

  it('answers a redelivery with the first answer, without running it again', async () => {
    const h = await harness({ now: '2020-06-15T10:00:00+02:00' });
    let ms = 0;
    let runs = 0;
    const app = withRedeliveryCache({ handle: (i) => (runs++, h.app.handle(i)) }, { now: () => ms });
    const first = await app.handle(input('a1'));
    ms += 15_000;
    const again = await app.handle(input('a1'));
    expect(runs).to.equal(1);
    expect(readable(again)).to.equal(readable(first));
  });

  it('runs a message with the same id in another conversation, and a late redelivery is still stored once', async () => {
    const h = await harness({ now: '2020-06-15T10:00:00+02:00' });
    let ms = 0;
    const app = withRedeliveryCache(h.app, { now: () => ms, ttlMs: 60_000 });
    await app.handle(input('a1', 'c1'));
    // Another day: the same activity, day and place twice in a row by one person is asked about first.
    await app.handle(input('a1', 'c2', '2020-06-02'));
    expect(await h.records.entries('jonkoping-2020')).to.have.length(2);
    ms += 61_000;
    expect(readable(await app.handle(input('a1', 'c1')))).to.include('redan loggat');
    expect(await h.records.entries('jonkoping-2020')).to.have.length(2);
  });

  it('a resend that reaches a second instance sharing the store is not answered or run there', async () => {
    const h = await harness({ now: '2020-06-15T10:00:00+02:00' });
    const { deliveries } = h.port;
    let runs = 0;
    const counted = { handle: (i: Parameters<typeof h.app.handle>[0]) => (runs++, h.app.handle(i)) };
    const first = withRedeliveryCache(counted, { now: () => 0, deliveries });
    const second = withRedeliveryCache(counted, { now: () => 0, deliveries });
    expect(readable(await first.handle(input('a1')))).to.include('Loggat');
    expect(await second.handle(input('a1'))).to.deep.equal([]);
    expect(runs).to.equal(1);
    expect(await h.records.entries('jonkoping-2020')).to.have.length(1);
    // A message the first instance never saw is the second's to answer.
    expect(readable(await second.handle(input('a2', 'c1', '2020-06-02')))).to.include('Loggat');
  });

  it('a resend reaching a second instance takes over a claim whose instance died before answering', async () => {
    const h = await harness({ now: '2020-06-15T10:00:00+02:00' });
    const { deliveries } = h.port;
    let ms = Date.parse('2020-06-15T08:00:00Z');
    // The first instance claimed the message and died: no answer, nothing stored, never marked done.
    expect(await deliveries.claim('c1|a1', new Date(ms))).to.equal(true);
    const second = withRedeliveryCache(h.app, { now: () => ms, deliveries });
    ms += 5_000;
    expect(await second.handle(input('a1'))).to.deep.equal([]);
    // Teams resends after its 15 s: the claim has run out, and the message is logged once.
    ms += DELIVERY_TAKEOVER_MS;
    expect(readable(await second.handle(input('a1')))).to.include('Loggat');
    expect(await h.records.entries('jonkoping-2020')).to.have.length(1);
    // Answered and done: a later resend to yet another instance is not run again.
    const third = withRedeliveryCache(h.app, { now: () => ms, deliveries });
    ms += 60_000;
    expect(await third.handle(input('a1'))).to.deep.equal([]);
    expect(await h.records.entries('jonkoping-2020')).to.have.length(1);
  });
});
