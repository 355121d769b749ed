// Publications, import drafts, the audit log and the redelivery keys in the memory store. A
// change's audit record is validated before anything is changed, and stored with the change.
import { DELIVERY_DONE_MS, DELIVERY_TAKEOVER_MS } from '../../domain/deliveries.js';
import { importDraftSchema } from '../../domain/importDraft.js';
import { draftSchema, latestPublication, publicationSchema, sameTertial } from '../../domain/publication.js';
import type { AuditSelection, AuditTrail, Deliveries, ImportDrafts, Publications } from '../../app/port/index.js';
import { auditRecordOf, claimKey, copy, type MemoryState } from './state.js';

/** The port's Publications over the memory store's state. */
export function memoryPublications(state: MemoryState): Publications {
  return {
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
  };
}

/** The port's ImportDrafts over the memory store's state. */
export function memoryImportDrafts(state: MemoryState): ImportDrafts {
  return {
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
  };
}

/** The audit records the selection picks (all without one), in stored order. */
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

/** The port's AuditTrail over the memory store's state. */
export function memoryAudit(state: MemoryState): AuditTrail {
  return {
    record(record) {
      const stored = auditRecordOf(record);
      state.audit.push(stored);
      return Promise.resolve(copy(stored));
    },
    read: (selection) => Promise.resolve(copy(selected(state, selection))),
  };
}

/** The port's Deliveries over the memory store's state. */
export function memoryDeliveries(state: MemoryState): Deliveries {
  return {
    claim: (key, at) => Promise.resolve(claimKey(state, `delivery|${key}`, at, DELIVERY_TAKEOVER_MS)),
    done(key, at) {
      state.claims.set(`delivery|${key}`, { at: at.getTime(), ttlMs: DELIVERY_DONE_MS });
      return Promise.resolve();
    },
  };
}
