// npm run report -- --year 2020 --tertial 1 --format pdf|html|csv --out <fil>
// The same documents the bot links to, made from the store on disk without the bot running. It
// only reads: the store is opened through a storage whose writes fail, and a missing store is an
// error rather than a new, seeded one.
import 'dotenv/config';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { tertialRange, type Tertial } from '../domain/calendar.js';
import { agreementForTertial } from '../domain/followUp.js';
import { renderEntriesCsv, renderPublication, type RenderedReport } from '../report/reports.js';
import { fileStorage, readOnlyStorage, StoreFileError } from '../store/storage.js';
import { Store, type AreaStore } from '../store/store.js';

export const USAGE = `Användning: npm run report -- --year <år> [--tertial 1|2|3] [--format pdf|html|csv] [--out <fil>] [--area <id>]

  --year      året, t.ex. 2020 (krävs)
  --tertial   1, 2 eller 3 (krävs för pdf och html; för csv: bara den tertialens insatser)
  --format    pdf (standard), html eller csv
  --out       filen att skriva; "-" skriver till standard ut. Standard: rapportens namn i katalogen du står i
  --store     lagringskatalogen (standard: STORE_DIR, annars data/store)
  --area      områdets id, t.ex. habo (krävs när lagringen har flera områden; npm run area -- list visar dem)

Exempel: npm run report -- --year 2020 --tertial 1 --format pdf --out uppfoljning.pdf`;

export class UsageError extends Error {
  override name = 'UsageError';
}

/** Nothing wrong with the command, but nothing to make from this store. */
export class NoReportError extends Error {
  override name = 'NoReportError';
}

class HelpRequested extends Error {}

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
    const unknown = /'([^']+)'/u.exec((error as Error).message)?.[1];
    throw new UsageError(unknown ? `Okänt argument: ${unknown}` : 'Argumenten kunde inte läsas.');
  }
  if (values.help) throw new HelpRequested();
  const text = (v: string | boolean | undefined) => (typeof v === 'string' ? v.trim() : undefined);

  const yearText = text(values.year);
  if (!yearText) throw new UsageError('Ange året med --year, t.ex. --year 2020.');
  if (!/^\d{4}$/u.test(yearText)) throw new UsageError(`Året "${yearText}" ska skrivas med fyra siffror, t.ex. 2020.`);

  const tertialText = text(values.tertial)?.replace(/^t/iu, '');
  if (tertialText !== undefined && !['1', '2', '3'].includes(tertialText)) {
    throw new UsageError(
      `Tertial "${text(values.tertial) ?? ''}" finns inte: ange 1 (januari–april), 2 (maj–augusti) eller 3 (september–december).`,
    );
  }
  const out = text(values.out);
  const inferred = out && /\.(pdf|html|csv)$/iu.exec(out)?.[1]?.toLowerCase();
  const format = text(values.format)?.toLowerCase() ?? inferred ?? 'pdf';
  if (format !== 'pdf' && format !== 'html' && format !== 'csv')
    throw new UsageError(`Formatet "${format}" finns inte: ange pdf, html eller csv.`);
  if (format !== 'csv' && tertialText === undefined)
    throw new UsageError(`Ange tertialen med --tertial 1, 2 eller 3 (uppföljningen görs per tertial).`);

  return {
    year: Number(yearText),
    ...(tertialText ? { tertial: Number(tertialText) as Tertial } : {}),
    format,
    ...(out ? { out } : {}),
    storeDir: text(values.store) || env.STORE_DIR?.trim() || 'data/store',
    ...(text(values.area) ? { area: text(values.area) } : {}),
  };
}

export async function openStoreReadOnly(dir: string): Promise<Store> {
  if (!existsSync(path.join(dir, 'areas.json')) && !existsSync(path.join(dir, 'agreements.json'))) {
    throw new NoReportError(
      `Hittar ingen lagring i ${dir}: ${path.join(dir, 'areas.json')} finns inte. Sätt STORE_DIR eller --store till botens lagringskatalog.`,
    );
  }
  return Store.open(readOnlyStorage(fileStorage(dir)), []);
}

/** The area the report is for: the one named, or the store's only one. */
function chooseArea(store: Store, wanted: string | undefined): AreaStore {
  const areas = store.areas();
  const ids = areas.map((a) => a.id).join(', ') || 'inga';
  if (wanted === undefined) {
    const only = areas.length === 1 ? areas[0] : undefined;
    if (!only) throw new UsageError(`Lagringen har flera områden (${ids}): ange ett med --area.`);
    return store.inArea(only.id);
  }
  if (!store.area(wanted)) throw new NoReportError(`Området "${wanted}" finns inte i lagringen. Områden: ${ids}.`);
  return store.inArea(wanted);
}

export async function makeReport(options: ReportOptions): Promise<RenderedReport> {
  const all = await openStoreReadOnly(options.storeDir);
  const store = chooseArea(all, options.area);
  const { year, tertial } = options;
  if (options.format === 'csv') {
    const range = tertial ? tertialRange(year, tertial) : { start: `${year}-01-01`, end: `${year}-12-31` };
    if (store.agreements().every((a) => a.period.end < range.start || a.period.start > range.end)) {
      throw new NoReportError(
        `Inget medborgarlöfte i lagringen gäller ${tertial ? `tertial ${tertial} ` : ''}${year}.`,
      );
    }
    return renderEntriesCsv(store, year, range);
  }
  if (!tertial) throw new UsageError('Ange tertialen med --tertial 1, 2 eller 3.');
  const agreement = agreementForTertial(store.agreements(), { year, tertial });
  if (!agreement) throw new NoReportError(`Inget medborgarlöfte i lagringen gäller tertial ${tertial} ${year}.`);
  const published = all.publications.latest({ agreementId: agreement.id, year, tertial });
  if (!published) {
    throw new NoReportError(
      `Tertial ${tertial} ${year} är inte publicerad. En samordnare granskar och publicerar den med /uppföljning T${tertial} ${year} i boten.`,
    );
  }
  return renderPublication(published, agreement.area, options.format);
}

export async function main(argv: readonly string[], env: Record<string, string | undefined>): Promise<number> {
  try {
    const options = parseCli(argv, env);
    const report = await makeReport(options);
    if (options.out === '-') {
      process.stdout.write(report.body);
      return 0;
    }
    const file = options.out ?? report.filename;
    await writeFile(file, report.body);
    console.error(`Skrev ${file} (${report.body.length.toLocaleString('sv-SE')} byte).`);
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
    if (error instanceof StoreFileError || error instanceof NoReportError) {
      console.error(error.message);
      return 1;
    }
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EACCES' || code === 'EISDIR') {
      console.error(`Kunde inte skriva filen: ${(error as Error).message}`);
      return 1;
    }
    throw error;
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await main(process.argv.slice(2), process.env);
}
