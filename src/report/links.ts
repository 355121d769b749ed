// Signed links to the bot's own document routes (see reportRoute.ts), on PUBLIC_URL.
import type { ReportLinks } from '../app/reportLinks.js';
import { ENTRIES_LINK_TTL_MS, ENTRIES_PATH, FOLLOW_UP_LINK_TTL_MS, FOLLOW_UP_PATH } from './paths.js';
import { signQuery } from './signedLink.js';

export interface LinkOptions {
  secret: string;
  /** e.g. https://bot.example.se or http://localhost:3978; a path prefix (for a proxy that strips it) is kept. */
  publicUrl: string;
  followUpTtlMs?: number;
  entriesTtlMs?: number;
}

export function createReportLinks(options: LinkOptions): ReportLinks {
  const base = options.publicUrl.replace(/\/+$/u, '');
  const url = (path: string, params: Record<string, string>, expires: Date) =>
    `${base}${path}?${signQuery(options.secret, path, params, expires)}`;
  return {
    followUp(ref, now) {
      const expires = new Date(now.getTime() + (options.followUpTtlMs ?? FOLLOW_UP_LINK_TTL_MS));
      const params = { agreement: ref.agreementId, year: String(ref.year), tertial: String(ref.tertial) };
      return {
        pdf: url(FOLLOW_UP_PATH, { ...params, format: 'pdf' }, expires),
        html: url(FOLLOW_UP_PATH, { ...params, format: 'html' }, expires),
        expires,
      };
    },
    entries(year, now) {
      const expires = new Date(now.getTime() + (options.entriesTtlMs ?? ENTRIES_LINK_TTL_MS));
      return { csv: url(ENTRIES_PATH, { year: String(year), format: 'csv' }, expires), expires };
    },
  };
}
