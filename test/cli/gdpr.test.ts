// npm run gdpr: one person's data out (and nobody else's), and their name and ids gone everywhere
// with the figures unchanged and the erasure recorded.
import { expect } from 'chai';
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { runGdprCli } from '../../src/cli/gdpr.js';
import { fileStorage } from '../../src/store/storage.js';
import { ANNA, BERIT, harness, readable, SAMORDNARE, tempDir } from '../support/harness.js';

function allText(dir: string): string {
  return readdirSync(dir)
    .filter((f) => statSync(path.join(dir, f)).isFile() && !f.startsWith('.'))
    .map((f) => readFileSync(path.join(dir, f), 'utf8'))
    .join('\n');
}

async function run(args: string[], dir: string) {
  let out = '';
  let err = '';
  const code = await runGdprCli([...args, '--store', dir], {}, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

async function storeWithTwoPeople() {
  const dir = tempDir();
  const h = await harness({ storage: fileStorage(dir) });
  await h.say('/logga gemensam krogtillsyn 2020-03-14 Annas anteckning', { user: ANNA });
  await h.say('/logga gemensam krogtillsyn 2020-04-02 Beritas anteckning', { user: BERIT });
  await h.say('/logga sig 2020-05-20', { user: ANNA });
  await h.say('/logga sig 2020-05-21', { user: ANNA });
  await h.say('/ångra', { user: ANNA });
  return { dir, h };
}

describe('npm run gdpr', () => {
  it('export: everything about one person, and nothing about anyone else', async () => {
    const { dir } = await storeWithTwoPeople();
    const r = await run(['export', '--user', ANNA.aadObjectId], dir);
    expect(r.code).to.equal(0);
    const report = JSON.parse(r.out) as {
      names: string[];
      records: { file: string; record: unknown }[];
      audit: unknown[];
    };
    expect(report.names).to.deep.equal([ANNA.name]);
    const entries = report.records.filter((x) => x.file.startsWith('entries-'));
    expect(entries).to.have.length(3);
    expect(JSON.stringify(report.records)).to.include('Annas anteckning');
    expect(r.out).not.to.include(BERIT.name);
    expect(r.out).not.to.include('Beritas anteckning');
    expect(report.audit.length).to.be.greaterThan(0);
  });

  it('erase: no trace of the name or the ids, the same figures, the erasure recorded; refused while a bot runs', async () => {
    const { dir, h } = await storeWithTwoPeople();
    const before = readable(await h.say('/status 2020', { user: SAMORDNARE }));
    // Another process holds the store, as a running bot does.
    const other = spawn('sleep', ['30']);
    writeFileSync(path.join(dir, '.lock'), String(other.pid));
    const refused = await run(['erase', '--user', ANNA.aadObjectId], dir).finally(() => {
      other.kill();
      rmSync(path.join(dir, '.lock'));
    });
    expect(refused.code).to.equal(1);
    expect(refused.err).to.include('Raderar inte');

    const r = await run(['erase', '--user', ANNA.aadObjectId], dir);
    expect(r.code, r.err).to.equal(0);
    const text = allText(dir);
    expect(text).not.to.include(ANNA.name);
    expect(text).not.to.include(ANNA.aadObjectId);
    expect(text).to.include(BERIT.name);
    expect(text).to.include('"person.erased"');

    const after = await harness({ storage: fileStorage(dir) });
    expect(readable(await after.say('/status 2020', { user: SAMORDNARE }))).to.equal(before);
    const again = await run(['export', '--user', ANNA.aadObjectId], dir);
    expect(JSON.parse(again.out)).to.deep.include({ records: [], audit: [], names: [] });
  });

  it('answers a usage error with the usage', async () => {
    const r = await run(['erase'], tempDir());
    expect(r.code).to.equal(2);
    expect(r.err).to.include('Användning');
  });
});
