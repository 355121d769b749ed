// npm run area -- add <område.json> | list | set <id> [--tenants a,b] [--coordinators x,y]
// The operator's tool for areas, through the store's port: on STORE_DIR, or on PostgreSQL when
// DATABASE_URL is set. On the folder it changes nothing while a bot holds the store (the bot keeps
// the store in memory and would write over the change); it writes nothing from a file it could not
// fully validate.
import 'dotenv/config';
import { readFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import type { StorePort } from '../app/port/index.js';
import { areaSchema, type Area } from '../domain/area.js';
import { AgreementConflictError, agreementSchema } from '../domain/agreement.js';
import type { Person } from '../domain/entry.js';
import { checkAreaAgreements } from '../store/areaFiles.js';
import { areaTexts as texts } from '../views/cliTexts.js';
import { agreementConflictText } from '../views/storeTexts.js';
import { schemaIssueText } from '../views/schemaTexts.js';
import { openToolStore, storeFailure } from './toolStore.js';
import { argumentProblem, RefusedError, UsageError } from './toolErrors.js';

export const USAGE = texts.usage;

/** The file `add` reads: an area, and optionally its agreements. Unknown fields are refused (a typo would vanish). */
export const areaInputSchema = areaSchema
  .extend({ agreements: z.array(agreementSchema).optional() })
  .strict()
  .superRefine((input, ctx) => {
    checkAreaAgreements(input.id, input.agreements ?? [], ctx);
    if (input.tenants.length === 0)
      ctx.addIssue({
        code: 'custom',
        message: texts.noTenantsInFile,
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
    throw new UsageError(argumentProblem(error));
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
      if (rest.length !== 1 || !rest[0]) throw new UsageError(texts.addFileMissing);
      if (tenants || coordinators) throw new UsageError(texts.setOptionsOnAdd);
      return withStore({ kind: 'add', file: rest[0] });
    case 'list':
      if (rest.length > 0 || tenants || coordinators) throw new UsageError(texts.listTakesNothing);
      return withStore({ kind: 'list' });
    case 'set': {
      if (rest.length !== 1 || !rest[0]) throw new UsageError(texts.setIdMissing);
      if (!tenants && !coordinators) throw new UsageError(texts.setWhatMissing);
      if (tenants && tenants.length === 0) throw new UsageError(texts.noTenants);
      return withStore({
        kind: 'set',
        id: rest[0],
        ...(tenants ? { tenants } : {}),
        ...(coordinators ? { coordinators } : {}),
      });
    }
    case undefined:
      throw new UsageError(texts.verbMissing);
    default:
      throw new UsageError(texts.unknownVerb(verb));
  }
}

const operator = (): Person => {
  let name = texts.unknownUser;
  try {
    name = userInfo().username;
  } catch {
    // No user database entry (a container): the record still says it was the operator's tool.
  }
  return { id: `cli:${name}`, name: texts.operatorName(name) };
};

async function formatArea(port: StorePort, area: Area): Promise<string> {
  const agreements = await port.records(area.id).agreements();
  return texts.area({
    ...area,
    agreements: agreements.map((a) => ({ id: a.id, start: a.period.start, end: a.period.end })),
  });
}

async function readAreaFile(file: string): Promise<z.infer<typeof areaInputSchema>> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new RefusedError(
      code === 'ENOENT' ? texts.fileMissing(file) : texts.fileNotJson(file, (error as Error).message),
    );
  }
  const parsed = areaInputSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .slice(0, 5)
      .map((i) => `  ${i.path.length > 0 ? i.path.join('.') : texts.wholeFile}: ${schemaIssueText(i)}`)
      .join('\n');
    throw new RefusedError(texts.fileInvalid(file, problems));
  }
  return parsed.data;
}

/** A refusal by the store (the id taken, an agreement clashing) in words, or undefined for another failure. */
function storeRefusal(error: unknown): string | undefined {
  if (error instanceof AgreementConflictError) return agreementConflictText(error);
  return error instanceof Error && error.name === 'AreaRefusedError' ? error.message : undefined;
}

async function addArea(port: StorePort, input: z.infer<typeof areaInputSchema>, now: Date): Promise<string> {
  const { agreements = [], ...area } = input;
  const areas = await port.areas.areas();
  if (areas.some((a) => a.id === area.id)) throw new RefusedError(texts.areaExists(area.id));
  const existing = new Set<string>();
  for (const a of areas) for (const x of await port.records(a.id).agreements()) existing.add(x.id);
  const taken = agreements.find((a) => existing.has(a.id));
  if (taken) throw new RefusedError(texts.agreementExists(taken.id));
  try {
    await port.areas.addArea(area, agreements, { by: operator(), at: now, via: 'cli' });
  } catch (error) {
    const refusal = storeRefusal(error);
    if (refusal !== undefined) throw new RefusedError(texts.refused(refusal));
    throw error;
  }
  return texts.added(await formatArea(port, (await port.areas.area(area.id)) ?? area));
}

async function setArea(port: StorePort, command: Extract<Command, { kind: 'set' }>, now: Date): Promise<string> {
  if (!(await port.areas.area(command.id))) {
    const ids = (await port.areas.areas()).map((a) => a.id).join(', ') || texts.none;
    throw new RefusedError(texts.noSuchArea(command.id, ids));
  }
  const result = await port.areas.updateArea(
    command.id,
    {
      kind: 'settingsSet',
      ...(command.tenants ? { tenants: command.tenants } : {}),
      ...(command.coordinators ? { coordinators: command.coordinators } : {}),
    },
    { by: operator(), at: now, via: 'cli' },
  );
  return result.ok ? texts.changed(await formatArea(port, result.area)) : texts.unchanged;
}

/**
 * Runs the command on the store (the folder `storeDir`, or PostgreSQL when env.DATABASE_URL is set);
 * returns the text to print. Throws UsageError, RefusedError, or what opening the store throws
 * (see openToolStore).
 */
export async function runAreaCommand(
  command: Command,
  storeDir: string,
  env: Record<string, string | undefined>,
  now: Date,
): Promise<string> {
  if (command.kind === 'help') return USAGE;
  // The file first: a bad one changes nothing, and needs no store.
  const input = command.kind === 'add' ? await readAreaFile(command.file) : undefined;
  const store = await openToolStore(command.kind === 'list' ? 'read' : 'change', storeDir, env);
  try {
    if (command.kind === 'list') {
      const areas = await store.port.areas.areas();
      if (areas.length === 0) return texts.noAreas;
      const shown: string[] = [];
      for (const area of areas) shown.push(await formatArea(store.port, area));
      return shown.join('\n\n');
    }
    if (command.kind === 'add' && input) return await addArea(store.port, input, now);
    if (command.kind === 'set') return await setArea(store.port, command, now);
    throw new UsageError(texts.verbMissing);
  } finally {
    await store.close();
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
    if (error instanceof RefusedError) {
      console.error(error.message);
      return 1;
    }
    const failure = storeFailure(error);
    if (failure) {
      console.error(failure);
      return 1;
    }
    throw error;
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await main(process.argv.slice(2), process.env);
}
