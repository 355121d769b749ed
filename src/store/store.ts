// The users' record: agreements in one document, and each agreement's entries in a document of
// its own with a journal beside it (see entriesLog.ts), so logging appends one line to one
// agreement's journal and never rewrites the history.
import { z } from 'zod';
import { agreementSchema, type Agreement } from '../domain/agreement.js';
import { completionSchema, entrySchema, type Completion, type Entry } from '../domain/entry.js';
import type { DayTotal } from '../domain/status.js';
import { JsonDocument } from './document.js';
import { EntriesLog, type AddEntryResult, type JournalRecovery } from './entriesLog.js';
import { WriteGate } from './gate.js';
import type { Storage } from './storage.js';
import { SubscriptionStore } from './subscriptions.js';

export type { AddEntryResult } from './entriesLog.js';

const agreementsFileSchema = z
  .object({
    version: z.literal(1),
    agreements: z.array(agreementSchema),
  })
  .superRefine((file, ctx) => {
    // An entry belongs to the agreement whose period holds its date: that must be one agreement.
    const sorted = [...file.agreements].sort((a, b) => a.period.start.localeCompare(b.period.start));
    sorted.forEach((a, i) => {
      const next = sorted[i + 1];
      if (next && next.period.start <= a.period.end) {
        ctx.addIssue({
          code: 'custom',
          message: `${a.id} och ${next.id} har överlappande perioder`,
          path: ['agreements'],
        });
      }
    });
    if (new Set(file.agreements.map((a) => a.id)).size !== file.agreements.length) {
      ctx.addIssue({ code: 'custom', message: 'två medborgarlöften har samma id', path: ['agreements'] });
    }
  });

type AgreementsFile = z.infer<typeof agreementsFileSchema>;

export class UnknownAgreementError extends Error {
  constructor(readonly agreementId: string) {
    super(`okänt medborgarlöfte ${agreementId}`);
  }
}

export interface StoreOptions {
  /** Open to read only (the report CLI): journals are replayed in memory, nothing is folded or written. */
  readOnly?: boolean;
  /** An agreement's journal is folded into its document at this size, or at half the document's. Default 1 MiB. */
  foldMinBytes?: number;
  /** Where a failed background fold is reported; nothing is lost by one (the journal keeps it). */
  backgroundError?: (error: unknown) => void;
}

export class Store {
  readonly #adding = new Set<string>();
  #revision = 0;

  private constructor(
    private readonly storage: Storage,
    private readonly options: Required<Omit<StoreOptions, 'readOnly'>> & { readOnly: boolean },
    private readonly gate: WriteGate,
    private readonly agreementsDoc: JsonDocument<AgreementsFile>,
    private readonly logs: Map<string, EntriesLog>,
    /** The conversations that get the weekly summary (subscriptions.json). */
    readonly subscriptions: SubscriptionStore,
    /** What the journals held at start (replayed lines, a torn last line dropped), for the start's log. */
    readonly recovered: readonly JournalRecovery[],
  ) {}

  /**
   * Opens every document and journal and validates them. Anything unreadable throws a
   * StoreFileError naming the file (and line); nothing is written in that case. A missing
   * agreements file is seeded with `seed`. Journals are folded into their documents before this
   * resolves (unless `readOnly`).
   */
  static async open(storage: Storage, seed: readonly Agreement[], options: StoreOptions = {}): Promise<Store> {
    const settings = {
      readOnly: options.readOnly ?? false,
      foldMinBytes: options.foldMinBytes ?? 1024 * 1024,
      backgroundError: options.backgroundError ?? (() => undefined),
    };
    const gate = new WriteGate();
    const { document: agreementsDoc, created } = await JsonDocument.open(
      storage.document('agreements'),
      agreementsFileSchema,
      () => ({
        version: 1 as const,
        agreements: [],
      }),
      gate,
    );
    const logs = new Map<string, EntriesLog>();
    const recovered: JournalRecovery[] = [];
    let store: Store | undefined;
    const changed = () => {
      if (store) store.#revision++;
    };
    for (const agreement of agreementsDoc.data.agreements) {
      const { log, recovery } = await EntriesLog.open(storage, agreement.id, { ...settings, gate, changed });
      logs.set(agreement.id, log);
      if (recovery.replayed > 0 || recovery.tornBytes > 0) recovered.push(recovery);
    }
    const subscriptions = await SubscriptionStore.open(storage, gate);
    store = new Store(storage, settings, gate, agreementsDoc, logs, subscriptions, recovered);
    if (created) {
      for (const agreement of seed) await store.addAgreement(agreement);
      if (seed.length === 0) await agreementsDoc.update(() => undefined);
    }
    return store;
  }

  /** Grows by one or more with every change to agreements, entries or completions: what a cached view depends on. */
  revision(): number {
    return this.#revision;
  }

  agreements(): readonly Agreement[] {
    return this.agreementsDoc.data.agreements;
  }

  agreement(id: string): Agreement | undefined {
    return this.agreements().find((a) => a.id === id);
  }

  entries(agreementId: string): readonly Entry[] {
    return this.logs.get(agreementId)?.entries ?? [];
  }

  /**
   * One activity's active entries summed per day (at most one item per day): what its status is
   * computed from, without reading the year's entries. Equals dayTotals(entries(agreementId), …).
   */
  dayTotals(agreementId: string, activityId: string): DayTotal[] {
    return this.logs.get(agreementId)?.dayTotals(activityId) ?? [];
  }

  completions(agreementId: string): readonly Completion[] {
    return this.logs.get(agreementId)?.completions ?? [];
  }

  allEntries(): Entry[] {
    return this.agreements().flatMap((a) => this.entries(a.id));
  }

  async addAgreement(agreement: Agreement): Promise<void> {
    const valid = agreementSchema.parse(agreement);
    // Checked and claimed before the first await, so two overlapping requests cannot both add it.
    const overlapping = this.agreements().find(
      (a) => a.period.start <= valid.period.end && valid.period.start <= a.period.end,
    );
    if (this.agreement(valid.id) || this.#adding.has(valid.id))
      throw new Error(`medborgarlöftet ${valid.id} finns redan`);
    if (overlapping) throw new Error(`perioden överlappar ${overlapping.id}`);
    this.#adding.add(valid.id);
    try {
      // The (empty) entries file first: an agreement is never listed without a readable entries file.
      const { log } = await EntriesLog.open(this.storage, valid.id, {
        ...this.options,
        gate: this.gate,
        changed: () => this.#revision++,
      });
      await log.writeDocument();
      this.logs.set(valid.id, log);
      await this.agreementsDoc.update((data) => {
        data.agreements.push(valid);
      });
      this.#revision++;
    } finally {
      this.#adding.delete(valid.id);
    }
  }

  /**
   * Stores the entry unless one from the same source (a redelivered message, a second click)
   * exists. Resolves once the entry is on disk; only then do readers see it.
   */
  async addEntry(entry: Entry): Promise<AddEntryResult> {
    const log = this.log(entry.agreementId);
    return log.addEntry(entrySchema.parse(entry));
  }

  findBySource(sourceId: string): Entry | undefined {
    for (const log of this.logs.values()) {
      const found = log.bySource(sourceId);
      if (found) return found;
    }
    return undefined;
  }

  /** Marks the entry removed (it stays in the file as the audit record). Returns the updated entry. */
  async markRemoved(
    agreementId: string,
    entryId: string,
    removal: NonNullable<Entry['removed']>,
  ): Promise<Entry | undefined> {
    return this.log(agreementId).markRemoved(entryId, removal);
  }

  async addCompletion(agreementId: string, completion: Completion): Promise<void> {
    const valid = completionSchema.parse(completion);
    await this.log(agreementId).addCompletion(valid);
  }

  /**
   * Runs `section` between writes: every write under way has reached the disk, none starts until
   * `section` has ended, and the files (documents and journals) agree with each other and with
   * what has been acknowledged. For consistent backups: copy the whole folder inside it.
   */
  betweenWrites<R>(section: () => Promise<R> | R): Promise<R> {
    return this.gate.exclusive(section);
  }

  /** Resolves when every write asked for so far has reached the disk and no fold is under way. */
  async settled(): Promise<void> {
    for (const log of this.logs.values()) await log.settled();
  }

  private log(agreementId: string): EntriesLog {
    const log = this.logs.get(agreementId);
    if (!log) throw new UnknownAgreementError(agreementId);
    return log;
  }
}
