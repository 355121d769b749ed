import { expect } from 'chai';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Adapter } from 'lowdb';
import { AgreementConflictError } from '../../src/domain/agreement.js';
import type { Entry } from '../../src/domain/entry.js';
import { dayTotals, type DayTotal } from '../../src/domain/status.js';
import { fileStorage, MemoryStorage, StoreFileError, type Storage } from '../../src/store/storage.js';
import { Store } from '../../src/store/store.js';
import { bundledAgreements } from '../support/fakes.js';
import { tempDir } from '../support/harness.js';
import { sampleEntry as entry } from '../support/entries.js';

const seed = await bundledAgreements();
const jonkoping = {
  id: 'jonkoping',
  name: 'Jönköpings kommun',
  policeArea: 'Lokalpolisområde södra Vätterbygden',
  tenants: [],
  coordinators: [],
};

const journalOf = (dir: string, agreementId = 'jonkoping-2020') =>
  path.join(dir, `entries-${agreementId}.journal.jsonl`);

/** The journal's lines as written (an empty list when there is no journal). */
function journalLines(dir: string, agreementId = 'jonkoping-2020'): { seq: number; op: string; entry?: Entry }[] {
  const file = journalOf(dir, agreementId);
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.length > 0)
    .map((l) => JSON.parse(l) as { seq: number; op: string; entry?: Entry });
}

/** The ids of an agreement's entries as the files on disk hold them: the document, then the journal's additions. */
function entryIdsOnDisk(dir: string, agreementId = 'jonkoping-2020'): string[] {
  const doc = JSON.parse(readFileSync(path.join(dir, `entries-${agreementId}.json`), 'utf8')) as {
    journalSeq?: number;
    entries: Entry[];
  };
  const added = journalLines(dir, agreementId)
    .filter((l) => l.seq > (doc.journalSeq ?? 0) && l.op === 'add')
    .map((l) => l.entry!.id);
  return [...doc.entries.map((e) => e.id), ...added];
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

  it("appends an entry to its own agreement's journal only: no document is rewritten", async () => {
    const dir = tempDir();
    const store = await Store.open(fileStorage(dir), seed);
    const before = readFileSync(path.join(dir, 'entries-jonkoping-2018-2019.json'), 'utf8');
    const documentBefore = readFileSync(path.join(dir, 'entries-jonkoping-2020.json'), 'utf8');
    const areaBefore = readFileSync(path.join(dir, 'area-jonkoping.json'), 'utf8');
    await store.addEntry(entry(1));
    expect(readFileSync(path.join(dir, 'entries-jonkoping-2018-2019.json'), 'utf8')).to.equal(before);
    expect(existsSync(journalOf(dir, 'jonkoping-2018-2019'))).to.equal(false);
    expect(readFileSync(path.join(dir, 'area-jonkoping.json'), 'utf8')).to.equal(areaBefore);
    expect(readFileSync(path.join(dir, 'entries-jonkoping-2020.json'), 'utf8')).to.equal(documentBefore);
    expect(journalLines(dir).map((l) => [l.seq, l.op, l.entry?.id])).to.deep.equal([[1, 'add', 'e1']]);
    expect(entryIdsOnDisk(dir)).to.deep.equal(['e1']);
  });

  it('has the entry on disk when addEntry resolves (write, then acknowledge)', async () => {
    const dir = tempDir();
    const store = await Store.open(fileStorage(dir), seed);
    await store.addEntry(entry(7, { note: 'lugn kväll' }));
    expect(journalLines(dir)[0]?.entry).to.include({ id: 'e7', note: 'lugn kväll' });
  });

  it('keeps every one of many concurrent writes, and leaves no temp files', async () => {
    const dir = tempDir();
    const store = await Store.open(fileStorage(dir), seed);
    await Promise.all(Array.from({ length: 60 }, (_, i) => store.addEntry(entry(i))));
    expect(entryIdsOnDisk(dir)).to.have.length(60);
    const reopened = await Store.open(fileStorage(dir), []);
    expect(reopened.entries('jonkoping-2020')).to.have.length(60);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).to.deep.equal([]);
  });

  it('lets concurrent writes share one disk write (group commit)', async () => {
    const dir = tempDir();
    const files = fileStorage(dir);
    const appends: number[] = [];
    const storage: Storage = {
      document: (name) => files.document(name),
      appendLog: (name) => files.appendLog(name),
      journal(name) {
        const journal = files.journal(name);
        return {
          label: journal.label,
          read: () => journal.read(),
          replace: (text) => journal.replace(text),
          append: (text) => {
            appends.push(text.split('\n').length - 1);
            return journal.append(text);
          },
        };
      },
    };
    const store = await Store.open(storage, seed);
    await Promise.all(Array.from({ length: 60 }, (_, i) => store.addEntry(entry(i))));
    expect(appends.reduce((a, b) => a + b, 0)).to.equal(60);
    expect(appends.length).to.be.at.most(3);
    expect(journalLines(dir).map((l) => l.seq)).to.deep.equal(Array.from({ length: 60 }, (_, i) => i + 1));
  });

  it('folds the journal into the document at start, one entry per line, and the record reads the same', async () => {
    const dir = tempDir();
    const store = await Store.open(fileStorage(dir), seed);
    for (let i = 1; i <= 3; i++) await store.addEntry(entry(i));
    await store.markRemoved('jonkoping-2020', 'e2', {
      by: { id: 'aad-anna', name: 'Anna' },
      at: '2020-03-15T08:00:00.000Z',
      reason: 'undo',
    });
    const reopened = await Store.open(fileStorage(dir), []);
    expect(existsSync(journalOf(dir))).to.equal(false);
    const text = readFileSync(path.join(dir, 'entries-jonkoping-2020.json'), 'utf8');
    const doc = JSON.parse(text);
    expect(doc.journalSeq).to.equal(4);
    expect(doc.entries.map((e: Entry) => e.id)).to.deep.equal(['e1', 'e2', 'e3']);
    expect(doc.entries[1].removed).to.include({ reason: 'undo' });
    expect(text.split('\n').filter((l) => l.includes('"id":"e'))).to.have.length(3);
    expect(reopened.entries('jonkoping-2020').map((e) => [e.id, e.removed?.reason])).to.deep.equal([
      ['e1', undefined],
      ['e2', 'undo'],
      ['e3', undefined],
    ]);
  });

  it('folds in the background when the journal grows, and keeps writing meanwhile', async () => {
    const dir = tempDir();
    const store = await Store.open(fileStorage(dir), seed, { foldMinBytes: 2000 });
    for (let round = 0; round < 10; round++) {
      await Promise.all(Array.from({ length: 10 }, (_, i) => store.addEntry(entry(round * 10 + i))));
    }
    await store.settled();
    const doc = JSON.parse(readFileSync(path.join(dir, 'entries-jonkoping-2020.json'), 'utf8'));
    expect(doc.entries.length).to.be.greaterThan(50);
    expect(journalLines(dir).every((l) => l.seq > doc.journalSeq)).to.equal(true);
    expect(entryIdsOnDisk(dir)).to.have.length(100);
    const reopened = await Store.open(fileStorage(dir), []);
    expect(new Set(reopened.entries('jonkoping-2020').map((e) => e.id)).size).to.equal(100);
  });

  it('drops a torn last journal line (a crash cut the append short) and keeps the rest', async () => {
    const dir = tempDir();
    const store = await Store.open(fileStorage(dir), seed);
    await store.addEntry(entry(1));
    await store.addEntry(entry(2));
    const torn = JSON.stringify({ seq: 3, op: 'add', entry: entry(3) }).slice(0, 40);
    writeFileSync(journalOf(dir), readFileSync(journalOf(dir), 'utf8') + torn);
    const reopened = await Store.open(fileStorage(dir), []);
    expect(reopened.entries('jonkoping-2020').map((e) => e.id)).to.deep.equal(['e1', 'e2']);
    expect(reopened.recovered).to.deep.equal([{ journal: journalOf(dir), replayed: 2, tornBytes: 40 }]);
    await reopened.addEntry(entry(4));
    const again = await Store.open(fileStorage(dir), []);
    expect(again.entries('jonkoping-2020').map((e) => e.id)).to.deep.equal(['e1', 'e2', 'e4']);
  });

  it('skips journal lines the document already holds (a crash between writing the document and emptying the journal)', async () => {
    const dir = tempDir();
    const store = await Store.open(fileStorage(dir), seed);
    await store.addEntry(entry(1));
    await store.addEntry(entry(2));
    const journal = readFileSync(journalOf(dir), 'utf8');
    await Store.open(fileStorage(dir), []); // folds: the document holds e1, e2 and journalSeq 2
    writeFileSync(journalOf(dir), journal + `${JSON.stringify({ seq: 3, op: 'add', entry: entry(3) })}\n`);
    const reopened = await Store.open(fileStorage(dir), []);
    expect(reopened.entries('jonkoping-2020').map((e) => e.id)).to.deep.equal(['e1', 'e2', 'e3']);
  });

  it('reads the journal without changing any file when opened read-only', async () => {
    const dir = tempDir();
    const store = await Store.open(fileStorage(dir), seed);
    await store.addEntry(entry(1));
    writeFileSync(journalOf(dir), readFileSync(journalOf(dir), 'utf8') + '{"seq":2,');
    const before = readdirSync(dir).map((f) => [f, readFileSync(path.join(dir, f), 'utf8')]);
    const reader = await Store.open(fileStorage(dir), [], { readOnly: true });
    expect(reader.entries('jonkoping-2020').map((e) => e.id)).to.deep.equal(['e1']);
    expect(readdirSync(dir).map((f) => [f, readFileSync(path.join(dir, f), 'utf8')])).to.deep.equal(before);
  });

  it('runs a section between writes: nothing is written while it runs, and the files then hold every acknowledged entry', async () => {
    const dir = tempDir();
    const store = await Store.open(fileStorage(dir), seed);
    const first = Promise.all(Array.from({ length: 10 }, (_, i) => store.addEntry(entry(i))));
    let acknowledged = 0;
    void first.then(() => (acknowledged = 10));
    const seen = await store.betweenWrites(async () => {
      const later = store.addEntry(entry(99));
      let laterDone = false;
      void later.then(() => (laterDone = true));
      await new Promise((resolve) => setTimeout(resolve, 30));
      return { onDisk: entryIdsOnDisk(dir), inMemory: store.entries('jonkoping-2020').map((e) => e.id), laterDone };
    });
    await first;
    expect(acknowledged).to.equal(10);
    expect(seen.laterDone).to.equal(false);
    expect(seen.onDisk).to.deep.equal(seen.inMemory);
    expect(seen.onDisk).to.not.include('e99');
    await store.settled();
    expect(entryIdsOnDisk(dir)).to.include('e99');
  });

  it("keeps each activity's day totals as the domain computes them from the entries, through undo and restart", async () => {
    const storage = new MemoryStorage();
    const store = await Store.open(storage, seed);
    await store.addEntry(entry(1, { count: 2 }));
    await store.addEntry(entry(2, { activityId: 'sig' }));
    await store.addEntry(entry(3, { count: 3 }));
    await store.addEntry(entry(4, { date: '2020-03-16' }));
    await store.markRemoved('jonkoping-2020', 'e3', {
      by: { id: 'aad-anna', name: 'Anna' },
      at: '2020-03-15T08:00:00.000Z',
      reason: 'undo',
    });
    await store.markRemoved('jonkoping-2020', 'e4', {
      by: { id: 'aad-anna', name: 'Anna' },
      at: '2020-03-17T08:00:00.000Z',
      reason: 'undo',
    });
    for (const s of [store, await Store.open(storage, [])]) {
      for (const activityId of ['gemensam-krogtillsyn', 'sig', 'ssg']) {
        const sorted = (days: DayTotal[]) => [...days].sort((a, b) => a.date.localeCompare(b.date));
        expect(sorted(s.dayTotals('jonkoping-2020', activityId))).to.deep.equal(
          sorted(dayTotals(s.entries('jonkoping-2020'), 'jonkoping-2020', activityId)),
        );
      }
      expect(s.dayTotals('jonkoping-2020', 'gemensam-krogtillsyn')).to.deep.equal([
        { date: '2020-03-14', count: 2, occasions: 1 },
      ]);
    }
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
      [
        'journal with a corrupt line in the middle',
        'entries-jonkoping-2020.journal.jsonl',
        `${JSON.stringify({ seq: 1, op: 'add', entry: entry(1) })}\n{"seq":2,"op":"add"\n${JSON.stringify({ seq: 3, op: 'add', entry: entry(3) })}\n`,
      ],
      [
        'journal line with a negative count',
        'entries-jonkoping-2020.journal.jsonl',
        `${JSON.stringify({ seq: 1, op: 'add', entry: { ...entry(1), count: -2 } })}\n`,
      ],
      [
        'journal with a missing line',
        'entries-jonkoping-2020.journal.jsonl',
        `${JSON.stringify({ seq: 1, op: 'add', entry: entry(1) })}\n${JSON.stringify({ seq: 3, op: 'add', entry: entry(3) })}\n`,
      ],
      [
        'journal that adds an entry twice',
        'entries-jonkoping-2020.journal.jsonl',
        `${JSON.stringify({ seq: 1, op: 'add', entry: entry(1) })}\n${JSON.stringify({ seq: 2, op: 'add', entry: entry(1) })}\n`,
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
        const error = await expectStoreFileError(Store.open(fileStorage(dir), seed), target);
        if (name.includes('middle')) expect(error.reason).to.include('rad 2');
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
      journal(name) {
        const journal = failing.journal(name);
        return {
          label: journal.label,
          read: () => journal.read(),
          replace: (text) => journal.replace(text),
          append: async (text) => {
            if (failWrites) throw new Error('disk full');
            await journal.append(text);
          },
        };
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
    const reopened = await Store.open(storage, []);
    expect(reopened.entries('jonkoping-2020').map((e) => e.id)).to.deep.equal(['e2']);
  });
});
