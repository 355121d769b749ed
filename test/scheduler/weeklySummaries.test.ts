// The weekly summary job against a fake Bot Connector on loopback, with an injected clock and a
// sleep that moves that clock: each rule of the issue, proved on what the connector received and
// what the store holds.
import { expect } from 'chai';
import { fileStorePort } from '../../src/store/filePort.js';
import type { Adapter } from 'lowdb';
import { createConnectorNotifier } from '../../src/channel/connectorNotifier.js';
import type { Schedule } from '../../src/domain/schedule.js';
import { WeeklySummaries, type WeeklySummaryDeps } from '../../src/scheduler/weeklySummaries.js';
import { MemoryStorage, type Storage, type StoredDocument } from '../../src/store/storage.js';
import type { Store } from '../../src/store/store.js';
import { cardsOf, FakeConnector } from '../support/fakeConnector.js';
import { cardTexts } from '../support/cardsHarness.js';
import { haboInput } from '../support/areasHarness.js';
import { CapturingLogger, FakeClock, fakeSleep, newId, openStore, referenceFor, turnInput } from '../support/fakes.js';
import { setupAudit } from '../support/audit.js';
import { testBot } from '../support/testBot.js';

// Week 11 of 2020 (the bundled 2020 agreement is running): Thursday 12 March, 07:30 CET = 06:30Z.
const MONDAY = '2020-03-09T08:00:00Z';
const DUE = '2020-03-12T06:30:00.000Z';
const THURSDAY: Schedule = { weekday: 4, time: '07:30' };

let connector: FakeConnector;

beforeEach(async () => {
  connector = await new FakeConnector().start();
});
afterEach(async () => {
  await connector.stop();
});

// A loaded machine can take longer than the hang test's 300 ms to answer a send; a real answer that
// arrives after the timeout would be retried and delivered twice, so only that test waits so little.
async function setup(options: { storage?: Storage; deps?: Partial<WeeklySummaryDeps>; timeoutMs?: number } = {}) {
  const storage = options.storage ?? new MemoryStorage();
  const store = await openStore(storage);
  const clock = new FakeClock(MONDAY);
  const { sleep, waits } = fakeSleep(clock);
  const logger = new CapturingLogger();
  const make = (s: Store) =>
    new WeeklySummaries({
      port: fileStorePort(s),
      clock,
      notifier: createConnectorNotifier({ timeoutMs: options.timeoutMs ?? 10_000 }),
      logger,
      sleep,
      random: () => 0.5,
      ...options.deps,
    });
  const summaries = make(store);
  const subscribe = async (conversationId: string, schedule: Schedule = THURSDAY) =>
    (
      await store.subscriptions.subscribe(
        {
          conversation: { id: conversationId, kind: 'channel', tenantId: 'tenant-1' },
          reference: referenceFor(connector.url, conversationId),
          schedule,
          by: { id: 'aad-anna', name: 'Anna' },
          at: clock.now(),
          newId,
        },
        setupAudit(),
      )
    ).subscription;
  return { storage, store, clock, waits, logger, summaries, subscribe, make };
}

describe('WeeklySummaries (fake connector, injected clock)', () => {
  it('sends each due subscription one new message with a card, to its own conversation, and records the week', async () => {
    const { store, clock, summaries, subscribe } = await setup();
    for (const id of ['19:a@thread.tacv2', '19:b@thread.tacv2', '19:c@thread.tacv2']) await subscribe(id);

    clock.set('2020-03-12T06:29:59Z');
    expect(await summaries.tick()).to.deep.equal([]);
    expect(connector.requests).to.have.length(0);

    clock.set(DUE);
    const reports = await summaries.tick();
    expect(reports.map((r) => r.outcome)).to.deep.equal(['sent', 'sent', 'sent']);
    for (const id of ['19:a@thread.tacv2', '19:b@thread.tacv2', '19:c@thread.tacv2']) {
      const posted = connector.proactive(id);
      expect(posted, id).to.have.length(1);
      expect(posted[0]?.path).to.equal(`/v3/conversations/${encodeURIComponent(id)}/activities`);
      expect(cardsOf(posted[0]!)).to.have.length.at.least(1);
      expect(posted[0]?.activity.type).to.equal('message');
      expect(posted[0]?.authorization, 'no token in local mode').to.equal(undefined);
      expect(store.subscriptions.forConversation(id)?.lastSentWeek).to.equal('2020-W11');
    }

    // Later ticks in the same week send nothing more.
    for (const t of ['2020-03-12T06:30:10Z', '2020-03-13T12:00:00Z', '2020-03-15T22:59:59Z']) {
      clock.set(t);
      expect(await summaries.tick()).to.deep.equal([]);
    }
    expect(connector.proactive()).to.have.length(3);

    // Next week, once again each.
    clock.set('2020-03-19T06:30:00Z');
    await summaries.tick();
    expect(connector.proactive()).to.have.length(6);
  });

  it('paces the sends of one tenant through the pacer: slots 1/30 s apart', async () => {
    // A sleep that leaves the clock alone: each waits from the same instant for its own slot.
    const waits: number[] = [];
    const { clock, summaries, subscribe } = await setup({ deps: { sleep: async (ms) => void waits.push(ms) } });
    for (const id of ['19:a', '19:b', '19:c']) await subscribe(id);
    clock.set(DUE);
    await summaries.tick();
    expect(waits).to.deep.equal([34, 68]);
    expect(connector.proactive()).to.have.length(3);
  });

  it('429 with Retry-After: waits that long, then one message is delivered and recorded', async () => {
    const { store, clock, summaries, subscribe, waits, logger } = await setup();
    await subscribe('19:a');
    await subscribe('19:b');
    connector.script((r) =>
      r.conversationId === '19:b' && connector.proactive('19:b').length === 0
        ? { status: 429, headers: { 'retry-after': '3' } }
        : undefined,
    );
    clock.set(DUE);
    const reports = await summaries.tick();
    expect(reports.find((r) => r.conversationId === '19:b')).to.deep.include({ outcome: 'sent', attempts: 2 });
    expect(connector.proactive('19:b').map((r) => r.status)).to.deep.equal([429, 200]);
    expect(connector.proactive('19:a').map((r) => r.status)).to.deep.equal([200]);
    expect(waits).to.include(3000);
    expect(store.subscriptions.forConversation('19:b')?.lastSentWeek).to.equal('2020-W11');
    expect(logger.lines.some((l) => l.level === 'warn' && l.msg?.includes('429'))).to.equal(true);
  });

  it('429 without Retry-After: exponential backoff with jitter', async () => {
    const { clock, summaries, subscribe, waits } = await setup();
    await subscribe('19:a');
    let throttle = 2;
    connector.script(() => (throttle-- > 0 ? { status: 429 } : undefined));
    clock.set(DUE);
    await summaries.tick();
    expect(connector.proactive('19:a').map((r) => r.status)).to.deep.equal([429, 429, 200]);
    // random() = 0.5: 1 s step → 750 ms, 2 s step → 1500 ms.
    expect(waits).to.deep.equal([750, 1500]);
  });

  it('500 then 200: retried and delivered once', async () => {
    const { store, clock, summaries, subscribe } = await setup();
    await subscribe('19:a');
    let fail = 1;
    connector.script(() => (fail-- > 0 ? { status: 500 } : undefined));
    clock.set(DUE);
    await summaries.tick();
    expect(connector.proactive('19:a').map((r) => r.status)).to.deep.equal([500, 200]);
    expect(store.subscriptions.forConversation('19:a')?.lastSentWeek).to.equal('2020-W11');
  });

  it('no answer (timeout): retried and delivered once', async () => {
    const { clock, summaries, subscribe } = await setup({ timeoutMs: 300 });
    await subscribe('19:a');
    let hang = 1;
    connector.script(() => (hang-- > 0 ? { status: 200, hang: true } : undefined));
    clock.set(DUE);
    const [report] = await summaries.tick();
    expect(report).to.deep.include({ outcome: 'sent', attempts: 2 });
    expect(connector.proactive('19:a').map((r) => r.status)).to.deep.equal([0, 200]);
  });

  it('500 for ever: gives up without recording, and a later tick in the same week delivers', async () => {
    const { store, clock, summaries, subscribe, logger } = await setup({ deps: { cooldownMs: 15 * 60_000 } });
    await subscribe('19:a');
    let down = true;
    connector.script(() => (down ? { status: 500 } : undefined));
    clock.set(DUE);
    const [report] = await summaries.tick();
    expect(report).to.deep.include({ outcome: 'failed', attempts: 6, status: 500 });
    expect(store.subscriptions.forConversation('19:a')?.lastSentWeek).to.equal(undefined);
    expect(logger.lines.some((l) => l.level === 'error' && l.msg?.includes('not delivered'))).to.equal(true);

    down = false;
    expect(await summaries.tick(), 'cooling down').to.deep.equal([]);
    clock.advance(15 * 60_000);
    const [later] = await summaries.tick();
    expect(later).to.deep.include({ outcome: 'sent', week: '2020-W11' });
    expect(connector.proactive('19:a').filter((r) => r.status === 200)).to.have.length(1);
  });

  it('403 BotDisabledByAdmin pauses the week instead of ending it, /prenumerationer says why, and the next week is sent by itself', async () => {
    const { store, clock, summaries, subscribe } = await setup();
    const id = '19:ssg@thread.tacv2';
    await subscribe(id);
    connector.script(() => ({
      status: 403,
      body: { error: { code: 'BotDisabledByAdmin', message: 'The bot is disabled.' } },
    }));
    clock.set(DUE);
    const [report] = await summaries.tick();
    expect(report).to.deep.include({ outcome: 'paused', attempts: 1, status: 403 });
    const paused = store.subscriptions.forConversation(id);
    expect(paused?.ended).to.equal(undefined);
    expect(paused?.paused).to.deep.include({ week: '2020-W11', code: 'BotDisabledByAdmin' });

    const { app } = await testBot({ store, clock, backend: 'file', newId });
    const listed = (await app.handle(turnInput('/prenumerationer')))
      .map((r) => (r.kind === 'text' ? r.text : ''))
      .join();
    expect(listed).to.include(
      'Pausad vecka 11: en administratör har stängt av boten i Teams. Nästa vecka försöker jag igen av mig själv.',
    );

    clock.advance(3600_000);
    expect(await summaries.tick()).to.deep.equal([]);
    expect(connector.proactive(id)).to.have.length(1);

    connector.script(() => undefined);
    clock.set('2020-03-19T06:30:00.000Z');
    const [next] = await summaries.tick();
    expect(next).to.deep.include({ outcome: 'sent', week: '2020-W12' });
    expect(connector.proactive(id)).to.have.length(2);
    expect(store.subscriptions.forConversation(id)?.paused).to.equal(undefined);
    expect((await store.audit.read()).map((r) => r.action)).to.include.members([
      'subscription.paused',
      'subscription.resumed',
    ]);
  });

  it('an app policy 403 pauses too; any other 403 ends the subscription', async () => {
    const { store, clock, summaries, subscribe } = await setup();
    await subscribe('19:policy');
    await subscribe('19:removed');
    connector.script((r) =>
      r.path.includes('policy')
        ? { status: 403, body: { error: { code: 'TenantAppPolicyBlocked' } } }
        : { status: 403, body: { error: { code: 'BotNotInConversationRoster' } } },
    );
    clock.set(DUE);
    const reports = await summaries.tick();
    expect(reports.map((r) => [r.conversationId, r.outcome]).sort()).to.deep.equal([
      ['19:policy', 'paused'],
      ['19:removed', 'gone'],
    ]);
    expect(store.subscriptions.forConversation('19:policy')?.paused?.code).to.equal('AppPolicy');
  });

  for (const status of [403, 404]) {
    it(`${status}: the subscription is ended as unreachable and logged, without a retry`, async () => {
      const { store, clock, summaries, subscribe, logger } = await setup();
      await subscribe('19:gone');
      connector.script(() => ({ status, body: { error: { code: 'BotNotInConversationRoster' } } }));
      clock.set(DUE);
      const [report] = await summaries.tick();
      expect(report).to.deep.include({ outcome: 'gone', attempts: 1, status });
      expect(connector.proactive('19:gone')).to.have.length(1);
      const s = store.subscriptions.forConversation('19:gone');
      expect(s?.ended?.reason).to.equal('unreachable');
      expect(s?.ended?.detail).to.include(`HTTP ${status}`);
      expect(store.subscriptions.active()).to.deep.equal([]);
      expect(
        logger.lines.some(
          (l) => l.level === 'warn' && l.obj.conversationId === '19:gone' && l.msg?.includes('subscription ended'),
        ),
      ).to.equal(true);
      clock.advance(3600_000);
      expect(await summaries.tick()).to.deep.equal([]);
    });
  }

  it('after a restart, a week already sent is not sent again', async () => {
    const { storage, clock, summaries, subscribe, make } = await setup();
    await subscribe('19:a');
    clock.set(DUE);
    await summaries.tick();
    const restarted = make(await openStore(storage));
    clock.set('2020-03-12T06:31:00Z');
    expect(await restarted.tick()).to.deep.equal([]);
    expect(connector.proactive('19:a')).to.have.length(1);
  });

  it('catches up once after a start later in the same ISO week, and not in the next week', async () => {
    const { storage, clock, subscribe, make } = await setup();
    await subscribe('19:down-thursday');
    await subscribe('19:down-all-week', { weekday: 1, time: '09:00' });
    // The bot was stopped on Monday before 09:00 and comes back on Saturday.
    clock.set('2020-03-14T10:00:00Z');
    const started = make(await openStore(storage));
    const reports = await started.tick();
    expect(reports.map((r) => [r.conversationId, r.outcome, r.week])).to.have.deep.members([
      ['19:down-thursday', 'sent', '2020-W11'],
      ['19:down-all-week', 'sent', '2020-W11'],
    ]);
    expect(await started.tick()).to.deep.equal([]);
    // Stopped again from Sunday to the Tuesday after: Monday 09:00 of week 12 is caught up on Tuesday,
    // but nothing is owed for week 11 any more.
    clock.set('2020-03-17T10:00:00Z');
    const again = make(await openStore(storage));
    expect((await again.tick()).map((r) => [r.conversationId, r.week])).to.deep.equal([
      ['19:down-all-week', '2020-W12'],
    ]);
    expect(connector.proactive('19:down-thursday')).to.have.length(1);
  });

  it('sends a week once within the process even when recording it failed (at-least-once only across a restart)', async () => {
    const inner = new MemoryStorage();
    let failWrites = false;
    const storage: Storage = {
      appendLog: (name) => inner.appendLog(name),
      document(name): StoredDocument {
        const doc = inner.document(name);
        const adapter: Adapter<unknown> = {
          read: () => doc.adapter.read(),
          write: (data) =>
            failWrites && name === 'subscriptions'
              ? Promise.reject(new Error('ENOSPC: no space left on device'))
              : doc.adapter.write(data),
        };
        return { label: doc.label, adapter };
      },
      journal: (name) => inner.journal(name),
    };
    const { store, clock, summaries, subscribe, logger } = await setup({ storage });
    await subscribe('19:a');
    failWrites = true;
    clock.set(DUE);
    await summaries.tick();
    expect(store.subscriptions.forConversation('19:a')?.lastSentWeek).to.equal(undefined);
    expect(logger.lines.some((l) => l.level === 'error' && l.msg?.includes('not recorded'))).to.equal(true);
    clock.advance(60_000);
    expect(await summaries.tick()).to.deep.equal([]);
    expect(connector.proactive('19:a')).to.have.length(1);
  });

  it('stops retrying when the subscription ends while it waits', async () => {
    const { store, clock, subscribe } = await setup();
    await subscribe('19:a');
    connector.script(() => ({ status: 429, headers: { 'retry-after': '5' } }));
    const summaries = new WeeklySummaries({
      port: fileStorePort(store),
      clock,
      notifier: createConnectorNotifier({ timeoutMs: 10_000 }),
      logger: new CapturingLogger(),
      random: () => 0.5,
      sleep: async (ms) => {
        clock.advance(ms);
        if (ms === 5000)
          await store.subscriptions.end(
            '19:a',
            { at: clock.now().toISOString(), reason: 'unsubscribed' },
            setupAudit('subscription.ended'),
          );
      },
    });
    clock.set(DUE);
    const [report] = await summaries.tick();
    expect(report).to.deep.include({ outcome: 'cancelled', attempts: 1 });
    expect(connector.proactive('19:a')).to.have.length(1);
  });

  it('does not start a second delivery for a subscription whose first is still retrying', async () => {
    const { clock, store, subscribe } = await setup();
    await subscribe('19:a');
    let release: () => void = () => undefined;
    const summaries = new WeeklySummaries({
      port: fileStorePort(store),
      clock,
      notifier: createConnectorNotifier({ timeoutMs: 10_000 }),
      logger: new CapturingLogger(),
      random: () => 0.5,
      sleep: (ms) => {
        clock.advance(ms);
        return new Promise((resolve) => (release = resolve));
      },
    });
    let first = true;
    connector.script(() => (first ? ((first = false), { status: 503 }) : undefined));
    clock.set(DUE);
    const running = summaries.tick();
    await new Promise((r) => setTimeout(r, 100));
    expect(await summaries.tick(), 'second tick while the first retries').to.deep.equal([]);
    release();
    expect((await running).map((r) => r.outcome)).to.deep.equal(['sent']);
    expect(connector.proactive('19:a').map((r) => r.status)).to.deep.equal([503, 200]);
  });
});

describe('WeeklySummaries: several instances on one store', () => {
  const instance = (port: ReturnType<typeof fileStorePort>, clock: FakeClock) =>
    new WeeklySummaries({
      port,
      clock,
      notifier: createConnectorNotifier({ timeoutMs: 10_000 }),
      logger: new CapturingLogger(),
      sleep: fakeSleep(clock).sleep,
      random: () => 0.5,
    });

  it('two instances ticking at the same time send each subscription one card', async () => {
    const { store, clock, subscribe } = await setup();
    const ids = ['19:a', '19:b', '19:c', '19:d'];
    for (const id of ids) await subscribe(id);
    // One port, as two processes share one database: its claims are the store's.
    const port = fileStorePort(store);
    const [a, b] = [instance(port, clock), instance(port, clock)];
    clock.set(DUE);
    const [fromA, fromB] = await Promise.all([a.tick(), b.tick()]);
    const outcomes = [...fromA, ...fromB].map((r) => r.outcome).sort();
    expect(outcomes).to.deep.equal([...ids.map(() => 'claimedElsewhere'), ...ids.map(() => 'sent')]);
    for (const id of ids) expect(connector.proactive(id), id).to.have.length(1);
    expect(store.subscriptions.all().map((s) => s.lastSentWeek)).to.deep.equal(ids.map(() => '2020-W11'));
    // Later ticks of either find nothing due.
    clock.advance(2 * 60 * 60_000);
    expect([...(await a.tick()), ...(await b.tick())]).to.deep.equal([]);
    expect(connector.proactive()).to.have.length(ids.length);
  });

  it('a week claimed by an instance that died is sent by another once the claim has lapsed (an hour)', async () => {
    const { store, clock, subscribe } = await setup();
    const subscription = await subscribe('19:a');
    const port = fileStorePort(store);
    clock.set(DUE);
    // The dead instance claimed the week and never recorded a send.
    expect(await port.subscriptions.claimWeek(subscription.id, '2020-W11', clock.now(), 60 * 60_000)).to.equal(true);
    const survivor = instance(port, clock);
    expect((await survivor.tick()).map((r) => r.outcome)).to.deep.equal(['claimedElsewhere']);
    clock.advance(30 * 60_000);
    expect((await survivor.tick()).map((r) => r.outcome)).to.deep.equal(['claimedElsewhere']);
    expect(connector.proactive('19:a')).to.have.length(0);
    clock.advance(30 * 60_000);
    expect((await survivor.tick()).map((r) => r.outcome)).to.deep.equal(['sent']);
    expect(connector.proactive('19:a')).to.have.length(1);
    expect(store.subscriptions.get(subscription.id)?.lastSentWeek).to.equal('2020-W11');
  });
});

describe('WeeklySummaries per area', () => {
  it("each conversation gets its own area's summary: by binding, by tenant, or the area it subscribed in", async () => {
    const { store, clock, summaries, logger } = await setup();
    const { agreements = [], ...habo } = haboInput();
    await store.addArea({ ...habo, tenants: ['tenant-habo', 'tenant-polisen'] }, agreements, {
      by: { id: 'op', name: 'op' },
      at: clock.now(),
    });
    // Jönköping's one area gets the police tenant too, so a police channel must be bound or remembered.
    await store.updateArea(
      'jonkoping',
      (a) => ((a.tenants = ['tenant-jkpg', 'tenant-polisen']), { action: 'tenantsSet', detail: 't' }),
      { by: { id: 'op', name: 'op' }, at: clock.now() },
    );
    const subscribe = (id: string, tenantId: string, areaId?: string) =>
      store.subscriptions.subscribe(
        {
          conversation: { id, kind: 'channel', tenantId, teamId: `team-${id}` },
          ...(areaId ? { areaId } : {}),
          reference: referenceFor(connector.url, id),
          schedule: THURSDAY,
          by: { id: 'aad-anna', name: 'Anna' },
          at: clock.now(),
          newId,
        },
        setupAudit(),
      );
    await subscribe('19:jkpg', 'tenant-jkpg');
    await subscribe('19:habo', 'tenant-habo');
    await subscribe('19:polis-bound', 'tenant-polisen', 'jonkoping');
    await store.bind('team', 'team-19:polis-bound', 'habo', { by: { id: 'aad-sara', name: 'Sara' }, at: clock.now() });
    await subscribe('19:polis-remembered', 'tenant-polisen', 'habo');
    await subscribe('19:polis-unknown', 'tenant-polisen');
    clock.set(DUE);
    const reports = await summaries.tick();
    const outcome = Object.fromEntries(reports.map((r) => [r.conversationId, r.outcome]));
    expect(outcome).to.deep.equal({
      '19:jkpg': 'sent',
      '19:habo': 'sent',
      '19:polis-bound': 'sent',
      '19:polis-remembered': 'sent',
      '19:polis-unknown': 'failed',
    });
    const posted = (id: string) => JSON.stringify(cardsOf(connector.proactive(id)[0]!));
    expect(posted('19:jkpg')).to.include('krogtillsyn');
    expect(posted('19:jkpg')).not.to.include('Kvällspatrull');
    for (const id of ['19:habo', '19:polis-bound', '19:polis-remembered']) {
      expect(posted(id), id).to.include('Kvällspatrull');
      expect(posted(id), id).not.to.include('krogtillsyn');
    }
    expect(connector.proactive('19:polis-unknown')).to.have.length(0);
    expect(
      logger.lines.some((l) => l.level === 'warn' && l.msg?.startsWith('weekly summary not sent: no area')),
    ).to.equal(true);
  });
});

describe('WeeklySummaries: which days and entries each card reports', () => {
  /** What a posted weekly card shows, its notification text (activity.summary) first. */
  const posted = (request: Parameters<typeof cardsOf>[0]) => ({
    summary: typeof request.activity.summary === 'string' ? request.activity.summary : '',
    texts: cardsOf(request).flatMap((c) => cardTexts(c.content)),
  });

  it("Thursday's meeting logged Thursday afternoon is in the next Thursday's card; an entry for last week logged after its card is there as Efterregistrerat", async () => {
    const { store, clock, summaries, subscribe } = await setup();
    const id = '19:ssg@thread.tacv2';
    await subscribe(id);
    const { app } = await testBot({ store, clock, backend: 'file', newId });
    const say = async (text: string) =>
      (await app.handle(turnInput(text, { conversationId: id })))
        .map((r) => (r.kind === 'text' ? r.text : r.fallbackText))
        .join(' ');

    // Thursday 12 March 07:30: the first card covers 5–11 March.
    clock.set(DUE);
    await summaries.tick();
    const first = posted(connector.proactive(id)[0]!);
    expect(first.texts).to.include('Så gick det 5–11 mars 2020');
    expect(first.summary).to.match(/^Så gick det 5–11 mars 2020: inget loggat\. /u);
    expect(store.subscriptions.forConversation(id)?.lastCard).to.deep.equal({
      through: '2020-03-11',
      cutAt: DUE,
    });

    // The meeting, logged that afternoon; on Friday an inspection of Tuesday 10 March, after its card.
    clock.set('2020-03-12T14:00:00Z');
    expect(await say('/logga torsdagsmöte 6 pers')).to.include('Torsdagsmöte');
    clock.set('2020-03-13T09:00:00Z');
    expect(await say('/logga gemensam krogtillsyn 2020-03-10')).to.include('Gemensam krogtillsyn');

    clock.set('2020-03-19T06:30:00Z');
    await summaries.tick();
    const second = posted(connector.proactive(id)[1]!);
    expect(second.texts).to.include('Så gick det 12–18 mars 2020');
    expect(second.texts).to.include('Torsdagsmöte Öxnehaga: ');
    expect(second.texts).to.include('Efterregistrerat (1)');
    expect(second.texts).to.include('Gemensam krogtillsyn: ');
    expect(second.texts).to.include('10 mars 2020, 1 tillfälle');
    expect(second.summary).to.match(
      /^Så gick det 12–18 mars 2020: 1 insats av 1 person: Torsdagsmöte Öxnehaga 1 gång\. Efterregistrerat: Gemensam krogtillsyn 10 mars 2020\. /u,
    );

    // The week after: neither again.
    clock.set('2020-03-26T06:30:00Z');
    await summaries.tick();
    const third = posted(connector.proactive(id)[2]!);
    expect(third.texts).to.include('Så gick det 19–25 mars 2020');
    expect(third.texts.some((t) => t.startsWith('Efterregistrerat'))).to.equal(false);
    expect(third.summary).to.match(/^Så gick det 19–25 mars 2020: inget loggat\. /u);
    // Nothing logged is said as such on the card too, and the notification names three activities behind plan at most.
    expect(third.texts.join('\n')).not.to.match(/\b0 insatser av 0 personer/u);
    expect(third.summary).to.match(
      / Efter plan: [^()]+ \([^)]+\), [^()]+ \([^)]+\), [^()]+ \([^)]+\) och \d+ till\.$/u,
    );
  });

  it('after a week the bot missed, the next card covers every day since the last one', async () => {
    const { store, clock, summaries, subscribe } = await setup();
    const id = '19:a';
    await subscribe(id);
    clock.set(DUE);
    await summaries.tick();
    // Down from before Thursday 19 March until after that week; up again Thursday 26 March.
    const { app } = await testBot({ store, clock, backend: 'file', newId });
    clock.set('2020-03-16T10:00:00Z');
    await app.handle(turnInput('/logga gemensam krogtillsyn', { conversationId: id }));
    clock.set('2020-03-26T06:30:00Z');
    await summaries.tick();
    const [, card] = connector.proactive(id);
    const texts = cardsOf(card!).flatMap((c) => cardTexts(c.content));
    expect(texts).to.include('Så gick det 12–25 mars 2020');
    expect(texts).to.include('Veckokortet: 14 dagar, sedan förra kortet · Medborgarlöfte 2020');
    expect(texts).to.include('Gemensam krogtillsyn: ');
  });

  it('a subscription moved from Thursday to Monday: the Monday card covers the days since the Thursday card', async () => {
    const { store, clock, summaries, subscribe } = await setup();
    const id = '19:a';
    await subscribe(id);
    clock.set(DUE);
    await summaries.tick();
    clock.set('2020-03-13T08:00:00Z');
    await subscribe(id, { weekday: 1, time: '08:00' });
    clock.set('2020-03-16T07:00:00Z');
    await summaries.tick();
    const [, card] = connector.proactive(id);
    const texts = cardsOf(card!).flatMap((c) => cardTexts(c.content));
    expect(texts).to.include('Så gick det 12–15 mars 2020');
    expect(store.subscriptions.forConversation(id)?.lastCard?.through).to.equal('2020-03-15');
  });
});
