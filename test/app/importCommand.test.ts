// /importera as a coordinator uses it: paste → draft card → Ändra → Spara → /status, across a
// restart; overlapping periods refused; Avbryt; the paste form; long drafts paged under 28 KB.
import { readFileSync } from 'node:fs';
import { expect } from 'chai';
import type { Reply } from '../../src/app/ports.js';
import { toOutgoing } from '../../src/channel/activity.js';
import { MemoryStorage } from '../../src/store/storage.js';
import { CARD_BUDGET_BYTES, assertValidCard } from '../support/adaptiveCardsSdk.js';
import { cardOf, cardTexts, harness, replyText } from '../support/cardsHarness.js';
import { openStore } from '../support/fakes.js';
import { fileStoreOnly } from '../support/storeBackend.js';

const ekby = readFileSync(new URL('../fixtures/import/ekby-bullets-aktiviteter.txt', import.meta.url), 'utf8');
const seed = readFileSync(new URL('../fixtures/jonkoping-medborgarloften.txt', import.meta.url), 'utf8');
const coordinator = { aadObjectId: 'coordinator-aad', name: 'Sara Samordnare' };

type Json = Record<string, unknown>;

/** The data of the first button with this title on the card. */
function button(reply: Reply | undefined, title: string, nth = 0): Json {
  const found = [
    ...JSON.stringify(cardOf(reply).card).matchAll(
      new RegExp(`"title":"${title}"(?:,"style":"\\w+")?,"data":(\\{[^}]*\\})`, 'gu'),
    ),
  ];
  const data = found[nth]?.[1];
  if (!data) throw new Error(`no button "${title}" #${nth} on ${JSON.stringify(cardOf(reply).card).slice(0, 300)}`);
  return JSON.parse(data) as Json;
}

function withinBudget(reply: Reply | undefined, label: string): void {
  assertValidCard(cardOf(reply).card, label);
  expect(Buffer.byteLength(JSON.stringify(toOutgoing(reply!)), 'utf8'), label).to.be.below(CARD_BUDGET_BYTES);
}

describe('/importera', () => {
  it('is for coordinators only', async () => {
    const h = await harness('2023-01-15');
    expect(replyText((await h.say(`/importera\n${ekby}`))[0])).to.contain('bara en samordnare');
    expect(await h.port.importDrafts.get('id-1')).to.equal(undefined);
  });

  it('paste → draft card → Ändra → (restart) → Spara → /status shows the new agreement, with the import kept', async function () {
    fileStoreOnly(this);
    const storage = new MemoryStorage();
    const h = await harness('2023-01-15', { store: await openStore(storage) });
    const before = (await h.records.agreements()).length;
    const [intro, draftCard] = await h.say(`/importera\n${ekby}`, coordinator);
    expect(replyText(intro)).to.contain('6 aktiviteter');
    withinBudget(draftCard, 'draft');
    const texts = cardTexts(cardOf(draftCard).card);
    expect(texts).to.include('Utkast: Medborgarlöfte 2022-07-01 – 2023-06-30');
    expect(texts).to.include('Bevaka busstationen varje månad');
    expect(texts).to.include('Väktare, Kommunen');
    expect(texts.filter((t) => t === 'Ändra')).to.have.length(6);
    expect(await h.records.agreements(), 'nothing live before Spara').to.have.length(before);

    // Ändra on the fourth row (the guards): the small form, then a changed target and parties.
    const edit = button(draftCard, 'Ändra', 3);
    const [form] = await h.submit(edit, coordinator);
    expect(cardOf(form).replace).to.equal(true);
    withinBudget(form, 'edit form');
    expect(cardTexts(cardOf(form).card)).to.include(
      'Väktare ska tillsammans med kommunen bevaka busstationen varje månad.',
    );
    const save = button(form, 'Spara ändringen');
    const [bad] = await h.submit(
      {
        ...save,
        name: 'Väktare vid busstationen',
        parties: 'Väktare',
        places: 'busstationen',
        target: 'count',
        count: 'tolv',
      },
      coordinator,
    );
    expect(cardTexts(cardOf(bad).card).join(' ')).to.contain('Antalet "tolv" går inte');
    const [edited] = await h.submit(
      {
        ...save,
        name: 'Väktare vid busstationen',
        parties: 'Väktare, Kommunen, Polisen',
        places: 'busstationen',
        target: 'count',
        count: '12',
        unit: 'kvällar',
      },
      coordinator,
    );
    expect(cardOf(edited).replace).to.equal(true);
    expect(cardTexts(cardOf(edited).card)).to.include.members([
      'Väktare vid busstationen',
      'Väktare, Kommunen, Polisen',
      'Minst 12 kvällar under perioden',
    ]);

    // A restart: the draft is on disk, the new process saves it.
    const h2 = await harness('2023-01-15', { store: await openStore(storage) });
    const [savedCard, done] = await h2.submit(button(edited, 'Spara'), coordinator);
    expect(cardTexts(cardOf(savedCard).card)).to.include('Sparat av Sara Samordnare.');
    expect(replyText(done)).to.contain('✅ Medborgarlöfte 2022-07-01 – 2023-06-30 är sparat');
    const stored = (await h2.records.agreements()).find((a) => a.period.start === '2022-07-01')!;
    expect(stored.imported?.source).to.equal(ekby.trim());
    expect(stored.area, "the conversation's area").to.equal((await h2.port.areas.areas())[0]!.id);
    expect(stored.imported?.by).to.deep.equal({ id: 'coordinator-aad', name: 'Sara Samordnare' });
    const guards = stored.activities.find((a) => a.name === 'Väktare vid busstationen')!;
    expect(guards.target).to.deep.equal({ kind: 'count', count: 12, unit: 'kvällar' });
    expect(guards.parties).to.deep.equal(['Väktare', 'Kommunen', 'Polisen']);

    const [status] = await h2.say('/status', coordinator);
    const statusTexts = cardTexts(cardOf(status).card).join('\n');
    expect(statusTexts).to.contain('Medborgarlöfte 2022-07-01 – 2023-06-30');
    expect(statusTexts).to.contain('Väktare vid busstationen');

    expect(replyText((await h2.submit(button(edited, 'Spara'), coordinator))[0])).to.contain('redan sparat');
    const [logged] = await h2.say('/logga dialogmöte Solhöjden igår', coordinator);
    expect(cardTexts(cardOf(logged).card).join(' ')).to.contain('1 av 3');
  });

  it('refuses to save a period that overlaps an agreement already there; nothing is stored', async () => {
    const h = await harness('2020-06-01');
    const [intro, first, second] = await h.say(`/importera ${seed}`, coordinator);
    expect(replyText(intro)).to.contain('2 medborgarlöften');
    expect(cardTexts(cardOf(first).card).join(' ')).to.contain('det går inte att spara');
    withinBudget(second, 'second draft');
    const before = JSON.stringify(await h.records.agreements());
    const [refused] = await h.submit(button(first, 'Spara'), coordinator);
    expect(replyText(refused)).to.contain('Inget har sparats');
    expect(JSON.stringify(await h.records.agreements())).to.equal(before);
  });

  it('Avbryt throws the draft away; its buttons then do nothing', async () => {
    const h = await harness('2023-01-15');
    const [, draft] = await h.say(`/importera\n${ekby}`, coordinator);
    const [closed, said] = await h.submit(button(draft, 'Avbryt'), coordinator);
    expect(cardTexts(cardOf(closed).card)).to.include('Slängt av Sara Samordnare.');
    expect(replyText(said)).to.contain('slängt');
    expect(replyText((await h.submit(button(draft, 'Spara'), coordinator))[0])).to.contain('redan slängt');
    expect((await h.records.agreements()).some((a) => a.period.start === '2022-07-01')).to.equal(false);
  });

  it('/importera alone gives the paste form; its submit drafts the text; empty or nonsense text says so', async () => {
    const h = await harness('2023-01-15');
    const [form] = await h.say('/importera', coordinator);
    withinBudget(form, 'paste form');
    const submit = button(form, 'Läs in');
    expect(replyText((await h.submit({ ...submit, text: '  ' }, coordinator))[0])).to.contain('Klistra in texten');
    const [nothing] = await h.submit({ ...submit, text: 'Hej! Här finns inga löften.' }, coordinator);
    expect(cardOf(nothing).fallbackText).to.contain('inga löften eller aktiviteter');
    const [intro, draft] = await h.submit({ ...submit, text: ekby }, coordinator);
    expect(replyText(intro)).to.contain('6 aktiviteter');
    expect(cardOf(draft).replace).to.equal(false);
    expect(replyText((await h.submit({ verb: 'import.save' }, coordinator))[0])).to.contain('inte kan läsa');
    expect(replyText((await h.submit({ verb: 'import.save', draftId: 'nope' }, coordinator))[0])).to.contain(
      'finns inte',
    );
  });

  it('a text of 40 activities pages under 28 KB, each activity shown once', async () => {
    const lines = ['Medborgarlöfte 2022', '', '• Tryggare Norrbacka', '', 'Aktiviteter', ''];
    for (let i = 1; i <= 40; i++) {
      lines.push(
        `• Polisen och kommunen ska genomföra trygghetsvandring nummer ${i} med boende och föreningar i Norrbacka vid minst ${i + 1} tillfällen under året, och redovisa resultatet för den strategiska gruppen.`,
      );
    }
    const h = await harness('2023-01-15');
    const [, first] = await h.say(`/importera\n${lines.join('\n')}`, coordinator);
    const pages = [first];
    for (let i = 0; i < 10; i++) {
      const last = pages[pages.length - 1];
      if (!JSON.stringify(cardOf(last).card).includes('"title":"Visa fler"')) break;
      pages.push((await h.submit(button(last, 'Visa fler'), coordinator))[0]);
    }
    expect(pages.length).to.equal(5);
    pages.forEach((p, i) => withinBudget(p, `draft page ${i + 1}`));
    const edits = pages.flatMap((p) =>
      [...JSON.stringify(cardOf(p).card).matchAll(/"activityId":"([^"]+)"/gu)].map((m) => m[1]),
    );
    expect(new Set(edits).size).to.equal(40);
  });
});

describe('/importera with published texts', () => {
  const lindbo = readFileSync(new URL('../fixtures/import/lindbo-lopa-fran-datum.txt', import.meta.url), 'utf8');
  const noPeriod = [
    'Tallby – medborgarlöften',
    '',
    'Polisen och Tallby kommun har tagit fram följande medborgarlöfte.',
    '',
    'Polisen och kommunen lovar att:',
    '',
    '  • Polisen ska genomföra minst fyra trafikkontroller vid skolorna.',
    '  • Kommunen ska se över belysningen i Tallby centrum.',
  ].join('\n');

  it("a Laxå-shaped text: the dated period, the four 'lovar att' promises, the area's police area, and the text not read", async () => {
    const h = await harness('2023-01-15');
    const [, draft] = await h.say(`/importera\n${lindbo}`, coordinator);
    withinBudget(draft, 'lindbo draft');
    const texts = cardTexts(cardOf(draft).card);
    const meta = texts.find((t) => t.includes(' · Löften: '))!;
    expect(meta).to.match(/^2018-07-01 – 2020-06-30 · /u);
    // The area's settings say where the police work, whatever the text calls it.
    expect(meta).to.contain('Lokalpolisområde södra Vätterbygden');
    expect(meta).not.to.contain('Lokalpolisområde Lindbo');
    expect(meta).to.contain('1. Polisen lovar att prioritera närvaro i Lindbo centrum');
    expect(meta).to.contain('4. Lindbo kommun lovar att fortsätta verka');
    expect(meta).not.to.contain('Lindbo – medborgarlöften');
    expect(texts).to.include('Prioritera närvaro i Lindbo centrum');
    expect(texts).to.include('Utveckla samverkansformer mellan polisen');
    expect(texts).to.include('Text som inte lästes in:');
    expect(texts).to.include('"Lindbo den 2 november 2018"');
  });

  it('Ändra moves an activity to another promise and sets its keywords; a promise not in the draft is refused', async () => {
    const h = await harness('2023-01-15');
    const [, draft] = await h.say(`/importera\n${lindbo}`, coordinator);
    const draftId = String(button(draft, 'Spara').draftId);
    const [form] = await h.submit(button(draft, 'Ändra', 0), coordinator);
    withinBudget(form, 'edit form with promises');
    const formTexts = cardTexts(cardOf(form).card);
    expect(formTexts).to.include('Hör till löfte');
    expect(formTexts.some((t) => t.startsWith('2. Polisen lovar att medverka i olika informationskampanjer'))).to.equal(
      true,
    );
    const promises = (await h.port.importDrafts.get(draftId))!.agreement.promises;
    const edit = button(form, 'Spara ändringen');
    const fields = {
      name: 'Närvaro i Lindbo centrum',
      parties: 'Polisen',
      places: 'Lindbo centrum',
      target: 'ongoing',
    };

    const [refused] = await h.submit({ ...edit, ...fields, promiseIds: 'nej' }, coordinator);
    expect(cardTexts(cardOf(refused).card)).to.include('Löftet finns inte i utkastet. Ändringen är inte sparad.');

    await h.submit(
      { ...edit, ...fields, promiseIds: `${promises[0]!.id},${promises[1]!.id}`, keywords: 'Närvaro, centrumpatrull' },
      coordinator,
    );
    const changed = (await h.port.importDrafts.get(draftId))!.agreement.activities[0]!;
    expect(changed.promiseIds).to.deep.equal([promises[0]!.id, promises[1]!.id]);
    expect(changed.keywords).to.deep.equal(['närvaro', 'centrumpatrull']);
    expect(changed.name).to.equal('Närvaro i Lindbo centrum');
  });

  it('Ändra löften och period: title, period, police area and promises edited, added, removed and merged', async () => {
    const h = await harness('2023-01-15');
    const [, draft] = await h.say(`/importera\n${lindbo}`, coordinator);
    const draftId = String(button(draft, 'Spara').draftId);
    const before = (await h.port.importDrafts.get(draftId))!.agreement;
    const [form] = await h.submit(button(draft, 'Ändra löften och period'), coordinator);
    withinBudget(form, 'agreement form');
    const formTexts = cardTexts(cardOf(form).card);
    expect(formTexts).to.include('2018-07-01 – 2020-06-30');
    expect(formTexts.find((t) => t.startsWith('1. Polisen lovar att prioritera'))).to.contain(
      '\n2. Polisen lovar att medverka',
    );
    const save = button(form, 'Spara ändringen');

    const [bad] = await h.submit({ ...save, period: 'i vår' }, coordinator);
    expect(cardTexts(cardOf(bad).card).some((t) => t.includes('"i vår" går inte att läsa som en period'))).to.equal(
      true,
    );
    expect((await h.port.importDrafts.get(draftId))!.agreement).to.deep.equal(before);

    // Promise 2 left out: merged into promise 1. Promise 3 reworded, 4 kept, one new promise added.
    const [after] = await h.submit(
      {
        ...save,
        title: 'Medborgarlöfte Lindbo 2021',
        period: '2021',
        policeArea: 'Lokalpolisområde Hallsberg',
        promises: [
          `1. ${before.promises[0]!.text}`,
          '3. Fler trygghetsvandringar och mer grannsamverkan',
          `4. ${before.promises[3]!.text}`,
          'Tryggare skolvägar',
        ].join('\n'),
      },
      coordinator,
    );
    const a = (await h.port.importDrafts.get(draftId))!.agreement;
    expect(a.title).to.equal('Medborgarlöfte Lindbo 2021');
    expect(a.period).to.deep.equal({ start: '2021-01-01', end: '2021-12-31' });
    expect(a.policeArea).to.equal('Lokalpolisområde Hallsberg');
    expect(a.promises.map((p) => p.text)).to.deep.equal([
      before.promises[0]!.text,
      'Fler trygghetsvandringar och mer grannsamverkan',
      before.promises[3]!.text,
      'Tryggare skolvägar',
    ]);
    expect(a.promises[1]!.id).to.equal(before.promises[2]!.id);
    expect(a.activities.map((x) => x.promiseIds)).to.deep.equal([
      [before.promises[0]!.id],
      [before.promises[0]!.id],
      [before.promises[2]!.id],
      [before.promises[3]!.id],
    ]);
    expect(cardTexts(cardOf(after).card).find((t) => t.includes(' · Löften: '))).to.match(
      /^2021-01-01 – 2021-12-31 · /u,
    );
  });

  it('a text without a period: Spara is refused until the coordinator sets one; then it saves with that period', async () => {
    const h = await harness('2023-01-15');
    const before = (await h.records.agreements()).length;
    const [, draft] = await h.say(`/importera\n${noPeriod}`, coordinator);
    const texts = cardTexts(cardOf(draft).card);
    expect(texts).to.include('Utkast: Medborgarlöfte');
    expect(texts.find((t) => t.includes(' · Löften: '))).to.match(/^Period saknas · /u);
    expect(texts.some((t) => t.includes('texten anger ingen period'))).to.equal(true);

    const [refused] = await h.submit(button(draft, 'Spara'), coordinator);
    expect(replyText(refused)).to.contain('Texten anger ingen period');
    expect(replyText(refused)).to.contain('Inget har sparats');
    expect(await h.records.agreements()).to.have.length(before);

    const setPeriod = button(draft, 'Sätt period');
    const [bad] = await h.submit({ ...setPeriod, period: 'snart' }, coordinator);
    expect(cardTexts(cardOf(bad).card).some((t) => t.includes('"snart" går inte att läsa som en period'))).to.equal(
      true,
    );
    const [set] = await h.submit({ ...setPeriod, period: '2024' }, coordinator);
    const setTexts = cardTexts(cardOf(set).card);
    expect(setTexts).to.include('Utkast: Medborgarlöfte 2024');
    expect(setTexts.find((t) => t.includes(' · Löften: '))).to.match(/^2024-01-01 – 2024-12-31 · /u);
    expect(setTexts).not.to.include('Sätt period');

    await h.submit(button(set, 'Spara'), coordinator);
    const saved = (await h.records.agreements()).find((a) => a.period.start === '2024-01-01');
    expect(saved?.period).to.deep.equal({ start: '2024-01-01', end: '2024-12-31' });
    expect(saved?.id).to.equal('jonkoping-2024');
    expect(saved?.promises.map((p) => p.text)).to.deep.equal([
      'Polisen ska genomföra minst fyra trafikkontroller vid skolorna.',
      'Kommunen ska se över belysningen i Tallby centrum.',
    ]);
  });
});

describe('/importera in a deployment with two areas', () => {
  it("lands in the importer's own area; another area's coordinator cannot see or save the draft", async () => {
    const { areasHarness, JONNA_JKPG_SAM, SARA_HABO_SAM } = await import('../support/areasHarness.js');
    const h = await areasHarness('2023-01-15T10:00:00+01:00');
    // Both coordinators are guests in Polisen's tenant, which serves both areas: each picks theirs.
    await h.say(SARA_HABO_SAM, '/område Habo');
    await h.say(JONNA_JKPG_SAM, '/område Jönköping');
    const replies = await h.say(SARA_HABO_SAM, `/importera\n${ekby}`);
    const draft = replies.find((r) => r.kind !== 'text');
    const save = button(draft, 'Spara');
    const draftId = String(save.draftId);
    expect((await h.port.importDrafts.get(draftId))?.agreement.area).to.equal('habo');

    const other = await h.submit(JONNA_JKPG_SAM, save);
    expect(replyText(other[0])).to.contain('finns inte längre');
    expect((await h.port.importDrafts.get(draftId))?.status).to.equal('open');

    await h.submit(SARA_HABO_SAM, save);
    const saved = (await h.port.records('habo').agreements()).find((a) => a.period.start === '2022-07-01');
    expect(saved?.area).to.equal('habo');
    expect((await h.port.records('jonkoping').agreements()).some((a) => a.period.start === '2022-07-01')).to.equal(
      false,
    );
  });
});
