// A fresh, uniquely named database on the local PostgreSQL server for each test file, dropped after.
// The server is PG_TEST_URL or postgres://postgres@127.0.0.1:5432/postgres; without one reachable,
// the tests that need it are skipped with a message saying so (CI installs and starts one: .ci/run).
import { randomBytes } from 'node:crypto';
import pg from 'pg';

const ADMIN_URL = process.env.PG_TEST_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** ADMIN_URL with another database name. */
function urlOf(database: string): string {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${database}`;
  return url.toString();
}

/** Runs one statement on the server's admin database; undefined when no server answers. */
export async function admin<R extends pg.QueryResultRow>(
  text: string,
  values: unknown[] = [],
): Promise<R[] | undefined> {
  const client = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
  } catch {
    return undefined;
  }
  try {
    return (await client.query<R>(text, values)).rows;
  } finally {
    await client.end();
  }
}

let warned = false;

/** Creates a new empty database; its URL, or undefined (with one warning) when no server is reachable. */
export async function createDatabase(): Promise<{ url: string; name: string } | undefined> {
  const name = `mlb_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const created = await admin(`CREATE DATABASE ${name}`);
  if (!created) {
    if (!warned) console.warn(`    PostgreSQL tests skipped: no server reachable at ${ADMIN_URL} (set PG_TEST_URL)`);
    warned = true;
    return undefined;
  }
  return { url: urlOf(name), name };
}

export async function dropDatabase(name: string): Promise<void> {
  await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
}

/**
 * For a describe block: a fresh database before its tests (they are skipped when there is no
 * server), dropped after them. `url()` is its address.
 */
export function freshDatabase(): { url: () => string; name: () => string } {
  let db: { url: string; name: string } | undefined;
  before(async function () {
    db = await createDatabase();
    if (!db) this.skip();
  });
  after(async () => {
    if (db) await dropDatabase(db.name);
  });
  return {
    url: () => {
      if (!db) throw new Error('no test database');
      return db.url;
    },
    name: () => {
      if (!db) throw new Error('no test database');
      return db.name;
    },
  };
}
