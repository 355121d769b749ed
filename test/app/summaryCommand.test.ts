// "/sammanfattning" as a user reads it, and summaryReplies as the weekly channel post calls it.
import { expect } from 'chai';
import { summaryReplies } from '../../src/app/summaryCommand.js';
import { weeklySummaryReplies } from '../../src/app/weeklySummary.js';
import { stockholmInstant } from '../../src/domain/calendar.js';
import { assertValidCard } from '../support/adaptiveCardsSdk.js';
import { newId, referenceFor } from '../support/fakes.js';
import { cardOf, cardTexts, harness } from '../support/cardsHarness.js';
import { setupAudit } from '../support/audit.js';

describe('/sammanfattning', () => {
  async function loggedWeek() {
    const h = await harness('2020-03-14');
    // This week (8–14 March) and the one before (1–7 March), by two people.
    await h.say('/logga gemensam krogtillsyn Öxnehaga 2020-03-10');
    await h.say('/logga gemensam krogtillsyn 2020-03-12', {
      id: 'user-erik',
      name: 'Erik Berg',
      aadObjectId: 'aad-erik',
    });
    await h.say('/logga sig Österängen 2020-03-13 2 st');
    await h.say('/logga sig Öxnehaga 2020-03-03');
    await h.say('/logga torsdagsmöte 2020-03-05');
    return h;
  }

  it('shows the last 7 days per promise and activity: counts by place, people, change against the week before', async () => {
    const h = await loggedWeek();
    const replies = await h.say('/sammanfattning');
    expect(replies).to.have.length(1);
    const texts = cardTexts(cardOf(replies[0]).card);
    expect(texts).to.include('Sammanfattning, senaste 7 dagarna');
    expect(texts).to.include('8–14 mars 2020 · Medborgarlöfte 2020');
    // Insatser are entries: "2 st" in one entry is one insats (its count shows on the activity's row).
    expect(texts).to.include('3 insatser av 2 personer');
    expect(texts).to.include('2 insatser 1–7 mars 2020, nu 1 fler');
    expect(texts).to.include(' · loggat 2 tillfällen (1 i Öxnehaga, 1 utan plats) av 2 personer · +2 mot förra');
    expect(texts).to.include(' · loggat 2 ärenden i Österängen av 1 person · +1 mot förra');
    expect(texts).to.include(' · inget loggat (förra perioden 1 gång)');
    expect(texts).to.include('2 av 4 tillfällen');
    expect(texts).to.include('3 av 2 ärenden');
  });

  it('"insatser" means entries in the header and in every promise row, also for an entry counting 5', async () => {
    const h = await harness('2020-03-14');
    await h.say('/logga gemensam krogtillsyn 2020-03-10 5 st');
    const texts = cardTexts(cardOf((await h.say('/sammanfattning'))[0]).card);
    expect(texts).to.include('1 insats av 1 person');
    const promiseRows = texts.filter((t) => t.includes('mot förra perioden') || t.includes('ny sedan förra perioden'));
    expect(promiseRows.length).to.be.greaterThan(0);
    for (const row of promiseRows) expect(row).to.not.match(/5 insatser|\+5 mot/u);
    expect(texts.some((t) => t.startsWith('1 insats av 1 person · +1 mot förra perioden'))).to.equal(true);
    // The count is there, in the activity's own unit.
    expect(texts.join('\n')).to.include('loggat 5 tillfällen');
  });

  it('names what is behind plan, with its progress and status', async () => {
    const h = await loggedWeek();
    const texts = cardTexts(cardOf((await h.say('/sammanfattning'))[0]).card);
    const heading = texts.find((t) => t.startsWith('Efter plan ('));
    expect(heading).to.match(/^Efter plan \(\d+\)$/u);
    // Torsdagsmöte: one meeting in the eleven weeks begun by Saturday 14 March is far behind.
    expect(texts).to.include('🔴 Torsdagsmöte Öxnehaga: ');
    expect(texts).to.include('aktiv 1 av 11 veckor hittills – långt efter');
  });

  it('says plainly when the week before had nothing, and says nothing of places nobody named', async () => {
    const h = await harness('2020-03-14');
    for (let i = 0; i < 8; i++) await h.say(`/logga torsdagsmöte 2020-03-1${i % 4}`);
    const texts = cardTexts(cardOf((await h.say('/sammanfattning'))[0]).card);
    expect(texts).to.include('inget loggat 1–7 mars 2020');
    expect(texts.join('\n')).not.to.match(/\(0\)|utan plats/u);
    expect(texts.some((t) => /^ · loggat 8 gånger av 1 person · /u.test(t))).to.equal(true);
  });

  it('a month, a tertial and a year are calendar periods up to today, said as such', async () => {
    const h = await loggedWeek();
    expect(cardTexts(cardOf((await h.say('/sammanfattning månad'))[0]).card)).to.include(
      '1–14 mars 2020 (hittills) · Medborgarlöfte 2020',
    );
    expect(cardTexts(cardOf((await h.say('/sammanfattning tertial'))[0]).card)).to.include(
      'Sammanfattning, tertial 1 2020',
    );
    const year = cardTexts(cardOf((await h.say('/sammanfattning år'))[0]).card);
    expect(year).to.include('1 januari – 14 mars 2020 (hittills) · Medborgarlöfte 2020');
    expect(year).to.include('5 insatser av 2 personer');
  });

  it('a running year is compared with the same calendar days a year earlier, though 2020 has a 29 February', async () => {
    const h = await harness('2020-06-01');
    await h.say('/logga torsdagsmöte 2020-05-28');
    const texts = cardTexts(cardOf((await h.say('/sammanfattning år 2020'))[0]).card);
    expect(texts).to.include('1 januari – 1 juni 2020 (hittills) · Medborgarlöfte 2020');
    expect(texts).to.include('inget loggat 1 januari – 1 juni 2019');
  });

  it('a past year is its whole year, in the agreement that held it', async () => {
    const h = await harness('2020-03-14');
    const texts = cardTexts(cardOf((await h.say('/sammanfattning år 2019'))[0]).card);
    expect(texts).to.include('Sammanfattning, år 2019');
    expect(texts).to.include('1 januari – 31 december 2019 · Medborgarlöfte 2018-2019');
    expect(texts).to.include('inget');
  });

  it('answers a bad word, a future year and a year with no agreement in words, never with silence', async () => {
    const h = await harness('2020-03-14');
    const [bad] = await h.say('/sammanfattning kvartal');
    expect(bad).to.deep.include({ kind: 'text' });
    expect(bad && bad.kind === 'text' && bad.text).to.contain('Jag förstår inte "kvartal"');
    const [future] = await h.say('/sammanfattning år 2031');
    expect(future && future.kind === 'text' && future.text).to.contain('2031 har inte börjat');
    const [none] = await h.say('/sammanfattning år 2010');
    expect(none && none.kind === 'text' && none.text).to.contain('Det finns inget medborgarlöfte för 2010');
  });

  it('when no agreement holds today, says so and how to read an earlier year', async () => {
    const h = await harness('2026-11-24');
    const [reply] = await h.say('/sammanfattning');
    expect(reply && reply.kind === 'text' && reply.text).to.match(
      /Inget medborgarlöfte gäller 24 november 2026.*\/sammanfattning år 2020/u,
    );
  });

  it('summaryReplies builds the weekly summary with no turn, the text fallback saying the same', async () => {
    const h = await loggedWeek();
    const replies = await summaryReplies(h.port, 'jonkoping', '2020-03-14', 'vecka');
    const { card, fallbackText } = cardOf(replies[0]);
    expect(cardTexts(card)).to.include('Sammanfattning, senaste 7 dagarna');
    expect(fallbackText).to.contain(
      'Medborgarlöfte 2020, senaste 7 dagarna (8–14 mars 2020): 3 insatser av 2 personer; förra perioden 2 insatser 1–7 mars 2020, nu 1 fler.',
    );
    expect(fallbackText).to.contain('Efter plan: ');
  });

  it('a week with nothing logged: the text Teams notifies with says so, never "0 insatser av 0 personer"', async () => {
    const h = await harness('2020-03-14');
    const { fallbackText } = cardOf((await h.say('/sammanfattning'))[0]);
    expect(fallbackText).to.match(/^Medborgarlöfte 2020, senaste 7 dagarna \(8–14 mars 2020\): inget loggat; /u);
    const sendDay = '2020-03-15';
    const request = { sendDay, cutAt: stockholmInstant(sendDay, '07:30'), previous: undefined };
    const weekly = cardOf((await weeklySummaryReplies(h.port, 'jonkoping', request))[0]);
    expect(weekly.fallbackText).to.match(/^Så gick det 8–14 mars 2020: inget loggat\. /u);
    for (const text of [fallbackText, weekly.fallbackText]) expect(text).not.to.match(/\b0 (insatser|personer)/u);
  });

  it('the weekly card: "Så gick det 8–14 mars 2020", with Status, Logga and Sluta prenumerera that work', async () => {
    const h = await loggedWeek();
    const sendDay = '2020-03-15';
    const request = { sendDay, cutAt: stockholmInstant(sendDay, '07:30'), previous: undefined };
    const { card } = cardOf((await weeklySummaryReplies(h.port, 'jonkoping', request))[0]);
    assertValidCard(card, 'weekly card');
    const texts = cardTexts(card);
    expect(texts).to.include('Så gick det 8–14 mars 2020');
    expect(texts).not.to.include('Sammanfattning, senaste 7 dagarna');
    expect(texts).to.include('Veckokortet · Medborgarlöfte 2020');
    expect(texts).to.include('3 insatser av 2 personer');
    const buttons = JSON.stringify(card);
    for (const title of ['"Status"', '"Logga"', '"Sluta prenumerera"']) expect(buttons).to.include(`"title":${title}`);
    // /sammanfattning itself keeps its own title and has no subscription button.
    const asked = cardOf((await summaryReplies(h.port, 'jonkoping', '2020-03-14', 'vecka'))[0]).card;
    expect(cardTexts(asked)).to.include('Sammanfattning, senaste 7 dagarna');
    expect(JSON.stringify(asked)).not.to.include('Sluta prenumerera');

    // This personal chat subscribed earlier (as the bot stores it after /prenumerera).
    await h.port.subscriptions.subscribe(
      {
        conversation: { id: 'conv-personal', kind: 'personal' },
        reference: referenceFor('http://127.0.0.1:9', 'conv-personal'),
        schedule: { weekday: 4, time: '07:30' },
        by: { id: 'aad-anna', name: 'Anna Lind' },
        at: new Date('2020-03-01T08:00:00Z'),
        newId,
        areaId: 'jonkoping',
      },
      setupAudit(),
    );
    expect(await h.port.subscriptions.active()).to.have.lengthOf(1);
    const stopped = await h.submit({ verb: 'command', command: 'avprenumerera' });
    expect(stopped.map((r) => (r.kind === 'text' ? r.text : '')).join(' ')).to.match(
      /^Klart: Du får inte längre veckosamman/u,
    );
    expect(await h.port.subscriptions.active()).to.have.lengthOf(0);
    expect(cardTexts(cardOf((await h.submit({ verb: 'command', command: 'status' }))[0]).card)).to.include(
      'Medborgarlöfte 2020',
    );
  });

  it('"Visa fler" keeps the period the first page was taken at, even a day later', async () => {
    const h = await loggedWeek();
    const more = { verb: 'page', view: 'summary', page: 0, args: 'vecka', asOf: '2020-03-14' };
    h.setToday('2020-03-15');
    expect(cardTexts(cardOf((await h.submit(more))[0]).card)).to.include('8–14 mars 2020 · Medborgarlöfte 2020');
    // A date in the future of the clicker is not believed.
    const texts = cardTexts(cardOf((await h.submit({ ...more, asOf: '2020-04-01' }))[0]).card);
    expect(texts).to.include('9–15 mars 2020 · Medborgarlöfte 2020');
  });
});
