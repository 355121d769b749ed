// /medborgarlöfte ändra as a coordinator uses it on the bundled 2020 agreement with entries: a
// working copy in the draft card, a shorter period, an activity renamed and moved to another
// promise, "Ta bort" asking first for an activity with entries, Spara, then /status, /historik, a
// log after the new end, and a restart. Refusals: entries outside a new period, an overlap, a
// non-coordinator, a channel.
import { expect } from 'chai';
import type { Reply } from '../../src/app/ports.js';
import { toOutgoing } from '../../src/channel/activity.js';
import { answerPublicPage } from '../../src/report/publicRoute.js';
import { MemoryStorage } from '../../src/store/storage.js';
import { CARD_BUDGET_BYTES, assertValidCard } from '../support/adaptiveCardsSdk.js';
import { cardOf, cardTexts, harness, replyText, type Harness } from '../support/cardsHarness.js';
import { openStore } from '../support/fakes.js';
import { buttonData } from '../support/harness.js';
import { readFileSync } from 'node:fs';
import { fileStoreOnly } from '../support/storeBackend.js';

const ekby = readFileSync(new URL('../fixtures/import/ekby-bullets-aktiviteter.txt', import.meta.url), 'utf8');

const coordinator = { aadObjectId: 'coordinator-aad', name: 'Sara Samordnare' };

type Json = Record<string, unknown>;

/** The data of the first submit button with this title on the card. */
function button(reply: Reply | undefined, title: string): Json {
  return buttonData([cardReply(reply)], title);
}

/** The reply, known to be a card (cardOf throws, naming what came instead). */
function cardReply(reply: Reply | undefined): Reply {
  cardOf(reply);
  return reply!;
}

/** What a form sends as the card would: every input's value, then what the user typed over them. */
function filled(reply: Reply | undefined, title: string, typed: Json): Json {
  const values: Json = {};
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const o = node as Json;
      if (typeof o['type'] === 'string' && o['type'].startsWith('Input.') && typeof o['id'] === 'string')
        values[o['id']] = o['value'] ?? '';
      Object.values(o).forEach(walk);
    }
  };
  walk(cardOf(reply).card);
  return { ...button(reply, title), ...values, ...typed };
}

/** The "Ändra" button of the row named `name` on a draft card. */
function editOf(reply: Reply | undefined, activityId: string): Json {
  const json = JSON.stringify(cardOf(reply).card);
  if (!json.includes(`"activityId":"${activityId}"`)) throw new Error(`no row for ${activityId}`);
  return { ...button(reply, 'Ändra'), activityId };
}

/** The draft card's page that has the activity's row: from the first page, "Visa fler" until it shows. */
async function pageWith(h: Harness, reply: Reply | undefined, activityId: string): Promise<Reply | undefined> {
  const has = (r: Reply | undefined) => JSON.stringify(cardOf(r).card).includes(`"activityId":"${activityId}"`);
  let page =
    has(reply) || !JSON.stringify(cardOf(reply).card).includes('"title":"Till början"')
      ? reply
      : (await h.submit(button(reply, 'Till början'), coordinator))[0];
  for (let i = 0; i < 5 && !has(page); i++) page = (await h.submit(button(page, 'Visa fler'), coordinator))[0];
  return page;
}

function withinBudget(reply: Reply | undefined, label: string): void {
  assertValidCard(cardOf(reply).card, label);
  expect(Buffer.byteLength(JSON.stringify(toOutgoing(reply!)), 'utf8'), label).to.be.below(CARD_BUDGET_BYTES);
}

describe('/medborgarlöfte ändra', () => {
  it('is for coordinators, in personal chat; a year without an agreement says which there are', async () => {
    const h = await harness('2020-10-15');
    expect(replyText((await h.say('/medborgarlöfte ändra'))[0])).to.contain('bara en samordnare');
    expect(replyText((await h.say('/medborgarlöfte ändra 1999', coordinator))[0])).to.contain(
      'Det finns inget medborgarlöfte "1999"',
    );
    expect(replyText((await h.say('/medborgarlöfte', coordinator))[0])).to.contain('/medborgarlöfte ändra 2020');
    const inChannel = await h.app.handle({
      user: { id: 'u', ...coordinator },
      conversation: { id: 'channel-1', kind: 'channel' },
      mentionsBot: true,
      text: '/medborgarlöfte ändra',
    });
    expect(replyText(inChannel[0])).to.contain('i chatten med mig');
    expect(await h.port.importDrafts.get('id-1')).to.equal(undefined);
  });

  it('period, rename, move, remove (asked first), Spara → /status, /historik, logs after the end refused, restart', async function () {
    fileStoreOnly(this);
    const storage = new MemoryStorage();
    const h = await harness('2020-10-15', { store: await openStore(storage) });
    for (const log of ['/logga torsdagsmöte 2020-10-08', '/logga torsdagsmöte 2020-10-01', '/logga ssg 2020-09-02'])
      await h.say(log);
    expect(await h.records.entries('jonkoping-2020')).to.have.length(3);
    const before = structuredClone((await h.records.agreement('jonkoping-2020'))!);
    expect((await h.records.entries('jonkoping-2020')).filter((e) => e.activityId === 'torsdagsmote')).to.have.length(
      2,
    );

    const [intro, draft] = await h.say('/medborgarlöfte ändra 2020', coordinator);
    expect(replyText(intro)).to.contain('Inget ändras förrän du trycker Spara');
    withinBudget(draft, 'working copy');
    expect(cardTexts(cardOf(draft).card)).to.include('Ändra: Medborgarlöfte 2020');

    // The period: shortened to end with October.
    const [agreementForm] = await h.submit(button(draft, 'Ändra löften och period'), coordinator);
    const [periodSet] = await h.submit(
      filled(agreementForm, 'Spara ändringen', { period: '2020-01-01 – 2020-10-31' }),
      coordinator,
    );
    expect(cardTexts(cardOf(periodSet).card).join(' ')).to.contain('2020-01-01 – 2020-10-31');
    expect((await h.records.agreement('jonkoping-2020'))!.period.end, 'nothing live before Spara').to.equal(
      '2020-12-31',
    );

    // Torsdagsmöte (two entries, promise 2): renamed and moved to promise 1.
    const [form] = await h.submit(editOf(await pageWith(h, periodSet, 'torsdagsmote'), 'torsdagsmote'), coordinator);
    withinBudget(form, 'activity form');
    const [renamed] = await h.submit(
      filled(form, 'Spara ändringen', { name: 'Torsdagsmöte i Öxnehaga', promiseIds: 'otrygga-platser' }),
      coordinator,
    );
    expect(cardTexts(cardOf(renamed).card)).to.include('Torsdagsmöte i Öxnehaga');

    // "Ta bort" on it asks first; "Behåll aktiviteten" keeps it.
    const [again] = await h.submit(editOf(await pageWith(h, renamed, 'torsdagsmote'), 'torsdagsmote'), coordinator);
    const [question] = await h.submit(button(again, 'Ta bort aktiviteten'), coordinator);
    expect(cardTexts(cardOf(question).card)).to.include(
      'Aktiviteten har 2 insatser. Ta bort ändå? Insatserna sparas men räknas inte längre, och ingen kan logga på aktiviteten.',
    );
    withinBudget(question, 'question');
    const [kept] = await h.submit(button(question, 'Behåll aktiviteten'), coordinator);
    expect(cardTexts(cardOf(kept).card)).to.include('Torsdagsmöte i Öxnehaga');

    // SSG-möte (one entry): removed after "Ta bort ändå". Översyn av Öxnehaga torg (none): removed at once.
    const [ssgForm] = await h.submit(editOf(await pageWith(h, kept, 'ssg'), 'ssg'), coordinator);
    const [ssgQuestion] = await h.submit(button(ssgForm, 'Ta bort aktiviteten'), coordinator);
    expect(cardTexts(cardOf(ssgQuestion).card).join(' ')).to.contain('Aktiviteten har 1 insats. Ta bort ändå?');
    const [ssgGone] = await h.submit(button(ssgQuestion, 'Ta bort ändå'), coordinator);
    expect(JSON.stringify(cardOf(ssgGone).card)).to.not.contain('"activityId":"ssg"');
    const [torgForm] = await h.submit(
      editOf(await pageWith(h, ssgGone, 'oxnehaga-torg'), 'oxnehaga-torg'),
      coordinator,
    );
    const [torgGone] = await h.submit(button(torgForm, 'Ta bort aktiviteten'), coordinator);
    expect(JSON.stringify(cardOf(torgGone).card)).to.not.contain('"activityId":"oxnehaga-torg"');
    expect(await h.records.agreement('jonkoping-2020'), 'still nothing live').to.deep.equal(before);

    const [savedCard, done] = await h.submit(button(torgGone, 'Spara'), coordinator);
    expect(cardTexts(cardOf(savedCard).card)).to.include('Sparat av Sara Samordnare.');
    expect(replyText(done)).to.match(
      /^✅ Ändringarna i Medborgarlöfte 2020-01-01 – 2020-10-31 är sparade \(\d+ ändringar/u,
    );

    const stored = (await h.records.agreement('jonkoping-2020'))!;
    expect(stored.period).to.deep.equal({ start: '2020-01-01', end: '2020-10-31' });
    const meeting = stored.activities.find((a) => a.id === 'torsdagsmote')!;
    expect(meeting.name).to.equal('Torsdagsmöte i Öxnehaga');
    expect(meeting.promiseIds).to.deep.equal(['otrygga-platser']);
    expect(stored.activities.map((a) => a.id)).to.not.include.members(['ssg', 'oxnehaga-torg']);
    expect(
      stored.removedActivities?.map((a) => a.id),
      'kept with its entry',
    ).to.deep.equal(['ssg']);
    expect(await h.records.entries('jonkoping-2020'), 'no entry lost').to.have.length(3);

    const [status] = await h.say('/status 2020', coordinator);
    const statusText = cardTexts(cardOf(status).card).join('\n');
    expect(statusText).to.contain('Torsdagsmöte i Öxnehaga');
    expect(statusText).to.not.contain('SSG-möte');
    expect(statusText).to.not.contain('Översyn av Öxnehaga torg');

    const [summary] = await h.say('/sammanfattning år', coordinator);
    expect(cardOf(summary).fallbackText, "the removed activity's entry counts nowhere").to.contain(
      '2 insatser av 1 person',
    );
    const history = replyText((await h.say('/historik', coordinator))[0]);
    expect(history).to.contain(
      'Sara Samordnare ändrade medborgarlöftet jonkoping-2020: titel "Medborgarlöfte 2020" → "Medborgarlöfte 2020-01-01 – 2020-10-31"; period 1 januari 2020 – 31 december 2020 → 1 januari 2020 – 31 oktober 2020 med ett kort',
    );
    expect(history).to.contain(
      'ändrade aktiviteten Torsdagsmöte Öxnehaga: namn Torsdagsmöte Öxnehaga → Torsdagsmöte i Öxnehaga; löfte "Arbeta aktivt mot drogförsäljning på Öxnehaga, Österängen och Ekhagen och få des…" → "Identifiera och arbeta förebyggande på otrygga platser i Jönköpings kommun" med ett kort',
    );
    expect(history, "a removed activity's entries keep its name").to.contain(
      'loggade 2 september 2020, 1 gång (SSG-möte)',
    );
    expect(history).to.contain('tog bort aktiviteten SSG-möte med ett kort');
    expect(history).to.contain('tog bort aktiviteten Översyn av Öxnehaga torg');
    const records = (await h.port.audit.read()).filter((r) => r.action === 'agreement.changed');
    expect(records.find((r) => r.activityId === 'torsdagsmote')?.changes?.['name']).to.deep.equal({
      from: 'Torsdagsmöte Öxnehaga',
      to: 'Torsdagsmöte i Öxnehaga',
    });

    // A removed activity can no longer be logged; a date after the new end is refused.
    h.setToday('2020-11-20');
    const [late] = await h.say('/logga torsdagsmöte 2020-11-12');
    expect(replyText(late)).to.contain('Inget medborgarlöfte gäller 12 november 2020');
    expect(await h.records.entries('jonkoping-2020')).to.have.length(3);

    // A restart reads it all back: the removed activity's entry is still valid.
    const reopened = await openStore(storage);
    expect(reopened.agreement('jonkoping-2020')).to.deep.equal(stored);
    expect(reopened.entries('jonkoping-2020')).to.have.length(3);
  });

  it('refuses a period that would leave entries outside, or overlaps another agreement; the copy stays open', async () => {
    const h = await harness('2020-10-15');
    await h.say('/logga torsdagsmöte 2020-10-08');
    const before = JSON.stringify(await h.records.agreements());
    const [, draft] = await h.say('/medborgarlöfte ändra', coordinator);
    const [form] = await h.submit(button(draft, 'Ändra löften och period'), coordinator);
    const [short] = await h.submit(filled(form, 'Spara ändringen', { period: '2020-01-01 – 2020-09-30' }), coordinator);
    const refusal =
      '1 insats ligger utanför den nya perioden (8 oktober 2020). Den skulle inte höra till något medborgarlöfte, så perioden kan inte ändras så. Flytta eller ta bort den insatsen först, eller välj en period som rymmer den. Inget har ändrats.';
    expect(cardTexts(cardOf(short).card), 'said on the card before Spara').to.include(`⚠ ${refusal}`);
    const [outside] = await h.submit(button(short, 'Spara'), coordinator);
    expect(replyText(outside)).to.equal(refusal);
    const [form2] = await h.submit(button(short, 'Ändra löften och period'), coordinator);
    const [early] = await h.submit(
      filled(form2, 'Spara ändringen', { period: '2019-07-01 – 2020-12-31' }),
      coordinator,
    );
    expect(cardTexts(cardOf(early).card).join(' ')).to.contain('Perioden överlappar');
    const [overlap] = await h.submit(button(early, 'Spara'), coordinator);
    expect(replyText(overlap)).to.contain('Perioden överlappar Medborgarlöfte 2018-2019');
    expect(JSON.stringify(await h.records.agreements())).to.equal(before);
    expect((await h.port.audit.read()).some((r) => r.action === 'agreement.changed')).to.equal(false);
    // Unchanged: nothing to save.
    const [, fresh] = await h.say('/medborgarlöfte ändra', coordinator);
    expect(replyText((await h.submit(button(fresh, 'Spara'), coordinator))[0])).to.contain('Inget är ändrat');
  });

  it('Spara of a copy made before someone else saved a change is refused', async () => {
    const h = await harness('2020-10-15');
    const [, first] = await h.say('/medborgarlöfte ändra', coordinator);
    const [, second] = await h.say('/medborgarlöfte ändra', coordinator);
    const [form] = await h.submit(editOf(first, 'enkatundersokning'), coordinator);
    const [edited] = await h.submit(filled(form, 'Spara ändringen', { name: 'Enkäten' }), coordinator);
    expect(replyText((await h.submit(button(edited, 'Spara'), coordinator))[1])).to.contain('är sparade');
    const [form2] = await h.submit(editOf(second, 'enkatundersokning'), coordinator);
    const [edited2] = await h.submit(filled(form2, 'Spara ändringen', { name: 'Polisens enkät' }), coordinator);
    expect(replyText((await h.submit(button(edited2, 'Spara'), coordinator))[0])).to.contain(
      'har ändrats av någon annan',
    );
    expect((await h.records.agreement('jonkoping-2020'))!.activities[0]!.name).to.equal('Enkäten');
  });

  it('the public page names the period, shows an agreement only once saved, and follows a change', async () => {
    const h = await harness('2023-01-15');
    const area = (await h.port.areas.areas())[0]!.id;
    const page = async () =>
      (await answerPublicPage({ port: h.port, now: () => new Date('2023-01-15T12:00:00Z') }, `/loften/${area}`, ''))
        .body;
    expect(await page(), 'the bundled agreement counts as saved').to.contain(
      'Medborgarlöftet gäller 1 januari 2020 – 31 december 2020.',
    );
    const [, draft] = await h.say(`/importera\n${ekby}`, coordinator);
    expect(await page(), 'a draft never shows').to.not.contain('2022');
    await h.submit(button(draft, 'Spara'), coordinator);
    expect(await page()).to.contain('Medborgarlöftet gäller 1 juli 2022 – 30 juni 2023.');

    const [, copy] = await h.say('/medborgarlöfte ändra', coordinator);
    const [form] = await h.submit(button(copy, 'Ändra löften och period'), coordinator);
    const [changed] = await h.submit(
      filled(form, 'Spara ändringen', { period: '2022-07-01 – 2023-08-31' }),
      coordinator,
    );
    expect(await page(), 'a working copy never shows').to.contain('1 juli 2022 – 30 juni 2023');
    await h.submit(button(changed, 'Spara'), coordinator);
    expect(await page()).to.contain('Medborgarlöftet gäller 1 juli 2022 – 31 augusti 2023.');
  });

  it('a failed write of the agreement changes nothing; its audit record is stored in the same write as the change', async function () {
    fileStoreOnly(this);
    const h = await harness('2020-10-15');
    const [, copy] = await h.say('/medborgarlöfte ändra', coordinator);
    const [form] = await h.submit(editOf(copy, 'enkatundersokning'), coordinator);
    const [edited] = await h.submit(filled(form, 'Spara ändringen', { name: 'Enkäten' }), coordinator);
    const area = h.store.areaDocOf((await h.port.areas.areas())[0]!.id);
    const update = area.update.bind(area);
    area.update = () => Promise.reject(new Error('disken är full'));
    const [failed] = await h.submit(button(edited, 'Spara'), coordinator);
    expect(replyText(failed)).to.equal('Medborgarlöfte 2020 kunde inte ändras: disken är full. Inget har ändrats.');
    expect((await h.records.agreement('jonkoping-2020'))!.activities[0]!.name).to.equal('Polisens enkätundersökning');

    area.update = update;
    // No separate audit write is left to fail: the record goes in the area file's write.
    h.store.audit.record = () => Promise.reject(new Error('disken är full'));
    const [, said] = await h.submit(button(edited, 'Spara'), coordinator);
    expect(replyText(said)).to.contain('är sparade').and.not.to.contain('historiken kunde inte');
    expect((await h.records.agreement('jonkoping-2020'))!.activities[0]!.name).to.equal('Enkäten');
    const records = (await h.port.audit.read()).filter((r) => r.action === 'agreement.changed');
    expect(records.map((r) => [r.activityId, r.changes])).to.deep.equal([
      ['enkatundersokning', { name: { from: 'Polisens enkätundersökning', to: 'Enkäten' } }],
    ]);
  });
});
