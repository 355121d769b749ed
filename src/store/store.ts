// The users' record: agreements in one document, and each agreement's entries in a document of
// its own, so logging writes one agreement's data and never the whole history.
import { z } from 'zod';
import { agreementSchema, type Agreement } from '../domain/agreement.js';
import { SYSTEM_ACTOR } from '../domain/audit.js';
import { completionSchema, entrySchema, type Completion, type Entry } from '../domain/entry.js';
import { AuditLog } from './auditLog.js';
import { JsonDocument } from './document.js';
import type { Storage } from './storage.js';
import { SubscriptionStore } from './subscriptions.js';

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

const entriesFileSchema = z.object({
  version: z.literal(1),
  agreementId: z.string().min(1),
  entries: z.array(entrySchema),
  completions: z.array(completionSchema),
});

type AgreementsFile = z.infer<typeof agreementsFileSchema>;
type EntriesFile = z.infer<typeof entriesFileSchema>;

export type AddEntryResult = { stored: true; entry: Entry } | { stored: false; entry: Entry; reason: 'duplicate' };

export class UnknownAgreementError extends Error {
  constructor(readonly agreementId: string) {
    super(`okänt medborgarlöfte ${agreementId}`);
  }
}

export class Store {
  readonly #adding = new Set<string>();

  private constructor(
    private readonly storage: Storage,
    private readonly agreementsDoc: JsonDocument<AgreementsFile>,
    private readonly entriesDocs: Map<string, JsonDocument<EntriesFile>>,
    /** The conversations that get the weekly summary (subscriptions.json). */
    readonly subscriptions: SubscriptionStore,
    /** Every change, who made it, when and from where (audit.jsonl, append-only). */
    readonly audit: AuditLog,
  ) {}

  /**
   * Opens every document and validates it. Anything unreadable throws a StoreFileError naming the
   * file; nothing is written in that case. A missing agreements file is seeded with `seed`.
   */
  static async open(storage: Storage, seed: readonly Agreement[]): Promise<Store> {
    const { document: agreementsDoc, created } = await JsonDocument.open(
      storage.document('agreements'),
      agreementsFileSchema,
      () => ({
        version: 1 as const,
        agreements: [],
      }),
    );
    const entriesDocs = new Map<string, JsonDocument<EntriesFile>>();
    for (const agreement of agreementsDoc.data.agreements) {
      entriesDocs.set(agreement.id, await Store.openEntries(storage, agreement.id));
    }
    const subscriptions = await SubscriptionStore.open(storage);
    const audit = await AuditLog.open(storage.appendLog('audit'));
    const store = new Store(storage, agreementsDoc, entriesDocs, subscriptions, audit);
    if (created) {
      for (const agreement of seed) {
        await store.addAgreement(agreement);
        await audit.record({
          at: new Date().toISOString(),
          by: SYSTEM_ACTOR,
          via: 'system',
          action: 'agreement.created',
          agreementId: agreement.id,
          detail: 'bundled',
        });
      }
      if (seed.length === 0) await agreementsDoc.update(() => undefined);
    }
    return store;
  }

  private static async openEntries(storage: Storage, agreementId: string): Promise<JsonDocument<EntriesFile>> {
    const { document } = await JsonDocument.open(storage.document(`entries-${agreementId}`), entriesFileSchema, () => ({
      version: 1 as const,
      agreementId,
      entries: [],
      completions: [],
    }));
    return document;
  }

  agreements(): readonly Agreement[] {
    return this.agreementsDoc.data.agreements;
  }

  agreement(id: string): Agreement | undefined {
    return this.agreements().find((a) => a.id === id);
  }

  entries(agreementId: string): readonly Entry[] {
    return this.entriesDocs.get(agreementId)?.data.entries ?? [];
  }

  completions(agreementId: string): readonly Completion[] {
    return this.entriesDocs.get(agreementId)?.data.completions ?? [];
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
      const entries = await Store.openEntries(this.storage, valid.id);
      await entries.update(() => undefined);
      this.entriesDocs.set(valid.id, entries);
      await this.agreementsDoc.update((data) => {
        data.agreements.push(valid);
      });
    } finally {
      this.#adding.delete(valid.id);
    }
  }

  /** Stores the entry unless one from the same source (a redelivered message, a second click) exists. */
  async addEntry(entry: Entry): Promise<AddEntryResult> {
    const doc = this.entriesDoc(entry.agreementId);
    const valid = entrySchema.parse(entry);
    return doc.update((data): AddEntryResult => {
      const existing =
        valid.sourceId === undefined ? undefined : data.entries.find((e) => e.sourceId === valid.sourceId);
      if (existing) return { stored: false, entry: existing, reason: 'duplicate' };
      data.entries.push(valid);
      return { stored: true, entry: valid };
    });
  }

  findBySource(sourceId: string): Entry | undefined {
    for (const doc of this.entriesDocs.values()) {
      const found = doc.data.entries.find((e) => e.sourceId === sourceId);
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
    return this.entriesDoc(agreementId).update((data) => {
      const entry = data.entries.find((e) => e.id === entryId);
      if (!entry || entry.removed) return undefined;
      entry.removed = removal;
      return structuredClone(entry);
    });
  }

  async addCompletion(agreementId: string, completion: Completion): Promise<void> {
    const valid = completionSchema.parse(completion);
    await this.entriesDoc(agreementId).update((data) => {
      data.completions.push(valid);
    });
  }

  private entriesDoc(agreementId: string): JsonDocument<EntriesFile> {
    const doc = this.entriesDocs.get(agreementId);
    if (!doc) throw new UnknownAgreementError(agreementId);
    return doc;
  }
}
