// Signed links to the bot's own document routes (see reportRoute.ts), on PUBLIC_URL.
import type { ReportLinks } from '../app/reportLinks.js';
import { ENTRIES_LINK_TTL_MS, ENTRIES_PATH, FOLLOW_UP_LINK_TTL_MS, FOLLOW_UP_PATH } from './paths.js';
import { areaKey, signQuery } from './signedLink.js';

export interface LinkOptions {
  secret: string;
  /** e.g. https://bot.example.se or http://localhost:3978; a path prefix (for a proxy that strips it) is kept. */
  publicUrl: string;
  followUpTtlMs?: number;
  entriesTtlMs?: number;
}

export function createReportLinks(options: LinkOptions): ReportLinks {
  const base = options.publicUrl.replace(/\/+$/u, '');
  // Each area's links are signed with a key of its own, and name the area they open.
  const url = (areaId: string, path: string, params: Record<string, string>, expires: Date) =>
    `${base}${path}?${signQuery(areaKey(options.secret, areaId), path, { area: areaId, ...params }, expires)}`;
  return {
    followUp(ref, now) {
      const expires = new Date(now.getTime() + (options.followUpTtlMs ?? FOLLOW_UP_LINK_TTL_MS));
      const params = { agreement: ref.agreementId, year: String(ref.year), tertial: String(ref.tertial) };
      return {
        pdf: url(ref.areaId, FOLLOW_UP_PATH, { ...params, format: 'pdf' }, expires),
        html: url(ref.areaId, FOLLOW_UP_PATH, { ...params, format: 'html' }, expires),
        expires,
      };
    },
    entries(ref, now) {
      const expires = new Date(now.getTime() + (options.entriesTtlMs ?? ENTRIES_LINK_TTL_MS));
      return { csv: url(ref.areaId, ENTRIES_PATH, { year: String(ref.year), format: 'csv' }, expires), expires };
    },
  };
}
