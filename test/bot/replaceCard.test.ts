// The bot layer's half of "a submitted card is replaced by its answer": the reply goes to
// updateActivity on the card's message (replyToId); when the channel cannot update, or names no
// message, the same card is sent as a new message and the reason is logged.
import { expect } from 'chai';
import { BotAdapter, TurnContext, type Activity, type ConversationReference, type ResourceResponse } from 'botbuilder';
import type { App } from '../../src/app/app.js';
import { card, replaceCard, text, type Reply } from '../../src/app/ports.js';
import { MedborgarBot } from '../../src/bot/medborgarBot.js';
import { CapturingLogger } from '../support/fakes.js';

class RecordingAdapter extends BotAdapter {
  sent: Partial<Activity>[] = [];
  updated: Partial<Activity>[] = [];
  constructor(private readonly updateFails = false) {
    super();
  }
  async sendActivities(_context: TurnContext, activities: Partial<Activity>[]): Promise<ResourceResponse[]> {
    this.sent.push(...activities);
    return activities.map((_, i) => ({ id: `sent-${i}` }));
  }
  async updateActivity(_context: TurnContext, activity: Partial<Activity>): Promise<void> {
    if (this.updateFails) throw new Error('Operation not supported');
    this.updated.push(activity);
  }
  async deleteActivity(_context: TurnContext, _reference: Partial<ConversationReference>): Promise<void> {}
  async continueConversation(): Promise<void> {}
}

const confirmation = {
  type: 'AdaptiveCard' as const,
  version: '1.5',
  body: [{ type: 'TextBlock', text: '✅ Loggat' }],
};

async function run(replies: Reply[], options: { replyToId?: string; updateFails?: boolean } = {}) {
  const adapter = new RecordingAdapter(options.updateFails);
  const logger = new CapturingLogger();
  const app: App = { handle: async () => replies };
  const bot = new MedborgarBot(app, { tenantAllowed: () => true, logger });
  const activity: Partial<Activity> = {
    type: 'message',
    id: 'submit-1',
    channelId: 'msteams',
    from: { id: 'user-1', name: 'Anna' },
    recipient: { id: 'bot', name: 'Medborgarlöfte' },
    conversation: { id: 'conv-1', isGroup: false, conversationType: 'personal', name: '' },
    value: { verb: 'log.form', formId: 'f' },
    ...(options.replyToId ? { replyToId: options.replyToId } : {}),
  };
  await bot.run(new TurnContext(adapter, activity));
  return { adapter, logger };
}

describe('MedborgarBot: replacing a submitted card', () => {
  it('updates the message the submit came from, and sends nothing new', async () => {
    const { adapter } = await run([replaceCard(confirmation, 'Loggat')], { replyToId: 'card-message-7' });
    expect(adapter.sent).to.have.length(0);
    expect(adapter.updated).to.have.length(1);
    expect(adapter.updated[0]).to.deep.include({ id: 'card-message-7', type: 'message', summary: 'Loggat' });
    expect(adapter.updated[0]?.attachments?.[0]?.content).to.deep.equal(confirmation);
  });

  it('sends the card as a new message, and logs why, when the channel cannot update', async () => {
    const { adapter, logger } = await run([replaceCard(confirmation, 'Loggat')], {
      replyToId: 'card-message-7',
      updateFails: true,
    });
    expect(adapter.sent).to.have.length(1);
    expect(adapter.sent[0]?.attachments?.[0]?.content).to.deep.equal(confirmation);
    expect(
      logger.lines.some((l) => l.level === 'warn' && l.msg?.includes('could not replace the submitted card')),
    ).to.equal(true);
  });

  it('sends the card as a new message when the submit names no message', async () => {
    const { adapter, logger } = await run([replaceCard(confirmation, 'Loggat')]);
    expect(adapter.sent).to.have.length(1);
    expect(adapter.updated).to.have.length(0);
    expect(logger.lines.some((l) => l.msg?.includes('without replyToId'))).to.equal(true);
  });

  it('sends ordinary cards and texts as new messages, in order', async () => {
    const { adapter } = await run([text('först'), card(confirmation, 'sedan')], { replyToId: 'card-message-7' });
    expect(adapter.updated).to.have.length(0);
    expect(adapter.sent.map((a) => a.text ?? a.summary)).to.deep.equal(['först', 'sedan']);
  });

  it('logs a warning for a message larger than Teams accepts', async () => {
    const huge = { ...confirmation, body: [{ type: 'TextBlock', text: 'x'.repeat(30_000) }] };
    const { adapter, logger } = await run([card(huge, 'stort')]);
    expect(adapter.sent).to.have.length(1);
    expect(logger.lines.some((l) => l.level === 'warn' && l.msg === 'reply is larger than Teams accepts')).to.equal(
      true,
    );
  });
});
