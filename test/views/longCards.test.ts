// The long cards as a phone user meets them: /status, /sammanfattning and the weekly post arrive as
// an overview (per promise one line, then what is behind plan) with each promise's activities
// folded behind "Visa aktiviteterna"; pressing it shows them. An activity serving two promises
// (SSG-möte in Medborgarlöfte 2020) is one row. Heights in pixels are measured by
// scripts/card-heights.ts, never asserted here; these tests count what is visible.
import { fileStorePort } from '../../src/store/filePort.js';
import { expect } from 'chai';
import { weeklySummaryReplies } from '../../src/app/weeklySummary.js';
import { stockholmInstant } from '../../src/domain/calendar.js';
import { assertValidCard } from '../support/adaptiveCardsSdk.js';
import { cardOf, cardTexts, harness, type Harness } from '../support/cardsHarness.js';
import { worstCaseStore } from '../support/worstCase.js';

type Json = Record<string, unknown>;

const PROMISE_1 = 'Löfte 1: Identifiera och arbeta förebyggande på otrygga platser i Jönköpings kommun';
const PROMISE_2 =
  'Löfte 2: Arbeta aktivt mot drogförsäljning på Öxnehaga, Österängen och Ekhagen och få dessa platser att upplevas som trygga';
const STATE_WORDS = /genomförd|i fas|efter|påbörjad/u;

function isObject(x: unknown): x is Json {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/**
 * The lines a reader sees, top to bottom: text blocks, rich text (its runs joined), facts, and
 * buttons as "[title]". Elements with isVisible false, and everything in them, are not seen.
 */
function visibleLines(card: unknown): string[] {
  const out: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!isObject(node) || node.isVisible === false) return;
    switch (node.type) {
      case 'TextBlock':
        out.push(String(node.text));
        return;
      case 'RichTextBlock':
        out.push((node.inlines as Json[]).map((r) => String(r.text)).join(''));
        return;
      case 'FactSet':
        for (const f of node.facts as Json[]) out.push(`${String(f.title)}: ${String(f.value)}`);
        return;
      case 'ActionSet':
        for (const a of node.actions as Json[]) out.push(`[${String(a.title)}]`);
        return;
    }
    for (const key of ['body', 'items', 'columns']) if (key in node) walk(node[key]);
  };
  walk(card);
  return out;
}

/** Every element with an id, by id. */
function elementsById(card: unknown): Map<string, Json> {
  const found = new Map<string, Json>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!isObject(node)) return;
    if (typeof node.id === 'string' && typeof node.type === 'string' && !node.type.startsWith('Action.')) {
      expect(found.has(node.id), `id ${node.id} is unique`).to.equal(false);
      found.set(node.id, node);
    }
    Object.values(node).forEach(walk);
  };
  walk(card);
  return found;
}

function toggles(card: unknown): { title: string; targets: string[] }[] {
  const out: { title: string; targets: string[] }[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!isObject(node)) return;
    if (node.type === 'Action.ToggleVisibility') {
      out.push({ title: String(node.title), targets: node.targetElements as string[] });
    }
    Object.values(node).forEach(walk);
  };
  walk(card);
  return out;
}

/** The card after pressing the visible button titled `title`, as a client does it: each target's visibility flips. */
function press(card: unknown, title: string): unknown {
  const copy = structuredClone(card);
  expect(visibleLines(copy), `a visible [${title}]`).to.include(`[${title}]`);
  const toggle = toggles(copy).find((t) => t.title === title);
  const byId = elementsById(copy);
  for (const id of toggle?.targets ?? []) {
    const element = byId.get(id);
    if (element) element.isVisible = element.isVisible === false;
  }
  return copy;
}

/** Six weeks of December 2020's work, with SSG-möte (serving both promises) this week. */
async function december(): Promise<Harness> {
  const h = await harness('2020-12-17');
  for (const text of [
    '/logga ssg 2020-12-14',
    '/logga torsdagsmöte 2020-12-17',
    '/logga gemensam krogtillsyn Öxnehaga 2020-12-15',
    '/logga fotpatrullering öxnehaga 2020-12-16',
    '/logga sig 2020-11-05',
    '/logga torsdagsmöte 2020-11-05',
  ]) {
    const [reply] = await h.say(text);
    expect(reply && cardTexts(cardOf(reply).card).join(' '), text).to.contain('Loggat');
  }
  return h;
}

async function cardFor(h: Harness, text: string): Promise<unknown> {
  const replies = await h.say(text);
  const { card } = cardOf(replies[replies.length - 1]);
  assertValidCard(card, text);
  return card;
}

describe('long cards fold their activities (a phone screen)', () => {
  it('/status 2020 arrives as one line per promise with its state words, then what is behind; no activity row shows', async () => {
    const h = await december();
    const card = await cardFor(h, '/status 2020');
    const lines = visibleLines(card);
    expect(lines.filter((l) => l === PROMISE_1)).to.have.length(1);
    expect(lines.filter((l) => l === PROMISE_2)).to.have.length(1);
    // Under each heading: its count line in state words, then its button.
    for (const heading of [PROMISE_1, PROMISE_2]) {
      const at = lines.indexOf(heading);
      expect(lines[at + 1]).to.match(STATE_WORDS);
      expect(lines[at + 2]).to.match(/^\[Visa aktiviteterna \(\d+\)\]$/u);
    }
    // Ten of the eleven are behind in December with this little logged: five named, the rest counted.
    const behind = lines.indexOf('Efter plan (10)');
    expect(behind, 'Efter plan (10)').to.be.greaterThan(lines.indexOf(PROMISE_2));
    expect(
      lines.slice(behind + 1, behind + 6).every((l) => /^🔴 .+: (aktiv )?\d+ av \d+ .+ – långt efter$/u.test(l)),
    ).to.equal(true);
    expect(lines[behind + 6]).to.equal('… och 5 till: alla står under Visa aktiviteterna.');
    // No row: no "senast loggad …", no "inget loggat än", no progress bar text.
    expect(lines.filter((l) => /senast loggad|inget loggat än/u.test(l))).to.deep.equal([]);
    expect(lines.length, lines.join('\n')).to.be.at.most(3 + 2 * 3 + 1 + 5 + 1);
  });

  it('each promise\'s button unfolds exactly its hidden rows, and "Dölj aktiviteterna" folds them again', async () => {
    const h = await december();
    const card = await cardFor(h, '/status 2020');
    const byId = elementsById(card);
    for (const n of [1, 2]) {
      const details = byId.get(`lofte-${n}-aktiviteter`);
      expect(details?.isVisible, `löfte ${n}'s rows are hidden as the card arrives`).to.equal(false);
      expect(byId.get(`lofte-${n}-visa`)?.isVisible).to.equal(true);
    }
    for (const t of toggles(card)) {
      expect(t.targets).to.have.length(2);
      for (const id of t.targets) expect(byId.has(id), `target ${id} exists`).to.equal(true);
    }

    const open1 = press(card, 'Visa aktiviteterna (5)');
    const lines = visibleLines(open1);
    expect(lines).to.include.members(['Gemensam krogtillsyn', 'SSG-möte', '[Dölj aktiviteterna]']);
    expect(lines).to.not.include('Torsdagsmöte Öxnehaga'); // löfte 2's, still folded
    expect(lines).to.not.include('[Visa aktiviteterna (5)]');
    expect(visibleLines(press(open1, 'Dölj aktiviteterna'))).to.deep.equal(visibleLines(card));
  });

  it('SSG-möte, serving both promises, is one row under löfte 1; löfte 2 names it and still counts it', async () => {
    const h = await december();
    const card = await cardFor(h, '/status 2020');
    expect(cardTexts(card).filter((t) => t === 'SSG-möte')).to.have.length(1);
    const open = visibleLines(press(press(card, 'Visa aktiviteterna (5)'), 'Visa aktiviteterna (7)'));
    const row = open.indexOf('SSG-möte');
    expect(open.slice(row, row + 3).join(' ')).to.contain('hör också till löfte 2');
    expect(open).to.include('SSG-möte hör också till det här löftet (visas under löfte 1).');
    // The figures per promise: löfte 2's count line counts its 7 activities, SSG-möte among them.
    const tally2 = open[open.indexOf(PROMISE_2) + 1] ?? '';
    // "🟢 1 i fas · 🟡 3 något efter · 🔴 3 långt efter"
    const counted = [...tally2.matchAll(/(?:^|· )\S+ (\d+) /gu)].reduce((sum, m) => sum + Number(m[1]), 0);
    expect(counted, tally2).to.equal(7);
  });

  it('the weekly card: its title, what was done this week (each activity once), what is behind, and its three buttons', async () => {
    const h = await december();
    const request = { sendDay: '2020-12-18', cutAt: stockholmInstant('2020-12-18', '07:30'), previous: undefined };
    const { card, fallbackText } = cardOf(
      (await weeklySummaryReplies(fileStorePort(h.store), 'jonkoping', request))[0],
    );
    assertValidCard(card, 'weekly card');
    const lines = visibleLines(card);
    expect(lines[0]).to.equal('Så gick det 11–17 december 2020');
    const done = lines.slice(lines.indexOf('Gjort') + 1, lines.indexOf(PROMISE_1));
    expect(done).to.have.members([
      'SSG-möte: 1 gång',
      'Torsdagsmöte Öxnehaga: 1 gång',
      'Gemensam krogtillsyn: 1 tillfälle',
      'Fotpatrullering Öxnehaga: 1 gång',
    ]);
    expect(lines.some((l) => l.startsWith('Efter plan ('))).to.equal(true);
    expect(lines.slice(-3)).to.deep.equal(['[Status]', '[Logga]', '[Sluta prenumerera]']);
    expect(lines.filter((l) => /^loggat /u.test(l))).to.deep.equal([]); // rows folded
    // The text (notifications, clients without cards) names the days and says what was done too.
    expect(fallbackText).to.match(
      /^Så gick det 11–17 december 2020: 4 insatser av 1 person: Gemensam krogtillsyn 1 tillfälle, SSG-möte 1 gång, Fotpatrullering Öxnehaga 1 gång, Torsdagsmöte Öxnehaga 1 gång\. (Efter plan: |Inget är efter plan\.)/u,
    );
  });

  for (const command of ['/sammanfattning', '/sammanfattning tertial', '/sammanfattning år']) {
    it(`${command}: one line of figures per promise, rows folded behind its button`, async () => {
      const h = await december();
      const card = await cardFor(h, command);
      const lines = visibleLines(card);
      for (const heading of [PROMISE_1, PROMISE_2]) {
        const at = lines.indexOf(heading);
        expect(at, heading).to.be.greaterThan(0);
        expect(lines[at + 1]).to.match(/^\d+ insatse?r? av \d+ persone?r? · /u);
        expect(lines[at + 2]).to.match(/^\[Visa aktiviteterna \(\d+\)\]$/u);
      }
      expect(lines.filter((l) => /^loggat |^inget loggat/u.test(l))).to.deep.equal([]);
      expect(cardTexts(card).filter((t) => t === 'SSG-möte')).to.have.length(1);
    });
  }

  it('with 40 activities under 4 promises the first page shows a bounded number of lines: the overview does not grow with the rows', async function () {
    this.timeout(60_000);
    const h = await harness('2020-10-15', { store: await worstCaseStore('2020-10-15') });
    for (const command of ['/status', '/sammanfattning']) {
      const card = await cardFor(h, command);
      const lines = visibleLines(card);
      expect(
        lines.filter((l) => /^Löfte \d/u.test(l)),
        command,
      ).to.have.length(4);
      // Title, subtitle and the date (or three facts), the page line, 4 × (heading, figures, button),
      // "Gjort" and "Efter plan" each with at most 5 lines and the line counting the rest, "Visa fler".
      expect(lines.length, `${command}:\n${lines.join('\n')}`).to.be.at.most(5 + 1 + 4 * 3 + 2 * (1 + 5 + 1) + 1);
    }
  });

  it('a later page ("Visa fler") arrives unfolded: the reader asked for more activities', async function () {
    this.timeout(60_000);
    const h = await harness('2020-10-15', { store: await worstCaseStore('2020-10-15') });
    const card = await cardFor(h, '/status');
    const more = JSON.stringify(card).match(/"title":"Visa fler[^"]*","data":(\{[^}]*\})/u)?.[1];
    const next = cardOf((await h.submit(JSON.parse(more ?? '{}') as unknown))[0]).card;
    assertValidCard(next, '/status page 2');
    const lines = visibleLines(next);
    expect(lines.some((l) => /senast loggad|inget loggat än/u.test(l))).to.equal(true);
    expect(lines).to.include('[Dölj aktiviteterna]');
  });
});
