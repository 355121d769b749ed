// The real HTTP server, the chosen SDK's adapter and the bot in-process, unauthenticated as in local
// trial unless `env` names an app id, talking to a FakeConnector: activities go in by POST
// /api/messages, and whatever the bot sends comes out at the connector.
import { withRedeliveryCache } from '../../src/app/redelivery.js';
import { fileStorePort } from '../../src/store/filePort.js';
import { areasForTenant } from '../../src/domain/area.js';
import { createApp, type App } from '../../src/app/app.js';
import { createLifecycle } from '../../src/app/lifecycle.js';
import type { Notifier } from '../../src/app/notifier.js';
import type { Clock } from '../../src/app/ports.js';
import { createBotRuntime } from '../../src/botSdk.js';
import type { BotSdk } from '../../src/channel/runtime.js';
import { loadConfig } from '../../src/config.js';
import { createServer } from '../../src/server.js';
import type { Store } from '../../src/store/store.js';
import type { FakeConnector } from './fakeConnector.js';
import { CapturingLogger, newId } from './fakes.js';

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

export async function startBot(
  store: Store,
  clock: Clock,
  options: {
    coordinators?: string[];
    sdk?: BotSdk;
    env?: Record<string, string>;
    app?: App;
    /** Wrap the app in the redelivery cache, as src/main.ts does. */
    redeliveryCache?: boolean;
  } = {},
): Promise<Harness> {
  const logger = new CapturingLogger();
  const config = loadConfig({ PORT: '0', LOG_LEVEL: 'silent', BOT_SDK: options.sdk ?? 'botbuilder', ...options.env });
  const created =
    options.app ?? createApp({ port: fileStorePort(store), clock, admins: options.coordinators ?? [], logger, newId });
  const app = options.redeliveryCache ? withRedeliveryCache(created, { now: () => clock.now().getTime() }) : created;
  const bot = await createBotRuntime({
    config,
    app,
    logger,
    tenantAllowed: (tenantId) => areasForTenant(store.areas(), tenantId).length > 0,
    lifecycle: createLifecycle({ port: fileStorePort(store), clock, logger, notifier: () => bot.notifier }),
  });
  const server = createServer({ bot, logger, health: () => ({}) });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const url = `http://127.0.0.1:${server.address().port}`;
  const exchange: Harness['exchange'] = async (activity, headers = {}) => {
    const response = await fetch(`${url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(activity),
    });
    const text = await response.text();
    let body: unknown = undefined;
    try {
      body = text ? (JSON.parse(text) as unknown) : undefined;
    } catch {
      body = text;
    }
    return { status: response.status, body };
  };
  return {
    url,
    logger,
    notifier: bot.notifier,
    post: async (activity, headers = {}) => (await exchange(activity, headers)).status,
    exchange,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

let seq = 0;

/** A Teams channel activity as the connector would deliver it. */
export function channelActivity(
  connector: FakeConnector,
  conversationId: string,
  over: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    type: 'message',
    id: `1700000000${String(++seq).padStart(3, '0')}`,
    timestamp: new Date().toISOString(),
    channelId: 'msteams',
    serviceUrl: connector.url,
    from: { id: '29:anna', name: 'Anna Andersson', aadObjectId: 'aad-anna' },
    recipient: BOT,
    conversation: { id: conversationId, conversationType: 'channel', tenantId: TENANT, isGroup: true },
    channelData: {
      tenant: { id: TENANT },
      team: { id: TEAM },
      channel: { id: conversationId.replace(/;messageid=\d+$/u, ''), name: 'SSG' },
    },
    ...over,
  };
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
