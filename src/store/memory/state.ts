// What the memory store holds, and the few helpers its parts share. Everything lives in this
// process: a test double and a reference for other stores, never a place for data that must last.
import { randomUUID } from 'node:crypto';
import type { Agreement } from '../../domain/agreement.js';
import type { Area } from '../../domain/area.js';
import { auditRecordSchema, type AuditRecord, type NewAuditRecord } from '../../domain/audit.js';
import type { StoredBinding } from '../../domain/binding.js';
import type { Completion, Entry } from '../../domain/entry.js';
import type { ImportDraft } from '../../domain/importDraft.js';
import type { Meeting } from '../../domain/meetingRecord.js';
import type { Draft, Publication } from '../../domain/publication.js';
import type { ReminderPerson } from '../../domain/reminderRecord.js';
import type { ClaimedNotice } from '../../domain/reminderChange.js';
import type { Subscription } from '../../domain/subscription.js';
import type { AreaHistoryItem } from '../../app/port/index.js';
import { asError } from '../../errors/thrownValue.js';

/** One area: its settings, agreements (in the order added), bindings, history and version. */
export interface AreaState {
  area: Area;
  agreements: Agreement[];
  bindings: StoredBinding[];
  history: AreaHistoryItem[];
  version: number;
}

/** One agreement's entries (in the order stored, with an index by id) and completions. */
export interface LogState {
  entries: Entry[];
  byId: Map<string, number>;
  completions: Completion[];
}

export interface MemoryState {
  areas: Map<string, AreaState>;
  /** Agreement id → its area's id. */
  areaOf: Map<string, string>;
  logs: Map<string, LogState>;
  /** Source id → the agreement holding the entry stored from it. */
  sources: Map<string, { agreementId: string; entryId: string }>;
  audit: AuditRecord[];
  subscriptions: Subscription[];
  meetings: Meeting[];
  people: ReminderPerson[];
  notices: ClaimedNotice[];
  drafts: Draft[];
  publications: Publication[];
  importDrafts: ImportDraft[];
  serviceUrls: { tenantId: string; serviceUrl: string }[];
  /** Claim key → when it was claimed (ms). */
  claims: Map<string, { at: number; ttlMs: number }>;
}

export function emptyState(): MemoryState {
  return {
    areas: new Map(),
    areaOf: new Map(),
    logs: new Map(),
    sources: new Map(),
    audit: [],
    subscriptions: [],
    meetings: [],
    people: [],
    notices: [],
    drafts: [],
    publications: [],
    importDrafts: [],
    serviceUrls: [],
    claims: new Map(),
  };
}

/** The audit record as stored: validated, with its id. Throws ZodError for an invalid one. */
export function auditRecordOf(record: NewAuditRecord): AuditRecord {
  return auditRecordSchema.parse({ ...structuredClone(record), v: 1, id: randomUUID() });
}

/** Marks the area changed: its version moves on. */
export function touch(state: MemoryState, areaId: string): void {
  const area = state.areas.get(areaId);
  if (area) area.version++;
}

/**
 * True when `key` is not claimed or its claim is `ttlMs` old; then it is claimed at `at`. Runs
 * without awaiting anything, so of concurrent callers exactly one gets true.
 */
export function claimKey(state: MemoryState, key: string, at: Date, ttlMs: number): boolean {
  const held = state.claims.get(key);
  if (held !== undefined && at.getTime() - held.at < held.ttlMs) return false;
  state.claims.set(key, { at: at.getTime(), ttlMs });
  return true;
}

/**
 * The answer of a change made at once, as a promise: what `change` returns, or a rejection with
 * what it throws (a caller awaiting it sees a refusal the same way as from any store).
 */
export function settle<T>(change: () => T): Promise<T> {
  try {
    return Promise.resolve(change());
  } catch (error) {
    return Promise.reject(asError(error));
  }
}

/** A copy the caller may change without changing the store. */
export const copy = <T>(value: T): T => structuredClone(value);
