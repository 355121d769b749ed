// Root hooks of the PostgreSQL run (.mocharc.postgres.json, `npm run test:postgres`): the harnesses
// run on PostgreSQL (TEST_STORE=postgres, set here), in one fresh database for the run, dropped
// after it; the stores a test made are emptied after it. Without a reachable server every test is
// skipped, with a message saying so.
import pg from 'pg';
import { createDatabase, dropDatabase } from '../store/postgres/database.js';
import { runEnded, testEnded, testStarted, useDatabase } from './storeBackend.js';

process.env.TEST_STORE = 'postgres';

let made: { url: string; name: string; admin: pg.Client } | undefined;

export const mochaHooks = {
  async beforeAll(this: Mocha.Context) {
    const db = await createDatabase();
    if (!db) this.skip();
    const admin = new pg.Client({ connectionString: db.url });
    await admin.connect();
    made = { ...db, admin };
    useDatabase(db.url, admin);
  },
  beforeEach() {
    testStarted();
  },
  async afterEach() {
    await testEnded();
  },
  async afterAll() {
    await runEnded();
    if (!made) return;
    await made.admin.end();
    await dropDatabase(made.name);
  },
};
