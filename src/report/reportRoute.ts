// GET /rapport/uppfoljning and /rapport/insatser: a signed link in, a document out. Free of the
// HTTP library: server.ts hands over the path and query and sends back what this returns.
// A missing, altered or expired signature is 403; a valid link to something that is not there
// (an agreement since removed, a tertial not published) is 404.
import { z } from 'zod';
import type { Logger } from '../app/ports.js';
import type { Tertial } from '../domain/calendar.js';
import type { StorePort } from '../app/port/index.js';
import { ENTRIES_PATH, FOLLOW_UP_PATH } from './paths.js';
import { readArea, renderEntriesCsv, renderPublication, type RenderedReport } from './reports.js';
import { areaKey, areaOfQuery, verifyQuery } from './signedLink.js';
import { render } from '../views/catalogue.js';
import { reportTexts } from '../views/reportTexts.js';

export interface ReportRouteDeps {
  port: StorePort;
  secret: string;
  now: () => Date;
  logger: Logger;
}

export interface HttpAnswer {
  status: 200 | 403 | 404;
  headers: Record<string, string>;
  body: Buffer | string;
}

export const REFUSED = render(reportTexts, { code: 'route.refused' });
export const NOT_FOUND = render(reportTexts, { code: 'route.notFound' });
export const NOT_PUBLISHED = render(reportTexts, { code: 'route.notPublished' });

const year = z
  .string()
  .regex(/^\d{4}$/u)
  .transform(Number);
const followUpParams = z.object({
  area: z.string().min(1).max(100),
  agreement: z.string().min(1).max(100),
  year,
  tertial: z.enum(['1', '2', '3']).transform((t) => Number(t) as Tertial),
  format: z.enum(['pdf', 'html']),
});
const entriesParams = z.object({ area: z.string().min(1).max(100), year, format: z.literal('csv') });

const TEXT_HEADERS = { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' };

function plain(status: 403 | 404, body: string): HttpAnswer {
  return { status, headers: { ...TEXT_HEADERS }, body };
}

function document(report: RenderedReport, disposition: 'inline' | 'attachment'): HttpAnswer {
  return {
    status: 200,
    headers: {
      'Content-Type': report.contentType,
      'Content-Disposition': `${disposition}; filename="${report.filename}"`,
      'Content-Length': String(report.body.length),
      // The link is the key: keep it out of shared caches and out of Referer headers.
      'Cache-Control': 'private, no-store',
      'Referrer-Policy': 'no-referrer',
      'X-Content-Type-Options': 'nosniff',
      // The web page needs its inline styles and nothing else.
      'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'",
    },
    body: report.body,
  };
}

export async function answerReportRequest(deps: ReportRouteDeps, path: string, query: string): Promise<HttpAnswer> {
  if (path !== FOLLOW_UP_PATH && path !== ENTRIES_PATH) return plain(404, NOT_FOUND);
  const now = deps.now();
  const areaId = areaOfQuery(query);
  const area = areaId === undefined ? undefined : await deps.port.areas.area(areaId);
  const check =
    areaId === undefined
      ? ({ ok: false, reason: 'unsigned' } as const)
      : verifyQuery(areaKey(deps.secret, areaId), path, query, now);
  if (!check.ok) {
    deps.logger.warn({ path, reason: check.reason }, 'report link refused');
    return plain(403, REFUSED);
  }

  if (path === FOLLOW_UP_PATH) {
    const params = followUpParams.safeParse(check.params);
    if (!params.success) return plain(404, NOT_FOUND);
    const { agreement: agreementId, year: y, tertial, format } = params.data;
    // Only the agreements of the area the link was signed for.
    const agreement = area ? await deps.port.records(area.id).agreement(agreementId) : undefined;
    if (!agreement) return plain(404, NOT_FOUND);
    // Only a tertial a coordinator has published has a document, and it is the published one.
    const published = await deps.port.publications.latest({ agreementId, year: y, tertial });
    if (!published) return plain(404, NOT_PUBLISHED);
    return document(await renderPublication(published, agreement.area, format), 'inline');
  }

  const params = entriesParams.safeParse(check.params);
  if (!params.success) return plain(404, NOT_FOUND);
  if (!area) return plain(404, NOT_FOUND);
  const y = params.data.year;
  deps.logger.info({ areaId: area.id, year: y }, 'entries exported');
  return document(
    renderEntriesCsv(
      await readArea(deps.port.records(area.id), (a) => a.period.start <= `${y}-12-31` && `${y}-01-01` <= a.period.end),
      y,
      { start: `${y}-01-01`, end: `${y}-12-31` },
      await deps.port.audit.read({ areaId: area.id }),
    ),
    'attachment',
  );
}
