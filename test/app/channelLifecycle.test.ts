// Issue 14, weekly delivery: what Teams says about a channel or a team reaches its subscriptions.
// Renamed: the subscription follows the name. Deleted: it ends, with the reason. Archived: it waits.
// Restored or unarchived: it goes on. Every change is audited with the Teams event as its source.
// Ended or held, the area's coordinators are told once, in their personal chat with the bot.
import { expect } from 'chai';
import { createLifecycle } from '../../src/app/lifecycle.js';
import type { Reply } from '../../src/app/ports.js';
import { WeeklySummaries } from '../../src/scheduler/weeklySummaries.js';
import type { StorePort } from '../../src/app/port/index.js';
import { CapturingLogger, CapturingNotifier, FakeClock, newId, turnInput } from '../support/fakes.js';
import { testBot } from '../support/testBot.js';

// Wednesday 25 November 2026, 10:00 in Stockholm.
const NOW = '2026-11-25T09:00:00Z';
const TEAM = '19:team@thread.tacv2';
const SSG = '19:ssg@thread.tacv2';
const OTHER = '19:other@thread.tacv2';
const OWNER = { id: 'aad-owner', name: 'Olle Ägare' };

function textOf(replies: Reply[]): string {
  return replies.map((r) => (r.kind === 'text' ? r.text : r.fallbackText)).join('\n');
}

async function setup() {
  const clock = new FakeClock(NOW);
  const { port, logger, app } = await testBot({
    clock,
    seed: { coordinators: ['aad-anna'] },
    admins: ['aad-anna'],
    newId,
  });
  const notifier = new CapturingNotifier();
  const lifecycle = createLifecycle({ port: port, clock, logger, notifier: () => notifier });
  const say = async (text: string, conversationId = SSG, name = 'SSG') => {
    const input = turnInput(text, { conversationId });
    return textOf(await app.handle({ ...input, conversation: { ...input.conversation, name, teamId: TEAM } }));
  };
  await say('/prenumerera', SSG, 'SSG');
  await say('/prenumerera', OTHER, 'Övrigt');
  return { port, clock, logger, app, lifecycle, notifier, say };
}

const audit = async (store: StorePort) =>
  (await store.audit.read()).filter(
    (r) => r.action.startsWith('subscription.') && r.detail !== undefined && r.via === 'system',
  );

describe('Teams channel and team events and weekly subscriptions', () => {
  it('channelRenamed: the subscription follows the new name, audited with the old and new name', async () => {
    const { port, lifecycle, say } = await setup();
    await lifecycle.teamsEvent({ kind: 'channelRenamed', channelId: SSG, name: 'SSG Jönköping' }, OWNER);
    expect((await port.subscriptions.forConversation(SSG))?.conversationName).to.equal('SSG Jönköping');
    expect((await port.subscriptions.forConversation(OTHER))?.conversationName).to.equal('Övrigt');
    const [record] = await audit(port);
    expect(record).to.deep.include({
      action: 'subscription.changed',
      by: OWNER,
      via: 'system',
      detail: 'channelRenamed',
      conversationId: SSG,
      changes: { name: { from: 'SSG', to: 'SSG Jönköping' } },
    });
    expect(await say('/prenumerationer', OTHER, 'Övrigt')).to.include('SSG Jönköping (kanal)');
    expect(await say('/historik', OTHER, 'Övrigt')).to.include(
      'Olle Ägare veckosammanfattningen följde kanalens nya namn (SSG → SSG Jönköping) automatiskt',
    );
    // The same event again changes nothing and records nothing.
    await lifecycle.teamsEvent({ kind: 'channelRenamed', channelId: SSG, name: 'SSG Jönköping' }, OWNER);
    expect(await audit(port)).to.have.length(1);
  });

  it('channelDeleted ends that channel’s subscription with the reason; channelRestored resumes it', async () => {
    const { port, lifecycle, say } = await setup();
    await lifecycle.teamsEvent({ kind: 'channelDeleted', channelId: SSG }, OWNER);
    expect((await port.subscriptions.forConversation(SSG))?.ended).to.deep.include({ reason: 'channelDeleted' });
    expect((await port.subscriptions.forConversation(OTHER))?.ended).to.equal(undefined);
    const listed = await say('/prenumerationer', OTHER, 'Övrigt');
    expect(listed).to.include('SSG (kanal): kanalen togs bort i Teams');
    expect((await audit(port)).map((r) => [r.action, r.detail])).to.deep.equal([
      ['subscription.ended', 'channelDeleted'],
    ]);

    await lifecycle.teamsEvent({ kind: 'channelRestored', channelId: SSG }, OWNER);
    expect((await port.subscriptions.forConversation(SSG))?.ended).to.equal(undefined);
    expect((await audit(port)).map((r) => [r.action, r.detail])).to.deep.equal([
      ['subscription.ended', 'channelDeleted'],
      ['subscription.resumed', 'channelRestored'],
    ]);
  });

  it('a restored channel does not bring back a subscription ended with /avprenumerera', async () => {
    const { port, lifecycle, say } = await setup();
    await say('/avprenumerera');
    await lifecycle.teamsEvent({ kind: 'channelDeleted', channelId: SSG });
    await lifecycle.teamsEvent({ kind: 'channelRestored', channelId: SSG });
    expect((await port.subscriptions.forConversation(SSG))?.ended).to.deep.include({ reason: 'unsubscribed' });
  });

  it('teamDeleted ends every subscription of the team; teamRestored resumes them', async () => {
    const { port, lifecycle, say } = await setup();
    await lifecycle.teamsEvent({ kind: 'teamDeleted', teamId: TEAM });
    for (const id of [SSG, OTHER]) {
      expect((await port.subscriptions.forConversation(id))?.ended).to.deep.include({ reason: 'teamDeleted' });
    }
    expect((await audit(port)).map((r) => [r.action, r.detail, r.by.name])).to.deep.equal([
      ['subscription.ended', 'teamDeleted', 'boten'],
      ['subscription.ended', 'teamDeleted', 'boten'],
    ]);
    expect(await say('/prenumerationer', 'a:personal', 'Anna')).to.include('teamet togs bort i Teams');
    await lifecycle.teamsEvent({ kind: 'teamRestored', teamId: TEAM });
    expect((await port.subscriptions.active()).map((s) => s.conversationId)).to.have.members([SSG, OTHER]);
  });

  it('teamArchived holds the team’s subscriptions (nothing is sent, the reason is shown); teamUnarchived lets them go on', async () => {
    const { port, clock, lifecycle, say } = await setup();
    await lifecycle.teamsEvent({ kind: 'teamArchived', teamId: TEAM }, OWNER);
    const held = await port.subscriptions.forConversation(SSG);
    expect(held?.held).to.deep.equal({ at: NOW.replace('Z', '.000Z'), reason: 'teamArchived' });
    expect(held?.ended).to.equal(undefined);
    expect(await say('/prenumerationer', OTHER, 'Övrigt')).to.include(
      'Pausad sedan 25 november 2026: teamet är arkiverat i Teams',
    );

    // Thursday 07:30 passes while the team is archived: nothing is due, nothing is sent.
    const summaries = new WeeklySummaries({
      port: port,
      clock,
      notifier: {
        send: () => {
          throw new Error('nothing may be sent to an archived team');
        },
        openPersonal: () => {
          throw new Error('no personal chat is opened by the weekly summaries');
        },
      },
      logger: new CapturingLogger(),
    });
    clock.set('2026-11-26T06:31:00Z');
    expect(await summaries.due(clock.now())).to.deep.equal([]);

    await lifecycle.teamsEvent({ kind: 'teamUnarchived', teamId: TEAM }, OWNER);
    expect((await port.subscriptions.forConversation(SSG))?.held).to.equal(undefined);
    expect((await summaries.due(clock.now())).map((d) => d.subscription.conversationId)).to.have.members([SSG, OTHER]);
    expect((await audit(port)).map((r) => [r.action, r.detail])).to.deep.equal([
      ['subscription.paused', 'teamArchived'],
      ['subscription.paused', 'teamArchived'],
      ['subscription.resumed', 'teamUnarchived'],
      ['subscription.resumed', 'teamUnarchived'],
    ]);
  });

  it('a deleted channel and an archived team are told to the coordinator once, in the personal chat', async () => {
    const { app, lifecycle, notifier } = await setup();
    // Anna, the area's coordinator, has written to the bot: her personal chat is known.
    await app.handle(turnInput('hej', { conversationId: 'a:anna', kind: 'personal' }));
    await lifecycle.teamsEvent({ kind: 'channelDeleted', channelId: SSG }, OWNER);
    await lifecycle.teamsEvent({ kind: 'channelDeleted', channelId: SSG }, OWNER);
    expect(notifier.textsTo('a:anna')).to.deep.equal([
      'Kanalen SSG togs bort i Teams – veckosammanfattningen dit har avslutats. Återställs kanalen fortsätter den.',
    ]);
    // Restoring tells nobody; archiving the team holds the other channel's summary and says so.
    await lifecycle.teamsEvent({ kind: 'channelRestored', channelId: SSG }, OWNER);
    await lifecycle.teamsEvent({ kind: 'channelDeleted', channelId: SSG }, OWNER);
    await lifecycle.teamsEvent({ kind: 'teamArchived', teamId: TEAM }, OWNER);
    expect(notifier.textsTo('a:anna').slice(1)).to.deep.equal([
      'Kanalen SSG togs bort i Teams – veckosammanfattningen dit har avslutats. Återställs kanalen fortsätter den.',
      'Teamet som kanalen Övrigt hör till arkiverades i Teams – veckosammanfattningen dit är pausad. Den fortsätter när teamet tas ur arkivet.',
    ]);
    expect(notifier.sent).to.have.length(3);
  });

  it('a coordinator the bot cannot reach is logged without names, and the change still stands', async () => {
    const { app, port, lifecycle, notifier, logger } = await setup();
    await app.handle(turnInput('hej', { conversationId: 'a:anna', kind: 'personal' }));
    notifier.result = { kind: 'gone', status: 403, detail: 'Forbidden' };
    const before = logger.lines.length;
    await lifecycle.teamsEvent({ kind: 'teamDeleted', teamId: TEAM });
    // One message for the whole team: both its channels' summaries.
    expect(notifier.textsTo('a:anna')).to.deep.equal([
      'Teamet som kanalen SSG hör till togs bort i Teams – veckosammanfattningen dit har avslutats. Återställs teamet fortsätter den.\n\n' +
        'Teamet som kanalen Övrigt hör till togs bort i Teams – veckosammanfattningen dit har avslutats. Återställs teamet fortsätter den.',
    ]);
    expect(await port.subscriptions.active()).to.deep.equal([]);
    const lines = logger.lines.slice(before);
    const warning = lines.find((l) => l.msg === 'a coordinator could not be told about a channel change');
    expect(warning?.obj).to.deep.include({ event: 'teamDeleted', result: 'gone', status: 403 });
    expect(JSON.stringify(lines)).not.to.match(/Anna|aad-anna|a:anna/u);
  });
});
