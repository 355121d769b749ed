// `npm run cards:preview`: every card the bot sends, filled with realistic data by the real app,
// rendered by Microsoft's Adaptive Cards renderer with a Teams-like host config in headless
// Chromium, at a phone's width, to docs/cards/*.png. Needs Debian's chromium (and for the status
// marks fonts-noto-color-emoji): apt-get install chromium fonts-noto-color-emoji
import { execFileSync } from 'node:child_process';
import { fileStorePort } from '../src/store/filePort.js';
import { existsSync, mkdirSync } from 'node:fs';
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
import { CHROMIUM, TEAMS_LIKE_CONTROLS_CSS, cardScript, renderCard } from './cardRenderer.js';

const OUT = path.join(ROOT, 'docs', 'cards');
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
    port: fileStorePort(store),
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
${TEAMS_LIKE_CONTROLS_CSS}
  </style></head><body><div id="frame"><div id="card"></div></div>
  ${cardScript(card)}</body></html>`;
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
      await renderCard(tab, name, page(card));
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
