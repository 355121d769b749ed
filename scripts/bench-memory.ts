// npm run bench:memory: the built bot's memory on a store of 100,000 entries (bench/makeStore.ts),
// in a fresh process started as `npm start` starts it (scripts/start.mjs, with its V8 settings;
// BOT_NODE_FLAGS= for none, see there): RSS once it answers, then after a load (/logga at 10 clients, /status, an
// uncached /sammanfattning år, /mina, /uppföljning) and after 20 s idle, and the time of an uncached
// /sammanfattning år.
// Settings: BENCH_ENTRIES (default 100000), BENCH_SECONDS (the /logga load, default 10),
// BENCH_CLIENTS (its concurrent clients, default 10),
// BENCH_SKIP_BUILD=1 to use dist/ as it is, BENCH_NODE_ARGS (space-separated, e.g. --trace-gc) and
// BENCH_BOT_LOG (a file for the bot's output) to look closer.
import autocannon from 'autocannon';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { makeStore } from '../bench/makeStore.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const ENTRIES = Number(process.env.BENCH_ENTRIES ?? 100_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 10);
let n = 0;

function activity(text: string, person = (n + 1) % 40): string {
  n++;
  const day = new Date(Date.UTC(2020, 0, 1 + (Math.floor(n / 40) % 359))).toISOString().slice(0, 10);
  return JSON.stringify({
    type: 'message',
    id: `mem-${process.pid}-${n}`,
    channelId: 'emulator',
    serviceUrl: 'http://localhost:9/',
    deliveryMode: 'expectReplies',
    timestamp: new Date().toISOString(),
    text: text.replace('{date}', day),
    from: { id: `29:bench-${person}`, name: `Bench ${person}` },
    recipient: { id: 'bot', name: 'Medborgarlöfte' },
    conversation: { id: `bench-conversation-${person}`, conversationType: 'personal' },
  });
}

async function ask(port: number, text: string, shows: string, person?: number): Promise<number> {
  const t0 = performance.now();
  const res = await fetch(`http://127.0.0.1:${port}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: activity(text, person),
  });
  const body = await res.text();
  const ms = performance.now() - t0;
  if (res.status !== 200 || !body.includes(shows)) throw new Error(`${text}: ${res.status} ${body.slice(0, 300)}`);
  return ms;
}

function rssMb(pid: number | undefined): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { rss: Math.round(kb('VmRSS') / 1024), peak: Math.round(kb('VmHWM') / 1024) };
}

async function startBot(storeDir: string, port: number): Promise<{ child: ChildProcess; startMs: number }> {
  const t0 = performance.now();
  const args = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter((a) => a.length > 0);
  const child = spawn(process.execPath, [...args, 'scripts/start.mjs'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      STORE_DIR: storeDir,
      BOT_TODAY: '2020-12-30',
      MicrosoftAppId: '',
      COORDINATORS: '',
      REPORT_SECRET: 'b'.repeat(64),
      NODE_ENV: 'development',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  await new Promise<void>((resolve, reject) => {
    const onData = (d: Buffer) => {
      out += d.toString();
      if (out.includes('bot listening')) resolve();
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`the bot exited with ${code}:\n${out}`)));
  });
  const log = process.env.BENCH_BOT_LOG;
  const keep = (d: Buffer) => {
    if (log) appendFileSync(log, d);
  };
  if (log) writeFileSync(log, out);
  child.stdout?.removeAllListeners('data').on('data', keep);
  child.stderr?.removeAllListeners('data').on('data', keep);
  return { child, startMs: performance.now() - t0 };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const round = (x: number) => Math.round(x * 10) / 10;

async function main(): Promise<void> {
  if (process.env.BENCH_SKIP_BUILD !== '1')
    execFileSync(process.execPath, ['node_modules/typescript7/bin/tsc', '-p', 'tsconfig.build.json'], {
      cwd: ROOT,
      stdio: 'inherit',
    });
  const work = mkdtempSync(path.join(tmpdir(), 'mlb-memory-'));
  const port = 41200 + Math.floor(Math.random() * 500);
  let child: ChildProcess | undefined;
  try {
    makeStore(work, { entries: ENTRIES, earlierYears: 0, earlierEach: 0 });
    const bot = await startBot(work, port);
    child = bot.child;
    await ask(port, '/status', 'av');
    const afterOpen = rssMb(child.pid);
    const logga = await autocannon({
      url: `http://127.0.0.1:${port}/api/messages`,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      connections: CLIENTS,
      duration: SECONDS,
      requests: [
        { setupRequest: (req) => ({ ...req, body: activity('/logga gemensam krogtillsyn {date} lugn kväll') }) },
      ],
    });
    const summary: number[] = [];
    for (const write of [
      '/logga gemensam krogtillsyn 29/12',
      '/ångra',
      '/logga gemensam krogtillsyn 30/12',
      '/ångra',
    ]) {
      // A write before each (a log of a day no one else logged, then its undo), so no cached card helps.
      await ask(port, write, write.startsWith('/logga') ? 'Loggat' : '', 99);
      summary.push(await ask(port, '/sammanfattning år', 'Sammanfattning'));
      await ask(port, '/status', 'av');
      await ask(port, '/mina', '');
      await ask(port, '/uppföljning T1 2020', 'Uppföljning');
    }
    const afterLoad = rssMb(child.pid);
    // V8 gives back what the load left behind once the process is idle (its memory reducer starts
    // after 8 s): what stays is what the bot holds.
    await new Promise((resolve) => setTimeout(resolve, 20_000));
    const afterIdle = rssMb(child.pid);
    if (process.env.BENCH_HEAP_SNAPSHOT === '1') {
      // With BENCH_NODE_ARGS=--heapsnapshot-signal=SIGUSR2: the bot writes Heap.*.heapsnapshot in its folder.
      child.kill('SIGUSR2');
      await new Promise((resolve) => setTimeout(resolve, 30_000));
    }
    const result = {
      entries: ENTRIES,
      clients: CLIENTS,
      nodeArgs: process.env.BENCH_NODE_ARGS ?? '',
      botNodeFlags: process.env.BOT_NODE_FLAGS ?? '(start.mjs defaults)',
      mallocArenaMax: process.env.MALLOC_ARENA_MAX ?? '',
      startMs: round(bot.startMs),
      loggaPerSecond: logga.requests.average,
      loggaErrors: logga.errors + logga.non2xx + logga.timeouts,
      summaryYearMs: round(median(summary)),
      rssMb: { afterOpen: afterOpen.rss, afterLoad: afterLoad.rss, afterIdle20s: afterIdle.rss, peak: afterIdle.peak },
    };
    console.log(JSON.stringify(result, null, 2));
  } finally {
    child?.kill('SIGTERM');
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
