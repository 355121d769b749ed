// npm run gdpr -- export --user <id> | erase --user <id>: the data protection officer's requests
// (GDPR art. 15 and 17) for one person, by the id the bot stores (Entra object id, or the channel's
// user id), through the store's port: the store folder (STORE_DIR, default data/store, or --store
// <dir>), or PostgreSQL when DATABASE_URL is set.
//
// export  everything stored about the person as JSON (standard output, or --out <file>); reads only.
// erase   replaces the person's id and name with a pseudonym in every record and the audit log; the
//         figures stay (entries are kept, only who made them is gone); the erasure is recorded. On
//         the folder it is refused while a bot holds the store, and the folder is checked after.
// Exit codes: 0 done, 1 a refusal or a problem, 2 usage error.
import 'dotenv/config';
import { writeFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { validateStoreDir } from '../store/backups.js';
import { StoreLockedError } from '../store/lock.js';
import { newPseudonym } from '../store/personalRecords.js';
import { gdprTexts as texts } from '../views/cliTexts.js';
import { openToolStore, storeFailure, type ToolStore } from './toolStore.js';
import { argumentProblem, printUnexpected } from './toolErrors.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

async function exportPerson(store: ToolStore, user: string, out: string | undefined, io: Io, now: Date) {
  const found = await store.port.personalData.find(user);
  const report = {
    user,
    exportedAt: now.toISOString(),
    store: store.where.kind === 'file' ? store.where.dir : store.where.url,
    names: found.names,
    records: found.records,
    audit: found.audit,
  };
  const text = `${JSON.stringify(report, null, 2)}\n`;
  if (out) {
    await writeFile(path.resolve(ROOT, out), text, 'utf8');
    io.err(`${texts.wroteExport(found.records.length, found.audit.length, out)}\n`);
  } else io.out(text);
  if (found.records.length === 0 && found.audit.length === 0) io.err(`${texts.nothingAbout(user)}\n`);
  return 0;
}

async function erasePerson(store: ToolStore, user: string, io: Io, now: Date): Promise<number> {
  const found = await store.port.personalData.find(user);
  if (found.records.length === 0 && found.audit.length === 0) {
    io.out(`${texts.nothingToErase(user)}\n`);
    return 0;
  }
  const pseudonym = newPseudonym();
  const operator = userInfo().username;
  const counts = await store.port.personalData.erase(user, pseudonym, {
    by: { id: `cli:${operator}`, name: operator },
    at: now,
    via: 'cli',
  });
  for (const [place, n] of Object.entries(counts.places)) io.out(`  ${place}: ${n}\n`);
  if (store.where.kind === 'file') {
    const problems = await validateStoreDir(store.where.dir);
    if (problems.length > 0) {
      for (const p of problems) io.err(`${texts.problem(p.file, p.problem)}\n`);
      return 1;
    }
  }
  io.out(`${texts.erased(user, pseudonym, counts.total, store.where)}\n`);
  return 0;
}

/** Runs one request; returns the exit code. */
export async function runGdprCli(
  argv: string[],
  env: Record<string, string | undefined>,
  io: Io = { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) },
  now: () => Date = () => new Date(),
): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: { user: { type: 'string' }, out: { type: 'string' }, store: { type: 'string' } },
      allowPositionals: true,
    });
  } catch (error) {
    io.err(`${argumentProblem(error)}\n${texts.usage}\n`);
    return 2;
  }
  const [command, ...rest] = parsed.positionals;
  const user = parsed.values.user?.trim();
  if ((command !== 'export' && command !== 'erase') || rest.length > 0 || !user) {
    io.err(`${texts.usage}\n`);
    return 2;
  }
  const storeDir = path.resolve(ROOT, parsed.values.store?.trim() || env.STORE_DIR?.trim() || 'data/store');
  let store: ToolStore;
  try {
    store = await openToolStore(command === 'export' ? 'read' : 'erase', storeDir, env);
  } catch (error) {
    const failure = storeFailure(error);
    if (!failure) throw error;
    io.err(`${error instanceof StoreLockedError ? texts.notErasing(error.message) : failure}\n`);
    return 1;
  }
  try {
    return command === 'export'
      ? await exportPerson(store, user, parsed.values.out, io, now())
      : await erasePerson(store, user, io, now());
  } finally {
    await store.close();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  runGdprCli(process.argv.slice(2), process.env).then(
    (code) => process.exit(code),
    (error: unknown) => {
      printUnexpected(error);
      process.exit(1);
    },
  );
}
