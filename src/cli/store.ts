// npm run store:check | store:snapshot | store:restore -- <snapshot>: the operator's tools for the
// store folder (STORE_DIR, default data/store, or --store <dir>). They are the file store's own:
// with DATABASE_URL set, snapshot and restore refuse (PostgreSQL is backed up with pg_dump or the
// managed service's backups), and check reads every row through the port instead.
//
// check     validates every file of the live store and of every snapshot; prints what is wrong and
//           where; exit 0 when all is well, 1 on any problem. On PostgreSQL: every row read and
//           validated through the port.
// snapshot  takes a snapshot now (only while no bot runs: a running bot takes its own, nightly).
// restore   restores a snapshot (a folder, its name under backups/, or "senaste"); refuses while a
//           bot holds the store; the replaced files are moved to STORE_DIR/ersatt-<time>/.
// Exit codes: 0 done, 1 a problem found or a refusal, 2 usage error.
import 'dotenv/config';
import { existsSync } from 'node:fs';
import { userInfo } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { StorePort } from '../app/port/index.js';
import { listSnapshots, takeSnapshot, validateSnapshot, validateStoreDir, type Problem } from '../store/backups.js';
import { lockStoreDir, StoreLockedError } from '../store/lock.js';
import { resolveSnapshot, restoreSnapshot, RestoreRefusedError } from '../store/restore.js';
import { storeToolTexts as texts } from '../views/cliTexts.js';
import { databaseUrl, NoStoreError, openToolStore, storeFailure } from './toolStore.js';
import { argumentProblem, printUnexpected } from './toolErrors.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

const USAGE = texts.usage;

function show(out: NodeJS.WriteStream, problems: Problem[]): void {
  for (const p of problems) out.write(`${texts.problem(p.file, p.problem)}\n`);
}

/**
 * Reads every record of the database through the port; each store validates what it reads, so a
 * row that does not fit its schema throws. Resolves with what was read.
 */
async function readEverything(
  port: StorePort,
): Promise<{ areas: number; agreements: number; entries: number; audit: number }> {
  const areas = await port.areas.areas();
  let agreements = 0;
  let entries = 0;
  for (const area of areas) {
    await port.areas.history(area.id);
    const records = port.records(area.id);
    const theirs = await records.agreements();
    agreements += theirs.length;
    entries += (await records.allEntries()).length;
    for (const a of theirs) await records.completions(a.id);
  }
  await Promise.all([port.subscriptions.all(), port.meetings.active(), port.reminders.all(), port.publications.all()]);
  const audit = (await port.audit.read()).length;
  return { areas: areas.length, agreements, entries, audit };
}

/** store:check on PostgreSQL: exit 0 when every row reads and validates, 1 otherwise. */
async function checkDatabase(
  env: Record<string, string | undefined>,
  io: { out: NodeJS.WriteStream },
): Promise<number> {
  let store;
  try {
    store = await openToolStore('read', '', env);
  } catch (error) {
    const failure = storeFailure(error);
    if (!failure) throw error;
    io.out.write(`${texts.databaseProblem(failure)}\n`);
    return 1;
  }
  try {
    const read = await readEverything(store.port);
    const url = store.where.kind === 'postgres' ? store.where.url : '';
    io.out.write(`${texts.databaseChecked(url, read.areas, read.agreements, read.entries, read.audit)}\n`);
    return 0;
  } catch (error) {
    io.out.write(`${texts.databaseProblem(error instanceof Error ? error.message : String(error))}\n`);
    return 1;
  } finally {
    await store.close();
  }
}

type Io = { out: NodeJS.WriteStream; err: NodeJS.WriteStream };

/** store:check on the folder: the live store and every snapshot; exit 0 when all is well, 1 on any problem. */
async function checkFiles(storeDir: string, io: Io): Promise<number> {
  let bad = 0;
  const live = await validateStoreDir(storeDir);
  io.out.write(`${texts.liveStore(live.length === 0, storeDir)}\n`);
  show(io.out, live);
  bad += live.length;
  const snapshots = await listSnapshots(storeDir);
  for (const s of snapshots) {
    const problems = await validateSnapshot(s.dir, { asStore: s.manifest.reason !== 'upgrade' });
    io.out.write(`${texts.snapshot(problems.length === 0, s.dir, s.manifest.reason, s.manifest.files.length)}\n`);
    show(io.out, problems);
    bad += problems.length;
  }
  io.out.write(`${bad === 0 ? texts.allWell(snapshots.length) : texts.problems(bad)}\n`);
  return bad === 0 ? 0 : 1;
}

/** store:snapshot: only while no bot holds the folder (a running bot takes its own, nightly). */
async function snapshotFiles(storeDir: string, io: Io, now: Date): Promise<number> {
  let release: () => void;
  try {
    release = lockStoreDir(storeDir);
  } catch (error) {
    if (!(error instanceof StoreLockedError)) throw error;
    io.err.write(`${texts.botTakesNightly(error.message)}\n`);
    return 1;
  }
  try {
    const s = await takeSnapshot(storeDir, 'manual', { now });
    io.out.write(`${texts.snapshotTaken(s.dir, s.manifest.files.length)}\n`);
    return 0;
  } finally {
    release();
  }
}

/** store:restore of the snapshot `name`; refused while a bot holds the folder or when the snapshot is bad. */
async function restoreFiles(storeDir: string, name: string, io: Io, now: Date): Promise<number> {
  try {
    const snapshot = await resolveSnapshot(storeDir, name);
    const user = userInfo().username;
    const result = await restoreSnapshot(storeDir, snapshot, { now, operator: { id: `cli:${user}`, name: user } });
    io.out.write(`${texts.restored(result.snapshot, result.files.length, result.setAside)}\n`);
    return 0;
  } catch (error) {
    if (error instanceof StoreLockedError) {
      io.err.write(`${texts.notRestoring(error.message)}\n`);
      return 1;
    }
    if (error instanceof RestoreRefusedError) {
      io.err.write(`${error.message}\n`);
      show(io.err, error.problems);
      return 1;
    }
    throw error;
  }
}

/** Runs one command; returns the exit code. Output goes to the given streams (tests capture them). */
export async function runStoreCli(
  argv: string[],
  env: Record<string, string | undefined>,
  io: Io = { out: process.stdout, err: process.stderr },
  now: () => Date = () => new Date(),
): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: { store: { type: 'string' } }, allowPositionals: true });
  } catch (error) {
    io.err.write(`${argumentProblem(error)}\n${USAGE}\n`);
    return 2;
  }
  const [command, ...rest] = parsed.positionals;
  if (databaseUrl(env)) {
    if (command === 'check' && rest.length === 0) return checkDatabase(env, io);
    if (command === 'snapshot' || command === 'restore') {
      io.err.write(`${texts.fileStoreOnly(command)}\n`);
      return 1;
    }
  }
  const storeDir = path.resolve(ROOT, parsed.values.store?.trim() || env.STORE_DIR?.trim() || 'data/store');
  const run = fileCommand(command, rest, storeDir, io, now);
  if (!run) {
    io.err.write(`${USAGE}\n`);
    return 2;
  }
  if (!existsSync(storeDir)) {
    io.err.write(`${storeFailure(new NoStoreError(storeDir, path.join(storeDir, 'areas.json')))}\n`);
    return 1;
  }
  return run();
}

/** The file store's command `command` with its arguments, ready to run; undefined when it is not one. */
function fileCommand(
  command: string | undefined,
  rest: string[],
  storeDir: string,
  io: Io,
  now: () => Date,
): (() => Promise<number>) | undefined {
  if (command === 'check' && rest.length === 0) return () => checkFiles(storeDir, io);
  if (command === 'snapshot' && rest.length === 0) return () => snapshotFiles(storeDir, io, now());
  if (command === 'restore' && rest.length === 1 && rest[0]) return () => restoreFiles(storeDir, rest[0]!, io, now());
  return undefined;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  runStoreCli(process.argv.slice(2), process.env).then(
    (code) => process.exit(code),
    (error: unknown) => {
      printUnexpected(error);
      process.exit(1);
    },
  );
}
