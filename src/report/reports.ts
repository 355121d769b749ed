// The documents themselves, made from the store on request: the follow-up as PDF or HTML, and
// the entries as CSV. The HTTP route and the command line both come here.
import type { Agreement } from '../domain/agreement.js';
import { agreementsForYear } from '../domain/agreement.js';
import { stockholmDate, type Tertial } from '../domain/calendar.js';
import { lastEntryChanges, type AuditRecord } from '../domain/audit.js';
import { followUp, tertialPhase, type FollowUp, type TertialRef } from '../domain/followUp.js';
import type { Publication } from '../domain/publication.js';
import type { Completion, Entry } from '../domain/entry.js';
import type { AreaRecords } from '../app/port/index.js';
import { entriesCsv } from './csv.js';
import { followUpHtml } from './html.js';
import { followUpPdf } from './pdf.js';

export type DocumentFormat = 'pdf' | 'html';

/** What a document reads of one area, already in hand: its agreements, their entries and completions. */
export interface AreaReads {
  agreements(): readonly Agreement[];
  entries(agreementId: string): readonly Entry[];
  completions(agreementId: string): readonly Completion[];
}

/**
 * The area's agreements (those `which` keeps: by default all) with their entries and completions,
 * read from the port once, for the documents' synchronous rules.
 */
export async function readArea(
  records: AreaRecords,
  which: (agreement: Agreement) => boolean = () => true,
): Promise<AreaReads> {
  const agreements = (await records.agreements()).filter(which);
  const read = await Promise.all(
    agreements.map(async (a) => ({
      id: a.id,
      entries: await records.entries(a.id),
      completions: await records.completions(a.id),
    })),
  );
  const byId = new Map(read.map((r) => [r.id, r]));
  return {
    agreements: () => agreements,
    entries: (id) => byId.get(id)?.entries ?? [],
    completions: (id) => byId.get(id)?.completions ?? [],
  };
}

export interface RenderedReport {
  body: Buffer;
  contentType: string;
  filename: string;
}

/** The follow-up of a tertial that has started, or undefined when there is none to make. */
export function followUpFromStore(
  store: AreaReads,
  agreement: Agreement,
  ref: { year: number; tertial: Tertial },
  now: Date,
): FollowUp | undefined {
  const today = stockholmDate(now);
  const phase = tertialPhase(agreement, ref, today);
  if (phase === 'outside' || phase === 'future') return undefined;
  return followUp(agreement, store.entries(agreement.id), store.completions(agreement.id), ref, today);
}

/** "uppfoljning-jonkoping-2020-t1.pdf" */
function followUpFilename(area: string, ref: TertialRef, format: DocumentFormat): string {
  return `uppfoljning-${area}-${ref.year}-t${ref.tertial}.${format}`;
}

/**
 * The published follow-up as a PDF or web page, drawn from the publication's stored snapshot: the
 * same document however the log has changed since. `area` names the file.
 */
export async function renderPublication(
  publication: Publication,
  area: string,
  format: DocumentFormat,
): Promise<RenderedReport> {
  const filename = followUpFilename(area, publication, format);
  const publishedAt = new Date(publication.publishedAt);
  return format === 'pdf'
    ? { body: await followUpPdf(publication.document, publishedAt), contentType: 'application/pdf', filename }
    : {
        body: Buffer.from(followUpHtml(publication.document), 'utf8'),
        contentType: 'text/html; charset=utf-8',
        filename,
      };
}

/** Entries dated in the year, or in one of its tertials, from every agreement that year touches. */
export function renderEntriesCsv(
  store: AreaReads,
  year: number,
  range: { start: string; end: string },
  audit: readonly AuditRecord[] = [],
): RenderedReport {
  const changes = lastEntryChanges(audit);
  const sources = agreementsForYear(store.agreements(), year).map((agreement) => ({
    agreement,
    entries: store.entries(agreement.id),
    changes,
  }));
  const suffix =
    range.start.endsWith('-01-01') && range.end.endsWith('-12-31') ? `${year}` : `${range.start}-${range.end}`;
  return {
    body: Buffer.from(entriesCsv(sources, range), 'utf8'),
    contentType: 'text/csv; charset=utf-8',
    filename: `insatser-${suffix}.csv`,
  };
}
