// The file store's crash points, seen through the port: a change whose write failed is neither
// visible nor audited after a restart, and a journal line a crash cut short is dropped.
import { expect } from 'chai';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { StorePort } from '../../../src/app/port/index.js';
import { SYSTEM_ACTOR } from '../../../src/domain/audit.js';
import { fileStorePort } from '../../../src/store/filePort.js';
import { fileStorage, type Storage } from '../../../src/store/storage.js';
import { Store } from '../../../src/store/store.js';
import { tempDir } from '../../support/harness.js';
import { ANNA, AT, CHANGE_BY, H2020, HABO, J2020, JKPG, audited, entry } from './fixtures.js';

/** The folder's storage, whose journal appends and document writes fail (ENOSPC) while `failing.on`. */
function failingStorage(dir: string) {
  const files = fileStorage(dir);
  const failing = { on: false };
  const refuse = () => Promise.reject(Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' }));
  const storage: Storage = {
    ...(files.gate ? { gate: files.gate } : {}),
    appendLog: (name) => files.appendLog(name),
    journal(name) {
      const journal = files.journal(name);
      return {
        label: journal.label,
        read: () => journal.read(),
        append: (text) => (failing.on ? refuse() : journal.append(text)),
        replace: (text) => (failing.on ? refuse() : journal.replace(text)),
      };
    },
    document(name) {
      const doc = files.document(name);
      return {
        label: doc.label,
        adapter: { read: () => doc.adapter.read(), write: (data) => (failing.on ? refuse() : doc.adapter.write(data)) },
      };
    },
  };
  return { storage, failing };
}

async function seededPort(storage: Storage): Promise<{ store: Store; port: StorePort }> {
  const store = await Store.open(storage, []);
  const port = fileStorePort(store);
  await port.areas.addArea(JKPG, [J2020], { by: SYSTEM_ACTOR, at: AT, via: 'cli' });
  await port.areas.addArea(HABO, [H2020], { by: SYSTEM_ACTOR, at: AT, via: 'cli' });
  return { store, port };
}

const reopen = async (dir: string) => fileStorePort(await Store.open(fileStorage(dir), []));

describe('store conformance, the file store after a crash', () => {
  it('has neither the change nor its audit record when the write failed', async () => {
    const dir = tempDir('mlb-crash-');
    const { storage, failing } = failingStorage(dir);
    const { store, port } = await seededPort(storage);
    const jkpg = port.records('jonkoping');
    await jkpg.addEntry(entry('e1', { note: 'kvar' }), audited('entry.logged', 'e1'));
    await store.audit.flushed();
    failing.on = true;
    const attempts: (() => Promise<unknown>)[] = [
      () => jkpg.addEntry(entry('e2'), audited('entry.logged', 'e2')),
      () =>
        jkpg.removeEntry(
          'jonkoping-2020',
          'e1',
          { by: ANNA, at: AT.toISOString(), reason: 'undo' },
          audited('entry.undone', 'e1'),
        ),
      () =>
        jkpg.editEntry(
          'jonkoping-2020',
          'e1',
          { ...entry('e1'), count: 4 },
          { by: ANNA, at: AT.toISOString(), reason: 'edit' },
          audited('entry.edited', 'e1'),
        ),
      () => port.areas.updateArea('jonkoping', { kind: 'coordinatorAdded', who: 'aad-ny' }, CHANGE_BY),
    ];
    for (const attempt of attempts) {
      let refused = false;
      await attempt().catch(() => (refused = true));
      expect(refused, attempt.toString()).to.equal(true);
    }

    await store.audit.flushed();
    const after = await reopen(dir);
    expect(await after.records('jonkoping').entries('jonkoping-2020')).to.deep.equal([entry('e1', { note: 'kvar' })]);
    expect((await after.audit.read({ agreementId: 'jonkoping-2020' })).map((r) => [r.action, r.entryId])).to.deep.equal(
      [['entry.logged', 'e1']],
    );
    expect((await after.areas.area('jonkoping'))?.coordinators).to.deep.equal(JKPG.coordinators);
    expect(
      (await after.audit.read({ areaId: 'jonkoping' })).filter((r) => r.action === 'coordinators.changed'),
    ).to.deep.equal([]);
  });

  it('drops a journal line a crash cut short, and goes on after it', async () => {
    const dir = tempDir('mlb-crash-');
    const { store, port } = await seededPort(fileStorage(dir));
    const jkpg = port.records('jonkoping');
    await jkpg.addEntry(entry('e1'), audited('entry.logged', 'e1'));
    await jkpg.addEntry(entry('e2'), audited('entry.logged', 'e2'));
    // The crashed process wrote nothing after this; here it lives on, so its writes are waited for.
    await port.settled();
    await store.audit.flushed();
    const journal = path.join(dir, 'entries-jonkoping-2020.journal.jsonl');
    const torn = JSON.stringify({ seq: 3, op: 'add', entry: entry('e3') }).slice(0, 40);
    writeFileSync(journal, readFileSync(journal, 'utf8') + torn);

    const after = await reopen(dir);
    const records = after.records('jonkoping');
    expect((await records.entries('jonkoping-2020')).map((e) => e.id)).to.deep.equal(['e1', 'e2']);
    expect(await after.audit.read({ entryId: 'e3' })).to.deep.equal([]);
    await records.addEntry(entry('e4'), audited('entry.logged', 'e4'));
    // Closed before the next open, as the store's lock ensures between processes: an open store
    // appends its journal's audit records to audit.jsonl in the background, and so would the next.
    await after.close();
    const again = await reopen(dir);
    expect((await again.records('jonkoping').entries('jonkoping-2020')).map((e) => e.id)).to.deep.equal([
      'e1',
      'e2',
      'e4',
    ]);
    expect((await again.audit.read({ agreementId: 'jonkoping-2020' })).map((r) => r.entryId)).to.deep.equal([
      'e1',
      'e2',
      'e4',
    ]);
  });
});
