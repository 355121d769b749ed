// Measures what logging costs as a year's record grows: /logga latency through the whole app on a
// real file store, the entries file's size, and how long a start (open + validate) takes.
// Run: npx tsx scripts/bench-logging.ts [entries=5000]
import { existsSync, statSync } from 'node:fs';
import { fileStorePort } from '../src/store/filePort.js';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { createApp } from '../src/app/app.js';
import type { Logger } from '../src/app/ports.js';
import { loadBundledAgreements } from '../src/store/bundled.js';
import { fileStorage } from '../src/store/storage.js';
import { Store } from '../src/store/store.js';

const total = Number(process.argv[2] ?? 5000);
const silent: Logger = { debug() {}, info() {}, warn() {}, error() {}, child: () => silent };
const dir = mkdtempSync(path.join(tmpdir(), 'bench-'));
const seed = await loadBundledAgreements(fileURLToPath(new URL('../data/agreements', import.meta.url)));
const store = await Store.open(fileStorage(dir), seed);
let id = 0;
const app = createApp({
  port: fileStorePort(store),
  clock: { now: () => new Date('2020-12-30T12:00:00+01:00') },
  logger: silent,
  newId: () => `e${++id}`,
});

const words = ['gemensam krogtillsyn', 'torsdagsmöte', 'sig', 'ssg', 'fotpatrullering Öxnehaga 2 h'];
const checkpoints = new Set([100, 1000, 2500, total]);
const window: number[] = [];
const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))] ?? 0;
for (let i = 1; i <= total; i++) {
  const day = 1 + (i % 28);
  const month = 1 + (i % 12);
  const text = `/logga ${words[i % words.length]} 2020-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')} anteckning ${i}`;
  const t0 = performance.now();
  const replies = await app.handle({
    user: { id: `u${i % 7}`, name: 'Bench' },
    conversation: { id: 'c', kind: 'personal' },
    activityId: `a${i}`,
    text,
  });
  window.push(performance.now() - t0);
  const first = replies[0];
  const shown = first === undefined ? '' : first.kind === 'text' ? first.text : first.fallbackText;
  if (!shown.includes('Loggat')) throw new Error(`unexpected reply to ${text}: ${JSON.stringify(first).slice(0, 300)}`);
  if (checkpoints.has(i)) {
    const journal = path.join(dir, 'entries-jonkoping-2020.journal.jsonl');
    const size =
      statSync(path.join(dir, 'entries-jonkoping-2020.json')).size + (existsSync(journal) ? statSync(journal).size : 0);
    console.log(
      `${String(i).padStart(5)} entries: /logga p50 ${pct(window, 0.5).toFixed(1)} ms, p95 ${pct(window, 0.95).toFixed(1)} ms, max ${Math.max(...window).toFixed(1)} ms (last ${window.length}); entries file + journal ${(size / 1024).toFixed(0)} KiB`,
    );
    window.length = 0;
  }
}
const t0 = performance.now();
const reopened = await Store.open(fileStorage(dir), []);
console.log(
  `start with ${reopened.entries('jonkoping-2020').length} entries (open + validate): ${(performance.now() - t0).toFixed(0)} ms`,
);
const s0 = performance.now();
await app.handle({
  user: { id: 'u1', name: 'Bench' },
  conversation: { id: 'c', kind: 'personal' },
  text: '/status 2020',
});
console.log(`/status 2020 with ${total} entries: ${(performance.now() - s0).toFixed(1)} ms`);
