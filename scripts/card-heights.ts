// How tall the long cards are on a phone: /status 2020, /sammanfattning (week, tertial, year) and
// the weekly card, filled by the real app from the bundled 2020 agreement and a full year of
// entries, rendered by Microsoft's Adaptive Cards renderer with the Teams-like host config in
// headless Chromium at 350 px wide. The goal (issue 10) is at most about 1,000 px each.
// Run: npx tsx scripts/card-heights.ts   (needs Debian's chromium)
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { createApp } from '../src/app/app.js';
import type { Logger, Reply } from '../src/app/ports.js';
import { weeklySummaryReplies } from '../src/app/weeklySummary.js';
import { addDays, stockholmInstant } from '../src/domain/calendar.js';
import { loadBundledAgreements } from '../src/store/bundled.js';
import { MemoryStorage } from '../src/store/storage.js';
import { Store } from '../src/store/store.js';
import { DEMO_USER, demoEntries } from './demoData.js';
import { ROOT } from './services.js';
import { TEAMS_LIGHT_HOST_CONFIG } from './teamsHostConfig.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const WIDTH = 350;
const TODAY = '2020-12-17';
const SDK = createRequire(import.meta.url).resolve('adaptivecards/dist/adaptivecards.min.js');
const silent: Logger = { debug() {}, info() {}, warn() {}, error() {}, child: () => silent };

/** The demo's first half year, and the same rhythm again half a year later: a full year of logging. */
async function fullYearStore(): Promise<Store> {
  const store = await Store.open(
    new MemoryStorage(),
    await loadBundledAgreements(path.join(ROOT, 'data', 'agreements')),
  );
  const first = demoEntries('jonkoping-2020');
  const second = first
    .map((e) => ({
      ...e,
      id: `${e.id}-h2`,
      date: addDays(e.date, 182),
      loggedAt: `${addDays(e.date, 182)}T18:00:00.000Z`,
    }))
    .filter((e) => e.date <= TODAY);
  for (const entry of [...first, ...second]) await store.addEntry(entry);
  return store;
}

async function cards(): Promise<{ name: string; card: unknown }[]> {
  const store = await fullYearStore();
  const now = stockholmInstant(TODAY, '09:00');
  const app = createApp({ store, clock: { now: () => now }, logger: silent, newId: () => 'x' });
  const firstCard = (replies: Reply[], what: string): unknown => {
    for (const reply of replies) if (reply.kind !== 'text') return reply.card;
    throw new Error(`${what} gave no card`);
  };
  const ask = async (text: string) =>
    firstCard(
      await app.handle({
        user: { id: 'u', name: DEMO_USER.name, aadObjectId: DEMO_USER.id },
        conversation: { id: 'c', kind: 'personal' },
        activityId: text,
        text,
      }),
      text,
    );
  return [
    { name: '/status 2020', card: await ask('/status 2020') },
    { name: '/sammanfattning', card: await ask('/sammanfattning') },
    { name: '/sammanfattning tertial', card: await ask('/sammanfattning tertial') },
    { name: '/sammanfattning år', card: await ask('/sammanfattning år') },
    { name: 'weekly card', card: firstCard(weeklySummaryReplies(store.inArea('jonkoping'), TODAY), 'weekly') },
  ];
}

async function main(): Promise<void> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium saknas (${CHROMIUM}): apt-get install chromium`);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu'],
  });
  try {
    const tab = await browser.newPage({ viewport: { width: WIDTH, height: 800 }, locale: 'sv-SE' });
    console.log(`Card heights at ${WIDTH} px wide (Medborgarlöfte 2020, a full year of entries, ${TODAY}):`);
    for (const { name, card } of await cards()) {
      await tab.setContent(
        `<!doctype html><html><head><meta charset="utf-8"><style>body{margin:0;font-family:'Segoe UI',system-ui,'DejaVu Sans',sans-serif}#card{width:${WIDTH}px}</style></head><body><div id="card"></div><script>window.CARD=${JSON.stringify(card)};window.HOST_CONFIG=${JSON.stringify(TEAMS_LIGHT_HOST_CONFIG)};</script></body></html>`,
      );
      await tab.addScriptTag({ path: SDK });
      const height = await tab.evaluate(() => {
        const w = window as unknown as {
          AdaptiveCards: typeof import('adaptivecards');
          CARD: object;
          HOST_CONFIG: object;
        };
        const AC = w.AdaptiveCards;
        const adaptive = new AC.AdaptiveCard();
        adaptive.hostConfig = new AC.HostConfig(w.HOST_CONFIG);
        adaptive.parse(w.CARD, new AC.SerializationContext(AC.Versions.v1_5));
        const rendered = adaptive.render();
        const host = document.getElementById('card');
        if (rendered && host) host.appendChild(rendered);
        return host?.getBoundingClientRect().height ?? 0;
      });
      console.log(`${name.padEnd(26)} ${Math.round(height)} px${height > 1000 ? '  (over 1 000)' : ''}`);
    }
  } finally {
    await browser.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
