// /prenumerera, /avprenumerera, /prenumerationer and the welcome card's subscribe button, through
// the app as a turn sees it: what the user reads and what the store holds.
import { expect } from 'chai';
import type { Reply } from '../../src/app/ports.js';
import { MemoryStorage } from '../../src/store/storage.js';
import { FakeClock, newId, turnInput } from '../support/fakes.js';
import { setupAudit } from '../support/audit.js';
import { testBot } from '../support/testBot.js';

// Wednesday 25 November 2026, 10:00 in Stockholm.
const NOW = '2026-11-25T09:00:00Z';

async function setup(coordinators: string[] = []) {
  const storage = new MemoryStorage();
  const clock = new FakeClock(NOW);
  const { port, app } = await testBot({ storage, clock, seed: { coordinators }, newId });
  const say = async (text: string, over: Parameters<typeof turnInput>[1] = {}) =>
    textOf(await app.handle(turnInput(text, over)));
  return { storage, port, clock, app, say };
}

function textOf(replies: Reply[]): string {
  return replies.map((r) => (r.kind === 'text' ? r.text : r.fallbackText)).join('\n');
}

describe('subscription commands', () => {
  it('/prenumerera in a channel: torsdag 07:30 by default, answered with the next send time, stored with the reference', async () => {
    const { port, say } = await setup();
    const answer = await say('/prenumerera');
    expect(answer).to.include('Klart! Den här kanalen får veckosammanfattningen varje torsdag kl. 07:30.');
    expect(answer).to.include('Nästa: torsdag 26 november 2026 kl. 07:30.');
    expect(answer).to.include('/avprenumerera');
    const s = await port.subscriptions.forConversation('19:ssg@thread.tacv2');
    expect(s).to.deep.include({
      weekday: 4,
      time: '07:30',
      conversationKind: 'channel',
      conversationName: 'SSG',
      tenantId: 'tenant-1',
      since: '2026-11-25T09:00:00.000Z',
    });
    expect(s?.reference).to.deep.include({ serviceUrl: 'http://127.0.0.1:9' });
    expect(s?.createdBy).to.deep.equal({ id: 'aad-anna', name: 'Anna Andersson' });
  });

  it('takes a weekday and a time, and a time later today means today', async () => {
    const { say } = await setup();
    expect(await say('prenumerera idag 10:01')).to.include('Nästa: onsdag 25 november 2026 kl. 10:01.');
    expect(await say('/Prenumerera måndag 8.15')).to.include('varje måndag kl. 08:15');
  });

  it('a time already past today waits a week', async () => {
    const { say } = await setup();
    expect(await say('/prenumerera onsdag 09:59')).to.include('Nästa: onsdag 2 december 2026 kl. 09:59.');
  });

  it('subscribing again changes the schedule of the one subscription', async () => {
    const { port, say } = await setup();
    await say('/prenumerera');
    const answer = await say('/prenumerera fredag 14:00');
    expect(answer).to.include(
      'Ändrat: Den här kanalen får veckosammanfattningen varje fredag kl. 14:00 (förut varje torsdag kl. 07:30).',
    );
    expect(await port.subscriptions.all()).to.have.length(1);
  });

  it('subscribing again to the same time says nothing changed, instead of "Ändrat … (förut …)"', async () => {
    const { port, say } = await setup();
    await say('/prenumerera');
    const answer = await say('/prenumerera torsdag 07:30');
    expect(answer).to.match(
      /^Oförändrat: Den här kanalen får redan veckosammanfattningen varje torsdag kl\. 07:30\. Nästa: torsdag 26 november 2026 kl\. 07:30\./u,
    );
    expect(answer).not.to.include('Ändrat');
    expect(answer).not.to.include('förut');
    expect(await port.subscriptions.all()).to.have.length(1);
    expect((await port.subscriptions.all())[0]).to.deep.include({ weekday: 4, time: '07:30' });
  });

  it('says who gets it in a group chat and in a personal chat', async () => {
    const { say } = await setup();
    expect(await say('/prenumerera', { conversationId: 'chat-1', kind: 'groupChat' })).to.include(
      'Den här gruppchatten får',
    );
    expect(await say('/prenumerera', { conversationId: 'a:personal', kind: 'personal' })).to.include('Du får');
  });

  it('bad input: a clear Swedish answer with an example, and nothing stored or changed', async () => {
    const { port, say } = await setup();
    const answer = await say('/prenumerera torsdag halv åtta');
    expect(answer).to.include('Jag förstod inte "halv"');
    expect(answer).to.include('/prenumerera torsdag 07:30');
    expect(await port.subscriptions.all()).to.deep.equal([]);
    await say('/prenumerera');
    await say('/prenumerera 25:00');
    expect(await port.subscriptions.forConversation('19:ssg@thread.tacv2')).to.include({ weekday: 4, time: '07:30' });
  });

  it('without a conversation reference it says it cannot, and stores nothing', async () => {
    const { port, say } = await setup();
    const answer = await say('/prenumerera', { conversationReference: undefined });
    expect(answer).to.include('går det inte att prenumerera');
    expect(await port.subscriptions.all()).to.deep.equal([]);
  });

  it('/avprenumerera ends it and says so; a second time says there is none', async () => {
    const { port, say } = await setup();
    await say('/prenumerera måndag 08:00');
    expect(await say('/avprenumerera')).to.include(
      'Klart: Den här kanalen får inte längre veckosammanfattningen (den kom varje måndag kl. 08:00).',
    );
    expect(await port.subscriptions.active()).to.deep.equal([]);
    expect((await port.subscriptions.forConversation('19:ssg@thread.tacv2'))?.ended).to.deep.include({
      reason: 'unsubscribed',
      by: { id: 'aad-anna', name: 'Anna Andersson' },
    });
    expect(await say('avprenumerera')).to.include('Den här kanalen har ingen prenumeration. Skriv /prenumerera');
  });

  it('/prenumerationer shows this conversation’s subscription to anyone', async () => {
    const { say } = await setup();
    expect(await say('/prenumerationer')).to.include('har ingen prenumeration');
    await say('/prenumerera');
    await say('/prenumerera', { conversationId: '19:other@thread.tacv2' });
    const answer = await say('/prenumerationer');
    expect(answer).to.include(
      'Den här kanalen får veckosammanfattningen varje torsdag kl. 07:30. Nästa: torsdag 26 november 2026 kl. 07:30. Inte skickad än.',
    );
    expect(answer).not.to.include('Alla prenumerationer');
  });

  it('/prenumerationer shows a coordinator all of them, and the ended ones with why', async () => {
    const { port, say } = await setup(['aad-samordnare']);
    await say('/prenumerera');
    await say('/prenumerera måndag 08:00', { conversationId: '19:other@thread.tacv2' });
    await say('/prenumerera', { conversationId: 'chat-1', kind: 'groupChat' });
    await say('/avprenumerera', { conversationId: 'chat-1', kind: 'groupChat' });
    await port.subscriptions.end(
      '19:other@thread.tacv2',
      { at: NOW, reason: 'unreachable', detail: 'HTTP 403' },
      setupAudit('subscription.ended'),
    );
    const answer = await say('/prenumerationer', {
      user: { id: '29:kim', name: 'Kim', aadObjectId: 'aad-samordnare' },
      conversationId: 'a:kim',
      kind: 'personal',
    });
    expect(answer).to.include('**Alla prenumerationer i Jönköpings kommun** (1 aktiv)');
    expect(answer).to.include('• SSG (kanal): varje torsdag kl. 07:30.');
    expect(answer).to.include('**Avslutade**');
    expect(answer).to.include('går inte att nå');
    expect(answer).to.include('avslutad med /avprenumerera av Anna Andersson');
  });

  it('/prenumerationer names each conversation by its Teams name, or says what it is; never by a cut id', async () => {
    const { port, say } = await setup(['aad-samordnare']);
    const chat = (id: string, kind: 'groupChat' | 'channel' | 'personal', extra: Record<string, string> = {}) => ({
      conversationId: id,
      conversation: { id, kind, tenantId: 'tenant-1', ...extra },
    });
    await say('/prenumerera', chat('19:named@thread.v2', 'groupChat', { name: 'Torsdagsgänget' }));
    await say('/prenumerera', chat('19:a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5ga@thread.v2', 'groupChat'));
    await say('/prenumerera', chat('19:general@thread.tacv2', 'channel', { teamId: '19:general@thread.tacv2' }));
    await say('/prenumerera', chat('a:anna-personal', 'personal'));
    expect((await port.subscriptions.forConversation('19:named@thread.v2'))?.conversationName).to.equal(
      'Torsdagsgänget',
    );
    const answer = await say('/prenumerationer', {
      user: { id: '29:kim', name: 'Kim', aadObjectId: 'aad-samordnare' },
      conversationId: 'a:kim',
      kind: 'personal',
    });
    expect(answer).to.include('• Torsdagsgänget (gruppchatt): varje torsdag kl. 07:30.');
    expect(answer).to.include(
      '• gruppchatt utan namn, där Anna Andersson prenumererade 25 november 2026: varje torsdag kl. 07:30.',
    );
    expect(answer).to.include('• teamets allmänna kanal: varje torsdag kl. 07:30.');
    expect(answer).to.include('• personlig chatt med Anna Andersson: varje torsdag kl. 07:30.');
    expect(answer).not.to.match(/@thread|…[^ ]/u);
  });

  it('the welcome card’s button subscribes with the default schedule', async () => {
    const { port, app } = await setup();
    const answer = textOf(await app.handle(turnInput('', { value: { verb: 'subscribe', weekday: 4, time: '07:30' } })));
    expect(answer).to.include('Klart! Den här kanalen får veckosammanfattningen varje torsdag kl. 07:30.');
    expect(await port.subscriptions.active()).to.have.length(1);
    const bad = textOf(
      await app.handle(turnInput('', { value: { verb: 'subscribe', weekday: 9 }, conversationId: 'chat-2' })),
    );
    expect(bad).to.include('Ingen prenumeration har sparats');
    expect(await port.subscriptions.forConversation('chat-2')).to.equal(undefined);
  });

  it('/hjälp lists the subscription commands', async () => {
    const { say } = await setup();
    const help = await say('/hjälp');
    expect(help).to.include('/prenumerera');
    expect(help).to.include('/avprenumerera');
  });
});
