// The store per area: the upgrade of a single-area store (a fixture written by that version),
// areas kept apart on disk, overlap rules, bindings.
import { expect } from 'chai';
import { createHash } from 'node:crypto';
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Adapter } from 'lowdb';
import { AgreementConflictError, type Agreement } from '../../src/domain/agreement.js';
import { agreementConflictText } from '../../src/views/storeTexts.js';
import { fileStorage, StoreFileError, type Storage } from '../../src/store/storage.js';
import { Store } from '../../src/store/store.js';
import { haboInput } from '../support/areasHarness.js';
import { bundledAgreements } from '../support/fakes.js';
import { readable, tempDir } from '../support/harness.js';
import { testBot } from '../support/testBot.js';

const FIXTURE = new URL('../fixtures/stores/v1-jonkoping/', import.meta.url);
const seed = await bundledAgreements();
const OPERATOR = { by: { id: 'cli:op', name: 'op' }, at: new Date('2026-11-29T12:00:00Z') };

function copyFixture(): string {
  const dir = tempDir('mlb-upgrade-');
  cpSync(FIXTURE, dir, { recursive: true });
  return dir;
}

function hashes(dir: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir)
      .filter((f) => !f.startsWith('.'))
      .sort()
      .map((f) => [
        f,
        createHash('sha256')
          .update(readFileSync(path.join(dir, f)))
          .digest('hex'),
      ]),
  );
}

describe('store: upgrade of a single-area store', () => {
  it('becomes one area with ALLOWED_TENANTS and COORDINATORS; entries, completions and subscriptions are as they were', async () => {
    const dir = copyFixture();
    const before = hashes(dir);
    const store = await Store.open(fileStorage(dir), seed, {
      tenants: ['tenant-jkpg'],
      coordinators: ['aad-sam', 'sam@jonkoping.se'],
      now: new Date('2026-11-29T12:00:00Z'),
    });
    expect(store.openedAs).to.equal('upgraded');
    expect(store.areas()).to.deep.equal([
      {
        id: 'jonkoping',
        name: 'Jönköpings kommun',
        policeArea: 'Lokalpolisområde södra Vätterbygden',
        tenants: ['tenant-jkpg'],
        coordinators: ['aad-sam', 'sam@jonkoping.se'],
      },
    ]);
    expect(
      store
        .inArea('jonkoping')
        .agreements()
        .map((a) => a.id),
    ).to.deep.equal(['jonkoping-2018-2019', 'jonkoping-2020']);
    expect(store.entries('jonkoping-2020').map((e) => [e.id, e.removed?.reason])).to.deep.equal([
      ['e-1', undefined],
      ['e-2', undefined],
      ['e-3', 'undo'],
    ]);
    expect(store.entries('jonkoping-2018-2019').map((e) => e.id)).to.deep.equal(['e-4']);
    expect(store.completions('jonkoping-2020').map((c) => c.activityId)).to.deep.equal(['enkatundersokning']);
    expect(store.subscriptions.active().map((s) => s.id)).to.deep.equal(['sub-1']);
    expect(store.areaHistory('jonkoping')[0]).to.deep.include({ action: 'upgraded', at: '2026-11-29T12:00:00.000Z' });

    // Only new files were written: everything from before is byte for byte as it was.
    const after = hashes(dir);
    for (const [file, hash] of Object.entries(before)) expect(after[file], file).to.equal(hash);
    expect(Object.keys(after).filter((f) => !(f in before))).to.deep.equal(['area-jonkoping.json', 'areas.json']);

    // A second start opens the areas and reads agreements.json no more.
    const again = await Store.open(fileStorage(dir), seed, { tenants: ['other'], coordinators: [] });
    expect(again.openedAs).to.equal('existing');
    expect(again.area('jonkoping')?.tenants).to.deep.equal(['tenant-jkpg']);
    expect(again.entries('jonkoping-2020')).to.have.length(3);
  });

  it('its users notice nothing: the same figures, their own entries, coordinators as before, no question', async () => {
    const dir = copyFixture();
    const store = await Store.open(fileStorage(dir), seed, { tenants: ['tenant-jkpg'], coordinators: ['aad-sam'] });
    const { app } = await testBot({ store, now: '2020-06-15T10:00:00+02:00', backend: 'file', newId: () => 'new-1' });
    const as = (aad: string, text: string) =>
      app.handle({
        user: { id: `29:${aad}`, name: aad, aadObjectId: aad },
        conversation: { id: `a:${aad}`, kind: 'personal', tenantId: 'tenant-jkpg' },
        activityId: `x-${text}`,
        text,
      });
    const status = readable(await as('aad-anna', '/status gemensam krogtillsyn'));
    expect(status).to.include('3 av 4');
    expect(readable(await as('aad-anna', '/mina'))).to.include('Öxnehaga');
    expect(readable(await as('aad-sam', '/klar grannsamverkan 2020-06-01'))).not.to.include('bara en samordnare');
    expect(readable(await as('aad-anna', '/klar grannsamverkan'))).to.include('bara en samordnare');
  });

  it('an interrupted upgrade (areas.json never written) is done again at the next start', async () => {
    const dir = copyFixture();
    const files = fileStorage(dir);
    const failing: Storage = {
      appendLog: (name) => files.appendLog(name),
      document(name) {
        const doc = files.document(name);
        const adapter: Adapter<unknown> = {
          read: () => doc.adapter.read(),
          write: (data) => (name === 'areas' ? Promise.reject(new Error('power cut')) : doc.adapter.write(data)),
        };
        return { label: doc.label, adapter };
      },
      journal: (name) => files.journal(name),
    };
    let error: unknown;
    await Store.open(failing, seed, { tenants: ['tenant-jkpg'] }).catch((e: unknown) => (error = e));
    expect((error as Error).message).to.equal('power cut');
    expect(readdirSync(dir)).not.to.include('areas.json');
    const store = await Store.open(fileStorage(dir), seed, { tenants: ['tenant-jkpg'] });
    expect(store.openedAs).to.equal('upgraded');
    expect(store.entries('jonkoping-2020')).to.have.length(3);
  });

  it('an unreadable agreements.json stops the start, named, and nothing is written', async () => {
    const dir = copyFixture();
    writeFileSync(path.join(dir, 'agreements.json'), '{"version":1,"agreements":[');
    const before = hashes(dir);
    let error: unknown;
    await Store.open(fileStorage(dir), seed).catch((e: unknown) => (error = e));
    expect(error).to.be.instanceOf(StoreFileError);
    expect((error as StoreFileError).file).to.equal(path.join(dir, 'agreements.json'));
    expect(hashes(dir)).to.deep.equal(before);
  });

  it('an area file it cannot read is left untouched, also when an upgrade would write it', async () => {
    const dir = copyFixture();
    writeFileSync(path.join(dir, 'area-jonkoping.json'), 'not json');
    let error: unknown;
    await Store.open(fileStorage(dir), seed).catch((e: unknown) => (error = e));
    expect((error as StoreFileError).file).to.equal(path.join(dir, 'area-jonkoping.json'));
    expect(readFileSync(path.join(dir, 'area-jonkoping.json'), 'utf8')).to.equal('not json');
  });
});

describe('store: areas kept apart', () => {
  async function twoAreas(dir: string): Promise<Store> {
    const store = await Store.open(fileStorage(dir), seed, { tenants: ['tenant-jkpg'] });
    const { agreements = [], ...habo } = haboInput();
    await store.addArea(habo, agreements, OPERATOR);
    return store;
  }

  it('a write in one area never rewrites another area’s files', async () => {
    const dir = tempDir();
    const store = await twoAreas(dir);
    const jonkopingFiles = (h: Record<string, string>) =>
      Object.fromEntries(Object.entries(h).filter(([f]) => f.includes('jonkoping')));
    const before = jonkopingFiles(hashes(dir));
    const habo = store.inArea('habo');
    await habo.addEntry({
      id: 'h1',
      agreementId: 'habo-2020',
      activityId: 'skolbesok',
      date: '2020-03-02',
      count: 1,
      by: { id: 'aad-hanna', name: 'Hanna' },
      loggedAt: '2020-03-02T10:00:00.000Z',
    });
    await habo.addCompletion('habo-2020', {
      activityId: 'trygghetsvandring',
      date: '2020-04-01',
      by: { id: 'aad-sara', name: 'Sara' },
      at: '2020-04-01T10:00:00.000Z',
    });
    await store.updateArea(
      'habo',
      (a) => ((a.coordinators = [...a.coordinators, 'x@habo.se']), { action: 'coordinatorAdded', detail: 'x' }),
      OPERATOR,
    );
    await store.bind('conversation', 'chat-1', 'habo', OPERATOR);
    const copy: Agreement = {
      ...structuredClone(haboInput().agreements?.[0] as Agreement),
      id: 'habo-2021',
      period: { start: '2021-01-01', end: '2021-12-31' },
    };
    await habo.addAgreement(copy);
    expect(jonkopingFiles(hashes(dir))).to.deep.equal(before);
    const reopened = await Store.open(fileStorage(dir), seed);
    expect(
      reopened
        .inArea('habo')
        .agreements()
        .map((a) => a.id),
    ).to.deep.equal(['habo-2020', 'habo-2021']);
    expect(reopened.binding('conversation', 'chat-1')?.areaId).to.equal('habo');
  });

  it('one area’s view knows nothing of another’s agreements and refuses to write to them', async () => {
    const store = await twoAreas(tempDir());
    const habo = store.inArea('habo');
    expect(habo.agreement('jonkoping-2020')).to.equal(undefined);
    expect(habo.entries('jonkoping-2020')).to.deep.equal([]);
    let refused = false;
    await habo
      .addEntry({
        id: 'x',
        agreementId: 'jonkoping-2020',
        activityId: 'gemensam-krogtillsyn',
        date: '2020-03-02',
        count: 1,
        by: { id: 'a', name: 'A' },
        loggedAt: '2020-03-02T10:00:00.000Z',
      })
      .catch(() => (refused = true));
    expect(refused).to.equal(true);
    expect(store.entries('jonkoping-2020')).to.deep.equal([]);
  });

  it('overlapping periods: refused within an area, accepted across areas', async () => {
    const store = await twoAreas(tempDir());
    // Habo 2020 and Jönköping 2020 share the year already.
    expect(store.agreement('habo-2020')?.period).to.deep.equal(store.agreement('jonkoping-2020')?.period);
    const overlapping: Agreement = {
      ...structuredClone(store.agreement('habo-2020') as Agreement),
      id: 'habo-2020-h2',
      period: { start: '2020-07-01', end: '2021-06-30' },
    };
    let error: unknown;
    await store
      .inArea('habo')
      .addAgreement(overlapping)
      .catch((e: unknown) => (error = e));
    expect(error)
      .to.be.instanceOf(AgreementConflictError)
      .and.include({ reason: 'overlap', conflictsWith: 'habo-2020' });
    expect(agreementConflictText(error as AgreementConflictError)).to.equal('perioden överlappar habo-2020');
    expect(store.agreement('habo-2020-h2')).to.equal(undefined);
    // A third area whose year is the same as both: accepted.
    await store.addArea(
      {
        id: 'mullsjo',
        name: 'Mullsjö kommun',
        policeArea: 'Lokalpolisområde södra Vätterbygden',
        tenants: ['t-m'],
        coordinators: [],
      },
      [{ ...overlapping, id: 'mullsjo-2020', area: 'mullsjo' }],
      OPERATOR,
    );
    expect(store.agreement('mullsjo-2020')).not.to.equal(undefined);
  });

  it('an agreement id is unique across areas, and an area cannot hold another area’s agreement', async () => {
    const store = await twoAreas(tempDir());
    const habo2020 = store.agreement('habo-2020') as Agreement;
    let error: unknown;
    await store
      .addArea(
        { id: 'mullsjo', name: 'Mullsjö kommun', policeArea: 'P', tenants: ['t'], coordinators: [] },
        [{ ...habo2020, area: 'mullsjo' }],
        OPERATOR,
      )
      .catch((e: unknown) => (error = e));
    expect(error)
      .to.be.instanceOf(AgreementConflictError)
      .and.include({ reason: 'duplicate', agreementId: 'habo-2020' });
    expect(agreementConflictText(error as AgreementConflictError)).to.equal('medborgarlöftet habo-2020 finns redan');
    error = undefined;
    await store
      .addArea(
        { id: 'mullsjo', name: 'Mullsjö kommun', policeArea: 'P', tenants: ['t'], coordinators: [] },
        [{ ...habo2020, id: 'mullsjo-2020' }],
        OPERATOR,
      )
      .catch((e: unknown) => (error = e));
    expect((error as Error).message).to.include('hör till området "habo"');
    expect(store.area('mullsjo')).to.equal(undefined);
  });

  it('a binding moved to another area is taken out of the first, and recorded in both', async () => {
    const store = await twoAreas(tempDir());
    await store.bind('team', 'team-1', 'jonkoping', OPERATOR);
    await store.bind('team', 'team-1', 'habo', { ...OPERATOR, at: new Date('2026-11-29T13:00:00Z') });
    expect(store.binding('team', 'team-1')).to.deep.equal({ areaId: 'habo', at: '2026-11-29T13:00:00.000Z' });
    expect(store.areaHistory('jonkoping').map((c) => c.action)).to.include('unbound');
    expect(store.areaHistory('habo').map((c) => c.action)).to.include('bound');
  });
});
