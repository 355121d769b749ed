// npm run area: add, list and set on STORE_DIR; validated files; nothing changed while a bot holds the store.
import { expect } from 'chai';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { main } from '../../src/cli/area.js';
import { fileStorage } from '../../src/store/storage.js';
import { Store } from '../../src/store/store.js';
import { HABO_FILE } from '../support/areasHarness.js';
import { tempDir } from '../support/harness.js';
import { fileURLToPath } from 'node:url';

const HABO = fileURLToPath(HABO_FILE);
const ENV = { ALLOWED_TENANTS: 'tenant-jkpg,tenant-polisen', COORDINATORS: 'aad-jkpg-sam' };

async function run(
  args: string[],
  env: Record<string, string> = ENV,
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

function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir)
      .filter((f) => f !== '.lock')
      .sort()
      .map((f) => [
        f,
        createHash('sha256')
          .update(readFileSync(path.join(dir, f)))
          .digest('hex'),
      ]),
  );
}

describe('npm run area', () => {
  it('adds Habo beside the seeded Jönköping, lists both, and sets tenants and coordinators', async () => {
    const dir = tempDir();
    const added = await run(['add', HABO, '--store', dir]);
    expect(added.code, added.err).to.equal(0);
    expect(added.out).to.include('habo  Habo kommun (Lokalpolisområde södra Vätterbygden)');
    const listed = await run(['list', '--store', dir]);
    expect(listed.code).to.equal(0);
    expect(listed.out).to.include('jonkoping  Jönköpings kommun');
    expect(listed.out).to.include('tenants: tenant-jkpg, tenant-polisen');
    expect(listed.out).to.include('medborgarlöften: habo-2020 (2020-01-01 – 2020-12-31)');
    expect(listed.out).to.include('samordnare: sara.samordnare@habo.se, aad-habo-sam');

    const set = await run([
      'set',
      'habo',
      '--tenants',
      'tenant-habo',
      '--coordinators',
      'a@habo.se,b@habo.se',
      '--store',
      dir,
    ]);
    expect(set.code, set.err).to.equal(0);
    const store = await Store.open(fileStorage(dir), []);
    expect(store.area('habo')).to.deep.include({ tenants: ['tenant-habo'], coordinators: ['a@habo.se', 'b@habo.se'] });
    expect(store.area('jonkoping')).to.deep.include({ tenants: ['tenant-jkpg', 'tenant-polisen'] });
    expect(store.areaHistory('habo').map((c) => c.action)).to.deep.equal(['created', 'tenantsSet']);
  });

  it('refuses a bad file with the reasons and a non-zero exit, and writes nothing', async () => {
    const dir = tempDir();
    await run(['add', HABO, '--store', dir]);
    const before = snapshot(dir);
    const bad = path.join(tempDir(), 'bad.json');
    const cases: [string, string][] = [
      ['{"id": "mullsjö"', 'kan inte läsas som JSON'],
      [
        JSON.stringify({ id: 'Mullsjö', name: 'M', policeArea: 'P', tenants: ['t'], coordinators: [] }),
        'id: id ska vara',
      ],
      [
        JSON.stringify({ id: 'mullsjo', name: 'M', policeArea: 'P', tenants: [], coordinators: [] }),
        'ange minst en tenant',
      ],
      [
        JSON.stringify({ id: 'mullsjo', name: 'M', policeArea: 'P', tenants: ['t'], coordinators: [], tenant: 'x' }),
        'tenant',
      ],
      [readFileSync(HABO, 'utf8'), 'Området habo finns redan'],
      [readFileSync(HABO, 'utf8').replaceAll('"habo"', '"mullsjo"'), 'habo-2020 finns redan'],
    ];
    for (const [content, reason] of cases) {
      writeFileSync(bad, content);
      const result = await run(['add', bad, '--store', dir]);
      expect(result.code, content).to.equal(1);
      expect(result.err).to.include(reason);
      expect(snapshot(dir)).to.deep.equal(before);
    }
    const overlapping = JSON.parse(readFileSync(HABO, 'utf8').replaceAll('habo', 'mullsjo'));
    overlapping.agreements.push({ ...overlapping.agreements[0], id: 'mullsjo-2020-b' });
    writeFileSync(bad, JSON.stringify(overlapping));
    const overlap = await run(['add', bad, '--store', dir]);
    expect(overlap.err).to.include('har överlappande perioder');
    expect(snapshot(dir)).to.deep.equal(before);
    expect((await run(['add', '/finns/inte.json', '--store', dir])).err).to.include('finns inte');
  });

  it('changes nothing while a bot holds the store', async () => {
    const dir = tempDir();
    await run(['add', HABO, '--store', dir]);
    const before = snapshot(dir);
    const bot = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)'], { stdio: 'ignore' });
    try {
      writeFileSync(path.join(dir, '.lock'), String(bot.pid));
      const set = await run(['set', 'habo', '--tenants', 'x', '--store', dir]);
      expect(set.code).to.equal(1);
      expect(set.err).to.include('En bot använder lagringen just nu');
      expect(set.err).to.include('Inget har ändrats');
      const add = await run(['add', HABO, '--store', dir]);
      expect(add.code).to.equal(1);
      expect(snapshot(dir)).to.deep.equal(before);
      // Reading is fine while it runs.
      expect((await run(['list', '--store', dir])).code).to.equal(0);
    } finally {
      bot.kill();
    }
  });

  it('says how to use it, with exit 2', async () => {
    expect((await run([])).code).to.equal(2);
    expect((await run(['remove', 'habo'])).err).to.include('Okänt kommando "remove"');
    expect((await run(['set', 'habo'])).err).to.include('Ange --tenants, --coordinators eller båda.');
    expect((await run(['set', 'habo', '--tenants', ''])).code).to.equal(2);
    expect((await run(['--help'])).out).to.include('npm run area -- add');
  });
});
