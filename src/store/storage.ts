// Where the store's documents live: JSON files under STORE_DIR, or memory for tests. Both are
// lowdb adapters; the store never knows which one it has (no switching on NODE_ENV). Next to each
// agreement's entries document lies its journal (JSON Lines), appended to on every change.
import { mkdirSync } from 'node:fs';
import { open, unlink } from 'node:fs/promises';
import path from 'node:path';
import type { Adapter } from 'lowdb';
import { TextFile } from 'lowdb/node';
import { fileAppendLog, MemoryAppendLog, type AppendLog } from './appendLog.js';
import { syncPath, writeDurably } from './durable.js';
import { WriteGate } from './writeGate.js';
import { CodedError } from '../errors/codedError.js';
import { storeText } from '../views/storeTexts.js';

/** A store file that cannot be read; it is left as it was. */
export class StoreFileError extends CodedError {
  readonly code = 'store.fileUnreadable';
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(storeText({ code: 'failed.fileUnreadable', file, reason }));
    this.name = 'StoreFileError';
  }
}

/** A journal write that failed and could not be cut back: the file may end in a half line, so no later write is let through. */
class StoreWriteFailedError extends CodedError {
  override name = 'StoreWriteFailedError';
  readonly code = 'store.writeFailed';
}

/** A write asked of a store a read-only tool opened; such a store never writes its files. */
class ReadOnlyStoreError extends CodedError {
  override name = 'ReadOnlyStoreError';
  readonly code = 'store.readOnly';
}

/**
 * A document already serialized by its owner (the entries document is laid out one entry per
 * line, built in slices so a large fold never blocks the event loop). Adapters write its text as is.
 */
export class DocumentText {
  constructor(
    readonly text: string,
    /** The same document as a value, for storages that keep values (memory). */
    readonly value: () => unknown,
  ) {}
}

export interface StoredDocument {
  /** Where the document lives, as told in error messages (a file path, or "memory:name"). */
  label: string;
  adapter: Adapter<unknown>;
  /**
   * The document's text as stored (null when it does not exist), for a reader that parses it piece
   * by piece instead of as one value (a year's entries file; see EntriesLog). Absent: use adapter.
   */
  readText?: () => Promise<string | null>;
}

/** An append-only text file: the journal of changes not yet folded into a document. */
export interface StoredJournal {
  /** Where it lives, as told in error messages. */
  label: string;
  /** The whole text, or null when there is no journal. */
  read(): Promise<string | null>;
  /**
   * Appends `text` and resolves once it is on disk (fdatasync). On failure the journal is cut back
   * to its length before, so a failed append leaves no half line for the next one to follow.
   */
  append(text: string): Promise<void>;
  /** Replaces the whole journal atomically and durably; '' removes it. */
  replace(text: string): Promise<void>;
}

export interface Storage {
  document(name: string): StoredDocument;
  /** An append-only JSON Lines file (`<name>.jsonl`): the audit log. */
  appendLog(name: string): AppendLog;
  journal(name: string): StoredJournal;
  /** Files on disk: every write holds it shared, a snapshot exclusively (see writeGate.ts). */
  gate?: WriteGate;
}

/**
 * A JSON file, read with lowdb's TextFile and written atomically and durably: a temp file that is
 * flushed to disk, renamed over the old one, and the folder flushed too, so "Loggat" is never
 * said for an entry that a power cut could take back. (lowdb's own writer renames without fsync.)
 * Writes to one file are never concurrent: its owner queues them.
 */
class JsonFile implements Adapter<unknown> {
  readonly #file: TextFile;

  constructor(
    readonly filename: string,
    private readonly gate: WriteGate,
  ) {
    this.#file = new TextFile(filename);
  }

  async readText(): Promise<string | null> {
    try {
      return await this.#file.read();
    } catch (error) {
      throw new StoreFileError(this.filename, (error as Error).message);
    }
  }

  async read(): Promise<unknown> {
    const text = await this.readText();
    if (text === null) return null;
    try {
      return JSON.parse(text) as unknown;
    } catch (error) {
      throw new StoreFileError(this.filename, `ogiltig JSON (${(error as Error).message})`);
    }
  }

  write(data: unknown): Promise<void> {
    const text = data instanceof DocumentText ? data.text : `${JSON.stringify(data, null, 2)}\n`;
    return this.gate.shared(() => writeDurably(this.filename, text));
  }
}

/**
 * A journal file. Each append opens, writes, syncs and closes it: under load appends are few and
 * large (group commit), and no descriptor outlives a write.
 */
class JournalFile implements StoredJournal {
  #broken: Error | undefined;

  constructor(
    readonly label: string,
    private readonly gate: WriteGate,
  ) {}

  async read(): Promise<string | null> {
    return new TextFile(this.label).read().catch((error: Error) => {
      throw new StoreFileError(this.label, error.message);
    });
  }

  append(text: string): Promise<void> {
    return this.gate.shared(() => this.appendNow(text));
  }

  private async appendNow(text: string): Promise<void> {
    if (this.#broken) throw this.#broken;
    const handle = await open(this.label, 'a');
    try {
      const length = (await handle.stat()).size;
      // A new file's name must survive a power cut too.
      if (length === 0) await syncPath(path.dirname(this.label));
      const bytes = Buffer.from(text, 'utf8');
      try {
        let written = 0;
        while (written < bytes.length) {
          written += (await handle.write(bytes, written, bytes.length - written)).bytesWritten;
        }
        await handle.datasync();
      } catch (error) {
        try {
          await handle.truncate(length);
          await handle.datasync();
        } catch (cutError) {
          // The journal may now end in a half line: refuse every later write rather than append after it.
          this.#broken = new StoreWriteFailedError(
            storeText({ code: 'failed.journalNotRestored', label: this.label, reason: (cutError as Error).message }),
          );
        }
        throw error;
      }
    } finally {
      await handle.close();
    }
  }

  replace(text: string): Promise<void> {
    return this.gate.shared(() => this.replaceNow(text));
  }

  private async replaceNow(text: string): Promise<void> {
    if (text === '') {
      await unlink(this.label).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'ENOENT') throw error;
      });
      await syncPath(path.dirname(this.label));
    } else {
      await writeDurably(this.label, text);
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
      const adapter = new JsonFile(filename, gate);
      return { label: filename, adapter, readText: () => adapter.readText() };
    },
    journal(name) {
      return new JournalFile(path.join(dir, `${name}.journal.jsonl`), gate);
    },
    appendLog(name) {
      return fileAppendLog(path.join(dir, `${name}.jsonl`), gate);
    },
  };
}

/** A document in memory; like a file, what was written is what a later read sees, never a live object. */
class MemoryDocument implements Adapter<unknown> {
  #data: unknown = null;

  read(): Promise<unknown> {
    return Promise.resolve(this.#data);
  }

  write(data: unknown): Promise<void> {
    this.#data = data instanceof DocumentText ? data.value() : data;
    return Promise.resolve();
  }
}

class MemoryJournal implements StoredJournal {
  #text: string | null = null;

  constructor(readonly label: string) {}

  read(): Promise<string | null> {
    return Promise.resolve(this.#text);
  }

  append(text: string): Promise<void> {
    this.#text = (this.#text ?? '') + text;
    return Promise.resolve();
  }

  replace(text: string): Promise<void> {
    this.#text = text === '' ? null : text;
    return Promise.resolve();
  }
}

/** In-memory documents. Opening the same MemoryStorage twice behaves like a restart on the same files. */
export class MemoryStorage implements Storage {
  readonly #documents = new Map<string, MemoryDocument>();
  readonly #journals = new Map<string, MemoryJournal>();
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
    let adapter = this.#documents.get(name);
    if (!adapter) {
      adapter = new MemoryDocument();
      this.#documents.set(name, adapter);
    }
    return { label: `memory:${name}`, adapter };
  }

  journal(name: string): StoredJournal {
    let journal = this.#journals.get(name);
    if (!journal) {
      journal = new MemoryJournal(`memory:${name}.journal.jsonl`);
      this.#journals.set(name, journal);
    }
    return journal;
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
      const readText = doc.readText;
      return {
        label: doc.label,
        // What this reader wrote is kept as a value: read that through the adapter.
        ...(readText && !written.has(name) ? { readText } : {}),
        adapter: {
          read: () => (written.has(name) ? Promise.resolve(structuredClone(written.get(name))) : doc.adapter.read()),
          write: (data: unknown) => {
            written.set(name, data instanceof DocumentText ? data.value() : structuredClone(data));
            return Promise.resolve();
          },
        },
      };
    },
    journal(name) {
      const journal = storage.journal(name);
      let text: string | null | undefined;
      return {
        label: journal.label,
        read: () => (text === undefined ? journal.read() : Promise.resolve(text)),
        append: async (more) => {
          text = ((text === undefined ? await journal.read() : text) ?? '') + more;
        },
        replace: (whole) => {
          text = whole === '' ? null : whole;
          return Promise.resolve();
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
        truncate: () =>
          Promise.reject(new ReadOnlyStoreError(storeText({ code: 'failed.readOnly', label: log.label }))),
        replace: () => Promise.reject(new ReadOnlyStoreError(storeText({ code: 'failed.readOnly', label: log.label }))),
      };
    },
  };
}
