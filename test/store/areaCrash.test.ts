// Kills a process (SIGKILL) in the middle of an audited change (an area's, a subscription's, a
// reminder choice, a publication), then opens the store again: a change written before the kill has
// its audit record in audit.jsonl exactly once, however often the store is opened after; a change
// killed in its own write left neither the change nor a record.
import { expect } from 'chai';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AuditRecord } from '../../src/domain/audit.js';
import { fileStorage } from '../../src/store/storage.js';
import { Store } from '../../src/store/store.js';
import { bundledAgreements } from '../support/fakes.js';
import { tempDir } from '../support/harness.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const seed = await bundledAgreements();

/** Runs one change in a child that kills itself at `point`; resolves with what it printed. */
function changeUntilKilled(dir: string, change: string, point: 'append' | 'write'): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'test/fixtures/areaChangeUntilKilled.ts', dir, change, point],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    let errors = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (errors += d.toString()));
    child.on('exit', (_code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`the child ended with ${signal}: ${out}\n${errors}`));
      else resolve(out);
    });
  });
}

/** audit.jsonl as written, read straight from the file. */
function auditFile(dir: string): AuditRecord[] {
  return readFileSync(path.join(dir, 'audit.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.length > 0)
    .map((l) => JSON.parse(l) as AuditRecord);
}

/** A new store (seeded and closed), so the child opens an existing one. */
async function newStore(): Promise<string> {
  const dir = tempDir('mlb-area-crash-');
  const store = await Store.open(fileStorage(dir), seed, { now: new Date('2026-11-29T11:00:00Z') });
  await store.settled();
  await store.close();
  await store.audit.flushed();
  return dir;
}

const CHANGES: { change: string; action: AuditRecord['action']; shows: (store: Store) => boolean }[] = [
  {
    change: 'updateArea',
    action: 'coordinators.changed',
    shows: (s) => s.area('jonkoping')?.coordinators.includes('crash@jonkoping.se') === true,
  },
  { change: 'bind', action: 'binding.changed', shows: (s) => s.binding('conversation', 'crash-chat') !== undefined },
  { change: 'addAgreement', action: 'agreement.created', shows: (s) => s.agreement('jonkoping-2031') !== undefined },
  {
    change: 'changeAgreement',
    action: 'agreement.changed',
    shows: (s) => s.agreement('jonkoping-2020')?.title === 'Ändrad titel',
  },
  { change: 'addArea', action: 'area.changed', shows: (s) => s.area('crashby') !== undefined },
  {
    change: 'subscribe',
    action: 'subscription.created',
    shows: (s) => s.subscriptions.forConversation('crash-chat')?.id === 'crash-subscription',
  },
  {
    change: 'remindersOff',
    action: 'reminders.changed',
    shows: (s) => s.reminders.find({ id: '29:crash' })?.off !== undefined,
  },
  {
    change: 'publish',
    action: 'publication.published',
    shows: (s) => s.publications.all().some((p) => p.id === 'crash-publication'),
  },
];

const recordsOf = (records: AuditRecord[], action: AuditRecord['action'], change: string) =>
  records.filter(
    (r) =>
      r.action === action &&
      (r.detail === `crash-${change}` || r.by.id === 'cli:op') &&
      r.at === '2026-11-29T12:00:00.000Z',
  );

describe('Store after a crash in an audited change (SIGKILL)', function () {
  this.timeout(120_000);

  for (const { change, action, shows } of CHANGES) {
    it(`${change}: killed before its audit append, the record is in audit.jsonl once after restarts`, async () => {
      const dir = await newStore();
      // The append follows the area file's write at once: the kill comes before the change resolves.
      const out = await changeUntilKilled(dir, change, 'append');
      expect(out).not.to.include('not killed');
      expect(recordsOf(auditFile(dir), action, change), 'not appended before the kill').to.have.length(0);

      for (let start = 0; start < 2; start++) {
        const store = await Store.open(fileStorage(dir), seed);
        expect(shows(store), 'the change is stored').to.equal(true);
        expect(recordsOf(await store.audit.read(), action, change)).to.have.length(1);
        await store.close();
        await store.audit.flushed();
        expect(recordsOf(auditFile(dir), action, change), `in audit.jsonl once, start ${start + 1}`).to.have.length(1);
      }
    });
  }

  it('a change killed in its own write leaves neither the change nor its record', async () => {
    const dir = await newStore();
    const out = await changeUntilKilled(dir, 'updateArea', 'write');
    expect(out).not.to.include('acked');
    const store = await Store.open(fileStorage(dir), seed);
    expect(store.area('jonkoping')?.coordinators).not.to.include('crash@jonkoping.se');
    expect(recordsOf(await store.audit.read(), 'coordinators.changed', 'updateArea')).to.have.length(0);
  });

  it('a subscribe killed in its own write leaves neither the subscription nor its record', async () => {
    const dir = await newStore();
    const out = await changeUntilKilled(dir, 'subscribe', 'write');
    expect(out).not.to.include('acked');
    const store = await Store.open(fileStorage(dir), seed);
    expect(store.subscriptions.forConversation('crash-chat')).to.equal(undefined);
    expect(recordsOf(await store.audit.read(), 'subscription.created', 'subscribe')).to.have.length(0);
  });

  it('every record of a new store (its bundled agreements) is in audit.jsonl once', async () => {
    const dir = await newStore();
    await Store.open(fileStorage(dir), seed).then((s) => s.audit.flushed());
    const created = auditFile(dir).filter((r) => r.action === 'agreement.created');
    expect(created.map((r) => r.agreementId).sort()).to.deep.equal(seed.map((a) => a.id).sort());
  });
});
