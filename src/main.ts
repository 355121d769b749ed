// Composition root: configuration, store, app, bot, HTTP. The only module that wires concrete
// adapters together; everything else receives what it needs.
import 'dotenv/config';
import { randomBytes, randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import pino from 'pino';
import { createApp } from './app/app.js';
import { swedishLexicon } from './lexicon/swedishWords.js';
import { createLifecycle } from './app/lifecycle.js';
import { withRedeliveryCache } from './app/redelivery.js';
import { createBotRuntime } from './botSdk.js';
import { ConfigError, loadConfig, type Config } from './config.js';
import { shiftedClock, systemClock } from './clock.js';
import { areasForTenant } from './domain/area.js';
import { createReportLinks } from './report/links.js';
import { startTicker } from './scheduler/ticker.js';
import { Reminders } from './scheduler/reminders.js';
import { WeeklySummaries } from './scheduler/weeklySummaries.js';
import { createServer, type ServerDeps } from './server.js';
import { StoreLockedError } from './store/lock.js';
import { DatabaseUnavailableError } from './store/postgres/index.js';
import { StoreFileError } from './store/storage.js';
import { openConfiguredStore } from './storeSelection.js';
import type { StorePort } from './app/port/index.js';
import { loadBundledAgreements } from './store/bundled.js';
import { startNightlyBackups } from './scheduler/nightlyBackup.js';
import { clearOldNotes } from './app/noteRetention.js';
import { nodeRuntime, OLDEST_SUPPORTED_NODE_MAJOR, type NodeRuntime } from './nodeRuntime.js';
import type restify from 'restify';
import type { Clock } from './app/ports.js';
import type { Notifier } from './app/notifier.js';
import type { BotRuntime } from './channel/runtime.js';
import type { Ticker } from './scheduler/ticker.js';
import { classifyFailure, fixLine } from './errors/classify.js';
import { render } from './views/catalogue.js';
import { startupTexts, type StartupFailure } from './views/startupTexts.js';

const BUNDLED_AGREEMENTS = fileURLToPath(new URL('../data/agreements', import.meta.url));

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const logger = pino({ level: config.logLevel, base: { app: 'medborgarlofte-bot' } });
  // The bot's clock (BOT_TODAY shifts it).
  const clock = config.today ? shiftedClock(config.today) : systemClock;
  // Beyond opening (recovery, snapshots), the application, the jobs and the routes see the store
  // only through the port.
  const opened = await openConfiguredStore(config, await loadBundledAgreements(BUNDLED_AGREEMENTS), clock, logger);
  const port = opened.port;
  if (config.today)
    logger.warn({ today: config.today }, "BOT_TODAY is set: the bot's clock is shifted (for tests and demos only)");
  // Retention counts from the bot's day: with BOT_TODAY (a demo, the benchmark) that is the shifted one.
  const clearNotes = () => clearOldNotes(port, clock.now(), config.noteRetentionMonths, logger);
  await clearNotes();
  const nightly = startNightlyBackups({
    ...(opened.snapshot ? { snapshot: opened.snapshot } : {}),
    logger: logger.child({ job: 'nightlySnapshot' }),
    afterSnapshot: () => clearNotes().then(() => undefined),
  });
  await warnAboutSetup(config, port, logger);
  const reportSecret = reportSecretOf(config, logger);
  const bot = await startBot({ config, port, clock, logger, reportSecret });
  const runtime = checkedNodeRuntime(logger);
  const server = listen(config, logger, runtime, {
    bot,
    logger,
    ready: (timeoutMs) => opened.ready(timeoutMs),
    health: async () => ({
      store: opened.kind,
      ...(await storeCounts(port)),
      authenticated: config.auth !== undefined,
      sdk: bot.sdk,
      node: runtime.version,
    }),
    reports: { port, secret: reportSecret, now: () => clock.now(), logger },
    ...(config.publicPages ? { publicPages: { port, now: () => clock.now() } } : {}),
  });
  const jobs = await startJobs(port, clock, bot.notifier, logger);
  stopOnSignals(logger, server, port, [...jobs, nightly]);
}

/** REPORT_SECRET, or a key made for this process (with a warning: links then die with it). */
function reportSecretOf(config: Config, logger: pino.Logger): string {
  if (config.reportSecret) return config.reportSecret;
  logger.warn(
    'REPORT_SECRET is not set: document links are signed with a key made for this process, so they stop working when it restarts.',
  );
  return randomBytes(32).toString('hex');
}

/** The application, with its redelivery cache, on the bot SDK BOT_SDK names. */
async function startBot(deps: {
  config: Config;
  port: StorePort;
  clock: Clock;
  logger: pino.Logger;
  reportSecret: string;
}): Promise<BotRuntime> {
  const { config, port, clock, logger } = deps;
  const publicUrl = config.publicUrl ?? `http://localhost:${config.port}`;
  const app = withRedeliveryCache(
    createApp({
      port,
      clock,
      admins: config.admins,
      logger,
      newId: randomUUID,
      reportLinks: createReportLinks({ secret: deps.reportSecret, publicUrl }),
      nameLexicon: swedishLexicon,
    }),
    { now: () => clock.now().getTime(), deliveries: port.deliveries },
  );
  const bot = await createBotRuntime({
    config,
    app,
    logger,
    tenantAllowed: async (tenantId) => areasForTenant(await port.areas.areas(), tenantId).length > 0,
    // The lifecycle tells coordinators through the runtime's notifier, made by this very call: asked for later.
    lifecycle: createLifecycle({ port, clock, logger, notifier: () => bot.notifier }),
    // Local trial has no authenticated requests to learn addresses from; the Playground or Emulator is the connector.
    trustedServiceUrls: port.serviceUrls,
    now: () => clock.now(),
  });
  logger.info({ sdk: bot.sdk }, 'bot SDK');
  return bot;
}

/** This process's Node.js, with a warning when it no longer gets security fixes. */
function checkedNodeRuntime(logger: pino.Logger): NodeRuntime {
  const runtime = nodeRuntime(process.version);
  if (!runtime.supported) {
    logger.warn(
      { node: runtime.version, oldestSupported: OLDEST_SUPPORTED_NODE_MAJOR },
      'this Node.js no longer gets security fixes: run the bot on Node.js 22, 24 or 26',
    );
  }
  return runtime;
}

/** The HTTP server, listening on PORT (and HOST when set). */
function listen(config: Config, logger: pino.Logger, runtime: NodeRuntime, deps: ServerDeps): restify.Server {
  const server = createServer(deps);
  const onListening = () => {
    const where = config.host ?? 'every interface';
    logger.info(
      { url: `http://${config.host ?? 'localhost'}:${config.port}/api/messages`, host: where, node: runtime.version },
      'bot listening',
    );
  };
  if (config.host) server.listen(config.port, config.host, onListening);
  else server.listen(config.port, onListening);
  return server;
}

/** The weekly summaries and the reminders, on their tickers; returns what stops them. */
async function startJobs(port: StorePort, clock: Clock, notifier: Notifier, logger: pino.Logger): Promise<Ticker[]> {
  const weeklySummaries = new WeeklySummaries({
    port,
    clock,
    notifier,
    logger: logger.child({ job: 'weeklySummaries' }),
  });
  const ticker = startTicker(weeklySummaries, { logger });
  const reminders = new Reminders({ port, clock, notifier, logger: logger.child({ job: 'reminders' }) });
  // Reminders are due to the minute: a tick a minute is enough, and scans every area's people once.
  const reminderTicker = startTicker(reminders, { logger, everySeconds: 60, name: 'reminders' });
  logger.info({ subscriptions: (await port.subscriptions.active()).length }, 'weekly summaries scheduled');
  return [ticker, reminderTicker];
}

/** On SIGINT or SIGTERM: stops the jobs, answers the last requests, folds the journals, exits. */
function stopOnSignals(logger: pino.Logger, server: restify.Server, port: StorePort, jobs: { stop(): void }[]): void {
  const stop = (signal: string) => {
    logger.info({ signal }, 'stopping');
    for (const job of jobs) job.stop();
    // After the last answer, the journals are folded so the entries files are whole on disk.
    server.close(() => {
      port
        .close()
        .catch((error: unknown) =>
          logger.error({ err: error }, 'folding the journals at stop failed; they keep every entry'),
        )
        .finally(() => process.exit(0));
    });
    setTimeout(() => process.exit(0), 5000).unref();
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

/** Start-up warnings about settings that leave the bot open or unusable. */
async function warnAboutSetup(config: Config, port: StorePort, logger: pino.Logger): Promise<void> {
  if (!config.auth) {
    logger.warn(
      '⚠️  NO MicrosoftAppId: running UNAUTHENTICATED for local trial (Microsoft 365 Agents Playground, Bot Framework Emulator). ' +
        'Anyone who can reach this port can talk to the bot. Never run it like this in production (NODE_ENV=production refuses to).',
    );
  }
  for (const area of await port.areas.areas()) {
    if (area.coordinators.length === 0 && config.admins.length === 0)
      logger.warn(
        { areaId: area.id },
        'this area has no coordinators and ADMINS is empty: nobody there can run coordinator commands (npm run area -- set)',
      );
  }
  if (config.auth?.openIdMetadataUrl) {
    logger.warn(
      { openIdMetadata: config.auth.openIdMetadataUrl },
      "BotOpenIdMetadata is set: the channel's tokens are checked against the keys published there, not login.botframework.com",
    );
  }
}

/** The areas and agreements the store holds, for /healthz. */
async function storeCounts(port: StorePort): Promise<{ areas: number; agreements: number }> {
  const areas = await port.areas.areas();
  const agreements = await Promise.all(areas.map(async (a) => (await port.records(a.id).agreements()).length));
  return { areas: areas.length, agreements: agreements.reduce((sum, n) => sum + n, 0) };
}

/** The start's last words: one line saying what happened, the fix when the catalogue knows it; a stack only for the unknown. */
function reportStartFailure(error: unknown): void {
  const failure = classifyFailure(error);
  const known =
    error instanceof StoreFileError ||
    error instanceof ConfigError ||
    error instanceof StoreLockedError ||
    error instanceof DatabaseUnavailableError;
  if (known) console.error(render(startupTexts, { code: 'startup.refused', reason: error.message }));
  else if (failure.code !== 'unknown') console.error(render(startupTexts, knownFailure(error, failure.description)));
  else console.error(render(startupTexts, { code: 'startup.failed' }), error);
  // What to do, for a failure the error catalogue knows (a full disk, a wrong DATABASE_URL, …).
  if (failure.code !== 'unknown') console.error(fixLine(failure));
}

/** A library's failure the catalogue knows, with the path Node's fs names (the folder it could not make). */
function knownFailure(error: unknown, description: string): StartupFailure {
  const path = (error as { path?: unknown }).path;
  return { code: 'startup.known', description, ...(typeof path === 'string' ? { path } : {}) };
}

main().catch((error: unknown) => {
  reportStartFailure(error);
  process.exit(1);
});
