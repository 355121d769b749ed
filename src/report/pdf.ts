// The follow-up as an accessible A4 PDF (PDF 1.7, tagged), drawn with pdfkit: a structure tree in
// reading order (H1, facts as a list, per promise H2 and per activity H3, a paragraph and a table
// of target, outcome, state and comment), language sv-SE and the title in the metadata, charts
// as figures whose alt text says what they show, and page furniture marked as artifacts. Fonts
// are DejaVu Sans from the dejavu-fonts-ttf package, embedded (subset): it covers Swedish, the
// Nordic letters and the Latin, Greek and Cyrillic names a user may write. (PDF/UA-1, ISO 14289-1;
// WCAG 2.1 AA as required by lag 2018:1937.)
import { createRequire } from 'node:module';
import path from 'node:path';
import { publishedStatus } from '../domain/publication.js';
import { MONTH_HIGHLIGHT_RGB } from '../views/followUpTexts.js';
import { progressAndStatus, statusPrintColor } from '../views/statusWords.js';
import type { FollowUpDocument } from '../views/followUpDocument.js';
import { render } from '../views/catalogue.js';
import { reportTexts, type ReportText } from '../views/reportTexts.js';

const say = (text: ReportText): string => render(reportTexts, text);

const MARGIN = 56; // 2 cm
const INK = '#1a1a1a';
const SUBTLE = '#555555';
const RULE = '#cccccc';
const LABEL_WIDTH = 72;

const fontDir = path.join(path.dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');
const FONTS = {
  regular: path.join(fontDir, 'DejaVuSans.ttf'),
  bold: path.join(fontDir, 'DejaVuSans-Bold.ttf'),
  italic: path.join(fontDir, 'DejaVuSans-Oblique.ttf'),
} as const;
type Font = keyof typeof FONTS;

type Doc = PDFKit.PDFDocument;
type Struct = PDFKit.PDFStructureElement;

/** The published document as PDF bytes; `publishedAt` becomes its creation date. */
export async function followUpPdf(d: FollowUpDocument, publishedAt: Date): Promise<Buffer> {
  // Loaded on the first PDF, not at start: pdfkit is a sixth of the bot's start-up time.
  const { default: PDFDocument } = await import('pdfkit');
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    bufferPages: true,
    pdfVersion: '1.7',
    tagged: true,
    lang: 'sv-SE',
    displayTitle: true,
    info: {
      Title: d.title,
      Author: d.author,
      Subject: say({ code: 'pdf.subject' }),
      Creator: 'Medborgarlöfte-boten',
      CreationDate: publishedAt,
    },
  });
  for (const [name, file] of Object.entries(FONTS)) doc.registerFont(name, file);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const root = doc.struct('Document');
  doc.addStructure(root);
  header(doc, root, d);
  for (const promise of d.promises) promiseSection(doc, root, promise);
  progressChart(doc, root, d.progressChart);
  monthChart(doc, root, d.monthChart);
  doc.moveDown(1);
  paragraph(doc, root, d.footnote, { font: 'regular', size: 8, color: SUBTLE });
  root.end();
  footers(doc, d.title);
  doc.end();
  return done;
}

function width(doc: Doc): number {
  return doc.page.width - doc.page.margins.left - doc.page.margins.right;
}

function bottom(doc: Doc): number {
  return doc.page.height - doc.page.margins.bottom;
}

/** A new page unless `height` points still fit on this one. */
function ensureSpace(doc: Doc, height: number): void {
  if (doc.y + height > bottom(doc)) doc.addPage();
}

interface TextStyle {
  font: Font;
  size: number;
  color?: string;
}

function style(doc: Doc, s: TextStyle): Doc {
  return doc
    .font(s.font)
    .fontSize(s.size)
    .fillColor(s.color ?? INK);
}

/** Text as one structure element of `type` (P, H1, H2 …) under `parent`, at the left margin. */
function paragraph(doc: Doc, parent: Struct, text: string, s: TextStyle, type = 'P'): void {
  parent.add(
    doc.struct(type, {}, () => {
      style(doc, s).text(text, doc.page.margins.left, doc.y, { width: width(doc) });
    }),
  );
}

/** Drawing that carries no meaning of its own (rules, bar backgrounds, page footers). */
function artifact(doc: Doc, draw: () => void): void {
  doc.markContent('Artifact');
  draw();
  doc.endMarkedContent();
}

function header(doc: Doc, root: Struct, d: FollowUpDocument): void {
  // One line when it can be (down to 13 pt), so the title is found whole when the text is searched.
  doc.font('bold');
  let size = 18;
  while (size > 13 && doc.fontSize(size).widthOfString(d.title) > width(doc)) size -= 0.5;
  paragraph(doc, root, d.title, { font: 'bold', size }, 'H1');
  doc.moveDown(0.5);
  const list = doc.struct('L');
  root.add(list);
  for (const fact of d.facts) {
    const item = doc.struct('LI');
    list.add(item);
    item.add(
      doc.struct('LBody', {}, () => {
        style(doc, { font: 'bold', size: 10 }).text(`${fact.label}: `, doc.page.margins.left, doc.y, {
          continued: true,
        });
        doc.font('regular').text(fact.value);
      }),
    );
    item.end();
  }
  list.end();
  doc.moveDown(0.5);
  paragraph(doc, root, d.phase, { font: 'regular', size: 9, color: SUBTLE });
  doc.moveDown(0.3);
  paragraph(doc, root, d.summary, { font: 'bold', size: 10 });
}

function promiseSection(doc: Doc, root: Struct, promise: FollowUpDocument['promises'][number]): void {
  const section = doc.struct('Sect');
  root.add(section);
  doc.moveDown(1);
  style(doc, { font: 'bold', size: 13 });
  // Keep the heading with at least the start of its first activity.
  ensureSpace(doc, doc.heightOfString(promise.heading, { width: width(doc) }) + 80);
  const y = doc.y;
  artifact(doc, () => {
    doc
      .moveTo(doc.page.margins.left, y - 4)
      .lineTo(doc.page.margins.left + width(doc), y - 4)
      .lineWidth(0.5)
      .strokeColor(RULE)
      .stroke();
  });
  doc.y = y + 2;
  paragraph(doc, section, promise.heading, { font: 'bold', size: 13 }, 'H2');
  for (const activity of promise.activities) activityBlock(doc, section, activity);
  section.end();
}

function activityBlock(doc: Doc, section: Struct, a: FollowUpDocument['promises'][number]['activities'][number]): void {
  const left = doc.page.margins.left;
  if (a.seeAlso) {
    doc.moveDown(0.6);
    paragraph(doc, section, a.name, { font: 'bold', size: 11 }, 'H3');
    paragraph(doc, section, a.seeAlso, { font: 'regular', size: 9.5, color: SUBTLE });
    return;
  }
  const rows: Array<{ label: string; value: string; bold?: boolean; color?: string }> = [
    { label: 'Mål', value: a.target },
    { label: 'Utfall', value: a.outcome },
    { label: 'Läge', value: a.stateLabel, bold: true, color: statusPrintColor(publishedStatus(a.state)) },
    { label: 'Kommentar', value: a.comment },
  ];
  const valueWidth = width(doc) - LABEL_WIDTH;
  const description = `${a.text} (${a.parties})`;
  let height = style(doc, { font: 'bold', size: 11 }).heightOfString(a.name, { width: width(doc) }) + 8;
  height += style(doc, { font: 'italic', size: 9 }).heightOfString(description, { width: width(doc) });
  style(doc, { font: 'regular', size: 9.5 });
  for (const r of rows) height += doc.heightOfString(r.value, { width: valueWidth }) + 2;
  ensureSpace(doc, Math.min(height, bottom(doc) - doc.page.margins.top));

  doc.moveDown(0.6);
  paragraph(doc, section, a.name, { font: 'bold', size: 11 }, 'H3');
  paragraph(doc, section, description, { font: 'italic', size: 9, color: SUBTLE });
  doc.moveDown(0.2);
  const table = doc.struct('Table');
  section.add(table);
  for (const r of rows) {
    const y = doc.y;
    const row = doc.struct('TR');
    table.add(row);
    // A row header (pdfkit writes Scope into the attributes; its types do not list it).
    const header = { title: r.label, scope: 'Row' };
    row.add(
      doc.struct('TH', header, () => {
        style(doc, { font: 'bold', size: 9.5, color: SUBTLE }).text(r.label, left, y, { width: LABEL_WIDTH - 6 });
      }),
    );
    const labelBottom = doc.y;
    row.add(
      doc.struct('TD', {}, () => {
        style(doc, { font: r.bold ? 'bold' : 'regular', size: 9.5, color: r.color ?? INK }).text(
          r.value,
          left + LABEL_WIDTH,
          y,
          { width: valueWidth },
        );
      }),
    );
    row.end();
    doc.y = Math.max(doc.y, labelBottom) + 2;
  }
  table.end();
  doc.x = left;
}

/** Text cut with an ellipsis to fit `maxWidth` in the current font. */
function fit(doc: Doc, text: string, maxWidth: number): string {
  if (doc.widthOfString(text) <= maxWidth) return text;
  let cut = text;
  while (cut.length > 1 && doc.widthOfString(`${cut}…`) > maxWidth) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}…`;
}

function chartHeading(doc: Doc, root: Struct, title: string, height: number): void {
  doc.moveDown(1.2);
  ensureSpace(doc, height + 30);
  paragraph(doc, root, title, { font: 'bold', size: 13 }, 'H2');
  doc.moveDown(0.4);
}

/** What the progress chart shows, in words: every bar's label, figure and state. */
export function progressChartAlt(bars: FollowUpDocument['progressChart']): string {
  return say({
    code: 'pdf.progressAlt',
    bars: bars.map((b) => `${b.label}: ${progressAndStatus(b.text, publishedStatus(b.state))}`),
  });
}

/** What the month chart shows, in words. */
export function monthChartAlt(months: FollowUpDocument['monthChart']): string {
  const inTertial = months.filter((m) => m.highlighted).map((m) => m.label);
  return say({ code: 'pdf.monthAlt', months: months.map((m) => `${m.label}: ${m.value}`), highlighted: inTertial });
}

function progressChart(doc: Doc, root: Struct, bars: FollowUpDocument['progressChart']): void {
  const rowHeight = 16;
  const labelWidth = 190;
  const barWidth = width(doc) - labelWidth - 100;
  chartHeading(doc, root, say({ code: 'chart.progressHeading' }), Math.min(bars.length, 10) * rowHeight);
  const left = doc.page.margins.left;
  // The whole chart is one figure; its alt text carries every bar's figure for a screen reader.
  root.add(
    doc.struct('Figure', { alt: progressChartAlt(bars) }, () => {
      for (const bar of bars) {
        ensureSpace(doc, rowHeight);
        const y = doc.y;
        style(doc, { font: 'regular', size: 8.5 });
        doc.text(fit(doc, bar.label, labelWidth - 8), left, y + 3, { width: labelWidth - 8, lineBreak: false });
        doc
          .rect(left + labelWidth, y + 2, barWidth, rowHeight - 5)
          .fillColor('#eeeeee')
          .fill();
        if (bar.share > 0)
          doc
            .rect(left + labelWidth, y + 2, barWidth * bar.share, rowHeight - 5)
            .fillColor(statusPrintColor(publishedStatus(bar.state)))
            .fill();
        doc.fillColor(INK).text(bar.text, left + labelWidth + barWidth + 6, y + 3, { width: 94, lineBreak: false });
        doc.x = left;
        doc.y = y + rowHeight;
      }
    }),
  );
  doc.y += 4;
  paragraph(doc, root, say({ code: 'chart.progressNote' }), { font: 'regular', size: 7.5, color: SUBTLE });
}

function monthChart(doc: Doc, root: Struct, months: FollowUpDocument['monthChart']): void {
  const chartHeight = 120;
  chartHeading(doc, root, say({ code: 'chart.monthHeading' }), chartHeight + 30);
  const left = doc.page.margins.left;
  const top = doc.y + 12;
  const base = top + chartHeight;
  const max = Math.max(1, ...months.map((m) => m.value));
  const slot = Math.min(48, width(doc) / Math.max(1, months.length));
  root.add(
    doc.struct('Figure', { alt: monthChartAlt(months) }, () => {
      doc
        .moveTo(left, base)
        .lineTo(left + slot * months.length, base)
        .lineWidth(0.5)
        .strokeColor(RULE)
        .stroke();
      months.forEach((m, i) => {
        const h = (m.value / max) * chartHeight;
        const x = left + i * slot + slot * 0.15;
        const w = slot * 0.7;
        if (h > 0)
          doc
            .rect(x, base - h, w, h)
            .fillColor(m.highlighted ? MONTH_HIGHLIGHT_RGB : '#9fb7d6')
            .fill();
        style(doc, { font: 'regular', size: 8 });
        doc.text(String(m.value), x - 4, base - h - 11, { width: w + 8, align: 'center', lineBreak: false });
        doc.text(m.label, x - 4, base + 3, { width: w + 8, align: 'center', lineBreak: false });
      });
    }),
  );
  doc.x = left;
  doc.y = base + 16;
  paragraph(doc, root, say({ code: 'chart.monthNote' }), { font: 'regular', size: 7.5, color: SUBTLE });
}

function footers(doc: Doc, title: string): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // Writing below the bottom margin would start a new page; lift the margin while we do.
    const margin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    artifact(doc, () => {
      style(doc, { font: 'regular', size: 7.5, color: SUBTLE }).text(
        say({ code: 'pdf.pageFooter', title, page: i + 1, pages: range.count }),
        MARGIN,
        doc.page.height - MARGIN + 16,
        { width: doc.page.width - 2 * MARGIN, align: 'center', lineBreak: false },
      );
    });
    doc.page.margins.bottom = margin;
  }
}
