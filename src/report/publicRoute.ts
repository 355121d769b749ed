// GET /loften/<area>: the public progress page, when PUBLIC_PAGES=on. Free of the HTTP library:
// server.ts hands over the path, query and If-None-Match and sends back what this returns.
// "?inbaddad=1" is the variant for an iframe on the kommun's own site.
import { createHash } from 'node:crypto';
import type { Agreement } from '../domain/agreement.js';
import { stockholmDate } from '../domain/calendar.js';
import { tertialsOf } from '../domain/followUp.js';
import type { Publication } from '../domain/publication.js';
import { agreementStatus } from '../domain/status.js';
import type { StorePort } from '../app/port/index.js';
import { PUBLIC_PAGE_PATH } from './paths.js';
import { publicPageHtml } from './publicPage.js';
import { render } from '../views/catalogue.js';
import { reportTexts } from '../views/reportTexts.js';

export interface PublicPageDeps {
  port: StorePort;
  now: () => Date;
}

export interface PublicAnswer {
  status: 200 | 304 | 404;
  headers: Record<string, string>;
  body: string;
}

export const NO_SUCH_AREA = render(reportTexts, { code: 'route.noSuchArea' });

const AREA = /^[a-z0-9]+(?:-[a-z0-9]+)*$/u;

/** The area's records, or undefined for an id that is no area: the one place the page resolves an area id. */
async function areaRecords(port: StorePort, areaId: string) {
  return (await port.areas.area(areaId)) ? port.records(areaId) : undefined;
}

/** The agreement whose period holds today, else the latest that has begun, else the first. */
function shownAgreement(agreements: readonly Agreement[], today: string): Agreement | undefined {
  return (
    agreements.find((a) => a.period.start <= today && today <= a.period.end) ??
    agreements.filter((a) => a.period.start <= today).at(-1) ??
    agreements[0]
  );
}

function notFound(): PublicAnswer {
  return {
    status: 404,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
    body: NO_SUCH_AREA,
  };
}

/** The page for `path` ("/loften/jonkoping"), 304 when `ifNoneMatch` holds its current ETag. */
export async function answerPublicPage(
  deps: PublicPageDeps,
  path: string,
  query: string,
  ifNoneMatch?: string,
): Promise<PublicAnswer> {
  const area = path.startsWith(`${PUBLIC_PAGE_PATH}/`)
    ? decodeURIComponentSafe(path.slice(PUBLIC_PAGE_PATH.length + 1))
    : '';
  if (!area || !AREA.test(area) || area.length > 100) return notFound();
  const today = stockholmDate(deps.now());
  const records = await areaRecords(deps.port, area);
  const agreement = records
    ? shownAgreement(
        [...(await records.agreements())].sort((a, b) => a.period.start.localeCompare(b.period.start)),
        today,
      )
    : undefined;
  if (!records || !agreement) return notFound();
  const embed = new URLSearchParams(query.replace(/^\?/u, '')).get('inbaddad') === '1';
  const publications = (
    await Promise.all(
      tertialsOf(agreement).map((ref) => deps.port.publications.latest({ agreementId: agreement.id, ...ref })),
    )
  ).filter((p): p is Publication => p !== undefined);
  const body = publicPageHtml({
    agreement,
    status: agreementStatus(
      agreement,
      await records.entries(agreement.id),
      await records.completions(agreement.id),
      today,
    ),
    publications,
    embed,
  });
  const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
  const headers: Record<string, string> = {
    'Content-Type': 'text/html; charset=utf-8',
    ETag: etag,
    // Anyone may cache it for a few minutes; the figures change as people log.
    'Cache-Control': 'public, max-age=300',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Content-Security-Policy': `default-src 'none'; style-src 'unsafe-inline'; frame-ancestors ${embed ? '*' : "'self'"}`,
  };
  const matches = (ifNoneMatch ?? '')
    .split(',')
    .map((t) => t.trim().replace(/^W\//u, ''))
    .some((t) => t === etag || t === '*');
  return matches ? { status: 304, headers, body: '' } : { status: 200, headers, body };
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return '';
  }
}
