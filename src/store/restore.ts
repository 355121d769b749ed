// Restoring a snapshot into STORE_DIR: only while no bot holds the store (its lock), only a
// snapshot that passes validation, and the files it replaces are moved aside, never deleted.
import { existsSync } from 'node:fs';
import { copyFile, mkdir, rename } from 'node:fs/promises';
import path from 'node:path';
import type { Person } from '../domain/entry.js';
import { AuditLog } from './auditLog.js';
import { fileAppendLog } from './appendLog.js';
import { syncPath } from './durable.js';
import {
  BACKUPS_DIR,
  listSnapshots,
  MANIFEST,
  storeFiles,
  validateSnapshot,
  validateStoreDir,
  type Problem,
} from './backups.js';
import { lockStoreDir } from './lock.js';
import { storeText } from '../views/storeTexts.js';
import { CodedError } from '../errors/codedError.js';

/** A restore that was not done (or was undone): the message says why, `problems` what the check found. */
export class RestoreRefusedError extends CodedError {
  readonly code = 'store.restoreRefused';
  constructor(
    message: string,
    readonly problems: Problem[] = [],
  ) {
    super(message);
    this.name = 'RestoreRefusedError';
  }
}

/** A snapshot named by its folder's path, or by its name under STORE_DIR/backups ("latest" for the newest). */
export async function resolveSnapshot(storeDir: string, given: string): Promise<string> {
  if (given === 'senaste' || given === 'latest') {
    const latest = (await listSnapshots(storeDir)).at(-1);
    if (!latest)
      throw new RestoreRefusedError(storeText({ code: 'restore.noSnapshots', dir: path.join(storeDir, BACKUPS_DIR) }));
    return latest.dir;
  }
  for (const candidate of [given, path.join(storeDir, BACKUPS_DIR, given)]) {
    if (existsSync(path.join(candidate, MANIFEST))) return path.resolve(candidate);
  }
  throw new RestoreRefusedError(storeText({ code: 'restore.notFound', given, dir: path.join(storeDir, BACKUPS_DIR) }));
}

export interface RestoreResult {
  snapshot: string;
  /** Where the files that were replaced now are. */
  setAside: string;
  files: string[];
}

/**
 * Restores `snapshotDir` into `storeDir`. Refuses (RestoreRefusedError) when the snapshot does not
 * validate, and (StoreLockedError) while a bot holds the store. The restore is recorded in the
 * restored audit log (via "cli", by `operator`).
 */
export async function restoreSnapshot(
  storeDir: string,
  snapshotDir: string,
  options: { now: Date; operator: Person },
): Promise<RestoreResult> {
  const problems = await validateSnapshot(snapshotDir);
  if (problems.length > 0)
    throw new RestoreRefusedError(storeText({ code: 'restore.snapshotFails', dir: snapshotDir }), problems);
  await mkdir(storeDir, { recursive: true });
  const release = lockStoreDir(storeDir);
  try {
    const setAside = path.join(storeDir, `ersatt-${options.now.toISOString().replace(/[:.]/gu, '-')}`);
    const current = await storeFiles(storeDir);
    await mkdir(setAside, { recursive: true });
    for (const file of current) {
      const target = path.join(setAside, file);
      await mkdir(path.dirname(target), { recursive: true });
      await rename(path.join(storeDir, file), target);
    }
    await syncPath(setAside);
    const restored = (await storeFiles(snapshotDir)).filter((f) => f !== MANIFEST);
    for (const file of restored) {
      const target = path.join(storeDir, file);
      await mkdir(path.dirname(target), { recursive: true });
      await copyFile(path.join(snapshotDir, file), target);
      await syncPath(target);
    }
    await syncPath(storeDir);
    const audit = await AuditLog.open(fileAppendLog(path.join(storeDir, 'audit.jsonl')));
    await audit.record({
      at: options.now.toISOString(),
      by: options.operator,
      via: 'cli',
      action: 'store.restored',
      detail: `${path.basename(snapshotDir)}; ersatta filer i ${path.basename(setAside)}`.slice(0, 300),
    });
    const after = await validateStoreDir(storeDir);
    if (after.length > 0) throw new RestoreRefusedError(storeText({ code: 'restore.resultFails', setAside }), after);
    return { snapshot: snapshotDir, setAside, files: restored };
  } finally {
    release();
  }
}
