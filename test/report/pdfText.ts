// Text of a PDF as a reader (or a search engine) gets it, extracted with Mozilla's pdf.js: no
// system tool needed. Items are joined per line as pdf.js reports them.
import { fileURLToPath } from 'node:url';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

const standardFontDataUrl = fileURLToPath(new URL('../../node_modules/pdfjs-dist/standard_fonts/', import.meta.url));

export interface PdfText {
  pages: string[];
  info: Record<string, unknown>;
  pageSize: { width: number; height: number };
}

export async function pdfText(pdf: Buffer): Promise<PdfText> {
  // pdf.js 6 dropped isEvalSupported (it no longer evaluates code) and PDFDocumentProxy.destroy():
  // the loading task owns the document's worker and is what is destroyed.
  const task = getDocument({ data: new Uint8Array(pdf), standardFontDataUrl, verbosity: 0 });
  const doc = await task.promise;
  const pages: string[] = [];
  let pageSize = { width: 0, height: 0 };
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    if (i === 1) {
      const [x0 = 0, y0 = 0, x1 = 0, y1 = 0] = page.view;
      pageSize = { width: x1 - x0, height: y1 - y0 };
    }
    const content = await page.getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join(''));
  }
  const meta = await doc.getMetadata();
  await task.destroy();
  return { pages, info: meta.info as Record<string, unknown>, pageSize };
}
