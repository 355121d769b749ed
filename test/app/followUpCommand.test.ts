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
import {
  A2020,
  ANNA,
  APPROVED_COMMENT,
  fixtureEntries,
  fixtureStore,
  publishFixture,
} from '../fixtures/followUpStore.js';
import { REVIEW_IN_PERSONAL_CHAT } from '../../src/app/followUpReview.js';
import type { Reply, TurnInput } from '../../src/app/ports.js';
import { answerReportRequest } from '../../src/report/reportRoute.js';
import { REVIEW_GUIDE } from '../../src/views/followUpReviewCard.js';
import { changedAfterPublicationText } from '../../src/views/followUpTexts.js';
import { assertValidCard } from '../support/adaptiveCardsSdk.js';
import { CapturingLogger } from '../support/fakes.js';
import { pdfText } from '../report/pdfText.js';

// Links are signed per area: the key of the store's one area.
const JONKOPING_KEY = areaKey(TEST_SECRET, 'jonkoping');

const MAY_10 = new Date('2020-05-10T08:00:00Z');
const BOSS = { id: 'aad-boss', name: 'Sara Samordnare' };
const asBoss = (text: string, kind: 'personal' | 'channel' = 'personal') => say(text, { ...BOSS, kind });
const NOTES = fixtureEntries().flatMap((e) => (e.note ? [e.note] : []));

/** The Input.Text elements of a card: id → value. */
function inputs(reply: Reply | undefined): Record<string, string> {
  if (!reply || (reply.kind !== 'card' && reply.kind !== 'replaceCard')) throw new Error('expected a card');
  const out: Record<string, string> = {};
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const o = node as Record<string, unknown>;
      if (o.type === 'Input.Text' && typeof o.id === 'string') out[o.id] = typeof o.value === 'string' ? o.value : '';
      Object.values(o).forEach(walk);
    }
  };
  walk(reply.card.body);
  return out;
}

/** What a click on the card's button sends: its data merged with the inputs as typed. */
function submit(reply: Reply | undefined, title: string, typed: Record<string, string>): Record<string, unknown> {
  if (!reply || (reply.kind !== 'card' && reply.kind !== 'replaceCard')) throw new Error('expected a card');
  const action = (reply.card.actions as { title: string; data?: Record<string, unknown> }[]).find(
    (a) => a.title === title,
  );
  if (!action?.data) throw new Error(`no button ${title}`);
  return { ...action.data, ...inputs(reply), ...typed };
}

function click(value: Record<string, unknown>, who = BOSS, kind: 'personal' | 'channel' = 'personal') {
  return { ...say('', { ...who, kind }), text: undefined, value } as TurnInput;
}

describe('/uppföljning', () => {
  it('for anyone before a coordinator has published: says none is published yet', async () => {
    const { app } = await testApp(await fixtureStore(), MAY_10, { coordinators: [BOSS.id] });
    expect(textOf(await app.handle(say('/uppföljning T1 2020')))).to.equal(
      'Uppföljningen för tertial 1 2020 är inte publicerad än. En samordnare granskar och publicerar uppföljningen; fråga igen senare.',
    );
    expect(textOf(await app.handle(say('UPPFOLJNING t1 2020', { id: 'someone', kind: 'channel' })))).to.match(
      /^Uppföljningen för tertial 1 2020 är inte publicerad än\./u,
    );
  });

  it('for a coordinator in a personal chat: a draft with figures, notes for them only and neutral comments', async () => {
    const { app } = await testApp(await fixtureStore(), MAY_10, { coordinators: [BOSS.id] });
    const [reply] = await app.handle(asBoss('/uppföljning T1 2020'));
    const texts = cardTexts(reply);
    expect(texts[0]).to.equal('Uppföljning av medborgarlöfte för Jönköpings kommun, tertial 1 2020');
    expect(texts).to.include('Utkast: inte publicerat. Ingen annan ser något ännu.');
    expect(texts).to.include(REVIEW_GUIDE);
    const i = texts.indexOf('Gemensam krogtillsyn');
    expect(texts[i + 1]).to.equal('🟢 i fas · 2 tillfällen under tertialen · 2 av 4 tillfällen hittills');
    expect(texts[i + 2]).to.equal(
      'Anteckningar, bara för dig: ”Två anmärkningar på alkoholservering; "uppföljning" bokad.” ”Lugn kväll, tre ställen besökta.”',
    );
    const fields = inputs(reply);
    expect(Object.keys(fields)).to.have.lengthOf(A2020.activities.length);
    expect(fields['comment_gemensam-krogtillsyn']).to.equal(
      '2 tillfällen under tertialen, i krogmiljön. 2 av 4 tillfällen hittills.',
    );
    expect(fields['comment_fotpatrullering-oxnehaga']).to.equal(
      '3 gånger under tertialen, i Öxnehaga och Österängen. Aktiv 3 av 4 månader hittills.',
    );
    // The prefilled comments are built from figures and places, never from notes.
    const prefilled = Object.values(fields).join('\n');
    for (const note of NOTES) expect(prefilled).not.to.include(note.slice(0, 12));
    // SSG serves both promises: one comment field, and a pointer under the second promise.
    expect(texts.filter((t) => t === 'SSG-möte')).to.have.lengthOf(1);
    expect(texts).to.include('Hör också hit: SSG-möte (se ovan).');
    expect(cardActions(reply).map((a) => [a.type, a.title])).to.deep.equal([
      ['Action.Submit', 'Publicera'],
      ['Action.Submit', 'Spara utkast'],
    ]);
    if (reply?.kind === 'card') assertValidCard(reply.card, 'review card');
  });

  it('Done when: a coordinator edits a comment and publishes; the PDF has it and no note; others see only that', async () => {
    const store = await fixtureStore();
    const { app, port } = await testApp(store, MAY_10, { coordinators: [BOSS.id] });
    const [draft] = await app.handle(asBoss('/uppföljning T1 2020'));
    const replies = await app.handle(
      click(submit(draft, 'Publicera', { 'comment_gemensam-krogtillsyn': APPROVED_COMMENT })),
    );
    expect(replies[0]?.kind).to.equal('replaceCard');
    expect(cardTexts({ ...replies[0]!, kind: 'card' } as Reply)).to.include(
      'Publicerad 10 maj 2020 av Sara Samordnare.',
    );
    expect(textOf(replies.slice(1))).to.match(/^Publicerad\. PDF:en, webbsidan och den publika sidan visar nu/u);

    const [publication] = await port.publications.all();
    expect(publication).to.deep.include({ agreementId: A2020.id, year: 2020, tertial: 1, publishedBy: BOSS });
    expect(publication?.publishedAt).to.equal(MAY_10.toISOString());
    expect(publication?.comments['gemensam-krogtillsyn']).to.equal(APPROVED_COMMENT);

    // Someone else, in a channel: the published card with the approved comment and no note.
    const [seen] = await app.handle(say('/uppföljning T1 2020', { id: 'aad-someone', kind: 'channel' }));
    const texts = cardTexts(seen);
    expect(texts).to.include(APPROVED_COMMENT);
    expect(texts).to.include('🟢 i fas · 2 tillfällen under tertialen · 2 av 4 tillfällen hittills');
    for (const note of NOTES) expect(texts.join('\n')).not.to.include(note.slice(0, 12));
    expect(texts.join('\n')).not.to.include('Sara');
    if (seen?.kind === 'card') assertValidCard(seen.card, 'published card');
    const actions = cardActions(seen);
    expect(actions.map((a) => a.title)).to.deep.equal(['Öppna PDF', 'Öppna som webbsida']);

    // The link serves the published PDF: the approved comment, no note.
    const url = new URL(actions[0]!.url);
    expect(`${url.origin}${url.pathname}`).to.equal(`${PUBLIC_URL}${FOLLOW_UP_PATH}`);
    expect(verifyQuery(JONKOPING_KEY, url.pathname, url.search, MAY_10)).to.deep.equal({
      ok: true,
      params: { area: 'jonkoping', agreement: 'jonkoping-2020', year: '2020', tertial: '1', format: 'pdf' },
    });
    // A week later the link is dead.
    expect(verifyQuery(JONKOPING_KEY, url.pathname, url.search, new Date('2020-05-17T08:00:00Z'))).to.deep.equal({
      ok: false,
      reason: 'expired',
    });
    expect(texts).to.include('Länkarna till dokumentet gäller till 17 maj 2020.');
    const answer = await answerReportRequest(
      { port, secret: TEST_SECRET, now: () => MAY_10, logger: new CapturingLogger() },
      url.pathname,
      url.search,
    );
    expect(answer.status).to.equal(200);
    const pdf = (await pdfText(answer.body as Buffer)).pages.join('\n').replace(/\s+/gu, ' ');
    expect(pdf).to.include(APPROVED_COMMENT);
    for (const note of NOTES) expect(pdf).not.to.include(note.slice(0, 12));
  });

  it('Spara utkast keeps the comments for the coordinator and publishes nothing', async () => {
    const store = await fixtureStore();
    const { app, port } = await testApp(store, MAY_10, { coordinators: [BOSS.id] });
    const [draft] = await app.handle(asBoss('/uppföljning T1 2020'));
    const [saved] = await app.handle(
      click(submit(draft, 'Spara utkast', { comment_sig: 'Inga ärenden under våren.' })),
    );
    expect(saved?.kind).to.equal('replaceCard');
    expect(cardTexts({ ...saved!, kind: 'card' } as Reply)).to.include(
      'Utkastet sparades 10 maj 2020 kl. 10:00. Inget är publicerat ännu.',
    );
    expect(await port.publications.all()).to.have.lengthOf(0);
    expect((await port.publications.draft({ agreementId: A2020.id, year: 2020, tertial: 1 }))?.savedBy).to.deep.equal(
      BOSS,
    );
    expect(inputs((await app.handle(asBoss('/uppföljning T1 2020')))[0]).comment_sig).to.equal(
      'Inga ärenden under våren.',
    );
    expect(textOf(await app.handle(say('/uppföljning T1 2020')))).to.match(/inte publicerad än/u);
  });

  it('an entry logged after publication marks it "ändrad efter publicering"; the published figures stay', async () => {
    const store = await fixtureStore();
    await publishFixture(store, { year: 2020, tertial: 1 }, new Date('2020-05-05T08:00:00Z'));
    const { app } = await testApp(store, MAY_10, { coordinators: [BOSS.id] });
    const before = cardTexts((await app.handle(say('/uppföljning T1 2020')))[0]);
    expect(before.join('\n')).not.to.include('Ändrad efter publicering');

    await app.handle(say('/logga gemensam krogtillsyn 2020-04-20'));
    const after = cardTexts((await app.handle(say('/uppföljning T1 2020')))[0]);
    expect(after.join('\n')).to.include('Ändrad efter publicering');
    expect(after).to.include('🟢 i fas · 2 tillfällen under tertialen · 2 av 4 tillfällen hittills');
    const review = cardTexts((await app.handle(asBoss('/uppföljning T1 2020')))[0]);
    expect(review).to.include(changedAfterPublicationText);
    expect(review).to.include('Publicerad 5 maj 2020 av Anna Andersson.');

    // An entry of the tertial taken back after publication changes the figures too.
    const other = await fixtureStore();
    await publishFixture(other, { year: 2020, tertial: 1 }, new Date('2020-05-05T08:00:00Z'));
    const { app: app2 } = await testApp(other, MAY_10);
    expect(textOf(await app2.handle(say('/ångra', { id: 'aad-cecilia', name: 'Cecilia Ek' })))).to.match(
      /^↩️ Borttaget: Torsdagsmöte/u,
    );
    expect(cardTexts((await app2.handle(say('/uppföljning T1 2020')))[0]).join('\n')).to.include(
      'Ändrad efter publicering',
    );
  });

  it('after a late entry: a prefilled neutral comment follows the new figures, an own comment is kept and flagged', async () => {
    const store = await fixtureStore();
    const { app, port } = await testApp(store, MAY_10, { coordinators: [BOSS.id] });
    const [draft] = await app.handle(asBoss('/uppföljning T1 2020'));
    expect(inputs(draft).comment_grannsamverkan).to.equal('Inget loggat under tertialen.');
    const own = 'Två tillsyner; målet nås i höst.';
    await app.handle(click(submit(draft, 'Publicera', { 'comment_gemensam-krogtillsyn': own })));

    await app.handle(say('/logga grannsamverkan 2020-04-10'));
    await app.handle(say('/logga gemensam krogtillsyn 2020-04-20'));
    const [review] = await app.handle(asBoss('/uppföljning T1 2020'));
    const texts = cardTexts(review);
    const row = texts.indexOf('Grannsamverkan Öxnehaga');
    expect(texts[row + 1]).to.match(/ · 1 insats under tertialen/u);
    // The neutral text was ours, not the coordinator's: it follows the figures, and is not flagged.

    expect(inputs(review).comment_grannsamverkan).to.equal('1 insats under tertialen.');
    expect(texts[row + 2]).not.to.match(/Siffrorna har ändrats/u);
    // The coordinator's own words stay, with the figures they were written for beside today's.
    expect(inputs(review)['comment_gemensam-krogtillsyn']).to.equal(own);
    const krog = texts.indexOf('Gemensam krogtillsyn');
    expect(texts[krog + 1]).to.equal('🟢 i fas · 3 tillfällen under tertialen · 3 av 4 tillfällen hittills');
    expect(texts).to.include(
      '⚠️ Siffrorna har ändrats sedan kommentaren skrevs: nu 3 tillfällen under tertialen · 3 av 4 tillfällen hittills (då 2 tillfällen under tertialen · 2 av 4 tillfällen hittills). Se över kommentaren innan du publicerar.',
    );
    expect(texts.filter((t) => t.startsWith('⚠️ Siffrorna'))).to.have.lengthOf(1);
    if (review?.kind === 'card') assertValidCard(review.card, 'review card');

    // Publicera publishes exactly the fields as approved; the flag goes once the figures are the comment's.
    const published = await app.handle(click(submit(review, 'Publicera', {})));

    const latest = await port.publications.latest({ agreementId: A2020.id, year: 2020, tertial: 1 });
    expect(latest?.comments.grannsamverkan).to.equal('1 insats under tertialen.');
    expect(latest?.comments['gemensam-krogtillsyn']).to.equal(own);
    expect(
      latest?.document.promises.flatMap((p) => p.activities).find((a) => a.activityId === 'grannsamverkan'),
    ).to.deep.include({ outcome: '1 insats under tertialen', comment: '1 insats under tertialen.' });
    expect(cardTexts({ ...published[0]!, kind: 'card' } as Reply).join('\n')).not.to.include('Siffrorna har ändrats');
  });

  it('a draft and publication stored before comments kept their figures still load; a stale comment is flagged', async () => {
    const storage = new MemoryStorage();
    const store = await fixtureStore(storage);
    // As publishFixture stored them before: comments without what they were written for.
    const at = new Date('2020-05-05T08:00:00Z');
    const old = await publishFixture(store, { year: 2020, tertial: 1 }, at, {
      grannsamverkan: 'Inget loggat under tertialen.',
      'gemensam-krogtillsyn': APPROVED_COMMENT,
    });
    const { adapter } = storage.document('publications');
    const file = structuredClone(await adapter.read()) as {
      drafts: Record<string, unknown>[];
      publications: Record<string, unknown>[];
    };
    expect(file.publications[0]).to.have.property('basis');
    for (const record of [...file.drafts, ...file.publications]) delete record.basis;
    await adapter.write(file);
    const reopened = await Store.open(storage, [A2020]);
    expect(reopened.publications.latest({ agreementId: A2020.id, year: 2020, tertial: 1 })?.id).to.equal(old.id);

    const { app } = await testApp(reopened, MAY_10, { coordinators: [BOSS.id] });
    await app.handle(say('/logga grannsamverkan 2020-04-10'));
    const [review] = await app.handle(asBoss('/uppföljning T1 2020'));
    const texts = cardTexts(review);
    expect(inputs(review).comment_grannsamverkan).to.equal('Inget loggat under tertialen.');
    expect(texts).to.include(
      '⚠️ Siffrorna har ändrats sedan kommentaren skrevs: nu 1 insats under tertialen (då inget loggat under tertialen). Se över kommentaren innan du publicerar.',
    );
    // The joint inspections' figures are unchanged: their comment is not flagged.
    expect(texts.filter((t) => t.startsWith('⚠️ Siffrorna'))).to.have.lengthOf(1);
  });

  it('refuses a publish from a non-coordinator, from a channel, with a personnummer, too long or malformed', async () => {
    const store = await fixtureStore();
    const { app, port } = await testApp(store, MAY_10, { coordinators: [BOSS.id] });
    const [draft] = await app.handle(asBoss('/uppföljning T1 2020'));
    const value = submit(draft, 'Publicera', {});
    expect(textOf(await app.handle(click(value, { id: 'aad-other', name: 'Olle' })))).to.equal(COORDINATOR_ONLY);
    expect(textOf(await app.handle(click(value, BOSS, 'channel')))).to.equal(
      `${REVIEW_IN_PERSONAL_CHAT} Inget har publicerats eller sparats.`,
    );
    expect(textOf(await app.handle(click({ ...value, comment_sig: 'Pojke 811218-9876 omhändertagen' })))).to.match(
      /personnummer.*Inget har publicerats eller sparats\.$/u,
    );
    expect(textOf(await app.handle(click({ ...value, comment_sig: 'x'.repeat(1001) })))).to.equal(
      'Kommentaren till SIG-ärenden är 1\u00a0001 tecken; högst 1\u00a0000 får plats. Korta den och tryck igen. Inget har publicerats eller sparats.',
    );
    expect(textOf(await app.handle(click({ ...value, tertial: '7' })))).to.match(/^Kortet skickade något/u);
    expect(textOf(await app.handle(click({ ...value, year: 2031 })))).to.match(/^Tertialen finns inte längre/u);
    expect(await port.publications.all()).to.have.lengthOf(0);
  });

  it('a coordinator in a channel is sent to the personal chat and sees no notes', async () => {
    const { app } = await testApp(await fixtureStore(), MAY_10, { coordinators: [BOSS.id] });
    const replies = await app.handle(asBoss('/uppföljning T1 2020', 'channel'));
    expect(textOf(replies)).to.include(REVIEW_IN_PERSONAL_CHAT);
    for (const note of NOTES) expect(JSON.stringify(replies)).not.to.include(note.slice(0, 12));
  });

  it('without arguments: the latest finished tertial of the current agreement', async () => {
    const { app } = await testApp(await fixtureStore(), new Date('2020-10-01T08:00:00Z'), {
      coordinators: [BOSS.id],
    });
    const replies = await app.handle(asBoss('/uppföljning'));
    expect(cardTexts(replies[0])[0]).to.equal('Uppföljning av medborgarlöfte för Jönköpings kommun, tertial 2 2020');
  });

  it('with only a year that is over: its last tertial', async () => {
    const { app } = await testApp(await fixtureStore(), MAY_10, { coordinators: [BOSS.id] });
    const replies = await app.handle(asBoss('/uppföljning 2019'));
    expect(cardTexts(replies[0])[0]).to.equal('Uppföljning av medborgarlöfte för Jönköpings kommun, tertial 3 2019');
  });

  it('when no tertial has finished: says so and shows the running one', async () => {
    const { app } = await testApp(await fixtureStore(), new Date('2020-02-20T08:00:00Z'), {
      coordinators: [BOSS.id],
    });
    const replies = await app.handle(asBoss('/uppföljning'));
    expect(textOf(replies.slice(0, 1))).to.equal(
      'Ingen tertial i Medborgarlöfte 2020 är avslutad än. Här är tertial 1 2020, som pågår: siffrorna gäller till och med idag.',
    );
    expect(cardTexts(replies[1]).join('\n')).to.include(
      'Tertialen pågår: siffrorna gäller till och med 20 februari 2020.',
    );
  });

  it('answers a tertial not yet begun, a year without agreement and bad words in Swedish', async () => {
    const { app } = await testApp(await fixtureStore(), MAY_10);
    expect(textOf(await app.handle(say('/uppföljning T3 2020')))).to.equal(
      'Tertial 3 2020 har inte börjat än (den börjar 1 september 2020). Skriv /uppföljning för den senaste avslutade tertialen.',
    );
    expect(textOf(await app.handle(say('/uppföljning T1 2030')))).to.match(
      /^Inget medborgarlöfte gäller tertial 1 2030\. Det som finns: 2018-2019, 2020\.$/u,
    );
    expect(textOf(await app.handle(say('/uppföljning T4')))).to.match(/^Tertial 4 finns inte\./u);
    expect(textOf(await app.handle(say('/uppföljning sista')))).to.match(/^Jag förstår inte "sista"/u);
  });

  it('without configured links: the published card says so and has no buttons', async () => {
    const store = await fixtureStore();
    await publishFixture(store, { year: 2020, tertial: 1 }, MAY_10);
    const { app } = await testApp(store, MAY_10, { links: false });
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
    const { app, port } = await testApp(store, MAY_10, { coordinators: [BOSS.id] });
    const [review] = await app.handle(asBoss('/uppföljning T1 2020'));
    if (review?.kind !== 'card') throw new Error('no card');
    expect(cardBytes(review.card)).to.be.at.most(24_000);
    // Every activity keeps its comment field; what gave way was the notes.
    expect(Object.keys(inputs(review))).to.have.lengthOf(40);

    const long = Object.fromEntries(activities.map((a) => [a.id, 'Lång kommentar. '.repeat(60).trim()]));
    await publishFixture(store, { year: 2020, tertial: 1 }, MAY_10, long, big, port.publications);
    const [reply] = await app.handle(say('/uppföljning T1 2020'));
    if (reply?.kind !== 'card') throw new Error('no card');
    expect(cardBytes(reply.card)).to.be.at.most(24_000);
    const texts = cardTexts(reply);
    expect(activities.every((a) => texts.includes(a.name))).to.equal(true);
  });
});

describe('/export', () => {
  it('is for coordinators only', async () => {
    const { app } = await testApp(await fixtureStore(), MAY_10, { coordinators: ['aad-boss'] });
    expect(textOf(await app.handle(say('/export 2020')))).to.equal(COORDINATOR_ONLY);
  });

  it('is not handed out in a channel', async () => {
    const { app } = await testApp(await fixtureStore(), MAY_10, { coordinators: ['aad-boss'] });
    expect(textOf(await app.handle(say('/export 2020', { id: 'aad-boss', kind: 'channel' })))).to.match(
      /^Skriv \/export till mig i en personlig chatt.*inte synas för hela kanalen\.$/u,
    );
  });

  it('in a group chat it speaks of the chat, not of a channel', async () => {
    const { app } = await testApp(await fixtureStore(), MAY_10, { coordinators: ['aad-boss'] });
    const input = say('/export 2020', { id: 'aad-boss' });
    const reply = textOf(await app.handle({ ...input, conversation: { id: '19:chat@thread.v2', kind: 'groupChat' } }));
    expect(reply).to.match(/^Skriv \/export till mig i en personlig chatt.*inte synas för alla i chatten\.$/u);
    expect(reply).not.to.include('kanal');
  });

  it('gives a coordinator a signed CSV link that lives a day', async () => {
    const { app, logs } = await testApp(await fixtureStore(), MAY_10, { coordinators: ['aad-boss'] });
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
    const { app } = await testApp(await fixtureStore(), MAY_10, { coordinators: ['aad-boss'] });
    expect(textOf(await app.handle(say('/export 2030', { id: 'aad-boss' })))).to.equal(
      'Det finns inget medborgarlöfte för 2030. Det som finns: 2018-2019, 2020.',
    );
    expect(textOf(await app.handle(say('/export allt', { id: 'aad-boss' })))).to.equal(
      'Jag förstår inte "allt". Skriv ett år, t.ex. /export 2020.',
    );
  });
});
