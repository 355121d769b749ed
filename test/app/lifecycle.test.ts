// Added and removed: one welcome per installation (Teams announces it twice), and removal ends
// the conversation's subscriptions.
import { storeUnderTest } from '../support/storeBackend.js';
import { expect } from 'chai';
import { createLifecycle, welcomeReplies } from '../../src/app/lifecycle.js';
import { CapturingLogger, CapturingNotifier, FakeClock, newId, openStore, referenceFor } from '../support/fakes.js';
import { setupAudit } from '../support/audit.js';

describe('lifecycle', () => {
  it('welcomes a conversation once, and again after ten minutes (a reinstall)', async () => {
    const clock = new FakeClock('2026-11-25T09:00:00Z');
    const lifecycle = createLifecycle({
      port: (await storeUnderTest(await openStore())).port,
      clock,
      logger: new CapturingLogger(),
      notifier: () => new CapturingNotifier(),
    });
    const chat = { id: 'chat-1', kind: 'groupChat' as const };
    expect(lifecycle.added(chat)).to.have.length(1);
    clock.advance(2_000);
    expect(lifecycle.added(chat)).to.deep.equal([]);
    expect(lifecycle.added({ id: 'chat-2', kind: 'groupChat' })).to.have.length(1);
    clock.advance(10 * 60_000);
    expect(lifecycle.added(chat)).to.have.length(1);
  });

  it('speaks to one person in a personal chat and to a group elsewhere', () => {
    const [personal] = welcomeReplies({ kind: 'personal' });
    const [channel] = welcomeReplies({ kind: 'channel' });
    expect(JSON.stringify(personal)).to.include('Vill du ha en veckosammanfattning hit');
    expect(JSON.stringify(channel)).to.include('Vill ni ha en veckosammanfattning till den här kanalen');
    expect(channel?.kind === 'card' && channel.fallbackText).to.include('/prenumerera');
  });

  it('removal ends the conversation’s subscription and logs it', async () => {
    const store = await openStore();
    const logger = new CapturingLogger();
    const clock = new FakeClock('2026-11-25T09:00:00Z');
    await store.subscriptions.subscribe(
      {
        conversation: { id: 'chat-1', kind: 'groupChat' },
        reference: referenceFor('http://127.0.0.1:9', 'chat-1'),
        schedule: { weekday: 4, time: '07:30' },
        by: { id: 'a', name: 'A' },
        at: clock.now(),
        newId,
      },
      setupAudit(),
    );
    const { port } = await storeUnderTest(store);
    await createLifecycle({
      port,
      clock,
      logger,
      notifier: () => new CapturingNotifier(),
    }).removed({
      id: 'chat-1',
      kind: 'groupChat',
    });
    expect((await port.subscriptions.forConversation('chat-1'))?.ended).to.deep.equal({
      at: '2026-11-25T09:00:00.000Z',
      reason: 'uninstalled',
    });
    expect(
      logger.lines.find((l) => l.msg === 'bot removed from a conversation')?.obj.endedSubscriptions,
    ).to.have.length(1);
  });
});
