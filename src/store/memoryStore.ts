// The store in memory: the whole port (src/app/port) in this process, with the domain's rules and
// an audit record beside every change, as every store keeps them. For tests and for trying the bot
// without a disk; it passes the store conformance suite (test/store/conformance) like the file store.
import type { Agreement } from '../domain/agreement.js';
import type { Area } from '../domain/area.js';
import { SYSTEM_ACTOR } from '../domain/audit.js';
import type { StorePort } from '../app/port/index.js';
import { memoryAreaRecords } from './memory/areaRecords.js';
import { memoryAreas } from './memory/areas.js';
import { memoryMeetings, memoryReminders, memorySubscriptions } from './memory/conversations.js';
import { memoryAudit, memoryDeliveries, memoryImportDrafts, memoryPublications } from './memory/documents.js';
import { memoryPersonalData } from './memory/personalData.js';
import { memoryServiceUrls } from './memory/serviceUrls.js';
import { emptyState } from './memory/state.js';

export interface MemoryStoreOptions {
  /** Areas to start with, each with its agreements (added as the system, via the CLI, at `seededAt`). */
  areas?: readonly { area: Area; agreements: readonly Agreement[] }[];
  /** When the seeded areas were added; default 2020-01-01. */
  seededAt?: Date;
}

/**
 * A new, empty memory store (or one holding `options.areas`). Every change is applied and audited
 * before its promise resolves; nothing survives the process. Reads answer with copies.
 */
export async function createMemoryStore(options: MemoryStoreOptions = {}): Promise<StorePort> {
  const state = emptyState();
  const port: StorePort = {
    areas: memoryAreas(state),
    records: (areaId) => memoryAreaRecords(state, areaId),
    subscriptions: memorySubscriptions(state),
    meetings: memoryMeetings(state),
    reminders: memoryReminders(state),
    publications: memoryPublications(state),
    importDrafts: memoryImportDrafts(state),
    audit: memoryAudit(state),
    deliveries: memoryDeliveries(state),
    serviceUrls: memoryServiceUrls(state),
    personalData: memoryPersonalData(state),
    settled: () => Promise.resolve(),
    close: () => Promise.resolve(),
  };
  const at = options.seededAt ?? new Date('2020-01-01T00:00:00Z');
  for (const { area, agreements } of options.areas ?? [])
    await port.areas.addArea(area, agreements, { by: SYSTEM_ACTOR, at, via: 'cli' });
  return port;
}
