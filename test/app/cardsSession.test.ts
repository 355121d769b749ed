// Every card a new user meets in a normal session, checked with Microsoft's Adaptive Cards SDK:
// parsed for schema 1.5 with no events, validateProperties() clean, no property the SDK does not
// know, no unexpanded ${…}, and under 28 KB. Then the same after 400 logged entries.
import { expect } from 'chai';
import type { Reply } from '../../src/app/ports.js';
import { assertValidCard } from '../support/adaptiveCardsSdk.js';
import { cardOf, cardTexts, harness, replyText, type Harness } from '../support/cardsHarness.js';

type Json = Record<string, unknown>;

/** The submit data of the first Action.Submit whose title contains `title` (and whose data has `with`). */
function submitData(card: unknown, title: string, withData: Json = {}): Json {
  let found: Json | undefined;
  const walk = (node: unknown): void => {
    if (found || !node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(walk);
    const obj = node as Json;
    const data = obj.data as Json | undefined;
    const matches = data !== undefined && Object.entries(withData).every(([k, v]) => data[k] === v);
    if (obj.type === 'Action.Submit' && typeof obj.title === 'string' && obj.title.includes(title) && matches)
      found = data;
    else Object.values(obj).forEach(walk);
  };
  walk(card);
  if (!found) throw new Error(`no button "${title}" on ${JSON.stringify(card).slice(0, 300)}`);
  return found;
}

/** Runs the session; returns every reply with the command that caused it, checking each card. */
async function session(h: Harness): Promise<{ label: string; reply: Reply }[]> {
  const all: { label: string; reply: Reply }[] = [];
  const run = async (label: string, replies: Promise<Reply[]>) => {
    const got = await replies;
    got.forEach((reply, i) => all.push({ label: `${label} #${i + 1}`, reply }));
    return got;
  };
  await run('/hjälp', h.say('/hjälp'));
  await run('/logga gemensam krogtillsyn', h.say('/logga gemensam krogtillsyn 2020-03-14 Öxnehaga'));
  const ambiguity = await run('/logga krogtillsyn (ambiguity)', h.say('/logga krogtillsyn igår'));
  await run(
    'ambiguity click',
    h.submit(submitData(cardOf(ambiguity[0]).card, 'Logga den här', { activityId: 'gemensam-krogtillsyn' })),
  );
  const form = await run('/logga (form)', h.say('/logga'));
  const formId = (submitData(cardOf(form[0]).card, 'Logga') as { formId: string }).formId;
  await run('form error', h.submit({ verb: 'log.form', formId, activityId: 'sig', date: '2020-05-30', count: 'tre' }));
  await run(
    'form submit',
    h.submit({
      verb: 'log.form',
      formId,
      activityId: 'sig',
      date: '2020-05-30',
      place: 'Öxnehaga',
      count: '1',
      note: 'Lugnt',
    }),
  );
  await run('/status', h.say('/status'));
  await run('/status 2019', h.say('/status 2019'));
  for (const args of ['', 'månad', 'tertial', 'år', 'år 2019'])
    await run(`/sammanfattning ${args}`, h.say(`/sammanfattning ${args}`));
  await run('/mina', h.say('/mina'));
  // A colleague logs the same joint inspection: "Samma tillfälle?", then the joined confirmation.
  const colleague = { id: '29:johan', name: 'Johan Berg', aadObjectId: 'aad-johan' };
  const same = await run('occasion question', h.say('/logga gemensam krogtillsyn 2020-03-14 Öxnehaga', colleague));
  await run('occasion joined', h.submit(submitData(cardOf(same[0]).card, 'Ja, samma tillfälle'), colleague));
  return all;
}

describe("cards in a normal session, checked with Microsoft's Adaptive Cards SDK", () => {
  it("every card of a new user's session is clean, version 1.5 and under 28 KB", async () => {
    const h = await harness('2020-06-01');
    const replies = await session(h);
    const cards = replies.filter((r) => r.reply.kind !== 'text');
    // help, log, ambiguity, confirmation, form, form with error, confirmation, status ×2, summary ×5, mina,
    // the occasion question and its confirmation
    expect(cards.map((c) => c.label)).to.include.members(['occasion question #1', 'occasion joined #1']);
    expect(cards.map((c) => c.label)).to.have.length.of.at.least(17);
    for (const { label, reply } of cards) assertValidCard(cardOf(reply).card, label);
  });

  it('after 400 entries every card is still clean and within budget, and /mina pages with "Visa fler"', async function () {
    this.timeout(60_000);
    const h = await harness('2020-06-01');
    const words = [
      'gemensam krogtillsyn',
      'torsdagsmöte',
      'ssg',
      'sig',
      'fotpatrullering-oxnehaga',
      'grannsamverkan',
      'enkätundersökning',
    ];
    const places = ['Öxnehaga', 'Österängen', 'Ekhagen', ''];
    for (let i = 0; i < 400; i++) {
      const day = new Date(Date.UTC(2020, 0, 2) + (i % 150) * 86_400_000).toISOString().slice(0, 10);
      const replies = await h.say(
        `/logga ${words[i % words.length]} ${places[i % places.length]} ${day} ${1 + (i % 3)} st`,
      );
      expect(replyText(replies[0]), `entry ${i}: ${replyText(replies[0]).slice(-300)}`).to.match(/✅ Loggat/u);
    }
    expect((await h.records.entries('jonkoping-2020')).length).to.equal(400);
    const replies = await session(h);
    for (const { label, reply } of replies.filter((r) => r.reply.kind !== 'text'))
      assertValidCard(cardOf(reply).card, `${label} (after 400)`);

    const mine = cardOf((await h.say('/mina'))[0]).card;
    expect(cardTexts(mine)).to.include('403 totalt · visar 1–10');
    const next = await h.submit(submitData(mine, 'Visa fler'));
    assertValidCard(cardOf(next[0]).card, 'mina page 2');
    expect(cardTexts(cardOf(next[0]).card)).to.include('403 totalt · visar 11–20');
  });
});
