// npm run bench: the built bot beside two baselines, in one run, with one client (autocannon),
// replies in the HTTP body (deliveryMode expectReplies), rounds alternating between the servers
// so that a busy machine slows them alike. Writes bench/results/latest.json and latest.md.
//   - bare: Node's HTTP server with a fixed body (the ceiling)
//   - echo: the smallest botbuilder CloudAdapter + restify bot (the peer floor)
//   - bot:  dist/main.js on stores made on disk with 0, 20,000 and 100,000 entries in 2020, and
//           20,000 with ten earlier years of 10,000 entries each
// Settings: BENCH_SECONDS (per measurement, default 3), BENCH_ROUNDS (default 2);
//   BENCH_ONLY: some of throughput, growth, cold, postgres (comma-separated; default all four);
//   BENCH_PG_URL: the PostgreSQL server the postgres part makes its database on (default
//     postgres://postgres@127.0.0.1:5432/postgres; without one answering, the part is skipped);
//   BENCH_PG_CLIENTS: the postgres part's clients (default 20);
//   BENCH_CLIENTS: the throughput table's client counts (default 1,20,50);
//   BENCH_BASELINE: a checkout of another version with its dist/ built (npm ci && npm run build),
//           measured beside this one in the same rounds (throughput only), for before/after figures.
// A run with BENCH_ONLY or BENCH_CLIENTS writes bench/results/partial.{json,md}, not latest.
import autocannon from 'autocannon';
import pg from 'pg';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { execFileSync } from 'node:child_process';
import { BENCH_ACTIVITY, makeStore } from './makeStore.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const PARTS = ['throughput', 'growth', 'cold', 'postgres'] as const;
type Part = (typeof PARTS)[number];
const ONLY = new Set(
  (process.env.BENCH_ONLY ?? PARTS.join(',')).split(',').map((p) => {
    const part = p.trim() as Part;
    if (!PARTS.includes(part)) throw new Error(`BENCH_ONLY: ${p} is none of ${PARTS.join(', ')}`);
    return part;
  }),
);
const CLIENTS = (process.env.BENCH_CLIENTS ?? '1,20,50').split(',').map((c) => {
  const n = Number(c);
  if (!Number.isInteger(n) || n < 1) throw new Error(`BENCH_CLIENTS: ${c} is not a number of clients`);
  return n;
});
const PG_URL = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const PG_CLIENTS = Number(process.env.BENCH_PG_CLIENTS ?? 20);
const BASELINE = process.env.BENCH_BASELINE ? path.resolve(process.env.BENCH_BASELINE) : undefined;
const PARTIAL = process.env.BENCH_ONLY !== undefined || process.env.BENCH_CLIENTS !== undefined;
const TODAY = '2020-12-30';
// Each /logga names another day of 2020 ({date}), so that each one is stored: the same person
// logging the same activity, day and place as their latest entry is asked "Redan loggat idag –
// logga igen?", and anyone logging it on a day someone else did is asked "Var du med där?".
const LOGGA = '/logga gemensam krogtillsyn {date} lugn kväll';
const STATUS = '/status';

let nextPort = 40100 + Math.floor(Math.random() * 1000);
let activities = 0;
const children: ChildProcess[] = [];
const work = mkdtempSync(path.join(tmpdir(), 'mlb-bench-'));

interface Server {
  name: string;
  port: number;
  child: ChildProcess;
  /** Process start to listening, ms. */
  startMs: number;
}

/**
 * The day the n-th /logga to a server logs. Each of the 40 people (n % 40) has eight days of their
 * own (person, person + 40, … + 280: all before TODAY), which nobody else logs (makeStore's entries
 * are of other activities), and moves on to the next with each of their /logga. So no /logga is
 * someone else's occasion or repeats its person's latest entry.
 */
function dayOf2020(n: number): string {
  const day = (n % 40) + 40 * (Math.floor(n / 40) % 8);
  return new Date(Date.UTC(2020, 0, 1 + day)).toISOString().slice(0, 10);
}

/** Messages sent so far, by server and message (their people and days follow on, see dayOf2020). */
const sent = new Map<string, number>();

function activity(port: number, template: string): string {
  const key = `${port} ${template}`;
  const n = (sent.get(key) ?? 0) + 1;
  sent.set(key, n);
  const text = template.replace('{date}', dayOf2020(n));
  return JSON.stringify({
    type: 'message',
    id: `bench-${process.pid}-${++activities}`,
    channelId: 'emulator',
    serviceUrl: 'http://localhost:9/',
    deliveryMode: 'expectReplies',
    timestamp: new Date().toISOString(),
    text,
    from: { id: `29:bench-${n % 40}`, name: `Bench ${n % 40}` },
    recipient: { id: 'bot', name: 'Medborgarlöfte' },
    conversation: { id: `bench-conversation-${n % 40}`, conversationType: 'personal' },
  });
}

async function post(port: number, text: string): Promise<{ status: number; body: string }> {
  const res = await fetch(`http://127.0.0.1:${port}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: activity(port, text),
  });
  return { status: res.status, body: await res.text() };
}

async function start(
  name: string,
  script: string,
  env: Record<string, string>,
  ready: string,
  cwd = ROOT,
): Promise<Server> {
  const port = nextPort++;
  const t0 = performance.now();
  const child = spawn(process.execPath, [script], {
    cwd,
    env: { ...process.env, NODE_ENV: 'production-like', ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let out = '';
  await new Promise<void>((resolve, reject) => {
    const onData = (d: Buffer) => {
      out += d.toString();
      if (out.includes(ready)) resolve();
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`${name} exited with ${code}:\n${out}`)));
  });
  // Keep reading (and dropping) the log so that a full pipe never blocks the server.
  child.stdout?.removeAllListeners('data').on('data', () => undefined);
  child.stderr?.removeAllListeners('data').on('data', () => undefined);
  return { name, port, child, startMs: performance.now() - t0 };
}

const botEnv = (storeDir: string) => ({
  STORE_DIR: storeDir,
  BOT_TODAY: TODAY,
  MicrosoftAppId: '',
  COORDINATORS: '',
  REPORT_SECRET: 'b'.repeat(64),
  NODE_ENV: 'development',
});

const startBot = (name: string, storeDir: string, checkout = ROOT, env: Record<string, string> = {}) =>
  start(name, 'dist/main.js', { ...botEnv(storeDir), ...env }, 'bot listening', checkout);
const startEcho = () => start('echo', 'bench/echo-bot.mjs', {}, 'echo bot listening');
const startBare = () => start('bare', 'bench/bare-server.mjs', {}, 'bare server listening');

function rssMb(pid: number | undefined): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { rss: Math.round(kb('VmRSS') / 1024), peak: Math.round(kb('VmHWM') / 1024) };
}

interface Load {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  /** Answers that did not show what this message's answer shows ("Loggat" for /logga): another path was measured. */
  otherAnswers: number;
}

/** What the bot's answer to each measured message shows, when all goes as meant. */
const SHOWS: Record<string, string> = { [LOGGA]: 'Loggat', [STATUS]: ' av ' };

/**
 * `text` sent by `connections` clients for `seconds`; a bot's answers are checked against SHOWS.
 * With several ports (instances sharing one store) the clients are dealt out among them in turn
 * (autocannon's round robin over its URLs), and their messages follow on as one server's.
 */
async function load(
  port: number | readonly number[],
  text: string,
  connections: number,
  bot = true,
  seconds = SECONDS,
): Promise<Load> {
  const ports = typeof port === 'number' ? [port] : port;
  const shows = bot ? SHOWS[text] : undefined;
  let otherAnswers = 0;
  let firstOther = '';
  const result = await autocannon({
    // autocannon takes several URLs (its README: connections dealt out in turn); its types say one.
    url: ports.map((p) => `http://127.0.0.1:${p}/api/messages`) as unknown as string,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    connections,
    duration: seconds,
    requests: [
      {
        setupRequest: (req) => ({ ...req, body: activity(ports[0]!, text) }),
        onResponse: (status, body) => {
          if (status !== 200 || shows === undefined || body.includes(shows)) return;
          if (otherAnswers++ === 0) firstOther = body.slice(0, 300);
        },
      },
    ],
  });
  if (otherAnswers > 0)
    console.warn(
      `${text} at ${connections} clients: ${otherAnswers} of ${result.requests.total} answers did not show "${shows}", the first: ${firstOther}`,
    );
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
    otherAnswers,
  };
}

/** Checks that the server answers `text` the way a user would see it before it is measured. */
async function expectAnswer(server: Server, text: string, shows: string): Promise<void> {
  const { status, body } = await post(server.port, text);
  if (status !== 200 || !body.includes(shows)) {
    throw new Error(`${server.name} answered ${text} with ${status}: ${body.slice(0, 400)}`);
  }
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;

function merge(loads: Load[]): Load {
  return {
    rps: round(mean(loads.map((l) => l.rps))),
    p50: round(mean(loads.map((l) => l.p50))),
    p99: round(mean(loads.map((l) => l.p99))),
    errors: loads.reduce((a, l) => a + l.errors, 0),
    otherAnswers: loads.reduce((a, l) => a + l.otherAnswers, 0),
  };
}

async function throughput(bare: Server, echo: Server, bot: Server, baseline?: Server) {
  await expectAnswer(echo, STATUS, 'Echo: /status');
  for (const b of baseline ? [bot, baseline] : [bot]) {
    await expectAnswer(b, STATUS, 'av');
    await expectAnswer(b, LOGGA, 'Loggat');
  }
  const rows = [];
  for (const connections of CLIENTS) {
    const runs: Record<'bare' | 'echo' | 'status' | 'logga' | 'baseStatus' | 'baseLogga', Load[]> = {
      bare: [],
      echo: [],
      status: [],
      logga: [],
      baseStatus: [],
      baseLogga: [],
    };
    for (let r = 0; r < ROUNDS; r++) {
      runs.bare.push(await load(bare.port, STATUS, connections, false));
      runs.echo.push(await load(echo.port, STATUS, connections, false));
      runs.status.push(await load(bot.port, STATUS, connections));
      runs.logga.push(await load(bot.port, LOGGA, connections));
      if (baseline) {
        runs.baseStatus.push(await load(baseline.port, STATUS, connections));
        runs.baseLogga.push(await load(baseline.port, LOGGA, connections));
      }
    }
    const [b, e, s, l] = [merge(runs.bare), merge(runs.echo), merge(runs.status), merge(runs.logga)];
    const ratio = (x: Load) => ({ ...x, ratioToEcho: round(x.rps / e.rps, 2) });
    const row = {
      connections,
      bare: b,
      echo: e,
      status: ratio(s),
      logga: ratio(l),
      ...(baseline ? { baseline: { status: ratio(merge(runs.baseStatus)), logga: ratio(merge(runs.baseLogga)) } } : {}),
    };
    rows.push(row);
    console.log(
      `c=${connections}: bare ${b.rps} req/s, echo ${e.rps}, /status ${s.rps} (${row.status.ratioToEcho}×), /logga ${l.rps} (${row.logga.ratioToEcho}×)` +
        (row.baseline
          ? `; baseline /status ${row.baseline.status.rps} (${row.baseline.status.ratioToEcho}×), /logga ${row.baseline.logga.rps} (${row.baseline.logga.ratioToEcho}×)`
          : ''),
    );
  }
  return rows;
}

/** Time for one answer right after a write (so nothing cached helps), median of five, ms. */
async function buildTime(server: Server, text: string, shows: string): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    await expectAnswer(server, LOGGA, 'Loggat');
    const t0 = performance.now();
    await expectAnswer(server, text, shows);
    times.push(performance.now() - t0);
  }
  return round(median(times));
}

async function growth() {
  const sizes = [
    { name: '0', entries: 0, earlierYears: 0, earlierEach: 0 },
    { name: '20,000', entries: 20_000, earlierYears: 0, earlierEach: 0 },
    { name: '100,000', entries: 100_000, earlierYears: 0, earlierEach: 0 },
    { name: '20,000 + 10 earlier years × 10,000', entries: 20_000, earlierYears: 10, earlierEach: 10_000 },
  ];
  const bots: { size: (typeof sizes)[number]; server: Server; loads: Load[]; rssAfterStart: number }[] = [];
  for (const size of sizes) {
    const dir = path.join(work, `store-${size.entries}-${size.earlierYears}`);
    const t0 = performance.now();
    makeStore(dir, size);
    const madeMs = performance.now() - t0;
    const server = await startBot(`bot ${size.name}`, dir);
    await expectAnswer(server, LOGGA, 'Loggat');
    bots.push({ size, server, loads: [], rssAfterStart: rssMb(server.child.pid).rss });
    console.log(`store ${size.name}: made in ${round(madeMs / 1000)} s, bot started in ${round(server.startMs)} ms`);
  }
  for (let r = 0; r < ROUNDS; r++) {
    for (const bot of bots) bot.loads.push(await load(bot.server.port, LOGGA, 10));
  }
  const empty = merge(bots[0]!.loads);
  const rows = [];
  for (const bot of bots) {
    const logga = merge(bot.loads);
    const row = {
      size: bot.size.name,
      entries: bot.size.entries,
      earlierYears: bot.size.earlierYears,
      earlierEntries: bot.size.earlierYears * bot.size.earlierEach,
      startMs: round(bot.server.startMs),
      logga10: { ...logga, ratioToEmpty: round(logga.rps / empty.rps, 2) },
      buildMs: {
        status: await buildTime(bot.server, STATUS, 'av'),
        summaryYear: await buildTime(bot.server, '/sammanfattning år', 'Sammanfattning'),
        followUp: await buildTime(bot.server, '/uppföljning T1 2020', 'Uppföljning'),
      },
      rssMb: { afterStart: bot.rssAfterStart, ...rssMb(bot.server.child.pid) },
    };
    rows.push(row);
    console.log(JSON.stringify(row));
    bot.server.child.kill('SIGTERM');
  }
  return rows;
}

/** Process start to the first answered message, median of three, alternating bot and echo. */
async function coldStart() {
  const bot: number[] = [];
  const echo: number[] = [];
  const firstAnswer = async (name: string, script: string, env: Record<string, string>, shows: string) => {
    const port = nextPort++;
    const t0 = performance.now();
    const child = spawn(process.execPath, [script], {
      cwd: ROOT,
      env: { ...process.env, ...env, PORT: String(port) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(child);
    // The end of its output, to say why when it gives no answer.
    let tail = '';
    const keep = (d: Buffer) => (tail = (tail + d.toString()).slice(-2000));
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    let last = 'nothing';
    for (;;) {
      try {
        const { status, body } = await post(port, shows === 'Loggat' ? LOGGA : STATUS);
        if (status === 200 && body.includes(shows)) break;
        last = `${status}: ${body.slice(0, 300)}`;
      } catch {
        // not listening yet
      }
      if (child.exitCode !== null || performance.now() - t0 > 30_000) {
        child.kill('SIGTERM');
        throw new Error(`${name} gave no answer (exit ${child.exitCode}, last answer ${last}):\n${tail}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const ms = performance.now() - t0;
    child.kill('SIGTERM');
    return ms;
  };
  // A start that fails (a port another program took on this shared machine) is tried again, twice.
  const measured = async (measure: () => Promise<number>): Promise<number> => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await measure();
      } catch (error) {
        if (attempt === 3) throw error;
        console.error(`cold start failed, trying again: ${(error as Error).message}`);
      }
    }
  };
  for (let i = 0; i < 3; i++) {
    bot.push(
      await measured(() => firstAnswer('bot', 'dist/main.js', botEnv(mkdtempSync(path.join(work, 'cold-'))), 'Loggat')),
    );
    echo.push(await measured(() => firstAnswer('echo', 'bench/echo-bot.mjs', {}, 'Echo')));
  }
  return {
    botMs: round(median(bot)),
    echoMs: round(median(echo)),
    botRuns: bot.map((x) => round(x)),
    echoRuns: echo.map((x) => round(x)),
  };
}

/** Runs one statement on the bench's PostgreSQL server; undefined when none answers. */
async function pgAdmin(text: string): Promise<unknown[] | undefined> {
  const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
  } catch {
    return undefined;
  }
  try {
    return (await client.query(text)).rows as unknown[];
  } finally {
    await client.end();
  }
}

/**
 * /status and /logga at PG_CLIENTS clients: the echo bot, the bot on files, the bot on a new
 * PostgreSQL database, and two bots on another new database with the clients dealt out between
 * them, in alternating rounds. Undefined (with a message) when no server answers at PG_URL.
 */
async function postgres() {
  const name = `mlb_bench_${process.pid}`;
  const databases = [`${name}_one`, `${name}_two`];
  for (const db of databases) {
    if (!(await pgAdmin(`CREATE DATABASE ${db}`))) {
      console.warn(`postgres part skipped: no PostgreSQL server answers at ${PG_URL} (set BENCH_PG_URL)`);
      return undefined;
    }
  }
  const urlOf = (db: string) => Object.assign(new URL(PG_URL), { pathname: `/${db}` }).toString();
  try {
    const echo = await startEcho();
    const files = await startBot('files', path.join(work, 'store-postgres-part'));
    const one = await startBot('postgres', path.join(work, 'unused-1'), ROOT, { DATABASE_URL: urlOf(databases[0]!) });
    // The second instance starts once the first has seeded the database (both would be safe).
    const a = await startBot('postgres a', path.join(work, 'unused-2'), ROOT, { DATABASE_URL: urlOf(databases[1]!) });
    const b = await startBot('postgres b', path.join(work, 'unused-3'), ROOT, { DATABASE_URL: urlOf(databases[1]!) });
    for (const bot of [files, one, a, b]) await expectAnswer(bot, STATUS, ' av ');
    // b's /logga would repeat a's days (the messages to a pair follow on as a's): a's stands for both.
    for (const bot of [files, one, a]) await expectAnswer(bot, LOGGA, 'Loggat');
    const targets = { files: [files.port], postgres: [one.port], twoInstances: [a.port, b.port] };
    const runs = new Map<string, Load[]>();
    const add = (key: string, l: Load) => runs.set(key, [...(runs.get(key) ?? []), l]);
    for (let r = 0; r < ROUNDS; r++) {
      add('echo', await load(echo.port, STATUS, PG_CLIENTS, false));
      for (const [key, ports] of Object.entries(targets)) {
        add(`${key} status`, await load(ports, STATUS, PG_CLIENTS));
        add(`${key} logga`, await load(ports, LOGGA, PG_CLIENTS));
      }
    }
    const e = merge(runs.get('echo')!);
    const ratio = (x: Load) => ({ ...x, ratioToEcho: round(x.rps / e.rps, 2) });
    const rows = Object.keys(targets).map((key) => ({
      store: key,
      status: ratio(merge(runs.get(`${key} status`)!)),
      logga: ratio(merge(runs.get(`${key} logga`)!)),
    }));
    for (const row of rows)
      console.log(
        `${row.store} at ${PG_CLIENTS} clients: /status ${row.status.rps} req/s (${row.status.ratioToEcho}× echo), /logga ${row.logga.rps} (${row.logga.ratioToEcho}×)`,
      );
    for (const bot of [echo, files, one, a, b]) bot.child.kill('SIGTERM');
    return { clients: PG_CLIENTS, echo: e, rows };
  } finally {
    for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
    for (const db of databases) await pgAdmin(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`);
  }
}

function postgresMarkdown(p: NonNullable<Awaited<ReturnType<typeof postgres>>>): string[] {
  const label: Record<string, string> = {
    files: 'files (one instance)',
    postgres: 'PostgreSQL, one instance',
    twoInstances: 'PostgreSQL, two instances on one database (clients dealt out in turn)',
  };
  return [
    `## PostgreSQL beside files: /status and /logga at ${p.clients} clients`,
    '',
    '| store | /status req/s | ×echo | p50/p99 ms | /logga req/s | ×echo | p50/p99 ms | errors | other answers |',
    '| --- | --: | --: | --: | --: | --: | --: | --: | --: |',
    `| echo bot | ${p.echo.rps} | 1 | ${p.echo.p50} / ${p.echo.p99} | | | | ${p.echo.errors} | |`,
    ...p.rows.map(
      (r) =>
        `| ${label[r.store] ?? r.store} | ${r.status.rps} | **${r.status.ratioToEcho}** | ${r.status.p50} / ${r.status.p99} | ${r.logga.rps} | **${r.logga.ratioToEcho}** | ${r.logga.p50} / ${r.logga.p99} | ${r.status.errors + r.logga.errors} | ${r.status.otherAnswers + r.logga.otherAnswers} |`,
    ),
    '',
    `Each bot on an empty store (PostgreSQL: a new database on ${new URL(PG_URL).host}, seeded at start as a new file store is), built (dist/main.js), on the same machine as the database and the client. Every /logga is stored (it answers "Loggat"); a /status answer is built after the cache sees each write.`,
    '',
  ];
}

function markdown(results: Awaited<ReturnType<typeof run>>): string {
  const t = results.throughput;
  const g = results.growth;
  const c = results.coldStart;
  const base = BASELINE !== undefined;
  const lines = [
    `# npm run bench: ${results.when}`,
    '',
    `Machine: ${results.machine.cpus} × ${results.machine.cpu}, Node ${results.machine.node}, load average ${results.machine.loadBefore.join(' / ')} before and ${results.machine.loadAfter.join(' / ')} after (1/5/15 min). Commit ${results.commit}. ${SECONDS} s per measurement, ${ROUNDS} alternating rounds. Figures are means over rounds; the ratios are what to compare.${PARTIAL ? ` Only: ${[...ONLY].join(', ')}${ONLY.has('throughput') ? `, at ${CLIENTS.join(', ')} clients` : ''}.` : ''}`,
    '',
  ];
  if (t) {
    lines.push(
      '## Throughput against the echo bot (expectReplies, empty store)',
      '',
      `| clients | bare req/s | echo req/s | echo p50/p99 ms | /status req/s | ×echo | p50/p99 ms | /logga req/s | ×echo | p50/p99 ms |${base ? ' baseline /status req/s | ×echo | baseline /logga req/s | ×echo | p50/p99 ms |' : ''}`,
      `| --: | --: | --: | --: | --: | --: | --: | --: | --: | --: |${base ? ' --: | --: | --: | --: | --: |' : ''}`,
      ...t.map(
        (r) =>
          `| ${r.connections} | ${r.bare.rps} | ${r.echo.rps} | ${r.echo.p50} / ${r.echo.p99} | ${r.status.rps} | **${r.status.ratioToEcho}** | ${r.status.p50} / ${r.status.p99} | ${r.logga.rps} | **${r.logga.ratioToEcho}** | ${r.logga.p50} / ${r.logga.p99} |` +
          (r.baseline
            ? ` ${r.baseline.status.rps} | ${r.baseline.status.ratioToEcho} | ${r.baseline.logga.rps} | ${r.baseline.logga.ratioToEcho} | ${r.baseline.logga.p50} / ${r.baseline.logga.p99} |`
            : ''),
      ),
      '',
    );
    if (base) lines.push(`Baseline: ${results.baseline}, measured in the same alternating rounds.`, '');
  }
  if (g) {
    lines.push(
      '## Growth: /logga at 10 clients, build times and memory by store size',
      '',
      '| entries in 2020 | earlier years | start ms | /logga req/s | ×empty | p50/p99 ms | /status ms | /sammanfattning år ms | /uppföljning ms | RSS MB (after start / after load / peak) |',
      '| --- | --: | --: | --: | --: | --: | --: | --: | --: | --: |',
      ...g.map(
        (r) =>
          `| ${r.entries.toLocaleString('en')} | ${r.earlierYears ? `${r.earlierYears} (${r.earlierEntries.toLocaleString('en')} entries)` : '–'} | ${r.startMs} | ${r.logga10.rps} | **${r.logga10.ratioToEmpty}** | ${r.logga10.p50} / ${r.logga10.p99} | ${r.buildMs.status} | ${r.buildMs.summaryYear} | ${r.buildMs.followUp} | ${r.rssMb.afterStart} / ${r.rssMb.rss} / ${r.rssMb.peak} |`,
      ),
      '',
      `Build times: one request right after a write (so no cached card helps), HTTP round trip included, median of five.${results.echoRssMb ? ` The echo bot's RSS after its load: ${results.echoRssMb.rss} MB (peak ${results.echoRssMb.peak} MB).` : ''} Ten earlier years: the same 20,000 entries in 2020 plus ten agreements (2008–2017) of 10,000 entries each. The stores' entries are of every activity but the one the benchmark logs (${BENCH_ACTIVITY}), so each measured /logga is stored.`,
      '',
    );
  }
  if (results.postgres) lines.push(...postgresMarkdown(results.postgres));
  if (c) {
    lines.push(
      '## Cold start (process start to the first answered message, median of three)',
      '',
      `| built bot (empty store, seeded at start) | echo bot |`,
      `| --: | --: |`,
      `| ${c.botMs} ms | ${c.echoMs} ms |`,
      '',
    );
  }
  return lines.join('\n');
}

async function run() {
  const loadBefore = loadavg().map((x) => round(x, 2));
  let throughputRows: Awaited<ReturnType<typeof throughput>> | undefined;
  let echoRss: ReturnType<typeof rssMb> | undefined;
  let baselineCommit: string | undefined;
  if (ONLY.has('throughput')) {
    const bare = await startBare();
    const echo = await startEcho();
    const bot = await startBot('bot', path.join(work, 'store-throughput'));
    let baseline: Server | undefined;
    if (BASELINE) {
      baseline = await startBot('baseline', path.join(work, 'store-baseline'), BASELINE);
      baselineCommit = `${BASELINE} at ${execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: BASELINE }).toString().trim()}`;
    }
    throughputRows = await throughput(bare, echo, bot, baseline);
    bot.child.kill('SIGTERM');
    baseline?.child.kill('SIGTERM');
    echoRss = rssMb(echo.child.pid);
    bare.child.kill('SIGTERM');
    echo.child.kill('SIGTERM');
  }
  const growthRows = ONLY.has('growth') ? await growth() : undefined;
  const cold = ONLY.has('cold') ? await coldStart() : undefined;
  const postgresRows = ONLY.has('postgres') ? await postgres() : undefined;
  if (cold) console.log(`cold start: bot ${cold.botMs} ms, echo ${cold.echoMs} ms`);
  return {
    when: new Date().toISOString(),
    commit: execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT }).toString().trim(),
    machine: {
      cpus: cpus().length,
      cpu: cpus()[0]?.model ?? 'unknown',
      node: process.version,
      loadBefore,
      loadAfter: loadavg().map((x) => round(x, 2)),
    },
    settings: {
      seconds: SECONDS,
      rounds: ROUNDS,
      today: TODAY,
      logga: LOGGA,
      status: STATUS,
      only: [...ONLY],
      clients: CLIENTS,
    },
    ...(baselineCommit ? { baseline: baselineCommit } : {}),
    ...(throughputRows ? { throughput: throughputRows } : {}),
    ...(echoRss ? { echoRssMb: echoRss } : {}),
    ...(growthRows ? { growth: growthRows } : {}),
    ...(cold ? { coldStart: cold } : {}),
    ...(postgresRows ? { postgres: postgresRows } : {}),
  };
}

try {
  const results = await run();
  const out = path.join(ROOT, 'bench', 'results');
  const name = PARTIAL ? 'partial' : 'latest';
  writeFileSync(path.join(out, `${name}.json`), `${JSON.stringify(results, null, 2)}\n`);
  const md = markdown(results);
  writeFileSync(path.join(out, `${name}.md`), md);
  if (results.postgres) {
    const head = md.split('\n').slice(0, 3);
    writeFileSync(path.join(out, 'postgres.md'), [...head, ...postgresMarkdown(results.postgres)].join('\n'));
  }
  console.log(`\n${md}`);
} catch (error) {
  console.error('npm run bench failed:', error);
  process.exitCode = 1;
} finally {
  // The bots fold their journals when they stop: the folder goes once they have.
  const stopped = children
    .filter((child) => child.exitCode === null && child.signalCode === null)
    .map((child) => new Promise((resolve) => child.once('exit', resolve)));
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  await Promise.race([Promise.all(stopped), new Promise((resolve) => setTimeout(resolve, 10_000))]);
  rmSync(work, { recursive: true, force: true, maxRetries: 5 });
}
