// Snapshots of the whole store folder in STORE_DIR/backups/<time>-<reason>/: every file of the
// store (JSON documents, the audit log, whatever the store holds), copied between writes, each
// flushed to disk, with a manifest of sizes and SHA-256 sums; the snapshot is validated after it is
// written (sums, and the store's own validation of every file) before it counts as one.
import { fork } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, open, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { parseAuditLog } from './auditLog.js';
import { checkEntriesJson } from './entriesLog.js';
import { ServiceUrlStore } from './serviceUrls.js';
import { fileStorage, readOnlyStorage, StoreFileError } from './storage.js';
import { Store } from './store.js';
import { syncPath } from './durable.js';
import { CodedError } from '../errors/codedError.js';
import { storeText } from '../views/storeTexts.js';

/** The store check in its own process ended without answering (it crashed, or was killed). */
class StoreCheckFailedError extends CodedError {
  override name = 'StoreCheckFailedError';
  readonly code = 'store.checkFailed';
}

/** A snapshot that did not pass its check after it was written (it has been removed). */
class SnapshotFailedError extends CodedError {
  readonly code = 'store.snapshotFailed';
  constructor(
    readonly dir: string,
    readonly problems: Problem[],
  ) {
    super(
      storeText({ code: 'failed.snapshot', dir, problems: problems.map((p) => `${p.file}: ${p.problem}`).join('; ') }),
    );
    this.name = 'SnapshotFailedError';
  }
}

export const BACKUPS_DIR = 'backups';
export const MANIFEST = 'snapshot.json';
const DAY_MS = 24 * 60 * 60 * 1000;

const snapshotReasons = ['start', 'nightly', 'upgrade', 'restore', 'manual'] as const;
export type SnapshotReason = (typeof snapshotReasons)[number];

const manifestSchema = z.object({
  version: z.literal(1),
  createdAt: z.string().datetime(),
  reason: z.enum(snapshotReasons),
  files: z.array(z.object({ name: z.string().min(1), bytes: z.number().int().min(0), sha256: z.string().length(64) })),
});

type SnapshotManifest = z.infer<typeof manifestSchema>;

export interface Snapshot {
  dir: string;
  manifest: SnapshotManifest;
}

export interface Problem {
  /** The file (or folder) the problem is in. */
  file: string;
  problem: string;
}

/** Store files, relative to `dir`: everything but dotfiles (the lock, temp files), backups and set-aside folders. */
export async function storeFiles(dir: string, under = ''): Promise<string[]> {
  const out: string[] = [];
  for (const item of await readdir(path.join(dir, under), { withFileTypes: true })) {
    if (item.name.startsWith('.')) continue;
    const name = under ? `${under}/${item.name}` : item.name;
    if (item.isDirectory()) {
      if (!under && (item.name === BACKUPS_DIR || item.name.startsWith('ersatt-'))) continue;
      out.push(...(await storeFiles(dir, name)));
    } else if (item.isFile()) out.push(name);
  }
  return out.sort();
}

async function sha256(file: string): Promise<{ sha256: string; bytes: number }> {
  const data = await readFile(file);
  return { sha256: createHash('sha256').update(data).digest('hex'), bytes: data.length };
}

/** "2026-11-29T03-00-00-000Z-nightly": sortable, and a valid file name everywhere. */
function snapshotName(at: Date, reason: SnapshotReason): string {
  return `${at.toISOString().replace(/[:.]/gu, '-')}-${reason}`;
}

/**
 * Copies every store file into a new snapshot folder and validates it. `betweenWrites` runs the
 * copy when no write is under way (Store.betweenWrites); without a running bot, pass nothing.
 * Throws (and leaves no snapshot folder) when the copy or its validation fails.
 */
export async function takeSnapshot(
  storeDir: string,
  reason: SnapshotReason,
  options: { now: Date; betweenWrites?: <T>(read: () => Promise<T>) => Promise<T> },
): Promise<Snapshot> {
  const root = path.join(storeDir, BACKUPS_DIR);
  await mkdir(root, { recursive: true });
  const name = snapshotName(options.now, reason);
  const temp = path.join(root, `.${name}.tmp`);
  const final = path.join(root, name);
  await rm(temp, { recursive: true, force: true });
  const copy = async (): Promise<SnapshotManifest> => {
    const files: SnapshotManifest['files'] = [];
    for (const file of await storeFiles(storeDir)) {
      const target = path.join(temp, file);
      await mkdir(path.dirname(target), { recursive: true });
      await copyFile(path.join(storeDir, file), target);
      await syncPath(target);
      files.push({ name: file, ...(await sha256(target)) });
    }
    return { version: 1, createdAt: options.now.toISOString(), reason, files };
  };
  try {
    await mkdir(temp, { recursive: true });
    const manifest = await (options.betweenWrites ? options.betweenWrites(copy) : copy());
    await writeFile(path.join(temp, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`, 'utf8');
    await syncPath(path.join(temp, MANIFEST));
    await syncPath(temp);
    await rename(temp, final);
    await syncPath(root);
    // Before a format upgrade the files are in the old format, which this code no longer reads as a store.
    const problems = await validateSnapshot(final, { asStore: reason !== 'upgrade' });
    if (problems.length > 0) {
      await rm(final, { recursive: true, force: true });
      throw new SnapshotFailedError(final, problems);
    }
    return { dir: final, manifest };
  } finally {
    await rm(temp, { recursive: true, force: true });
  }
}

/** The snapshots in STORE_DIR/backups, oldest first; folders without a readable manifest are left out. */
export async function listSnapshots(storeDir: string): Promise<Snapshot[]> {
  const root = path.join(storeDir, BACKUPS_DIR);
  if (!existsSync(root)) return [];
  const out: Snapshot[] = [];
  for (const item of await readdir(root, { withFileTypes: true })) {
    if (!item.isDirectory() || item.name.startsWith('.')) continue;
    const manifest = await readManifest(path.join(root, item.name)).catch(() => undefined);
    if (manifest) out.push({ dir: path.join(root, item.name), manifest });
  }
  return out.sort((a, b) => a.manifest.createdAt.localeCompare(b.manifest.createdAt));
}

async function readManifest(dir: string): Promise<SnapshotManifest> {
  return manifestSchema.parse(JSON.parse(await readFile(path.join(dir, MANIFEST), 'utf8')));
}

/** Takes a "start" snapshot when there is none younger than a day. Returns it, or undefined when none was due. */
export async function snapshotIfDue(
  storeDir: string,
  reason: SnapshotReason,
  options: { now: Date; betweenWrites?: <T>(read: () => Promise<T>) => Promise<T>; olderThanMs?: number },
): Promise<Snapshot | undefined> {
  const latest = (await listSnapshots(storeDir)).at(-1);
  const age = latest ? options.now.getTime() - new Date(latest.manifest.createdAt).getTime() : Infinity;
  if (age < (options.olderThanMs ?? DAY_MS)) return undefined;
  return takeSnapshot(storeDir, reason, options);
}

/** Deletes snapshots older than `keepDays` days, always keeping the newest. Returns the folders removed. */
export async function pruneSnapshots(storeDir: string, keepDays: number, now: Date): Promise<string[]> {
  const all = await listSnapshots(storeDir);
  const removed: string[] = [];
  for (const s of all.slice(0, -1)) {
    if (now.getTime() - new Date(s.manifest.createdAt).getTime() > keepDays * DAY_MS) {
      await rm(s.dir, { recursive: true, force: true });
      removed.push(s.dir);
    }
  }
  return removed;
}

/**
 * Everything wrong with a store folder (the live one, or a snapshot's): files that are not JSON
 * (or JSON Lines), a torn or damaged audit line, and whatever the store's own validation refuses
 * at start. Reads only.
 */
export async function validateStoreDir(dir: string): Promise<Problem[]> {
  const problems: Problem[] = [];
  if (!existsSync(path.join(dir, 'areas.json')) && !existsSync(path.join(dir, 'agreements.json')))
    problems.push({ file: path.join(dir, 'areas.json'), problem: storeText({ code: 'check.noStore' }) });
  for (const name of await storeFiles(dir)) {
    const file = path.join(dir, name);
    if (name === MANIFEST) continue;
    const text = await readFile(file, 'utf8').catch((e: Error) => {
      problems.push({ file, problem: storeText({ code: 'check.unreadable', reason: e.message }) });
      return undefined;
    });
    if (text === undefined) continue;
    if (name.endsWith('.json')) {
      try {
        if (/^entries-.*\.json$/.test(path.basename(name))) checkEntriesJson(text);
        else JSON.parse(text);
      } catch (e) {
        problems.push({ file, problem: `ogiltig JSON (${(e as Error).message})` });
      }
    } else if (name === 'audit.jsonl') {
      try {
        // Checked line by line, none kept: a year of records is not held for a check.
        if (parseAuditLog(text, file, false).torn)
          problems.push({ file, problem: storeText({ code: 'check.tornLine' }) });
      } catch (e) {
        problems.push({ file, problem: (e as StoreFileError).reason ?? (e as Error).message });
      }
    }
  }
  if (problems.length > 0) return problems;
  // The same validation the bot runs at start, reading only.
  try {
    const storage = readOnlyStorage(fileStorage(dir));
    await Store.open(storage, []);
    await ServiceUrlStore.open(storage);
  } catch (e) {
    if (e instanceof StoreFileError) problems.push({ file: e.file, problem: e.reason });
    else problems.push({ file: dir, problem: (e as Error).message });
  }
  return problems;
}

/** A snapshot's manifest and sums, then (unless `asStore` is false) its files as a store. */
export async function validateSnapshot(dir: string, options: { asStore?: boolean } = {}): Promise<Problem[]> {
  let manifest: SnapshotManifest;
  try {
    manifest = await readManifest(dir);
  } catch (e) {
    return [
      {
        file: path.join(dir, MANIFEST),
        problem: storeText({ code: 'check.manifestUnreadable', reason: (e as Error).message }),
      },
    ];
  }
  const problems: Problem[] = [];
  const listed = new Set(manifest.files.map((f) => f.name));
  for (const f of manifest.files) {
    const file = path.join(dir, f.name);
    const actual = await sha256(file).catch(() => undefined);
    if (!actual) problems.push({ file, problem: storeText({ code: 'check.missingInSnapshot' }) });
    else if (actual.sha256 !== f.sha256 || actual.bytes !== f.bytes)
      problems.push({ file, problem: storeText({ code: 'check.changed' }) });
  }
  for (const name of await storeFiles(dir))
    if (name !== MANIFEST && !listed.has(name))
      problems.push({ file: path.join(dir, name), problem: storeText({ code: 'check.notListed' }) });
  if (problems.length > 0 || options.asStore === false) return problems;
  return checkStoreDirApart(dir);
}

/**
 * validateStoreDir in a child process (checkProcess.ts). Checking a snapshot opens a second copy of
 * the store (a year of entries: a few hundred MB while it is read); in the bot's own process that
 * memory would stay reserved after the check (by V8 and the C allocator alike), so the check runs
 * apart and its memory goes with it. The child inherits the runtime's options (tsx in tests).
 */
function checkStoreDirApart(dir: string): Promise<Problem[]> {
  const source = new URL(import.meta.url).pathname.endsWith('.ts') ? 'checkProcess.ts' : 'checkProcess.js';
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(new URL(source, import.meta.url)), [dir], { stdio: 'inherit' });
    let answer: Problem[] | undefined;
    child.once('message', (problems) => (answer = problems as Problem[]));
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      if (answer) resolve(answer);
      else reject(new StoreCheckFailedError(`the store check ended (${signal ?? code}) without an answer`));
    });
  });
}

/** The file format this code writes; a store file with another "version" is upgraded (or refused) at start. */
const CURRENT_FORMAT_VERSION = 1;

/**
 * The store's files that the next start will upgrade to another format: a single-area store
 * (agreements.json without areas.json), or a JSON file whose "version" is not the current one.
 * A snapshot is due before they are upgraded.
 */
export async function outdatedFiles(storeDir: string): Promise<string[]> {
  if (!existsSync(storeDir)) return [];
  const out: string[] = [];
  if (existsSync(path.join(storeDir, 'agreements.json')) && !existsSync(path.join(storeDir, 'areas.json')))
    out.push('agreements.json');
  for (const name of await storeFiles(storeDir)) {
    if (!name.endsWith('.json')) continue;
    try {
      const version = await formatVersion(path.join(storeDir, name));
      if (typeof version === 'number' && version !== CURRENT_FORMAT_VERSION && !out.includes(name)) out.push(name);
    } catch {
      // Unreadable files are the store's validation's to report.
    }
  }
  return out;
}

const HEAD_BYTES = 256;

/**
 * A document's "version". The bot writes it first, so the file's first bytes usually tell; only a
 * file laid out otherwise is read whole. (Parsing a year's entries file at every start just for its
 * version cost as much memory as the store itself.)
 */
async function formatVersion(file: string): Promise<unknown> {
  const handle = await open(file, 'r');
  let head: string;
  try {
    const buffer = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, HEAD_BYTES, 0);
    head = buffer.subarray(0, bytesRead).toString('utf8');
  } finally {
    await handle.close();
  }
  const first = /^\s*\{\s*"version"\s*:\s*(\d+)\s*[,}]/u.exec(head);
  if (first) return Number(first[1]);
  return (JSON.parse(await readFile(file, 'utf8')) as { version?: unknown }).version;
}
