// The PostgreSQL store passes the store conformance suite: one fresh database for the run, emptied
// (every table but schema_migrations) before each test, so each test opens an empty, migrated store.
// Without a reachable server (PG_TEST_URL, default the local one) the suite is skipped, saying so.
import pg from 'pg';
import { openPostgresStore, type PostgresStore } from '../../../src/store/postgres/index.js';
import { createDatabase, dropDatabase } from '../postgres/database.js';
import { storeConformance } from './index.js';

let database: { url: string; name: string } | undefined;

/** Empties every table of the store, restarting its sequences (the schema stays). */
async function emptied(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string }>(
      `SELECT quote_ident(tablename) AS name FROM pg_tables
        WHERE schemaname = 'public' AND tablename <> 'schema_migrations'`,
    );
    if (rows.length > 0) await client.query(`TRUNCATE ${rows.map((r) => r.name).join(', ')} RESTART IDENTITY`);
  } finally {
    await client.end();
  }
}

describe('PostgreSQL conformance', function () {
  before(async function () {
    database = await createDatabase();
    if (!database) this.skip();
  });
  after(async () => {
    if (database) await dropDatabase(database.name);
  });

  storeConformance('the PostgreSQL store', async () => {
    if (!database) throw new Error('no test database');
    const url = database.url;
    await emptied(url);
    let port: PostgresStore = await openPostgresStore({ url, max: 4 });
    return {
      port,
      async reopen() {
        await port.close();
        port = await openPostgresStore({ url, max: 4 });
        return port;
      },
      close: () => port.close(),
    };
  });
});
