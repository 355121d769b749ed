// Issue 20, "One occasion, several people": the police officer and the kommun's inspector who did
// one joint inspection each log it, and the Thursday meeting is logged by three attendees. Each is
// one occasion: asked once, counted once, everywhere.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'chai';
import type { AuditRecord } from '../../src/domain/audit.js';
import type { Entry } from '../../src/domain/entry.js';
import { dayTotals } from '../../src/domain/status.js';
import type { Reply } from '../../src/app/ports.js';
import { weeklySummaryReplies } from '../../src/app/weeklySummary.js';
import { followUpDocument } from '../../src/views/followUpDocument.js';
import { followUpHtml } from '../../src/report/html.js';
import { followUpPdf } from '../../src/report/pdf.js';
import { answerPublicPage } from '../../src/report/publicRoute.js';
import { followUpFromStore, renderEntriesCsv } from '../../src/report/reports.js';
import { fileStorage } from '../../src/store/storage.js';
import { outcomeText } from '../../src/views/followUpTexts.js';
import { pdfText } from '../report/pdfText.js';
import {
  ANNA,
  BERIT,
  SAMORDNARE,
  cardsOf,
  harness,
  readable,
  submitActions,
  tempDir,
  type Harness,
  buttonData,
} from '../support/harness.js';
import { fileStoreOnly } from '../support/storeBackend.js';

const NOW = '2020-10-15T10:00:00+02:00';
const JOHAN = { id: '29:johan', name: 'Johan Berg', aadObjectId: 'aad-johan' };
const active = async (h: Harness) => (await h.records.allEntries()).filter((e) => !e.removed);

const button = buttonData;

const fallbackOf = (replies: Reply[]) =>
  replies.map((r) => (r.kind === 'card' || r.kind === 'replaceCard' ? r.fallbackText : r.text)).join('\n');

async function status(h: Harness): Promise<string> {
  return readable(await h.say('/status gemensam krogtillsyn', { user: SAMORDNARE }));
}

describe('issue 20: one occasion, several people', () => {
  it('the second person is asked once before anything is stored; Ja joins the occasion: 1 av 4', async () => {
    const h = await harness({ now: NOW });
    expect(readable(await h.say('/logga gemensam krogtillsyn Öxnehaga 13/10', { user: JOHAN }))).to.include(
      '✅ Loggat',
    );
    const asked = await h.say('/logga gemensam krogtillsyn öxnehaga 13/10', { user: BERIT });
    expect(fallbackOf(asked)).to.include(
      'Johan Berg har redan loggat Gemensam krogtillsyn 13 oktober i Öxnehaga. Var du med där?',
    );
    expect(readable(asked)).to.include('Samma tillfälle?');
    expect(await active(h)).to.have.length(1);
    expect(submitActions(cardsOf(asked)[0]).length).to.equal(2);

    // Only the asker answers: anyone else's click stores nothing and says whose question it is.
    const other = await h.submit(button(asked, 'Ja, samma tillfälle'), { user: ANNA });
    expect(readable(other)).to.include('Frågan gäller Berit Bergs insats – bara Berit Berg kan välja.');
    expect(await active(h)).to.have.length(1);

    const yes = await h.submit(button(asked, 'Ja, samma tillfälle'), { user: BERIT });
    expect(yes[0]?.kind).to.equal('replaceCard');
    expect(fallbackOf(yes)).to.include('✅ Loggat').and.include('Samma tillfälle som Johan Berg – räknas en gång.');
    expect(fallbackOf(yes)).to.include('Medborgarlöfte 2020: 1 av 4 tillfällen');
    const [johans, berits] = await active(h);
    expect(berits?.occasionId).to.equal(johans?.id);
    expect(berits?.by.name).to.equal('Berit Berg');
    expect(await status(h)).to.include('1 av 4 tillfällen');
    const page = await answerPublicPage({ port: h.port, now: () => new Date(NOW) }, '/loften/jonkoping', '');
    expect(page.body).to.include('1 av 4 tillfällen').and.not.include('2 av 4 tillfällen');

    // A second click (either button) stores nothing more.
    await h.submit(button(asked, 'Ja, samma tillfälle'), { user: BERIT });
    await h.submit(button(asked, 'Nej, ett annat tillfälle'), { user: BERIT });
    expect(await active(h)).to.have.length(2);
    expect(await status(h)).to.include('1 av 4 tillfällen');

    // The joiner is credited: in /mina, /historik and the audit record stored with the entry.
    expect(readable(await h.say('/mina', { user: BERIT }))).to.include('Samma tillfälle som Johan Berg');
    expect(readable(await h.say('/mina', { user: JOHAN }))).to.include('Samma tillfälle som Berit Berg');
    const history = readable(await h.say('/historik gemensam krogtillsyn', { user: SAMORDNARE }));
    expect(history).to.include('Berit Berg').and.include('samma tillfälle som en tidigare loggning');
    const logged = (await h.port.audit.read()).filter((r) => r.action === 'entry.logged');
    expect(logged.map((r) => r.changes?.occasionId?.to)).to.deep.equal([undefined, johans?.id]);
  });

  it('Nej stores a new, separate occasion: 2 av 4', async () => {
    const h = await harness({ now: NOW });
    await h.say('/logga gemensam krogtillsyn Öxnehaga 13/10', { user: JOHAN });
    const asked = await h.say('/logga gemensam krogtillsyn Öxnehaga 13/10', { user: BERIT });
    const no = await h.submit(button(asked, 'Nej, ett annat tillfälle'), { user: BERIT });
    expect(fallbackOf(no)).to.include('✅ Loggat').and.include('2 av 4 tillfällen').and.not.include('Samma tillfälle');
    const [johans, berits] = await active(h);
    expect(berits?.occasionId).to.equal(berits?.id).and.not.equal(johans?.id);
    expect(await status(h)).to.include('2 av 4 tillfällen');
  });

  it('a typed "ja" or "nej, ett annat tillfälle" answers the question as the buttons would, once', async () => {
    const h = await harness({ now: NOW });
    await h.say('/logga gemensam krogtillsyn Öxnehaga 13/10', { user: JOHAN });
    const asked = await h.say('/logga gemensam krogtillsyn Öxnehaga 13/10', { user: BERIT });
    // Someone else's "ja" answers nothing of Berit's.
    expect(readable(await h.say('ja', { user: ANNA }))).to.not.include('Loggat');
    const yes = await h.say('Ja!', { user: BERIT });
    expect(fallbackOf(yes)).to.include('✅ Loggat').and.include('Samma tillfälle som Johan Berg – räknas en gång.');
    expect((await active(h))[1]?.occasionId).to.equal((await active(h))[0]?.id);
    // The card's buttons, pressed after the typed answer, store nothing more.
    await h.submit(button(asked, 'Nej, ett annat tillfälle'), { user: BERIT });
    expect(await active(h)).to.have.length(2);

    await h.say('/logga gemensam krogtillsyn Öxnehaga 13/10', { user: ANNA });
    const no = await h.say('nej, ett annat tillfälle', { user: ANNA });
    expect(fallbackOf(no)).to.include('✅ Loggat').and.include('2 av 4 tillfällen');
    expect(await active(h)).to.have.length(3);
    expect(await status(h)).to.include('2 av 4 tillfällen');
  });

  it('a third person joins the same occasion; another day, place or activity is not asked about', async () => {
    const h = await harness({ now: NOW });
    await h.say('/logga gemensam krogtillsyn Öxnehaga 13/10', { user: JOHAN });
    await h.submit(button(await h.say('/logga gemensam krogtillsyn 13/10', { user: BERIT }), 'Ja, samma tillfälle'), {
      user: BERIT,
    });
    const third = await h.say('/logga gemensam krogtillsyn Öxnehaga 13/10', { user: ANNA });
    expect(fallbackOf(third)).to.include('Johan Berg och Berit Berg har redan loggat Gemensam krogtillsyn');
    const yes = await h.submit(button(third, 'Ja, samma tillfälle'), { user: ANNA });
    expect(fallbackOf(yes)).to.include('Samma tillfälle som Johan Berg och Berit Berg').and.include('1 av 4');
    expect(new Set((await active(h)).map((e) => e.occasionId)).size).to.equal(1);

    for (const typed of [
      '/logga gemensam krogtillsyn Öxnehaga 12/10',
      '/logga gemensam krogtillsyn Österängen 13/10',
      '/logga ssg 13/10',
    ]) {
      expect(readable(await h.say(typed, { user: SAMORDNARE })), typed).to.include('✅ Loggat');
    }
  });

  it('taking back the first entry leaves the occasion counting once while someone else is in it', async () => {
    const h = await harness({ now: NOW });
    await h.say('/logga gemensam krogtillsyn Öxnehaga 13/10', { user: JOHAN });
    await h.submit(button(await h.say('/logga gemensam krogtillsyn 13/10', { user: BERIT }), 'Ja, samma tillfälle'), {
      user: BERIT,
    });
    expect(readable(await h.say('/ångra', { user: JOHAN }))).to.include('1 av 4 tillfällen');
    expect(await status(h)).to.include('1 av 4 tillfällen');
    // The store's running day totals agree with the domain's, read from every entry.
    expect(await h.records.dayTotals('jonkoping-2020', 'gemensam-krogtillsyn')).to.deep.equal(
      dayTotals(await h.records.entries('jonkoping-2020'), 'jonkoping-2020', 'gemensam-krogtillsyn'),
    );
    expect(await h.records.dayTotals('jonkoping-2020', 'gemensam-krogtillsyn')).to.deep.equal([
      { date: '2020-10-13', count: 1, occasions: 1 },
    ]);
    expect(readable(await h.say('/ångra', { user: BERIT }))).to.include('0 av 4 tillfällen');
  });

  it('the log form asks the same, in place of the form, and logs once', async () => {
    const h = await harness({ now: NOW });
    await h.say('/logga gemensam krogtillsyn Öxnehaga 13/10', { user: JOHAN });
    const [submit] = submitActions(cardsOf(await h.say('/logga', { user: BERIT }))[0]);
    const asked = await h.submit(
      { ...submit, activityId: 'gemensam-krogtillsyn', date: '2020-10-13', place: 'Öxnehaga', count: '1' },
      { user: BERIT },
    );
    expect(asked[0]?.kind).to.equal('replaceCard');
    expect(fallbackOf(asked)).to.include('Johan Berg har redan loggat Gemensam krogtillsyn 13 oktober i Öxnehaga.');
    expect(await active(h)).to.have.length(1);
    const yes = await h.submit(button(asked, 'Ja, samma tillfälle'), { user: BERIT });
    expect(fallbackOf(yes)).to.include('1 av 4 tillfällen');
    await h.submit(button(asked, 'Ja, samma tillfälle'), { user: BERIT });
    expect(await active(h)).to.have.length(2);
  });

  it('a Thursday meeting logged by three: participants are the largest number given, never added up', async function () {
    fileStoreOnly(this);
    const h = await harness({ now: NOW });
    await h.say('/logga torsdagsmöte Öxnehaga 15/10 6 pers', { user: ANNA });
    for (const [user, typed] of [
      [BERIT, '/logga torsdagsmöte Öxnehaga 15/10 8 pers'],
      [JOHAN, '/logga torsdagsmöte Öxnehaga 15/10'],
    ] as const) {
      await h.submit(button(await h.say(typed, { user }), 'Ja, samma tillfälle'), { user });
    }
    expect(await active(h)).to.have.length(3);

    const f = followUpFromStore(
      h.store,
      (await h.records.agreement('jonkoping-2020'))!,
      { year: 2020, tertial: 3 },
      new Date(NOW),
    );
    const meeting = f?.activities.find((a) => a.activity.id === 'torsdagsmote');
    expect(meeting?.tertial).to.deep.include({ count: 1, entries: 1, participants: 8, contributors: 3 });
    expect(outcomeText(meeting!)).to.include('1 gång (8 deltagare) under tertialen');
    expect(f?.totals.entries).to.equal(1);
    // The web page (and the PDF, drawn from the same document) says the same.
    const html = followUpHtml(followUpDocument(f!, {}, '2020-10-15'));
    expect(html).to.include('1 gång (8 deltagare)').and.not.include('3 gånger').and.not.include('14 deltagare');
    const pdf = (await pdfText(await followUpPdf(followUpDocument(f!, {}, '2020-10-15'), new Date(NOW)))).pages
      .join(' ')
      .replace(/\s+/gu, ' ');
    expect(pdf).to.include('1 gång (8 deltagare)').and.not.include('3 gånger');

    // The weekly card (next Thursday's, which covers the meeting's day), and /sammanfattning, count it once too.
    const weekly = readable(
      await weeklySummaryReplies(h.port, 'jonkoping', {
        sendDay: '2020-10-22',
        cutAt: new Date('2020-10-22T07:30:00+02:00'),
        previous: undefined,
      }),
    );
    expect(weekly).to.include('1 insats av 3 personer').and.not.include('3 gånger');
    expect(readable(await h.say('/sammanfattning', { user: SAMORDNARE }))).to.include('1 insats av 3 personer');
  });

  it('the occasion is stored with the entry, in the same journal line as its audit record', async function () {
    fileStoreOnly(this);
    const dir = tempDir('occ-journal-');
    const h = await harness({ now: NOW, storage: fileStorage(dir) });
    await h.say('/logga gemensam krogtillsyn Öxnehaga 13/10', { user: JOHAN });
    await h.submit(button(await h.say('/logga gemensam krogtillsyn 13/10', { user: BERIT }), 'Ja, samma tillfälle'), {
      user: BERIT,
    });
    const lines = readFileSync(path.join(dir, 'entries-jonkoping-2020.journal.jsonl'), 'utf8')
      .split('\n')
      .filter((l) => l !== '')
      .map((l) => JSON.parse(l) as { op: string; entry?: Entry; audit?: AuditRecord });
    const [johans, berits] = lines.filter((l) => l.op === 'add');
    expect(johans?.entry?.occasionId).to.equal(johans?.entry?.id);
    expect(berits?.entry?.occasionId).to.equal(johans?.entry?.id);
    expect(berits?.audit).to.deep.include({ action: 'entry.logged', entryId: berits?.entry?.id });
    expect(berits?.audit?.changes?.occasionId).to.deep.equal({ to: johans?.entry?.id });
    await h.store.close();
    // After a restart (the journal replayed) it is still one occasion.
    const again = await harness({ now: NOW, storage: fileStorage(dir), idPrefix: 'again' });
    expect(await status(again)).to.include('1 av 4 tillfällen');
    expect(readable(await again.say('/mina', { user: BERIT }))).to.include('Samma tillfälle som Johan Berg');
    await again.store.close();
  });

  it('the CSV keeps every entry and numbers the occasion they share', async function () {
    fileStoreOnly(this);
    const h = await harness({ now: NOW });
    await h.say('/logga gemensam krogtillsyn Öxnehaga 13/10', { user: JOHAN });
    await h.submit(button(await h.say('/logga gemensam krogtillsyn 13/10', { user: BERIT }), 'Ja, samma tillfälle'), {
      user: BERIT,
    });
    await h.say('/logga ssg 14/10', { user: BERIT });
    const lines = renderEntriesCsv(h.store, 2020, { start: '2020-01-01', end: '2020-12-31' })
      .body.toString('utf8')
      .split('\r\n')
      .filter((l) => l !== '');
    expect(lines[0]?.endsWith(';tillfälle')).to.equal(true);
    const rows = lines.slice(1).map((l) => l.split(';'));
    expect(rows.map((r) => [r[3], r[9], r.at(-1)])).to.deep.equal([
      ['Gemensam krogtillsyn', 'Johan Berg', '1'],
      ['Gemensam krogtillsyn', 'Berit Berg', '1'],
      ['SSG-möte', 'Berit Berg', '2'],
    ]);
  });
});
