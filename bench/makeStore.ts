// Writes a bot store straight to disk for the benchmark: the bundled agreements, `entries`
// entries in the 2020 agreement and, optionally, ten earlier years (2008–2017, copies of 2020)
// with `earlierEach` entries each, and audit.jsonl with the "entry.logged" record each entry would
// have had (as if logged through the bot). One area, in this version's format. Files are in the store's own format, so the bot
// validates them at start like any other store. Deterministic: the same arguments give the same files.
import { appendFileSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Agreement } from '../src/domain/agreement.js';
import type { Entry } from '../src/domain/entry.js';

const AGREEMENTS_DIR = new URL('../data/agreements/', import.meta.url);

/**
 * The activity the benchmark's /logga logs. The store's own entries are of the other activities:
 * a /logga of an activity someone else logged that day is asked "Var du med där?" and stores
 * nothing, so entries of it on every day would turn each measured /logga into that question.
 */
export const BENCH_ACTIVITY = 'gemensam-krogtillsyn';

const PLACES = ['Öxnehaga', 'Österängen', 'Råslätt', 'Centrum', 'Huskvarna', 'Norrahammar', undefined];
const NOTES = [
  'lugn kväll, få personer ute',
  'samtal med boende vid torget om trygghet',
  'två ungdomar hänvisade hem, föräldrar kontaktade',
  undefined,
  'krogarna följde reglerna; en varning för trängsel',
];

function entriesFor(agreement: Agreement, count: number): Entry[] {
  const start = Date.parse(`${agreement.period.start}T12:00:00Z`);
  const end = Math.min(Date.parse(`${agreement.period.end}T12:00:00Z`), Date.parse('2020-12-29T12:00:00Z'));
  const days = Math.max(1, Math.floor((end - start) / 86_400_000));
  const entries: Entry[] = [];
  const activities = agreement.activities.filter((a) => a.id !== BENCH_ACTIVITY);
  for (let i = 0; i < count; i++) {
    const activity = activities[i % activities.length]!;
    const date = new Date(start + ((i * 7919) % days) * 86_400_000).toISOString().slice(0, 10);
    const place = PLACES[i % PLACES.length];
    const note = NOTES[i % NOTES.length];
    const person = i % 40;
    entries.push({
      id: `${agreement.id}-bench-${i}`,
      agreementId: agreement.id,
      activityId: activity.id,
      date,
      ...(place ? { place } : {}),
      count: 1 + (i % 3),
      ...(i % 4 === 0 ? { hours: 2 } : {}),
      ...(note ? { note } : {}),
      by: { id: `29:bench-user-${person}`, name: `Person ${person}` },
      loggedAt: `${date}T18:00:00.000Z`,
      sourceId: `message:bench-${agreement.id}-${i}`,
    });
  }
  return entries;
}

/** The audit record logging the entry through the bot would have written. */
function auditLine(entry: Entry, n: number): string {
  return `${JSON.stringify({
    v: 1,
    id: `bench-audit-${entry.agreementId}-${n}`,
    at: entry.loggedAt,
    by: entry.by,
    via: 'chat',
    conversationId: `bench-conversation-${n % 40}`,
    areaId: 'jonkoping',
    action: 'entry.logged',
    agreementId: entry.agreementId,
    activityId: entry.activityId,
    entryId: entry.id,
    changes: {
      date: { to: entry.date },
      count: { to: entry.count },
      ...(entry.hours ? { hours: { to: entry.hours } } : {}),
    },
  })}\n`;
}

function entriesDocument(agreementId: string, entries: Entry[]): string {
  const lines = entries.map((e) => `    ${JSON.stringify(e)}`);
  return `{\n  "version": 1,\n  "agreementId": ${JSON.stringify(agreementId)},\n  "journalSeq": 0,\n  "entries": [${
    lines.length ? `\n${lines.join(',\n')}\n  ` : ''
  }],\n  "completions": []\n}\n`;
}

/** Creates `dir` with the store; returns the number of entries written. */
export function makeStore(
  dir: string,
  options: { entries: number; earlierYears: number; earlierEach: number },
): number {
  mkdirSync(dir, { recursive: true });
  const bundled = readdirSync(AGREEMENTS_DIR)
    .filter((n) => n.endsWith('.json'))
    .sort()
    .map((n) => JSON.parse(readFileSync(new URL(n, AGREEMENTS_DIR), 'utf8')) as Agreement);
  const current = bundled.find((a) => a.id === 'jonkoping-2020')!;
  const earlier: Agreement[] = Array.from({ length: options.earlierYears }, (_, i) => {
    const year = 2008 + i;
    return {
      ...structuredClone(current),
      id: `jonkoping-${year}`,
      title: `Medborgarlöfte ${year}`,
      period: { start: `${year}-01-01`, end: `${year}-12-31` },
    };
  });
  const agreements = [...earlier, ...bundled];
  // The store as this version writes it (one area), so a start is a restart, not a one-time upgrade.
  const area = {
    id: current.area,
    name: current.municipality,
    policeArea: current.policeArea,
    tenants: [],
    coordinators: [],
  };
  writeFileSync(path.join(dir, 'areas.json'), `${JSON.stringify({ version: 1, areas: [area.id] }, null, 2)}\n`);
  writeFileSync(
    path.join(dir, `area-${area.id}.json`),
    `${JSON.stringify({ version: 1, area, agreements, bindings: [], history: [] }, null, 2)}\n`,
  );
  let total = 0;
  for (const agreement of agreements) {
    const count = agreement.id === current.id ? options.entries : earlier.includes(agreement) ? options.earlierEach : 0;
    const entries = entriesFor(agreement, count);
    writeFileSync(path.join(dir, `entries-${agreement.id}.json`), entriesDocument(agreement.id, entries));
    for (let i = 0; i < entries.length; i += 10_000)
      appendFileSync(
        path.join(dir, 'audit.jsonl'),
        entries
          .slice(i, i + 10_000)
          .map((e, j) => auditLine(e, i + j))
          .join(''),
      );
    total += count;
  }
  return total;
}
