// npm run import -- <text.txt> --out <utkast.json> [--area <område>]
// Reads an area's published medborgarlöfte text and writes the agreement draft(s) in the format of
// data/agreements/*.json (one object, or an array when the text holds several agreements), then
// prints what it understood, with the unsure fields marked, for a coordinator to check.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { stockholmDate } from '../domain/calendar.js';
import { importAgreements } from '../domain/import/importText.js';
import { importSummaryLines } from '../views/importSummary.js';
import { UsageError } from './toolErrors.js';

export const USAGE = `Användning: npm run import -- <text.txt> --out <utkast.json> [--area <område>]

  <text.txt>  medborgarlöftestexten som den är publicerad (UTF-8)
  --out       filen att skriva utkastet till (JSON som data/agreements/*.json; "-" skriver till standard ut)
  --area      områdets id, t.ex. jonkoping (standard: av kommunens namn)

Exempel: npm run import -- ../shared/seeds/jonkoping-medborgarloften.txt --out utkast.json`;

interface ImportCliOptions {
  input: string;
  out: string;
  area?: string;
}

function parseCli(argv: readonly string[]): ImportCliOptions | 'help' {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      options: { out: { type: 'string' }, area: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: true,
    });
  } catch (error) {
    const unknown = /'([^']+)'/u.exec((error as Error).message)?.[1];
    throw new UsageError(unknown ? `Okänt argument: ${unknown}` : 'Argumenten kunde inte läsas.');
  }
  if (parsed.values.help) return 'help';
  const [input, ...extra] = parsed.positionals;
  if (!input) throw new UsageError('Ange textfilen att läsa in.');
  if (extra.length > 0) throw new UsageError(`En textfil i taget: "${extra.join(' ')}" är för mycket.`);
  const out = parsed.values.out?.trim();
  if (!out) throw new UsageError('Ange var utkastet ska skrivas med --out, t.ex. --out utkast.json.');
  const area = parsed.values.area?.trim();
  if (area !== undefined && !/^[a-z0-9]+(?:-[a-z0-9]+)*$/u.test(area)) {
    throw new UsageError(`Områdets id "${area}" ska skrivas med små bokstäver a-z, siffror och bindestreck.`);
  }
  return { input, out, ...(area ? { area } : {}) };
}

/** Runs the command; returns the exit code: 0 written, 1 nothing understood or file error, 2 usage error. */
export async function main(argv: readonly string[], now: Date = new Date()): Promise<number> {
  let options: ImportCliOptions | 'help';
  try {
    options = parseCli(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`${error.message}\n\n${USAGE}`);
    return 2;
  }
  if (options === 'help') {
    console.log(USAGE);
    return 0;
  }
  let text: string;
  try {
    text = await readFile(options.input, 'utf8');
  } catch (error) {
    console.error(
      `Kunde inte läsa ${options.input}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
    );
    return 1;
  }
  const result = importAgreements(text, { today: stockholmDate(now), ...(options.area ? { area: options.area } : {}) });
  for (const p of result.problems) console.error(`Kunde inte läsa in: ${p}`);
  if (result.drafts.length === 0) {
    console.error(
      `Inget medborgarlöfte kunde läsas ur ${options.input}: inga löften eller aktiviteter hittades. Inget skrevs.`,
    );
    return 1;
  }
  const agreements = result.drafts.map((d) => d.agreement);
  const json = `${JSON.stringify(agreements.length === 1 ? agreements[0] : agreements, null, 2)}\n`;
  if (options.out === '-') {
    process.stdout.write(json);
  } else {
    try {
      await writeFile(options.out, json);
    } catch (error) {
      console.error(
        `Kunde inte skriva ${options.out}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
      );
      return 1;
    }
  }
  const log = options.out === '-' ? console.error : console.log;
  for (const line of importSummaryLines(result.drafts)) log(line);
  if (options.out !== '-')
    log(
      `Skrev ${options.out}: ${agreements.length === 1 ? 'ett utkast' : `${agreements.length} utkast`}. Granska fälten med "?" innan utkastet används.`,
    );
  return 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await main(process.argv.slice(2));
}
