// audit.jsonl: every change to the users' record, one JSON object per line, appended and flushed
// before the change is acknowledged. Validated line by line on open: a torn last line (a crash in
// the middle of an append, never acknowledged) is dropped from the file; anything else that does
// not read stops the start, naming the file and the line, and the file is left untouched.
// The records are not kept in memory (a year of logging is 100,000 of them): `read` reads the
// file, for the few who ask (/historik, the CSV export).
import { randomUUID } from 'node:crypto';
import { auditRecordSchema, type AuditRecord, type NewAuditRecord } from '../domain/audit.js';
import type { AppendLog } from './appendLog.js';
import { StoreFileError } from './storage.js';
import { storeText } from '../views/storeTexts.js';
import { schemaIssueText } from '../views/schemaTexts.js';

interface AuditTrail {
  /** Appends the record; resolves once it is on disk. */
  record(record: NewAuditRecord): Promise<AuditRecord>;
  read(): Promise<AuditRecord[]>;
}

interface ParsedAuditLog {
  records: AuditRecord[];
  /** Bytes of the file that hold whole, valid lines; less than the file's size when the last line is torn. */
  validBytes: number;
  torn: boolean;
}

/**
 * Reads the log's text. Throws StoreFileError naming `label` and the line for anything but a torn
 * last line. With `keep` false every line is checked and none kept (the check at open).
 */
export function parseAuditLog(text: string, label: string, keep = true): ParsedAuditLog {
  const records: AuditRecord[] = [];
  let offset = 0;
  let line = 0;
  while (offset < text.length) {
    line++;
    const end = text.indexOf('\n', offset);
    const last = end === -1;
    const raw = text.slice(offset, last ? text.length : end);
    const next = last ? text.length : end + 1;
    if (raw.trim().length === 0) {
      offset = next;
      continue;
    }
    let problem: string | undefined;
    let record: AuditRecord | undefined;
    try {
      const parsed = auditRecordSchema.safeParse(JSON.parse(raw));
      if (parsed.success) record = parsed.data;
      else {
        const issue = parsed.error.issues[0];
        problem = storeText({
          code: 'line.form',
          line,
          ...(issue?.path.length ? { at: issue.path.join('.') } : {}),
          ...(issue ? { message: schemaIssueText(issue) } : {}),
        });
      }
    } catch (error) {
      problem = storeText({ code: 'line.notJson', line, reason: (error as Error).message });
    }
    if (problem !== undefined) {
      // Only the very last line, without its newline, can be half an append.
      if (last) return { records, validBytes: Buffer.byteLength(text.slice(0, offset), 'utf8'), torn: true };
      throw new StoreFileError(label, problem);
    }
    if (record && keep) records.push(record);
    offset = next;
  }
  return { records, validBytes: Buffer.byteLength(text, 'utf8'), torn: false };
}

/** How long adopted records wait, at most, to be appended together. */
const ADOPT_DELAY_MS = 50;

export class AuditLog implements AuditTrail {
  #queue: Promise<unknown> = Promise.resolve();
  #pending: { record: AuditRecord; resolve: (r: AuditRecord) => void; reject: (e: unknown) => void }[] = [];
  #draining = false;
  /** Adopted records not yet appended to this file (their journal holds them meanwhile). */
  #adopted: AuditRecord[] = [];
  /** Adopted records being appended right now. */
  #appending: AuditRecord[] = [];
  /** Read only: records a journal carried that the file lacks (the bot will append them). */
  #recovered: AuditRecord[] = [];
  #flushTimer: NodeJS.Timeout | undefined;

  private constructor(
    private readonly log: AppendLog,
    private readonly newId: () => string,
    /** True when opening cut off a torn last line (told in the start log). */
    readonly droppedTornLine: boolean,
  ) {}

  /** Opens and validates the log (missing: empty). A torn last line is cut off (see droppedTornLine). */
  static async open(log: AppendLog, options: { newId?: () => string } = {}): Promise<AuditLog> {
    const text = await log.read();
    const parsed = parseAuditLog(text ?? '', log.label, false);
    if (log.readOnly) {
      // A reader beside the bot sees what is whole and leaves the file to the bot.
    } else if (parsed.torn) {
      await log.truncate(parsed.validBytes);
    } else if (text && !text.endsWith('\n')) {
      // A whole last record whose newline did not make it: complete the line before appending.
      await log.append('\n');
    }
    return new AuditLog(log, options.newId ?? randomUUID, parsed.torn);
  }

  get label(): string {
    return this.log.label;
  }

  /**
   * Every record, oldest first: the file's, then those adopted from a journal and not yet appended.
   * Reads and parses the whole file (about a second per 100,000 records); a torn last line, which
   * only an append under way can leave, is not read.
   */
  async read(): Promise<AuditRecord[]> {
    const unwritten = [...this.#recovered, ...this.#appending, ...this.#adopted];
    const records = parseAuditLog((await this.log.read()) ?? '', this.log.label).records;
    if (unwritten.length === 0) return records;
    // An append may have finished while the file was read.
    const inFile = new Set(records.map((r) => r.id));
    return [...records, ...unwritten.filter((r) => !inFile.has(r.id))];
  }

  /** The record as it will be stored (numbered and checked), for a journal that carries it (see adopt). */
  prepare(record: NewAuditRecord): AuditRecord {
    return auditRecordSchema.parse({ v: 1, id: this.newId(), ...record });
  }

  /**
   * Takes records that are already on disk in an agreement's journal, written in the same append as
   * the change they record (one fsync for both; see EntriesLog). They are readable at once and
   * appended here in the background; `flushed` says when they are in this file too. Until then the
   * journal keeps them: it is folded only after `flushed`, and a start after a crash calls `recover`.
   */
  adopt(records: readonly AuditRecord[]): void {
    if (records.length === 0) return;
    this.#adopted.push(...records);
    // The journal holds them, so there is no hurry: many journal writes share one append here
    // (one fsync every ADOPT_DELAY_MS at most, instead of a second fsync per journal write).
    if (this.#flushTimer !== undefined) return;
    this.#flushTimer = setTimeout(() => {
      this.#flushTimer = undefined;
      this.flushed().catch(() => undefined);
    }, ADOPT_DELAY_MS).unref();
  }

  /** Adopted records not yet in this file (their journal or area file holds them meanwhile). */
  waiting(): readonly AuditRecord[] {
    return [...this.#appending, ...this.#adopted];
  }

  /** Resolves once every adopted record is in this file; rejects when the append fails (they stay pending). */
  flushed(): Promise<void> {
    const run = async () => {
      const batch = this.#adopted.splice(0);
      if (batch.length === 0) return;
      this.#appending = batch;
      try {
        await this.log.append(batch.map((r) => `${JSON.stringify(r)}\n`).join(''));
      } catch (error) {
        this.#adopted.unshift(...batch);
        throw error;
      } finally {
        this.#appending = [];
      }
    };
    const next = this.#queue.then(run, run);
    this.#queue = next.catch(() => undefined);
    return next;
  }

  /**
   * At start, with the records a journal still carries: appends those a crash kept out of this file
   * (read only: only keeps them in memory). Records already here, or adopted and on their way, are
   * left alone, by id.
   */
  async recover(records: readonly AuditRecord[]): Promise<void> {
    if (records.length === 0) return;
    // The file was checked line by line at open; a record's id is its second key as written
    // (prepare, JSON.stringify), so finding its text is finding it, without parsing a year of records.
    const text = (await this.log.read()) ?? '';
    const waiting = new Set([...this.#adopted, ...this.#appending, ...this.#recovered].map((r) => r.id));
    const missing = records.filter(
      (r, i) =>
        !waiting.has(r.id) &&
        !text.includes(`"id":${JSON.stringify(r.id)},`) &&
        !records.slice(0, i).some((o) => o.id === r.id),
    );
    if (missing.length === 0) return;
    if (this.log.readOnly) this.#recovered.push(...missing);
    else await this.log.append(missing.map((r) => `${JSON.stringify(r)}\n`).join(''));
  }

  /**
   * Appends the record; resolves once it is on disk. Records that arrive while an append is under
   * way share the next one (group commit), so twenty people logging at once cost two disk writes,
   * not twenty in a row.
   */
  record(record: NewAuditRecord): Promise<AuditRecord> {
    const full = this.prepare(record);
    return new Promise<AuditRecord>((resolve, reject) => {
      this.#pending.push({ record: full, resolve, reject });
      void this.#drain();
    });
  }

  async #drain(): Promise<void> {
    if (this.#draining) return;
    this.#draining = true;
    try {
      while (this.#pending.length > 0) {
        const batch = this.#pending.splice(0);
        const run = async () => {
          // Adopted records still waiting go first, in the same append: the file keeps the order of events.
          const adopted = this.#adopted.splice(0);
          this.#appending = adopted;
          try {
            await this.log.append(
              [...adopted, ...batch.map((p) => p.record)].map((r) => `${JSON.stringify(r)}\n`).join(''),
            );
          } catch (error) {
            this.#adopted.unshift(...adopted);
            for (const p of batch) p.reject(error);
            return;
          } finally {
            this.#appending = [];
          }
          for (const p of batch) p.resolve(p.record);
        };
        const next = this.#queue.then(run, run);
        this.#queue = next.catch(() => undefined);
        await next;
      }
    } finally {
      this.#draining = false;
    }
  }

  /**
   * Rewrites every record through `change` (the one exception to append-only: a data-protection
   * erasure replaces a person's name and ids). The file is replaced atomically, then memory.
   * `appended` (the erasure's own record, from `prepare`) goes at the end in the same replacement.
   * Resolves with the number of records `change` changed.
   */
  async rewrite(change: (record: AuditRecord) => AuditRecord, appended: readonly AuditRecord[] = []): Promise<number> {
    // Adopted records first, so that none is appended again after the rewrite.
    await this.flushed();
    const run = async () => {
      const records = await this.read();
      const next = records.map((r) => auditRecordSchema.parse(change(structuredClone(r))));
      const changed = next.filter((r, i) => JSON.stringify(r) !== JSON.stringify(records[i])).length;
      if (changed === 0 && appended.length === 0) return 0;
      await this.log.replace([...next, ...appended].map((r) => `${JSON.stringify(r)}\n`).join(''));
      return changed;
    };
    const next = this.#queue.then(run, run);
    this.#queue = next.catch(() => undefined);
    return next;
  }
}
