// The published PDF as assistive technology and an accessibility checker read it: tagged, in
// Swedish, titled, its structure in reading order, charts with alt text, every font embedded.
import { expect } from 'chai';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { monthChartAlt, progressChartAlt } from '../../src/report/pdf.js';
import { renderPublication } from '../../src/report/reports.js';
import { MemoryStorage } from '../../src/store/storage.js';
import { Store } from '../../src/store/store.js';
import { A2018, A2020, fixtureStore, publishFixture } from '../fixtures/followUpStore.js';
import { pdfStructure, walk, type StructNode } from './pdfStructure.js';
import { pdfText } from './pdfText.js';

const NOW = new Date('2020-05-10T08:00:00Z');
const TITLE = 'Uppföljning av medborgarlöfte för Jönköpings kommun, tertial 1 2020';
const NAMES = 'Åsa Øberg, Ærø Ångström, Łucja Wąsowska, Þórunn Guðmundsdóttir, Ŋoađđi Sámi, Дмитрий, Ελένη';

describe('the published PDF is accessible', () => {
  let pdf: Buffer;
  let nodes: StructNode[];
  let marked = false;
  let dir = '';

  before(async () => {
    const store = await fixtureStore();
    const publication = await publishFixture(store, { year: 2020, tertial: 1 }, NOW, {
      'gemensam-krogtillsyn': `Tack till ${NAMES}.`,
    });
    pdf = (await renderPublication(publication, 'jonkoping', 'pdf')).body;
    const structure = await pdfStructure(pdf);
    marked = structure.marked;
    nodes = walk(structure.pages);
    dir = mkdtempSync(path.join(tmpdir(), 'pdf-a11y-'));
    writeFileSync(path.join(dir, 'f.pdf'), pdf);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('is PDF 1.7, tagged (MarkInfo Marked), Swedish, and shows its title (pdf.js)', async () => {
    expect(pdf.subarray(0, 8).toString('latin1')).to.equal('%PDF-1.7');
    expect(marked).to.equal(true);
    const { info } = await pdfText(pdf);
    expect(info).to.deep.include({ Title: TITLE, Language: 'sv-SE' });
    expect(pdf.toString('latin1')).to.match(/\/DisplayDocTitle true/u);
  });

  it('has headings, paragraphs, a list and tables in reading order', () => {
    const roles = nodes.map((n) => n.role);
    for (const role of ['Document', 'H1', 'H2', 'H3', 'P', 'L', 'LI', 'LBody', 'Sect', 'Table', 'TR', 'TH', 'TD']) {
      expect(roles, role).to.include(role);
    }
    const headings = roles.filter((r) => /^H\d$/u.test(r));
    expect(headings[0]).to.equal('H1');
    expect(headings.filter((r) => r === 'H1')).to.have.lengthOf(1);
    // The list of facts comes before the first promise; each table has its four rows.
    expect(roles.indexOf('L')).to.be.lessThan(roles.indexOf('H2'));
    const tables = nodes.filter((n) => n.role === 'Table');
    expect(tables.length).to.be.greaterThan(5);
    for (const t of tables) expect(t.children.map((c) => c.role)).to.deep.equal(['TR', 'TR', 'TR', 'TR']);
    for (const row of nodes.filter((n) => n.role === 'TR')) {
      expect(row.children.map((c) => c.role)).to.deep.equal(['TH', 'TD']);
    }
    // Every heading, paragraph and cell marks some page content.
    for (const n of nodes.filter((x) => ['H1', 'H2', 'H3', 'P', 'TH', 'TD'].includes(x.role))) {
      expect(n.content, n.role).to.be.greaterThan(0);
    }
  });

  it('gives every chart alt text that says what it shows', () => {
    const figures = nodes.filter((n) => n.role === 'Figure');
    expect(figures).to.have.lengthOf(2);
    const [progress, months] = figures;
    expect(progress?.alt).to.match(/^Stapeldiagram: andel av målet hittills per aktivitet\. /u);
    expect(progress?.alt).to.include('Gemensam krogtillsyn: 2 av 4 tillfällen (i fas)');
    expect(progress?.alt).to.include('Torsdagsmöte Öxnehaga: 17 av 18 veckor (i fas)');
    expect(months?.alt).to.match(
      /^Stapeldiagram: loggade insatser per månad\. jan: \d+; feb: \d+; mar: \d+; apr: \d+\./u,
    );
    expect(progressChartAlt([])).to.be.a('string');
    expect(monthChartAlt([{ label: 'jan', value: 3, highlighted: true }])).to.equal(
      'Stapeldiagram: loggade insatser per månad. jan: 3. Tertialens månader (jan) är mörkare.',
    );
  });

  it('prints any name a user may write, Nordic, Polish, Sámi, Cyrillic, Greek, as written', async () => {
    const text = (await pdfText(pdf)).pages.join('\n').replace(/\s+/gu, ' ');
    expect(text).to.include(`Tack till ${NAMES}.`);
  });

  it('embeds every font (pdffonts) and says Tagged: yes (pdfinfo)', () => {
    const fonts = execFileSync('pdffonts', [path.join(dir, 'f.pdf')], { encoding: 'utf8' })
      .trim()
      .split('\n')
      .slice(2);
    expect(fonts.length).to.be.greaterThan(0);
    for (const line of fonts) {
      // name type encoding emb sub uni object ID
      const cols = line.trim().split(/\s+/u);
      expect(cols.at(-5), line).to.equal('yes');
      expect(line).to.include('DejaVuSans');
    }
    const info = execFileSync('pdfinfo', [path.join(dir, 'f.pdf')], { encoding: 'utf8' });
    expect(info).to.match(/^Tagged:\s+yes$/mu);
    expect(info).to.match(/^Title:\s+Uppföljning av medborgarlöfte för Jönköpings kommun, tertial 1 2020$/mu);
  });

  it('embeds fonts also as the PDF itself says: no base-14 font, a font file per descriptor', () => {
    const raw = pdf.toString('latin1');
    expect(raw).not.to.match(/\/BaseFont \/(Helvetica|Times|Courier)/u);
    const descriptors = raw.match(/\/Type \/FontDescriptor/gu) ?? [];
    const files = raw.match(/\/FontFile2 \d+ 0 R/gu) ?? [];
    expect(descriptors.length).to.be.greaterThan(0);
    expect(files.length).to.equal(descriptors.length);
  });

  it('an empty store still makes a valid tagged document', async () => {
    const store = await Store.open(new MemoryStorage(), [A2018, A2020]);
    const publication = await publishFixture(store, { year: 2020, tertial: 1 }, NOW, {});
    const structure = await pdfStructure((await renderPublication(publication, 'jonkoping', 'pdf')).body);
    expect(structure.marked).to.equal(true);
    expect(walk(structure.pages).some((n) => n.role === 'H1')).to.equal(true);
  });
});
