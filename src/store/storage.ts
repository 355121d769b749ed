// Where the store's documents live: JSON files under STORE_DIR, or memory for tests. Both are
// lowdb adapters; the store never knows which one it has (no switching on NODE_ENV).
import { mkdirSync } from 'node:fs';
import { open, rename } from 'node:fs/promises';
import path from 'node:path';
import { Memory, type Adapter } from 'lowdb';
import { TextFile } from 'lowdb/node';
import { fileAppendLog, MemoryAppendLog, type AppendLog } from './appendLog.js';
import { WriteGate } from './writeGate.js';

export class StoreFileError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(
      `Lagringsfilen ${file} kan inte läsas: ${reason}. Filen har lämnats orörd; rätta eller flytta den och starta igen.`,
    );
    this.name = 'StoreFileError';
  }
}

export interface StoredDocument {
  /** Where the document lives, as told in error messages (a file path, or "memory:name"). */
  label: string;
  adapter: Adapter<unknown>;
}

export interface Storage {
  document(name: string): StoredDocument;
  /** An append-only JSON Lines file (`<name>.jsonl`): the audit log. */
  appendLog(name: string): AppendLog;
  /** Files on disk: every write holds it shared, a snapshot exclusively (see writeGate.ts). */
  gate?: WriteGate;
}

/**
 * A JSON file, read with lowdb's TextFile and written atomically and durably: a temp file that is
 * flushed to disk, renamed over the old one, and the folder flushed too, so "Loggat" is never
 * said for an entry that a power cut could take back. (lowdb's own writer renames without fsync.)
 * Writes to one file are never concurrent: JsonDocument queues them.
 */
class JsonFile implements Adapter<unknown> {
  readonly #file: TextFile;

  constructor(
    readonly filename: string,
    private readonly gate: WriteGate,
  ) {
    this.#file = new TextFile(filename);
  }

  async read(): Promise<unknown> {
    let text: string | null;
    try {
      text = await this.#file.read();
    } catch (error) {
      throw new StoreFileError(this.filename, (error as Error).message);
    }
    if (text === null) return null;
    try {
      return JSON.parse(text) as unknown;
    } catch (error) {
      throw new StoreFileError(this.filename, `ogiltig JSON (${(error as Error).message})`);
    }
  }

  write(data: unknown): Promise<void> {
    return this.gate.shared(() => this.writeNow(data));
  }

  private async writeNow(data: unknown): Promise<void> {
    const temp = path.join(path.dirname(this.filename), `.${path.basename(this.filename)}.tmp`);
    const file = await open(temp, 'w');
    try {
      await file.writeFile(`${JSON.stringify(data, null, 2)}\n`, 'utf8');
      await file.sync();
    } finally {
      await file.close();
    }
    await rename(temp, this.filename);
    const dir = await open(path.dirname(this.filename), 'r');
    try {
      await dir.sync();
    } finally {
      await dir.close();
    }
  }
}

export function fileStorage(dir: string): Storage {
  mkdirSync(dir, { recursive: true });
  const gate = new WriteGate();
  return {
    gate,
    document(name) {
      const filename = path.join(dir, `${name}.json`);
      return { label: filename, adapter: new JsonFile(filename, gate) };
    },
    appendLog(name) {
      return fileAppendLog(path.join(dir, `${name}.jsonl`), gate);
    },
  };
}

/** In-memory documents. Opening the same MemoryStorage twice behaves like a restart on the same files. */
export class MemoryStorage implements Storage {
  readonly #adapters = new Map<string, Memory<unknown>>();
  readonly #logs = new Map<string, MemoryAppendLog>();

  appendLog(name: string): AppendLog {
    let log = this.#logs.get(name);
    if (!log) {
      log = new MemoryAppendLog(`memory:${name}`);
      this.#logs.set(name, log);
    }
    return log;
  }

  document(name: string): StoredDocument {
    let adapter = this.#adapters.get(name);
    if (!adapter) {
      adapter = new Memory<unknown>();
      this.#adapters.set(name, adapter);
    }
    return { label: `memory:${name}`, adapter };
  }
}

/**
 * The storage with every write kept in memory, for tools that must never change the store (the
 * report, `npm run area -- list`). A store from before areas is upgraded in memory only, to be read.
 */
export function readOnlyStorage(storage: Storage): Storage {
  const written = new Map<string, unknown>();
  return {
    document(name) {
      const doc = storage.document(name);
      return {
        label: doc.label,
        adapter: {
          read: () => (written.has(name) ? Promise.resolve(structuredClone(written.get(name))) : doc.adapter.read()),
          write: (data: unknown) => {
            written.set(name, structuredClone(data));
            return Promise.resolve();
          },
        },
      };
    },
    appendLog(name) {
      // Appends (the seeding of a store read before its first start) stay in memory; a torn line is left to the bot.
      const log = storage.appendLog(name);
      let added = '';
      return {
        label: log.label,
        readOnly: true,
        read: async () => {
          const text = await log.read();
          return text === null && added === '' ? null : `${text ?? ''}${added}`;
        },
        append: (text: string) => {
          added += text;
          return Promise.resolve();
        },
        truncate: () => Promise.reject(new Error(`${log.label}: skrivs aldrig av ett läsverktyg`)),
        replace: () => Promise.reject(new Error(`${log.label}: skrivs aldrig av ett läsverktyg`)),
      };
    },
  };
}
