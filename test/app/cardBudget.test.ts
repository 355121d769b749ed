// The card budget: with an agreement of 40 activities and 5,000 entries every card the bot sends
// stays under 28 KB (Teams refuses larger messages), and long lists page with "Visa fler" instead
// of being cut: following the button shows every activity exactly once, also one serving two promises.
import { expect } from 'chai';
import type { Reply } from '../../src/app/ports.js';
import { toOutgoing } from '../../src/channel/activity.js';
import { CARD_BUDGET_BYTES, assertValidCard } from '../support/adaptiveCardsSdk.js';
import { cardOf, cardTexts, harness, type Harness } from '../support/cardsHarness.js';
import { WORST_ACTIVITIES, worstCaseAgreement, worstCaseStore } from '../support/worstCase.js';

type Json = Record<string, unknown>;

function moreButton(card: unknown): Json | undefined {
  const found = JSON.stringify(card).match(/"title":"Visa fler[^"]*","data":(\{[^}]*\})/u);
  return found?.[1] ? (JSON.parse(found[1]) as Json) : undefined;
}

/** The first page's replies, then every "Visa fler" page until there is none (at most 20). */
async function allPages(h: Harness, first: Reply[]): Promise<Reply[]> {
  const pages = [...first];
  let last = first[first.length - 1];
  for (let i = 0; i < 20 && last && last.kind !== 'text'; i++) {
    const more = moreButton(cardOf(last).card);
    if (!more) break;
    const next = await h.submit(more);
    pages.push(...next);
    last = next[next.length - 1];
  }
  return pages;
}

function checkBudget(reply: Reply, label: string): number {
  const { card } = cardOf(reply);
  const { bytes } = assertValidCard(card, label);
  // The whole Bot Framework message (card, summary text, envelope) is what Teams measures.
  const message = Buffer.byteLength(JSON.stringify(toOutgoing(reply)), 'utf8');
  expect(message, `${label}: message bytes`).to.be.below(CARD_BUDGET_BYTES);
  return bytes;
}

describe('card budget: 40 activities and 5,000 entries', function () {
  this.timeout(60_000);
  const today = '2020-10-15';
  const agreement = worstCaseAgreement();
  let h: Harness;

  before(async () => {
    h = await harness(today, { store: await worstCaseStore(today) });
    expect(await h.port.records(agreement.area).entries(agreement.id)).to.have.length(5000);
    expect(agreement.activities).to.have.length(WORST_ACTIVITIES);
  });

  for (const command of [
    '/status',
    '/sammanfattning',
    '/sammanfattning månad',
    '/sammanfattning tertial',
    '/sammanfattning år',
  ]) {
    it(`${command}: every page under 28 KB, and the pages together show every activity row once`, async () => {
      const pages = await allPages(h, await h.say(command));
      expect(pages.length, 'pages').to.be.greaterThan(1);
      pages.forEach((p, i) => checkBudget(p, `${command} page ${i + 1}`));
      const names = new Set(agreement.activities.map((a) => a.name));
      const shown = pages.flatMap((p) => cardTexts(cardOf(p).card)).filter((t) => names.has(t));
      // Several activities serve two promises: each is still one row, under the first of them.
      expect(agreement.activities.filter((a) => a.promiseIds.length > 1)).to.not.be.empty;
      expect(shown).to.have.length(WORST_ACTIVITIES);
      expect(new Set(shown).size).to.equal(WORST_ACTIVITIES);
      expect(moreButton(cardOf(pages[pages.length - 1]).card), 'no button on the last page').to.equal(undefined);
    });
  }

  it('the log form (40 activities to choose from) is within budget and offers every activity', async () => {
    const [form] = await h.say('/logga');
    checkBudget(form!, 'log form');
    const values = JSON.stringify(cardOf(form).card).match(/"value":"aktivitet-\d+"/gu) ?? [];
    expect(new Set(values).size).to.equal(WORST_ACTIVITIES);
  });

  it('the ambiguity card shows six candidates and names the rest instead of dropping them', async () => {
    const [choose] = await h.say('/logga trygghetsvandring');
    checkBudget(choose!, 'ambiguity');
    const texts = cardTexts(cardOf(choose).card).join('\n');
    expect(texts).to.contain('…och 34 till');
    expect(texts).to.contain('insats 40');
  });

  it('a confirmation, and /mina paged with notes of 500 characters, are within budget', async () => {
    const [logged] = await h.say('/logga aktivitet-7 Öxnehaga igår 3 st');
    checkBudget(logged!, 'confirmation');
    const mine = await allPages(h, await h.say('/mina'));
    expect(mine.length).to.be.greaterThan(3);
    mine.slice(0, 5).forEach((p, i) => checkBudget(p, `mina page ${i + 1}`));
  });

  it('/hjälp is within budget', async () => {
    const [help] = await h.say('/hjälp');
    checkBudget(help!, 'help');
  });
});
