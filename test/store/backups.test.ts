// Snapshots, store:check and store:restore on real folders, and the real bot process on a restored store.
import { expect } from 'chai';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import { runStoreCli } from '../../src/cli/store.js';
import { listSnapshots, pruneSnapshots, takeSnapshot } from '../../src/store/backups.js';
import { fileStorage } from '../../src/store/storage.js';
import { Store } from '../../src/store/store.js';
import { bundledAgreements } from '../support/fakes.js';
import { tempDir } from '../support/harness.js';
import { startBot, type BotProcess } from '../support/process.js';

function capture() {
  let text = '';
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      text += chunk.toString();
      done();
    },
  }) as unknown as NodeJS.WriteStream;
  return { stream, text: () => text };
}

async function cli(args: string[], storeDir: string) {
  const out = capture();
  const err = capture();
  const code = await runStoreCli([...args, '--store', storeDir], {}, { out: out.stream, err: err.stream });
  return { code, out: out.text(), err: err.text() };
}

async function seededStore(dir: string) {
  return Store.open(fileStorage(dir), await bundledAgreements());
}

describe('backups: snapshots, store:check, store:restore', () => {
  it('takes a snapshot of every store file with sums, validated, and keeps it apart from the store', async () => {
    const dir = tempDir();
    const store = await seededStore(dir);
    const snapshot = await takeSnapshot(dir, 'manual', {
      now: new Date('2026-11-29T03:00:00Z'),
      betweenWrites: (r) => store.betweenWrites(r),
    });
    expect(path.basename(snapshot.dir)).to.equal('2026-11-29T03-00-00-000Z-manual');
    expect(snapshot.manifest.files.map((f) => f.name)).to.include.members([
      'areas.json',
      'audit.jsonl',
      'entries-jonkoping-2020.json',
    ]);
    for (const f of snapshot.manifest.files)
      expect(readFileSync(path.join(snapshot.dir, f.name), 'utf8')).to.equal(
        readFileSync(path.join(dir, f.name), 'utf8'),
      );
    expect((await cli(['check'], dir)).code).to.equal(0);
  });

  it('a snapshot waits for a write under way and holds the next one back (taken between writes)', async () => {
    const dir = tempDir();
    const store = await seededStore(dir);
    const order: string[] = [];
    const snapshot = store.betweenWrites(async () => {
      order.push('snapshot');
      await new Promise((r) => setTimeout(r, 50));
      order.push('snapshot done');
    });
    const write = store.subscriptions.all(); // reading is never held back
    expect(write).to.deep.equal([]);
    await Promise.all([
      snapshot,
      store.audit
        .record({ at: new Date().toISOString(), by: { id: 'a', name: 'A' }, via: 'cli', action: 'area.changed' })
        .then(() => order.push('write')),
    ]);
    expect(order).to.deep.equal(['snapshot', 'snapshot done', 'write']);
  });

  it('store:check finds a damaged file in the store and in a snapshot, says which and exits 1', async () => {
    const dir = tempDir();
    await seededStore(dir);
    const snapshot = await takeSnapshot(dir, 'manual', { now: new Date() });
    writeFileSync(
      path.join(snapshot.dir, 'entries-jonkoping-2020.json'),
      '{"version": 1, "agreementId": "jonkoping-2020", "entries": [{"id": 1}], "completions": []}',
    );
    const damagedSnapshot = await cli(['check'], dir);
    expect(damagedSnapshot.code).to.equal(1);
    expect(damagedSnapshot.out).to.include(path.join(snapshot.dir, 'entries-jonkoping-2020.json'));
    expect(damagedSnapshot.out).to.include('kontrollsumman stämmer inte');
    expect(damagedSnapshot.out).to.match(/^OK {2}lagringen/mu);

    writeFileSync(
      path.join(dir, 'entries-jonkoping-2020.json'),
      '{"version": 1, "agreementId": "jonkoping-2020", "entries": [{"id": 1}], "completions": []}',
    );
    const damagedStore = await cli(['check'], dir);
    expect(damagedStore.code).to.equal(1);
    expect(damagedStore.out).to.match(/^FEL lagringen/mu);
    expect(damagedStore.out).to.include(`FEL  ${path.join(dir, 'entries-jonkoping-2020.json')}`);
  });

  it('store:check says in Swedish what it does not take, and that one snapshot is "1 säkerhetskopia"', async () => {
    const dir = tempDir();
    await seededStore(dir);
    const unknown = await cli(['check', '--nope'], dir);
    expect(unknown.code).to.equal(2);
    expect(unknown.err.split('\n')[0]).to.equal('Okänt argument: --nope');
    await takeSnapshot(dir, 'manual', { now: new Date() });
    const one = await cli(['check'], dir);
    expect(one.code).to.equal(0);
    expect(one.out).to.include('Allt i ordning: lagringen och 1 säkerhetskopia.\n');
    await takeSnapshot(dir, 'manual', { now: new Date(Date.now() + 1000) });
    expect((await cli(['check'], dir)).out).to.include('Allt i ordning: lagringen och 2 säkerhetskopior.\n');
  });

  it('store:check on a folder that does not exist names the missing store and its fix, without a stack', async () => {
    const dir = path.join(tempDir(), 'saknas');
    const r = await cli(['check'], dir);
    expect(r.code).to.equal(1);
    expect(r.err).to.equal(
      `Hittar ingen lagring i ${dir}: ${path.join(dir, 'areas.json')} finns inte. Sätt STORE_DIR eller --store till botens lagringskatalog.\n` +
        'Åtgärd (fel 209): Sätt STORE_DIR eller --store till botens lagringsmapp.\n',
    );
  });

  it('keeps 30 days of snapshots (configurable), never removing the newest', async () => {
    const dir = tempDir();
    await seededStore(dir);
    for (const day of ['2026-10-01', '2026-11-05', '2026-11-28'])
      await takeSnapshot(dir, 'nightly', { now: new Date(`${day}T03:00:00Z`) });
    const removed = await pruneSnapshots(dir, 30, new Date('2026-11-29T03:00:00Z'));
    expect(removed.map((r) => path.basename(r))).to.deep.equal(['2026-10-01T03-00-00-000Z-nightly']);
    expect((await listSnapshots(dir)).map((s) => s.manifest.createdAt.slice(0, 10))).to.deep.equal([
      '2026-11-05',
      '2026-11-28',
    ]);
    expect(await pruneSnapshots(dir, 1, new Date('2027-06-01T00:00:00Z'))).to.have.length(1);
    expect(await listSnapshots(dir)).to.have.length(1);
  });

  describe('with the real bot process', function () {
    this.timeout(120_000);
    let bot: BotProcess | undefined;
    afterEach(async () => bot?.stop());

    async function say(port: number, text: string) {
      const res = await fetch(`http://127.0.0.1:${port}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          type: 'message',
          id: `b-${Math.random()}`,
          channelId: 'emulator',
          serviceUrl: 'http://127.0.0.1:9/',
          deliveryMode: 'expectReplies',
          text,
          from: { id: 'user-1', name: 'Anna', aadObjectId: 'aad-anna' },
          recipient: { id: 'bot' },
          conversation: { id: 'conv-1', conversationType: 'personal' },
        }),
      });
      return JSON.stringify(await res.json());
    }

    it('a snapshot appears after start, and a restored snapshot starts with the same figures; restore refuses while the bot runs', async () => {
      const dir = tempDir();
      bot = await startBot({ STORE_DIR: dir });
      expect(bot.output()).to.include('snapshot taken');
      const atStart = await listSnapshots(dir);
      expect(atStart.map((s) => s.manifest.reason)).to.deep.equal(['start']);
      for (const d of ['2020-02-01', '2020-03-01', '2020-04-01'])
        await say(bot.port, `/logga gemensam krogtillsyn ${d}`);
      expect(await say(bot.port, '/status 2020')).to.include('3 av 4 tillfällen');

      const refused = await cli(['restore', path.basename(atStart[0]!.dir)], dir);
      expect(refused.code).to.equal(1);
      expect(refused.err).to.include('används redan av process');
      await bot.stop();

      const taken = await cli(['snapshot'], dir);
      expect(taken.code, taken.err).to.equal(0);
      const three = (await listSnapshots(dir)).at(-1)!;

      bot = await startBot({ STORE_DIR: dir });
      // The start snapshot is younger than a day: none is taken again.
      expect(bot.output()).not.to.include('snapshot taken');
      await say(bot.port, '/logga gemensam krogtillsyn 2020-05-01');
      expect(await say(bot.port, '/status 2020')).to.include('4 av 4 tillfällen');
      await bot.stop();

      const restored = await cli(['restore', three.dir], dir);
      expect(restored.code, restored.err).to.equal(0);
      const aside = readdirSync(dir).find((f) => f.startsWith('ersatt-'));
      expect(aside).to.be.a('string');
      expect(readFileSync(path.join(dir, aside!, 'entries-jonkoping-2020.json'), 'utf8')).to.include('2020-05-01');

      bot = await startBot({ STORE_DIR: dir });
      expect(await say(bot.port, '/status 2020')).to.include('3 av 4 tillfällen');
      expect(existsSync(path.join(dir, 'audit.jsonl'))).to.equal(true);
      expect(readFileSync(path.join(dir, 'audit.jsonl'), 'utf8')).to.include('"store.restored"');
    });
  });
});
