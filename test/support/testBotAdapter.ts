// The SDK level of testBot() without HTTP: botbuilder's TestAdapter running the bot (src/bot) over
// the app, as teams-ai's Application.spec.ts does (STYLE.md item 10). Activities go in by receive();
// what the bot sent waits in the adapter's queue. TestAdapter returns invoke answers only with
// deliveryMode "expectReplies".
import { TestAdapter, type Activity } from 'botbuilder';
import { withRedeliveryCache } from '../../src/app/redelivery.js';
import { MedborgarBot, type BotOptions } from '../../src/bot/medborgarBot.js';
import type { TestBot } from './testBot.js';

export interface AdapterOptions {
  /** Which tenants may in (default: every one). */
  tenantAllowed?: BotOptions['tenantAllowed'];
  /** Wrap the app in the redelivery cache, as src/main.ts does. */
  redeliveryCache?: boolean;
}

export interface AdapterTestBot extends TestBot {
  adapter: TestAdapter;
  /** Receives the activities in order; returns what the bot sent meanwhile, taken from the queue. */
  receive(activities: readonly Partial<Activity>[]): Promise<Partial<Activity>[]>;
}

/** The bot under test behind botbuilder's TestAdapter. */
export function behindTestAdapter(bot: TestBot, options: AdapterOptions): AdapterTestBot {
  const app = options.redeliveryCache
    ? withRedeliveryCache(bot.app, { now: () => bot.clock.now().getTime() })
    : bot.app;
  const medborgarBot = new MedborgarBot(app, {
    tenantAllowed: options.tenantAllowed ?? (() => true),
    logger: bot.logger,
  });
  const adapter = new TestAdapter(async (context) => medborgarBot.run(context));
  const receive: AdapterTestBot['receive'] = async (activities) => {
    for (const activity of activities) await adapter.receiveActivity(activity);
    return adapter.activeQueue.splice(0);
  };
  // Property by property: `records` is a getter, asked for when used.
  return Object.defineProperties({ adapter, receive }, Object.getOwnPropertyDescriptors(bot)) as AdapterTestBot;
}
