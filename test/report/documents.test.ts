// The published follow-up (PDF and web page) from the fixture store at a fixed date: what a reader
// of the document sees, and what it must not show.
import { expect } from 'chai';
import { renderEntriesCsv, renderPublication } from '../../src/report/reports.js';
import { MemoryStorage } from '../../src/store/storage.js';
import { Store } from '../../src/store/store.js';
import {
  A2018,
  A2020,
  ANNA,
  APPROVED_COMMENT,
  BERTIL,
  CECILIA,
  fixtureEntries,
  fixtureStore,
  publishFixture,
} from '../fixtures/followUpStore.js';
import { pdfText } from './pdfText.js';

const NOW = new Date('2020-05-10T08:00:00Z');
const TITLE = 'Uppföljning av medborgarlöfte för Jönköpings kommun, tertial 1 2020';
const oneLine = (s: string) => s.replace(/\s+/gu, ' ');

/** T1 2020 as published on NOW with `comments`, drawn as PDF or HTML. */
async function t1(format: 'pdf' | 'html', store?: Store, comments?: Record<string, string>) {
  const s = store ?? (await fixtureStore());
  return renderPublication(await publishFixture(s, { year: 2020, tertial: 1 }, NOW, comments), A2020.area, format);
}

/** Every note written in the fixture: none may reach a published document. */
const NOTES = fixtureEntries().flatMap((e) => (e.note ? [e.note] : []));

describe('follow-up documents', () => {
  describe('PDF', () => {
    let text = '';
    let extracted: Awaited<ReturnType<typeof pdfText>>;
    before(async () => {
      const report = await t1('pdf');
      expect(report.contentType).to.equal('application/pdf');
      expect(report.filename).to.equal('uppfoljning-jonkoping-2020-t1.pdf');
      expect(report.body.subarray(0, 5).toString('latin1')).to.equal('%PDF-');
      extracted = await pdfText(report.body);
      text = extracted.pages.join('\n');
    });

    it('is A4, in Swedish, with the published title as metadata and as its first heading', () => {
      expect(extracted.pageSize.width).to.be.closeTo(595.28, 0.01);
      expect(extracted.pageSize.height).to.be.closeTo(841.89, 0.01);
      expect(extracted.info).to.deep.include({ Title: TITLE, Language: 'sv-SE' });
      expect(oneLine(text)).to.include(TITLE);
    });

    it('names the parties and the period', () => {
      expect(text).to.include('Parter: Polisen och Jönköpings kommun (Lokalpolisområde södra Vätterbygden)');
      expect(text).to.include('Tertial: Tertial 1 2020: 1 januari – 30 april 2020');
    });

    it('has every activity with its target, outcome, state and comment, å/ä/ö intact', () => {
      const flat = oneLine(text);
      for (const a of A2020.activities) expect(flat, a.name).to.include(a.name);
      expect(flat).to.include('Gemensam krogtillsyn');
      expect(flat).to.include('Mål Minst 4 tillfällen under perioden');
      expect(flat).to.include('Utfall 2 tillfällen under tertialen · 2 av 4 tillfällen hittills');
      // The same words as /status on 30 April (statusWords.ts).
      expect(flat).to.include('Läge i fas');
      expect(flat).to.include('Läge inte påbörjad');
      expect(flat).to.include('Läge långt efter');
      expect(flat).to.include('Utfall Inget loggat under tertialen · aktiv 0 av 17 helger hittills');
      expect(flat).to.include(`Kommentar ${APPROVED_COMMENT}`);
      expect(flat).to.include('Kommentar Ingen kommentar.');
    });

    it('holds the approved comment and not one word of any note', () => {
      const flat = oneLine(text);
      expect(NOTES.length).to.be.greaterThan(5);
      for (const note of NOTES) expect(flat, note).not.to.include(oneLine(note).slice(0, 20));
      for (const word of ['Lägesbild', 'anmärkningar', 'hushåll', 'Pratade', 'Fel aktivitet']) {
        expect(flat).not.to.include(word);
      }
    });

    it('has both charts', () => {
      expect(text).to.include('Framsteg per aktivitet');
      expect(text).to.include('17 av 18 veckor');
      expect(text).to.include('Loggade insatser per månad');
      for (const m of ['jan', 'feb', 'mar', 'apr']) expect(text).to.include(m);
    });

    it('names nobody who logged and shows no personnummer', () => {
      for (const p of [ANNA, BERTIL, CECILIA]) expect(text).not.to.include(p.name.split(' ')[0]);
      expect(text).not.to.match(/811218/u);
    });

    it('numbers its pages', () => {
      expect(extracted.pages[0]).to.include(`sida 1 av ${extracted.pages.length}`);
    });
  });

  it('a comment with emoji and other scripts still prints its words', async () => {
    const store = await Store.open(new MemoryStorage(), [A2018, A2020]);
    const report = await t1('pdf', store, { ssg: 'Bra möte 👍🏽 → nästa gång Øresund, Łódź' });
    const text = (await pdfText(report.body)).pages.join('\n');
    expect(oneLine(text)).to.include('nästa gång Øresund, Łódź');
  });

  describe('web page', () => {
    it('is one self-contained, escaped page with the same content and inline charts', async () => {
      const report = await t1('html', undefined, {
        sig: '<script>alert("x")</script> & <b>',
        'gemensam-krogtillsyn': APPROVED_COMMENT,
      });
      expect(report.contentType).to.equal('text/html; charset=utf-8');
      const html = report.body.toString('utf8');
      expect(html).to.match(/^<!doctype html>\n<html lang="sv">/u);
      expect(html).to.include(`<title>${TITLE}</title>`);
      expect(html).to.include('<h1>Uppföljning av medborgarlöfte för Jönköpings kommun, tertial 1 2020</h1>');
      expect(html).to.include('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;');
      expect(html).not.to.include('<script');
      expect(html).to.include('<td class="state" style="color:#1b5e20">i fas</td>');
      expect(html.match(/<svg /gu)).to.have.lengthOf(2);
      // Nothing fetched from anywhere: the only URL is the SVG namespace.
      expect(html.match(/https?:\/\/[^"]+/gu)?.every((u) => u === 'http://www.w3.org/2000/svg')).to.equal(true);
      for (const p of [ANNA, BERTIL, CECILIA]) expect(html).not.to.include(p.name.split(' ')[0]);
      expect(html).to.include(APPROVED_COMMENT);
      for (const note of NOTES) expect(html, note).not.to.include(note.slice(0, 20));
    });
  });

  describe('CSV', () => {
    it('is made for Swedish Excel: BOM, ";" separators, CRLF, decimal comma, Stockholm time', async () => {
      const csv = renderEntriesCsv(await fixtureStore(), 2020, { start: '2020-01-01', end: '2020-04-30' });
      expect(csv.contentType).to.equal('text/csv; charset=utf-8');
      expect(csv.filename).to.equal('insatser-2020-01-01-2020-04-30.csv');
      const text = csv.body.toString('utf8');
      expect(
        text.startsWith(
          '\uFEFFdatum;medborgarlöfte;löfte;aktivitet;plats;antal;timmar;deltagare;anteckning;loggad av;loggad tid;borttagen;borttagen av;borttagen tid;ändrad av;ändrad tid;tillfälle\r\n',
        ),
      ).to.equal(true);
      const lines = text.slice(1).split('\r\n');
      expect(lines.at(-1)).to.equal('');
      expect(lines).to.have.lengthOf(1 + 28 + 1); // header, 27 active + 1 undone, final CRLF
      expect(lines[1]).to.equal(
        '2020-01-02;Medborgarlöfte 2020;Arbeta aktivt mot drogförsäljning på Öxnehaga, Österängen och Ekhagen och få dessa platser att upplevas som trygga;Torsdagsmöte Öxnehaga;Öxnehaga;1;;;;Cecilia Ek;2020-01-02 20:30;nej;;;;;1',
      );
      expect(
        lines.some((l) =>
          l.startsWith(
            '2020-04-04;Medborgarlöfte 2020;Identifiera och arbeta förebyggande på otrygga platser i Jönköpings kommun;Gemensam krogtillsyn;Krogmiljön;1;2,5;;"Två anmärkningar på alkoholservering; ""uppföljning"" bokad.";Bertil Berg;2020-04-04 21:30;nej;;;;;',
          ),
        ),
      ).to.equal(true);
      // The last column numbers the occasions in the file's order; each entry here is one of its own.
      expect(lines.slice(1, -1).map((l) => l.split(';').at(-1))).to.deep.equal(
        Array.from({ length: 28 }, (_, i) => String(i + 1)),
      );
      expect(lines.filter((l) => l.includes(';ja;'))).to.have.lengthOf(1);
      // Who undid it and when (Stockholm time), from the entry itself.
      expect(lines.find((l) => l.includes(';ja;'))).to.match(/;ja;Bertil Berg;2020-03-01 21:00;;;\d+$/u);
      expect(lines.find((l) => l.includes(';SSG-möte;'))).to.include(
        'Identifiera och arbeta förebyggande på otrygga platser i Jönköpings kommun / Arbeta aktivt',
      );
    });

    it('names who last changed an entry, and when, from the audit log', async () => {
      const store = await fixtureStore();
      const [entry] = store.entries(A2020.id);
      await store.audit.record({
        at: '2020-04-20T08:15:00.000Z',
        by: { id: 'aad-sam', name: 'Sam Samordnare' },
        via: 'card',
        action: 'entry.edited',
        agreementId: A2020.id,
        entryId: entry!.id,
        changes: { count: { from: 1, to: 2 } },
      });
      const lines = renderEntriesCsv(store, 2020, { start: '2020-01-01', end: '2020-12-31' }, await store.audit.read())
        .body.toString('utf8')
        .split('\r\n');
      const changed = lines.filter((l) => /;Sam Samordnare;2020-04-20 10:15;\d+$/u.test(l));
      expect(changed).to.have.lengthOf(1);
      expect(changed[0]?.startsWith(entry!.date)).to.equal(true);
    });

    it('cannot smuggle a formula or a line break into Excel', async () => {
      const store = await Store.open(new MemoryStorage(), [A2020]);
      const base = {
        agreementId: A2020.id,
        activityId: 'ssg',
        date: '2020-03-03',
        count: 1,
        loggedAt: '2020-03-03T10:00:00.000Z',
      };
      await store.addEntry({
        ...base,
        id: 'f1',
        by: { id: 'u', name: '=HYPERLINK("http://x","klick")' },
        note: '+46 70 123',
        place: '@torget',
      });
      await store.addEntry({ ...base, id: 'f2', by: { id: 'u', name: '-1+2' }, note: 'rad ett\nrad två' });
      const lines = renderEntriesCsv(store, 2020, { start: '2020-01-01', end: '2020-12-31' })
        .body.toString('utf8')
        .split('\r\n');
      expect(lines[1]).to.include(`;'@torget;1;;;'+46 70 123;"'=HYPERLINK(""http://x"",""klick"")";`);
      expect(lines[2]).to.include(';"rad ett\nrad två";\'-1+2;');
    });
  });
});
