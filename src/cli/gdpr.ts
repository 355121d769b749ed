// npm run gdpr -- export --user <id> | erase --user <id>: the data protection officer's requests
// (GDPR art. 15 and 17) for one person, by the id the bot stores (Entra object id, or the channel's
// user id). The store folder is STORE_DIR (default data/store) or --store <dir>.
//
// export  everything stored about the person as JSON (standard output, or --out <file>); reads only.
// erase   replaces the person's id and name with a pseudonym in every file and the audit log; the
//         figures stay (entries are kept, only who made them is gone); the erasure is recorded.
//         Refused while a bot holds the store.
// Exit codes: 0 done, 1 a refusal or a problem, 2 usage error.
import 'dotenv/config';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { fileAppendLog } from '../store/appendLog.js';
import { AuditLog } from '../store/auditLog.js';
import { validateStoreDir } from '../store/backups.js';
import { lockStoreDir, StoreLockedError } from '../store/lock.js';
import { findPerson, newPseudonym, replacePerson } from '../store/personalRecords.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

const USAGE = `Användning:
  npm run gdpr -- export --user <id> [--out <fil>] [--store <mapp>]
  npm run gdpr -- erase --user <id> [--store <mapp>]`;

interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
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
    io.err(`${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const [command, ...rest] = parsed.positionals;
  const user = parsed.values.user?.trim();
  if ((command !== 'export' && command !== 'erase') || rest.length > 0 || !user) {
    io.err(`${USAGE}\n`);
    return 2;
  }
  const storeDir = path.resolve(ROOT, parsed.values.store?.trim() || env.STORE_DIR?.trim() || 'data/store');
  if (!existsSync(path.join(storeDir, 'areas.json')) && !existsSync(path.join(storeDir, 'agreements.json'))) {
    io.err(`Hittar ingen lagring i ${storeDir}. Sätt STORE_DIR eller --store.\n`);
    return 1;
  }

  if (command === 'export') {
    const found = await findPerson(storeDir, user);
    const report = {
      user,
      exportedAt: now().toISOString(),
      store: storeDir,
      names: found.names,
      records: found.records,
      audit: found.audit,
    };
    const text = `${JSON.stringify(report, null, 2)}\n`;
    if (parsed.values.out) {
      await writeFile(path.resolve(ROOT, parsed.values.out), text, 'utf8');
      io.err(
        `Skrev ${found.records.length} poster och ${found.audit.length} granskningsposter till ${parsed.values.out}.\n`,
      );
    } else io.out(text);
    if (found.records.length === 0 && found.audit.length === 0) io.err(`Inget i lagringen gäller ${user}.\n`);
    return 0;
  }

  let release: () => void;
  try {
    release = lockStoreDir(storeDir);
  } catch (error) {
    if (!(error instanceof StoreLockedError)) throw error;
    io.err(`Raderar inte: ${error.message}\n`);
    return 1;
  }
  try {
    const found = await findPerson(storeDir, user);
    if (found.records.length === 0 && found.audit.length === 0) {
      io.out(`Inget i lagringen gäller ${user}; inget ändrat.\n`);
      return 0;
    }
    const pseudonym = newPseudonym();
    const changed = await replacePerson(storeDir, user, pseudonym);
    const operator = userInfo().username;
    const audit = await AuditLog.open(fileAppendLog(path.join(storeDir, 'audit.jsonl')));
    const total = Object.values(changed).reduce((a, b) => a + b, 0);
    await audit.record({
      at: now().toISOString(),
      by: { id: `cli:${operator}`, name: operator },
      via: 'cli',
      action: 'person.erased',
      detail: `ersatt med ${pseudonym.id} i ${total} poster`,
    });
    const problems = await validateStoreDir(storeDir);
    for (const [file, n] of Object.entries(changed)) io.out(`  ${file}: ${n}\n`);
    if (problems.length > 0) {
      for (const p of problems) io.err(`  FEL  ${p.file}: ${p.problem}\n`);
      return 1;
    }
    io.out(
      `Klart: ${user} är ersatt med ${pseudonym.id} ("${pseudonym.name}") i ${total} poster. Siffrorna är desamma. Säkerhetskopior äldre än i dag har kvar uppgifterna tills de gallras (BACKUP_KEEP_DAYS).\n`,
    );
    return 0;
  } finally {
    release();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  runGdprCli(process.argv.slice(2), process.env).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error('Fel:', error);
      process.exit(1);
    },
  );
}
