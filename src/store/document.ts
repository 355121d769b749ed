// One validated JSON document: read and checked once at start, then changed only through
// update(), which writes a copy and resolves after the write is on disk. Updates are queued so
// two turns never interleave, and a failed write leaves memory as it was on disk.
import { Low } from 'lowdb';
import type { z } from 'zod';
import { WriteGate } from './writeGate.js';
import { StoreFileError, type StoredDocument } from './storage.js';
import { storeText } from '../views/storeTexts.js';
import { schemaIssueText } from '../views/schemaTexts.js';

export class JsonDocument<T> {
  #queue: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly low: Low<T>,
    readonly label: string,
    private readonly gate: WriteGate,
  ) {}

  static async open<T>(
    doc: StoredDocument,
    schema: z.ZodType<T>,
    initial: () => T,
    /** The store's write gate (Store.betweenWrites); a document outside the Store has its own. */
    gate: WriteGate = new WriteGate(),
  ): Promise<{ document: JsonDocument<T>; created: boolean }> {
    const raw = await doc.adapter.read();
    const adapter = doc.adapter as unknown as Low<T>['adapter'];
    if (raw === null || raw === undefined) {
      return { document: new JsonDocument(new Low<T>(adapter, initial()), doc.label, gate), created: true };
    }
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const at = issue && issue.path.length > 0 ? { at: issue.path.join('.') } : {};
      throw new StoreFileError(
        doc.label,
        storeText({ code: 'file.form', ...at, ...(issue ? { message: schemaIssueText(issue) } : {}) }),
      );
    }
    return { document: new JsonDocument(new Low<T>(adapter, parsed.data), doc.label, gate), created: false };
  }

  get data(): T {
    return this.low.data;
  }

  /**
   * Applies `change` to a copy, writes it, and only then makes it the current data. In the
   * document's queue, so no other update of it comes between: `hooks.before` runs (and is awaited)
   * before `change`, and `hooks.written` right after the write reached the disk (not after a failed
   * one). A store that keeps a change's audit record in the document uses them (see Store).
   */
  update<R>(change: (draft: T) => R, hooks: { before?: () => Promise<void>; written?: () => void } = {}): Promise<R> {
    const run = async (): Promise<R> => {
      await hooks.before?.();
      const previous = this.low.data;
      const draft = structuredClone(previous);
      const result = change(draft);
      this.low.data = draft;
      try {
        await this.gate.shared(() => this.low.write());
      } catch (error) {
        this.low.data = previous;
        throw error;
      }
      hooks.written?.();
      return result;
    };
    const next = this.#queue.then(run, run);
    this.#queue = next.catch(() => undefined);
    return next;
  }
}
