// The real process: a subscriptions.json it cannot read stops the start, names the file, and
// leaves it as it was.
import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

describe('main (process start)', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'main-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('exits non-zero on a corrupt subscriptions.json, naming it, without touching it', async function () {
    this.timeout(30_000);
    const file = path.join(dir, 'subscriptions.json');
    const content = '{"version": 1, "subscriptions": [ {"id": ';
    await writeFile(file, content);
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', STORE_DIR: dir, PORT: '0', LOG_LEVEL: 'silent' },
      encoding: 'utf8',
      timeout: 25_000,
    });
    expect(run.status).to.equal(1);
    expect(run.stderr).to.include(`Lagringsfilen ${file} kan inte läsas`);
    expect(await readFile(file, 'utf8')).to.equal(content);
  });

  /** Runs the bot's start with `env`; its exit status and standard error. */
  function start(env: Record<string, string>): { status: number | null; stderr: string } {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', PORT: '0', LOG_LEVEL: 'silent', ...env },
      encoding: 'utf8',
      timeout: 25_000,
    });
    return { status: run.status, stderr: run.stderr };
  }

  it('names the fix under a database that does not exist (error catalogue 304)', function () {
    this.timeout(30_000);
    const url = new URL(process.env.PG_TEST_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
    url.pathname = '/mlb_no_such_database';
    const run = start({ DATABASE_URL: url.toString() });
    expect(run.status).to.equal(1);
    if (run.stderr.includes('(fel 302)')) this.skip(); // no PostgreSQL server here
    expect(run.stderr).to.include(
      `Kan inte starta: DATABASE_URL: PostgreSQL på ${url.toString()} kunde inte öppnas. Servern svarade: database "mlb_no_such_database" does not exist`,
    );
    expect(run.stderr).to.include('Åtgärd (fel 304): Skapa databasen (createdb <namn>)');
    expect(run.stderr.trim().split('\n')).to.have.length(2);
  });

  it('names the fix under a store folder it may not create (error catalogue 202)', function () {
    this.timeout(30_000);
    // sysfs refuses a new folder to everyone, root included: a real EPERM (EACCES for others).
    if (process.platform !== 'linux') this.skip();
    const run = start({ STORE_DIR: '/sys/fs/mlb-store' });
    expect(run.status).to.equal(1);
    // One line saying what happened and where, the fix under it; no stack, no error object.
    expect(run.stderr.trim().split('\n')).to.deep.equal([
      'Kan inte starta: Boten saknar behörighet till en fil eller mapp. Sökväg: /sys/fs/mlb-store',
      'Åtgärd (fel 202): Ge användaren som kör boten läs- och skrivrätt till lagringsmappen (STORE_DIR): rätta mappens ägare och behörigheter (chown, chmod). Starta sedan boten igen.',
    ]);
  });

  it('says so when STORE_DIR is a file, not a folder (error catalogue 219)', async function () {
    this.timeout(30_000);
    const file = path.join(dir, 'not-a-folder.json');
    await writeFile(file, '{}');
    const run = start({ STORE_DIR: file });
    expect(run.status).to.equal(1);
    expect(run.stderr.trim().split('\n')).to.deep.equal([
      `Kan inte starta: Lagringsmappen (STORE_DIR) är en fil, inte en mapp. Sökväg: ${file}`,
      'Åtgärd (fel 219): Sätt STORE_DIR till en mapp (den skapas om den inte finns), eller flytta filen som står i vägen. Starta sedan boten igen.',
    ]);
  });
});
