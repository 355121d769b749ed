// The HTTP level of testBot(): the real server, the chosen SDK's adapter and the bot in-process,
// unauthenticated as in local trial unless `env` names an app id, talking to a FakeConnector:
// activities go in by POST /api/messages, and whatever the bot sends comes out at the connector.
import { withRedeliveryCache } from '../../src/app/redelivery.js';
import { createLifecycle } from '../../src/app/lifecycle.js';
import type { Notifier } from '../../src/app/notifier.js';
import { createBotRuntime } from '../../src/botSdk.js';
import type { BotSdk } from '../../src/channel/runtime.js';
import { loadConfig } from '../../src/config.js';
import { areasForTenant } from '../../src/domain/area.js';
import { createServer } from '../../src/server.js';
import { fileStorePort } from '../../src/store/filePort.js';
import type { Store } from '../../src/store/store.js';
import { activity as fixtureActivity, type ActivityJson } from './activities.js';
import { cardsOf, FakeConnector, type ConnectorRequest } from './fakeConnector.js';
import type { TestBot } from './testBot.js';

export interface HttpOptions {
  /** BOT_SDK: botbuilder (default) or agents. */
  sdk?: BotSdk;
  /** More settings, as the process reads them (MicrosoftAppId… turn authentication on). */
  env?: Record<string, string>;
  /** Wrap the app in the redelivery cache, as src/main.ts does. */
  redeliveryCache?: boolean;
  /** The connector the bot answers (default: one of its own, stopped by close()). */
  connector?: FakeConnector;
}

export interface HttpTestBot extends TestBot {
  url: string;
  connector: FakeConnector;
  /** The chosen SDK's proactive sender (weekly summaries), as main.ts hands it to the scheduler. */
  notifier: Notifier;
  /** Posts an activity to /api/messages; resolves with the HTTP status once the bot is done. */
  post(activity: ActivityJson, headers?: Record<string, string>): Promise<number>;
  /** Posts an activity and returns the status and the parsed body (invoke and expectReplies answers). */
  exchange(activity: ActivityJson, headers?: Record<string, string>): Promise<{ status: number; body: unknown }>;
  /** Posts a raw body (not necessarily JSON) as application/json. */
  exchangeRaw(body: string): Promise<{ status: number; body: unknown }>;
  /** What a user reads of everything the bot sent the connector: per message, its text, summary and cards' JSON. */
  read(): string[];
  /** The fixture test/fixtures/activities/<name>.json addressed to this bot's connector, with `over`. */
  activity(name: string, over?: ActivityJson): ActivityJson;
  close(): Promise<void>;
}

/** The bot under test behind the real server; the areas in the app's store say which tenants may in. */
export async function serve(bot: TestBot, seeded: Store, options: HttpOptions): Promise<HttpTestBot> {
  const { logger, clock } = bot;
  const own = options.connector ? undefined : await new FakeConnector().start();
  const connector = options.connector ?? own!;
  const config = loadConfig({ PORT: '0', LOG_LEVEL: 'silent', BOT_SDK: options.sdk ?? 'botbuilder', ...options.env });
  const app = options.redeliveryCache ? withRedeliveryCache(bot.app, { now: () => clock.now().getTime() }) : bot.app;
  // The file store's own port for the lifecycle, as before testBot; on PostgreSQL the app's.
  const lifecyclePort = bot.store === seeded ? fileStorePort(seeded) : bot.port;
  const runtime = await createBotRuntime({
    config,
    app,
    logger,
    tenantAllowed: async (tenantId) => areasForTenant(await bot.port.areas.areas(), tenantId).length > 0,
    lifecycle: createLifecycle({ port: lifecyclePort, clock, logger, notifier: () => runtime.notifier }),
  });
  const server = createServer({ bot: runtime, logger, health: () => ({}) });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const url = `http://127.0.0.1:${server.address().port}`;
  const exchangeRaw = (body: string, headers: Record<string, string> = {}) => postTo(url, body, headers);
  const exchange: HttpTestBot['exchange'] = (activity, headers) => exchangeRaw(JSON.stringify(activity), headers);
  const http: Omit<HttpTestBot, keyof TestBot> = {
    url,
    connector,
    notifier: runtime.notifier,
    post: async (activity, headers) => (await exchange(activity, headers)).status,
    exchange,
    exchangeRaw: (body) => exchangeRaw(body),
    read: () => readable(connector.requests),
    activity: (name, over = {}) => fixtureActivity(name, { serviceUrl: connector.url, ...over }),
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await own?.stop();
    },
  };
  // Property by property: `records` is a getter, asked for when used.
  return Object.defineProperties(http, Object.getOwnPropertyDescriptors(bot)) as HttpTestBot;
}

async function postTo(
  url: string,
  body: string,
  headers: Record<string, string>,
): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
  const text = await response.text();
  try {
    return { status: response.status, body: text ? (JSON.parse(text) as unknown) : undefined };
  } catch {
    return { status: response.status, body: text };
  }
}

function readable(requests: readonly ConnectorRequest[]): string[] {
  return requests.map((r) => {
    const summary = typeof r.activity.summary === 'string' ? r.activity.summary : '';
    return [r.activity.text ?? '', summary, ...cardsOf(r).map((c) => JSON.stringify(c.content))].join('\n');
  });
}
