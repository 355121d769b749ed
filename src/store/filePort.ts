// The embedded file store (Store and its documents) as the application's port. The files, their
// formats and their durability are Store's; this only answers the port's questions from them.
// One process holds the store's lock, so claims and delivery keys can live in this process.
import type { Agreement } from '../domain/agreement.js';
import type { Area, BindingTarget } from '../domain/area.js';
import { applyAreaChange, type AreaChange, type AreaChangeResult } from '../domain/areaChange.js';
import type { NewAuditRecord } from '../domain/audit.js';
import type { Completion, Entry, EntryChange, EntryFields } from '../domain/entry.js';
import type { IsoDate } from '../domain/agreement.js';
import type { Subscription } from '../domain/subscription.js';
import type {
  AreaDirectory,
  AreaRecords,
  AuditSelection,
  ChangeBy,
  ConversationSelection,
  Deliveries,
  Meetings,
  NoteClearing,
  NoteSelection,
  Reminders,
  ServiceUrls,
  StorePort,
  Subscriptions,
} from '../app/port/index.js';
import type { Meeting } from '../domain/meetingRecord.js';
import type { TrustedServiceUrls } from './serviceUrls.js';
import type { Store } from './store.js';

/** Claims (weekly cards) and delivery keys kept in this process: the lock makes it the only one. */
class ProcessClaims {
  readonly #claims = new Map<string, number>();
  constructor(private readonly maxKeys = 10_000) {}

  /** True when `key` is not claimed, or its claim is older than `ttlMs`; then it is claimed at `at`. */
  claim(key: string, at: number, ttlMs: number): boolean {
    const held = this.#claims.get(key);
    if (held !== undefined && at - held < ttlMs) return false;
    this.#claims.delete(key);
    this.#claims.set(key, at);
    while (this.#claims.size > this.maxKeys) {
      const oldest = this.#claims.keys().next().value;
      if (oldest === undefined) break;
      this.#claims.delete(oldest);
    }
    return true;
  }
}

const DELIVERY_TTL_MS = 24 * 60 * 60 * 1000;

const selects =
  (selection: ConversationSelection) =>
  (x: { conversationId: string; teamId?: string | undefined }): boolean =>
    'conversationId' in selection
      ? x.conversationId === selection.conversationId
      : x.teamId === selection.teamId || x.conversationId === selection.teamId;

/** The clearing's record with the one entry it names (the store completes it with agreementId and entryIds). */
function withEntryId<T extends object>(audit: T, entryId: string): T {
  return { ...audit, entryId };
}

function recordsOf(store: Store, areaId: string): AreaRecords {
  const view = store.inArea(areaId);
  return {
    areaId,
    version: () => Promise.resolve(String(view.revision())),
    agreements: () => Promise.resolve(view.agreements()),
    agreement: (id: string) => Promise.resolve(view.agreement(id)),
    entries: (agreementId: string) => Promise.resolve(view.entries(agreementId)),
    completions: (agreementId: string) => Promise.resolve(view.completions(agreementId)),
    allEntries: () => Promise.resolve(view.allEntries()),
    entriesTouchedBy: (personId: string) => Promise.resolve(view.entriesTouchedBy(personId)),
    findBySource: (sourceId: string) => Promise.resolve(view.findBySource(sourceId)),
    dayTotals: (agreementId: string, activityId: string) => Promise.resolve(view.dayTotals(agreementId, activityId)),
    occasionsOn: (agreementId: string, activityId: string, date: IsoDate) =>
      Promise.resolve(view.occasionsOn(agreementId, activityId, date)),
    addEntry: (entry: Entry, audit: NewAuditRecord) => view.addEntry(entry, audit),
    removeEntry: (
      agreementId: string,
      entryId: string,
      removal: NonNullable<Entry['removed']>,
      audit: NewAuditRecord,
    ) => view.markRemoved(agreementId, entryId, removal, audit),
    editEntry: (
      agreementId: string,
      entryId: string,
      fields: EntryFields,
      change: Omit<EntryChange, 'before'>,
      audit: NewAuditRecord,
    ) => view.editEntry(agreementId, entryId, fields, change, audit),
    restoreEntry: (
      agreementId: string,
      entryId: string,
      change: Omit<EntryChange, 'before' | 'removed' | 'reason'>,
      audit: NewAuditRecord,
    ) => view.restoreEntry(agreementId, entryId, change, audit),
    addCompletion: (agreementId: string, completion: Completion, audit: NewAuditRecord) =>
      view.addCompletion(agreementId, completion, audit),
    clearNotes: (selection: NoteSelection, cleared: NoteClearing, audit) =>
      'entryId' in selection
        ? view.clearNotes((e) => e.id === selection.entryId, cleared, withEntryId(audit, selection.entryId))
        : view.clearNotes((e) => e.date < selection.before, cleared, audit),
  };
}

function areasOf(store: Store): AreaDirectory {
  return {
    areas: () => Promise.resolve(store.areas()),
    area: (id: string) => Promise.resolve(store.area(id)),
    history: (areaId: string) => Promise.resolve(store.area(areaId) ? store.areaHistory(areaId) : []),
    addArea: (area: Area, agreements: readonly Agreement[], by: ChangeBy) => store.addArea(area, agreements, by),
    async updateArea(areaId: string, change: AreaChange, by: ChangeBy): Promise<AreaChangeResult> {
      let result: AreaChangeResult = { ok: false, code: 'unchanged' };
      await store.updateArea(
        areaId,
        (current) => {
          result = applyAreaChange(current, change);
          if (!result.ok) return undefined;
          for (const key of Object.keys(current) as (keyof Area)[]) delete current[key];
          Object.assign(current, result.area);
          return { action: result.action, detail: result.detail };
        },
        by,
      );
      return result;
    },
    async addAgreement(agreement: Agreement, audit: NewAuditRecord): Promise<void> {
      await store.addAgreement(agreement, audit);
    },
    changeAgreement: (agreement: Agreement, by: ChangeBy, audit: readonly NewAuditRecord[]) =>
      store.inArea(agreement.area).changeAgreement(agreement, by, audit),
    binding: (target: BindingTarget, id: string) => Promise.resolve(store.binding(target, id)),
    bind: (target: BindingTarget, id: string, areaId: string, by: ChangeBy) => store.bind(target, id, areaId, by),
  };
}

function subscriptionsOf(store: Store, claims: ProcessClaims): Subscriptions {
  const s = store.subscriptions;
  return {
    all: () => Promise.resolve(s.all()),
    active: () => Promise.resolve(s.active()),
    get: (id) => Promise.resolve(s.get(id)),
    forConversation: (conversationId) => Promise.resolve(s.forConversation(conversationId)),
    subscribe: (request) => s.subscribe(request),
    end: (conversationId, ended) => s.end(conversationId, ended),
    endWhere: (selection, ended) =>
      'conversationId' in selection
        ? s.endForRemoval(selection.conversationId, undefined, ended)
        : s.endForTeam(selection.teamId, ended),
    resumeEnded: (selection, reason) => s.resumeEnded(selects(selection), reason),
    rename: (conversationId, name) => s.rename(conversationId, name),
    hold: (teamId, held) => s.hold(teamId, held),
    release: (teamId, reason) => s.release(teamId, reason),
    pause: (id, paused) => s.pause(id, paused),
    claimWeek(id, week, at, claimTtlMs) {
      const sub: Subscription | undefined = s.get(id);
      if (!sub || sub.lastSentWeek === week) return Promise.resolve(false);
      return Promise.resolve(claims.claim(`week|${id}|${week}`, at.getTime(), claimTtlMs));
    },
    recordSent: (id, week, at, card) => s.recordSent(id, week, at, card),
  };
}

function meetingsOf(store: Store): Meetings {
  const m = store.meetings;
  return {
    active: () => Promise.resolve(m.active()),
    get: (id) => Promise.resolve(m.get(id)),
    forConversation: (conversationId) => Promise.resolve(m.forConversation(conversationId)),
    set: (meeting, newId) => m.set(meeting, newId),
    end: (conversationId, ended) => m.end(conversationId, ended),
    endWhere: (selection, ended) => m.endWhere(selects(selection), ended),
    resumeEnded: (selection, reason) => m.resumeEnded((x: Meeting) => selects(selection)(x), reason),
    rename: (conversationId, name) => m.rename(conversationId, name),
    hold: (teamId, held) => m.hold(teamId, held),
    release: (teamId) => m.release(teamId),
    claim: (id, week, date) => m.claim(id, week, date),
  };
}

function remindersOf(store: Store): Reminders {
  const r = store.reminders;
  return {
    all: () => Promise.resolve(r.all()),
    find: (who) => Promise.resolve(r.find(who)),
    noteContact: (who, at) => r.noteContact(who, at),
    setOff: (who, off, at) => r.setOff(who, off, at),
    pause: (who, until) => r.pause(who, until),
    claim: (who, week, at) => r.claim(who, week, at),
    noticesSent: (areaId) => Promise.resolve(r.noticesSent(areaId)),
    claimNotice: (areaId, key, at) => r.claimNotice(areaId, key, at),
    recordSent: (who, at, reference) => r.recordSent(who, at, reference),
    markUnreachable: (who, at, status) => r.markUnreachable(who, at, status),
    markReported: (who, at) => r.markReported(who, at),
  };
}

/**
 * The port over an open file store. `serviceUrls` is the store folder's service-urls.json (opened
 * beside the Store); without it every URL is untrusted and `trust` remembers nothing.
 */
export function fileStorePort(store: Store, serviceUrls?: TrustedServiceUrls): StorePort {
  const claims = new ProcessClaims();
  const deliveries: Deliveries = {
    claim: (key, at) => Promise.resolve(claims.claim(`delivery|${key}`, at.getTime(), DELIVERY_TTL_MS)),
  };
  const urls: ServiceUrls = {
    trust: (tenantId, serviceUrl, at) => serviceUrls?.trust(tenantId, serviceUrl, at) ?? Promise.resolve(),
    isTrusted: (tenantId, serviceUrl) => Promise.resolve(serviceUrls?.isTrusted(tenantId, serviceUrl) ?? false),
  };
  return {
    areas: areasOf(store),
    records: (areaId) => recordsOf(store, areaId),
    subscriptions: subscriptionsOf(store, claims),
    meetings: meetingsOf(store),
    reminders: remindersOf(store),
    publications: {
      all: () => Promise.resolve(store.publications.all()),
      latest: (key) => Promise.resolve(store.publications.latest(key)),
      draft: (key) => Promise.resolve(store.publications.draft(key)),
      saveDraft: (draft) => store.publications.saveDraft(draft),
      publish: (publication) => store.publications.publish(publication),
    },
    importDrafts: {
      get: (id) => Promise.resolve(store.importDrafts.get(id)),
      add: (drafts) => store.importDrafts.add(drafts),
      updateOpen: (id, change) => store.importDrafts.updateOpen(id, change),
    },
    audit: {
      record: (record) => store.audit.record(record),
      async read(selection?: AuditSelection) {
        const all = await store.audit.read();
        if (!selection) return all;
        const agreementsOfArea =
          selection.areaId === undefined
            ? undefined
            : new Set(
                store
                  .agreements()
                  .filter((a) => a.area === selection.areaId)
                  .map((a) => a.id),
              );
        return all.filter(
          (r) =>
            (selection.agreementId === undefined || r.agreementId === selection.agreementId) &&
            (selection.entryId === undefined ||
              r.entryId === selection.entryId ||
              r.entryIds?.includes(selection.entryId)) &&
            (agreementsOfArea === undefined ||
              r.areaId === selection.areaId ||
              (r.agreementId !== undefined && agreementsOfArea.has(r.agreementId))),
        );
      },
    },
    deliveries,
    serviceUrls: urls,
    settled: () => store.settled(),
    close: () => store.close(),
  };
}
