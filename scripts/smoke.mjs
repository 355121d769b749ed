// A short smoke test of the built bot on whatever Node.js runs this script: start it on a fresh store,
// log an entry, and see it in /status. CI runs it under Node 22 and Node 26 (`.ci/run`); the test suite
// itself runs under the Node 24 that package.json pins.
// Plain JavaScript on purpose: it runs before anything is built, on any supported Node.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
let child;
const fail = (message, output = '') => {
  console.error(`smoke (${process.version}): ${message}\n${output}`);
  child?.kill('SIGKILL');
  process.exit(1);
};

const port = await new Promise((resolve, reject) => {
  const server = createServer();
  server.listen(0, '127.0.0.1', () => {
    const { port: free } = server.address();
    server.close(() => resolve(free));
  });
  server.on('error', reject);
});
const storeDir = mkdtempSync(path.join(tmpdir(), 'smoke-store-'));
const bot = spawn(process.execPath, [path.join(root, 'scripts', 'start.mjs')], {
  cwd: root,
  env: {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    STORE_DIR: storeDir,
    BOT_TODAY: '2020-06-01',
    MicrosoftAppId: '',
  },
  stdio: ['ignore', 'pipe', 'pipe'],
});
child = bot;
let output = '';
bot.stdout.on('data', (chunk) => (output += chunk));
bot.stderr.on('data', (chunk) => (output += chunk));
bot.on('exit', (code) => {
  if (code !== null && code !== 0) fail(`the bot exited with ${code}`, output);
});
// The store is removed only after the bot has exited: at SIGTERM it still folds its journals into
// the store's files, and removing the folder under it fails (ENOTEMPTY) or races its writes.
const stop = async () => {
  if (bot.exitCode === null && bot.signalCode === null) {
    const exited = new Promise((resolve) => bot.once('exit', resolve));
    bot.kill('SIGTERM');
    await exited;
  }
  rmSync(storeDir, { recursive: true, force: true, maxRetries: 5 });
};

// A cold start may build dist/ first (the compiler), so allow it a minute; it never waits longer.
const deadline = Date.now() + 60_000;
let health;
while (health === undefined) {
  if (Date.now() > deadline) {
    await stop();
    fail('the bot did not answer /healthz within 60 s', output);
  }
  health = await fetch(`http://127.0.0.1:${port}/healthz`)
    .then((res) => res.json())
    .catch(() => undefined);
  if (health === undefined) await new Promise((resolve) => setTimeout(resolve, 250));
}

let id = 0;
async function say(text) {
  const res = await fetch(`http://127.0.0.1:${port}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      type: 'message',
      id: `smoke-${++id}`,
      channelId: 'emulator',
      serviceUrl: 'http://127.0.0.1:9/',
      deliveryMode: 'expectReplies',
      text,
      from: { id: 'smoke-user', name: 'Röktest' },
      recipient: { id: 'bot', name: 'Medborgarlöfte' },
      conversation: { id: 'smoke-conversation', conversationType: 'personal' },
    }),
  });
  const body = await res.json().catch(() => ({}));
  return JSON.stringify(body.activities ?? []);
}

try {
  if (health.node !== process.version) fail(`/healthz reports node ${health.node}, expected ${process.version}`);
  const logged = await say('/logga gemensam krogtillsyn igår');
  if (!logged.includes('Loggat')) fail(`/logga was not confirmed: ${logged}`, output);
  const status = await say('/status gemensam krogtillsyn');
  if (!status.includes('1 av 4')) fail(`/status does not show the entry ("1 av 4"): ${status}`, output);
  console.log(`smoke: Node ${process.version}: started, logged an entry, /status shows 1 av 4`);
} finally {
  await stop();
}
