// An append-only text file (JSON Lines): each append is one write of whole lines, flushed to disk
// before it resolves. A crash can leave only the last line torn; the reader decides what to do
// with it. The file is never rewritten, except by `replace` (a data-protection erasure), which
// writes a new file and renames it over the old one.
import { open, truncate } from 'node:fs/promises';
import path from 'node:path';
import { syncPath, writeDurably } from './durable.js';
import { StoreFileError } from './storage.js';
import { WriteGate } from './writeGate.js';

export interface AppendLog {
  /** Where it lives, for messages (a path, or "memory:name"). */
  label: string;
  /** A reader beside the running bot (the report CLI): never repairs a torn line, never appends. */
  readOnly?: boolean;
  /** The whole text; null when the file does not exist yet. */
  read(): Promise<string | null>;
  /** Appends `text` (whole lines, ending in "\n") and resolves once it is on disk. */
  append(text: string): Promise<void>;
  /** Cuts the file to its first `bytes` bytes (drops a torn last line). */
  truncate(bytes: number): Promise<void>;
  /** Atomically replaces the whole file. */
  replace(text: string): Promise<void>;
}

/** The append log at `filename`, written with O_APPEND and fsync (file, and folder on creation). */
export function fileAppendLog(filename: string, gate = new WriteGate()): AppendLog {
  let known = false;
  const log: AppendLog = {
    label: filename,
    async read() {
      try {
        const handle = await open(filename, 'r');
        try {
          known = true;
          return await handle.readFile('utf8');
        } finally {
          await handle.close();
        }
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw new StoreFileError(filename, (error as Error).message);
      }
    },
    async append(text) {
      const handle = await open(filename, 'a');
      try {
        await handle.writeFile(text, 'utf8');
        await handle.sync();
      } finally {
        await handle.close();
      }
      if (!known) {
        await syncPath(path.dirname(filename));
        known = true;
      }
    },
    async truncate(bytes) {
      await truncate(filename, bytes);
      const handle = await open(filename, 'r+');
      try {
        await handle.sync();
      } finally {
        await handle.close();
      }
    },
    async replace(text) {
      await writeDurably(filename, text);
      known = true;
    },
  };
  return {
    ...log,
    append: (text) => gate.shared(() => log.append(text)),
    truncate: (bytes) => gate.shared(() => log.truncate(bytes)),
    replace: (text) => gate.shared(() => log.replace(text)),
  };
}

/** In memory, for tests; opening the same instance again behaves like a restart. */
export class MemoryAppendLog implements AppendLog {
  text: string | null = null;
  constructor(readonly label = 'memory:audit') {}
  read(): Promise<string | null> {
    return Promise.resolve(this.text);
  }
  append(text: string): Promise<void> {
    this.text = (this.text ?? '') + text;
    return Promise.resolve();
  }
  truncate(bytes: number): Promise<void> {
    this.text = Buffer.from(this.text ?? '', 'utf8')
      .subarray(0, bytes)
      .toString('utf8');
    return Promise.resolve();
  }
  replace(text: string): Promise<void> {
    this.text = text;
    return Promise.resolve();
  }
}
