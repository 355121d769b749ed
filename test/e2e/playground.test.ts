// End to end in Microsoft's own emulator: the bot and the Microsoft 365 Agents Playground run as
// processes on loopback, and headless Chromium (Debian's package, driven by playwright-core) types
// into the Playground like a person. The cards are rendered by the Playground's Teams renderer.
// Screenshots of every step go to test-artifacts/e2e/ (git-ignored), also when a step fails.
import { expect } from 'chai';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { ROOT, freePort, startBot, startPlayground, type Service } from '../../scripts/services.js';

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
const ARTIFACTS = path.join(ROOT, 'test-artifacts', 'e2e');
/** Generous: the first reply waits for the Playground's socket and the bot's first turn, and a machine
 * shared with other work can be slow; a bound, never a measure (nothing asserts how fast). */
const REPLY_TIMEOUT = 120_000;

// The same trial on each bot SDK: `npm run playground` works with either (BOT_SDK).
for (const sdk of ['botbuilder', 'agents'] as const)
  describe(`end to end in the Microsoft 365 Agents Playground (headless Chromium), BOT_SDK=${sdk}`, function () {
    this.timeout(900_000);
    const artifacts = sdk === 'botbuilder' ? ARTIFACTS : path.join(ARTIFACTS, sdk);
    let bot: Service | undefined;
    let playground: (Service & { url: string }) | undefined;
    let browser: Browser | undefined;
    let page: Page;
    let storeDir: string;
    let step = 0;

    before(async function () {
      if (!existsSync(CHROMIUM)) {
        if (process.env.CI)
          throw new Error(
            `${CHROMIUM} is missing: .ci/run installs Debian's chromium; the end-to-end tests must run in CI.`,
          );
        console.log(
          `      (skipped: no Chromium at ${CHROMIUM}; install it with apt-get install chromium to run the end-to-end tests)`,
        );
        this.skip();
      }
      mkdirSync(artifacts, { recursive: true });
      storeDir = mkdtempSync(path.join(tmpdir(), 'medborgarlofte-e2e-'));
      const botPort = await freePort();
      // The bundled agreements end in 2020: the bot's day is set inside one so the form opens on a 2020 date.
      bot = await startBot({
        port: botPort,
        storeDir: path.join(storeDir, 'store'),
        today: '2020-06-01',
        logLevel: 'warn',
        sdk,
      });
      const health = (await (await fetch(`http://127.0.0.1:${botPort}/healthz`)).json()) as { sdk?: string };
      expect(health.sdk, 'the bot runs on the SDK under test').to.equal(sdk);
      playground = await startPlayground({
        port: await freePort(),
        botEndpoint: `http://127.0.0.1:${botPort}/api/messages`,
        logFile: path.join(storeDir, 'playground.log'),
      });
      browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
      page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
      await page.goto(playground.url, { waitUntil: 'domcontentloaded' });
      // The bot's welcome, sent when the Playground installs it, shows the chat is connected.
      await page.getByText('Hej! Jag håller ordning på medborgarlöftet').first().waitFor({ timeout: REPLY_TIMEOUT });
    });

    afterEach(async function () {
      if (!page) return;
      const name = `${String(++step).padStart(2, '0')}-${(this.currentTest?.title ?? 'step').replace(/[^\p{L}\p{N}]+/gu, '-').slice(0, 60)}${this.currentTest?.state === 'failed' ? '-FAILED' : ''}.png`;
      await page.screenshot({ path: path.join(artifacts, name), fullPage: true }).catch(() => undefined);
    });

    after(async function () {
      await browser?.close().catch(() => undefined);
      await playground?.stop();
      await bot?.stop();
      if (storeDir) rmSync(storeDir, { recursive: true, force: true });
    });

    /** The compose box: in a channel, the one that starts a new post (each thread has its own reply box below). */
    function composeBox(): Locator {
      return page.locator('[data-lexical-editor="true"][contenteditable="true"]').first();
    }

    async function send(message: string): Promise<void> {
      const box = composeBox();
      await box.click();
      await box.fill(message);
      await box.press('Enter');
      // The message shows as sent before we look for the answer.
      await page.getByText(message, { exact: true }).last().waitFor({ timeout: REPLY_TIMEOUT });
    }

    /**
     * Posts "@Medborgarlöfte <message>" as a person does in a channel or a group chat: the mention is picked
     * from the Playground's @ menu (typed text alone is no mention), then the rest is typed after it.
     */
    async function sendMentioning(message: string, menuScreenshot?: string): Promise<void> {
      const box = composeBox();
      await box.click();
      await box.pressSequentially('@Medb');
      const suggestion = page
        .getByRole('listbox', { name: 'Typeahead menu' })
        .getByRole('menuitem', { name: 'Medborgarlöfte' });
      await suggestion.waitFor({ timeout: REPLY_TIMEOUT });
      if (menuScreenshot)
        await page.screenshot({
          path: path.join(artifacts, `${String(step + 1).padStart(2, '0')}-${menuScreenshot}.png`),
          fullPage: true,
        });
      await suggestion.click();
      await box.pressSequentially(` ${message}`);
      await box.press('Enter');
      // Shown as sent: the mention (the bot's name, highlighted) and the text after it.
      await page.getByText(`Medborgarlöfte ${message}`, { exact: true }).last().waitFor({ timeout: REPLY_TIMEOUT });
    }

    /** Opens a chat or channel from the Playground's left pane and waits for a text only it shows. */
    async function openConversation(name: string, shown: string): Promise<void> {
      await page.getByRole('treeitem', { name, exact: true }).click();
      await page.getByText(shown).first().waitFor({ timeout: REPLY_TIMEOUT });
    }

    /** A channel post with its replies: the Playground shows each thread as a card (role group), newest first. */
    function thread(post: string): Locator {
      return page.getByRole('group').filter({ has: page.getByText(post, { exact: true }) });
    }

    function mentionThread(message: string): Locator {
      return thread(`Medborgarlöfte ${message}`);
    }

    /** The lines of the Playground's log panel for messages it passed on to the bot, e.g. "… message 200 <at>Medborgarlöfte</at> /status". */
    function deliveredToBot(): Locator {
      return page.getByText('Microsoft 365 Agents Playground -> User Application message 200');
    }

    /** The last card on the page holding all the texts. */
    function card(...texts: string[]): Locator {
      return texts.reduce((l, t) => l.filter({ hasText: t }), page.locator('.ac-adaptiveCard')).last();
    }

    it('types /logga gemensam krogtillsyn 2020-03-14 and sees the confirmation card', async () => {
      await send('/logga gemensam krogtillsyn 2020-03-14');
      const confirmation = card('Loggat', '14 mars 2020');
      await confirmation.waitFor({ timeout: REPLY_TIMEOUT });
      await expectText(confirmation, [
        'Loggat',
        'Gemensam krogtillsyn',
        '1 tillfälle',
        'Medborgarlöfte 2020',
        '1 av 4 tillfällen',
      ]);
    });

    it('opens the log form, fills it in, submits it, and the form is replaced by the confirmation', async () => {
      await send('/logga');
      const form = card('Logga en insats');
      await form.waitFor({ timeout: REPLY_TIMEOUT });
      await form.getByPlaceholder('Välj aktivitet').click();
      await page.getByRole('option', { name: 'Löfte 1 · Gemensam krogtillsyn' }).click();
      await form.getByPlaceholder('Välj plats (valfritt)').click();
      await page.getByRole('option', { name: 'Öxnehaga' }).click();
      await form.getByLabel('Antal').fill('2');
      // Deltagare and Timmar are optional; Timmar takes a decimal comma.
      await form.getByLabel('Deltagare').fill('6');
      await form.getByLabel('Timmar').fill('1,5');
      await form.getByLabel('Anteckning').fill('Lugn kväll vid torget');
      await page.screenshot({
        path: path.join(artifacts, `${String(step + 1).padStart(2, '0')}-form-filled-in.png`),
        fullPage: true,
      });
      await form.getByRole('button', { name: 'Logga', exact: true }).click();

      // The form holds the note too (in its text area) until the confirmation takes its place.
      const confirmation = card('Loggat', 'Lugn kväll vid torget');
      await confirmation.waitFor({ timeout: REPLY_TIMEOUT });
      await expectText(confirmation, [
        'Loggat',
        'Gemensam krogtillsyn',
        '1 juni 2020',
        'Öxnehaga',
        '2 tillfällen',
        '6 deltagare',
        '1,5 timmar',
        '3 av 4 tillfällen',
      ]);
      // Replaced where it stood: no form is left to submit a second time.
      expect(await page.locator('.ac-adaptiveCard').filter({ hasText: 'Logga en insats' }).count()).to.equal(0);
    });

    it('asks /status 2020, sees the overview per promise, and unfolds the activities to see "N av M"', async () => {
      await send('/status 2020');
      const status = card('Polisen och Jönköpings kommun');
      await status.waitFor({ timeout: REPLY_TIMEOUT });
      await expectText(status, [
        'Medborgarlöfte 2020',
        'Löfte 1: Identifiera och arbeta förebyggande på otrygga platser',
        'Löfte 2: Arbeta aktivt mot drogförsäljning',
        'Visa aktiviteterna',
      ]);
      // The rows arrive folded: no row's "senast loggad" line shows until a promise is opened.
      expect(await status.innerText()).not.to.contain('senast loggad');
      await unfold(status);
      await expectText(status, ['Gemensam krogtillsyn', '3 av 4 tillfällen', '0 av 2 ärenden', 'Dölj aktiviteterna']);
    });

    it("asks /sammanfattning år and sees this year's summary with what was logged", async () => {
      await send('/sammanfattning år');
      const summary = card('Sammanfattning, år 2020');
      await summary.waitFor({ timeout: REPLY_TIMEOUT });
      await expectText(summary, ['2 insatser av 1 person', 'Efter plan']);
      await unfold(summary);
      await expectText(summary, ['loggat 3 tillfällen (2 i Öxnehaga, 1 utan plats)']);
    });

    // A channel and a group chat, as the bot's users meet them: only a message that @mentions the bot reaches
    // it, with the mention in its text ("<at>Medborgarlöfte</at> /logga …"), which the bot must strip.
    it('in the channel SSG, @mentions the bot with /logga sig 2020-05-20 and sees the confirmation in the thread', async () => {
      // The Playground adds the bot to a channel or group chat when it is first opened; the bot's welcome shows it is there.
      await openConversation('Trygghet Jönköping - SSG', 'till den här kanalen');
      await sendMentioning('/logga sig 2020-05-20', 'mention-menu-in-channel');
      const confirmation = mentionThread('/logga sig 2020-05-20')
        .locator('.ac-adaptiveCard')
        .filter({ hasText: 'Loggat' });
      await confirmation.waitFor({ timeout: REPLY_TIMEOUT });
      await expectText(confirmation, [
        'Loggat',
        'SIG-ärenden',
        '20 maj 2020',
        '1 ärende',
        'Anna Lind',
        'Medborgarlöfte 2020',
        '1 av 2 ärenden',
      ]);
      // What reached the bot began with the mention; the confirmation shows it read the command after it.
      await deliveredToBot()
        .filter({ hasText: '<at>Medborgarlöfte</at> /logga sig 2020-05-20' })
        .waitFor({ timeout: REPLY_TIMEOUT });
    });

    it('posts /logga ssg 2020-05-27 in SSG without a mention, and the Playground does not pass it to the bot', async () => {
      await send('/logga ssg 2020-05-27');
      // A mentioned post after it, once answered and logged, shows the Playground has passed on what it meant to.
      await sendMentioning('/hjälp');
      await mentionThread('/hjälp').locator('.ac-adaptiveCard').first().waitFor({ timeout: REPLY_TIMEOUT });
      await deliveredToBot().filter({ hasText: '<at>Medborgarlöfte</at> /hjälp' }).waitFor({ timeout: REPLY_TIMEOUT });
      const delivered = await deliveredToBot().allInnerTexts();
      expect(delivered.filter((line) => line.includes('/logga ssg'))).to.deep.equal([]);
      expect(
        await thread('/logga ssg 2020-05-27').locator('.ac-adaptiveCard').count(),
        'replies to the post without a mention',
      ).to.equal(0);
    });

    it('in SSG, @mentions the bot with /status 2020 and sees "N av M" with the channel\'s entry and without the unmentioned one', async () => {
      await sendMentioning('/status 2020');
      const status = mentionThread('/status 2020')
        .locator('.ac-adaptiveCard')
        .filter({ hasText: 'Polisen och Jönköpings kommun' });
      await status.waitFor({ timeout: REPLY_TIMEOUT });
      await unfold(status);
      // The SIG case logged in the channel counts with what was logged in the personal chat.
      await expectText(status, [
        'Medborgarlöfte 2020',
        'Gemensam krogtillsyn',
        '3 av 4 tillfällen',
        'SIG-ärenden',
        '1 av 2 ärenden',
        'senast loggad 20 maj 2020',
      ]);
      // The SSG meeting posted without a mention was never logged. SSG-möte serves both promises and
      // is one row, under löfte 1; löfte 2 names it.
      const ssg = [...(await status.innerText()).matchAll(/SSG-möte\s+aktiv (\d+) av 6 månader hittills/gu)].map(
        (m) => m[1],
      );
      expect(ssg, 'SSG-möte lines in the status card').to.deep.equal(['0']);
      await expectText(status, [
        'hör också till löfte 2',
        'SSG-möte hör också till det här löftet (visas under löfte 1)',
      ]);
    });

    it('in the group chat Torsdagsmöte Öxnehaga, @mentions the bot with /logga torsdagsmöte 2020-05-28 and sees the confirmation', async () => {
      await openConversation('Torsdagsmöte Öxnehaga', 'till den här chatten');
      await sendMentioning('/logga torsdagsmöte 2020-05-28');
      const confirmation = card('Loggat', '28 maj 2020');
      await confirmation.waitFor({ timeout: REPLY_TIMEOUT });
      await expectText(confirmation, [
        'Loggat',
        'Torsdagsmöte Öxnehaga',
        '28 maj 2020',
        '1 gång',
        'Anna Lind',
        // Monday 1 June: the 23rd week has begun (it is not missed, but it counts).
        'aktiv 1 av 23 veckor hittills',
      ]);
      await deliveredToBot()
        .filter({ hasText: '<at>Medborgarlöfte</at> /logga torsdagsmöte 2020-05-28' })
        .waitFor({ timeout: REPLY_TIMEOUT });
    });
  });

/** Presses every "Visa aktiviteterna" of a card, as a reader opening each promise; a pressed one hides itself. */
async function unfold(card: Locator): Promise<void> {
  const buttons = card.getByRole('button', { name: /^Visa aktiviteterna/u });
  const count = await buttons.count();
  expect(count, '"Visa aktiviteterna" buttons').to.be.greaterThan(0);
  for (let left = count; left > 0; left--) {
    await buttons.first().click();
    const deadline = Date.now() + REPLY_TIMEOUT;
    while ((await buttons.count()) >= left && Date.now() < deadline) await card.page().waitForTimeout(50);
    expect(await buttons.count(), 'a pressed "Visa aktiviteterna" hides itself').to.equal(left - 1);
  }
}

async function expectText(locator: Locator, texts: readonly string[]): Promise<void> {
  const shown = await locator.innerText();
  for (const t of texts) expect(shown, `card shows "${t}"`).to.contain(t);
}
