// npm run store:migrate: a file store moved into an empty database holds the same records and
// figures, and a database that holds data is refused untouched.
import { expect } from 'chai';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runStoreMigrate } from '../../../scripts/store-migrate.js';
import { agreementStatus } from '../../../src/domain/status.js';
import { openPostgresStore } from '../../../src/store/postgres/index.js';
import { ServiceUrlStore } from '../../../src/store/serviceUrls.js';
import { fileStorage } from '../../../src/store/storage.js';
import { Store } from '../../../src/store/store.js';
import { sampleEntry } from '../../support/entries.js';
import { bundledAgreements, newId, referenceFor } from '../../support/fakes.js';
import { freshDatabase } from './database.js';
import { setupAudit } from '../../support/audit.js';

const anna = { id: 'aad-anna', name: 'Anna' };

describe('npm run store:migrate', () => {
  const database = freshDatabase();
  let dir: string;

  before(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'store-migrate-'));
    const storage = fileStorage(dir);
    const store = await Store.open(storage, await bundledAgreements(), { now: new Date('2020-03-01T00:00:00Z') });
    const area = store.inArea('jonkoping');
    for (let n = 1; n <= 30; n++)
      await area.addEntry(
        sampleEntry(n, { date: `2020-03-${String((n % 28) + 1).padStart(2, '0')}`, sourceId: `m${n}` }),
        {
          at: '2020-03-14T18:00:00.000Z',
          by: anna,
          via: 'chat',
          action: 'entry.logged',
          agreementId: 'jonkoping-2020',
          entryId: `e${n}`,
        },
      );
    await area.markRemoved('jonkoping-2020', 'e3', { by: anna, at: '2020-03-20T08:00:00.000Z', reason: 'undo' });
    await store.bind('conversation', '19:c1', 'jonkoping', { by: anna, at: new Date('2020-03-02T00:00:00Z') });
    await store.subscriptions.subscribe(
      {
        conversation: { id: '19:c1', kind: 'channel', name: 'SSG', tenantId: 't1', teamId: '19:team' },
        reference: referenceFor('http://127.0.0.1:9', '19:c1'),
        schedule: { weekday: 4, time: '07:30' },
        by: anna,
        at: new Date('2020-03-02T00:00:00Z'),
        newId,
      },
      setupAudit(),
    );
    await store.reminders.claim({ id: '29:anna', name: 'Anna' }, '2020-W12', new Date('2020-03-16T08:00:00Z'));
    const urls = await ServiceUrlStore.open(storage);
    await urls.trust('t1', 'https://smba.trafficmanager.net/emea/', new Date('2020-03-02T00:00:00Z'));
    await store.settled();
    await store.close();
  });
  after(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('copies every record, and the counts and status figures are the same on both', async () => {
    const out: string[] = [];
    const code = await runStoreMigrate(
      ['--from', dir, '--to', database.url()],
      {},
      { out: (t) => out.push(t), err: (t) => out.push(t) },
      '2020-04-01',
    );
    const printed = out.join('');
    expect(code, printed).to.equal(0);
    expect(printed).to.match(/entries\s+30\s+30\s+ok/u);
    expect(printed).to.match(/status jonkoping-2020\s+samma/u);
    expect(printed.split('\n')[1]).to.match(/^tabell\s+filer\s+postgres/u);
    expect(printed).to.include(`Kopierar ${dir} till `);
    expect(printed).to.include('Databasen har samma poster och siffror.\n');

    const target = await openPostgresStore({ url: database.url() });
    try {
      const records = target.records('jonkoping');
      const entries = await records.entries('jonkoping-2020');
      expect(entries).to.have.length(30);
      expect(entries.find((e) => e.id === 'e3')?.removed?.reason).to.equal('undo');
      const agreement = (await records.agreement('jonkoping-2020'))!;
      const status = agreementStatus(agreement, entries, [], '2020-04-01');
      expect(status.activities.find((a) => a.activity.id === 'gemensam-krogtillsyn')?.total).to.equal(29);
      expect(await target.areas.binding('conversation', '19:c1')).to.deep.include({ areaId: 'jonkoping' });
      expect((await target.subscriptions.forConversation('19:c1'))?.conversationName).to.equal('SSG');
      expect(await target.serviceUrls.isTrusted('t1', 'https://smba.trafficmanager.net/emea')).to.equal(true);
      expect(await target.reminders.claim({ id: '29:anna', name: 'Anna' }, '2020-W12', new Date())).to.equal(false);
      expect((await target.audit.read({ entryId: 'e1' })).map((r) => r.action)).to.deep.equal(['entry.logged']);
    } finally {
      await target.close();
    }
  });

  it('says in Swedish what it does not take, that no database is named, or that the folder holds no store', async () => {
    const said = async (argv: string[], env: Record<string, string> = {}) => {
      let err = '';
      const code = await runStoreMigrate(argv, env, { out: () => undefined, err: (t) => (err += t) });
      return { code, err };
    };
    const usage = 'Användning: npm run store:migrate -- [--from <lagringsmapp>] [--to <postgres://…>]\n';
    expect(await said(['--nope'])).to.deep.equal({ code: 2, err: `Okänt argument: --nope\n${usage}` });
    expect(await said(['--from', dir])).to.deep.equal({
      code: 2,
      err: `Ingen databas: ange --to <adress> eller sätt DATABASE_URL.\n${usage}`,
    });
    const empty = path.join(dir, 'saknas');
    expect(await said(['--from', empty, '--to', 'postgres://127.0.0.1:9/x'])).to.deep.equal({
      code: 1,
      err: `Hittar ingen fillagring i ${empty} (areas.json saknas). Ange --from eller sätt STORE_DIR.\n`,
    });
  });

  it('refuses a database that already holds data, and copies nothing into it', async () => {
    const err: string[] = [];
    const code = await runStoreMigrate(
      ['--from', dir, '--to', database.url()],
      {},
      { out: () => undefined, err: (t) => err.push(t) },
      '2020-04-01',
    );
    expect(code).to.equal(1);
    expect(err.join('')).to.include('databasen har redan innehåll (');
    expect(err.join('')).to.include('inget kopierades\nÅtgärd (fel 210): Flytta till en tom databas');
    const target = await openPostgresStore({ url: database.url() });
    try {
      expect((await target.counts()).entries).to.equal(30);
    } finally {
      await target.close();
    }
  });
});
