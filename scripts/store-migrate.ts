// npm run store:migrate -- [--from <dir>] [--to <url>]: moves a file store into an EMPTY PostgreSQL
// database, then checks the rows per table and each agreement's status figures on both, and prints
// the comparison. --from defaults to STORE_DIR or data/store, --to to DATABASE_URL. Stop the bot
// first: the file store is read as it is at the start of the copy.
// Exit codes: 0 copied and the same, 1 refused, a problem or a difference, 2 usage error.
import 'dotenv/config';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { formatMoveReport, moveFileStore } from '../src/store/postgres/fileImport.js';
import { redactedUrl } from '../src/store/postgres/db.js';
import { ServiceUrlStore } from '../src/store/serviceUrls.js';
import { fileStorage, readOnlyStorage } from '../src/store/storage.js';
import { Store } from '../src/store/store.js';
import { argumentProblem, fixFor } from '../src/cli/toolErrors.js';
import { migrateToolTexts as texts } from '../src/views/cliTexts.js';

interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

/** Runs the move; returns the exit code. `today` is the status figures' date. */
export async function runStoreMigrate(
  argv: string[],
  env: Record<string, string | undefined>,
  io: Io = { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) },
  today: string = new Date().toISOString().slice(0, 10),
): Promise<number> {
  let values: { from?: string | undefined; to?: string | undefined };
  try {
    values = parseArgs({ args: argv, options: { from: { type: 'string' }, to: { type: 'string' } } }).values;
  } catch (error) {
    io.err(`${argumentProblem(error)}\n${texts.usage}\n`);
    return 2;
  }
  const from = path.resolve(values.from?.trim() || env.STORE_DIR?.trim() || 'data/store');
  const to = values.to?.trim() || env.DATABASE_URL?.trim();
  if (!to) {
    io.err(`${texts.noDatabase}\n${texts.usage}\n`);
    return 2;
  }
  if (!existsSync(path.join(from, 'areas.json'))) {
    io.err(`${texts.noFileStore(from)}\n`);
    return 1;
  }
  try {
    const storage = readOnlyStorage(fileStorage(from));
    const store = await Store.open(storage, [], { readOnly: true });
    const serviceUrls = existsSync(path.join(from, 'service-urls.json'))
      ? await ServiceUrlStore.open(storage)
      : undefined;
    io.out(`${texts.copying(from, redactedUrl(to))}\n`);
    const report = await moveFileStore(store, serviceUrls, to, today);
    io.out(`${formatMoveReport(report)}\n`);
    io.out(`${report.ok ? texts.same : texts.differs}\n`);
    return report.ok ? 0 : 1;
  } catch (error) {
    const fix = fixFor(error);
    io.err(`${error instanceof Error ? error.message : String(error)}\n${fix ? `${fix}\n` : ''}`);
    return 1;
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url))
  process.exitCode = await runStoreMigrate(process.argv.slice(2), process.env);
