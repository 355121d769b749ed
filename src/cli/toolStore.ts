// The store a command-line tool works on, opened and closed in one place: PostgreSQL when
// DATABASE_URL is set, otherwise the store folder (STORE_DIR or --store). On the folder a tool that
// only reads opens it read-only without the lock (a running bot's last write is what it sees); a
// tool that changes it takes the lock first, so it never writes beside a running bot.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { StorePort } from '../app/port/index.js';
import { toolTexts, type StoreWhere } from '../views/cliTexts.js';
import { loadBundledAgreements } from '../store/bundled.js';
import { filePersonalData, noPersonalData } from '../store/filePersonalData.js';
import { fileStorePort } from '../store/filePort.js';
import { lockStoreDir, StoreLockedError } from '../store/lock.js';
import { redactedUrl } from '../store/postgres/db.js';
import { DatabaseUnavailableError, openPostgresStore } from '../store/postgres/index.js';
import { fileStorage, readOnlyStorage, StoreFileError } from '../store/storage.js';
import { Store } from '../store/store.js';
import { CodedError } from '../errors/codedError.js';
import { classifyFailure, fixLine } from '../errors/classify.js';

const BUNDLED_AGREEMENTS = fileURLToPath(new URL('../../data/agreements', import.meta.url));

/**
 * What the tool does with the store:
 * - read:   reads only (report, area list, gdpr export);
 * - change: changes it through the port (area add and set); a new store folder is seeded with the
 *           bundled agreements as the bot's first start would;
 * - erase:  the GDPR erasure; on the folder it rewrites the files itself, so the Store is opened
 *           read-only under the lock and nothing in memory is written back over them.
 */
export type ToolAccess = 'read' | 'change' | 'erase';

/** An open store for one run of a tool. */
export interface ToolStore {
  port: StorePort;
  where: StoreWhere;
  /** Waits for the writes under way, closes the store and releases the folder's lock. */
  close(): Promise<void>;
}

/** The folder holds no store (neither areas.json nor the older agreements.json): nothing is created. */
export class NoStoreError extends CodedError {
  override name = 'NoStoreError';
  readonly code = 'store.missing';
  constructor(
    readonly dir: string,
    readonly file: string,
  ) {
    super(`no store in ${dir}`);
  }
}

const commaList = (v: string | undefined) =>
  (v ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);

/** The database the tools use, when DATABASE_URL names one. */
export const databaseUrl = (env: Record<string, string | undefined>): string | undefined =>
  env.DATABASE_URL?.trim() || undefined;

/**
 * Opens the store for `access`. Throws NoStoreError (a folder without a store, for read and erase),
 * StoreLockedError (a bot holds the folder), StoreFileError (a file that cannot be read; nothing
 * written) or, for PostgreSQL, the error naming DATABASE_URL when the database cannot be reached.
 */
export async function openToolStore(
  access: ToolAccess,
  storeDir: string,
  env: Record<string, string | undefined>,
): Promise<ToolStore> {
  const url = databaseUrl(env);
  if (url) {
    const store = await openPostgresStore({ url, max: 2 });
    return { port: store, where: { kind: 'postgres', url: redactedUrl(url) }, close: () => store.close() };
  }
  const dir = path.resolve(storeDir);
  if (access !== 'change') {
    const index = path.join(dir, 'areas.json');
    if (!existsSync(index) && !existsSync(path.join(dir, 'agreements.json'))) throw new NoStoreError(dir, index);
  }
  const release = access === 'read' ? () => undefined : lockStoreDir(dir);
  try {
    const settings = { tenants: commaList(env.ALLOWED_TENANTS), coordinators: commaList(env.COORDINATORS) };
    const store =
      access === 'change'
        ? await Store.open(fileStorage(dir), await loadBundledAgreements(BUNDLED_AGREEMENTS), settings)
        : await Store.open(readOnlyStorage(fileStorage(dir)), [], { ...settings, readOnly: true });
    const personal = filePersonalData(dir);
    const personalData =
      access === 'erase'
        ? personal
        : { find: (id: string) => personal.find(id), erase: noPersonalData.erase.bind(noPersonalData) };
    return {
      port: fileStorePort(store, undefined, personalData),
      where: { kind: 'file', dir },
      async close() {
        try {
          await store.close();
        } finally {
          release();
        }
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}

/**
 * What to tell the operator when opening the store failed for a known reason, and on the next line
 * what to do (the error catalogue's fix); undefined for any other error.
 */
export function storeFailure(error: unknown): string | undefined {
  const text = knownStoreFailure(error);
  return text === undefined ? undefined : `${text}\n${fixLine(classifyFailure(error))}`;
}

function knownStoreFailure(error: unknown): string | undefined {
  if (error instanceof NoStoreError) return toolTexts.noStoreFile(error.dir, error.file);
  if (error instanceof StoreLockedError) return toolTexts.storeLocked(error.pid);
  if (error instanceof StoreFileError) return error.message;
  // Its message is the operator's line already (databaseTexts): where, and what the server said.
  if (error instanceof DatabaseUnavailableError) return error.message;
  return undefined;
}
