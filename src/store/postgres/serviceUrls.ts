// The Bot Framework service URLs trusted per tenant, in PostgreSQL.
import type { ServiceUrls } from '../../app/port/index.js';
import { normalServiceUrl } from '../serviceUrls.js';
import type { Db } from './db.js';

/** The port's ServiceUrls over the PostgreSQL store (addresses spelled as the file store spells them). */
export function postgresServiceUrls(db: Db): ServiceUrls {
  return {
    async trust(tenantId, serviceUrl, at) {
      const url = normalServiceUrl(serviceUrl);
      if (url === undefined) return;
      await db.query(
        'INSERT INTO service_urls (tenant_id, service_url, first_seen_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING',
        [tenantId ?? '', url, at.toISOString()],
      );
    },
    async isTrusted(tenantId, serviceUrl) {
      const url = normalServiceUrl(serviceUrl);
      if (url === undefined) return false;
      const rows = await db.query('SELECT 1 FROM service_urls WHERE tenant_id = $1 AND service_url = $2', [
        tenantId ?? '',
        url,
      ]);
      return rows.length > 0;
    },
  };
}
