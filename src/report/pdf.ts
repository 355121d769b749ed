// The follow-up as an A4 PDF, drawn with pdfkit. The standard Helvetica fonts print Swedish
// text that stays extractable (copy, search, pdftotext); charts are vector bars.
import PDFDocument from 'pdfkit';
import { FOLLOW_UP_RGB } from '../views/followUpTexts.js';
import type { FollowUpDocument } from './followUpDocument.js';
import { toWinAnsi } from './winAnsi.js';

const MARGIN = 56; // 2 cm
const INK = '#1a1a1a';
const SUBTLE = '#555555';
const RULE = '#cccccc';
const LABEL_WIDTH = 72;

type Doc = PDFKit.PDFDocument;

export function followUpPdf(d: FollowUpDocument, publishedAt: Date): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    bufferPages: true,
    lang: 'sv-SE',
    displayTitle: true,
    info: {
      Title: toWinAnsi(d.title),
      Author: toWinAnsi(d.author),
      Subject: 'Tertialuppföljning av medborgarlöfte',
      Creator: 'Medborgarlöfte-boten',
      CreationDate: publishedAt,
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  header(doc, d);
  for (const promise of d.promises) promiseSection(doc, promise);
  progressChart(doc, d.progressChart);
  monthChart(doc, d.monthChart);
  doc
    .moveDown(1)
    .font('Helvetica')
    .fontSize(8)
    .fillColor(SUBTLE)
    .text(toWinAnsi(d.footnote), { width: width(doc) });
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

function header(doc: Doc, d: FollowUpDocument): void {
  // One line when it can be (down to 13 pt), so the title is found whole when the text is searched.
  const title = toWinAnsi(d.title);
  doc.font('Helvetica-Bold').fillColor(INK);
  let size = 18;
  while (size > 13 && doc.fontSize(size).widthOfString(title) > width(doc)) size -= 0.5;
  doc.fontSize(size).text(title, { width: width(doc) });
  doc.moveDown(0.5);
  for (const fact of d.facts) {
    doc
      .font('Helvetica-Bold')
      .fontSize(10)
      .text(`${toWinAnsi(fact.label)}: `, { continued: true });
    doc.font('Helvetica').text(toWinAnsi(fact.value));
  }
  doc.moveDown(0.5).font('Helvetica').fontSize(9).fillColor(SUBTLE).text(toWinAnsi(d.phase));
  doc.moveDown(0.3).font('Helvetica-Bold').fontSize(10).fillColor(INK).text(toWinAnsi(d.summary));
}

function promiseSection(doc: Doc, promise: FollowUpDocument['promises'][number]): void {
  doc.moveDown(1);
  doc.font('Helvetica-Bold').fontSize(13);
  const heading = toWinAnsi(promise.heading);
  // Keep the heading with at least the start of its first activity.
  ensureSpace(doc, doc.heightOfString(heading, { width: width(doc) }) + 80);
  const y = doc.y;
  doc
    .moveTo(doc.page.margins.left, y - 4)
    .lineTo(doc.page.margins.left + width(doc), y - 4)
    .lineWidth(0.5)
    .strokeColor(RULE)
    .stroke();
  doc.fillColor(INK).text(heading, doc.page.margins.left, y + 2, { width: width(doc) });
  for (const activity of promise.activities) activityBlock(doc, activity);
}

function activityBlock(doc: Doc, a: FollowUpDocument['promises'][number]['activities'][number]): void {
  const left = doc.page.margins.left;
  const valueWidth = width(doc) - LABEL_WIDTH;
  if (a.seeAlso) {
    doc.moveDown(0.6);
    doc
      .font('Helvetica-Bold')
      .fontSize(11)
      .fillColor(INK)
      .text(toWinAnsi(a.name), left, doc.y, { width: width(doc) });
    doc
      .font('Helvetica')
      .fontSize(9.5)
      .fillColor(SUBTLE)
      .text(toWinAnsi(a.seeAlso), { width: width(doc) });
    doc.x = left;
    return;
  }
  const rows: Array<{ label: string; value: string; bold?: boolean; color?: string }> = [
    { label: 'Mål', value: a.target },
    { label: 'Utfall', value: a.outcome },
    { label: 'Läge', value: a.stateLabel, bold: true, color: FOLLOW_UP_RGB[a.state] },
    { label: 'Kommentar', value: a.comment },
  ];
  doc.font('Helvetica-Bold').fontSize(11);
  const name = toWinAnsi(a.name);
  let height = doc.heightOfString(name, { width: width(doc) }) + 8;
  doc.font('Helvetica-Oblique').fontSize(9);
  const text = toWinAnsi(`${a.text} (${a.parties})`);
  height += doc.heightOfString(text, { width: width(doc) });
  doc.font('Helvetica').fontSize(9.5);
  for (const r of rows) height += doc.heightOfString(toWinAnsi(r.value), { width: valueWidth }) + 2;
  ensureSpace(doc, Math.min(height, bottom(doc) - doc.page.margins.top));

  doc.moveDown(0.6);
  doc
    .font('Helvetica-Bold')
    .fontSize(11)
    .fillColor(INK)
    .text(name, left, doc.y, { width: width(doc) });
  doc
    .font('Helvetica-Oblique')
    .fontSize(9)
    .fillColor(SUBTLE)
    .text(text, { width: width(doc) });
  doc.moveDown(0.2);
  for (const r of rows) {
    const y = doc.y;
    doc
      .font('Helvetica-Bold')
      .fontSize(9.5)
      .fillColor(SUBTLE)
      .text(toWinAnsi(r.label), left, y, { width: LABEL_WIDTH - 6 });
    doc
      .font(r.bold ? 'Helvetica-Bold' : 'Helvetica')
      .fillColor(r.color ?? INK)
      .text(toWinAnsi(r.value), left + LABEL_WIDTH, y, { width: valueWidth });
    doc.y += 2;
  }
  doc.x = left;
}

/** Text cut with an ellipsis to fit `maxWidth` in the current font. */
function fit(doc: Doc, text: string, maxWidth: number): string {
  if (doc.widthOfString(text) <= maxWidth) return text;
  let cut = text;
  while (cut.length > 1 && doc.widthOfString(`${cut}…`) > maxWidth) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}…`;
}

function chartHeading(doc: Doc, title: string, height: number): void {
  doc.moveDown(1.2);
  ensureSpace(doc, height + 30);
  doc
    .font('Helvetica-Bold')
    .fontSize(13)
    .fillColor(INK)
    .text(toWinAnsi(title), doc.page.margins.left, doc.y, { width: width(doc) });
  doc.moveDown(0.4);
}

function progressChart(doc: Doc, bars: FollowUpDocument['progressChart']): void {
  const rowHeight = 16;
  const labelWidth = 190;
  const barWidth = width(doc) - labelWidth - 100;
  chartHeading(doc, 'Framsteg per aktivitet', Math.min(bars.length, 10) * rowHeight);
  const left = doc.page.margins.left;
  for (const bar of bars) {
    ensureSpace(doc, rowHeight);
    const y = doc.y;
    doc.font('Helvetica').fontSize(8.5).fillColor(INK);
    doc.text(fit(doc, toWinAnsi(bar.label), labelWidth - 8), left, y + 3, { width: labelWidth - 8, lineBreak: false });
    doc
      .rect(left + labelWidth, y + 2, barWidth, rowHeight - 5)
      .fillColor('#eeeeee')
      .fill();
    if (bar.share > 0)
      doc
        .rect(left + labelWidth, y + 2, barWidth * bar.share, rowHeight - 5)
        .fillColor(FOLLOW_UP_RGB[bar.state])
        .fill();
    doc
      .fillColor(INK)
      .text(toWinAnsi(bar.text), left + labelWidth + barWidth + 6, y + 3, { width: 94, lineBreak: false });
    doc.x = left;
    doc.y = y + rowHeight;
  }
  doc
    .font('Helvetica')
    .fontSize(7.5)
    .fillColor(SUBTLE)
    .text(
      'Stapeln visar andelen av målet hittills; för engångsaktiviteter och löpande arbete visar den läget (halv = pågående).',
      left,
      doc.y + 4,
      { width: width(doc) },
    );
}

function monthChart(doc: Doc, months: FollowUpDocument['monthChart']): void {
  const chartHeight = 120;
  chartHeading(doc, 'Loggade insatser per månad', chartHeight + 30);
  const left = doc.page.margins.left;
  const top = doc.y + 12;
  const base = top + chartHeight;
  const max = Math.max(1, ...months.map((m) => m.value));
  const slot = Math.min(48, width(doc) / Math.max(1, months.length));
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
        .fillColor(m.highlighted ? FOLLOW_UP_RGB.inProgress : '#9fb7d6')
        .fill();
    doc.font('Helvetica').fontSize(8).fillColor(INK);
    doc.text(String(m.value), x - 4, base - h - 11, { width: w + 8, align: 'center', lineBreak: false });
    doc.text(toWinAnsi(m.label), x - 4, base + 3, { width: w + 8, align: 'center', lineBreak: false });
  });
  doc.x = left;
  doc.y = base + 16;
  doc
    .font('Helvetica')
    .fontSize(7.5)
    .fillColor(SUBTLE)
    .text('Mörka staplar: tertialens månader.', left, doc.y, { width: width(doc) });
}

function footers(doc: Doc, title: string): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // Writing below the bottom margin would start a new page; lift the margin while we do.
    const margin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font('Helvetica')
      .fontSize(7.5)
      .fillColor(SUBTLE)
      .text(toWinAnsi(`${title} · sida ${i + 1} av ${range.count}`), MARGIN, doc.page.height - MARGIN + 16, {
        width: doc.page.width - 2 * MARGIN,
        align: 'center',
        lineBreak: false,
      });
    doc.page.margins.bottom = margin;
  }
}
