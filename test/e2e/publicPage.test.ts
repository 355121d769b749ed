// The public progress page and the published follow-up's web page as a browser shows them: real
// restify server on loopback, headless Chromium, and axe-core (WCAG 2.1 A and AA rules) in the page.
import { fileStorePort } from '../../src/store/filePort.js';
import { expect } from 'chai';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createReportLinks } from '../../src/report/links.js';
import { createServer } from '../../src/server.js';
import type { Store } from '../../src/store/store.js';
import { cardTexts, say, testApp } from '../fixtures/appHarness.js';
import {
  A2020,
  ANNA,
  APPROVED_COMMENT,
  BERTIL,
  CECILIA,
  fixtureEntries,
  fixtureStore,
  publishFixture,
} from '../fixtures/followUpStore.js';
import { CapturingLogger } from '../support/fakes.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const NOW = new Date('2020-06-01T08:00:00Z');
const SECRET = 'test-report-secret-0123456789abcdef';
const NOTES = fixtureEntries().flatMap((e) => (e.note ? [e.note] : []));

interface AxeViolation {
  id: string;
  help: string;
  nodes: { target: string[] }[];
}

async function axe(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ content: AXE });
  return page.evaluate(async () => {
    const w = window as unknown as {
      axe: { run: (ctx: Document, opts: unknown) => Promise<{ violations: AxeViolation[] }> };
    };
    const result = await w.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
    });
    return result.violations.map((v) => ({
      id: v.id,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target })),
    }));
  });
}

describe('public page and published web page in Chromium (axe-core)', function () {
  let browser: Browser | undefined;
  let store: Store;
  let base = '';
  let close: () => Promise<void> = async () => {};

  before(async function () {
    if (!existsSync(CHROMIUM)) {
      if (process.env.CI) throw new Error(`${CHROMIUM} is missing: .ci/run installs Debian's chromium.`);
      console.log(`      (skipped: no Chromium at ${CHROMIUM}; install it with apt-get install chromium)`);
      this.skip();
    }
    store = await fixtureStore();
    await publishFixture(store, { year: 2020, tertial: 1 }, new Date('2020-05-05T08:00:00Z'));
    const logger = new CapturingLogger();
    const server = createServer({
      bot: {
        authenticate: () => Promise.reject(new Error('GET /loften must not reach the bot')),
        process: () => Promise.reject(new Error('GET /loften must not reach the bot')),
      },
      logger,
      health: () => ({}),
      reports: { port: fileStorePort(store), secret: SECRET, now: () => NOW, logger },
      publicPages: { port: fileStorePort(store), now: () => NOW },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${server.address().port}`;
    close = () => new Promise((resolve) => server.close(() => resolve()));
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
    });
  });
  after(async () => {
    await browser?.close();
    await close();
  });

  it('/loften/jonkoping renders on a phone without JavaScript, passes axe-core, and has the /status figures', async () => {
    const context = await browser!.newContext({ viewport: { width: 360, height: 740 }, javaScriptEnabled: false });
    const page = await context.newPage();
    const res = await page.goto(`${base}/loften/jonkoping`);
    expect(res?.status()).to.equal(200);
    mkdirSync('test-artifacts/e2e', { recursive: true });
    await page.screenshot({ path: 'test-artifacts/e2e/public-page.png', fullPage: true });
    const text = await page.locator('body').innerText();
    expect(await page.locator('h1').innerText()).to.equal('Medborgarlöfte 2020 för Jönköpings kommun');
    for (const p of A2020.promises) expect(text).to.include(p.text);

    // The same figures as /status 2020 on the same day, word for word.
    const { app } = await testApp(store, NOW);
    const status = cardTexts((await app.handle(say('/status 2020')))[0]);
    const figures = status.filter((t) =>
      /^(aktiv )?\d+ av \d+ |^genomförd|^pågående|^inte påbörjad|insatser? loggade?$/u.test(t),
    );
    expect(figures.length).to.be.greaterThan(5);
    for (const f of figures) expect(text, f).to.include(f);
    // SSG-möte serves both promises: described once, under löfte 1, as /status lists it.
    const names = await page.locator('h4.name').allInnerTexts();
    expect(names.filter((n) => n === 'SSG-möte')).to.have.lengthOf(1);
    expect(names).to.have.lengthOf(A2020.activities.length);
    expect(status.some((t) => t.endsWith(' · hör också till löfte 2'))).to.equal(true);
    const ssg = await page.locator('li', { has: page.locator('h4.name', { hasText: 'SSG-möte' }) }).innerText();
    expect(ssg).to.include('hör också till löfte 2');
    const second = await page.locator('section', { has: page.locator('h3', { hasText: /^Löfte 2:/u }) }).innerText();
    expect(second).to.include('SSG-möte hör också till det här löftet (beskrivs under löfte 1).');

    expect(text).to.include(APPROVED_COMMENT);
    const html = await page.content();
    for (const note of NOTES) expect(html, note).not.to.include(note.slice(0, 15));
    // Nobody who logged, by first name, surname or both ("Ek" may still be part of "Ekhagen").
    for (const person of [ANNA, BERTIL, CECILIA]) {
      for (const part of [person.name, ...person.name.split(' ')]) {
        expect(html, part).not.to.match(new RegExp(`(?<![\\p{L}])${part}(?![\\p{L}])`, 'u'));
      }
    }
    await context.close();

    // The page's CSP allows no scripts at all; the browser lets the test inject axe-core anyway.
    const axeContext = await browser!.newContext({ viewport: { width: 360, height: 740 }, bypassCSP: true });
    const withScripts = await axeContext.newPage();
    await withScripts.goto(`${base}/loften/jonkoping`);
    expect(await axe(withScripts)).to.deep.equal([]);
    await withScripts.goto(`${base}/loften/jonkoping?inbaddad=1`);
    expect(await axe(withScripts)).to.deep.equal([]);
    await axeContext.close();
  });

  it('the published follow-up web page passes axe-core', async () => {
    const links = createReportLinks({ secret: SECRET, publicUrl: base });
    const context = await browser!.newContext({ viewport: { width: 360, height: 740 }, bypassCSP: true });
    const page = await context.newPage();
    const res = await page.goto(
      links.followUp({ areaId: 'jonkoping', agreementId: A2020.id, year: 2020, tertial: 1 }, NOW).html,
    );
    expect(res?.status()).to.equal(200);
    expect(await page.locator('body').innerText()).to.include(APPROVED_COMMENT);
    expect(await axe(page)).to.deep.equal([]);
    await context.close();
  });
});
