// The store in memory: the whole port (src/app/port) in this process, with the domain's rules and
// an audit record beside every change, as every store keeps them. For tests and for trying the bot
// without a disk; it passes the store conformance suite (test/store/conformance) like the file store.
import type { Agreement } from '../domain/agreement.js';
import type { Area } from '../domain/area.js';
import { DELIVERY_DONE_MS, DELIVERY_TAKEOVER_MS } from '../domain/deliveries.js';
import { latestPublication, sameTertial, draftSchema, publicationSchema } from '../domain/publication.js';
import { importDraftSchema } from '../domain/importDraft.js';
import { SYSTEM_ACTOR } from '../domain/audit.js';
import type { AuditSelection, StorePort } from '../app/port/index.js';
import { memoryAreaRecords } from './memory/areaRecords.js';
import { memoryAreas } from './memory/areas.js';
import { memoryMeetings, memoryReminders, memorySubscriptions } from './memory/conversations.js';
import { memoryPersonalData } from './memory/personalData.js';
import { auditRecordOf, claimKey, copy, emptyState, type MemoryState } from './memory/state.js';
import { normalServiceUrl } from './serviceUrls.js';

export interface MemoryStoreOptions {
  /** Areas to start with, each with its agreements (added as the system, via the CLI, at `seededAt`). */
  areas?: readonly { area: Area; agreements: readonly Agreement[] }[];
  /** When the seeded areas were added; default 2020-01-01. */
  seededAt?: Date;
}

function selected(state: MemoryState, selection: AuditSelection | undefined) {
  if (!selection) return state.audit;
  const ofArea =
    selection.areaId === undefined
      ? undefined
      : new Set(state.areas.get(selection.areaId)?.agreements.map((a) => a.id));
  return state.audit.filter(
    (r) =>
      (selection.agreementId === undefined || r.agreementId === selection.agreementId) &&
      (selection.entryId === undefined || r.entryId === selection.entryId || r.entryIds?.includes(selection.entryId)) &&
      (ofArea === undefined ||
        r.areaId === selection.areaId ||
        (r.agreementId !== undefined && ofArea.has(r.agreementId))),
  );
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
    publications: {
      all: () => Promise.resolve(copy(state.publications)),
      latest: (key) => Promise.resolve(copy(latestPublication(state.publications, key))),
      draft: (key) => Promise.resolve(copy(state.drafts.find((d) => sameTertial(d, key)))),
      saveDraft(draft, audit) {
        const valid = draftSchema.parse(draft);
        const record = audit && auditRecordOf(audit);
        state.drafts = [...state.drafts.filter((d) => !sameTertial(d, valid)), copy(valid)];
        if (record) state.audit.push(record);
        return Promise.resolve(copy(valid));
      },
      publish(publication, audit) {
        const valid = publicationSchema.parse(publication);
        const record = auditRecordOf(audit);
        state.publications.push(copy(valid));
        state.audit.push(record);
        state.drafts = [
          ...state.drafts.filter((d) => !sameTertial(d, valid)),
          {
            agreementId: valid.agreementId,
            year: valid.year,
            tertial: valid.tertial,
            comments: copy(valid.comments),
            ...(valid.basis ? { basis: copy(valid.basis) } : {}),
            savedBy: valid.publishedBy,
            savedAt: valid.publishedAt,
          },
        ];
        return Promise.resolve(copy(valid));
      },
    },
    importDrafts: {
      get: (id) => Promise.resolve(copy(state.importDrafts.find((d) => d.id === id))),
      add(drafts, audit) {
        const valid = drafts.map((d) => importDraftSchema.parse(d));
        const record = audit && auditRecordOf(audit);
        state.importDrafts.push(...copy(valid));
        if (record) state.audit.push(record);
        return Promise.resolve();
      },
      updateOpen(id, change, audit) {
        const i = state.importDrafts.findIndex((d) => d.id === id && d.status === 'open');
        const current = state.importDrafts[i];
        if (!current) return Promise.resolve(undefined);
        const next = change(copy(current));
        if (!next) return Promise.resolve(undefined);
        const valid = importDraftSchema.parse(next);
        const record = audit && auditRecordOf(audit);
        state.importDrafts[i] = copy(valid);
        if (record) state.audit.push(record);
        return Promise.resolve(copy(valid));
      },
    },
    audit: {
      record(record) {
        const stored = auditRecordOf(record);
        state.audit.push(stored);
        return Promise.resolve(copy(stored));
      },
      read: (selection) => Promise.resolve(copy(selected(state, selection))),
    },
    deliveries: {
      claim: (key, at) => Promise.resolve(claimKey(state, `delivery|${key}`, at, DELIVERY_TAKEOVER_MS)),
      done(key, at) {
        state.claims.set(`delivery|${key}`, { at: at.getTime(), ttlMs: DELIVERY_DONE_MS });
        return Promise.resolve();
      },
    },
    serviceUrls: {
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
    },
    personalData: memoryPersonalData(state),
    settled: () => Promise.resolve(),
    close: () => Promise.resolve(),
  };
  const at = options.seededAt ?? new Date('2020-01-01T00:00:00Z');
  for (const { area, agreements } of options.areas ?? [])
    await port.areas.addArea(area, agreements, { by: SYSTEM_ACTOR, at, via: 'cli' });
  return port;
}
