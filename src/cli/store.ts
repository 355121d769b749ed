// npm run store:check | store:snapshot | store:restore -- <snapshot>: the operator's tools for the
// store folder (STORE_DIR, default data/store, or --store <dir>).
//
// check     validates every file of the live store and of every snapshot; prints what is wrong and
//           where; exit 0 when all is well, 1 on any problem.
// snapshot  takes a snapshot now (only while no bot runs: a running bot takes its own, nightly).
// restore   restores a snapshot (a folder, its name under backups/, or "senaste"); refuses while a
//           bot holds the store; the replaced files are moved to STORE_DIR/ersatt-<time>/.
// Exit codes: 0 done, 1 a problem found or a refusal, 2 usage error.
import 'dotenv/config';
import { userInfo } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { listSnapshots, takeSnapshot, validateSnapshot, validateStoreDir, type Problem } from '../store/backups.js';
import { lockStoreDir, StoreLockedError } from '../store/lock.js';
import { resolveSnapshot, restoreSnapshot, RestoreRefusedError } from '../store/restore.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

const USAGE = `Användning:
  npm run store:check [-- --store <mapp>]
  npm run store:snapshot [-- --store <mapp>]
  npm run store:restore -- <säkerhetskopia | senaste> [--store <mapp>]`;

function show(out: NodeJS.WriteStream, problems: Problem[]): void {
  for (const p of problems) out.write(`  FEL  ${p.file}: ${p.problem}\n`);
}

/** Runs one command; returns the exit code. Output goes to the given streams (tests capture them). */
export async function runStoreCli(
  argv: string[],
  env: Record<string, string | undefined>,
  io: { out: NodeJS.WriteStream; err: NodeJS.WriteStream } = { out: process.stdout, err: process.stderr },
  now: () => Date = () => new Date(),
): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: { store: { type: 'string' } }, allowPositionals: true });
  } catch (error) {
    io.err.write(`${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const [command, ...rest] = parsed.positionals;
  const storeDir = path.resolve(ROOT, parsed.values.store?.trim() || env.STORE_DIR?.trim() || 'data/store');

  if (command === 'check' && rest.length === 0) {
    let bad = 0;
    const live = await validateStoreDir(storeDir);
    io.out.write(`${live.length === 0 ? 'OK ' : 'FEL'} lagringen ${storeDir}\n`);
    show(io.out, live);
    bad += live.length;
    const snapshots = await listSnapshots(storeDir);
    for (const s of snapshots) {
      const problems = await validateSnapshot(s.dir, { asStore: s.manifest.reason !== 'upgrade' });
      io.out.write(
        `${problems.length === 0 ? 'OK ' : 'FEL'} säkerhetskopia ${s.dir} (${s.manifest.reason}, ${s.manifest.files.length} filer)\n`,
      );
      show(io.out, problems);
      bad += problems.length;
    }
    io.out.write(
      bad === 0 ? `Allt i ordning: lagringen och ${snapshots.length} säkerhetskopior.\n` : `${bad} problem hittade.\n`,
    );
    return bad === 0 ? 0 : 1;
  }

  if (command === 'snapshot' && rest.length === 0) {
    let release: () => void;
    try {
      release = lockStoreDir(storeDir);
    } catch (error) {
      if (!(error instanceof StoreLockedError)) throw error;
      io.err.write(`${error.message} Boten tar själv en säkerhetskopia varje natt.\n`);
      return 1;
    }
    try {
      const s = await takeSnapshot(storeDir, 'manual', { now: now() });
      io.out.write(`Säkerhetskopia tagen och kontrollerad: ${s.dir} (${s.manifest.files.length} filer).\n`);
      return 0;
    } finally {
      release();
    }
  }

  if (command === 'restore' && rest.length === 1 && rest[0]) {
    try {
      const snapshot = await resolveSnapshot(storeDir, rest[0]);
      const user = userInfo().username;
      const result = await restoreSnapshot(storeDir, snapshot, {
        now: now(),
        operator: { id: `cli:${user}`, name: user },
      });
      io.out.write(
        `Återställd från ${result.snapshot} (${result.files.length} filer). De ersatta filerna ligger i ${result.setAside}.\n`,
      );
      return 0;
    } catch (error) {
      if (error instanceof StoreLockedError) {
        io.err.write(`Återställer inte: ${error.message}\n`);
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

  io.err.write(`${USAGE}\n`);
  return 2;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  runStoreCli(process.argv.slice(2), process.env).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error('Fel:', error);
      process.exit(1);
    },
  );
}
