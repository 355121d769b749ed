// The users' record, per area. areas.json lists the areas; each area has a document of its own
// (its settings, agreements, bindings and their history) and each agreement's entries have one
// too. So logging writes one agreement's file, a change to an area writes that area's file, and
// nothing written for one area ever rewrites another area's data. An agreement's entries file has a
// journal beside it (see entriesLog.ts): logging appends one line to it and rewrites nothing.
import {
  AgreementConflictError,
  agreementSchema,
  overlappingAgreements,
  type Agreement,
  type IsoDate,
} from '../domain/agreement.js';
import { areaSchema, type Area, type Binding, type BindingTarget } from '../domain/area.js';
import {
  removalSchema,
  completionSchema,
  entrySchema,
  type Completion,
  entryAgreementProblem,
  type Entry,
  type EntryChange,
  type EntryFields,
  type Person,
} from '../domain/entry.js';
import {
  areaDocumentName,
  areaFileSchema,
  areaIndexSchema,
  legacyAgreementsFileSchema,
  type AreaAction,
  type AreaFile,
  type AreaIndexFile,
} from './areaFiles.js';
import type { Occasion } from '../domain/occasion.js';
import type { DayTotal } from '../domain/status.js';
import { areaAuditAction } from '../domain/areaChange.js';
import { applyEdit, applyRestore } from '../domain/entryChange.js';
import { latestEntryBy } from '../domain/recordRules.js';
import { SYSTEM_ACTOR, type AuditRecord, type AuditVia, type NewAuditRecord } from '../domain/audit.js';
import { AuditLog } from './auditLog.js';
import { AgreementChangeRefusedError, AreaRefusedError, checkedNewArea } from './refusals.js';
import { recoverPendingAudit, writeAudited } from './auditedWrite.js';
import { JsonDocument } from './document.js';
import { EntriesLog, type AddEntryResult, type JournalAudit, type JournalRecovery } from './entriesLog.js';
import { WriteGate } from './writeGate.js';
import { PublicationStore } from './publications.js';
import { StoreFileError, type Storage } from './storage.js';
import { ImportDraftStore } from './importDrafts.js';
import { MeetingStore } from './meetings.js';
import { ReminderStore } from './reminders.js';
import { SubscriptionStore, type ReferenceUpgrade } from './subscriptions.js';
import { CodedError } from '../errors/codedError.js';
import { UnknownRecordError } from './recordErrors.js';
import { storeText } from '../views/storeTexts.js';

export type { AddEntryResult } from './entriesLog.js';

class UnknownAgreementError extends CodedError {
  readonly code = 'store.unknownRecord';
  constructor(readonly agreementId: string) {
    super(storeText({ code: 'refused.unknownAgreement', agreementId }));
  }
}

class UnknownAreaError extends CodedError {
  readonly code = 'store.unknownRecord';
  constructor(readonly areaId: string) {
    super(storeText({ code: 'refused.unknownArea', areaId }));
  }
}

/** The agreements and entries one area may read and write, or (the Store itself) all of them. */
interface AgreementRecords {
  agreements(): readonly Agreement[];
  agreement(id: string): Agreement | undefined;
  entries(agreementId: string): readonly Entry[];
  completions(agreementId: string): readonly Completion[];
  allEntries(): Entry[];
  /**
   * The entries the person (by id) logged or took back, in every agreement in view, in the order
   * allEntries gives them: the same as filtering allEntries, without reading the year.
   */
  entriesTouchedBy(personId: string): Entry[];
  /** The person's latest active entry in every agreement in view: latestEntryBy over allEntries, from an index. */
  latestEntryBy(personId: string): Entry | undefined;
  /** Adds the agreement; `audit`, when given, is the record of adding it, stored in the same write. */
  addAgreement(agreement: Agreement, audit?: NewAuditRecord): Promise<void>;
  /**
   * Stores the entry (see AreaStore.addEntry). `audit`, when given, is the record of storing it,
   * written in the same disk write as the entry and only when the entry is stored.
   */
  addEntry(entry: Entry, audit?: NewAuditRecord): Promise<AddEntryResult>;
  findBySource(sourceId: string): Entry | undefined;
  markRemoved(agreementId: string, entryId: string, removal: NonNullable<Entry['removed']>): Promise<Entry | undefined>;
  editEntry(
    agreementId: string,
    entryId: string,
    fields: EntryFields,
    change: Omit<EntryChange, 'before'>,
  ): Promise<Entry | undefined>;
  restoreEntry(
    agreementId: string,
    entryId: string,
    change: Omit<EntryChange, 'before' | 'removed' | 'reason'>,
  ): Promise<Entry | undefined>;
  addCompletion(agreementId: string, completion: Completion): Promise<void>;
  /**
   * One activity's active entries summed per day (at most one item per day): what its status is
   * computed from, without reading the year's entries. Equals dayTotals(entries(agreementId), …).
   */
  dayTotals(agreementId: string, activityId: string): DayTotal[];
  /**
   * One activity's occasions on one day (from their active entries), without reading the year's
   * entries: what a new log is compared with. Equals the day's part of occasionsOf(entries(agreementId)).
   */
  occasionsOn(agreementId: string, activityId: string, date: IsoDate): Occasion[];
  /** Grows with every change to areas, agreements, entries or completions: what a cached view depends on. */
  revision(): number;
  /** The store behind this view: the same object for every view of one store. */
  readonly owner: object;
  /** The area this view is limited to; undefined for every area. */
  readonly areaId: string | undefined;
}

/** Who made a change to an area and when, for its history. */
export interface AreaChangeBy {
  by: Person;
  at: Date;
  /** Where the change came from, for the audit log: a chat command, a card, the operator's CLI. Default: cli. */
  via?: AuditVia;
}

/** How the store came to be: opened as it was, made new (seeded), or upgraded from the single-area format. */
export type OpenedAs = 'existing' | 'created' | 'upgraded';

export interface OpenOptions {
  /** Tenants and coordinators of the first area, when a new or single-area store gets one (ALLOWED_TENANTS, COORDINATORS). */
  tenants?: readonly string[];
  coordinators?: readonly string[];
  /** The moment recorded in the first area's history. */
  now?: Date;
  /** From the bot layer: brings stored conversation references to their current form (subscriptions.json). */
  upgradeReference?: ReferenceUpgrade;
  /** Open to read only (the report CLI): journals are replayed in memory, nothing is folded or written. */
  readOnly?: boolean;
  /** An agreement's journal is folded into its entries file at this size, or at half the file's. Default 1 MiB. */
  foldMinBytes?: number;
  /** Where a failed background fold is reported; nothing is lost by one (the journal keeps it). */
  backgroundError?: (error: unknown) => void;
}

/** What EntriesLog needs from the store that opens it. */
/** What opening the store's parts shares (Store.open and its helpers). */
interface Opening {
  storage: Storage;
  gate: WriteGate;
  seed: readonly Agreement[];
  options: OpenOptions;
  audit: AuditLog;
  openLog: (agreement: Agreement) => Promise<EntriesLog>;
}

interface LogSettings {
  readOnly: boolean;
  foldMinBytes: number;
  backgroundError: (error: unknown) => void;
  gate: WriteGate;
  changed: () => void;
  audit: JournalAudit;
}

const SYSTEM: Person = { id: 'system', name: 'boten vid start' };

export class Store implements AgreementRecords {
  readonly #adding = new Set<string>();
  readonly #all: AreaStore;
  readonly owner: object = this;
  readonly areaId = undefined;

  private constructor(
    private readonly storage: Storage,
    private readonly settings: LogSettings,
    private readonly index: JsonDocument<AreaIndexFile>,
    private readonly areaDocs: Map<string, JsonDocument<AreaFile>>,
    private readonly logs: Map<string, EntriesLog>,
    /** The conversations that get the weekly summary (subscriptions.json). */
    readonly subscriptions: SubscriptionStore,
    readonly openedAs: OpenedAs,
    /** Imports waiting for review (import-drafts.json). */
    readonly importDrafts: ImportDraftStore,
    /** The coordinators' drafts and every publication of the tertial follow-up (publications.json). */
    readonly publications: PublicationStore,
    /** Every change, who made it, when and from where (audit.jsonl, append-only). */
    readonly audit: AuditLog,
    /** What the journals held at start (replayed lines, a torn last line dropped), for the start's log. */
    readonly recovered: readonly JournalRecovery[],
    private readonly revisions: { count: number },
    /** The people reminded of their activities: how to reach them, their choices, the week last sent (reminders.json). */
    readonly reminders: ReminderStore,
    /** The weekly meetings set with /möte and the week of their last agenda card (meetings.json). */
    readonly meetings: MeetingStore,
  ) {
    this.#all = new AreaStore(this, undefined);
  }

  /**
   * Opens every document and validates it. Anything unreadable throws a StoreFileError naming the
   * file; nothing is written in that case. A store without areas.json is either new (seeded with
   * `seed` as one area) or from the single-area version (agreements.json): that becomes one area,
   * written beside it, with areas.json last, so an interrupted upgrade is simply done again.
   */
  static async open(storage: Storage, seed: readonly Agreement[], options: OpenOptions = {}): Promise<Store> {
    const gate = new WriteGate();
    // Read before anything is written: an unreadable publications.json stops the start untouched.
    const publicationsDoc = await PublicationStore.read(storage);
    // Before the journals: they may carry audit records a crash kept out of it (see EntriesLog).
    const audit = await AuditLog.open(storage.appendLog('audit'));
    const revisions = { count: 0 };
    const settings: LogSettings = {
      readOnly: options.readOnly ?? false,
      foldMinBytes: options.foldMinBytes ?? 1024 * 1024,
      backgroundError: options.backgroundError ?? (() => undefined),
      gate,
      changed: () => revisions.count++,
      audit,
    };
    const recovered: JournalRecovery[] = [];
    const openLog = async (agreement: Agreement) => {
      const { log, recovery } = await EntriesLog.open(storage, agreement.id, { ...settings, agreement });
      if (recovery.replayed > 0 || recovery.tornBytes > 0) recovered.push(recovery);
      return log;
    };
    const opening: Opening = { storage, gate, seed, options, audit, openLog };
    const { index, openedAs, areaDocs } = await Store.openAreas(opening);
    const logs = await Store.openLogs(areaDocs, openLog);
    // Changes whose audit record a crash kept out of audit.jsonl (see writeAudited): the area files'
    // here, the other documents' as each is opened.
    await recoverPendingAudit(audit, [...areaDocs.values()]);
    const publications = await PublicationStore.open(publicationsDoc, audit);
    const subscriptions = await SubscriptionStore.open(storage, audit, options.upgradeReference, gate);
    const importDrafts = await ImportDraftStore.open(storage, audit);
    const reminders = await ReminderStore.open(storage, audit, gate);
    const meetings = await MeetingStore.open(storage, audit, gate);
    return new Store(
      storage,
      settings,
      index,
      areaDocs,
      logs,
      subscriptions,
      openedAs,
      importDrafts,
      publications,
      audit,
      recovered,
      revisions,
      reminders,
      meetings,
    );
  }

  /** areas.json and every area file it names; a store without it is new or single-area (see open). */
  private static async openAreas(opening: Opening): Promise<{
    index: JsonDocument<AreaIndexFile>;
    openedAs: OpenedAs;
    areaDocs: Map<string, JsonDocument<AreaFile>>;
  }> {
    const { storage, gate } = opening;
    const { document: index, created } = await JsonDocument.open(
      storage.document('areas'),
      areaIndexSchema,
      () => ({
        version: 1 as const,
        areas: [],
      }),
      gate,
    );
    const areaDocs = new Map<string, JsonDocument<AreaFile>>();
    if (!created) {
      const opened = await Promise.all(index.data.areas.map((id) => Store.openArea(storage, gate, id)));
      opened.forEach((doc, i) => {
        const id = index.data.areas[i];
        if (id === undefined) return;
        if (doc.data.area.id !== id)
          throw new StoreFileError(
            doc.label,
            storeText({ code: 'file.ofOtherArea', found: doc.data.area.id, expected: id }),
          );
        areaDocs.set(id, doc);
      });
      return { index, openedAs: 'existing', areaDocs };
    }
    const legacy = await JsonDocument.open(
      storage.document('agreements'),
      legacyAgreementsFileSchema,
      () => ({
        version: 1 as const,
        agreements: [],
      }),
      gate,
    );
    const agreements = legacy.created ? opening.seed : legacy.document.data.agreements;
    const openedAs: OpenedAs = legacy.created ? 'created' : 'upgraded';
    const first = firstArea(agreements, opening.options);
    if (first) areaDocs.set(first.area.id, await Store.writeFirstArea(opening, first, openedAs));
    await index.update((data) => {
      data.areas = [...areaDocs.keys()];
    });
    return { index, openedAs, areaDocs };
  }

  /**
   * The one area of a new store (with the bundled agreements and their audit records) or of one
   * from the single-area version (its agreements.json), written with its history's first line.
   */
  private static async writeFirstArea(
    opening: Opening,
    first: { area: Area; agreements: Agreement[] },
    openedAs: 'created' | 'upgraded',
  ): Promise<JsonDocument<AreaFile>> {
    const { audit, options, seed } = opening;
    const areaDoc = await Store.openArea(opening.storage, opening.gate, first.area.id, first.area);
    const at = (options.now ?? new Date()).toISOString();
    for (const agreement of first.agreements) {
      const log = await opening.openLog(agreement);
      // A new agreement gets its (empty) entries file first; an upgraded one keeps its own.
      if (openedAs === 'created') await log.writeDocument();
    }
    // The bundled agreements' records go in the area's first write (see writeArea).
    const seeded =
      openedAs === 'created'
        ? seed.map((agreement) =>
            audit.prepare({
              at,
              by: SYSTEM_ACTOR,
              via: 'system',
              action: 'agreement.created',
              agreementId: agreement.id,
              areaId: agreement.area,
              detail: 'bundled',
            }),
          )
        : [];
    await areaDoc.update(
      (data) => {
        if (seeded.length > 0) data.pendingAudit = seeded;
        data.area = first.area;
        data.agreements = first.agreements;
        data.bindings = [];
        data.history = [
          {
            at,
            by: SYSTEM,
            action: openedAs === 'upgraded' ? 'upgraded' : 'created',
            detail:
              openedAs === 'upgraded' ? storeText({ code: 'record.upgraded' }) : storeText({ code: 'record.created' }),
          },
        ];
      },
      { written: () => audit.adopt(seeded) },
    );
    // A new store starts with its records in audit.jsonl, not on their way there.
    await audit.flushed();
    return areaDoc;
  }

  /** Each agreement's entries log; an agreement id in two area files is refused (StoreFileError). */
  private static async openLogs(
    areaDocs: ReadonlyMap<string, JsonDocument<AreaFile>>,
    openLog: (agreement: Agreement) => Promise<EntriesLog>,
  ): Promise<Map<string, EntriesLog>> {
    const owner = new Map<string, string>();
    const byId = new Map<string, Agreement>();
    for (const [areaId, doc] of areaDocs) {
      for (const a of doc.data.agreements) {
        const other = owner.get(a.id);
        if (other !== undefined)
          throw new StoreFileError(
            doc.label,
            storeText({ code: 'file.agreementInTwoAreas', agreementId: a.id, otherArea: other }),
          );
        owner.set(a.id, areaId);
        byId.set(a.id, a);
      }
    }
    const logs = new Map<string, EntriesLog>();
    const ids = [...owner.keys()];
    const opened = await Promise.all(ids.map((id) => openLog(byId.get(id)!)));
    ids.forEach((id, i) => {
      const log = opened[i];
      if (log) logs.set(id, log);
    });
    return logs;
  }

  private static async openArea(
    storage: Storage,
    gate: WriteGate,
    areaId: string,
    fresh?: Area,
  ): Promise<JsonDocument<AreaFile>> {
    const { document, created } = await JsonDocument.open(
      storage.document(areaDocumentName(areaId)),
      areaFileSchema,
      () => ({
        version: 1 as const,
        area: fresh ?? { id: areaId, name: areaId, policeArea: areaId, tenants: [], coordinators: [] },
        agreements: [],
        bindings: [],
        history: [],
      }),
      gate,
    );
    if (created && !fresh) throw new StoreFileError(document.label, storeText({ code: 'file.areaMissing' }));
    return document;
  }

  /** Opens (or makes, empty) an agreement's entries file and journal. */
  private async openLog(agreement: Agreement): Promise<EntriesLog> {
    return (await EntriesLog.open(this.storage, agreement.id, { ...this.settings, agreement })).log;
  }

  /** Grows with every change to areas, agreements, entries or completions: what a cached view depends on. */
  revision(): number {
    return this.revisions.count;
  }

  /** Resolves when every write asked for so far has reached the disk and no fold is under way. */
  async settled(): Promise<void> {
    for (const log of this.logs.values()) await log.settled();
    // Audit records an area's file or a journal carries, on their way to audit.jsonl (a failed
    // append leaves them where they are, for the next flush or start).
    await this.audit.flushed().catch(() => undefined);
  }

  /** At a clean stop: waits for the writes under way, then folds every journal into its entries file. */
  async close(): Promise<void> {
    if (this.settings.readOnly) return;
    for (const log of this.logs.values()) {
      await log.settled();
      await log.fold();
    }
    await this.audit.flushed();
  }

  /** The audit record of an area change (none for the actions whoever made them records). */
  private areaAudit(areaId: string, action: AreaAction, change: AreaChangeBy, detail?: string): NewAuditRecord[] {
    const audited = areaAuditAction(action);
    if (!audited) return [];
    return [
      {
        at: change.at.toISOString(),
        by: change.by,
        via: change.via ?? 'cli',
        action: audited,
        areaId,
        ...(detail ? { detail: `${action}: ${detail}`.slice(0, 300) } : { detail: action }),
      },
    ];
  }

  /**
   * Writes an area's file with what `change` makes of it and the audit records it returns, in one
   * atomic write (see writeAudited: the records stand in the file until audit.jsonl has them).
   * `change` may throw: nothing is written. With `later`, the records are not appended now: the
   * caller adopts them (see addArea).
   */
  private writeArea<R>(
    doc: JsonDocument<AreaFile>,
    change: (data: AreaFile) => { result: R; audit: readonly NewAuditRecord[] },
    later?: (records: AuditRecord[]) => void,
  ): Promise<R> {
    return writeAudited(doc, this.audit, change, later);
  }

  /**
   * Runs `read` when no write to the store's files is under way, holding new writes back until it
   * resolves: a consistent snapshot. Each write is one file, a change's audit record included (its
   * journal line or its area's file carries it until audit.jsonl has it).
   */
  betweenWrites<T>(read: () => Promise<T>): Promise<T> {
    return this.storage.gate ? this.storage.gate.exclusive(read) : read();
  }

  // ---- areas ----

  areas(): Area[] {
    return this.index.data.areas.flatMap((id) => {
      const doc = this.areaDocs.get(id);
      return doc ? [doc.data.area] : [];
    });
  }

  area(id: string): Area | undefined {
    return this.areaDocs.get(id)?.data.area;
  }

  /** The agreements and entries of one area, and nothing of any other. */
  inArea(areaId: string): AreaStore {
    if (!this.areaDocs.has(areaId)) throw new UnknownAreaError(areaId);
    return new AreaStore(this, areaId);
  }

  /** What has changed in the area: who, when, what. */
  areaHistory(areaId: string): AreaFile['history'] {
    return this.areaDocOf(areaId).data.history;
  }

  /**
   * Adds an area with its agreements. Refused (nothing written) when the id is taken, an agreement
   * id is used elsewhere, an agreement names another area, or two of its periods overlap. The
   * entries files come first, then the area's file, then areas.json.
   */
  async addArea(area: Area, agreements: readonly Agreement[], change: AreaChangeBy): Promise<void> {
    const { area: valid, agreements: checked } = checkedNewArea(area, agreements);
    if (this.areaDocs.has(valid.id) || this.#adding.has(`area:${valid.id}`))
      throw new AreaRefusedError(storeText({ code: 'refused.areaExists', areaId: valid.id }));
    for (const a of checked) {
      if (this.agreement(a.id) || this.#adding.has(a.id)) throw new AgreementConflictError('duplicate', a.id, a.id);
    }
    const claims = [`area:${valid.id}`, ...checked.map((a) => a.id)];
    for (const c of claims) this.#adding.add(c);
    try {
      for (const a of checked) {
        const log = await this.openLog(a);
        await log.writeDocument();
        this.logs.set(a.id, log);
      }
      const doc = await Store.openArea(this.storage, this.settings.gate, valid.id, valid);
      let records: AuditRecord[] = [];
      await this.writeArea(
        doc,
        (data) => {
          data.area = valid;
          data.agreements = checked;
          data.bindings = [];
          data.history = [
            {
              at: change.at.toISOString(),
              by: change.by,
              action: 'created',
              ...(checked.length > 0 ? { detail: checked.map((a) => a.id).join(', ') } : {}),
            },
          ];
          return {
            result: undefined,
            audit: this.areaAudit(valid.id, 'created', change, checked.map((a) => a.id).join(', ')),
          };
        },
        (prepared) => (records = prepared),
      );
      this.areaDocs.set(valid.id, doc);
      // A crash before this leaves the area unlisted and never acknowledged, its record with it
      // (a start reads the records of listed areas only); after it, the area's file has the record.
      await this.index.update((data) => {
        data.areas.push(valid.id);
      });
      this.audit.adopt(records);
      // As writeAudited: waits for the append; a failed one leaves the record in the area's file.
      await this.audit.flushed().catch(() => undefined);
      this.revisions.count++;
    } finally {
      for (const c of claims) this.#adding.delete(c);
    }
  }

  /**
   * Changes an area's settings (tenants, coordinators) in its own file and records the change.
   * `change` returns the detail to record, or undefined to change nothing.
   */
  async updateArea(
    areaId: string,
    change: (area: Area) => { action: AreaAction; detail: string } | undefined,
    by: AreaChangeBy,
  ): Promise<Area | undefined> {
    const updated = await this.writeArea(this.areaDocOf(areaId), (data) => {
      const done = change(data.area);
      if (!done) return { result: undefined, audit: [] };
      data.area = areaSchema.parse(data.area);
      data.history.push({ at: by.at.toISOString(), by: by.by, action: done.action, detail: done.detail });
      return { result: structuredClone(data.area), audit: this.areaAudit(areaId, done.action, by, done.detail) };
    });
    this.revisions.count++;
    return updated;
  }

  // ---- bindings ----

  /** The area a conversation or a team is bound to; when two areas claim it, the latest binding. */
  binding(target: BindingTarget, id: string): Binding | undefined {
    let found: Binding | undefined;
    for (const [areaId, doc] of this.areaDocs) {
      const b = doc.data.bindings.find((x) => x.target === target && x.id === id);
      if (b && (!found || b.at > found.at)) found = { areaId, at: b.at };
    }
    return found;
  }

  /**
   * Binds a conversation (or a team) to an area: written to the new area's file first, then
   * taken out of the one it was bound to, so it is never bound to none.
   */
  async bind(target: BindingTarget, id: string, areaId: string, change: AreaChangeBy): Promise<void> {
    const doc = this.areaDocOf(areaId);
    const at = change.at.toISOString();
    const label = target === 'team' ? `team ${id}` : `konversation ${id}`;
    await this.writeArea(doc, (data) => {
      data.bindings = data.bindings.filter((b) => !(b.target === target && b.id === id));
      data.bindings.push({ target, id, by: change.by, at });
      data.history.push({ at, by: change.by, action: 'bound', detail: label });
      return { result: undefined, audit: this.areaAudit(areaId, 'bound', change, label) };
    });
    for (const [otherId, other] of this.areaDocs) {
      if (otherId === areaId || !other.data.bindings.some((b) => b.target === target && b.id === id)) continue;
      await this.writeArea(other, (data) => {
        const detail = storeText({ code: 'record.movedFrom', label, areaId });
        data.bindings = data.bindings.filter((b) => !(b.target === target && b.id === id));
        data.history.push({ at, by: change.by, action: 'unbound', detail });
        return { result: undefined, audit: this.areaAudit(otherId, 'unbound', change, detail) };
      });
    }
    this.revisions.count++;
  }

  // ---- agreements and entries, across every area (the operator's and the reports' view) ----

  agreements(): readonly Agreement[] {
    return this.#all.agreements();
  }
  agreement(id: string): Agreement | undefined {
    return this.#all.agreement(id);
  }
  entries(agreementId: string): readonly Entry[] {
    return this.#all.entries(agreementId);
  }
  completions(agreementId: string): readonly Completion[] {
    return this.#all.completions(agreementId);
  }
  dayTotals(agreementId: string, activityId: string): DayTotal[] {
    return this.#all.dayTotals(agreementId, activityId);
  }
  occasionsOn(agreementId: string, activityId: string, date: IsoDate): Occasion[] {
    return this.#all.occasionsOn(agreementId, activityId, date);
  }
  allEntries(): Entry[] {
    return this.#all.allEntries();
  }
  entriesTouchedBy(personId: string): Entry[] {
    return this.#all.entriesTouchedBy(personId);
  }
  latestEntryBy(personId: string): Entry | undefined {
    return this.#all.latestEntryBy(personId);
  }
  /** Adds the agreement to the area its `area` field names, with `audit` in the same write. */
  addAgreement(agreement: Agreement, audit?: NewAuditRecord): Promise<void> {
    return this.#all.addAgreement(agreement, audit);
  }
  addEntry(entry: Entry, audit?: NewAuditRecord): Promise<AddEntryResult> {
    return this.#all.addEntry(entry, audit);
  }
  findBySource(sourceId: string): Entry | undefined {
    return this.#all.findBySource(sourceId);
  }
  markRemoved(
    agreementId: string,
    entryId: string,
    removal: NonNullable<Entry['removed']>,
  ): Promise<Entry | undefined> {
    return this.#all.markRemoved(agreementId, entryId, removal);
  }
  editEntry(
    agreementId: string,
    entryId: string,
    fields: EntryFields,
    change: Omit<EntryChange, 'before'>,
  ): Promise<Entry | undefined> {
    return this.#all.editEntry(agreementId, entryId, fields, change);
  }
  restoreEntry(
    agreementId: string,
    entryId: string,
    change: Omit<EntryChange, 'before' | 'removed' | 'reason'>,
  ): Promise<Entry | undefined> {
    return this.#all.restoreEntry(agreementId, entryId, change);
  }
  addCompletion(agreementId: string, completion: Completion): Promise<void> {
    return this.#all.addCompletion(agreementId, completion);
  }

  /**
   * Clears the note of every entry that `match`es (the entry, its date and count stay), one write per
   * agreement's file. Returns the entries as they are now.
   */
  async clearNotes(match: (entry: Entry) => boolean, cleared: NonNullable<Entry['noteCleared']>): Promise<Entry[]> {
    const out: Entry[] = [];
    for (const log of this.logs.values()) out.push(...(await log.clearNotes(match, cleared)));
    return out;
  }

  // ---- for AreaStore ----

  /** @internal */
  areaDocOf(areaId: string): JsonDocument<AreaFile> {
    const doc = this.areaDocs.get(areaId);
    if (!doc) throw new UnknownAreaError(areaId);
    return doc;
  }

  /** @internal The area documents in scope: one, or all. */
  docsIn(areaId: string | undefined): JsonDocument<AreaFile>[] {
    if (areaId === undefined) return this.index.data.areas.flatMap((id) => this.areaDocs.get(id) ?? []);
    return [this.areaDocOf(areaId)];
  }

  /** @internal */
  logOf(agreementId: string): EntriesLog | undefined {
    return this.logs.get(agreementId);
  }

  /**
   * @internal Adds the agreement to its area's file, after its (empty) entries file, with `audit`
   * (the record of adding it) in the same write.
   */
  async storeAgreement(agreement: Agreement, audit?: NewAuditRecord): Promise<void> {
    const valid = agreementSchema.parse(agreement);
    const doc = this.areaDocs.get(valid.area);
    if (!doc) throw new UnknownAreaError(valid.area);
    // Checked and claimed before the first await, so two overlapping requests cannot both add it.
    if (this.agreement(valid.id) || this.#adding.has(valid.id))
      throw new AgreementConflictError('duplicate', valid.id, valid.id);
    const overlap = overlappingAgreements([...doc.data.agreements, valid]);
    if (overlap) {
      const other = overlap[0].id === valid.id ? overlap[1] : overlap[0];
      throw new AgreementConflictError('overlap', valid.id, other.id);
    }
    this.#adding.add(valid.id);
    try {
      // The (empty) entries file first: an agreement is never listed without a readable entries file.
      const log = await this.openLog(valid);
      await log.writeDocument();
      this.logs.set(valid.id, log);
      await this.writeArea(doc, (data) => {
        data.agreements.push(valid);
        data.history.push({ at: new Date().toISOString(), by: SYSTEM, action: 'agreementAdded', detail: valid.id });
        return { result: undefined, audit: audit ? [audit] : [] };
      });
      this.revisions.count++;
    } finally {
      this.#adding.delete(valid.id);
    }
  }

  /**
   * @internal Replaces a stored agreement with its changed version (same id, same area), with the
   * change in the area's history and `audit` (the before/after of each changed field) in the same
   * write (see writeArea). Refused (AgreementChangeRefusedError, nothing written) when any
   * of its entries would not belong to it any more (an activity or a date outside it) or the period
   * overlaps another agreement of the area.
   */
  async changeAgreement(agreement: Agreement, by: AreaChangeBy, audit: readonly NewAuditRecord[]): Promise<void> {
    const valid = agreementSchema.parse(agreement);
    const doc = this.areaDocOf(valid.area);
    const log = this.logs.get(valid.id);
    if (!log || !doc.data.agreements.some((a) => a.id === valid.id)) throw new UnknownAgreementError(valid.id);
    await this.writeArea(doc, (data) => {
      // Checked inside the write, so no entry stored meanwhile is missed.
      for (const entry of log.entries) {
        const problem = entryAgreementProblem(entry, valid);
        if (problem) throw new AgreementChangeRefusedError(storeText(problem));
      }
      const overlap = overlappingAgreements(data.agreements.map((a) => (a.id === valid.id ? valid : a)));
      if (overlap)
        throw new AgreementChangeRefusedError(
          storeText({
            code: 'refused.periodOverlaps',
            other: overlap[0].id === valid.id ? overlap[1].id : overlap[0].id,
          }),
        );
      data.agreements = data.agreements.map((a) => (a.id === valid.id ? valid : a));
      data.history.push({ at: by.at.toISOString(), by: by.by, action: 'agreementChanged', detail: valid.id });
      return { result: undefined, audit };
    });
    this.revisions.count++;
  }
}

/** One area's agreements and entries (or, unscoped, every area's): another area's ids are unknown here. */
export class AreaStore implements AgreementRecords {
  constructor(
    private readonly store: Store,
    /** Undefined: every area (the Store's own view). */
    readonly areaId: string | undefined,
  ) {}

  agreements(): readonly Agreement[] {
    const docs = this.store.docsIn(this.areaId);
    return docs.length === 1 ? (docs[0]?.data.agreements ?? []) : docs.flatMap((d) => d.data.agreements);
  }

  agreement(id: string): Agreement | undefined {
    for (const doc of this.store.docsIn(this.areaId)) {
      const found = doc.data.agreements.find((a) => a.id === id);
      if (found) return found;
    }
    return undefined;
  }

  entries(agreementId: string): readonly Entry[] {
    return this.agreement(agreementId) ? (this.store.logOf(agreementId)?.entries ?? []) : [];
  }

  completions(agreementId: string): readonly Completion[] {
    return this.agreement(agreementId) ? (this.store.logOf(agreementId)?.completions ?? []) : [];
  }

  dayTotals(agreementId: string, activityId: string): DayTotal[] {
    return this.agreement(agreementId) ? (this.store.logOf(agreementId)?.dayTotals(activityId) ?? []) : [];
  }

  occasionsOn(agreementId: string, activityId: string, date: IsoDate): Occasion[] {
    return this.agreement(agreementId) ? (this.store.logOf(agreementId)?.occasionsOn(activityId, date) ?? []) : [];
  }

  revision(): number {
    return this.store.revision();
  }

  get owner(): object {
    return this.store;
  }

  allEntries(): Entry[] {
    return this.agreements().flatMap((a) => this.entries(a.id));
  }

  entriesTouchedBy(personId: string): Entry[] {
    return this.agreements().flatMap((a) => this.store.logOf(a.id)?.touchedBy(personId) ?? []);
  }

  latestEntryBy(personId: string): Entry | undefined {
    // Each agreement's latest, in agreement order: a later agreement's wins a tie, as in allEntries.
    return latestEntryBy(
      this.agreements().flatMap((a) => this.store.logOf(a.id)?.latestBy(personId) ?? []),
      personId,
    );
  }

  addAgreement(agreement: Agreement, audit?: NewAuditRecord): Promise<void> {
    if (this.areaId !== undefined && agreement.area !== this.areaId)
      return Promise.reject(
        new UnknownRecordError(
          storeText({ code: 'refused.agreementNotOfArea', area: agreement.area, expected: this.areaId }),
        ),
      );
    return this.store.storeAgreement(agreement, audit);
  }

  /**
   * Stores the entry unless one from the same source (a redelivered message, a second click)
   * exists. Resolves once the entry is on disk (one line appended to its agreement's journal,
   * with `audit`, the record of storing it, in the same line); only then do readers see it.
   */
  async addEntry(entry: Entry, audit?: NewAuditRecord): Promise<AddEntryResult> {
    const log = this.logOf(entry.agreementId);
    return log.addEntry(entrySchema.parse(entry), audit && this.store.audit.prepare(audit));
  }

  findBySource(sourceId: string): Entry | undefined {
    for (const agreement of this.agreements()) {
      const found = this.store.logOf(agreement.id)?.bySource(sourceId);
      if (found) return found;
    }
    return undefined;
  }

  /** Marks the entry removed (it stays in the file as the audit record). Returns the updated entry. */
  async markRemoved(
    agreementId: string,
    entryId: string,
    removal: NonNullable<Entry['removed']>,
    audit?: NewAuditRecord,
  ): Promise<Entry | undefined> {
    // Validated before it is written: a removal the entries file's schema refuses would stop the next start.
    const valid = removalSchema.parse(removal);
    return this.logOf(agreementId).markRemoved(entryId, valid, audit && this.store.audit.prepare(audit));
  }

  /**
   * Changes what an active entry says (same agreement), keeping what it said before in its
   * history: the audit record of every correction. Undefined when there is no such active entry.
   */
  async editEntry(
    agreementId: string,
    entryId: string,
    fields: EntryFields,
    change: Omit<EntryChange, 'before'>,
    audit?: NewAuditRecord,
  ): Promise<Entry | undefined> {
    const log = this.logOf(agreementId);
    return log.edit(entryId, (entry) => applyEdit(entry, fields, change), audit && this.store.audit.prepare(audit));
  }

  /**
   * Makes an entry removed because its message was deleted count again, keeping the removal in its
   * history (reason "restored"). Undefined when there is no such removed entry.
   */
  async restoreEntry(
    agreementId: string,
    entryId: string,
    change: Omit<EntryChange, 'before' | 'removed' | 'reason'>,
    audit?: NewAuditRecord,
  ): Promise<Entry | undefined> {
    return this.logOf(agreementId).restore(
      entryId,
      (entry) => applyRestore(entry, change),
      audit && this.store.audit.prepare(audit),
    );
  }

  async addCompletion(agreementId: string, completion: Completion, audit?: NewAuditRecord): Promise<void> {
    const valid = completionSchema.parse(completion);
    await this.logOf(agreementId).addCompletion(valid, audit && this.store.audit.prepare(audit));
  }

  /**
   * Replaces one of this area's agreements with its changed version and audits it (see
   * Store.changeAgreement). Resolves once both are on disk (in one write).
   */
  changeAgreement(agreement: Agreement, by: AreaChangeBy, audit: readonly NewAuditRecord[]): Promise<void> {
    if (!this.agreement(agreement.id)) return Promise.reject(new UnknownAgreementError(agreement.id));
    return this.store.changeAgreement(agreement, by, audit);
  }

  /**
   * Clears the notes of this area's entries that `match` (one journal line per agreement, with its
   * audit record: `audit` completed with the agreement's id and the ids of the entries cleared).
   */
  async clearNotes(
    match: (entry: Entry) => boolean,
    cleared: NonNullable<Entry['noteCleared']>,
    audit?: Omit<NewAuditRecord, 'agreementId' | 'entryIds' | 'entryId'>,
  ): Promise<Entry[]> {
    const out: Entry[] = [];
    for (const agreement of this.agreements()) {
      const log = this.logOf(agreement.id);
      out.push(
        ...(await log.clearNotes(
          match,
          cleared,
          audit &&
            ((entryIds) => this.store.audit.prepare({ ...audit, agreementId: agreement.id, entryIds: [...entryIds] })),
        )),
      );
    }
    return out;
  }

  private logOf(agreementId: string): EntriesLog {
    const log = this.agreement(agreementId) ? this.store.logOf(agreementId) : undefined;
    if (!log) throw new UnknownAgreementError(agreementId);
    return log;
  }
}

/**
 * The first area of a new or single-area store: named after its latest agreement, holding every
 * agreement (a single-area store had one area, whatever slug an agreement carried).
 */
export function firstArea(
  agreements: readonly Agreement[],
  options: OpenOptions,
): { area: Area; agreements: Agreement[] } | undefined {
  const latest = [...agreements].sort((a, b) => b.period.start.localeCompare(a.period.start))[0];
  if (!latest) return undefined;
  const area: Area = areaSchema.parse({
    id: latest.area,
    name: latest.municipality,
    policeArea: latest.policeArea,
    tenants: [...(options.tenants ?? [])],
    coordinators: [...(options.coordinators ?? [])],
  });
  return { area, agreements: agreements.map((a) => ({ ...structuredClone(a), area: area.id })) };
}
