// "/uppföljning" and "/export" as a user meets them: a turn in, the card or text out.
import { expect } from 'chai';
import type { Agreement } from '../../src/domain/agreement.js';
import { FOLLOW_UP_PATH, ENTRIES_PATH } from '../../src/report/paths.js';
import { areaKey, verifyQuery } from '../../src/report/signedLink.js';
import { MemoryStorage } from '../../src/store/storage.js';
import { Store } from '../../src/store/store.js';
import { cardBytes } from '../../src/views/followUpCard.js';
import { COORDINATOR_ONLY } from '../../src/app/context.js';
import { cardActions, cardTexts, PUBLIC_URL, say, TEST_SECRET, testApp, textOf } from '../fixtures/appHarness.js';
import { A2020, ANNA, fixtureStore } from '../fixtures/followUpStore.js';

// Links are signed per area: the key of the store's one area.
const JONKOPING_KEY = areaKey(TEST_SECRET, 'jonkoping');

const MAY_10 = new Date('2020-05-10T08:00:00Z');

describe('/uppföljning', () => {
  it('T1 2020: a card with the states, "2 av 4" for the joint inspections, and signed links to the document', async () => {
    const { app } = testApp(await fixtureStore(), MAY_10);
    const replies = await app.handle(say('/uppföljning T1 2020'));
    expect(replies).to.have.lengthOf(1);
    const texts = cardTexts(replies[0]);
    expect(texts[0]).to.equal('Uppföljning av medborgarlöfte för Jönköpings kommun, tertial 1 2020');
    expect(texts).to.include('Polisen och Jönköpings kommun · Medborgarlöfte 2020 · 1 januari – 30 april 2020');
    expect(texts).to.include(
      '1 genomförd · 3 delvis · 1 pågående · 6 ej påbörjade · 27 insatser av 3 personer under tertialen',
    );
    const i = texts.indexOf('Gemensam krogtillsyn');
    expect(texts[i + 1]).to.equal('🟡 Delvis · 2 tillfällen under tertialen · 2 av 4 tillfällen hittills');
    expect(texts[i + 2]).to.equal(
      'Platser: krogmiljön (2) · ”Två anmärkningar på alkoholservering; "uppföljning" bokad.” ”Lugn kväll, tre ställen besökta.”',
    );
    expect(texts).to.include('⚪ Ej påbörjad · Inget loggat under tertialen · 0 av 2 ärenden hittills');
    expect(texts).to.include('✅ Genomförd · 4 gånger under tertialen · 4 av 4 månader med insats hittills');
    expect(texts).to.include('🔵 Pågående · 1 insats under tertialen');
    expect(texts.join('\n')).not.to.include('Anna');

    const actions = cardActions(replies[0]);
    expect(actions.map((a) => [a.type, a.title])).to.deep.equal([
      ['Action.OpenUrl', 'Öppna PDF'],
      ['Action.OpenUrl', 'Öppna som webbsida'],
    ]);
    for (const [action, format] of [
      [actions[0], 'pdf'],
      [actions[1], 'html'],
    ] as const) {
      const url = new URL(action?.url ?? '');
      expect(`${url.origin}${url.pathname}`).to.equal(`${PUBLIC_URL}${FOLLOW_UP_PATH}`);
      expect(verifyQuery(JONKOPING_KEY, url.pathname, url.search, MAY_10)).to.deep.equal({
        ok: true,
        params: { area: 'jonkoping', agreement: 'jonkoping-2020', year: '2020', tertial: '1', format },
      });
      // A week later the link is dead.
      expect(verifyQuery(JONKOPING_KEY, url.pathname, url.search, new Date('2020-05-17T08:00:00Z'))).to.deep.equal({
        ok: false,
        reason: 'expired',
      });
    }
    expect(texts).to.include('Länkarna till dokumentet gäller till 17 maj 2020.');
  });

  it('is for everyone, in channels too, with or without å and the slash', async () => {
    const { app } = testApp(await fixtureStore(), MAY_10);
    const replies = await app.handle(say('UPPFOLJNING t1 2020', { id: 'someone', kind: 'channel' }));
    expect(cardTexts(replies[0])[0]).to.equal('Uppföljning av medborgarlöfte för Jönköpings kommun, tertial 1 2020');
  });

  it('without arguments: the latest finished tertial of the current agreement', async () => {
    const { app } = testApp(await fixtureStore(), new Date('2020-10-01T08:00:00Z'));
    const replies = await app.handle(say('/uppföljning'));
    expect(cardTexts(replies[0])[0]).to.equal('Uppföljning av medborgarlöfte för Jönköpings kommun, tertial 2 2020');
  });

  it('with only a year that is over: its last tertial', async () => {
    const { app } = testApp(await fixtureStore(), MAY_10);
    const replies = await app.handle(say('/uppföljning 2019'));
    expect(cardTexts(replies[0])[0]).to.equal('Uppföljning av medborgarlöfte för Jönköpings kommun, tertial 3 2019');
  });

  it('when no tertial has finished: says so and shows the running one', async () => {
    const { app } = testApp(await fixtureStore(), new Date('2020-02-20T08:00:00Z'));
    const replies = await app.handle(say('/uppföljning'));
    expect(textOf(replies.slice(0, 1))).to.equal(
      'Ingen tertial i Medborgarlöfte 2020 är avslutad än. Här är tertial 1 2020, som pågår: siffrorna gäller till och med idag.',
    );
    expect(cardTexts(replies[1])).to.include('Tertialen pågår: siffrorna gäller till och med 20 februari 2020.');
  });

  it('answers a tertial not yet begun, a year without agreement and bad words in Swedish', async () => {
    const { app } = testApp(await fixtureStore(), MAY_10);
    expect(textOf(await app.handle(say('/uppföljning T3 2020')))).to.equal(
      'Tertial 3 2020 har inte börjat än (den börjar 1 september 2020). Skriv /uppföljning för den senaste avslutade tertialen.',
    );
    expect(textOf(await app.handle(say('/uppföljning T1 2030')))).to.match(
      /^Inget medborgarlöfte gäller tertial 1 2030\. Det som finns: 2018-2019, 2020\.$/u,
    );
    expect(textOf(await app.handle(say('/uppföljning T4')))).to.match(/^Tertial 4 finns inte\./u);
    expect(textOf(await app.handle(say('/uppföljning sista')))).to.match(/^Jag förstår inte "sista"/u);
  });

  it('without configured links: the card says so and has no buttons', async () => {
    const { app } = testApp(await fixtureStore(), MAY_10, { links: false });
    const replies = await app.handle(say('/uppföljning T1 2020'));
    expect(cardActions(replies[0])).to.deep.equal([]);
    expect(cardTexts(replies[0])).to.include('Dokumentlänkar är inte påslagna i den här boten.');
  });

  it('stays within the card budget for an agreement with 40 activities and long notes', async () => {
    const activities = Array.from({ length: 40 }, (_, i) => ({
      ...A2020.activities[2]!,
      id: `aktivitet-${i}`,
      name: `Aktivitet nummer ${i} med ett ganska långt namn som beskriver vad som ska göras`,
      places: ['Öxnehaga', 'Österängen', 'Ekhagen', 'centrum'],
      promiseIds: [A2020.promises[i % 2]!.id],
    }));
    const big: Agreement = { ...A2020, id: 'stor-2020', activities };
    const store = await Store.open(new MemoryStorage(), [big]);
    for (const [i, a] of activities.entries()) {
      for (let k = 0; k < 6; k++) {
        await store.addEntry({
          id: `e${i}-${k}`,
          agreementId: big.id,
          activityId: a.id,
          date: `2020-0${1 + (k % 4)}-1${k}`,
          count: 1,
          by: ANNA,
          loggedAt: '2020-04-30T10:00:00.000Z',
          place: a.places[k % 4]!,
          note: `Anteckning ${k} om aktivitet ${i}: ${'lång text med många ord som fortsätter '.repeat(4)}`,
        });
      }
    }
    const { app } = testApp(store, MAY_10);
    const [reply] = await app.handle(say('/uppföljning T1 2020'));
    if (reply?.kind !== 'card') throw new Error('no card');
    const bytes = cardBytes(reply.card);
    expect(bytes).to.be.at.most(24_000);
    // All 40 activities are still on the card; what gave way was detail.
    const texts = cardTexts(reply);
    expect(activities.every((a) => texts.includes(a.name))).to.equal(true);
    expect(texts.at(-2)).to.match(/^Kortet har inte plats för allt: anteckningar finns i dokumentet\.$/u);
  });
});

describe('/export', () => {
  it('is for coordinators only', async () => {
    const { app } = testApp(await fixtureStore(), MAY_10, { coordinators: ['aad-boss'] });
    expect(textOf(await app.handle(say('/export 2020')))).to.equal(COORDINATOR_ONLY);
  });

  it('is not handed out in a channel', async () => {
    const { app } = testApp(await fixtureStore(), MAY_10, { coordinators: ['aad-boss'] });
    expect(textOf(await app.handle(say('/export 2020', { id: 'aad-boss', kind: 'channel' })))).to.match(
      /^Skriv \/export till mig i en personlig chatt/u,
    );
  });

  it('gives a coordinator a signed CSV link that lives a day', async () => {
    const { app, logs } = testApp(await fixtureStore(), MAY_10, { coordinators: ['aad-boss'] });
    const reply = textOf(await app.handle(say('/exportera 2020', { id: 'aad-boss', name: 'Samordnaren' })));
    const link = /\]\((https:[^)]+)\)/u.exec(reply)?.[1] ?? '';
    expect(reply).to.match(
      /^Insatserna 2020 för Excel \(31 rader, varav 1 ångrade \(markerade "ja" under borttagen\)\): \[insatser-2020\.csv\]\(/u,
    );
    expect(reply).to.include('Länken gäller till 11 maj 2020 kl. 10:00.');
    const url = new URL(link);
    expect(url.pathname).to.equal(ENTRIES_PATH);
    expect(verifyQuery(JONKOPING_KEY, url.pathname, url.search, MAY_10)).to.deep.equal({
      ok: true,
      params: { area: 'jonkoping', year: '2020', format: 'csv' },
    });
    expect(logs.some((l) => l.msg === 'export link handed out')).to.equal(true);
  });

  it('answers a year without agreement and a bad argument', async () => {
    const { app } = testApp(await fixtureStore(), MAY_10, { coordinators: ['aad-boss'] });
    expect(textOf(await app.handle(say('/export 2030', { id: 'aad-boss' })))).to.equal(
      'Det finns inget medborgarlöfte för 2030. Det som finns: 2018-2019, 2020.',
    );
    expect(textOf(await app.handle(say('/export allt', { id: 'aad-boss' })))).to.equal(
      'Jag förstår inte "allt". Skriv ett år, t.ex. /export 2020.',
    );
  });
});
