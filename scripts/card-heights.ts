// How tall the long cards are on a phone: /status 2020, /sammanfattning (week, tertial, year) and
// the weekly card, filled by the real app from the bundled 2020 agreement and a full year of
// entries, rendered by Microsoft's Adaptive Cards renderer with the Teams-like host config in
// headless Chromium at 350 px wide. The goal (issue 10) is at most about 1,000 px each, as the
// card arrives (collapsed); the height with every "Visa …" button pressed is printed beside it.
// Writes bench/results/card-heights.md; with `--png <dir>` also a picture of each card, as sent
// and all open. Run: npx tsx scripts/card-heights.ts [--png <dir>]   (needs Debian's chromium)
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { fileStorePort } from '../src/store/filePort.js';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { createApp } from '../src/app/app.js';
import type { Logger, Reply } from '../src/app/ports.js';
import { weeklySummaryReplies, type WeeklyCardRequest } from '../src/app/weeklySummary.js';
import { addDays, stockholmInstant } from '../src/domain/calendar.js';
import { loadBundledAgreements } from '../src/store/bundled.js';
import { MemoryStorage } from '../src/store/storage.js';
import { Store } from '../src/store/store.js';
import { DEMO_TODAY, DEMO_USER, demoEntries } from './demoData.js';
import { ROOT } from './services.js';
import { CHROMIUM, TEAMS_LIKE_CONTROLS_CSS, cardScript, renderCard } from './cardRenderer.js';
import { worstCaseStore } from '../test/support/worstCase.js';

const WIDTH = 350;
const GOAL = 1000;
/** A Thursday, the weekly card's day. */
const TODAY = '2020-12-17';
/** The demo's half year again, 28 weeks later (weekdays kept), so the year is logged up to TODAY. */
const SECOND_HALF_SHIFT = 196;
const OUT = path.join(ROOT, 'bench', 'results', 'card-heights.md');
const silent: Logger = { debug() {}, info() {}, warn() {}, error() {}, child: () => silent };

/** The demo's first half year (9 January – 4 June), and the same rhythm 23 July – 17 December. */
async function fullYearStore(): Promise<{ store: Store; entries: number }> {
  const store = await Store.open(
    new MemoryStorage(),
    await loadBundledAgreements(path.join(ROOT, 'data', 'agreements')),
  );
  if (addDays(DEMO_TODAY, SECOND_HALF_SHIFT) !== TODAY) throw new Error('the second half must end on TODAY');
  const first = demoEntries('jonkoping-2020');
  const second = first.map((e) => ({
    ...e,
    id: `${e.id}-h2`,
    date: addDays(e.date, SECOND_HALF_SHIFT),
    loggedAt: `${addDays(e.date, SECOND_HALF_SHIFT)}T18:00:00.000Z`,
  }));
  for (const entry of [...first, ...second]) await store.addEntry(entry);
  return { store, entries: first.length + second.length };
}

/** The cards of the goal, asked on TODAY with the bundled agreement. */
async function cards(store: Store): Promise<{ name: string; card: unknown }[]> {
  const ask = asker(store, TODAY);
  return [
    { name: '/status 2020', card: await ask('/status 2020') },
    { name: '/sammanfattning', card: await ask('/sammanfattning') },
    { name: '/sammanfattning tertial', card: await ask('/sammanfattning tertial') },
    { name: '/sammanfattning år', card: await ask('/sammanfattning år') },
    // What the scheduler sends the day after TODAY (src/scheduler/weeklySummaries.ts calls the same function).
    {
      name: 'weekly card',
      card: firstCard(await weeklySummaryReplies(fileStorePort(store), 'jonkoping', weeklyRequest(TODAY)), 'weekly'),
    },
  ];
}

/**
 * For scale, not the goal: the card budget's worst case (test/support/worstCase.ts), 40 activities
 * with long names under 4 promises of long text, 5,000 entries; the first page of each card.
 */
async function worstCaseCards(): Promise<{ name: string; card: unknown }[]> {
  const today = '2020-10-15';
  const store = await worstCaseStore(today);
  const ask = asker(store, today);
  return [
    { name: '40 activities: /status', card: await ask('/status') },
    { name: '40 activities: /sammanfattning år', card: await ask('/sammanfattning år') },
    {
      name: '40 activities: weekly',
      card: firstCard(await weeklySummaryReplies(fileStorePort(store), 'storstad', weeklyRequest(today)), 'weekly'),
    },
  ];
}

/** The first card of a subscription, sent at 07:30 the day after `day`: it covers the seven days up to `day`. */
function weeklyRequest(day: string): WeeklyCardRequest {
  const sendDay = addDays(day, 1);
  return { sendDay, cutAt: stockholmInstant(sendDay, '07:30'), previous: undefined };
}

function firstCard(replies: Reply[], what: string): unknown {
  for (const reply of replies) if (reply.kind !== 'text') return reply.card;
  throw new Error(`${what} gave no card`);
}

/** What a user typing `text` in a personal chat on `today` gets as a card. */
function asker(store: Store, today: string): (text: string) => Promise<unknown> {
  const now = stockholmInstant(today, '09:00');
  const app = createApp({
    port: fileStorePort(store),
    clock: { now: () => now },
    logger: silent,
    newId: () => 'x',
  });
  return async (text: string) =>
    firstCard(
      await app.handle({
        user: { id: 'u', name: DEMO_USER.name, aadObjectId: DEMO_USER.id },
        conversation: { id: 'c', kind: 'personal' },
        activityId: text,
        text,
      }),
      text,
    );
}

function html(card: unknown): string {
  // Buttons styled like cards-preview's, so they count as they do on a phone.
  return `<!doctype html><html><head><meta charset="utf-8"><style>
    body { margin: 0; font-family: 'Segoe UI', system-ui, 'DejaVu Sans', sans-serif; }
    #card { width: ${WIDTH}px; }${TEAMS_LIKE_CONTROLS_CSS}
  </style></head><body><div id="card"></div>
  ${cardScript(card)}</body></html>`;
}

/** Renders the card; returns its height as it arrives and with every toggle ("Visa …") pressed. */
async function measure(
  tab: Page,
  name: string,
  card: unknown,
  png?: string,
): Promise<{ collapsed: number; expanded: number }> {
  await renderCard(tab, name, html(card));
  const height = () => tab.evaluate(() => document.getElementById('card')?.getBoundingClientRect().height ?? 0);
  const collapsed = await height();
  const file = (state: string) =>
    path.join(png ?? '', `${name.replace(/[^a-zåäö0-9]+/giu, '-').replace(/^-|-$/gu, '')}-${state}.png`);
  if (png) await tab.locator('#card').screenshot({ path: file('som-skickat') });
  // The renderer marks a ToggleVisibility button with aria-controls. Press each one shown now
  // (the "Visa …" ones; a "Dölj …" button appears only once its part is open).
  const toggles = await tab.locator('button[aria-controls]:visible').all();
  for (const toggle of toggles) await toggle.click();
  const expanded = await height();
  if (png) await tab.locator('#card').screenshot({ path: file('allt-oppet') });
  return { collapsed: Math.round(collapsed), expanded: Math.round(expanded) };
}

async function main(): Promise<void> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium saknas (${CHROMIUM}): apt-get install chromium`);
  const pngAt = process.argv.indexOf('--png');
  const png = pngAt >= 0 ? path.resolve(process.argv[pngAt + 1] ?? 'card-heights') : undefined;
  if (png) mkdirSync(png, { recursive: true });
  const { store, entries } = await fullYearStore();
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu'],
  });
  const rows: string[] = [];
  const worst: string[] = [];
  try {
    const tab = await browser.newPage({ viewport: { width: WIDTH, height: 800 }, locale: 'sv-SE' });
    console.log(
      `Card heights at ${WIDTH} px wide (Medborgarlöfte 2020, ${entries} entries 9 January – ${TODAY}, asked ${TODAY}):`,
    );
    console.log(`${'card'.padEnd(34)} ${'as sent'.padStart(9)} ${'all open'.padStart(9)}`);
    const measureAll = async (list: { name: string; card: unknown }[], into: string[]) => {
      for (const { name, card } of list) {
        const { collapsed, expanded } = await measure(tab, name, card, png);
        const bytes = Buffer.byteLength(JSON.stringify(card), 'utf8');
        console.log(
          `${name.padEnd(34)} ${`${collapsed} px`.padStart(9)} ${`${expanded} px`.padStart(9)}${collapsed > GOAL ? `  (over ${GOAL})` : ''}`,
        );
        into.push(`| ${name} | ${collapsed} | ${expanded} | ${bytes} |`);
      }
    };
    await measureAll(await cards(store), rows);
    console.log("For scale, the card budget's worst case (first page):");
    await measureAll(await worstCaseCards(), worst);
  } finally {
    await browser.close();
  }
  mkdirSync(path.dirname(OUT), { recursive: true });
  writeFileSync(
    OUT,
    [
      `# Card heights at ${WIDTH} px: npx tsx scripts/card-heights.ts`,
      '',
      `${new Date().toISOString()}. Medborgarlöfte 2020 (bundled) with ${entries} entries from 9 January to ${TODAY}, asked on ${TODAY}.`,
      "Microsoft's Adaptive Cards JS renderer (adaptivecards, schema 1.5) with a Teams-like light host config in headless Chromium.",
      `"As sent" is the card as it arrives (details folded); "all open" has every "Visa …" button pressed. Goal: about ${GOAL} px as sent.`,
      '',
      '| card | as sent (px) | all open (px) | JSON bytes |',
      '| --- | --: | --: | --: |',
      ...rows,
      '',
      "For scale (not the goal): the card budget's worst case, 40 activities with long names under 4 promises of long text and 5,000 entries, asked on 2020-10-15; the first page of each card.",
      '',
      '| card | as sent (px) | all open (px) | JSON bytes |',
      '| --- | --: | --: | --: |',
      ...worst,
      '',
    ].join('\n'),
  );
  console.log(`Wrote ${path.relative(ROOT, OUT)}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
