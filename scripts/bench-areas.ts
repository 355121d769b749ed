// The store at scale: 300 areas with 2 agreements each (the bundled Jönköping agreements, copied
// under every area's id), with entries logged in each. Measures how long the store takes to open
// (read and validate every file, as at the bot's start), and checks on disk that writes in one area
// (an entry, a milestone, a coordinator, a binding, a new agreement) rewrite none of another
// area's files. Figures, not assertions.
// Run: npm run bench:areas [-- areas=300 entriesPerAgreement=100]
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import type { Agreement } from '../src/domain/agreement.js';
import type { Entry } from '../src/domain/entry.js';
import { loadBundledAgreements } from '../src/store/bundled.js';
import { fileStorage } from '../src/store/storage.js';
import { Store } from '../src/store/store.js';

const AREAS = Number(process.argv[2] ?? 300);
const ENTRIES = Number(process.argv[3] ?? 100);

// Run as a child: open the store once in a fresh process and print the milliseconds.
if (process.argv[2] === '--open') {
  const dir = process.argv[3] ?? '';
  const start = performance.now();
  const cpu = process.cpuUsage();
  const store = await Store.open(fileStorage(dir), []);
  const ms = performance.now() - start;
  const used = process.cpuUsage(cpu);
  const cpuMs = (used.user + used.system) / 1000;
  console.log(JSON.stringify({ ms, cpuMs, areas: store.areas().length, agreements: store.agreements().length }));
  process.exit(0);
}

const bundled = await loadBundledAgreements(fileURLToPath(new URL('../data/agreements', import.meta.url)));
const dir = mkdtempSync(path.join(tmpdir(), 'bench-areas-'));
const ids = Array.from({ length: AREAS }, (_, i) => `omrade-${String(i + 1).padStart(3, '0')}`);

// The files as the store writes them (the same shape; the store validates every one when it opens).
const json = (data: unknown) => `${JSON.stringify(data, null, 2)}\n`;
const person = { id: 'aad-bench', name: 'Bänk Test' };
writeFileSync(path.join(dir, 'areas.json'), json({ version: 1, areas: ids }));
for (const [n, id] of ids.entries()) {
  const agreements: Agreement[] = bundled.map((a) => ({
    ...structuredClone(a),
    id: a.id.replace('jonkoping', id),
    area: id,
  }));
  writeFileSync(
    path.join(dir, `area-${id}.json`),
    json({
      version: 1,
      area: {
        id,
        name: `Kommun ${n + 1}`,
        policeArea: `Lokalpolisområde ${n + 1}`,
        tenants: [`tenant-${n + 1}`, 'tenant-polisen'],
        coordinators: [`samordnare@kommun${n + 1}.se`],
      },
      agreements,
      bindings: [],
      history: [{ at: '2026-01-01T00:00:00.000Z', by: person, action: 'created' }],
    }),
  );
  for (const agreement of agreements) {
    const activities = agreement.activities;
    const entries: Entry[] = Array.from({ length: ENTRIES }, (_, i) => ({
      id: `${agreement.id}-e${i}`,
      agreementId: agreement.id,
      activityId: activities[i % activities.length]?.id ?? '',
      date: agreement.period.start,
      count: 1,
      by: person,
      loggedAt: `${agreement.period.start}T12:00:00.000Z`,
      note: 'Lugn kväll, inget att rapportera.',
    }));
    writeFileSync(
      path.join(dir, `entries-${agreement.id}.json`),
      json({ version: 1, agreementId: agreement.id, entries, completions: [] }),
    );
  }
}

const files = readdirSync(dir);
const bytes = files.reduce((sum, f) => sum + statSync(path.join(dir, f)).size, 0);
console.log(
  `Store: ${AREAS} areas × ${bundled.length} agreements, ${ENTRIES} entries each: ${files.length} files, ${(bytes / 1e6).toFixed(1)} MB in a temporary folder`,
);

// Open in fresh processes, as a start does.
const fmt = (ms: number[]) => ms.map((m) => `${Math.round(m)} ms`).join(', ');
const fresh: number[] = [];
const freshCpu: number[] = [];
for (let i = 0; i < 3; i++) {
  const out = execFileSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--open', dir], {
    encoding: 'utf8',
  });
  const result = JSON.parse(out) as { ms: number; cpuMs: number; areas: number; agreements: number };
  if (result.areas !== AREAS) throw new Error(`opened ${result.areas} areas, expected ${AREAS}`);
  fresh.push(result.ms);
  freshCpu.push(result.cpuMs);
}
console.log(
  `Open (read + validate every file), fresh process: ${fmt(fresh)}; median ${Math.round(median(fresh))} ms (CPU time ${fmt(freshCpu)})`,
);
// On a shared host the wall time is the CPU time plus waiting for a core.
console.log(
  `Load average: ${loadavg()
    .map((l) => l.toFixed(1))
    .join(', ')} on ${cpus().length} cores`,
);
const store = await Store.open(fileStorage(dir), []);

// Writes in one area; then every file is compared with before.
const hash = (f: string) =>
  createHash('sha256')
    .update(readFileSync(path.join(dir, f)))
    .digest('hex');
const before = new Map(readdirSync(dir).map((f) => [f, hash(f)]));
// Deployment-wide files (no area in their name, e.g. the audit journal): kept whole, to tell an append from a rewrite.
const ofAnArea = (f: string) => /omrade-\d{3}/u.test(f);
const sharedBefore = new Map(
  readdirSync(dir)
    .filter((f) => !ofAnArea(f) && !f.startsWith('.'))
    .map((f) => [f, readFileSync(path.join(dir, f))]),
);
const target = ids[Math.floor(AREAS / 2)] ?? '';
const area = store.inArea(target);
const agreement = area.agreements()[1];
if (!agreement) throw new Error('no agreement');
const writes: [string, () => Promise<unknown>][] = [
  [
    'log an entry',
    () =>
      area.addEntry({
        id: 'bench-new',
        agreementId: agreement.id,
        activityId: agreement.activities[0]?.id ?? '',
        date: agreement.period.start,
        count: 1,
        by: person,
        loggedAt: new Date().toISOString(),
      }),
  ],
  [
    'mark a milestone done',
    () =>
      area.addCompletion(agreement.id, {
        activityId: agreement.activities.find((a) => a.target.kind === 'milestone')?.id ?? '',
        date: agreement.period.start,
        by: person,
        at: new Date().toISOString(),
      }),
  ],
  [
    'add a coordinator',
    () =>
      store.updateArea(
        target,
        (a) => {
          a.coordinators.push('ny@kommun.se');
          return { action: 'coordinatorAdded', detail: 'ny@kommun.se' };
        },
        { by: person, at: new Date() },
      ),
  ],
  ['bind a channel', () => store.bind('conversation', '19:bench@thread.tacv2', target, { by: person, at: new Date() })],
  [
    'add an agreement',
    () =>
      area.addAgreement({
        ...structuredClone(agreement),
        id: `${target}-2021`,
        title: 'Medborgarlöfte 2021',
        period: { start: '2021-01-01', end: '2021-12-31' },
      }),
  ],
];
for (const [name, write] of writes) {
  const start = performance.now();
  await write();
  console.log(`  ${name} in ${target}: ${(performance.now() - start).toFixed(1)} ms`);
}
const after = readdirSync(dir).filter((f) => !f.startsWith('.'));
const changed = after.filter((f) => before.get(f) !== hash(f));
const otherAreas = changed.filter((f) => ofAnArea(f) && !f.includes(target));
const shared = changed.filter((f) => !ofAnArea(f));
console.log(`Files written by those writes: ${changed.join(', ')}`);
for (const f of shared) {
  const old = sharedBefore.get(f);
  const now = readFileSync(path.join(dir, f));
  const appended = old === undefined || now.subarray(0, old.length).equals(old);
  console.log(
    `  ${f} is deployment-wide (no area's data in its name): ${old === undefined ? 'created' : appended ? 'appended to' : 'REWRITTEN'}`,
  );
  if (!appended) process.exitCode = 1;
}
console.log(
  otherAreas.length === 0
    ? `Files of the other ${AREAS - 1} areas rewritten: none (${before.size - changed.filter((f) => before.has(f)).length} files byte for byte as before)`
    : `Files of other areas rewritten: ${otherAreas.join(', ')}`,
);
if (otherAreas.length > 0) process.exitCode = 1;
rmSync(dir, { recursive: true, force: true });

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}
