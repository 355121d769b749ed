import { expect } from 'chai';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Adapter } from 'lowdb';
import { AgreementConflictError } from '../../src/domain/agreement.js';
import type { Entry } from '../../src/domain/entry.js';
import { fileStorage, MemoryStorage, StoreFileError, type Storage } from '../../src/store/storage.js';
import { Store } from '../../src/store/store.js';
import { bundledAgreements } from '../support/fakes.js';
import { tempDir } from '../support/harness.js';

const seed = await bundledAgreements();
const jonkoping = {
  id: 'jonkoping',
  name: 'Jönköpings kommun',
  policeArea: 'Lokalpolisområde södra Vätterbygden',
  tenants: [],
  coordinators: [],
};

function entry(n: number, overrides: Partial<Entry> = {}): Entry {
  return {
    id: `e${n}`,
    agreementId: 'jonkoping-2020',
    activityId: 'gemensam-krogtillsyn',
    date: '2020-03-14',
    count: 1,
    by: { id: 'aad-anna', name: 'Anna' },
    loggedAt: '2020-03-14T18:00:00.000Z',
    ...overrides,
  };
}

async function expectStoreFileError(promise: Promise<unknown>, file: string): Promise<StoreFileError> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(StoreFileError);
    expect((error as StoreFileError).file).to.equal(file);
    expect((error as Error).message).to.include(file);
    return error as StoreFileError;
  }
  throw new Error('expected the store to refuse to open');
}

describe('Store on JSON files', () => {
  it('seeds a new store from the bundled agreements as one area, one entries file per agreement, the seeding audited', async () => {
    const dir = tempDir();
    const store = await Store.open(fileStorage(dir), seed, { tenants: ['tenant-jkpg'], coordinators: ['aad-sam'] });
    expect(store.openedAs).to.equal('created');
    expect(store.agreements().map((a) => a.id)).to.deep.equal(['jonkoping-2018-2019', 'jonkoping-2020']);
    expect(readdirSync(dir).sort()).to.deep.equal([
      'area-jonkoping.json',
      'areas.json',
      'audit.jsonl',
      'entries-jonkoping-2018-2019.json',
      'entries-jonkoping-2020.json',
    ]);
    expect(JSON.parse(readFileSync(path.join(dir, 'areas.json'), 'utf8'))).to.deep.equal({
      version: 1,
      areas: ['jonkoping'],
    });
    const onDisk = JSON.parse(readFileSync(path.join(dir, 'area-jonkoping.json'), 'utf8'));
    expect(onDisk.version).to.equal(1);
    expect(onDisk.area).to.deep.equal({
      id: 'jonkoping',
      name: 'Jönköpings kommun',
      policeArea: 'Lokalpolisområde södra Vätterbygden',
      tenants: ['tenant-jkpg'],
      coordinators: ['aad-sam'],
    });
    expect(onDisk.agreements).to.have.length(2);
  });

  it('does not seed again on a second start, and keeps what was logged', async () => {
    const dir = tempDir();
    const first = await Store.open(fileStorage(dir), seed);
    await first.addEntry(entry(1));
    const again = await Store.open(fileStorage(dir), []);
    expect(again.agreements()).to.have.length(2);
    expect(again.entries('jonkoping-2020').map((e) => e.id)).to.deep.equal(['e1']);
  });

  it("writes an entry only to its own agreement's file", async () => {
    const dir = tempDir();
    const store = await Store.open(fileStorage(dir), seed);
    const before = readFileSync(path.join(dir, 'entries-jonkoping-2018-2019.json'), 'utf8');
    const areaBefore = readFileSync(path.join(dir, 'area-jonkoping.json'), 'utf8');
    await store.addEntry(entry(1));
    expect(readFileSync(path.join(dir, 'entries-jonkoping-2018-2019.json'), 'utf8')).to.equal(before);
    expect(readFileSync(path.join(dir, 'area-jonkoping.json'), 'utf8')).to.equal(areaBefore);
    const file = JSON.parse(readFileSync(path.join(dir, 'entries-jonkoping-2020.json'), 'utf8'));
    expect(file.entries.map((e: Entry) => e.id)).to.deep.equal(['e1']);
  });

  it('has the entry on disk when addEntry resolves (write, then acknowledge)', async () => {
    const dir = tempDir();
    const store = await Store.open(fileStorage(dir), seed);
    await store.addEntry(entry(7, { note: 'lugn kväll' }));
    const file = JSON.parse(readFileSync(path.join(dir, 'entries-jonkoping-2020.json'), 'utf8'));
    expect(file.entries[0]).to.include({ id: 'e7', note: 'lugn kväll' });
  });

  it('keeps every one of many concurrent writes, and leaves no temp files', async () => {
    const dir = tempDir();
    const store = await Store.open(fileStorage(dir), seed);
    await Promise.all(Array.from({ length: 60 }, (_, i) => store.addEntry(entry(i))));
    const reopened = await Store.open(fileStorage(dir), []);
    expect(reopened.entries('jonkoping-2020')).to.have.length(60);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).to.deep.equal([]);
  });

  it('stores an entry from the same source once', async () => {
    const store = await Store.open(new MemoryStorage(), seed);
    const first = await store.addEntry(entry(1, { sourceId: 'message:abc' }));
    const second = await store.addEntry(entry(2, { sourceId: 'message:abc' }));
    expect(first.stored).to.equal(true);
    expect(second).to.include({ stored: false, reason: 'duplicate' });
    expect(second.entry.id).to.equal('e1');
    expect(store.entries('jonkoping-2020')).to.have.length(1);
  });

  it('keeps an undone entry as an audit record', async () => {
    const dir = tempDir();
    const store = await Store.open(fileStorage(dir), seed);
    await store.addEntry(entry(1));
    await store.markRemoved('jonkoping-2020', 'e1', {
      by: { id: 'aad-anna', name: 'Anna' },
      at: '2020-03-15T08:00:00.000Z',
      reason: 'undo',
    });
    const reopened = await Store.open(fileStorage(dir), []);
    const kept = reopened.entries('jonkoping-2020')[0];
    expect(kept?.removed).to.deep.include({ reason: 'undo', at: '2020-03-15T08:00:00.000Z' });
  });

  it('adds one agreement when two requests for it overlap, and refuses an overlapping period', async () => {
    const store = await Store.open(new MemoryStorage(), seed);
    const copy = {
      ...structuredClone(seed[1]!),
      id: 'jonkoping-2026',
      title: 'Medborgarlöfte 2026',
      period: { start: '2026-01-01', end: '2026-12-31' },
    };
    const results = await Promise.allSettled([store.addAgreement(copy), store.addAgreement(copy)]);
    expect(results.map((r) => r.status).sort()).to.deep.equal(['fulfilled', 'rejected']);
    expect(store.agreements().filter((a) => a.id === 'jonkoping-2026')).to.have.length(1);
    const rejected = results.find((r) => r.status === 'rejected');
    expect(rejected?.reason).to.be.instanceOf(AgreementConflictError).and.include({ reason: 'duplicate' });
    const overlap = await store.addAgreement({ ...copy, id: 'jonkoping-2026b' }).catch((e: unknown) => e);
    expect(overlap)
      .to.be.instanceOf(AgreementConflictError)
      .and.include({ reason: 'overlap', conflictsWith: 'jonkoping-2026' });
  });

  it('refuses an entry for an agreement it does not have', async () => {
    const store = await Store.open(new MemoryStorage(), seed);
    let failed = false;
    await store.addEntry(entry(1, { agreementId: 'nowhere-2020' })).catch(() => (failed = true));
    expect(failed).to.equal(true);
  });

  describe('an unreadable file stops the start, named, and is left untouched', () => {
    const cases: [string, string, string][] = [
      ['entries file that is not JSON', 'entries-jonkoping-2020.json', '{"version":1,"entries":[{"id": '],
      [
        'entries file with a negative count',
        'entries-jonkoping-2020.json',
        JSON.stringify({
          version: 1,
          agreementId: 'jonkoping-2020',
          entries: [{ ...entry(1), count: -2 }],
          completions: [],
        }),
      ],
      [
        'entries file of a newer version',
        'entries-jonkoping-2020.json',
        JSON.stringify({ version: 2, agreementId: 'jonkoping-2020', entries: [], completions: [] }),
      ],
      ['area index that is empty', 'areas.json', ''],
      [
        'area index naming an area twice',
        'areas.json',
        JSON.stringify({ version: 1, areas: ['jonkoping', 'jonkoping'] }),
      ],
      ['area file that is empty', 'area-jonkoping.json', ''],
      [
        'area file with a broken agreement',
        'area-jonkoping.json',
        JSON.stringify({ version: 1, area: jonkoping, agreements: [{ id: 'x' }], bindings: [], history: [] }),
      ],
      [
        'area file with overlapping periods',
        'area-jonkoping.json',
        JSON.stringify({
          version: 1,
          area: jonkoping,
          agreements: [seed[1], { ...seed[1], id: 'jonkoping-2020-b' }],
          bindings: [],
          history: [],
        }),
      ],
      [
        'area file holding an agreement of another area',
        'area-jonkoping.json',
        JSON.stringify({
          version: 1,
          area: jonkoping,
          agreements: [{ ...seed[1], area: 'habo' }],
          bindings: [],
          history: [],
        }),
      ],
      [
        'area file for another area than its name',
        'area-jonkoping.json',
        JSON.stringify({ version: 1, area: { ...jonkoping, id: 'habo' }, agreements: [], bindings: [], history: [] }),
      ],
    ];
    for (const [name, file, content] of cases) {
      it(name, async () => {
        const dir = tempDir();
        await Store.open(fileStorage(dir), seed);
        const target = path.join(dir, file);
        writeFileSync(target, content);
        await expectStoreFileError(Store.open(fileStorage(dir), seed), target);
        expect(readFileSync(target, 'utf8')).to.equal(content);
      });
    }
  });

  it('does not acknowledge an entry whose write failed, and forgets it', async () => {
    const failing = new MemoryStorage();
    let failWrites = false;
    const storage: Storage = {
      appendLog: (name) => failing.appendLog(name),
      document(name) {
        const doc = failing.document(name);
        const adapter: Adapter<unknown> = {
          read: () => doc.adapter.read(),
          write: async (data) => {
            if (failWrites) throw new Error('disk full');
            await doc.adapter.write(data);
          },
        };
        return { label: doc.label, adapter };
      },
    };
    const store = await Store.open(storage, seed);
    failWrites = true;
    let error: unknown;
    await store.addEntry(entry(1)).catch((e: unknown) => (error = e));
    expect((error as Error).message).to.equal('disk full');
    expect(store.entries('jonkoping-2020')).to.deep.equal([]);
    failWrites = false;
    await store.addEntry(entry(2));
    expect(store.entries('jonkoping-2020').map((e) => e.id)).to.deep.equal(['e2']);
  });
});
