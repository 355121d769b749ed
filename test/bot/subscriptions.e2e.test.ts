// End to end over HTTP: Teams-shaped activities into the real server and bot, out to a fake
// connector. Welcome card once per installation, the one-click subscribe, removal, and the weekly
// card posted as a new message in the channel; one test in real time with the croner ticker.
import { fileStorePort } from '../../src/store/filePort.js';
import { expect } from 'chai';
import { createConnectorNotifier } from '../../src/channel/connectorNotifier.js';
import { startTicker } from '../../src/scheduler/ticker.js';
import { WeeklySummaries } from '../../src/scheduler/weeklySummaries.js';
import { MemoryStorage } from '../../src/store/storage.js';
import { BOT, channelActivity, mention, startBot, TEAM, type Harness } from '../support/botHarness.js';
import { cardsOf, FakeConnector } from '../support/fakeConnector.js';
import { CapturingLogger, FakeClock, addAgreementFor, openStore } from '../support/fakes.js';

const SSG = '19:ssg@thread.tacv2';
const THREAD = `${SSG};messageid=1699999999999`;

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

function textsTo(conversationId: string): string[] {
  return connector.replies(conversationId).map((r) => r.activity.text ?? '');
}

describe('subscriptions end to end (HTTP, fake connector)', () => {
  it('welcomes with a card once per installation, whose button subscribes the channel', async () => {
    const store = await openStore();
    harness = await startBot(store, new FakeClock('2026-11-25T09:00:00Z'));
    const added = channelActivity(connector, SSG, { type: 'conversationUpdate', membersAdded: [BOT] });
    expect(await harness.post(added)).to.equal(200);
    // Teams also sends installationUpdate for the same installation: no second welcome.
    expect(await harness.post(channelActivity(connector, SSG, { type: 'installationUpdate', action: 'add' }))).to.equal(
      200,
    );

    const welcomes = connector.requests.filter((r) => r.conversationId === SSG);
    expect(welcomes).to.have.length(1);
    const [welcomeCard] = cardsOf(welcomes[0]!);
    expect(JSON.stringify(welcomeCard?.content.body)).to.include('/logga krogtillsyn');
    const button = welcomeCard?.content.actions?.[0];
    expect(button).to.deep.include({ type: 'Action.Submit' });
    expect(button?.data).to.deep.equal({ verb: 'subscribe', weekday: 4, time: '07:30' });

    // The click arrives in the card's thread; the subscription is for the channel.
    expect(await harness.post(channelActivity(connector, THREAD, { value: button?.data, text: undefined }))).to.equal(
      200,
    );
    expect(textsTo(THREAD).join('\n')).to.include(
      'Klart! Den här kanalen får veckosammanfattningen varje torsdag kl. 07:30.',
    );
    const s = store.subscriptions.forConversation(SSG);
    expect(s).to.deep.include({
      conversationKind: 'channel',
      conversationName: 'SSG',
      teamId: TEAM,
      tenantId: 'tenant-1',
    });
    expect((s?.reference as { conversation: { id: string } }).conversation.id).to.equal(SSG);
  });

  it('a member joining is not the bot being added: no welcome', async () => {
    harness = await startBot(await openStore(), new FakeClock('2026-11-25T09:00:00Z'));
    await harness.post(
      channelActivity(connector, SSG, { type: 'conversationUpdate', membersAdded: [{ id: '29:new-person' }] }),
    );
    expect(connector.requests).to.have.length(0);
  });

  it('removing the bot from the team ends the subscriptions of its channels', async () => {
    const store = await openStore();
    harness = await startBot(store, new FakeClock('2026-11-25T09:00:00Z'));
    await harness.post(mention(connector, THREAD, '/prenumerera'));
    await harness.post(mention(connector, '19:other@thread.tacv2', '/prenumerera måndag 08:00'));
    expect(store.subscriptions.active()).to.have.length(2);
    await harness.post(
      channelActivity(connector, '19:general@thread.tacv2', { type: 'installationUpdate', action: 'remove' }),
    );
    expect(store.subscriptions.active()).to.deep.equal([]);
    expect(store.subscriptions.all().map((x) => x.ended?.reason)).to.deep.equal(['uninstalled', 'uninstalled']);
  });

  it('/prenumerera from a thread, then the weekly card arrives as a new post in the channel', async () => {
    const store = await openStore();
    await addAgreementFor(store, 2026);
    const clock = new FakeClock('2026-11-25T09:00:00Z');
    harness = await startBot(store, clock);
    await harness.post(mention(connector, THREAD, '/prenumerera torsdag 07:30'));
    expect(textsTo(THREAD).join('\n')).to.include('Nästa: torsdag 26 november 2026 kl. 07:30.');

    const summaries = new WeeklySummaries({
      port: fileStorePort(store),
      clock,
      notifier: createConnectorNotifier(),
      logger: new CapturingLogger(),
    });
    clock.set('2026-11-26T06:30:00Z');
    await summaries.tick();
    const posted = connector.proactive();
    expect(posted).to.have.length(1);
    expect(posted[0]?.conversationId).to.equal(SSG);
    expect(posted[0]?.activity.from).to.deep.include({ id: BOT.id });
    expect(cardsOf(posted[0]!)).to.have.length.at.least(1);

    await harness.post(mention(connector, THREAD, '/avprenumerera'));
    expect(textsTo(THREAD).join('\n')).to.include('får inte längre veckosammanfattningen');
  });

  it('real time: subscribed for the coming minute, the card arrives once, on the croner tick', async function () {
    this.timeout(15_000);
    // A clock running at real speed from Wednesday 25 November 2026 10:59:56 Stockholm time (set
    // just before subscribing), so "the coming minute" is four seconds away and the test does not
    // depend on today's date.
    const fakeStart = Date.parse('2026-11-25T09:59:56Z');
    let realStart = Date.now();
    const clock = { now: () => new Date(fakeStart + (Date.now() - realStart)) };
    const store = await openStore(new MemoryStorage());
    await addAgreementFor(store, 2026);
    harness = await startBot(store, clock);
    realStart = Date.now();
    await harness.post(mention(connector, SSG, '/prenumerera idag 11:00'));
    expect(textsTo(SSG).join('\n')).to.include('Nästa: onsdag 25 november 2026 kl. 11:00.');

    const ticker = startTicker(
      new WeeklySummaries({
        port: fileStorePort(store),
        clock,
        notifier: createConnectorNotifier(),
        logger: new CapturingLogger(),
      }),
      {
        everySeconds: 1,
        logger: new CapturingLogger(),
      },
    );
    try {
      const deadline = Date.now() + 10_000;
      while (connector.proactive(SSG).length === 0 && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 50));
      const [first] = connector.proactive(SSG);
      expect(first, 'no weekly card within 10 s').to.not.equal(undefined);
      expect(cardsOf(first!)).to.have.length.at.least(1);
      expect(clock.now().getTime()).to.be.at.least(Date.parse('2026-11-25T10:00:00Z'));
      // Two more ticks: still one.
      await new Promise((r) => setTimeout(r, 2_100));
      expect(connector.proactive(SSG)).to.have.length(1);
      expect(store.subscriptions.forConversation(SSG)?.lastSentWeek).to.equal('2026-W48');
    } finally {
      ticker.stop();
    }
  });
});
