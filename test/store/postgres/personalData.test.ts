// The PostgreSQL store's GDPR export and erasure pass the conformance suite's part for them (the
// whole suite runs against PostgreSQL elsewhere): a fresh database per test, skipped without a server.
import { openPostgresStore } from '../../../src/store/postgres/index.js';
import { personalDataConformance } from '../conformance/personalData.js';
import { createDatabase, dropDatabase } from './database.js';

describe('PostgreSQL store', function () {
  before(async function () {
    const probe = await createDatabase();
    if (!probe) this.skip();
    else await dropDatabase(probe.name);
  });

  personalDataConformance(async () => {
    const db = await createDatabase();
    if (!db) throw new Error('no PostgreSQL server');
    let port = await openPostgresStore({ url: db.url });
    return {
      port,
      async reopen() {
        await port.close();
        port = await openPostgresStore({ url: db.url });
        return port;
      },
      async close() {
        await port.close();
        await dropDatabase(db.name);
      },
    };
  });
});
