// The command-line tools with DATABASE_URL set: the same answers from PostgreSQL as from the store
// folder it was moved from, changes made in the database, the file store's own commands refused,
// and an unreachable database named at once. Skipped (saying so) without a PostgreSQL server.
import { expect } from 'chai';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { main as area } from '../../src/cli/area.js';
import { runGdprCli } from '../../src/cli/gdpr.js';
import { main as report } from '../../src/cli/report.js';
import { runStoreCli } from '../../src/cli/store.js';
import { openPostgresStore } from '../../src/store/postgres/index.js';
import { moveFileStore } from '../../src/store/postgres/fileImport.js';
import { fileStorage, readOnlyStorage } from '../../src/store/storage.js';
import { Store } from '../../src/store/store.js';
import { fixtureStore, publishFixture } from '../fixtures/followUpStore.js';
import { HABO_FILE } from '../support/areasHarness.js';
import { tempDir } from '../support/harness.js';
import { freshDatabase } from '../store/postgres/database.js';
import { Writable } from 'node:stream';
import { readFileSync } from 'node:fs';

/** Runs a tool whose main prints with console.log / console.error; what it printed and its exit code. */
async function run(
  main: (argv: readonly string[], env: Record<string, string | undefined>) => Promise<number>,
  args: string[],
  env: Record<string, string | undefined>,
): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const { log, error } = console;
  console.log = (...a: unknown[]) => out.push(a.join(' '));
  console.error = (...a: unknown[]) => err.push(a.join(' '));
  try {
    const code = await main(args, env);
    return { code, out: out.join('\n'), err: err.join('\n') };
  } finally {
    console.log = log;
    console.error = error;
  }
}

async function gdpr(args: string[], env: Record<string, string | undefined>) {
  let out = '';
  let err = '';
  const code = await runGdprCli(args, env, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

async function storeCli(args: string[], env: Record<string, string | undefined>) {
  let text = '';
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      text += chunk.toString();
      done();
    },
  }) as unknown as NodeJS.WriteStream;
  const code = await runStoreCli(args, env, { out: stream, err: stream });
  return { code, text };
}

const document = async (args: string[], env: Record<string, string | undefined>, dir: string, name: string) => {
  const out = path.join(dir, name);
  const r = await run(report, [...args, '--out', out], env);
  expect(r.code, r.err).to.equal(0);
  return readFileSync(out);
};

describe('the command-line tools on PostgreSQL (DATABASE_URL)', function () {
  const database = freshDatabase();
  let dir = '';
  let files: Record<string, string> = {};
  let db: Record<string, string> = {};

  before(async function () {
    dir = tempDir('mlb-cli-pg-');
    const storeDir = path.join(dir, 'store');
    const store = await fixtureStore(fileStorage(storeDir));
    await publishFixture(store, { year: 2020, tertial: 1 }, new Date('2020-05-05T08:00:00Z'));
    await store.close();
    const moved = await moveFileStore(
      await Store.open(readOnlyStorage(fileStorage(storeDir)), [], { readOnly: true }),
      undefined,
      database.url(),
      '2020-12-31',
    );
    expect(moved.ok).to.equal(true);
    files = { STORE_DIR: storeDir };
    // STORE_DIR set too: the database wins, the folder is not read.
    db = { DATABASE_URL: database.url(), STORE_DIR: path.join(dir, 'finns-inte') };
  });

  it('report: the same web page and CSV as from the folder the database was moved from', async () => {
    const html = ['--year', '2020', '--tertial', '1', '--format', 'html'];
    expect((await document(html, db, dir, 'db.html')).toString()).to.equal(
      (await document(html, files, dir, 'files.html')).toString(),
    );
    const csv = ['--year', '2020', '--format', 'csv'];
    const fromDb = (await document(csv, db, dir, 'db.csv')).toString();
    expect(fromDb).to.equal((await document(csv, files, dir, 'files.csv')).toString());
    expect(fromDb).to.include(';Gemensam krogtillsyn;krogmiljön;1;3;');
    const unpublished = await run(report, ['--year', '2020', '--tertial', '2'], db);
    expect([unpublished.code, unpublished.err]).to.deep.equal([
      1,
      'Tertial 2 2020 är inte publicerad. En samordnare granskar och publicerar den med /uppföljning T2 2020 i boten.',
    ]);
  });

  it('area: list as on the folder; add and set change the database, with their history', async () => {
    const listed = await run(area, ['list'], db);
    expect(listed.code, listed.err).to.equal(0);
    expect(listed.out).to.equal((await run(area, ['list'], files)).out);
    const added = await run(area, ['add', fileURLToPath(HABO_FILE)], db);
    expect(added.code, added.err).to.equal(0);
    const set = await run(area, ['set', 'habo', '--tenants', 'tenant-habo', '--coordinators', 'a@habo.se'], db);
    expect(set.code, set.err).to.equal(0);
    expect(set.out).to.include('tenants: tenant-habo');
    const again = await run(area, ['add', fileURLToPath(HABO_FILE)], db);
    expect([again.code, again.err]).to.deep.equal([1, 'Området habo finns redan. Inget har ändrats.']);
    const store = await openPostgresStore({ url: database.url() });
    try {
      expect(await store.areas.area('habo')).to.deep.include({ tenants: ['tenant-habo'], coordinators: ['a@habo.se'] });
      expect((await store.areas.history('habo')).map((h) => h.action)).to.deep.equal(['created', 'tenantsSet']);
      expect((await store.records('habo').agreements()).map((a) => a.id)).to.deep.equal(['habo-2020']);
    } finally {
      await store.close();
    }
  });

  it('store:check reads every row; store:snapshot and store:restore say they are for the file store', async () => {
    const check = await storeCli(['check'], db);
    expect(check.code, check.text).to.equal(0);
    expect(check.text).to.match(/^OK {2}databasen postgres:\/\/.*: 2 områden, 3 medborgarlöften, \d+ insatser/u);
    for (const command of [['snapshot'], ['restore', 'senaste']]) {
      const refused = await storeCli(command, db);
      expect(refused.code).to.equal(1);
      expect(refused.text).to.include('för fillagringen; för PostgreSQL: pg_dump / tjänstens säkerhetskopior');
    }
  });

  it('gdpr: export finds the person in the database; erase replaces them there, keeping the entries', async () => {
    const exported = await gdpr(['export', '--user', 'aad-anna'], db);
    expect(exported.code, exported.err).to.equal(0);
    const found = JSON.parse(exported.out) as { names: string[]; records: { kind: string; where: string }[] };
    expect(found.names).to.deep.equal(['Anna Andersson']);
    expect(found.records.filter((r) => r.kind === 'entry').length).to.be.greaterThan(0);
    expect(found.records[0]?.where).to.match(/^[a-z_]+\//u);
    const store = await openPostgresStore({ url: database.url() });
    try {
      const before = (await store.records('jonkoping').allEntries()).length;
      const erased = await gdpr(['erase', '--user', 'aad-anna'], db);
      expect(erased.code, erased.err).to.equal(0);
      expect(erased.out).to.include('Klart: aad-anna är ersatt med anonym-');
      const entries = await store.records('jonkoping').allEntries();
      expect(entries).to.have.length(before);
      expect(JSON.stringify(entries)).not.to.include('Anna Andersson').and.not.include('aad-anna');
      expect((await store.audit.read()).filter((r) => r.action === 'person.erased')).to.have.length(1);
    } finally {
      await store.close();
    }
    const again = await gdpr(['export', '--user', 'aad-anna'], db);
    expect(JSON.parse(again.out)).to.deep.include({ names: [], records: [], audit: [] });
  });
});

describe('the command-line tools with an unreachable DATABASE_URL', () => {
  const env = { DATABASE_URL: 'postgres://bot:s3cret@127.0.0.1:1/none' };

  it('fail at once, naming DATABASE_URL and never the password', async () => {
    const r = await run(report, ['--year', '2020', '--tertial', '1'], env);
    expect(r.code).to.equal(1);
    expect(r.err).to.include('DATABASE_URL').and.include('127.0.0.1:1').and.not.include('s3cret');
    const listed = await run(area, ['list'], env);
    expect(listed.code).to.equal(1);
    expect(listed.err).to.include('DATABASE_URL');
    const exported = await gdpr(['export', '--user', 'aad-anna'], env);
    expect(exported.code).to.equal(1);
    expect(exported.err).to.include('DATABASE_URL');
    const check = await storeCli(['check'], env);
    expect(check.code).to.equal(1);
    expect(check.text).to.include('DATABASE_URL').and.not.include('s3cret');
  });

  it('store:snapshot and store:restore refuse without trying it: they are for the file store', async () => {
    for (const command of [['snapshot'], ['restore', 'senaste']]) {
      const refused = await storeCli(command, env);
      expect(refused.code).to.equal(1);
      expect(refused.text).to.equal(
        `npm run store:${command[0]} är för fillagringen; för PostgreSQL: pg_dump / tjänstens säkerhetskopior. DATABASE_URL är satt, inget har gjorts.\n`,
      );
    }
  });
});
