// npm run report -- --year 2020 --tertial 1 --format pdf|html|csv --out <fil>
// The same documents the bot links to, made from the store without the bot running: the store
// folder read-only (a missing store is an error rather than a new, seeded one), or PostgreSQL when
// DATABASE_URL is set. It only reads, through the port.
import 'dotenv/config';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { AreaRecords, StorePort } from '../app/port/index.js';
import { tertialRange, type Tertial } from '../domain/calendar.js';
import { agreementForTertial } from '../domain/followUp.js';
import { readArea, renderEntriesCsv, renderPublication, type RenderedReport } from '../report/reports.js';
import { reportTexts as texts, toolTexts } from '../views/cliTexts.js';
import { openToolStore, storeFailure } from './toolStore.js';
import { argumentProblem, fixFor, NoReportError, UsageError } from './toolErrors.js';

export const USAGE = texts.usage;

/** --help: the usage is the answer, not an error. */
class HelpRequested extends UsageError {}

export interface ReportOptions {
  year: number;
  tertial?: Tertial;
  format: 'pdf' | 'html' | 'csv';
  out?: string;
  storeDir: string;
  area?: string;
}

export function parseCli(argv: readonly string[], env: Record<string, string | undefined>): ReportOptions {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        year: { type: 'string' },
        tertial: { type: 'string' },
        format: { type: 'string' },
        out: { type: 'string' },
        store: { type: 'string' },
        area: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new UsageError(argumentProblem(error));
  }
  if (values.help) throw new HelpRequested();
  const text = (v: string | boolean | undefined) => (typeof v === 'string' ? v.trim() : undefined);

  const yearText = text(values.year);
  if (!yearText) throw new UsageError(texts.yearMissing);
  if (!/^\d{4}$/u.test(yearText)) throw new UsageError(texts.yearForm(yearText));

  const tertialText = text(values.tertial)?.replace(/^t/iu, '');
  if (tertialText !== undefined && !['1', '2', '3'].includes(tertialText)) {
    throw new UsageError(texts.noSuchTertial(text(values.tertial) ?? ''));
  }
  const out = text(values.out);
  const inferred = out && /\.(pdf|html|csv)$/iu.exec(out)?.[1]?.toLowerCase();
  const format = text(values.format)?.toLowerCase() ?? inferred ?? 'pdf';
  if (format !== 'pdf' && format !== 'html' && format !== 'csv') throw new UsageError(texts.noSuchFormat(format));
  if (format !== 'csv' && tertialText === undefined) throw new UsageError(texts.tertialMissing);

  return {
    year: Number(yearText),
    ...(tertialText ? { tertial: Number(tertialText) as Tertial } : {}),
    format,
    ...(out ? { out } : {}),
    storeDir: text(values.store) || env.STORE_DIR?.trim() || 'data/store',
    ...(text(values.area) ? { area: text(values.area) } : {}),
  };
}

/** The area the report is for: the one named, or the store's only one. */
async function chooseArea(port: StorePort, wanted: string | undefined): Promise<AreaRecords> {
  const areas = await port.areas.areas();
  const ids = areas.map((a) => a.id).join(', ') || 'inga';
  if (wanted === undefined) {
    const only = areas.length === 1 ? areas[0] : undefined;
    if (!only) throw new UsageError(texts.severalAreas(ids));
    return port.records(only.id);
  }
  if (!areas.some((a) => a.id === wanted)) throw new NoReportError(texts.noSuchArea(wanted, ids));
  return port.records(wanted);
}

/** The report from the port's records (of the area chosen by `options.area`). */
export async function reportFrom(port: StorePort, options: ReportOptions): Promise<RenderedReport> {
  const records = await chooseArea(port, options.area);
  const { year, tertial } = options;
  const agreements = await records.agreements();
  if (options.format === 'csv') {
    const range = tertial ? tertialRange(year, tertial) : { start: `${year}-01-01`, end: `${year}-12-31` };
    const touches = (a: { period: { start: string; end: string } }) =>
      a.period.start <= range.end && range.start <= a.period.end;
    if (!agreements.some(touches)) throw new NoReportError(texts.noAgreement(year, tertial));
    const reads = await readArea(records, (a) => a.period.start <= `${year}-12-31` && `${year}-01-01` <= a.period.end);
    return renderEntriesCsv(reads, year, range, await port.audit.read({ areaId: records.areaId }));
  }
  if (!tertial) throw new UsageError(texts.tertialMissing);
  const agreement = agreementForTertial(agreements, { year, tertial });
  if (!agreement) throw new NoReportError(texts.noAgreement(year, tertial));
  const published = await port.publications.latest({ agreementId: agreement.id, year, tertial });
  if (!published) throw new NoReportError(texts.notPublished(year, tertial));
  return renderPublication(published, agreement.area, options.format);
}

/** Opens the store read-only (the folder, or PostgreSQL with DATABASE_URL), makes the report and closes it. */
export async function makeReport(
  options: ReportOptions,
  env: Record<string, string | undefined> = {},
): Promise<RenderedReport> {
  const store = await openToolStore('read', options.storeDir, env);
  try {
    return await reportFrom(store.port, options);
  } finally {
    await store.close();
  }
}

export async function main(argv: readonly string[], env: Record<string, string | undefined>): Promise<number> {
  try {
    const options = parseCli(argv, env);
    const report = await makeReport(options, env);
    if (options.out === '-') {
      process.stdout.write(report.body);
      return 0;
    }
    const file = options.out ?? report.filename;
    await writeFile(file, report.body);
    console.error(toolTexts.wrote(file, report.body.length));
    return 0;
  } catch (error) {
    if (error instanceof HelpRequested) {
      console.log(USAGE);
      return 0;
    }
    if (error instanceof UsageError) {
      console.error(`${error.message}\n\n${USAGE}`);
      return 2;
    }
    if (error instanceof NoReportError) {
      console.error(error.message);
      return 1;
    }
    const failure = storeFailure(error);
    if (failure) {
      console.error(failure);
      return 1;
    }
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EACCES' || code === 'EISDIR') {
      console.error(toolTexts.couldNotWrite((error as Error).message));
      const fix = fixFor(error);
      if (fix) console.error(fix);
      return 1;
    }
    throw error;
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await main(process.argv.slice(2), process.env);
}
