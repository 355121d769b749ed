// service-urls.json: the connector addresses (serviceUrl) that arrived on an authenticated request,
// per tenant. The bot posts on its own (weekly summaries) only to an address listed here for the
// conversation's tenant, so a stored reference altered to point elsewhere (to collect the bot's
// token or the summary) gets nothing.
import { z } from 'zod';
import { JsonDocument } from './document.js';
import type { Storage } from './storage.js';

const serviceUrlSchema = z.object({
  /** "" when the channel names no tenant (the Emulator). */
  tenantId: z.string(),
  serviceUrl: z.string().url(),
  firstSeenAt: z.string().datetime(),
});

const serviceUrlsFileSchema = z.object({
  version: z.literal(1),
  serviceUrls: z.array(serviceUrlSchema),
});

type ServiceUrlsFile = z.infer<typeof serviceUrlsFileSchema>;

/** One spelling per address: scheme and host lower case, no trailing slash. Undefined for a non-URL. */
export function normalServiceUrl(value: string): string | undefined {
  try {
    const url = new URL(value);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
    return `${url.protocol}//${url.host}${url.pathname.replace(/\/+$/u, '')}`.toLowerCase();
  } catch {
    return undefined;
  }
}

export interface TrustedServiceUrls {
  /** Records an address that came with a valid token; written to disk the first time only. */
  trust(tenantId: string | undefined, serviceUrl: string, at: Date): Promise<void>;
  isTrusted(tenantId: string | undefined, serviceUrl: string): boolean;
}

export class ServiceUrlStore implements TrustedServiceUrls {
  private constructor(private readonly doc: JsonDocument<ServiceUrlsFile>) {}

  /** Opens and validates service-urls.json (missing: none trusted yet); an unreadable file throws StoreFileError. */
  static async open(storage: Storage): Promise<ServiceUrlStore> {
    const { document } = await JsonDocument.open(storage.document('service-urls'), serviceUrlsFileSchema, () => ({
      version: 1 as const,
      serviceUrls: [],
    }));
    return new ServiceUrlStore(document);
  }

  all(): readonly z.infer<typeof serviceUrlSchema>[] {
    return this.doc.data.serviceUrls;
  }

  isTrusted(tenantId: string | undefined, serviceUrl: string): boolean {
    const url = normalServiceUrl(serviceUrl);
    return url !== undefined && this.all().some((s) => s.tenantId === (tenantId ?? '') && s.serviceUrl === url);
  }

  async trust(tenantId: string | undefined, serviceUrl: string, at: Date): Promise<void> {
    const url = normalServiceUrl(serviceUrl);
    if (url === undefined || this.isTrusted(tenantId, url)) return;
    await this.doc.update((data) => {
      if (data.serviceUrls.some((s) => s.tenantId === (tenantId ?? '') && s.serviceUrl === url)) return;
      data.serviceUrls.push({ tenantId: tenantId ?? '', serviceUrl: url, firstSeenAt: at.toISOString() });
    });
  }
}
