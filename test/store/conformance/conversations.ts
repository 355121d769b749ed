// Conformance: subscriptions, meetings, reminders and every claim (once, also when asked at once,
// and again after its time-to-live where it has one).
import { expect } from 'chai';
import { DELIVERY_DONE_MS, DELIVERY_TAKEOVER_MS } from '../../../src/domain/deliveries.js';
import { setupAudit } from '../../support/audit.js';
import type { StorePort, SubscribeRequest } from '../../../src/app/port/index.js';
import type { AuditRecord, NewAuditRecord } from '../../../src/domain/audit.js';
import type { MakeStore } from './index.js';
import { ANNA, AT, BERIT, freshStore } from './fixtures.js';

let ids = 0;
const request = (
  conversationId: string,
  overrides: Partial<SubscribeRequest['conversation']> = {},
): SubscribeRequest => ({
  conversation: { id: conversationId, kind: 'channel', name: 'Kanal', tenantId: 't1', ...overrides },
  areaId: 'jonkoping',
  reference: { conversation: { id: conversationId } },
  schedule: { weekday: 4, time: '07:30' },
  by: ANNA,
  at: AT,
  newId: () => `sub-${++ids}`,
});
const ended = (reason: 'unsubscribed' | 'channelDeleted' | 'teamDeleted') => ({
  at: AT.toISOString(),
  reason,
  by: ANNA,
});
const paused = { at: AT.toISOString(), week: '2020-W11', code: 'BotDisabled' };
const held = { at: AT.toISOString(), reason: 'teamArchived' as const };
const card = { through: '2020-03-12', cutAt: new Date('2020-03-12T06:30:00.000Z') };
const meeting = (conversationId: string, teamId?: string) => ({
  conversationId,
  ...(teamId ? { teamId } : {}),
  conversationName: 'Möte',
  areaId: 'jonkoping',
  reference: { conversation: { id: conversationId } },
  weekday: 2,
  time: '09:00',
  activityId: 'torsdagsmote',
  since: AT.toISOString(),
  by: ANNA,
});
const anna = { id: '29:anna', aadObjectId: 'aad-anna', name: 'Anna' };

/** What a user's chat command says of a change; a subscribe's record is this (the store adds the rest). */
const base = (detail = 'conformance') => ({ at: AT.toISOString(), by: ANNA, via: 'chat' as const, detail });

/** A change's record as a user's chat command makes it (the store completes it where the method says). */
const said = (action: NewAuditRecord['action'], detail = 'conformance') => ({ ...base(detail), action });

/** The records the changes under test made (not the seeding's or a setup's), without their ids. */
async function recordsMade(port: StorePort): Promise<Omit<AuditRecord, 'id' | 'v'>[]> {
  return (await port.audit.read()).filter((r) => r.via === 'chat').map(({ id: _id, v: _v, ...rest }) => rest);
}

export function conversationConformance(makeStore: MakeStore): void {
  describe('subscriptions', () => {
    const store = freshStore(makeStore);

    it('subscribes (created), sets a new schedule (changed), ends, and subscribes again (resumed)', async () => {
      const { subscriptions } = store().port;
      const created = await subscriptions.subscribe(request('c1'), setupAudit());
      expect(created.change).to.equal('created');
      expect(created.subscription).to.deep.include({
        conversationId: 'c1',
        weekday: 4,
        time: '07:30',
        areaId: 'jonkoping',
      });
      const changed = await subscriptions.subscribe(
        { ...request('c1'), schedule: { weekday: 1, time: '08:00' } },
        setupAudit(),
      );
      expect(changed.change).to.equal('changed');
      expect(changed.subscription.id).to.equal(created.subscription.id);
      expect(
        (await subscriptions.end('c1', ended('unsubscribed'), setupAudit('subscription.ended')))?.ended?.reason,
      ).to.equal('unsubscribed');
      expect(await subscriptions.end('c1', ended('unsubscribed'), setupAudit('subscription.ended'))).to.equal(
        undefined,
      );
      expect(await subscriptions.active()).to.deep.equal([]);
      const resumed = await subscriptions.subscribe(request('c1'), setupAudit());
      expect(resumed.change).to.equal('resumed');
      expect(resumed.subscription.ended).to.equal(undefined);
      expect((await subscriptions.all()).map((s) => s.id)).to.deep.equal([created.subscription.id]);
      expect(await subscriptions.forConversation('c1')).to.deep.equal(resumed.subscription);
      expect(await subscriptions.get(created.subscription.id)).to.deep.equal(resumed.subscription);
    });

    it("ends a team's subscriptions by selection, and resumes only those ended for the reason given", async () => {
      const { subscriptions } = store().port;
      await subscriptions.subscribe(request('ch1', { teamId: 'team1' }), setupAudit());
      await subscriptions.subscribe(request('team1', { teamId: 'team1' }), setupAudit());
      await subscriptions.subscribe(request('ch2', { teamId: 'team1' }), setupAudit());
      await subscriptions.subscribe(request('other', { teamId: 'team2' }), setupAudit());
      await subscriptions.end('ch2', ended('unsubscribed'), setupAudit('subscription.ended'));
      const gone = await subscriptions.endWhere(
        { teamId: 'team1' },
        ended('teamDeleted'),
        setupAudit('subscription.ended'),
      );
      expect(gone.map((s) => s.conversationId).sort()).to.deep.equal(['ch1', 'team1']);
      expect((await subscriptions.active()).map((s) => s.conversationId)).to.deep.equal(['other']);
      const back = await subscriptions.resumeEnded(
        { teamId: 'team1' },
        'teamDeleted',
        setupAudit('subscription.resumed'),
      );
      expect(back.map((s) => s.conversationId).sort()).to.deep.equal(['ch1', 'team1']);
      expect((await subscriptions.forConversation('ch2'))?.ended?.reason).to.equal('unsubscribed');
      expect(
        (
          await subscriptions.endWhere(
            { conversationId: 'ch1' },
            ended('channelDeleted'),
            setupAudit('subscription.ended'),
          )
        ).map((s) => s.conversationId),
      ).to.deep.equal(['ch1']);
      expect(
        await subscriptions.resumeEnded({ conversationId: 'ch1' }, 'teamDeleted', setupAudit('subscription.resumed')),
      ).to.deep.equal([]);
    });

    it('renames, holds and releases, pauses, and records the week sent', async () => {
      const { subscriptions } = store().port;
      const { subscription } = await subscriptions.subscribe(request('ch1', { teamId: 'team1' }), setupAudit());
      const renamed = await subscriptions.rename('ch1', 'Nytt namn', setupAudit('subscription.changed'));
      expect(renamed.map((r) => [r.from, r.subscription.conversationName])).to.deep.equal([['Kanal', 'Nytt namn']]);
      expect(await subscriptions.rename('ch1', 'Nytt namn', setupAudit('subscription.changed'))).to.deep.equal([]);
      const held = await subscriptions.hold(
        'team1',
        { at: AT.toISOString(), reason: 'teamArchived' },
        setupAudit('subscription.paused'),
      );
      expect(held).to.have.length(1);
      expect(
        await subscriptions.hold(
          'team1',
          { at: AT.toISOString(), reason: 'teamArchived' },
          setupAudit('subscription.paused'),
        ),
      ).to.deep.equal([]);
      expect(
        (await subscriptions.release('team1', 'teamArchived', setupAudit('subscription.resumed'))).map((s) => s.held),
      ).to.deep.equal([undefined]);
      const paused = { at: AT.toISOString(), week: '2020-W11', code: 'BotDisabled' };
      expect(
        (await subscriptions.pause(subscription.id, paused, setupAudit('subscription.paused')))?.paused,
      ).to.deep.equal(paused);
      expect(await subscriptions.pause('nope', paused, setupAudit('subscription.paused'))).to.equal(undefined);
      await subscriptions.recordSent(subscription.id, '2020-W11', AT, card);
      const sent = await subscriptions.get(subscription.id);
      expect(sent).to.deep.include({
        lastSentWeek: '2020-W11',
        lastSentAt: AT.toISOString(),
        lastCard: { through: '2020-03-12', cutAt: card.cutAt.toISOString() },
      });
      expect(sent?.paused).to.equal(undefined);
    });

    it('claims a week once, also when asked at once, again after the claim expires, and never once sent', async () => {
      const { subscriptions } = store().port;
      const { subscription } = await subscriptions.subscribe(request('c1'), setupAudit());
      const ttl = 60_000;
      const claims = await Promise.all(
        [1, 2, 3, 4].map(() => subscriptions.claimWeek(subscription.id, '2020-W12', AT, ttl)),
      );
      expect(claims.filter(Boolean)).to.have.length(1);
      expect(
        await subscriptions.claimWeek(subscription.id, '2020-W12', new Date(AT.getTime() + ttl - 1), ttl),
      ).to.equal(false);
      expect(await subscriptions.claimWeek(subscription.id, '2020-W13', AT, ttl)).to.equal(true);
      expect(await subscriptions.claimWeek(subscription.id, '2020-W12', new Date(AT.getTime() + ttl), ttl)).to.equal(
        true,
      );
      await subscriptions.recordSent(subscription.id, '2020-W12', AT, card);
      expect(
        await subscriptions.claimWeek(subscription.id, '2020-W12', new Date(AT.getTime() + 10 * ttl), ttl),
      ).to.equal(false);
      expect(await subscriptions.claimWeek('nope', '2020-W12', AT, ttl)).to.equal(false);
    });
  });

  describe('meetings', () => {
    const store = freshStore(makeStore);

    it('sets one meeting per conversation, ends it, sets it again', async () => {
      const { meetings } = store().port;
      const first = await meetings.set(meeting('m1'), () => 'meet-1', setupAudit('meeting.changed'));
      expect(first).to.deep.include({ id: 'meet-1', conversationId: 'm1', weekday: 2 });
      const again = await meetings.set({ ...meeting('m1'), weekday: 3 }, () => 'meet-2', setupAudit('meeting.changed'));
      expect(again).to.deep.include({ id: 'meet-1', weekday: 3 });
      expect(
        (await meetings.end('m1', { at: AT.toISOString(), by: ANNA }, setupAudit('meeting.changed')))?.ended,
      ).to.deep.equal({
        at: AT.toISOString(),
        by: ANNA,
      });
      expect(await meetings.end('m1', { at: AT.toISOString(), by: ANNA }, setupAudit('meeting.changed'))).to.equal(
        undefined,
      );
      expect(await meetings.active()).to.deep.equal([]);
      expect((await meetings.set(meeting('m1'), () => 'meet-3', setupAudit('meeting.changed'))).ended).to.equal(
        undefined,
      );
      expect((await meetings.active()).map((m) => m.id)).to.deep.equal(['meet-1']);
      expect((await meetings.forConversation('m1'))?.id).to.equal('meet-1');
      expect((await meetings.get('meet-1'))?.conversationId).to.equal('m1');
    });

    it("ends, resumes, renames, holds and releases a team's meetings", async () => {
      const { meetings } = store().port;
      await meetings.set(meeting('ch1', 'team1'), () => 'a', setupAudit('meeting.changed'));
      await meetings.set(meeting('team1'), () => 'b', setupAudit('meeting.changed'));
      await meetings.set(meeting('ch9', 'team9'), () => 'c', setupAudit('meeting.changed'));
      await meetings.end('team1', { at: AT.toISOString(), by: ANNA }, setupAudit('meeting.changed'));
      const deleted = { at: AT.toISOString(), by: ANNA, reason: 'teamDeleted' as const };
      expect(
        (await meetings.endWhere({ teamId: 'team1' }, deleted, setupAudit('meeting.changed'))).map((m) => m.id),
      ).to.deep.equal(['a']);
      expect(
        (await meetings.resumeEnded({ teamId: 'team1' }, 'teamDeleted', setupAudit('meeting.changed'))).map(
          (m) => m.id,
        ),
      ).to.deep.equal(['a']);
      expect((await meetings.get('b'))?.ended).to.not.equal(undefined);
      expect(
        (await meetings.rename('ch1', 'Ny', setupAudit('meeting.changed'))).map((r) => [
          r.from,
          r.meeting.conversationName,
        ]),
      ).to.deep.equal([['Möte', 'Ny']]);
      expect(
        (
          await meetings.hold('team1', { at: AT.toISOString(), reason: 'teamArchived' }, setupAudit('meeting.changed'))
        ).map((m) => m.id),
      ).to.deep.equal(['a']);
      expect((await meetings.active()).map((m) => m.id)).to.deep.equal(['c']);
      expect((await meetings.release('team1', setupAudit('meeting.changed'))).map((m) => m.id)).to.deep.equal(['a']);
      expect((await meetings.active()).map((m) => m.id).sort()).to.deep.equal(['a', 'c']);
    });

    it("claims a week's agenda card once, also when asked at once, and never an earlier week", async () => {
      const { meetings } = store().port;
      await meetings.set(meeting('m1'), () => 'meet-1', setupAudit('meeting.changed'));
      const claims = await Promise.all([1, 2, 3].map(() => meetings.claim('meet-1', '2020-W12', '2020-03-17')));
      expect(claims.filter(Boolean)).to.have.length(1);
      expect(await meetings.claim('meet-1', '2020-W11', '2020-03-10')).to.equal(false);
      expect(await meetings.claim('meet-1', '2020-W13', '2020-03-24')).to.equal(true);
      expect(await meetings.get('meet-1')).to.deep.include({ lastWeek: '2020-W13', lastDate: '2020-03-24' });
      expect(await meetings.claim('nope', '2020-W13', '2020-03-24')).to.equal(false);
    });
  });

  describe('reminders', () => {
    const store = freshStore(makeStore);

    it('knows a person by any of their ids and keeps their choices', async () => {
      const { reminders } = store().port;
      await reminders.noteContact({ id: '29:anna', name: 'Anna', reference: { r: 1 } }, AT);
      expect((await reminders.find({ id: '29:anna' }))?.reference).to.deep.equal({ r: 1 });
      await reminders.setOff(anna, true, AT, setupAudit('reminders.changed'));
      expect((await reminders.find({ aadObjectId: 'aad-anna' }))?.off).to.deep.equal({ at: AT.toISOString() });
      expect(await reminders.all()).to.have.length(1);
      await reminders.pause(anna, '2020-04-01', setupAudit('reminders.changed'));
      const on = await reminders.setOff(anna, false, AT, setupAudit('reminders.changed'));
      expect(on.off).to.equal(undefined);
      expect(on.pausedUntil).to.equal(undefined);
      expect((await reminders.pause(anna, '2020-04-01', setupAudit('reminders.changed'))).pausedUntil).to.equal(
        '2020-04-01',
      );
      const unreachable = await reminders.markUnreachable(anna, AT, 403);
      expect(unreachable.unreachable).to.deep.equal({ at: AT.toISOString(), status: 403 });
      expect((await reminders.markUnreachable(anna, new Date(AT.getTime() + 1000), 404)).unreachable?.status).to.equal(
        403,
      );
      expect((await reminders.markReported(anna, AT)).unreachable?.reportedAt).to.equal(AT.toISOString());
      const sent = await reminders.recordSent(anna, AT, { r: 2 });
      expect(sent).to.deep.include({ sentAt: AT.toISOString(), reference: { r: 2 } });
      expect(sent.unreachable).to.equal(undefined);
      await reminders.setOff({ id: '29:berit', name: BERIT.name }, true, AT, setupAudit('reminders.changed'));
      expect((await reminders.all()).map((p) => p.name).sort()).to.deep.equal(['Anna', 'Berit']);
    });

    it("claims a person's week once, also when asked at once, and never an earlier week", async () => {
      const { reminders } = store().port;
      const claims = await Promise.all([1, 2, 3].map(() => reminders.claim(anna, '2020-W12', AT)));
      expect(claims.filter(Boolean)).to.have.length(1);
      expect(await reminders.claim({ aadObjectId: 'aad-anna', name: 'Anna' }, '2020-W12', AT)).to.equal(false);
      expect(await reminders.claim(anna, '2020-W11', AT)).to.equal(false);
      expect(await reminders.claim(anna, '2020-W13', AT)).to.equal(true);
      expect(await reminders.all()).to.have.length(1);
    });

    it("claims an area's notice once, also when asked at once, and lists it for that area only", async () => {
      const { reminders } = store().port;
      const claims = await Promise.all([1, 2, 3].map(() => reminders.claimNotice('jonkoping', '2020-T1-ended', AT)));
      expect(claims.filter(Boolean)).to.have.length(1);
      expect(await reminders.claimNotice('habo', '2020-T1-ended', AT)).to.equal(true);
      expect([...(await reminders.noticesSent('jonkoping'))]).to.deep.equal(['2020-T1-ended']);
      expect([...(await reminders.noticesSent('tranas'))]).to.deep.equal([]);
    });
  });

  describe('audit records of subscriptions, meetings and reminders', () => {
    const store = freshStore(makeStore);

    it('stores a subscription change with its record, completed with the subscription, and none for a no-op', async () => {
      const { port } = store();
      const { subscriptions } = port;
      const { subscription } = await subscriptions.subscribe(request('c1'), { ...base(), areaId: 'habo' });
      await subscriptions.subscribe({ ...request('c1'), schedule: { weekday: 1, time: '08:00' } }, base());
      const done = await subscriptions.end('c1', ended('unsubscribed'), said('subscription.ended'));
      expect(await subscriptions.end('c1', ended('unsubscribed'), said('subscription.ended'))).to.equal(undefined);
      expect(await subscriptions.pause('nope', paused, said('subscription.paused'))).to.equal(undefined);
      expect(await subscriptions.hold('team-none', held, said('subscription.paused'))).to.deep.equal([]);
      expect(await recordsMade(port)).to.deep.equal([
        {
          ...said('subscription.created'),
          areaId: 'habo',
          subscriptionId: subscription.id,
          changes: { weekday: { to: 4 }, time: { to: '07:30' } },
        },
        {
          ...said('subscription.changed'),
          subscriptionId: subscription.id,
          changes: { weekday: { from: 4, to: 1 }, time: { from: '07:30', to: '08:00' } },
        },
        {
          ...said('subscription.ended'),
          subscriptionId: subscription.id,
          conversationId: 'c1',
          areaId: 'jonkoping',
        },
      ]);
      expect(done?.ended?.reason).to.equal('unsubscribed');
    });

    it("writes one record per subscription a team's change touches, and the name's change of a rename", async () => {
      const { port } = store();
      const { subscriptions } = port;
      const a = (await subscriptions.subscribe(request('ch1', { teamId: 'team1' }), base())).subscription;
      const b = (await subscriptions.subscribe(request('team1', { teamId: 'team1' }), base())).subscription;
      const before = (await recordsMade(port)).length;
      const gone = await subscriptions.endWhere({ teamId: 'team1' }, ended('teamDeleted'), said('subscription.ended'));
      await subscriptions.rename('ch1', 'Ny kanal', { ...said('subscription.changed'), conversationId: 'ch1' });
      await subscriptions.recordSent(a.id, '2020-W11', AT, card);
      await subscriptions.recordSent(b.id, '2020-W11', AT, card, said('subscription.resumed'));
      const made = (await recordsMade(port)).slice(before);
      expect(made).to.deep.equal([
        ...gone.map((s) => ({
          ...said('subscription.ended'),
          subscriptionId: s.id,
          conversationId: s.conversationId,
          areaId: 'jonkoping',
        })),
        {
          ...said('subscription.changed'),
          conversationId: 'ch1',
          areaId: 'jonkoping',
          subscriptionId: a.id,
          changes: { name: { from: 'Kanal', to: 'Ny kanal' } },
        },
        { ...said('subscription.resumed'), subscriptionId: b.id, conversationId: 'team1', areaId: 'jonkoping' },
      ]);
      expect(gone.map((s) => s.id).sort()).to.deep.equal([a.id, b.id].sort());
    });

    it('stores a meeting change with its record, completed with the meeting, and none for a no-op', async () => {
      const { port } = store();
      const { meetings } = port;
      const set = { ...said('meeting.changed', '2 09:00'), activityId: 'torsdagsmote', conversationId: 'm1' };
      await meetings.set(meeting('m1', 'team1'), () => 'meet-1', set);
      await meetings.set(meeting('m2', 'team1'), () => 'meet-2', set);
      await meetings.end(
        'm1',
        { at: AT.toISOString(), by: ANNA },
        { ...said('meeting.changed', 'ended'), areaId: 'habo' },
      );
      expect(await meetings.end('m1', { at: AT.toISOString(), by: ANNA }, said('meeting.changed'))).to.equal(undefined);
      const deleted = { at: AT.toISOString(), by: ANNA, reason: 'teamDeleted' as const };
      await meetings.endWhere({ teamId: 'team1' }, deleted, said('meeting.changed'));
      expect(await meetings.release('team1', said('meeting.changed'))).to.deep.equal([]);
      await meetings.rename('m1', 'Nytt möte', said('meeting.changed', 'channelRenamed'));
      expect(await recordsMade(port)).to.deep.equal([
        set,
        set,
        { ...said('meeting.changed', 'ended'), areaId: 'habo', activityId: 'torsdagsmote', conversationId: 'm1' },
        { ...said('meeting.changed'), activityId: 'torsdagsmote', conversationId: 'm2', areaId: 'jonkoping' },
        {
          ...said('meeting.changed', 'channelRenamed'),
          activityId: 'torsdagsmote',
          conversationId: 'm1',
          areaId: 'jonkoping',
          changes: { name: { from: 'Möte', to: 'Nytt möte' } },
        },
      ]);
    });

    it("stores a person's reminder choice with its record, and no record for the bookkeeping", async () => {
      const { port } = store();
      const { reminders } = port;
      await reminders.noteContact({ ...anna, reference: { r: 1 } }, AT);
      await reminders.setOff(anna, true, AT, said('reminders.changed', 'off'));
      await reminders.pause(anna, '2020-04-01', said('reminders.changed', 'paused'));
      await reminders.claim(anna, '2020-W12', AT);
      await reminders.recordSent(anna, AT);
      await reminders.markUnreachable(anna, AT, 403);
      expect(await recordsMade(port)).to.deep.equal([
        said('reminders.changed', 'off'),
        said('reminders.changed', 'paused'),
      ]);
      expect(await reminders.find(anna)).to.deep.include({ off: { at: AT.toISOString() }, pausedUntil: '2020-04-01' });
    });

    it('refuses an invalid record, and then stores neither it nor the change', async () => {
      const { port } = store();
      const invalid = { ...said('subscription.ended'), detail: 'x'.repeat(301) };
      await port.subscriptions.subscribe(request('c1'), base());
      const refused = await port.subscriptions.end('c1', ended('unsubscribed'), invalid).then(
        () => undefined,
        (error: unknown) => error,
      );
      expect(refused).to.be.instanceOf(Error);
      expect((await port.subscriptions.forConversation('c1'))?.ended).to.equal(undefined);
      expect((await recordsMade(port)).map((r) => r.action)).to.deep.equal(['subscription.created']);
    });
  });

  describe('deliveries', () => {
    const store = freshStore(makeStore);

    it('claims a message id once, also when asked at once', async () => {
      const { deliveries } = store().port;
      const claims = await Promise.all([1, 2, 3].map(() => deliveries.claim('msg-1', AT)));
      expect(claims.filter(Boolean)).to.have.length(1);
      expect(await deliveries.claim('msg-1', new Date(AT.getTime() + 5_000))).to.equal(false);
      expect(await deliveries.claim('msg-2', AT)).to.equal(true);
    });

    it('lets a resend take over a claim never done (its instance died), and holds a done one for the day', async () => {
      const { deliveries } = store().port;
      const later = (ms: number) => new Date(AT.getTime() + ms);
      expect(await deliveries.claim('died', AT)).to.equal(true);
      expect(await deliveries.claim('died', later(DELIVERY_TAKEOVER_MS - 1))).to.equal(false);
      expect(await deliveries.claim('died', later(DELIVERY_TAKEOVER_MS + 1))).to.equal(true);
      expect(await deliveries.claim('answered', AT)).to.equal(true);
      await deliveries.done('answered', later(1_000));
      expect(await deliveries.claim('answered', later(60_000))).to.equal(false);
      expect(await deliveries.claim('answered', later(DELIVERY_DONE_MS - 1))).to.equal(false);
      expect(await deliveries.claim('answered', later(DELIVERY_DONE_MS + 2_000))).to.equal(true);
    });
  });
}
