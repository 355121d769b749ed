// One conversation suite, run against each bot SDK (BOT_SDK=botbuilder and BOT_SDK=agents): the real
// HTTP server and the chosen SDK's adapter in-process, Teams-shaped activities in, and what a user
// would see read from a fake Bot Connector. Both bots must pass the same tests.
import { fileStorePort } from '../../src/store/filePort.js';
import { expect } from 'chai';
import type { BotSdk } from '../../src/channel/runtime.js';
import { WeeklySummaries } from '../../src/scheduler/weeklySummaries.js';
import type { Store } from '../../src/store/store.js';
import { BOT, channelActivity, mention, startBot, TEAM, TENANT, type Harness } from '../support/botHarness.js';
import { cardsOf, FakeConnector, type ConnectorRequest } from '../support/fakeConnector.js';
import { CapturingLogger, FakeClock, openStore } from '../support/fakes.js';
import { submitActions } from '../support/harness.js';

const SSG = '19:ssg@thread.tacv2';
const THREAD = `${SSG};messageid=1699999999999`;
const PERSONAL = 'a:personal-anna';

let seq = 0;

/** A personal-chat message (or card submit) from Anna, as Teams delivers it. */
function personal(connector: FakeConnector, over: Record<string, unknown>): Record<string, unknown> {
  return {
    type: 'message',
    id: `f:${++seq}`,
    timestamp: new Date().toISOString(),
    channelId: 'msteams',
    serviceUrl: connector.url,
    from: { id: '29:anna', name: 'Anna Andersson', aadObjectId: 'aad-anna' },
    recipient: BOT,
    conversation: { id: PERSONAL, conversationType: 'personal', tenantId: TENANT },
    channelData: { tenant: { id: TENANT } },
    ...over,
  };
}

/** Everything a request shows a user: its text and its cards' JSON. */
function shown(requests: ConnectorRequest[]): string {
  return requests
    .map((r) => [r.activity.text ?? '', JSON.stringify(cardsOf(r).map((c) => c.content))].join('\n'))
    .join('\n---\n');
}

function active(store: Store) {
  return store.entries('jonkoping-2020').filter((e) => !e.removed);
}

for (const sdk of ['botbuilder', 'agents'] as const satisfies readonly BotSdk[]) {
  describe(`one conversation, on ${sdk} (BOT_SDK=${sdk})`, () => {
    let connector: FakeConnector;
    let harness: Harness | undefined;
    let store: Store;
    const clock = new FakeClock('2020-06-15T08:00:00Z');

    beforeEach(async () => {
      connector = await new FakeConnector().start();
      store = await openStore();
      clock.set('2020-06-15T08:00:00Z');
    });
    afterEach(async () => {
      await harness?.close();
      harness = undefined;
      await connector.stop();
    });

    const start = async (options: { env?: Record<string, string> } = {}) => {
      harness = await startBot(store, clock, { sdk, coordinators: ['aad-anna'], ...options });
      return harness;
    };

    it('logs by text, confirms once it is stored, and answers /status', async () => {
      const bot = await start();
      const message = personal(connector, { text: '/logga gemensam krogtillsyn 2020-03-14 Öxnehaga' });
      expect(await bot.post(message)).to.equal(200);
      expect(active(store)).to.have.length(1);
      expect(active(store)[0]).to.include({
        activityId: 'gemensam-krogtillsyn',
        date: '2020-03-14',
        place: 'Öxnehaga',
      });
      const [reply] = connector.replies(PERSONAL);
      expect(reply?.replyToId).to.equal(message.id);
      expect(shown([reply!]))
        .to.include('✅ Loggat')
        .and.include('1 av 4 tillfällen');

      await bot.post(personal(connector, { text: '/status' }));
      expect(shown(connector.replies(PERSONAL).slice(1)))
        .to.include('Gemensam krogtillsyn')
        .and.include('1 av 4');
    });

    it('each answer goes to the service URL its message came from, turn after turn', async () => {
      const bot = await start();
      const other = await new FakeConnector().start();
      try {
        await bot.post(personal(connector, { text: '/status' }));
        await bot.post(personal(other, { text: '/logga gemensam krogtillsyn 2020-03-14' }));
        await bot.post(personal(connector, { text: '/status' }));
        expect(connector.replies(PERSONAL)).to.have.length(2);
        expect(shown(connector.replies(PERSONAL).slice(-1))).to.include('1 av 4');
        expect(other.replies(PERSONAL)).to.have.length(1);
        expect(shown(other.replies(PERSONAL))).to.include('✅ Loggat');
      } finally {
        await other.stop();
      }
    });
    it('the ambiguity card: nothing logged until a click, the click replaces the card, a second click logs nothing', async () => {
      const bot = await start();
      await bot.post(personal(connector, { text: '/logga krogtillsyn 2020-05-01' }));
      expect(active(store)).to.have.length(0);
      const [choice] = connector.replies(PERSONAL);
      const candidates = submitActions(cardsOf(choice!)[0]?.content);
      expect(candidates.map((c) => c.activityId)).to.have.members(['gemensam-krogtillsyn', 'krogtillsyn-natthelger']);

      // Teams names the card's message (the id the connector gave it) as replyToId of the submit.
      const cardMessageId = 'activity-1';
      const joint = candidates.find((c) => c.activityId === 'gemensam-krogtillsyn');
      expect(await bot.post(personal(connector, { value: joint, replyToId: cardMessageId }))).to.equal(200);
      expect(active(store)).to.have.length(1);
      const [replaced] = connector.updates(PERSONAL);
      expect(replaced?.updatedId).to.equal(cardMessageId);
      expect(shown([replaced!]))
        .to.include('Gemensam krogtillsyn')
        .and.include('1 av 4');

      await bot.post(personal(connector, { value: joint, replyToId: cardMessageId }));
      expect(active(store)).to.have.length(1);
      expect(shown(connector.requests.slice(-1))).to.include('redan loggat');
    });

    it('a correction in words right after a log changes it, and a pasted line break stays in the note', async () => {
      const bot = await start();
      await bot.post(
        personal(connector, { text: '/logga gemensam krogtillsyn igår lokal Kungsgatan\r\n12 boende kom' }),
      );
      clock.set('2020-06-15T08:05:00Z');
      expect(await bot.post(personal(connector, { text: 'nej det var i fredags' }))).to.equal(200);
      expect(shown(connector.replies(PERSONAL).slice(1))).to.include('✏️ Ändrat');
      expect(active(store)).to.have.length(1);
      expect(active(store)[0]).to.include({ date: '2020-06-12', note: 'lokal Kungsgatan\n12 boende kom' });
      expect(active(store)[0]?.history?.map((c) => c.reason)).to.deep.equal(['edit']);
    });

    it('the log form: a submit stores the entry and the form becomes its confirmation', async () => {
      const bot = await start();
      await bot.post(personal(connector, { text: '/logga' }));
      const [form] = connector.replies(PERSONAL);
      const [submit] = submitActions(cardsOf(form!)[0]?.content);
      expect(submit?.verb).to.equal('log.form');
      const values = {
        ...submit,
        activityId: 'sig',
        date: '2020-06-01',
        place: 'Öxnehaga',
        otherPlace: '',
        count: '2',
        note: 'Lugn',
      };
      await bot.post(personal(connector, { value: values, replyToId: 'activity-1' }));
      expect(active(store)).to.have.length(1);
      expect(active(store)[0]).to.include({ activityId: 'sig', count: 2, note: 'Lugn' });
      const [replaced] = connector.updates(PERSONAL);
      expect(replaced?.updatedId).to.equal('activity-1');
      expect(shown([replaced!]))
        .to.include('✅ Loggat')
        .and.include('2 av 2 ärenden');
      expect(connector.replies(PERSONAL)).to.have.length(1);
    });

    it('in a channel: the @mention is removed, the answer goes to the thread, /ångra takes it back', async () => {
      const bot = await start();
      expect(await bot.post(mention(connector, THREAD, '/logga sig 2020-05-20'))).to.equal(200);
      expect(active(store)).to.have.length(1);
      expect(active(store)[0]).to.include({ activityId: 'sig', date: '2020-05-20' });
      expect(shown(connector.replies(THREAD))).to.include('✅ Loggat');

      await bot.post(mention(connector, THREAD, '/ångra'));
      expect(active(store)).to.have.length(0);
      expect(store.entries('jonkoping-2020')[0]?.removed).to.deep.include({
        by: { id: 'aad-anna', name: 'Anna Andersson' },
      });
    });

    it('a message Teams delivers twice is stored once', async () => {
      const bot = await start();
      const message = personal(connector, { text: '/logga sig 2020-05-20' });
      expect(await bot.post(message)).to.equal(200);
      expect(await bot.post(message)).to.equal(200);
      expect(active(store)).to.have.length(1);
      expect(connector.replies(PERSONAL)).to.have.length(2);
    });

    it('a deletion or an edit Teams delivers twice is answered once (the redelivery cache, as the bot runs)', async () => {
      const bot = await startBot(store, clock, { sdk, redeliveryCache: true });
      harness = bot;
      const message = personal(connector, { text: '/logga sig 2020-05-20' });
      await bot.post(message);
      const edit = personal(connector, {
        type: 'messageUpdate',
        id: message.id,
        text: '/logga sig 2020-05-21',
        channelData: { eventType: 'editMessage', tenant: { id: TENANT } },
      });
      expect(await bot.post(edit)).to.equal(200);
      expect(await bot.post(edit)).to.equal(200);
      const deletion = personal(connector, {
        type: 'messageDelete',
        id: message.id,
        channelData: { eventType: 'softDeleteMessage', tenant: { id: TENANT } },
      });
      expect(await bot.post(deletion)).to.equal(200);
      expect(await bot.post(deletion)).to.equal(200);
      const said = connector.replies(PERSONAL).map((r) => shown([r]));
      expect(said.filter((t) => t.includes('✏️ Ändrat'))).to.have.length(1);
      expect(said.filter((t) => t.includes('Meddelandet togs bort'))).to.have.length(1);
      expect(active(store)).to.have.length(0);
    });

    it('a /logga message edited in Teams changes its entry; deleted, removes it with Behåll insatsen', async () => {
      const bot = await start();
      const message = personal(connector, { text: '/logga sig 2020-05-20' });
      await bot.post(message);
      expect(active(store)).to.have.length(1);
      const edit = personal(connector, {
        type: 'messageUpdate',
        id: message.id,
        text: '/logga sig 2020-05-21 2 st',
        channelData: { eventType: 'editMessage', tenant: { id: TENANT } },
      });
      expect(await bot.post(edit)).to.equal(200);
      expect(active(store)).to.have.length(1);
      expect(active(store)[0]).to.include({ date: '2020-05-21', count: 2 });
      expect(active(store)[0]?.history?.[0]?.reason).to.equal('messageEdited');
      expect(shown(connector.replies(PERSONAL).slice(-1)))
        .to.include('✏️ Ändrat')
        .and.include('21 maj 2020');

      const deletion = personal(connector, {
        type: 'messageDelete',
        id: message.id,
        channelData: { eventType: 'softDeleteMessage', tenant: { id: TENANT } },
      });
      expect(await bot.post(deletion)).to.equal(200);
      expect(active(store)).to.have.length(0);
      expect(store.entries('jonkoping-2020')[0]?.removed?.reason).to.equal('messageDeleted');
      expect(shown(connector.replies(PERSONAL).slice(-1)))
        .to.include('Meddelandet togs bort')
        .and.include('Behåll insatsen');
      // Delivered again: nothing more is removed or audited.
      expect(await bot.post(deletion)).to.equal(200);
      expect((await store.audit.read()).filter((r) => r.action === 'entry.removed')).to.have.length(1);

      const restored = personal(connector, {
        type: 'messageUpdate',
        id: message.id,
        text: '/logga sig 2020-05-21 2 st',
        channelData: { eventType: 'undeleteMessage', tenant: { id: TENANT } },
      });
      expect(await bot.post(restored)).to.equal(200);
      expect(active(store)).to.have.length(1);
      expect(shown(connector.replies(PERSONAL).slice(-1))).to.include('Insatsen räknas igen');
    });

    it('in a channel, an edited @mention log follows; an edit or deletion of a message that logged nothing is quiet', async () => {
      const bot = await start();
      const logged = mention(connector, THREAD, '/logga sig 2020-05-20');
      await bot.post(logged);
      const edited = {
        ...logged,
        type: 'messageUpdate',
        text: String(logged.text).replace('2020-05-20', '2020-05-22'),
        channelData: { ...(logged.channelData as object), eventType: 'editMessage' },
      };
      expect(await bot.post(edited)).to.equal(200);
      expect(active(store)[0]).to.include({ date: '2020-05-22' });
      expect(shown(connector.replies(THREAD).slice(-1))).to.include('✏️ Ändrat');

      const status = mention(connector, THREAD, '/status');
      await bot.post(status);
      const before = connector.requests.length;
      await bot.post({
        ...status,
        type: 'messageUpdate',
        channelData: { ...(status.channelData as object), eventType: 'editMessage' },
      });
      await bot.post({
        ...status,
        type: 'messageDelete',
        text: undefined,
        channelData: { ...(status.channelData as object), eventType: 'softDeleteMessage' },
      });
      expect(connector.requests.length).to.equal(before);
    });

    it('welcome, /prenumerera in a channel, and the weekly card as a new post through the fake connector', async () => {
      const bot = await start();
      await bot.post(channelActivity(connector, SSG, { type: 'conversationUpdate', membersAdded: [BOT] }));
      expect(shown(connector.requests.filter((r) => r.conversationId === SSG))).to.include('/logga krogtillsyn');

      await bot.post(mention(connector, THREAD, '/prenumerera måndag 08:00'));
      expect(shown(connector.replies(THREAD))).to.include('måndag kl. 08:00');
      const subscription = store.subscriptions.forConversation(SSG);
      expect(subscription?.teamId).to.equal(TEAM);
      expect(subscription?.reference).to.deep.include({ version: 2, serviceUrl: connector.url });

      const summaries = new WeeklySummaries({
        port: fileStorePort(store),
        clock,
        notifier: bot.notifier,
        logger: new CapturingLogger(),
      });
      clock.set('2020-06-22T06:00:30Z'); // Monday 08:00:30 in Stockholm
      await summaries.tick();
      const posted = connector.proactive(SSG);
      expect(posted).to.have.length(1); // the welcome was the answer to conversationUpdate
      const weekly = posted[0]!;
      expect(weekly.activity.from).to.deep.include({ id: BOT.id });
      expect(cardsOf(weekly)).to.have.length.at.least(1);
      expect(store.subscriptions.forConversation(SSG)?.lastSentWeek).to.equal('2020-W26');
    });

    it('Teams channel events reach the subscription: renamed follows the name, archived waits, deleted ends', async () => {
      const bot = await start();
      await bot.post(mention(connector, THREAD, '/prenumerera'));
      expect(store.subscriptions.forConversation(SSG)?.conversationName).to.equal('SSG');
      const teamEvent = (eventType: string, channel: Record<string, unknown> = {}) =>
        channelActivity(connector, TEAM, {
          type: 'conversationUpdate',
          channelData: { eventType, tenant: { id: TENANT }, team: { id: TEAM, name: 'Polisen' }, channel },
        });
      expect(await bot.post(teamEvent('channelRenamed', { id: SSG, name: 'SSG Jönköping' }))).to.equal(200);
      expect(store.subscriptions.forConversation(SSG)?.conversationName).to.equal('SSG Jönköping');
      expect(await bot.post(teamEvent('teamArchived'))).to.equal(200);
      expect(store.subscriptions.forConversation(SSG)?.held?.reason).to.equal('teamArchived');
      expect(await bot.post(teamEvent('teamUnarchived'))).to.equal(200);
      expect(store.subscriptions.forConversation(SSG)?.held).to.equal(undefined);
      expect(await bot.post(teamEvent('channelDeleted', { id: SSG, name: 'SSG Jönköping' }))).to.equal(200);
      expect(store.subscriptions.forConversation(SSG)?.ended?.reason).to.equal('channelDeleted');
      expect((await store.audit.read()).filter((r) => r.via === 'system').map((r) => r.detail)).to.include.members([
        'channelRenamed',
        'teamArchived',
        'teamUnarchived',
        'channelDeleted',
      ]);
      // None of these is answered in the channel.
      expect(connector.requests.filter((r) => r.conversationId === TEAM)).to.have.length(0);
    });

    it('an unhandled invoke is acknowledged with 200, not an error', async () => {
      const bot = await start();
      const answer = await bot.exchange(personal(connector, { type: 'invoke', name: 'some/thing', value: {} }));
      expect(answer.status).to.equal(200);
    });

    it('expectReplies: the answers come back in the HTTP response', async () => {
      const bot = await start();
      const answer = await bot.exchange(personal(connector, { text: '/hjälp', deliveryMode: 'expectReplies' }));
      expect(answer.status).to.equal(200);
      expect(JSON.stringify(answer.body)).to.include('/logga');
      expect(connector.requests).to.have.length(0);
    });

    it('with MicrosoftAppId set: 401 without a token or with a forged one, and nothing reaches the bot', async () => {
      const bot = await start({
        env: { MicrosoftAppId: '00000000-0000-0000-0000-000000000001', MicrosoftAppPassword: 'x' },
      });
      const message = personal(connector, { text: '/logga sig 2020-05-20' });
      expect(await bot.post(message)).to.equal(401);
      expect(await bot.post(message, { authorization: 'Bearer not.a.token' })).to.equal(401);
      expect(await bot.post(message, { authorization: 'Basic abc' })).to.equal(401);
      expect(active(store)).to.have.length(0);
      expect(connector.requests).to.have.length(0);
    });
  });
}
