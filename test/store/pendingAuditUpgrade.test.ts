// A store written before area files carried their audit records (test/fixtures/stores/
// before-pending-audit, made by that code: a new store, a coordinator set, a chat bound, one entry
// logged). It opens as it was, nothing is appended to audit.jsonl twice, and the next area change
// writes its record in the area's file and in audit.jsonl once.
import { expect } from 'chai';
import { cpSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AuditRecord } from '../../src/domain/audit.js';
import { fileStorage } from '../../src/store/storage.js';
import { Store } from '../../src/store/store.js';
import { bundledAgreements } from '../support/fakes.js';
import { tempDir } from '../support/harness.js';

const FIXTURE = fileURLToPath(new URL('../fixtures/stores/before-pending-audit/', import.meta.url));
const seed = await bundledAgreements();

const auditFile = (dir: string): AuditRecord[] =>
  readFileSync(path.join(dir, 'audit.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.length > 0)
    .map((l) => JSON.parse(l) as AuditRecord);

describe('a store from before area files carried their audit records', () => {
  it('opens as it was, and its next area change is audited once, from the same write', async () => {
    const dir = tempDir('mlb-pending-audit-');
    cpSync(FIXTURE, dir, { recursive: true });
    const area = () =>
      JSON.parse(readFileSync(path.join(dir, 'area-jonkoping.json'), 'utf8')) as Record<string, unknown>;
    expect(area()).not.to.have.property('pendingAudit');
    const before = auditFile(dir);
    expect(before.map((r) => r.action)).to.deep.equal([
      'agreement.created',
      'agreement.created',
      'coordinators.changed',
      'binding.changed',
      'entry.logged',
    ]);

    const store = await Store.open(fileStorage(dir), seed);
    expect(store.area('jonkoping')?.coordinators).to.deep.equal(['sam@jonkoping.se']);
    expect(store.binding('conversation', 'chat-old')?.areaId).to.equal('jonkoping');
    expect(store.entries('jonkoping-2020').map((e) => e.id)).to.deep.equal(['e-old']);
    expect(auditFile(dir)).to.deep.equal(before);

    await store.bind('conversation', 'chat-new', 'jonkoping', {
      by: { id: 'cli:op', name: 'op' },
      at: new Date('2026-11-30T09:00:00Z'),
      via: 'cli',
    });
    const pending = area().pendingAudit as AuditRecord[];
    expect(pending.map((r) => [r.action, r.detail])).to.deep.equal([
      ['binding.changed', 'bound: konversation chat-new'],
    ]);
    await store.close();
    await store.audit.flushed();

    const reopened = await Store.open(fileStorage(dir), seed);
    await reopened.audit.flushed();
    const after = auditFile(dir);
    expect(after.slice(0, before.length)).to.deep.equal(before);
    expect(after.slice(before.length).map((r) => r.id)).to.deep.equal(pending.map((r) => r.id));
  });
});
