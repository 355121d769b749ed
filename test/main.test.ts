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
});
