// The structure of a tagged PDF as assistive technology reads it, through Mozilla's pdf.js: the
// document's MarkInfo, and each page's structure tree flattened to roles in reading order, with
// the alt text of figures. No system tool needed.
import { fileURLToPath } from 'node:url';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

const standardFontDataUrl = fileURLToPath(new URL('../../node_modules/pdfjs-dist/standard_fonts/', import.meta.url));

export interface StructNode {
  role: string;
  alt?: string;
  lang?: string;
  children: StructNode[];
  /** How many pieces of page content this node marks directly. */
  content: number;
}

export interface PdfStructure {
  marked: boolean;
  /** One tree per page, as pdf.js gives it. */
  pages: StructNode[];
}

interface RawNode {
  role?: string;
  alt?: string;
  lang?: string;
  type?: string;
  children?: RawNode[];
}

function convert(raw: RawNode): StructNode {
  const children = raw.children ?? [];
  return {
    role: raw.role ?? '',
    ...(raw.alt ? { alt: raw.alt } : {}),
    ...(raw.lang ? { lang: raw.lang } : {}),
    children: children.filter((c) => c.role !== undefined).map(convert),
    content: children.filter((c) => c.type === 'content').length,
  };
}

export async function pdfStructure(pdf: Buffer): Promise<PdfStructure> {
  // pdf.js 6 dropped isEvalSupported (it no longer evaluates code) and PDFDocumentProxy.destroy():
  // the loading task owns the document's worker and is what is destroyed.
  const task = getDocument({ data: new Uint8Array(pdf), standardFontDataUrl, verbosity: 0 });
  const doc = await task.promise;
  // pdf.js 6 answers with a Map although its types still describe an object.
  const markInfo: unknown = await doc.getMarkInfo();
  const marked =
    markInfo instanceof Map
      ? markInfo.get('Marked') === true
      : (markInfo as { Marked?: boolean } | null)?.Marked === true;
  const pages: StructNode[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const tree = (await (await doc.getPage(i)).getStructTree()) as RawNode | null;
    pages.push(convert(tree ?? { role: 'Root', children: [] }));
  }
  await task.destroy();
  return { marked, pages };
}

/** Every node of the trees, depth first (reading order). */
export function walk(nodes: readonly StructNode[]): StructNode[] {
  return nodes.flatMap((n) => [n, ...walk(n.children)]);
}
