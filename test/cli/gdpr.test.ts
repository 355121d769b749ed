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
      records: { kind: string; where: string; record: unknown }[];
      audit: unknown[];
    };
    expect(report.names).to.deep.equal([ANNA.name]);
    const entries = report.records.filter((x) => x.kind === 'entry');
    // Three logs and one /ångra, each a line of the journal (nothing is folded yet).
    expect(entries).to.have.length(4);
    expect(JSON.stringify(report.records)).to.include('Annas anteckning');
    expect(r.out).not.to.include(BERIT.name);
    expect(r.out).not.to.include('Beritas anteckning');
    expect(report.audit.length).to.be.greaterThan(0);
  });

  it('export names the file and line where each record is: the journal while it holds them, the entries file after a fold', async () => {
    const { dir, h } = await storeWithTwoPeople();
    const located = async () => {
      const report = JSON.parse((await run(['export', '--user', ANNA.aadObjectId], dir)).out) as {
        records: { kind: string; where: string; record: unknown }[];
      };
      // The file store says where a record is as "<file> <place in it>".
      const entries = report.records
        .filter((x) => x.kind === 'entry')
        .map((x) => ({ ...x, file: x.where.split(' ')[0]!, path: x.where.split(' ').slice(1).join(' ') }));
      for (const r of entries) {
        const text = readFileSync(path.join(dir, r.file), 'utf8');
        // The record is what the file holds at that place.
        const line = /^rad (\d+)$/u.exec(r.path)?.[1];
        const atPlace = line
          ? (({ audit: _audit, ...rest }) => rest)(
              JSON.parse(text.split('\n')[Number(line) - 1]!) as { audit?: unknown },
            )
          : (JSON.parse(text) as { entries: unknown[] }).entries[Number(/^entries\[(\d+)\]$/u.exec(r.path)?.[1])];
        expect(atPlace, `${r.file} ${r.path}`).to.deep.equal(r.record);
      }
      return entries.map((r) => `${r.file} ${r.path}`);
    };
    // Berit's entry is line 2; Anna's /ångra is a line of its own (she took the entry back).
    expect(await located()).to.deep.equal([
      'entries-jonkoping-2020.journal.jsonl rad 1',
      'entries-jonkoping-2020.journal.jsonl rad 3',
      'entries-jonkoping-2020.journal.jsonl rad 4',
      'entries-jonkoping-2020.journal.jsonl rad 5',
    ]);
    await h.store.close();
    expect(await located()).to.deep.equal([
      'entries-jonkoping-2020.json entries[0]',
      'entries-jonkoping-2020.json entries[2]',
      'entries-jonkoping-2020.json entries[3]',
    ]);
  });

  it('erase: no trace of the name or the ids, the same figures, the erasure recorded; refused while a bot runs', async () => {
    const { dir, h } = await storeWithTwoPeople();
    const before = readable(await h.say('/status 2020', { user: SAMORDNARE }));
    // The bot stops before the erasure (its audit log would still be appending its last records).
    await h.store.close();
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

  it('erase replaces the id of the person’s personal chat too, the same pseudonym everywhere; a shared chat keeps its id', async () => {
    const { dir, h } = await storeWithTwoPeople();
    await h.say('/logga sig 2020-05-22', { user: ANNA, kind: 'channel' });
    await h.say('/logga sig 2020-05-23', { user: BERIT, kind: 'channel' });
    await h.store.close();
    const personal = `personal-${ANNA.id}`;
    expect(allText(dir)).to.include(`"message:${personal}:`);
    const r = await run(['erase', '--user', ANNA.aadObjectId], dir);
    expect(r.code, r.err).to.equal(0);
    const text = allText(dir);
    expect(text).not.to.include(personal);
    const records = readFileSync(path.join(dir, 'audit.jsonl'), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { by: { id: string }; conversationId?: string; action: string });
    const erased = records.filter((x) => x.by.id.startsWith('anonym-'));
    const chats = new Set(erased.map((x) => x.conversationId));
    expect([...chats].sort()).to.deep.equal([`${erased[0]!.by.id}-chatt-1`, 'conv-channel'].sort());
    const entries = (
      JSON.parse(readFileSync(path.join(dir, 'entries-jonkoping-2020.json'), 'utf8')) as {
        entries: { by: { id: string }; sourceId?: string }[];
      }
    ).entries;
    const sources = entries.filter((e) => e.by.id === erased[0]!.by.id).map((e) => e.sourceId?.replace(/:[^:]+$/u, ''));
    expect(sources).to.deep.equal([
      `message:${erased[0]!.by.id}-chatt-1`,
      `message:${erased[0]!.by.id}-chatt-1`,
      `message:${erased[0]!.by.id}-chatt-1`,
      'message:conv-channel',
    ]);
    // Berit's chat and the shared channel are untouched.
    expect(text).to.include(`personal-${BERIT.id}`);
  });

  it('answers a usage error with the usage', async () => {
    const r = await run(['erase'], tempDir());
    expect(r.code).to.equal(2);
    expect(r.err).to.include('Användning');
  });

  it("says parseArgs' refusals in Swedish, above the usage", async () => {
    const unknown = await run(['--bad'], tempDir());
    expect(unknown.code).to.equal(2);
    expect(unknown.err.split('\n')[0]).to.equal('Okänt argument: --bad');
    expect(unknown.err).not.to.match(/Unknown option|positional/u);
    const noValue = await run(['export', '--user'], tempDir());
    expect(noValue.err.split('\n')[0]).to.equal('Argumentet --user behöver ett värde, t.ex. --user <värde>.');
  });
});
