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
import { render } from '../views/catalogue.js';
import { importTexts } from '../views/importTexts.js';
import { importToolTexts as texts } from '../views/cliTexts.js';
import { argumentProblem, fixFor, UsageError } from './toolErrors.js';

export const USAGE = texts.usage;

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
    throw new UsageError(argumentProblem(error));
  }
  if (parsed.values.help) return 'help';
  const [input, ...extra] = parsed.positionals;
  if (!input) throw new UsageError(texts.inputMissing);
  if (extra.length > 0) throw new UsageError(texts.oneInput(extra.join(' ')));
  const out = parsed.values.out?.trim();
  if (!out) throw new UsageError(texts.outMissing);
  const area = parsed.values.area?.trim();
  if (area !== undefined && !/^[a-z0-9]+(?:-[a-z0-9]+)*$/u.test(area)) {
    throw new UsageError(texts.areaForm(area));
  }
  return { input, out, ...(area ? { area } : {}) };
}

/** The errno code of a failed read or write (ENOENT, EACCES, …), else its message. */
const reasonOf = (error: unknown): string => (error as NodeJS.ErrnoException).code ?? (error as Error).message;

/** Prints `line`, and under it the error catalogue's fix when the failure is a known one (a full disk, no permission). */
function fileFailure(line: string, error: unknown): void {
  console.error(line);
  const fix = fixFor(error);
  if (fix) console.error(fix);
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
    fileFailure(texts.couldNotRead(options.input, texts.fileReason(reasonOf(error))), error);
    return 1;
  }
  const result = importAgreements(text, { today: stockholmDate(now), ...(options.area ? { area: options.area } : {}) });
  for (const p of result.problems) console.error(texts.problem(render(importTexts, p)));
  if (result.drafts.length === 0) {
    console.error(texts.nothingRead(options.input));
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
      fileFailure(texts.couldNotWrite(options.out, reasonOf(error)), error);
      return 1;
    }
  }
  const log = options.out === '-' ? console.error : console.log;
  for (const line of importSummaryLines(result.drafts)) log(line);
  if (options.out !== '-') log(texts.wrote(options.out, agreements.length));
  return 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await main(process.argv.slice(2));
}
