// testBot() behind the real HTTP server (testBotHttp.ts), as the SDK conversation tests use it:
// the store they seeded (the file store, which they go on reading) and a clock they move; plus
// the Teams channel activities they post.
import type { Notifier } from '../../src/app/notifier.js';
import type { Clock } from '../../src/app/ports.js';
import type { BotSdk } from '../../src/channel/runtime.js';
import type { Store } from '../../src/store/store.js';
import { activity } from './activities.js';
import type { FakeConnector } from './fakeConnector.js';
import { type CapturingLogger, newId } from './fakes.js';
import { testBot } from './testBot.js';

export const BOT = { id: '28:bot', name: 'Medborgarlöfte' };
export const TENANT = 'tenant-1';
export const TEAM = '19:team-trygghet@thread.tacv2';

export interface Harness {
  url: string;
  /** The chosen SDK's proactive sender (weekly summaries), as main.ts hands it to the scheduler. */
  notifier: Notifier;
  logger: CapturingLogger;
  /** Posts an activity to /api/messages; resolves with the HTTP status once the bot is done. */
  post(activity: Record<string, unknown>, headers?: Record<string, string>): Promise<number>;
  /** Posts an activity and returns the status and the parsed body (invoke and expectReplies answers). */
  exchange(
    activity: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<{ status: number; body: unknown }>;
  close(): Promise<void>;
}

/** testBot() over the file store `store`, with `coordinators` as admins, behind the server. */
export async function startBot(
  store: Store,
  clock: Clock,
  options: {
    coordinators?: string[];
    sdk?: BotSdk;
    env?: Record<string, string>;
    /** Wrap the app in the redelivery cache, as src/main.ts does. */
    redeliveryCache?: boolean;
  } = {},
): Promise<Harness> {
  return testBot({
    store,
    clock,
    backend: 'file',
    admins: options.coordinators ?? [],
    newId,
    http: { sdk: options.sdk, env: options.env, redeliveryCache: options.redeliveryCache },
  });
}

let seq = 0;

/**
 * A Teams channel activity as the connector would deliver it: test/fixtures/activities/channelMessage.json
 * in the channel (or thread) `conversationId`, sent now, answered at `connector`, with `over` on top.
 */
export function channelActivity(
  connector: FakeConnector,
  conversationId: string,
  over: Record<string, unknown> = {},
): Record<string, unknown> {
  const fixture = activity('channelMessage');
  const channelData = fixture.channelData as Record<string, unknown>;
  return activity('channelMessage', {
    id: `1700000000${String(++seq).padStart(3, '0')}`,
    timestamp: new Date().toISOString(),
    serviceUrl: connector.url,
    conversation: { ...(fixture.conversation as Record<string, unknown>), id: conversationId },
    channelData: {
      ...channelData,
      channel: {
        ...(channelData.channel as Record<string, unknown>),
        id: conversationId.replace(/;messageid=\d+$/u, ''),
      },
    },
    ...over,
  });
}

/** A message that @mentions the bot, as in a channel. */
export function mention(
  connector: FakeConnector,
  conversationId: string,
  text: string,
  over: Record<string, unknown> = {},
): Record<string, unknown> {
  const at = `<at>${BOT.name}</at>`;
  return channelActivity(connector, conversationId, {
    text: `${at} ${text}`,
    entities: [{ type: 'mention', mentioned: BOT, text: at }],
    ...over,
  });
}
