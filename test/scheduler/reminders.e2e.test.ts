// The weekly reminders over HTTP: coordinators name the responsible people with /ansvarig in a
// channel (Teams @mentions), people write to the bot in personal chats, and the reminder job sends
// through the same connector notifier the bot uses, to a fake Bot Connector. Each rule of the issue
// is proved on what the connector received and what the store holds.
import { fileStorePort } from '../../src/store/filePort.js';
import { expect } from 'chai';
import { Reminders } from '../../src/scheduler/reminders.js';
import { MemoryStorage } from '../../src/store/storage.js';
import type { Store } from '../../src/store/store.js';
import { BOT, channelActivity, mention, startBot, TEAM, TENANT, type Harness } from '../support/botHarness.js';
import { assertValidCard } from '../support/adaptiveCardsSdk.js';
import { cardsOf, FakeConnector } from '../support/fakeConnector.js';
import { CapturingLogger, FakeClock, fakeSleep, openStore } from '../support/fakes.js';
import { setupAudit } from '../support/audit.js';

const SSG = '19:ssg@thread.tacv2';
const SAM = { id: '29:sam', name: 'Sam Samordnare', aadObjectId: 'aad-sam' };
const BERIT = { id: '29:berit', name: 'Berit Berg', aadObjectId: 'aad-berit' };
const CARL = { id: '29:carl', name: 'Carl Carlsson', aadObjectId: 'aad-carl' };
const ANNA = { id: '29:anna', name: 'Anna Andersson', aadObjectId: 'aad-anna' };

let connector: FakeConnector;
let harness: Harness | undefined;

beforeEach(async () => {
  connector = await new FakeConnector().start();
});
afterEach(async () => {
  await harness?.close();
  harness = undefined;
  await connector.stop();
});

/** `text` in the channel from `from`, @mentioning the bot and `people`. */
function inChannel(from: typeof SAM, text: string, people: (typeof SAM)[] = []) {
  const botAt = `<at>${BOT.name}</at>`;
  const ats = people.map((p) => `<at>${p.name}</at>`).join(' ');
  return mention(connector, SSG, `${text}${ats ? ` ${ats}` : ''}`, {
    from,
    text: `${botAt} ${text}${ats ? ` ${ats}` : ''}`,
    entities: [
      { type: 'mention', mentioned: BOT, text: botAt },
      ...people.map((p) => ({ type: 'mention', mentioned: { id: p.id, name: p.name }, text: `<at>${p.name}</at>` })),
    ],
  });
}

/** `text` from `from` in their personal chat with the bot. */
function personal(from: typeof SAM, text: string, value?: unknown) {
  return channelActivity(connector, `a:chat-${from.id}`, {
    from,
    text,
    ...(value !== undefined ? { value } : {}),
    conversation: { id: `a:chat-${from.id}`, conversationType: 'personal', tenantId: TENANT },
    channelData: { tenant: { id: TENANT } },
  });
}

function repliesIn(conversationId: string): string {
  return connector
    .replies(conversationId)
    .map((r) => r.activity.text || JSON.stringify(r.activity.attachments ?? []))
    .join('\n');
}

async function setup(now: string, storage = new MemoryStorage()) {
  const store = await openStore(storage, { coordinators: ['aad-sam'] });
  const clock = new FakeClock(now);
  harness = await startBot(store, clock);
  const { sleep } = fakeSleep(clock);
  const reminders = (s: Store = store) =>
    new Reminders({
      port: fileStorePort(s),
      clock,
      notifier: harness!.notifier,
      logger: new CapturingLogger(),
      sleep,
      random: () => 0.5,
    });
  return { store, clock, storage, reminders };
}

describe('reminders to the responsible people (HTTP, fake connector)', () => {
  it('a responsible person gets exactly one reminder at the set time; nobody else gets one, and a restart sends none again', async () => {
    // Wednesday 14 October 2020; the next reminder is Monday 19 October 09:00 (07:00Z, summer time).
    const { store, clock, storage, reminders } = await setup('2020-10-14T10:00:00Z');
    await harness!.post(personal(CARL, '/hjälp'));
    await harness!.post(personal(ANNA, '/hjälp'));
    await harness!.post(inChannel(SAM, '/ansvarig torsdagsmöte', [BERIT, CARL]));
    expect(repliesIn(SSG)).to.include('✅ Berit Berg, Carl Carlsson är nu ansvarig för Torsdagsmöte Öxnehaga.');
    expect(store.area('jonkoping')?.responsible?.[0]?.people.map((p) => p.id)).to.deep.equal(['29:berit', '29:carl']);
    expect((await store.audit.read()).filter((r) => r.action === 'responsible.changed')).to.have.length(1);

    await harness!.post(inChannel(ANNA, '/status'));
    expect(JSON.stringify(connector.replies(SSG).at(-1)?.activity.attachments)).to.include(
      'ansvarig: Berit Berg, Carl Carlsson',
    );

    const job = reminders();
    clock.set('2020-10-19T06:59:00Z');
    expect(await job.tick()).to.deep.equal([]);
    expect(connector.proactive()).to.have.length(0);

    clock.set('2020-10-19T07:00:00Z');
    const reports = await job.tick();
    expect(reports.map((r) => r.outcome)).to.deep.equal(['sent', 'sent']);
    // Berit never wrote to the bot: it opened the personal chat (createConversation) in the team's tenant.
    expect(connector.created).to.have.length(1);
    expect(connector.created[0]?.body).to.deep.include({ members: [{ id: '29:berit' }], tenantId: TENANT });
    const toBerit = connector.proactive('a:personal-29:berit');
    const toCarl = connector.proactive('a:chat-29:carl');
    expect(toBerit).to.have.length(1);
    expect(toCarl).to.have.length(1);
    expect(connector.proactive()).to.have.length(2);
    const [reminderCard] = cardsOf(toCarl[0]!);
    assertValidCard(reminderCard?.content, 'reminder');
    const body = JSON.stringify(reminderCard?.content.body);
    expect(body).to.include('Torsdagsmöte Öxnehaga');
    expect(body).to.include('Logga');
    expect(body).to.include('"verb":"reminder.log","activityId":"torsdagsmote"');
    expect(reminderCard?.content.actions?.map((a) => a.title)).to.deep.equal(['Pausa 4 veckor', 'Sluta påminna mig']);
    expect(store.reminders.find({ id: '29:berit' })?.lastWeek).to.equal('2020-W43');

    // Later the same day, and after a restart on the same files: nothing again.
    clock.set('2020-10-19T12:00:00Z');
    expect(await job.tick()).to.deep.equal([]);
    const reopened = await openStore(storage, { coordinators: ['aad-sam'] });
    expect(await reminders(reopened).tick()).to.deep.equal([]);
    expect(connector.proactive()).to.have.length(2);

    // The Logga button opens the log form with the activity chosen.
    const logButton = { verb: 'reminder.log', activityId: 'torsdagsmote' };
    await harness!.post(personal(CARL, '', logButton));
    const form = JSON.stringify(connector.replies('a:chat-29:carl').at(-1)?.activity.attachments);
    expect(form).to.include('"value":"torsdagsmote"');
    expect(form).to.include('Logga en insats');
  });

  it('on a public holiday none comes; it comes on the next working day', async () => {
    // Monday 13 April 2020 is Annandag påsk: the reminder moves to Tuesday 14 April 09:00 (07:00Z).
    const { clock, reminders } = await setup('2020-04-08T10:00:00Z');
    await harness!.post(inChannel(SAM, '/ansvarig torsdagsmöte', [BERIT]));
    const job = reminders();
    await harness!.post(personal(BERIT, '/påminnelser'));
    expect(repliesIn('a:chat-29:berit')).to.include('Nästa påminnelse: tisdag 14 april 2020 kl. 09:00');
    for (const at of ['2020-04-13T07:00:00Z', '2020-04-13T15:00:00Z', '2020-04-14T06:59:00Z']) {
      clock.set(at);
      expect(await job.tick(), at).to.deep.equal([]);
    }
    expect(connector.proactive()).to.have.length(0);
    clock.set('2020-04-14T07:00:00Z');
    expect((await job.tick()).map((r) => r.outcome)).to.deep.equal(['sent']);
    expect(connector.proactive('a:chat-29:berit')).to.have.length(1);
  });

  it('none comes after /påminnelser av, and again after /påminnelser på', async () => {
    const { clock, reminders, store } = await setup('2020-10-14T10:00:00Z');
    await harness!.post(inChannel(SAM, '/ansvarig torsdagsmöte', [BERIT]));
    await harness!.post(personal(BERIT, '/påminnelser av'));
    expect(repliesIn('a:chat-29:berit')).to.include('Du får inga fler påminnelser.');
    expect(
      (await store.audit.read()).filter((r) => r.action === 'reminders.changed').map((r) => r.detail),
    ).to.deep.equal(['off']);
    const job = reminders();
    clock.set('2020-10-19T07:00:00Z');
    expect(await job.tick()).to.deep.equal([]);
    clock.set('2020-10-21T10:00:00Z');
    expect(await job.tick()).to.deep.equal([]);
    expect(connector.proactive()).to.have.length(0);

    await harness!.post(personal(BERIT, '/påminnelser på'));
    clock.set('2020-10-26T08:00:00Z');
    expect((await job.tick()).map((r) => r.outcome)).to.deep.equal(['sent']);
  });

  it('someone the bot cannot reach (403) is reported to a coordinator, once', async () => {
    const { clock, reminders, store } = await setup('2020-10-14T10:00:00Z');
    await harness!.post(personal(SAM, '/hjälp'));
    await harness!.post(inChannel(SAM, '/ansvarig torsdagsmöte', [BERIT]));
    connector.script((r) => (r.path === '/v3/conversations' ? { status: 403 } : undefined));
    const job = reminders();
    clock.set('2020-10-19T07:00:00Z');
    expect((await job.tick()).map((r) => r.outcome)).to.deep.equal(['unreachable']);
    clock.set('2020-10-26T08:00:00Z');
    expect((await job.tick()).map((r) => r.outcome)).to.deep.equal(['unreachable']);
    const toSam = connector.proactive('a:chat-29:sam');
    expect(toSam).to.have.length(1);
    expect(toSam[0]?.activity.text).to.include('Jag kan inte skicka påminnelser till Berit Berg');
    expect(store.reminders.find({ id: '29:berit' })?.unreachable?.reportedAt).to.be.a('string');
  });

  it('nothing is sent when nothing is behind', async () => {
    const { clock, reminders } = await setup('2020-10-14T10:00:00Z');
    await harness!.post(inChannel(SAM, '/ansvarig enkät', [BERIT]));
    // "enkät" is two activities: the bot asks, and nothing is stored.
    expect(repliesIn(SSG)).to.include('passar flera aktiviteter');
    await harness!.post(inChannel(SAM, '/ansvarig polisens enkät', [BERIT]));
    await harness!.post(inChannel(SAM, '/klar polisens enkät 2020-09-01'));
    const job = reminders();
    clock.set('2020-10-19T07:00:00Z');
    expect((await job.tick()).map((r) => r.outcome)).to.deep.equal(['nothingBehind']);
    expect(connector.proactive()).to.have.length(0);
    expect(connector.created).to.have.length(0);
  });

  it('the coordinator hears two weeks before a tertial ends, and when it has ended, once each; the button opens the review', async () => {
    const { clock, reminders } = await setup('2020-08-10T10:00:00Z');
    await harness!.post(personal(SAM, 'hej'));
    await harness!.post(inChannel(SAM, '/ansvarig sig', [BERIT]));
    const job = reminders();
    // Monday 17 August 2020, 09:00: T2 ends on 31 August.
    clock.set('2020-08-17T07:00:00Z');
    await job.tick();
    clock.set('2020-08-18T07:30:00Z');
    await job.tick();
    const closing = connector.proactive('a:chat-29:sam');
    expect(closing).to.have.length(1);
    const closingCard = cardsOf(closing[0]!)[0];
    assertValidCard(closingCard?.content, 'tertial notice');
    const text = JSON.stringify(closingCard?.content.body);
    expect(text).to.include('Två veckor kvar av T2 2020 (slutar 31 augusti 2020)');
    expect(text).to.include('SIG-ärenden');
    expect(text).to.include('ansvarig: Berit Berg');

    // Tuesday 1 September: the tertial has ended.
    clock.set('2020-09-01T07:00:00Z');
    await job.tick();
    clock.set('2020-09-02T07:00:00Z');
    await job.tick();
    const all = connector.proactive('a:chat-29:sam');
    expect(all).to.have.length(2);
    const endedCard = cardsOf(all[1]!)[0];
    expect(JSON.stringify(endedCard?.content.body)).to.include('Dags att granska uppföljningen T2 2020');
    const button = endedCard?.content.actions?.[0];
    expect(button?.title).to.equal('Granska uppföljningen');
    await harness!.post(personal(SAM, '', button?.data));
    expect(repliesIn('a:chat-29:sam')).to.include(
      'Uppföljning av medborgarlöfte för Jönköpings kommun, tertial 2 2020',
    );
  });

  it('/möte: the agenda card arrives an hour before the meeting, once; two attendees pressing Logga mötet log it once', async () => {
    const GROUP = '19:torsdagsgruppen@thread.v2';
    const inGroup = (from: typeof SAM, text: string, value?: unknown) => {
      const botAt = `<at>${BOT.name}</at>`;
      return channelActivity(connector, GROUP, {
        from,
        text: value === undefined ? `${botAt} ${text}` : '',
        ...(value !== undefined ? { value } : {}),
        entities: [{ type: 'mention', mentioned: BOT, text: botAt }],
        conversation: { id: GROUP, conversationType: 'groupChat', tenantId: TENANT, isGroup: true },
        channelData: { tenant: { id: TENANT } },
      });
    };
    const { clock, reminders, store } = await setup('2020-10-21T10:00:00Z');
    await harness!.post(inChannel(SAM, '/ansvarig sig', [BERIT]));
    await harness!.post(inGroup(SAM, '/möte torsdag 13:00 torsdagsmöte'));
    expect(repliesIn(GROUP)).to.include(
      '✅ Mötet är Torsdagsmöte Öxnehaga, varje torsdag kl. 13:00. En timme före lägger jag ut en dagordning här (nästa torsdag 22 oktober 2020 kl. 12:00)',
    );
    const job = reminders();
    clock.set('2020-10-22T09:59:00Z');
    await job.tick();
    expect(connector.proactive(GROUP)).to.have.length(0);
    clock.set('2020-10-22T10:00:00Z');
    await job.tick();
    clock.set('2020-10-22T10:30:00Z');
    await job.tick();
    const posted = connector.proactive(GROUP);
    expect(posted).to.have.length(1);
    const agenda = cardsOf(posted[0]!)[0];
    assertValidCard(agenda?.content, 'agenda');
    const body = JSON.stringify(agenda?.content.body);
    expect(body).to.include('Inför mötet torsdag 22 oktober');
    expect(body).to.include('SIG-ärenden');
    expect(body).to.include('<at>Berit Berg</at>');
    expect((agenda?.content as { msteams?: { entities?: unknown[] } }).msteams?.entities).to.deep.equal([
      { type: 'mention', text: '<at>Berit Berg</at>', mentioned: { id: '29:berit', name: 'Berit Berg' } },
    ]);
    const button = agenda?.content.actions?.[0];
    expect(button?.title).to.equal('Logga mötet');

    await harness!.post(inGroup(ANNA, '', button?.data));
    await harness!.post(inGroup(BERIT, '', button?.data));
    await harness!.post(inGroup(ANNA, '', button?.data));
    const entries = store.entries('jonkoping-2020').filter((e) => e.activityId === 'torsdagsmote');
    expect(entries.map((e) => [e.by.id, e.date])).to.deep.equal([
      ['aad-anna', '2020-10-22'],
      ['aad-berit', '2020-10-22'],
    ]);
    expect(new Set(entries.map((e) => e.occasionId)).size).to.equal(1);
    expect(store.dayTotals('jonkoping-2020', 'torsdagsmote')).to.deep.equal([
      { date: '2020-10-22', count: 1, occasions: 1 },
    ]);

    await harness!.post(inGroup(SAM, '/möte av'));
    expect(repliesIn(GROUP)).to.include('✅ Mötet Torsdagsmöte Öxnehaga är avslutat');
    clock.set('2020-10-29T11:00:00Z');
    await job.tick();
    expect(connector.proactive(GROUP)).to.have.length(1);
  });

  /** What Teams posts when a channel or its team changes (conversationUpdate with an eventType). */
  const teamsEvent = (eventType: string, channel: Record<string, unknown> = {}) =>
    channelActivity(connector, TEAM, {
      type: 'conversationUpdate',
      channelData: { eventType, tenant: { id: TENANT }, team: { id: TEAM, name: 'Polisen' }, channel },
    });

  it('/möte in a channel that is deleted: no agenda card, and the coordinator is told once; a restore resumes it', async () => {
    const { clock, reminders, store } = await setup('2020-10-21T10:00:00Z');
    await harness!.post(personal(SAM, 'hej'));
    await harness!.post(inChannel(SAM, '/möte torsdag 13:00 torsdagsmöte'));
    const meeting = store.meetings.forConversation(SSG);
    expect(meeting).to.deep.include({ teamId: TEAM, conversationName: 'SSG' });

    expect(await harness!.post(teamsEvent('channelRenamed', { id: SSG, name: 'SSG Jönköping' }))).to.equal(200);
    expect(store.meetings.forConversation(SSG)?.conversationName).to.equal('SSG Jönköping');
    expect(await harness!.post(teamsEvent('channelDeleted', { id: SSG, name: 'SSG Jönköping' }))).to.equal(200);
    // Teams may say it twice: the coordinator hears it once.
    await harness!.post(teamsEvent('channelDeleted', { id: SSG, name: 'SSG Jönköping' }));
    expect(store.meetings.forConversation(SSG)?.ended?.reason).to.equal('channelDeleted');
    const toSam = connector.proactive('a:chat-29:sam');
    expect(toSam.map((r) => r.activity.text)).to.deep.equal([
      'Kanalen SSG Jönköping togs bort i Teams – mötet Torsdagsmöte Öxnehaga där har avslutats. Återställs kanalen fortsätter det.',
    ]);

    const job = reminders();
    clock.set('2020-10-22T10:00:00Z');
    await job.tick();
    expect(connector.proactive(SSG)).to.have.length(0);

    await harness!.post(teamsEvent('channelRestored', { id: SSG, name: 'SSG Jönköping' }));
    // Thursday 29 October, 12:30 in Stockholm (winter time now): half an hour into the agenda hour.
    clock.set('2020-10-29T11:30:00Z');
    await job.tick();
    expect(connector.proactive(SSG)).to.have.length(1);
    expect(
      (await store.audit.read())
        .filter((r) => r.action === 'meeting.changed' && r.via === 'system')
        .map((r) => r.detail),
    ).to.deep.equal(['channelRenamed', 'channelDeleted', 'channelRestored']);
    expect(connector.proactive('a:chat-29:sam')).to.have.length(1);
    await harness!.post(personal(SAM, '/historik'));
    const history = repliesIn('a:chat-29:sam');
    expect(history).to.include('mötet följde kanalens nya namn (SSG → SSG Jönköping)');
    expect(history).to.include('avslutade mötet (kanalen togs bort i Teams)');
    expect(history).to.include('startade mötet igen (kanalen återställdes i Teams)');
  });

  it('/möte in an archived team is held (no agenda card, the coordinator told); unarchived it goes on', async () => {
    const { clock, reminders, store } = await setup('2020-10-21T10:00:00Z');
    await harness!.post(personal(SAM, 'hej'));
    await harness!.post(inChannel(SAM, '/möte torsdag 13:00 torsdagsmöte'));
    expect(await harness!.post(teamsEvent('teamArchived'))).to.equal(200);
    expect(store.meetings.forConversation(SSG)?.held?.reason).to.equal('teamArchived');
    expect(connector.proactive('a:chat-29:sam').map((r) => r.activity.text)).to.deep.equal([
      'Teamet som kanalen SSG hör till arkiverades i Teams – mötet Torsdagsmöte Öxnehaga där är pausat (ingen dagordning läggs ut). Det fortsätter när teamet tas ur arkivet.',
    ]);

    const job = reminders();
    clock.set('2020-10-22T10:00:00Z');
    await job.tick();
    expect(connector.proactive(SSG)).to.have.length(0);

    await harness!.post(teamsEvent('teamUnarchived'));
    expect(store.meetings.forConversation(SSG)?.held).to.equal(undefined);
    clock.set('2020-10-22T10:30:00Z');
    await job.tick();
    expect(connector.proactive(SSG)).to.have.length(1);
    expect(
      (await store.audit.read())
        .filter((r) => r.action === 'meeting.changed' && r.via === 'system')
        .map((r) => r.detail),
    ).to.deep.equal(['teamArchived', 'teamUnarchived']);
  });

  it('a team deleted ends its meetings; one set before the team was stored is reached only in the General channel', async () => {
    const { store } = await setup('2020-10-21T10:00:00Z');
    await harness!.post(inChannel(SAM, '/möte torsdag 13:00 torsdagsmöte'));
    // Two meetings as stored before meetings kept their team: in another channel, and in the General one.
    const { id: _id, teamId: _teamId, ...before } = store.meetings.forConversation(SSG)!;
    const OLD = '19:old@thread.tacv2';
    await store.meetings.set({ ...before, conversationId: OLD }, () => 'old-channel', setupAudit('meeting.changed'));
    await store.meetings.set({ ...before, conversationId: TEAM }, () => 'old-general', setupAudit('meeting.changed'));
    expect(store.meetings.forConversation(OLD)?.teamId).to.equal(undefined);
    await harness!.post(teamsEvent('teamDeleted'));
    expect(store.meetings.forConversation(SSG)?.ended?.reason).to.equal('teamDeleted');
    expect(store.meetings.forConversation(TEAM)?.ended?.reason).to.equal('teamDeleted');
    expect(store.meetings.forConversation(OLD)?.ended).to.equal(undefined);
  });
});
