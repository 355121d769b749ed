// The Bot Framework service URLs trusted per tenant, in the memory store.
import type { ServiceUrls } from '../../app/port/index.js';
import { normalServiceUrl } from '../serviceUrls.js';
import type { MemoryState } from './state.js';

/** The port's ServiceUrls over the memory store's state (addresses spelled as the file store spells them). */
export function memoryServiceUrls(state: MemoryState): ServiceUrls {
  return {
    trust(tenantId, serviceUrl) {
      const url = normalServiceUrl(serviceUrl);
      const tenant = tenantId ?? '';
      if (url !== undefined && !state.serviceUrls.some((s) => s.tenantId === tenant && s.serviceUrl === url))
        state.serviceUrls.push({ tenantId: tenant, serviceUrl: url });
      return Promise.resolve();
    },
    isTrusted(tenantId, serviceUrl) {
      const url = normalServiceUrl(serviceUrl);
      return Promise.resolve(
        url !== undefined && state.serviceUrls.some((s) => s.tenantId === (tenantId ?? '') && s.serviceUrl === url),
      );
    },
  };
}
