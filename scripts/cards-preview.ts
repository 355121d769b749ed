// `npm run cards:preview`: every card the bot sends, filled with realistic data by the real app,
// rendered by Microsoft's Adaptive Cards renderer with a Teams-like host config in headless
// Chromium, at a phone's width, to docs/cards/*.png. Needs Debian's chromium (and for the status
// marks fonts-noto-color-emoji): apt-get install chromium fonts-noto-color-emoji
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { createApp } from '../src/app/app.js';
import type { Logger, Reply } from '../src/app/ports.js';
import { stockholmInstant } from '../src/domain/calendar.js';
import { loadBundledAgreements } from '../src/store/bundled.js';
import { MemoryStorage } from '../src/store/storage.js';
import { Store } from '../src/store/store.js';
import { DEMO_TODAY, DEMO_USER, demoEntries } from './demoData.js';
import { ROOT } from './services.js';
import { TEAMS_LIGHT_HOST_CONFIG } from './teamsHostConfig.js';

const OUT = path.join(ROOT, 'docs', 'cards');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
/** A phone held upright: what most people at the Thursday meetings read the cards on. */
const WIDTH = 400;
const SDK = createRequire(import.meta.url).resolve('adaptivecards/dist/adaptivecards.min.js');

const silent: Logger = { debug() {}, info() {}, warn() {}, error() {}, child: () => silent };

async function cards(): Promise<{ name: string; title: string; card: unknown }[]> {
  const store = await Store.open(
    new MemoryStorage(),
    await loadBundledAgreements(path.join(ROOT, 'data', 'agreements')),
  );
  for (const entry of demoEntries('jonkoping-2020')) await store.addEntry(entry);
  let now = stockholmInstant(DEMO_TODAY, '07:45');
  let ids = 0;
  const app = createApp({
    store,
    clock: { now: () => (now = new Date(now.getTime() + 60_000)) },
    logger: silent,
    newId: () => `preview-${++ids}`,
  });
  let messages = 0;
  const turn = (text: string, value?: unknown) =>
    app.handle({
      user: { id: 'user-id-0', name: DEMO_USER.name, aadObjectId: DEMO_USER.id },
      conversation: { id: 'personal-chat-anna', kind: 'personal' },
      activityId: `preview-message-${++messages}`,
      text,
      ...(value !== undefined ? { value } : {}),
    });
  const only = (replies: Reply[], what: string): unknown => {
    for (const reply of replies) if (reply.kind !== 'text') return reply.card;
    throw new Error(`${what} gave no card: ${JSON.stringify(replies)}`);
  };

  const out: { name: string; title: string; card: unknown }[] = [];
  const add = async (name: string, title: string, text: string, value?: unknown) =>
    out.push({ name, title, card: only(await turn(text, value), title) });
  await add('help', '/hjälp', '/hjälp');
  await add('logged', '/logga gemensam krogtillsyn igår', '/logga gemensam krogtillsyn krogmiljön igår 3 h');
  await add('choose-activity', '/logga krogtillsyn (två aktiviteter passar)', '/logga krogtillsyn idag');
  await add('log-form', '/logga (formuläret)', '/logga');
  await add('log-form-error', 'Formuläret med ett fel', '', {
    verb: 'log.form',
    formId: 'preview-form',
    activityId: 'sig',
    date: DEMO_TODAY,
    place: 'Öxnehaga',
    count: '0',
    note: 'Uppföljning med skolan',
  });
  await add('status', '/status', '/status');
  await add('summary-week', '/sammanfattning (senaste 7 dagarna)', '/sammanfattning');
  await add('summary-tertial', '/sammanfattning tertial', '/sammanfattning tertial');
  await add('mine', '/mina', '/mina');
  return out;
}

function page(card: unknown): string {
  return `<!doctype html><html><head><meta charset="utf-8"><style>
    body { margin: 0; background: #f0f0f0; font-family: 'Segoe UI', system-ui, 'DejaVu Sans', sans-serif; }
    #frame { display: inline-block; padding: 16px; background: #f0f0f0; }
    #card { width: ${WIDTH - 32}px; background: #fff; border-radius: 6px; box-shadow: 0 1px 3px rgba(0,0,0,.18); overflow: hidden; }
    .ac-pushButton { background: #fff; border: 1px solid #d1d1d1; border-radius: 4px; padding: 6px 12px; font: 600 14px 'Segoe UI', system-ui, 'DejaVu Sans', sans-serif; color: #252424; }
    .ac-pushButton.style-positive { background: #6264a7; color: #fff; border-color: #6264a7; }
    .ac-input { font: 14px 'Segoe UI', system-ui, 'DejaVu Sans', sans-serif; padding: 6px 8px; border: 1px solid #d1d1d1; border-radius: 4px; }
  </style></head><body><div id="frame"><div id="card"></div></div>
  <script>window.CARD = ${JSON.stringify(card)}; window.HOST_CONFIG = ${JSON.stringify(TEAMS_LIGHT_HOST_CONFIG)};</script></body></html>`;
}

async function main(): Promise<void> {
  if (!existsSync(CHROMIUM))
    throw new Error(`Chromium saknas (${CHROMIUM}): apt-get install chromium fonts-noto-color-emoji`);
  try {
    if (!/emoji/iu.test(execFileSync('fc-list', { encoding: 'utf8' })))
      console.warn('Varning: ingen emoji-font (fonts-noto-color-emoji): statusmarkeringarna blir rutor.');
  } catch {
    // fc-list is only a hint; rendering works without it.
  }
  mkdirSync(OUT, { recursive: true });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_ARGS, '--lang=sv-SE'] });
  try {
    const tab = await browser.newPage({
      viewport: { width: WIDTH, height: 800 },
      deviceScaleFactor: 1.5,
      locale: 'sv-SE',
    });
    for (const { name, title, card } of await cards()) {
      await tab.setContent(page(card));
      await tab.addScriptTag({ path: SDK });
      const problems = await tab.evaluate(() => {
        const w = window as unknown as {
          AdaptiveCards: typeof import('adaptivecards');
          CARD: object;
          HOST_CONFIG: object;
        };
        const AC = w.AdaptiveCards;
        const adaptive = new AC.AdaptiveCard();
        adaptive.hostConfig = new AC.HostConfig(w.HOST_CONFIG);
        const context = new AC.SerializationContext(AC.Versions.v1_5);
        adaptive.parse(w.CARD, context);
        const rendered = adaptive.render();
        if (rendered) document.getElementById('card')?.appendChild(rendered);
        return context.eventCount;
      });
      if (problems > 0) throw new Error(`${name}: the renderer reported ${problems} problem(s)`);
      await tab.evaluate(() => document.fonts.ready);
      const file = path.join(OUT, `${name}.png`);
      await tab.locator('#frame').screenshot({ path: file });
      console.log(`${path.relative(ROOT, file)}  ${title}`);
      // The status card once more with its first promise's activities unfolded, as after "Visa aktiviteterna".
      if (name === 'status') {
        await tab.locator('#card button', { hasText: 'Visa aktiviteterna' }).first().click();
        const open = path.join(OUT, 'status-open.png');
        await tab.locator('#frame').screenshot({ path: open });
        console.log(`${path.relative(ROOT, open)}  ${title}, Visa aktiviteterna`);
      }
    }
  } finally {
    await browser.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
