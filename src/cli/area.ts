// npm run area -- add <område.json> | list | set <id> [--tenants a,b] [--coordinators x,y]
// The operator's tool for areas, on STORE_DIR. It changes nothing while a bot holds the store
// (the bot keeps the store in memory and would write over the change), and it writes nothing
// from a file it could not fully validate.
import 'dotenv/config';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { areaSchema, type Area } from '../domain/area.js';
import { agreementSchema } from '../domain/agreement.js';
import type { Person } from '../domain/entry.js';
import { checkAreaAgreements } from '../store/areaFiles.js';
import { loadBundledAgreements } from '../store/bundled.js';
import { lockStoreDir, StoreLockedError } from '../store/lock.js';
import { fileStorage, readOnlyStorage, StoreFileError } from '../store/storage.js';
import { Store } from '../store/store.js';

export const USAGE = `Användning:
  npm run area -- add <område.json>        lägger till ett område från en fil
  npm run area -- list                     visar alla områden med medborgarlöften, tenants och samordnare
  npm run area -- set <id> [--tenants a,b] [--coordinators x,y]
                                           byter områdets tenants och/eller samordnare

  --store <katalog>   lagringskatalogen (standard: STORE_DIR, annars data/store)

Filen till add: {"id": "habo", "name": "Habo kommun", "policeArea": "Lokalpolisområde …",
  "tenants": ["<tenant-id>"], "coordinators": ["namn@habo.se"], "agreements": [ … ]}
där agreements (valfritt) har samma format som data/agreements/*.json.
Boten måste vara stoppad: kommandona ändrar inget medan en bot använder lagringen.`;

const BUNDLED_AGREEMENTS = fileURLToPath(new URL('../../data/agreements', import.meta.url));

export class UsageError extends Error {
  override name = 'UsageError';
}
/** The command was understood but is refused; nothing was written. */
export class RefusedError extends Error {
  override name = 'RefusedError';
}

/** The file `add` reads: an area, and optionally its agreements. Unknown fields are refused (a typo would vanish). */
export const areaInputSchema = areaSchema
  .extend({ agreements: z.array(agreementSchema).optional() })
  .strict()
  .superRefine((input, ctx) => {
    checkAreaAgreements(input.id, input.agreements ?? [], ctx);
    if (input.tenants.length === 0)
      ctx.addIssue({
        code: 'custom',
        message: 'ange minst en tenant (en tom lista skulle öppna området för alla organisationer)',
        path: ['tenants'],
      });
  });

type Command =
  | { kind: 'add'; file: string }
  | { kind: 'list' }
  | { kind: 'set'; id: string; tenants?: string[]; coordinators?: string[] }
  | { kind: 'help' };

const commaList = (v: string) =>
  v
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);

export function parseCli(argv: readonly string[]): { command: Command; store?: string } {
  const options = {
    tenants: { type: 'string' },
    coordinators: { type: 'string' },
    store: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  } as const;
  let parsed: ReturnType<typeof parseArgs<{ options: typeof options; allowPositionals: true; strict: true }>>;
  try {
    parsed = parseArgs({
      args: [...argv],
      options,
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    const unknown = /'([^']+)'/u.exec((error as Error).message)?.[1];
    throw new UsageError(unknown ? `Okänt argument: ${unknown}` : 'Argumenten kunde inte läsas.');
  }
  const { values, positionals } = parsed;
  const store = typeof values.store === 'string' && values.store.trim() ? values.store.trim() : undefined;
  const withStore = (command: Command) => ({ command, ...(store ? { store } : {}) });
  if (values.help) return withStore({ kind: 'help' });
  const [verb, ...rest] = positionals;
  const tenants = typeof values.tenants === 'string' ? commaList(values.tenants) : undefined;
  const coordinators = typeof values.coordinators === 'string' ? commaList(values.coordinators) : undefined;
  switch (verb) {
    case 'add':
      if (rest.length !== 1 || !rest[0]) throw new UsageError('Ange filen: npm run area -- add habo.json');
      if (tenants || coordinators)
        throw new UsageError('--tenants och --coordinators hör till set; för add står de i filen.');
      return withStore({ kind: 'add', file: rest[0] });
    case 'list':
      if (rest.length > 0 || tenants || coordinators) throw new UsageError('list tar inga argument.');
      return withStore({ kind: 'list' });
    case 'set': {
      if (rest.length !== 1 || !rest[0])
        throw new UsageError('Ange områdets id: npm run area -- set habo --tenants a,b');
      if (!tenants && !coordinators) throw new UsageError('Ange --tenants, --coordinators eller båda.');
      if (tenants && tenants.length === 0)
        throw new UsageError('Ange minst en tenant (en tom lista skulle öppna området för alla organisationer).');
      return withStore({
        kind: 'set',
        id: rest[0],
        ...(tenants ? { tenants } : {}),
        ...(coordinators ? { coordinators } : {}),
      });
    }
    case undefined:
      throw new UsageError('Ange add, list eller set.');
    default:
      throw new UsageError(`Okänt kommando "${verb}": ange add, list eller set.`);
  }
}

const operator = (): Person => {
  let name = 'okänd';
  try {
    name = userInfo().username;
  } catch {
    // No user database entry (a container): the record still says it was the operator's tool.
  }
  return { id: `cli:${name}`, name: `${name} (npm run area)` };
};

/** The store as the bot would open it: a new one seeded the same way, so the bot's first start finds it as left. */
async function openForChange(dir: string, env: Record<string, string | undefined>): Promise<Store> {
  const seed = await loadBundledAgreements(BUNDLED_AGREEMENTS);
  return Store.open(fileStorage(dir), seed, {
    tenants: commaList(env.ALLOWED_TENANTS ?? ''),
    coordinators: commaList(env.COORDINATORS ?? ''),
  });
}

function formatArea(store: Store, area: Area): string {
  const agreements = store.inArea(area.id).agreements();
  const lines = [
    `${area.id}  ${area.name} (${area.policeArea})`,
    `  medborgarlöften: ${agreements.map((a) => `${a.id} (${a.period.start} – ${a.period.end})`).join(', ') || 'inga'}`,
    `  tenants: ${area.tenants.join(', ') || 'alla (ingen begränsning)'}`,
    `  samordnare: ${area.coordinators.join(', ') || 'inga'}`,
  ];
  return lines.join('\n');
}

async function readAreaFile(file: string): Promise<z.infer<typeof areaInputSchema>> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new RefusedError(
      code === 'ENOENT'
        ? `Filen ${file} finns inte. Inget har ändrats.`
        : `Filen ${file} kan inte läsas som JSON (${(error as Error).message}). Inget har ändrats.`,
    );
  }
  const parsed = areaInputSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .slice(0, 5)
      .map((i) => `  ${i.path.length > 0 ? i.path.join('.') : '(filen)'}: ${i.message}`)
      .join('\n');
    throw new RefusedError(`Filen ${file} stämmer inte med formatet:\n${problems}\nInget har ändrats.`);
  }
  return parsed.data;
}

/** Runs the command; returns the text to print. Throws UsageError, RefusedError, StoreFileError or StoreLockedError. */
export async function runAreaCommand(
  command: Command,
  storeDir: string,
  env: Record<string, string | undefined>,
  now: Date,
): Promise<string> {
  if (command.kind === 'help') return USAGE;
  if (command.kind === 'list') {
    if (!existsSync(path.join(storeDir, 'areas.json')) && !existsSync(path.join(storeDir, 'agreements.json')))
      throw new RefusedError(
        `Hittar ingen lagring i ${storeDir}. Sätt STORE_DIR eller --store till botens lagringskatalog.`,
      );
    // Reading needs no lock: nothing is written, and a running bot's last write is what is shown.
    const store = await Store.open(readOnlyStorage(fileStorage(storeDir)), [], {
      tenants: commaList(env.ALLOWED_TENANTS ?? ''),
      coordinators: commaList(env.COORDINATORS ?? ''),
    });
    const areas = store.areas();
    return areas.length === 0 ? 'Inga områden än.' : areas.map((a) => formatArea(store, a)).join('\n\n');
  }

  const input = command.kind === 'add' ? await readAreaFile(command.file) : undefined;
  const release = lockStoreDir(storeDir);
  try {
    const store = await openForChange(storeDir, env);
    const change = { by: operator(), at: now };
    if (command.kind === 'add' && input) {
      const { agreements = [], ...area } = input;
      if (store.area(area.id)) throw new RefusedError(`Området ${area.id} finns redan. Inget har ändrats.`);
      const taken = agreements.find((a) => store.agreement(a.id));
      if (taken)
        throw new RefusedError(
          `Medborgarlöftet ${taken.id} finns redan i lagringen (id ska vara unika). Inget har ändrats.`,
        );
      await store.addArea(area, agreements, change);
      return `Lade till området:\n${formatArea(store, store.area(area.id) ?? area)}`;
    }
    if (command.kind === 'set') {
      if (!store.area(command.id))
        throw new RefusedError(
          `Området "${command.id}" finns inte. Områden: ${
            store
              .areas()
              .map((a) => a.id)
              .join(', ') || 'inga'
          }. Inget har ändrats.`,
        );
      const updated = await store.updateArea(
        command.id,
        (area) => {
          const details: string[] = [];
          if (command.tenants) {
            area.tenants = [...new Set(command.tenants)];
            details.push(`tenants: ${area.tenants.join(', ')}`);
          }
          if (command.coordinators) {
            area.coordinators = [...new Set(command.coordinators)];
            details.push(`samordnare: ${area.coordinators.join(', ') || 'inga'}`);
          }
          return {
            action: command.tenants ? 'tenantsSet' : 'coordinatorsSet',
            detail: details.join('; '),
          };
        },
        change,
      );
      const shown = updated ?? store.area(command.id);
      return shown ? `Ändrade området:\n${formatArea(store, shown)}` : 'Inget ändrades.';
    }
    throw new UsageError('Ange add, list eller set.');
  } finally {
    release();
  }
}

export async function main(argv: readonly string[], env: Record<string, string | undefined>): Promise<number> {
  // The operator reads the validation messages: in Swedish, like everything else the tool says.
  z.config(z.locales.sv());
  try {
    const { command, store } = parseCli(argv);
    const storeDir = store ?? (env.STORE_DIR?.trim() || 'data/store');
    console.log(await runAreaCommand(command, storeDir, env, new Date()));
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`${error.message}\n\n${USAGE}`);
      return 2;
    }
    if (error instanceof StoreLockedError) {
      console.error(
        `En bot använder lagringen just nu (process ${error.pid}). Stoppa boten först och kör kommandot igen. Inget har ändrats.`,
      );
      return 1;
    }
    if (error instanceof RefusedError || error instanceof StoreFileError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await main(process.argv.slice(2), process.env);
}
