// The Bot Framework layer through botbuilder's TestAdapter: Teams-shaped activities in, activities out.
import { expect } from 'chai';
import type { Activity } from 'botbuilder';
import { submitActions } from '../support/harness.js';
import { testBot } from '../support/testBot.js';

const BOT = { id: '28:bot', name: 'Medborgarlöfte' };

function teamsMessage(text: string, extra: Partial<Activity> = {}): Partial<Activity> {
  return {
    type: 'message',
    channelId: 'msteams',
    text,
    from: { id: '29:anna', name: 'Anna Andersson', aadObjectId: 'aad-anna' },
    recipient: BOT,
    conversation: {
      id: '19:ssg@thread.tacv2',
      conversationType: 'channel',
      tenantId: 'tenant-1',
      isGroup: true,
      name: 'SSG',
    },
    ...extra,
  };
}

describe('Bot Framework layer', () => {
  it('strips the @mention in a channel and logs', async () => {
    const h = await testBot({ adapter: {} });
    const replies = await h.receive([
      teamsMessage('<at>Medborgarlöfte</at> /logga gemensam krogtillsyn 2020-03-14', {
        id: 'm1',
        entities: [{ type: 'mention', mentioned: BOT, text: '<at>Medborgarlöfte</at>' }],
      }),
    ]);
    expect(replies).to.have.length(1);
    expect(replies[0]?.summary).to.include('Loggat: Gemensam krogtillsyn, 14 mars 2020');
    expect(replies[0]?.attachments?.[0]?.contentType).to.equal('application/vnd.microsoft.card.adaptive');
    expect(h.store.entries('jonkoping-2020')).to.have.length(1);
  });

  it('a colleague mentioned before the bot: the command runs, and the note holds her plain name', async () => {
    const h = await testBot({ adapter: {} });
    const berit = { id: '29:berit', name: 'Berit & Co' };
    const replies = await h.receive([
      teamsMessage(
        '<at>Berit &amp; Co</at> <at>Medborgarlöfte</at> /logga gemensam krogtillsyn 2020-03-14: med <at>Berit &amp; Co</at>',
        {
          id: 'm1b',
          entities: [
            { type: 'mention', mentioned: berit, text: '<at>Berit &amp; Co</at>' },
            { type: 'mention', mentioned: BOT },
          ],
        },
      ),
    ]);
    expect(replies[0]?.summary).to.include('Loggat: Gemensam krogtillsyn, 14 mars 2020');
    expect(replies[0]?.summary).to.not.include('<at>');
    expect(h.store.entries('jonkoping-2020').map((e) => e.note)).to.deep.equal(['med Berit & Co']);
  });

  it('sends cards as Adaptive Card attachments with a summary; a click logs and replaces the card', async () => {
    const h = await testBot({ adapter: {} });
    const { adapter } = h;
    const personal = { id: 'a:personal', conversationType: 'personal', isGroup: false } as Activity['conversation'];
    await adapter.receiveActivity(teamsMessage('/logga krogtillsyn 2020-05-01', { id: 'm2', conversation: personal }));
    expect(adapter.activeQueue).to.have.length(1);
    const cardReply = adapter.activeQueue[0];
    const attachment = cardReply?.attachments?.[0];
    expect(attachment?.contentType).to.equal('application/vnd.microsoft.card.adaptive');
    expect(cardReply?.summary).to.include('krogtillsyn');
    expect(h.store.entries('jonkoping-2020')).to.have.length(0);

    const joint = submitActions(attachment?.content).find((d) => d.activityId === 'gemensam-krogtillsyn');
    await adapter.receiveActivity(
      teamsMessage('', { id: 'm3', value: joint, replyToId: cardReply?.id ?? 'x', conversation: personal }),
    );
    // The card the click came from now shows the confirmation (same message id), so it cannot be clicked twice.
    expect(adapter.activeQueue).to.have.length(1);
    const confirmation = adapter.activeQueue[0];
    expect(confirmation?.id).to.equal(cardReply?.id);
    expect(confirmation?.summary).to.include('Loggat: Gemensam krogtillsyn, 1 maj 2020');
    expect(h.store.entries('jonkoping-2020')).to.have.length(1);
  });

  it('answers a redelivered message once more without running it twice', async () => {
    const h = await testBot({ adapter: { redeliveryCache: true } });
    const replies = await h.receive([
      teamsMessage('/logga sig', { id: 'same' }),
      teamsMessage('/logga sig', { id: 'same' }),
    ]);
    expect(replies).to.have.length(2);
    expect(replies[0]?.summary).to.include('Loggat');
    expect(replies[1]?.summary).to.equal(replies[0]?.summary);
    expect(h.store.entries('jonkoping-2020')).to.have.length(1);
  });

  it('refuses tenants that are not allowed, with an answer', async () => {
    const h = await testBot({ adapter: { tenantAllowed: (tenantId) => tenantId === 'tenant-2' } });
    const [reply] = await h.receive([teamsMessage('/logga sig', { id: 'm4' })]);
    expect(reply?.text).to.include('inte öppen för er organisation');
    expect(h.store.allEntries()).to.have.length(0);
  });

  it('greets on installation, but not again when the app is upgraded', async () => {
    const h = await testBot({ adapter: {} });
    const install = (action: string) => ({ ...teamsMessage(''), type: 'installationUpdate', action });
    expect(await h.receive([install('add-upgrade')])).to.have.length(0);
    const [welcome] = await h.receive([install('add')]);
    expect(JSON.stringify(welcome?.attachments?.[0]?.content)).to.include('/logga');
  });

  it('greets when added to a conversation', async () => {
    const h = await testBot({ adapter: {} });
    const [reply] = await h.receive([{ ...teamsMessage(''), type: 'conversationUpdate', membersAdded: [BOT] }]);
    expect(JSON.stringify(reply?.attachments?.[0]?.content)).to.include('/logga');
  });
});
