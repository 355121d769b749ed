// A logged entry and its audit record reach the disk in one append to the agreement's journal (one
// fsync), and audit.jsonl gets the record after: the journal keeps it until then, and a start after
// a crash appends what audit.jsonl missed. Nothing acknowledged is ever without its record.
import { expect } from 'chai';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { AuditRecord, NewAuditRecord } from '../../src/domain/audit.js';
import type { Entry } from '../../src/domain/entry.js';
import type { AppendLog } from '../../src/store/appendLog.js';
import { fileStorage, MemoryStorage, type Storage } from '../../src/store/storage.js';
import { Store } from '../../src/store/store.js';
import { bundledAgreements } from '../support/fakes.js';
import { harness, readable, tempDir } from '../support/harness.js';
import { sampleEntry as entry } from '../support/entries.js';

const seed = await bundledAgreements();

const logged = (n: number): NewAuditRecord => ({
  at: '2020-03-14T18:00:00.000Z',
  by: { id: 'aad-anna', name: 'Anna' },
  via: 'chat',
  action: 'entry.logged',
  agreementId: 'jonkoping-2020',
  entryId: `e${n}`,
});

/** The storage with audit.jsonl's appends replaced by `append` once the store is open. */
function withAuditAppend(files: Storage, append: (log: AppendLog, text: string) => Promise<void>) {
  const state = { open: false };
  const storage: Storage = {
    document: (name) => files.document(name),
    journal: (name) => files.journal(name),
    appendLog(name) {
      const log = files.appendLog(name);
      return {
        label: log.label,
        read: () => log.read(),
        truncate: (bytes) => log.truncate(bytes),
        replace: (text) => log.replace(text),
        append: (text) => (state.open ? append(log, text) : log.append(text)),
      };
    },
  };
  return { storage, state };
}

const auditLines = (dir: string): AuditRecord[] =>
  existsSync(path.join(dir, 'audit.jsonl'))
    ? readFileSync(path.join(dir, 'audit.jsonl'), 'utf8')
        .split('\n')
        .filter((l) => l.length > 0)
        .map((l) => JSON.parse(l) as AuditRecord)
    : [];

const journalOf = (dir: string) => path.join(dir, 'entries-jonkoping-2020.journal.jsonl');

describe('an entry and its audit record in one journal line', () => {
  it('answers /logga once the journal line holds both, without waiting for audit.jsonl', async () => {
    const files = new MemoryStorage();
    // audit.jsonl never finishes an append: the answer must not wait for it.
    const { storage, state } = withAuditAppend(files, () => new Promise<void>(() => undefined));
    const h = await harness({ storage });
    state.open = true;
    expect(readable(await h.say('/logga gemensam krogtillsyn 2020-03-14 lugn kväll'))).to.include('Loggat');
    const journal = (await files.journal('entries-jonkoping-2020').read()) ?? '';
    const lines = journal
      .split('\n')
      .filter((l) => l)
      .map((l) => JSON.parse(l) as { op: string; entry: Entry; audit?: AuditRecord });
    expect(lines).to.have.length(1);
    expect(lines[0]?.audit).to.deep.include({ action: 'entry.logged', entryId: lines[0]?.entry.id });
    expect((await h.store.audit.read()).filter((r) => r.action === 'entry.logged')).to.deep.equal([lines[0]?.audit]);
  });

  it('writes no audit record for a duplicate (a redelivered message)', async () => {
    const dir = tempDir();
    const store = await Store.open(fileStorage(dir), seed);
    await store.addEntry({ ...entry(1), sourceId: 'message:m1' }, logged(1));
    await store.addEntry({ ...entry(2), sourceId: 'message:m1' }, logged(2));
    await store.close();
    expect(auditLines(dir).filter((r) => r.action === 'entry.logged')).to.have.length(1);
  });

  it('appends at start the records a crash kept out of audit.jsonl, once, then folds the journal', async () => {
    const dir = tempDir();
    const store = await Store.open(fileStorage(dir), seed);
    await Promise.all([1, 2, 3].map((n) => store.addEntry(entry(n), logged(n))));
    await store.audit.flushed();
    // The crash: the background append of e2's and e3's records never reached audit.jsonl.
    const kept = auditLines(dir).filter((r) => r.entryId !== 'e2' && r.entryId !== 'e3');
    writeFileSync(path.join(dir, 'audit.jsonl'), kept.map((r) => `${JSON.stringify(r)}\n`).join(''));

    const reopened = await Store.open(fileStorage(dir), seed);
    const ids = (records: readonly AuditRecord[]) =>
      records.filter((r) => r.action === 'entry.logged').map((r) => r.entryId);
    expect(ids(await reopened.audit.read())).to.have.members(['e1', 'e2', 'e3']);
    expect(ids(auditLines(dir))).to.have.members(['e1', 'e2', 'e3']);
    expect(existsSync(journalOf(dir)) ? readFileSync(journalOf(dir), 'utf8') : '').to.equal('');
    expect(reopened.entries('jonkoping-2020').map((e) => e.id)).to.have.members(['e1', 'e2', 'e3']);

    const third = await Store.open(fileStorage(dir), seed);
    expect(ids(await third.audit.read())).to.have.length(3);
  });

  it('keeps the lines in the journal while audit.jsonl cannot be written, and nothing is lost', async () => {
    const dir = tempDir();
    const { storage, state } = withAuditAppend(fileStorage(dir), () => Promise.reject(new Error('ENOSPC')));
    const failures: unknown[] = [];
    const store = await Store.open(storage, seed, { foldMinBytes: 1, backgroundError: (e) => failures.push(e) });
    state.open = true;
    for (const n of [1, 2, 3]) await store.addEntry(entry(n), logged(n));
    await store.settled();
    expect(failures.length).to.be.greaterThan(0);
    const journal = readFileSync(journalOf(dir), 'utf8');
    expect(journal.split('\n').filter((l) => l.includes('"entry.logged"'))).to.have.length(3);
    expect(auditLines(dir).filter((r) => r.action === 'entry.logged')).to.deep.equal([]);

    const reopened = await Store.open(fileStorage(dir), seed);
    expect(auditLines(dir).filter((r) => r.action === 'entry.logged')).to.have.length(3);
    expect(reopened.entries('jonkoping-2020')).to.have.length(3);
  });

  it('keeps area changes and their records while audit.jsonl cannot be written, and appends them once later', async () => {
    const dir = tempDir();
    const { storage, state } = withAuditAppend(fileStorage(dir), () => Promise.reject(new Error('ENOSPC')));
    const store = await Store.open(storage, seed);
    state.open = true;
    const by = { by: { id: 'cli:op', name: 'op' }, at: new Date('2026-11-29T12:00:00Z'), via: 'cli' as const };
    await store.bind('conversation', 'chat-1', 'jonkoping', by);
    await store.bind('conversation', 'chat-2', 'jonkoping', by);
    const bound = (records: AuditRecord[]) =>
      records.filter((r) => r.action === 'binding.changed').map((r) => r.detail);
    expect(bound(auditLines(dir))).to.deep.equal([]);
    const file = JSON.parse(readFileSync(path.join(dir, 'area-jonkoping.json'), 'utf8')) as {
      pendingAudit: AuditRecord[];
    };
    expect(bound(file.pendingAudit)).to.deep.equal(['bound: konversation chat-1', 'bound: konversation chat-2']);

    const reopened = await Store.open(fileStorage(dir), seed);
    await reopened.close();
    await Store.open(fileStorage(dir), seed);
    expect(bound(auditLines(dir))).to.deep.equal(['bound: konversation chat-1', 'bound: konversation chat-2']);
  });
});
