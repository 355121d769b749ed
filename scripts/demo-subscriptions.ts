// The issue's "Done when", run for real: the built bot (node dist/main.js) on loopback, a fake Bot
// Connector in this script, three channels subscribing for a time about a minute ahead (the first
// proactive send to one of them answered 429), a restart, and a fourth channel whose time passes
// while the bot is stopped. Prints what each channel received and when, and the delay between the
// due time and the delivery. Exit status 0 when every check holds.
//
//   npx tsx scripts/demo-subscriptions.ts          (takes about three minutes of real time)
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isoWeekday, stockholmDate, SWEDISH_WEEKDAYS } from '../src/domain/calendar.js';
import { isoWeekKey } from '../src/domain/schedule.js';
import { stockholmTimeOfDay } from '../src/views/scheduleTexts.js';
import { mention } from '../test/support/botHarness.js';
import { cardsOf, FakeConnector } from '../test/support/fakeConnector.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const RETRY_AFTER_SECONDS = 5;
const CHANNELS = ['19:kanal-1@thread.tacv2', '19:kanal-2@thread.tacv2', '19:kanal-3@thread.tacv2'];
const LATE = '19:kanal-4@thread.tacv2';
const THROTTLED = CHANNELS[1] ?? '';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const clock = (ms: number) => new Date(ms).toISOString().slice(11, 23);
const log = (line: string) => console.log(`${clock(Date.now())}  ${line}`);

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** The next whole Stockholm minute at least `aheadMs` from now. */
function minuteAhead(aheadMs: number): Date {
  const t = Date.now() + aheadMs;
  return new Date(Math.ceil(t / 60_000) * 60_000);
}

function subscribeText(due: Date): string {
  const day = SWEDISH_WEEKDAYS[isoWeekday(stockholmDate(due)) - 1];
  return `/prenumerera ${day} ${stockholmTimeOfDay(due)}`;
}

/** The fake connector, the bot's port and store folder, and where the bot's output goes. */
interface Demo {
  connector: FakeConnector;
  port: number;
  botUrl: string;
  storeDir: string;
  logFile: string;
  logStream: WriteStream;
}

/** The demo's fake connector, answering the first proactive send to THROTTLED with 429. */
async function throttlingConnector(): Promise<FakeConnector> {
  const connector = await new FakeConnector().start();
  let throttledOnce = false;
  connector.script((request) => {
    if (request.replyToId === undefined && request.conversationId === THROTTLED && !throttledOnce) {
      throttledOnce = true;
      return { status: 429, headers: { 'retry-after': String(RETRY_AFTER_SECONDS) } };
    }
    return undefined;
  });
  return connector;
}

async function setUp(): Promise<Demo> {
  log('building (tsc -p tsconfig.build.json)');
  const build = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('build failed');
  const connector = await throttlingConnector();
  const storeDir = await mkdtemp(path.join(tmpdir(), 'demo-subscriptions-'));
  const port = await freePort();
  const logFile = path.join(storeDir, 'bot.log');
  return {
    connector,
    port,
    botUrl: `http://127.0.0.1:${port}`,
    storeDir,
    logFile,
    logStream: createWriteStream(logFile),
  };
}

/** Starts the built bot and waits until /healthz answers; `readyAt` is when it did (ms). */
async function startBot(demo: Demo, label: string): Promise<{ child: ChildProcess; readyAt: number }> {
  const child = spawn(process.execPath, ['dist/main.js'], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      PORT: String(demo.port),
      STORE_DIR: demo.storeDir,
      LOG_LEVEL: 'info',
      COORDINATORS: 'aad-anna',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.pipe(demo.logStream, { end: false });
  child.stderr?.pipe(demo.logStream, { end: false });
  for (let i = 0; i < 200; i++) {
    const ok = await fetch(`${demo.botUrl}/healthz`)
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) {
      log(`bot ${label} started (pid ${child.pid}), store ${demo.storeDir}`);
      return { child, readyAt: Date.now() };
    }
    await sleep(50);
  }
  throw new Error(`bot ${label} did not start; see ${demo.logFile}`);
}

async function stopBot(child: ChildProcess, label: string): Promise<void> {
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  child.kill('SIGTERM');
  log(`bot ${label} stopped (exit ${await exited})`);
}

/** Posts a mention of the bot in the conversation; the bot's replies to it, joined by " | ". */
async function say(demo: Demo, conversationId: string, text: string): Promise<string> {
  const { connector } = demo;
  const before = connector.replies(conversationId).length;
  const response = await fetch(`${demo.botUrl}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(mention(connector, conversationId, text)),
  });
  if (!response.ok) throw new Error(`POST /api/messages answered ${response.status}`);
  return connector
    .replies(conversationId)
    .slice(before)
    .map((r) => r.activity.text ?? '')
    .join(' | ');
}

/** Three channels subscribe for `due`, the fourth for `lateDue`, after a coordinator makes this year's agreement. */
async function subscribeAll(demo: Demo, due: Date, lateDue: Date): Promise<void> {
  // The bundled agreements end in 2020: a coordinator makes this year's first, as a new area would.
  const year = stockholmDate(due).slice(0, 4);
  const create = `/nytt-medborgarlöfte ${year} från 2020`;
  log(`coordinator: "${create}" → ${await say(demo, LATE, create)}`);
  for (const channel of CHANNELS)
    log(`${channel}: "${subscribeText(due)}" → ${await say(demo, channel, subscribeText(due))}`);
  log(`${LATE}: "${subscribeText(lateDue)}" → ${await say(demo, LATE, subscribeText(lateDue))}`);
}

type Check = [string, boolean];

/** Prints the channel's row of the table and returns its checks. */
function channelChecks(connector: FakeConnector, channel: string, dueAt: number, restartedAt: number): Check[] {
  const posts = connector.proactive(channel);
  const delivered = posts.filter((p) => p.status === 200);
  const first = delivered[0];
  const delay = first ? first.receivedAt - dueAt : NaN;
  console.log(
    `${channel.padEnd(27)} ${clock(dueAt)}  ${posts
      .map((p) => `${clock(p.receivedAt)}: ${p.status}`)
      .join(', ')
      .padEnd(50)}  ${String(delivered.length).padStart(9)}  ${first ? `${(delay / 1000).toFixed(3)} s` : '–'}`,
  );
  const checks: Check[] = [
    [`${channel}: exactly one summary`, delivered.length === 1],
    [`${channel}: the summary carries a card`, first !== undefined && cardsOf(first).length > 0],
    [`${channel}: not before its due time`, delivered.every((p) => p.receivedAt >= dueAt)],
  ];
  if (channel === THROTTLED)
    checks.push([
      `${channel}: first send answered 429, delivered after Retry-After`,
      posts[0]?.status === 429 && delay >= RETRY_AFTER_SECONDS * 1000,
    ]);
  if (channel === LATE)
    checks.push([
      `${channel}: caught up once after the restart`,
      first !== undefined && first.receivedAt >= restartedAt,
    ]);
  else checks.push([`${channel}: nothing after the restart`, posts.every((p) => p.receivedAt < restartedAt)]);
  return checks;
}

async function main(): Promise<void> {
  const demo = await setUp();

  // 1. Three channels subscribe for the coming minute (60–120 s ahead), the fourth a minute later.
  const due = minuteAhead(60_000);
  const lateDue = new Date(due.getTime() + 60_000);
  if (isoWeekKey(stockholmDate(due)) !== isoWeekKey(stockholmDate(lateDue)))
    throw new Error('run again in a minute: the due times straddle a week boundary');
  const a = await startBot(demo, 'A');
  await subscribeAll(demo, due, lateDue);

  // 2. Wait past the due time and the 429's Retry-After, then stop the bot before the fourth is due.
  const stopAt = due.getTime() + (RETRY_AFTER_SECONDS + 10) * 1000;
  log(`waiting for ${clock(due.getTime())} (due) and until ${clock(stopAt)}`);
  await sleep(stopAt - Date.now());
  await stopBot(a.child, 'A');

  // 3. Start again after the fourth's time has passed.
  const restartAt = lateDue.getTime() + 10_000;
  log(`bot is down while ${LATE} falls due at ${clock(lateDue.getTime())}; restarting at ${clock(restartAt)}`);
  await sleep(restartAt - Date.now());
  const b = await startBot(demo, 'B');
  await sleep(15_000);
  const unsubscribe = await say(demo, CHANNELS[0] ?? '', '/avprenumerera');
  log(`${CHANNELS[0]}: "/avprenumerera" → ${unsubscribe}`);
  await stopBot(b.child, 'B');
  await demo.connector.stop();
  demo.logStream.end();

  // 4. What each channel received.
  console.log(
    '\nchannel                     due (UTC)     attempts (UTC time: status)                         delivered  delay',
  );
  const checks = [...CHANNELS, LATE].flatMap((channel) =>
    channelChecks(demo.connector, channel, (channel === LATE ? lateDue : due).getTime(), b.readyAt - 1000),
  );
  checks.push(['/avprenumerera answers', unsubscribe.includes('får inte längre veckosammanfattningen')]);
  console.log('');
  for (const [name, ok] of checks) console.log(`${ok ? 'PASS' : 'FAIL'}  ${name}`);
  console.log(`\nbot log: ${demo.logFile}`);
  process.exitCode = checks.every(([, ok]) => ok) ? 0 : 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
