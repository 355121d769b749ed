// Which store the conversation tests run on. By default the file store (fileStorePort over the
// test's Store). With TEST_STORE=postgres (the second mocha run of `npm test`, .mocharc.postgres.json,
// whose root hooks in postgresHooks.ts set it)
// each harness gets a PostgreSQL schema of its own in the run's database, filled with a copy of
// what the test seeded in its file store (store:migrate's copy: areas, agreements, history,
// audit, subscriptions…), and the app talks to PostgreSQL only. The file store is then fenced:
// any use of it throws, so a test that still reads it fails loudly instead of reading stale data.
// Such a test either reads through the port or says `fileStoreOnly(this)`.
import pg from 'pg';
import type { StorePort } from '../../src/app/port/index.js';
import { fileStorePort } from '../../src/store/filePort.js';
import { Db } from '../../src/store/postgres/db.js';
import { copyFileStore } from '../../src/store/postgres/fileImport.js';
import { openPostgresStore, type PostgresStore } from '../../src/store/postgres/index.js';
import type { Store } from '../../src/store/store.js';

/** True in the PostgreSQL run (TEST_STORE=postgres), read when asked: the root hooks set it. */
const onPostgres = () => process.env.TEST_STORE === 'postgres';

interface Opened {
  port: PostgresStore;
  schema: string;
  /** Made during a test (or its beforeEach), so closed after it; else after the run. */
  inTest: boolean;
}

interface RunState {
  database?: { url: string; admin: pg.Client };
  inTest: boolean;
  schemas: number;
  opened: Opened[];
  /**
   * Migrated schemas emptied after their test, oldest first. One is taken again only when a few
   * wait, so a write a test left running cannot reach the next test's store.
   */
  emptied: Spare[];
}

/** An emptied schema and the open store on it, for the next test. */
interface Spare {
  schema: string;
  port: PostgresStore;
}

// On globalThis: mocha loads the root hooks through require and the tests through import, which
// may give this module twice; the run has one state.
const RUN = Symbol.for('mlb.test.storeBackend');
const state: RunState = ((globalThis as Record<symbol, RunState | undefined>)[RUN] ??= {
  inTest: false,
  schemas: 0,
  opened: [],
  emptied: [],
});
const { opened, emptied } = state;
const ROTATION = 3;

/** The run's database (made by the root hooks, test/support/postgresHooks.ts). */
export function useDatabase(url: string, admin: pg.Client): void {
  state.database = { url, admin };
}

/** The URL of `schema` in the run's database: its tables first on the search path. */
function schemaUrl(url: string, schema: string): string {
  const parsed = new URL(url);
  // A test needs no commit to survive a crash of the server: not waiting for the WAL flush keeps
  // the run quick, and every other behaviour (transactions, locks) is the same.
  parsed.searchParams.set('options', `-c search_path=${schema} -c synchronous_commit=off`);
  return parsed.toString();
}

/**
 * The port the test's app should use over `store` (a file store the test has seeded), and the
 * store the test may go on using: on the file store, fileStorePort(store) and the store itself;
 * on PostgreSQL, an empty schema given a copy of the store (store:migrate's copy), and the store
 * fenced.
 */
export async function storeUnderTest(store: Store): Promise<{ port: StorePort; store: Store }> {
  if (!onPostgres()) return { port: fileStorePort(store), store };
  const database = state.database;
  if (!database) throw new Error('TEST_STORE=postgres without a database: run with .mocharc.postgres.json');
  let spare = emptied.length >= ROTATION ? emptied.shift() : undefined;
  if (!spare) {
    const schema = `h_${process.pid}_${++state.schemas}`;
    await database.admin.query(`CREATE SCHEMA ${schema}`);
    spare = { schema, port: await openPostgresStore({ url: schemaUrl(database.url, schema), max: 4 }) };
  }
  const { schema, port } = spare;
  const url = schemaUrl(database.url, schema);
  opened.push({ port, schema, inTest: state.inTest });
  const db = new Db({ url, max: 1 });
  try {
    await copyFileStore(db, store, undefined);
  } finally {
    await db.end();
  }
  return { port, store: fenced() };
}

/** A store that throws on any use, naming why. */
function fenced(): Store {
  return new Proxy({} as Store, {
    get(_target, property) {
      if (property === 'then') return undefined;
      throw new Error(
        `the file store was read (${String(property)}) in the PostgreSQL run: read through the port, or say fileStoreOnly(this)`,
      );
    },
  });
}

/** Skips the calling test in the PostgreSQL run: it sets up or reads the file store itself (`why`). */
export function fileStoreOnly(test: Mocha.Context): void {
  if (onPostgres()) test.skip();
}

/** Empties the stores' schemas for another test (triggers off: the audit refuses DELETE). */
async function empty(items: Opened[]): Promise<void> {
  for (const item of items) {
    opened.splice(opened.indexOf(item), 1);
    const { rows } = await state.database!.admin.query<{ name: string }>(
      `SELECT quote_ident(tablename) AS name FROM pg_tables WHERE schemaname = $1 AND tablename <> 'schema_migrations'`,
      [item.schema],
    );
    await state.database!.admin.query(
      `SET session_replication_role = replica; ${rows.map((r) => `DELETE FROM ${item.schema}.${r.name};`).join(' ')} SET session_replication_role = DEFAULT`,
    );
    emptied.push({ schema: item.schema, port: item.port });
  }
}

/** Root hooks: the stores a test made are emptied after it, for reuse; all are closed after the run. */
export function testStarted(): void {
  state.inTest = true;
}

export async function testEnded(): Promise<void> {
  state.inTest = false;
  await empty(opened.filter((o) => o.inTest));
}

export async function runEnded(): Promise<void> {
  await empty([...opened]);
  for (const spare of emptied.splice(0)) await spare.port.close();
}
