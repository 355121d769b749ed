// The documents themselves, made from the store on request: the follow-up as PDF or HTML, and
// the entries as CSV. The HTTP route and the command line both come here.
import type { Agreement } from '../domain/agreement.js';
import { agreementsForYear } from '../domain/agreement.js';
import { stockholmDate, type Tertial } from '../domain/calendar.js';
import { followUp, tertialPhase, type FollowUp } from '../domain/followUp.js';
import type { AgreementRecords } from '../store/store.js';
import { entriesCsv } from './csv.js';
import { followUpDocument } from './followUpDocument.js';
import { followUpHtml } from './html.js';
import { followUpPdf } from './pdf.js';

export type DocumentFormat = 'pdf' | 'html';

export interface RenderedReport {
  body: Buffer;
  contentType: string;
  filename: string;
}

/** The follow-up of a tertial that has started, or undefined when there is none to make. */
export function followUpFromStore(
  store: AgreementRecords,
  agreement: Agreement,
  ref: { year: number; tertial: Tertial },
  now: Date,
): FollowUp | undefined {
  const today = stockholmDate(now);
  const phase = tertialPhase(agreement, ref, today);
  if (phase === 'outside' || phase === 'future') return undefined;
  return followUp(agreement, store.entries(agreement.id), store.completions(agreement.id), ref, today);
}

function followUpFilename(f: FollowUp, format: DocumentFormat): string {
  return `uppfoljning-${f.agreement.area}-${f.ref.year}-t${f.ref.tertial}.${format}`;
}

export async function renderFollowUp(f: FollowUp, format: DocumentFormat, now: Date): Promise<RenderedReport> {
  const doc = followUpDocument(f, now, stockholmDate(now));
  const filename = followUpFilename(f, format);
  return format === 'pdf'
    ? { body: await followUpPdf(doc), contentType: 'application/pdf', filename }
    : { body: Buffer.from(followUpHtml(doc), 'utf8'), contentType: 'text/html; charset=utf-8', filename };
}

/** Entries dated in the year, or in one of its tertials, from every agreement that year touches. */
export function renderEntriesCsv(
  store: AgreementRecords,
  year: number,
  range: { start: string; end: string },
): RenderedReport {
  const sources = agreementsForYear(store.agreements(), year).map((agreement) => ({
    agreement,
    entries: store.entries(agreement.id),
  }));
  const suffix =
    range.start.endsWith('-01-01') && range.end.endsWith('-12-31') ? `${year}` : `${range.start}-${range.end}`;
  return {
    body: Buffer.from(entriesCsv(sources, range), 'utf8'),
    contentType: 'text/csv; charset=utf-8',
    filename: `insatser-${suffix}.csv`,
  };
}
