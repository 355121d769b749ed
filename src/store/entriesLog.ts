// One agreement's entries and completions: a lowdb document (entries-<id>.json, one entry per
// line) and a journal next to it (entries-<id>.journal.jsonl) that every change is appended to.
//
// A change costs one fsync'd append, whatever the year holds; changes that arrive while a disk
// write is under way share the next one (group commit). A change is in memory, and so visible to
// anyone, only once it is on disk: write, then acknowledge. The journal is folded into the
// document in the background when it grows to half the document, and at start. Every journal
// line carries a sequence number, and the document records the last one it holds, so a fold cut
// short by a crash at any point leaves a document and a journal that read back the same.
import { setImmediate as yieldToEvents } from 'node:timers/promises';
import { z } from 'zod';
import type { Agreement, IsoDate } from '../domain/agreement.js';
import {
  completionSchema,
  entryAgreementProblem,
  entrySchema,
  isActive,
  removalSchema,
  type Completion,
  type Entry,
} from '../domain/entry.js';
import { auditRecordSchema, type AuditRecord } from '../domain/audit.js';
import { isLaterLog, latestEntryBy } from '../domain/recordRules.js';
import { groupCount, occasionIdOf, occasionOfEntries, type Occasion } from '../domain/occasion.js';
import type { DayTotal } from '../domain/status.js';
import { AuditLog } from './auditLog.js';
import { WriteGate } from './writeGate.js';
import { Interner } from './interner.js';
import { DocumentText, StoreFileError, type Storage, type StoredDocument, type StoredJournal } from './storage.js';
import { DuplicateRecordError } from './recordErrors.js';
import { storeText } from '../views/storeTexts.js';
import { schemaIssueText } from '../views/schemaTexts.js';

export const entriesFileSchema = z.object({
  version: z.literal(1),
  agreementId: z.string().min(1),
  /** The last journal line this document holds (absent: none). */
  journalSeq: z.number().int().nonnegative().optional(),
  entries: z.array(entrySchema),
  completions: z.array(completionSchema),
});

const seqSchema = z.number().int().positive();
// A line may carry the audit record of its change: one append, one fsync for both.
const audit = auditRecordSchema.optional();
const journalLineSchema = z.discriminatedUnion('op', [
  z.object({ seq: seqSchema, audit, op: z.literal('add'), entry: entrySchema }),
  z.object({ seq: seqSchema, audit, op: z.literal('remove'), entryId: z.string().min(1), removed: removalSchema }),
  z.object({ seq: seqSchema, audit, op: z.literal('complete'), completion: completionSchema }),
  z.object({ seq: seqSchema, audit, op: z.literal('edit'), entry: entrySchema }),
  z.object({
    seq: seqSchema,
    audit,
    op: z.literal('clearNotes'),
    entryIds: z.array(z.string().min(1)),
    cleared: entrySchema.shape.noteCleared.unwrap(),
  }),
]);

type Change =
  | { op: 'add'; entry: Entry }
  | { op: 'remove'; entryId: string; removed: NonNullable<Entry['removed']> }
  | { op: 'complete'; completion: Completion }
  | { op: 'edit'; entry: Entry }
  | { op: 'clearNotes'; entryIds: string[]; cleared: NonNullable<Entry['noteCleared']> };

export type AddEntryResult = { stored: true; entry: Entry } | { stored: false; entry: Entry; reason: 'duplicate' };

/**
 * Where the audit records a journal carries go: the store's audit log (AuditLog). A record is
 * adopted once its line is on disk, must be flushed before its line leaves the journal, and is
 * recovered from the journal at start when a crash kept it out of the audit log.
 */
export interface JournalAudit {
  adopt(records: readonly AuditRecord[]): void;
  flushed(): Promise<void>;
  recover(records: readonly AuditRecord[]): Promise<void>;
}

export interface EntriesLogOptions {
  gate: WriteGate;
  audit: JournalAudit;
  /** Called after every change that reached the disk (the store's revision counter). */
  changed: () => void;
  /** The journal is folded when it reaches this size, or half the document's if that is more. */
  foldMinBytes: number;
  /** Where a failed background fold is told (nothing is lost: the journal still holds it all). */
  backgroundError: (error: unknown) => void;
}

interface Pending {
  change: Change;
  audit?: AuditRecord;
  resolve: () => void;
  reject: (error: unknown) => void;
}

interface JournalLine {
  seq: number;
  text: string;
}

/** What open found in the journal, for the start's log. */
export interface JournalRecovery {
  journal: string;
  replayed: number;
  /** Bytes after the last newline: an append a crash cut short, never acknowledged, dropped. */
  tornBytes: number;
}

const YIELD_EVERY = 2000;

/**
 * One day of one activity: its occasions' active entries (by occasion id) as ascending indexes into
 * the entries, and what they count. Indexes rather than entries, so that what the day answers is
 * the entry as it is now (a cleared note, an edit) in the order stored, as occasionsOf gives it.
 */
interface OccasionDay {
  occasions: Map<string, number[]>;
  total: DayTotal;
}

const emptyTotal = (date: IsoDate): DayTotal => ({ date, count: 0, occasions: 0 });

/** The document as text, one entry per line; yields to the event loop between slices. */
async function documentText(
  agreementId: string,
  journalSeq: number,
  entries: readonly Entry[],
  completions: readonly Completion[],
): Promise<string> {
  const parts = [
    `{\n  "version": 1,\n  "agreementId": ${JSON.stringify(agreementId)},\n  "journalSeq": ${journalSeq},`,
  ];
  const list = async (name: string, items: readonly unknown[], last: boolean) => {
    parts.push(`\n  ${JSON.stringify(name)}: [`);
    for (let i = 0; i < items.length; i++) {
      parts.push(`${i === 0 ? '' : ','}\n    ${JSON.stringify(items[i])}`);
      if (i % YIELD_EVERY === YIELD_EVERY - 1) await yieldToEvents();
    }
    parts.push(`${items.length === 0 ? '' : '\n  '}]${last ? '' : ','}`);
  };
  await list('entries', entries, false);
  await list('completions', completions, true);
  parts.push('\n}\n');
  return parts.join('');
}

export class EntriesLog {
  readonly #entries: Entry[];
  readonly #completions: Completion[];
  readonly #byId = new Map<string, number>();
  readonly #bySource = new Map<string, Entry>();
  /** The entries each person logged or took back (by person id), as indexes: what /mina and /ångra read. */
  readonly #byPerson = new Map<string, Set<number>>();
  /**
   * Each person's latest active entry (latestEntryBy), as an index, -1 for none; a person missing
   * is worked out when asked. Every /logga asks, and a person's history only grows.
   */
  readonly #latest = new Map<string, number>();
  /** Each activity's days: the active entries of each occasion and their total, kept as entries come and go. */
  readonly #days = new Map<string, Map<IsoDate, OccasionDay>>();
  readonly #pendingSources = new Map<string, Promise<AddEntryResult>>();
  readonly #pendingRemovals = new Map<string, Promise<Entry | undefined>>();
  /** The last sequence number on disk, and the last one the document holds. */
  #seq: number;
  #foldedSeq: number;
  /** Journal lines written while a fold was under way (the ones it may have to keep). */
  #unfolded: JournalLine[] = [];
  #journalBytes = 0;
  #documentBytes: number;
  #queue: Pending[] = [];
  #draining = false;
  #journalTail: Promise<unknown> = Promise.resolve();
  #folding: Promise<void> | undefined;

  private constructor(
    readonly agreementId: string,
    private readonly doc: StoredDocument,
    private readonly journal: StoredJournal,
    private readonly options: EntriesLogOptions,
    data: z.infer<typeof entriesFileSchema>,
    documentBytes: number,
    private readonly interner: Interner,
  ) {
    this.#entries = data.entries;
    this.#completions = data.completions;
    this.#seq = this.#foldedSeq = data.journalSeq ?? 0;
    this.#documentBytes = documentBytes;
    data.entries.forEach((entry, i) => {
      this.#index(entry, i);
      if (isActive(entry)) this.#count(entry, i, 1);
    });
  }

  /**
   * Reads and validates the document, then replays its journal. Anything unreadable throws a
   * StoreFileError naming the file (and the journal's line); nothing is written then. With
   * `agreement`, every entry (in the document and the journal) must belong to it: its id, one of
   * its activities and a date in its period. Unless `readOnly`, a journal with anything in it is
   * folded before open resolves.
   */
  static async open(
    storage: Storage,
    agreementId: string,
    options: EntriesLogOptions & { readOnly: boolean; agreement?: Agreement },
  ): Promise<{ log: EntriesLog; recovery: JournalRecovery }> {
    const doc = storage.document(`entries-${agreementId}`);
    const journal = storage.journal(`entries-${agreementId}`);
    const interner = new Interner();
    // A file as this store writes it is read entry by entry (see readEntriesText): a year's entries
    // are never held twice, as one parsed value and its validated copy.
    const text = doc.readText ? await doc.readText() : undefined;
    const lineWise = text ? readEntriesText(text, doc.label, interner) : undefined;
    const raw = lineWise ? lineWise : text === undefined ? await doc.adapter.read() : parseDocument(text, doc.label);
    let data: z.infer<typeof entriesFileSchema> = { version: 1, agreementId, entries: [], completions: [] };
    if (lineWise) data = lineWise;
    else if (raw !== null && raw !== undefined) {
      const parsed = entriesFileSchema.safeParse(raw);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const at =
          issue && issue.path.length > 0 ? { at: `${issue.path.join('.')}${entryNamed(raw, issue.path)}` } : {};
        throw new StoreFileError(
          doc.label,
          storeText({ code: 'file.form', ...at, ...(issue ? { message: schemaIssueText(issue) } : {}) }),
        );
      }
      data = parsed.data;
      for (const entry of data.entries) interner.entry(entry);
    }
    const ids = new Set<string>();
    data.entries.forEach((e, i) => {
      if (ids.has(e.id))
        throw new StoreFileError(doc.label, storeText({ code: 'file.entryTwice', entryId: e.id, index: i }));
      ids.add(e.id);
      const problem = options.agreement && entryAgreementProblem(e, options.agreement);
      if (problem)
        throw new StoreFileError(
          doc.label,
          storeText({ code: 'file.entryProblem', index: i, problem: storeText(problem) }),
        );
    });
    // The document's size decides when the journal is worth folding; its exact bytes do not matter.
    const documentBytes = raw === null || raw === undefined ? 0 : 300 * data.entries.length;
    const log = new EntriesLog(agreementId, doc, journal, options, data, documentBytes, interner);
    log.#agreement = options.agreement;
    const recovery = await log.#replay();
    await options.audit.recover(log.#carried);
    log.#carried = [];
    if (!options.readOnly && (recovery.replayed > 0 || recovery.tornBytes > 0 || log.#unfoldedStale)) {
      await log.#fold(true);
    }
    return { log, recovery };
  }

  #unfoldedStale = false;
  /** The agreement every entry read from the journal must belong to (see open). */
  #agreement: Agreement | undefined;
  /** The audit records the journal carried at open. */
  #carried: AuditRecord[] = [];

  async #replay(): Promise<JournalRecovery> {
    const label = this.journal.label;
    const text = await this.journal.read();
    const recovery: JournalRecovery = { journal: label, replayed: 0, tornBytes: 0 };
    if (text === null || text === '') return recovery;
    const end = text.lastIndexOf('\n');
    recovery.tornBytes = Buffer.byteLength(text.slice(end + 1));
    const lines = end < 0 ? [] : text.slice(0, end).split('\n');
    let previous: number | undefined;
    lines.forEach((lineText, i) => {
      const line = i + 1;
      let raw: unknown;
      try {
        raw = JSON.parse(lineText);
      } catch (error) {
        throw new StoreFileError(
          label,
          storeText({ code: 'line.notValidJson', line, reason: (error as Error).message }),
        );
      }
      const parsed = journalLineSchema.safeParse(raw);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new StoreFileError(
          label,
          storeText({
            code: 'line.journalForm',
            line,
            at: issue?.path.join('.') ?? '',
            message: issue ? schemaIssueText(issue) : '',
          }),
        );
      }
      const { seq, audit, ...change } = parsed.data;
      if (audit) this.#carried.push(audit);
      const expected = previous === undefined ? undefined : previous + 1;
      if ((expected !== undefined && seq !== expected) || (expected === undefined && seq > this.#foldedSeq + 1)) {
        throw new StoreFileError(
          label,
          storeText({ code: 'line.gap', line, seq, expected: expected ?? this.#foldedSeq + 1 }),
        );
      }
      previous = seq;
      // Lines the document already holds: a crash came between writing it and emptying the journal.
      if (seq <= this.#foldedSeq) {
        this.#unfoldedStale = true;
        return;
      }
      const problem = this.#check(change);
      if (problem) throw new StoreFileError(label, storeText({ code: 'line.problem', line, problem }));
      this.#apply(change);
      this.#seq = seq;
      this.#journalBytes += Buffer.byteLength(lineText) + 1;
      recovery.replayed++;
    });
    return recovery;
  }

  /** Why a journal line cannot follow what is already there, or undefined when it can. */
  #check(change: Change): string | undefined {
    if (change.op === 'add' && this.#byId.has(change.entry.id))
      return storeText({ code: 'refused.entryExists', entryId: change.entry.id });
    if ((change.op === 'add' || change.op === 'edit') && this.#agreement) {
      const problem = entryAgreementProblem(change.entry, this.#agreement);
      if (problem) return storeText(problem);
    }
    if (change.op === 'remove' && !this.#byId.has(change.entryId))
      return storeText({ code: 'refused.entryMissing', entryId: change.entryId });
    if (change.op === 'edit' && !this.#byId.has(change.entry.id))
      return storeText({ code: 'refused.entryMissing', entryId: change.entry.id });
    const missing = change.op === 'clearNotes' ? change.entryIds.find((id) => !this.#byId.has(id)) : undefined;
    if (missing !== undefined) return storeText({ code: 'refused.entryMissing', entryId: missing });
    return undefined;
  }

  get entries(): readonly Entry[] {
    return this.#entries;
  }

  get completions(): readonly Completion[] {
    return this.#completions;
  }

  /** One activity's occasions summed per day (see dayTotals in the domain). */
  dayTotals(activityId: string): DayTotal[] {
    return [...(this.#days.get(activityId)?.values() ?? [])].map((d) => ({ ...d.total }));
  }

  /**
   * One activity's occasions on one day from their active entries as they are now, in the order of
   * each occasion's first entry in `entries` (as occasionsOf over that day's entries).
   */
  occasionsOn(activityId: string, date: IsoDate): Occasion[] {
    const day = this.#days.get(activityId)?.get(date);
    if (!day) return [];
    return [...day.occasions.values()]
      .sort((a, b) => a[0]! - b[0]!)
      .map((indexes) => occasionOfEntries(this.#entriesAt(indexes)));
  }

  bySource(sourceId: string): Entry | undefined {
    return this.#bySource.get(sourceId);
  }

  /**
   * Stores the entry unless one from the same source exists (or is being stored). `audit`, the
   * record of storing it, is written in the same journal line; it is not written for a duplicate.
   */
  addEntry(entry: Entry, audit?: AuditRecord): Promise<AddEntryResult> {
    const { sourceId } = entry;
    if (sourceId !== undefined) {
      const existing = this.#bySource.get(sourceId);
      if (existing) return Promise.resolve({ stored: false, entry: existing, reason: 'duplicate' });
      const pending = this.#pendingSources.get(sourceId);
      if (pending) {
        return pending.then(
          (first) => ({ stored: false, entry: first.entry, reason: 'duplicate' }),
          () => this.addEntry(entry, audit),
        );
      }
    }
    if (this.#byId.has(entry.id))
      return Promise.reject(new DuplicateRecordError(storeText({ code: 'refused.entryExists', entryId: entry.id })));
    const done = this.#submit({ op: 'add', entry }, audit).then((): AddEntryResult => ({ stored: true, entry }));
    if (sourceId !== undefined) {
      this.#pendingSources.set(sourceId, done);
      const settle = () => this.#pendingSources.delete(sourceId);
      done.then(settle, settle);
    }
    return done;
  }

  /** Marks the entry removed; undefined when there is no such entry or it is already removed. */
  markRemoved(
    entryId: string,
    removed: NonNullable<Entry['removed']>,
    audit?: AuditRecord,
  ): Promise<Entry | undefined> {
    const pending = this.#pendingRemovals.get(entryId);
    if (pending)
      return pending.then(
        () => undefined,
        () => this.markRemoved(entryId, removed, audit),
      );
    const index = this.#byId.get(entryId);
    const entry = index === undefined ? undefined : this.#entries[index];
    if (!entry || entry.removed) return Promise.resolve(undefined);
    const done = this.#submit({ op: 'remove', entryId, removed }, audit).then(() => this.#entries[index!]);
    this.#pendingRemovals.set(entryId, done);
    const settle = () => this.#pendingRemovals.delete(entryId);
    done.then(settle, settle);
    return done;
  }

  /**
   * Clears the note of every entry that `match`es (the entry, its date and count stay), then folds,
   * so that the note's text is gone from the document and the journal too. Returns the entries as
   * they are now.
   */
  async clearNotes(
    match: (entry: Entry) => boolean,
    cleared: NonNullable<Entry['noteCleared']>,
    audit?: (entryIds: readonly string[]) => AuditRecord,
  ): Promise<Entry[]> {
    const entryIds = this.#entries.filter((e) => e.note !== undefined && match(e)).map((e) => e.id);
    if (entryIds.length === 0) return [];
    await this.#submit({ op: 'clearNotes', entryIds, cleared }, audit?.(entryIds));
    await this.#fold(true);
    return entryIds.map((id) => this.#entries[this.#byId.get(id)!]!);
  }

  /** Replaces an active entry with what `change` makes of it; undefined when there is no such active entry. */
  async edit(entryId: string, change: (entry: Entry) => Entry, audit?: AuditRecord): Promise<Entry | undefined> {
    const index = this.#byId.get(entryId);
    const entry = index === undefined ? undefined : this.#entries[index];
    if (!entry || entry.removed) return undefined;
    const next = change(entry);
    await this.#submit({ op: 'edit', entry: next }, audit);
    return next;
  }

  /** Replaces a removed entry with what `change` makes of it (active again); undefined when there is no such removed entry. */
  async restore(entryId: string, change: (entry: Entry) => Entry, audit?: AuditRecord): Promise<Entry | undefined> {
    await this.#pendingRemovals.get(entryId)?.catch(() => undefined);
    const index = this.#byId.get(entryId);
    const entry = index === undefined ? undefined : this.#entries[index];
    if (!entry?.removed) return undefined;
    const next = change(entry);
    await this.#submit({ op: 'edit', entry: next }, audit);
    return next;
  }

  addCompletion(completion: Completion, audit?: AuditRecord): Promise<void> {
    return this.#submit({ op: 'complete', completion }, audit);
  }

  /** Folds what the journal holds into the document (nothing to do when it holds nothing). */
  fold(): Promise<void> {
    return this.#fold(false);
  }

  /** Writes the document as it is now (a new agreement's empty one). */
  writeDocument(): Promise<void> {
    return this.#fold(true);
  }

  /** Resolves when every change asked for so far is on disk and no fold is under way. */
  async settled(): Promise<void> {
    while (this.#draining || this.#folding) {
      await this.#journalTail;
      await this.#folding?.catch(() => undefined);
    }
  }

  #submit(change: Change, audit?: AuditRecord): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.#queue.push({ change, ...(audit ? { audit } : {}), resolve, reject });
      void this.#drain();
    });
  }

  /** Writes what is queued, all of it in one append, until nothing is left. */
  async #drain(): Promise<void> {
    if (this.#draining) return;
    this.#draining = true;
    try {
      while (this.#queue.length > 0) {
        const batch = this.#queue.splice(0);
        await this.#withJournal(() => this.options.gate.shared(() => this.#commit(batch)));
        this.#foldIfLarge();
      }
    } finally {
      this.#draining = false;
    }
  }

  async #commit(batch: Pending[]): Promise<void> {
    const lines = batch.map(({ change, audit }, i): JournalLine => {
      const seq = this.#seq + 1 + i;
      return { seq, text: `${JSON.stringify({ seq, ...(audit ? { audit } : {}), ...change })}\n` };
    });
    const text = lines.map((l) => l.text).join('');
    try {
      await this.journal.append(text);
    } catch (error) {
      for (const p of batch) p.reject(error);
      return;
    }
    this.#seq += batch.length;
    for (const p of batch) this.#apply(p.change);
    // A fold keeps the lines written after it began (see #fold); every earlier line leaves the
    // journal with it. So only a fold under way needs their text: none is held in between.
    if (this.#folding) this.#unfolded.push(...lines);
    this.#journalBytes += Buffer.byteLength(text);
    this.options.audit.adopt(batch.flatMap((p) => (p.audit ? [p.audit] : [])));
    this.options.changed();
    for (const p of batch) p.resolve();
  }

  #apply(change: Change): void {
    switch (change.op) {
      case 'add': {
        this.interner.entry(change.entry);
        const index = this.#entries.push(change.entry) - 1;
        this.#index(change.entry, index);
        if (isActive(change.entry)) this.#count(change.entry, index, 1);
        this.#addedLatest(change.entry, index);
        break;
      }
      case 'remove': {
        const index = this.#byId.get(change.entryId)!;
        // A new object, never a changed one: a fold in progress or a reader may hold the old one.
        const previous = this.#entries[index]!;
        // Taken out of its day while the entries still hold it, so its occasion's count is the old one.
        if (isActive(previous)) this.#count(previous, index, -1);
        const updated = { ...previous, removed: change.removed };
        this.#entries[index] = updated;
        this.#index(updated, index);
        this.#latest.delete(previous.by.id);
        break;
      }
      case 'complete':
        this.#completions.push(change.completion);
        break;
      case 'edit': {
        this.interner.entry(change.entry);
        const index = this.#byId.get(change.entry.id)!;
        const previous = this.#entries[index]!;
        if (isActive(previous)) this.#count(previous, index, -1);
        this.#entries[index] = change.entry;
        this.#index(change.entry, index);
        if (isActive(change.entry)) this.#count(change.entry, index, 1);
        this.#latest.delete(previous.by.id);
        this.#latest.delete(change.entry.by.id);
        break;
      }
      case 'clearNotes':
        for (const id of change.entryIds) {
          const index = this.#byId.get(id)!;
          const { note: _note, ...rest } = this.#entries[index]!;
          const updated: Entry = { ...rest, noteCleared: change.cleared };
          this.#entries[index] = updated;
          this.#index(updated, index);
        }
        break;
    }
  }

  #index(entry: Entry, index: number): void {
    this.#byId.set(entry.id, index);
    if (entry.sourceId !== undefined) this.#bySource.set(entry.sourceId, entry);
    this.#person(entry.by.id, index);
    if (entry.removed) this.#person(entry.removed.by.id, index);
  }

  #person(personId: string, index: number): void {
    const mine = this.#byPerson.get(personId);
    if (mine) mine.add(index);
    else this.#byPerson.set(personId, new Set([index]));
  }

  /** A new entry, stored last: the person's latest when it is active and logged no earlier than the one known. */
  #addedLatest(entry: Entry, index: number): void {
    const known = this.#latest.get(entry.by.id);
    if (known === undefined || !isActive(entry)) return;
    if (known < 0 || isLaterLog(entry, this.#entries[known]!, true)) this.#latest.set(entry.by.id, index);
  }

  /** The person's latest active entry here (latestEntryBy over `entries`), without reading their history again. */
  latestBy(personId: string): Entry | undefined {
    let known = this.#latest.get(personId);
    if (known === undefined) {
      const mine = [...(this.#byPerson.get(personId) ?? [])].sort((a, b) => a - b);
      const latest = latestEntryBy(
        mine.map((i) => this.#entries[i]!),
        personId,
      );
      known = latest ? this.#byId.get(latest.id)! : -1;
      this.#latest.set(personId, known);
    }
    return known < 0 ? undefined : this.#entries[known];
  }

  /** The entries the person logged or took back, in the order they were stored (as `entries`). */
  touchedBy(personId: string): Entry[] {
    const mine = this.#byPerson.get(personId);
    if (!mine) return [];
    return [...mine].sort((a, b) => a - b).map((i) => this.#entries[i]!);
  }

  /**
   * Adds (+1) or takes away (-1) the active entry at `index` from its occasion, and its day's
   * total. The entries must hold it at `index` as `entry` while it is counted: the occasion's
   * count before and after is read from them.
   */
  #count(entry: Entry, index: number, sign: 1 | -1): void {
    let days = this.#days.get(entry.activityId);
    if (!days) this.#days.set(entry.activityId, (days = new Map<IsoDate, OccasionDay>()));
    const day = days.get(entry.date) ?? { occasions: new Map<string, number[]>(), total: emptyTotal(entry.date) };
    const id = occasionIdOf(entry);
    const before = day.occasions.get(id) ?? [];
    const others = before.filter((i) => i !== index);
    // Kept ascending: an edit brings an entry back in the middle of its occasion. Most occasions
    // hold one entry: an exact one-element array, not a spread's spare capacity (about 150 bytes
    // each, 15 MB at 100,000 entries).
    const after =
      sign === 1
        ? others.length === 0
          ? [index]
          : [...others.filter((i) => i < index), index, ...others.filter((i) => i > index)]
        : others;
    if (after.length > 0) day.occasions.set(id, after);
    else day.occasions.delete(id);
    // Only this occasion changed: its count (the largest its entries give) replaces the old one.
    day.total.count += groupCount(this.#entriesAt(after)) - groupCount(this.#entriesAt(before));
    day.total.occasions += Number(after.length > 0) - Number(before.length > 0);
    if (day.occasions.size === 0) days.delete(entry.date);
    else days.set(entry.date, day);
  }

  #entriesAt(indexes: readonly number[]): Entry[] {
    return indexes.map((i) => this.#entries[i]!);
  }

  #withJournal<R>(step: () => Promise<R>): Promise<R> {
    const run = this.#journalTail.then(step, step);
    this.#journalTail = run.catch(() => undefined);
    return run;
  }

  #foldIfLarge(): void {
    if (this.#folding || this.#journalBytes < Math.max(this.options.foldMinBytes, this.#documentBytes / 2)) return;
    this.#fold(false).catch(this.options.backgroundError);
  }

  /**
   * Writes the document with everything on disk so far, then empties the journal of what it now
   * holds. A crash before the document's rename leaves the old document and the whole journal; a
   * crash after it leaves lines the document already holds, which the next start skips by number.
   */
  #fold(always: boolean): Promise<void> {
    const run = async () => {
      const through = this.#seq;
      if (!always && through === this.#foldedSeq) return;
      // A copy of the lists, not of the entries: entries are replaced, never changed.
      const entries = this.#entries.slice();
      const completions = this.#completions.slice();
      // The lines about to leave the journal may carry audit records: they must be in the audit log
      // first. Everything through `through` was adopted when its line was written, so this covers it.
      await this.options.audit.flushed();
      const text = await documentText(this.agreementId, through, entries, completions);
      await this.options.gate.shared(() =>
        this.doc.adapter.write(new DocumentText(text, () => JSON.parse(text) as unknown)),
      );
      this.#documentBytes = text.length;
      this.#foldedSeq = through;
      await this.#withJournal(() =>
        this.options.gate.shared(async () => {
          const rest = this.#unfolded.filter((l) => l.seq > through);
          const restText = rest.map((l) => l.text).join('');
          await this.journal.replace(restText);
          this.#unfolded = rest;
          this.#journalBytes = Buffer.byteLength(restText);
        }),
      );
    };
    const folding = (this.#folding ?? Promise.resolve()).catch(() => undefined).then(run);
    const current = folding.finally(() => {
      if (this.#folding === current) this.#folding = undefined;
    });
    this.#folding = current;
    return current;
  }
}

const toolOptions = (readOnly: boolean, audit: JournalAudit) => ({
  readOnly,
  audit,
  gate: new WriteGate(),
  changed: () => undefined,
  foldMinBytes: Number.POSITIVE_INFINITY,
  backgroundError: () => undefined,
});

/**
 * An agreement's entries document with its journal applied, as a value, and the audit records the
 * journal carries (after a crash some may not be in audit.jsonl yet); reads only (for tools).
 */
export async function entriesWithJournal(
  storage: Storage,
  agreementId: string,
): Promise<{ document: unknown; audit: AuditRecord[] }> {
  const audit: AuditRecord[] = [];
  const carried: JournalAudit = {
    adopt: () => undefined,
    flushed: () => Promise.resolve(),
    recover: (records) => {
      audit.push(...records);
      return Promise.resolve();
    },
  };
  const { log } = await EntriesLog.open(storage, agreementId, toolOptions(true, carried));
  return { document: { version: 1, agreementId, entries: log.entries, completions: log.completions }, audit };
}

/**
 * Folds an agreement's journal into its entries document, first appending to audit.jsonl the
 * records a crash kept in the journal only. The caller holds the store's lock.
 */
export async function foldJournal(storage: Storage, agreementId: string): Promise<void> {
  const audit = await AuditLog.open(storage.appendLog('audit'));
  await EntriesLog.open(storage, agreementId, toolOptions(false, audit));
}

/** The document's text as a value; throws StoreFileError for text that is not JSON (as JsonFile.read). */
function parseDocument(text: string | null, label: string): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new StoreFileError(label, `ogiltig JSON (${(error as Error).message})`);
  }
}

const ENTRIES_START = '  "entries": [';
const LIST_END = /^ {2}\],?$/;

/**
 * Throws JSON.parse's SyntaxError when an entries document's text is not JSON. One laid out as
 * documentText writes it is parsed line by line, so a year's entries are never one value in memory.
 */
export function checkEntriesJson(text: string): void {
  const start = text.indexOf(`\n${ENTRIES_START}\n`);
  let offset = start + ENTRIES_START.length + 2;
  let comma: boolean | undefined;
  for (let whole = start >= 0; whole;) {
    const end = text.indexOf('\n', offset);
    if (end < 0) break;
    const line = text.slice(offset, end);
    offset = end + 1;
    if (LIST_END.test(line)) {
      if (comma === true) break;
      JSON.parse(`${text.slice(0, start)}\n  "entries": [],\n${text.slice(offset)}`);
      return;
    }
    if (comma === false) break;
    comma = line.endsWith(',');
    try {
      JSON.parse(comma ? line.slice(0, -1) : line);
    } catch {
      whole = false;
    }
  }
  // Another layout, or a line that is not JSON: the whole text, for JSON.parse's own message.
  JSON.parse(text);
}

/**
 * Reads an entries document laid out as documentText writes it (one entry per line) entry by entry:
 * each line is parsed, validated and interned on its own, so only the kept entries stay. Returns
 * undefined for any other layout, or a line that is not JSON, so the caller reads it whole (and
 * names any error as before). Throws the StoreFileError the whole read would for an invalid entry.
 */
function readEntriesText(
  text: string,
  label: string,
  interner: Interner,
): z.infer<typeof entriesFileSchema> | undefined {
  const start = text.indexOf(`\n${ENTRIES_START}\n`);
  if (start < 0) return undefined;
  const entries: Entry[] = [];
  let offset = start + ENTRIES_START.length + 2;
  // Every entry's line but the last ends in a comma, as JSON needs.
  let comma: boolean | undefined;
  for (;;) {
    const end = text.indexOf('\n', offset);
    if (end < 0) return undefined;
    const line = text.slice(offset, end);
    offset = end + 1;
    if (LIST_END.test(line)) {
      if (comma === true) return undefined;
      break;
    }
    if (comma === false) return undefined;
    comma = line.endsWith(',');
    const json = comma ? line.slice(0, -1) : line;
    let raw: unknown;
    try {
      raw = JSON.parse(json);
    } catch {
      return undefined;
    }
    const parsed = entrySchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const path = ['entries', entries.length, ...(issue?.path ?? [])];
      throw new StoreFileError(
        label,
        storeText({
          code: 'file.form',
          at: `${path.join('.')}${entryNamed({ entries: [...entries, raw] }, path)}`,
          ...(issue ? { message: schemaIssueText(issue) } : {}),
        }),
      );
    }
    entries.push(interner.entry(parsed.data));
  }
  // The rest, with the entries taken out, is small: read and checked whole, as before.
  const skeleton = parseDocument(`${text.slice(0, start)}\n  "entries": [],\n${text.slice(offset)}`, label);
  const parsed = entriesFileSchema.safeParse(skeleton);
  if (!parsed.success) return undefined;
  return { ...parsed.data, entries };
}

/**
 * " (insats nr 5, id e5)" for a problem inside `entries[4]`, so a person mending the file by hand
 * need not count entries from 0; "" for anything else.
 */
function entryNamed(raw: unknown, path: readonly PropertyKey[]): string {
  if (path[0] !== 'entries' || typeof path[1] !== 'number') return '';
  const entries = (raw as { entries?: unknown }).entries;
  const entry: unknown = Array.isArray(entries) ? entries[path[1]] : undefined;
  const id = entry !== null && typeof entry === 'object' ? (entry as { id?: unknown }).id : undefined;
  return ` ${storeText({ code: 'file.entryNumber', index: path[1], ...(typeof id === 'string' ? { entryId: id } : {}) })}`;
}
