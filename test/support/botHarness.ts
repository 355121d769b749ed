// The real HTTP server, CloudAdapter and bot in-process, unauthenticated as in local trial, talking
// to a FakeConnector: activities go in by POST /api/messages, and whatever the bot sends comes out
// at the connector.
import { areasForTenant } from '../../src/domain/area.js';
import { createApp } from '../../src/app/app.js';
import { createLifecycle } from '../../src/app/lifecycle.js';
import type { Clock } from '../../src/app/ports.js';
import { createAdapter } from '../../src/bot/adapter.js';
import { messagesEndpoint } from '../../src/bot/messagesEndpoint.js';
import { MedborgarBot } from '../../src/bot/medborgarBot.js';
import { loadConfig } from '../../src/config.js';
import { createServer } from '../../src/server.js';
import type { Store } from '../../src/store/store.js';
import type { FakeConnector } from './fakeConnector.js';
import { CapturingLogger, newId } from './fakes.js';

export const BOT = { id: '28:bot', name: 'Medborgarlöfte' };
const TENANT = 'tenant-1';
export const TEAM = '19:team-trygghet@thread.tacv2';

export interface Harness {
  url: string;
  logger: CapturingLogger;
  /** Posts an activity to /api/messages; resolves with the HTTP status once the bot is done. */
  post(activity: Record<string, unknown>): Promise<number>;
  close(): Promise<void>;
}

export async function startBot(
  store: Store,
  clock: Clock,
  options: { coordinators?: string[] } = {},
): Promise<Harness> {
  const logger = new CapturingLogger();
  const config = loadConfig({ PORT: '0', LOG_LEVEL: 'silent' });
  const app = createApp({ store, clock, admins: options.coordinators ?? [], logger, newId });
  const bot = new MedborgarBot(app, {
    tenantAllowed: (tenantId) => areasForTenant(store.areas(), tenantId).length > 0,
    logger,
    lifecycle: createLifecycle({ store, clock, logger }),
  });
  const server = createServer({
    messages: messagesEndpoint(createAdapter(config, logger), bot),
    logger,
    health: () => ({}),
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const url = `http://127.0.0.1:${server.address().port}`;
  return {
    url,
    logger,
    async post(activity) {
      const response = await fetch(`${url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(activity),
      });
      await response.text();
      return response.status;
    },
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
