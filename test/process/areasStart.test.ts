// The real process on a store from the single-area version: it upgrades by itself at start, says
// so in its log, and later says when ALLOWED_TENANTS or COORDINATORS disagree with the store.
import { expect } from 'chai';
import { cpSync, readdirSync } from 'node:fs';
import { seedDisagreements } from '../../src/store/seedCheck.js';
import { tempDir } from '../support/harness.js';
import { startBot } from '../support/process.js';

const FIXTURE = new URL('../fixtures/stores/v1-jonkoping/', import.meta.url);

describe('start on a single-area store', () => {
  it('upgrades it at the first start, answers as before, and warns at a later start when the environment differs', async function () {
    this.timeout(90_000);
    const dir = tempDir('mlb-start-');
    cpSync(FIXTURE, dir, { recursive: true });
    const env = { STORE_DIR: dir, ALLOWED_TENANTS: 'tenant-jkpg', COORDINATORS: 'aad-sam', BOT_TODAY: '2020-06-15' };
    const first = await startBot(env);
    try {
      const res = await fetch(`http://127.0.0.1:${first.port}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          type: 'message',
          id: 'm1',
          channelId: 'emulator',
          serviceUrl: 'http://127.0.0.1:9/',
          deliveryMode: 'expectReplies',
          text: '/status gemensam krogtillsyn',
          from: { id: 'u1', name: 'Anna', aadObjectId: 'aad-anna' },
          recipient: { id: 'bot' },
          conversation: { id: 'c1', tenantId: 'tenant-jkpg' },
        }),
      });
      const body = (await res.json()) as { activities: { text?: string }[] };
      expect(body.activities.map((a) => a.text).join('\n')).to.include('3 av 4');
      expect(first.output()).to.include('store upgraded to areas');
    } finally {
      await first.stop();
    }
    expect(readdirSync(dir)).to.include.members(['areas.json', 'area-jonkoping.json', 'agreements.json']);

    const second = await startBot({ ...env, ALLOWED_TENANTS: 'tenant-other', COORDINATORS: 'aad-someone' });
    try {
      expect(second.output()).not.to.include('store upgraded');
      expect(second.output()).to.include('ALLOWED_TENANTS (tenant-other) differs from the tenants of the store');
      expect(second.output()).to.include('COORDINATORS differs from the coordinators stored for the area');
    } finally {
      await second.stop();
    }
  });
});

describe('seedDisagreements', () => {
  const area = (tenants: string[], coordinators: string[]) => ({
    id: 'a',
    name: 'A kommun',
    policeArea: 'P',
    tenants,
    coordinators,
  });
  it('is quiet when the environment is empty or agrees (order and case aside)', () => {
    expect(seedDisagreements([area(['t1', 't2'], ['x'])], { allowedTenants: [], coordinators: [] })).to.deep.equal([]);
    expect(
      seedDisagreements([area(['t1', 't2'], ['X@a.se'])], { allowedTenants: ['T2', 't1'], coordinators: ['x@a.se'] }),
    ).to.deep.equal([]);
  });
  it('names what differs, and that COORDINATORS is unused with several areas', () => {
    expect(seedDisagreements([area(['t1'], ['x'])], { allowedTenants: ['t9'], coordinators: ['y'] })).to.have.length(2);
    const two = seedDisagreements([area(['t1'], ['x']), { ...area(['t2'], ['y']), id: 'b' }], {
      allowedTenants: ['t1', 't2'],
      coordinators: ['x'],
    });
    expect(two).to.deep.equal([
      'COORDINATORS is set but the store has several areas, each with its own coordinators; it is not used.',
    ]);
  });
});
