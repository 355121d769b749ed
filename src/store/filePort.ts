// The embedded file store (Store and its documents) as the application's port. The files, their
// formats and their durability are Store's; this only answers the port's questions from them.
// One process holds the store's lock, so claims and delivery keys can live in this process.
import type { Agreement } from '../domain/agreement.js';
import type { Area, BindingTarget } from '../domain/area.js';
import { applyAreaChange, type AreaChange, type AreaChangeResult } from '../domain/areaChange.js';
import type { NewAuditRecord } from '../domain/audit.js';
import type { Completion, Entry, EntryChange, EntryFields } from '../domain/entry.js';
import { copiesOfEntries } from '../domain/entryCopy.js';
import type { IsoDate } from '../domain/agreement.js';
import type { Subscription } from '../domain/subscription.js';
import type {
  AreaDirectory,
  AreaRecords,
  AuditSelection,
  ChangeBy,
  Deliveries,
  Meetings,
  NoteClearing,
  NoteSelection,
  PersonalData,
  Reminders,
  ServiceUrls,
  StorePort,
  Subscriptions,
} from '../app/port/index.js';
import { DELIVERY_DONE_MS, DELIVERY_TAKEOVER_MS } from '../domain/deliveries.js';
import { noPersonalData } from './filePersonalData.js';
import type { TrustedServiceUrls } from './serviceUrls.js';
import { plainCopy } from './plainCopy.js';
import type { Store } from './store.js';

/** Claims (weekly cards) and delivery keys kept in this process: the lock makes it the only one. */
class ProcessClaims {
  readonly #claims = new Map<string, { at: number; ttlMs: number }>();
  constructor(private readonly maxKeys = 10_000) {}

  /** True when `key` is not claimed, or its claim has lapsed; then it is claimed at `at` for `ttlMs`. */
  claim(key: string, at: number, ttlMs: number): boolean {
    const held = this.#claims.get(key);
    if (held !== undefined && at - held.at < held.ttlMs) return false;
    this.hold(key, at, ttlMs);
    return true;
  }

  /** Holds `key` from `at` for `ttlMs`, claimed or not. */
  hold(key: string, at: number, ttlMs: number): void {
    this.#claims.delete(key);
    this.#claims.set(key, { at, ttlMs });
    while (this.#claims.size > this.maxKeys) {
      const oldest = this.#claims.keys().next().value;
      if (oldest === undefined) break;
      this.#claims.delete(oldest);
    }
  }
}

/**
 * A version per area. Store has one revision for everything; a change made through the port moves
 * only its area's version on. A change the port did not make (the old store view, still used during
 * the move to the port) moves every area's on, the next time a version is read: never a version
 * that stays while its area changed, only sometimes one that moves when it need not.
 */
class AreaVersions {
  readonly #versions = new Map<string, number>();
  #seen: number;
  constructor(private readonly store: Store) {
    this.#seen = store.revision();
  }

  of(areaId: string): string {
    if (this.store.revision() !== this.#seen) {
      this.#seen = this.store.revision();
      this.#outside++;
    }
    return `${this.#outside}.${this.#versions.get(areaId) ?? 0}`;
  }

  #outside = 0;

  /** After a change through the port: the areas it changed move on; the store's revision is accounted for. */
  changed(...areaIds: readonly string[]): void {
    for (const id of areaIds) this.#versions.set(id, (this.#versions.get(id) ?? 0) + 1);
    this.#seen = this.store.revision();
  }

  /** After a port call that changed nothing (a refusal): the store's revision it moved is accounted for. */
  unchanged(): void {
    this.#seen = this.store.revision();
  }
}

/** A copy the caller may keep and change: the store's own objects stay as they are. */
const copy = plainCopy;

/** Runs `change`, then moves the area's version on when `did` says it changed something. */
async function versioned<T>(
  versions: AreaVersions,
  areaId: string,
  change: Promise<T>,
  did: (result: T) => boolean,
): Promise<T> {
  const result = await change;
  if (did(result)) versions.changed(areaId);
  else versions.unchanged();
  return result;
}

/** The clearing's record with the one entry it names (the store completes it with agreementId and entryIds). */
function withEntryId<T extends object>(audit: T, entryId: string): T {
  return { ...audit, entryId };
}

function recordsOf(store: Store, areaId: string, versions: AreaVersions): AreaRecords {
  const view = store.inArea(areaId);
  const changed = <T>(change: Promise<T>, did: (result: T) => boolean = (r) => r !== undefined) =>
    versioned(versions, areaId, change, did).then(copy);
  return {
    areaId,
    version: () => Promise.resolve(versions.of(areaId)),
    agreements: () => Promise.resolve(copy(view.agreements())),
    agreement: (id: string) => Promise.resolve(copy(view.agreement(id))),
    entries: (agreementId: string) => Promise.resolve(copiesOfEntries(view.entries(agreementId))),
    completions: (agreementId: string) => Promise.resolve(copy(view.completions(agreementId))),
    allEntries: () => Promise.resolve(copiesOfEntries(view.allEntries())),
    entriesTouchedBy: (personId: string) => Promise.resolve(copiesOfEntries(view.entriesTouchedBy(personId))),
    latestEntryBy: (personId: string) => Promise.resolve(copy(view.latestEntryBy(personId))),
    findBySource: (sourceId: string) => Promise.resolve(copy(view.findBySource(sourceId))),
    dayTotals: (agreementId: string, activityId: string) =>
      // ISO dates sort as text; localeCompare (ICU collation) made this 3 % of every /logga.
      Promise.resolve(
        view.dayTotals(agreementId, activityId).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)),
      ),
    occasionsOn: (agreementId: string, activityId: string, date: IsoDate) =>
      Promise.resolve(copy(view.occasionsOn(agreementId, activityId, date))),
    addEntry: (entry: Entry, audit: NewAuditRecord) => changed(view.addEntry(entry, audit), (r) => r.stored),
    removeEntry: (
      agreementId: string,
      entryId: string,
      removal: NonNullable<Entry['removed']>,
      audit: NewAuditRecord,
    ) => changed(view.markRemoved(agreementId, entryId, removal, audit)),
    editEntry: (
      agreementId: string,
      entryId: string,
      fields: EntryFields,
      change: Omit<EntryChange, 'before'>,
      audit: NewAuditRecord,
    ) => changed(view.editEntry(agreementId, entryId, fields, change, audit)),
    restoreEntry: (
      agreementId: string,
      entryId: string,
      change: Omit<EntryChange, 'before' | 'removed' | 'reason'>,
      audit: NewAuditRecord,
    ) => changed(view.restoreEntry(agreementId, entryId, change, audit)),
    addCompletion: (agreementId: string, completion: Completion, audit: NewAuditRecord) =>
      changed(view.addCompletion(agreementId, completion, audit), () => true),
    clearNotes: (selection: NoteSelection, cleared: NoteClearing, audit) =>
      changed(
        'entryId' in selection
          ? view.clearNotes((e) => e.id === selection.entryId, cleared, withEntryId(audit, selection.entryId))
          : view.clearNotes((e) => e.date < selection.before, cleared, audit),
        (r) => r.length > 0,
      ),
  };
}

function areasOf(store: Store, versions: AreaVersions): AreaDirectory {
  return {
    areas: () => Promise.resolve(copy(store.areas())),
    area: (id: string) => Promise.resolve(copy(store.area(id))),
    history: (areaId: string) => Promise.resolve(copy(store.area(areaId) ? store.areaHistory(areaId) : [])),
    addArea: (area: Area, agreements: readonly Agreement[], by: ChangeBy) =>
      versioned(versions, area.id, store.addArea(area, agreements, by), () => true),
    async updateArea(areaId: string, change: AreaChange, by: ChangeBy): Promise<AreaChangeResult> {
      let result: AreaChangeResult = { ok: false, code: 'unchanged' };
      await store
        .updateArea(
          areaId,
          (current) => {
            result = applyAreaChange(current, change);
            if (!result.ok) return undefined;
            for (const key of Object.keys(current) as (keyof Area)[]) delete current[key];
            Object.assign(current, result.area);
            return { action: result.action, detail: result.detail };
          },
          by,
        )
        .finally(() => versions.unchanged());
      if (result.ok) versions.changed(areaId);
      return copy(result);
    },
    async addAgreement(agreement: Agreement, audit: NewAuditRecord): Promise<void> {
      await store.addAgreement(agreement, audit).finally(() => versions.unchanged());
      versions.changed(agreement.area);
    },
    changeAgreement: (agreement: Agreement, by: ChangeBy, audit: readonly NewAuditRecord[]) =>
      versioned(
        versions,
        agreement.area,
        store
          .inArea(agreement.area)
          .changeAgreement(agreement, by, audit)
          .finally(() => versions.unchanged()),
        () => true,
      ),
    binding: (target: BindingTarget, id: string) => Promise.resolve(store.binding(target, id)),
    async bind(target: BindingTarget, id: string, areaId: string, by: ChangeBy) {
      // The areas that hold it now lose it: their versions move on too.
      const left = store
        .areas()
        .filter(
          (a) => a.id !== areaId && store.areaDocOf(a.id).data.bindings.some((b) => b.target === target && b.id === id),
        );
      await store.bind(target, id, areaId, by).finally(() => versions.unchanged());
      versions.changed(areaId, ...left.map((a) => a.id));
    },
  };
}

function subscriptionsOf(store: Store, claims: ProcessClaims): Subscriptions {
  const s = store.subscriptions;
  return {
    all: () => Promise.resolve(copy(s.all())),
    active: () => Promise.resolve(copy(s.active())),
    get: (id) => Promise.resolve(copy(s.get(id))),
    forConversation: (conversationId) => Promise.resolve(copy(s.forConversation(conversationId))),
    subscribe: (request, audit) => s.subscribe(request, audit),
    end: (conversationId, ended, audit) => s.end(conversationId, ended, audit),
    endWhere: (selection, ended, audit) => s.endWhere(selection, ended, audit),
    resumeEnded: (selection, reason, audit) => s.resumeEnded(selection, reason, audit),
    rename: (conversationId, name, audit) => s.rename(conversationId, name, audit),
    hold: (teamId, held, audit) => s.hold(teamId, held, audit),
    release: (teamId, reason, audit) => s.release(teamId, reason, audit),
    pause: (id, paused, audit) => s.pause(id, paused, audit),
    claimWeek(id, week, at, claimTtlMs) {
      const sub: Subscription | undefined = s.get(id);
      if (!sub || sub.lastSentWeek === week) return Promise.resolve(false);
      return Promise.resolve(claims.claim(`week|${id}|${week}`, at.getTime(), claimTtlMs));
    },
    recordSent: (id, week, at, card, audit) => s.recordSent(id, week, at, card, audit),
  };
}

function meetingsOf(store: Store): Meetings {
  const m = store.meetings;
  return {
    active: () => Promise.resolve(copy(m.active())),
    get: (id) => Promise.resolve(copy(m.get(id))),
    forConversation: (conversationId) => Promise.resolve(copy(m.forConversation(conversationId))),
    set: (meeting, newId, audit) => m.set(meeting, newId, audit),
    end: (conversationId, ended, audit) => m.end(conversationId, ended, audit),
    endWhere: (selection, ended, audit) => m.endWhere(selection, ended, audit),
    resumeEnded: (selection, reason, audit) => m.resumeEnded(selection, reason, audit),
    rename: (conversationId, name, audit) => m.rename(conversationId, name, audit),
    hold: (teamId, held, audit) => m.hold(teamId, held, audit),
    release: (teamId, audit) => m.release(teamId, audit),
    claim: (id, week, date) => m.claim(id, week, date),
  };
}

function remindersOf(store: Store): Reminders {
  const r = store.reminders;
  return {
    all: () => Promise.resolve(copy(r.all())),
    find: (who) => Promise.resolve(copy(r.find(who))),
    noteContact: (who, at) => r.noteContact(who, at),
    setOff: (who, off, at, audit) => r.setOff(who, off, at, audit),
    pause: (who, until, audit) => r.pause(who, until, audit),
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
 * beside the Store); without it every URL is untrusted and `trust` remembers nothing. `personalData`
 * is the folder's (filePersonalData); without it the GDPR requests are refused.
 */
export function fileStorePort(
  store: Store,
  serviceUrls?: TrustedServiceUrls,
  personalData: PersonalData = noPersonalData,
): StorePort {
  const claims = new ProcessClaims();
  const versions = new AreaVersions(store);
  const deliveries: Deliveries = {
    claim: (key, at) => Promise.resolve(claims.claim(`delivery|${key}`, at.getTime(), DELIVERY_TAKEOVER_MS)),
    done: (key, at) => Promise.resolve(claims.hold(`delivery|${key}`, at.getTime(), DELIVERY_DONE_MS)),
  };
  const urls: ServiceUrls = {
    trust: (tenantId, serviceUrl, at) => serviceUrls?.trust(tenantId, serviceUrl, at) ?? Promise.resolve(),
    isTrusted: (tenantId, serviceUrl) => Promise.resolve(serviceUrls?.isTrusted(tenantId, serviceUrl) ?? false),
  };
  return {
    areas: areasOf(store, versions),
    records: (areaId) => recordsOf(store, areaId, versions),
    subscriptions: subscriptionsOf(store, claims),
    meetings: meetingsOf(store),
    reminders: remindersOf(store),
    publications: {
      all: () => Promise.resolve(copy(store.publications.all())),
      latest: (key) => Promise.resolve(copy(store.publications.latest(key))),
      draft: (key) => Promise.resolve(copy(store.publications.draft(key))),
      saveDraft: (draft, audit) => store.publications.saveDraft(draft, audit),
      publish: (publication, audit) => store.publications.publish(publication, audit),
    },
    importDrafts: {
      get: (id) => Promise.resolve(copy(store.importDrafts.get(id))),
      add: (drafts, audit) => store.importDrafts.add(drafts, audit),
      updateOpen: (id, change, audit) => store.importDrafts.updateOpen(id, change, audit),
    },
    audit: {
      record: (record) => store.audit.record(record),
      async read(selection?: AuditSelection) {
        const all = copy(await store.audit.read());
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
    personalData,
    settled: () => store.settled(),
    close: () => store.close(),
  };
}
