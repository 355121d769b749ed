// subscriptions.json: one record per conversation, changes on disk before they are acknowledged,
// a week recorded as sent, and a file that cannot be read stops the start and is left alone.
import { expect } from 'chai';
import { setupAudit } from '../support/audit.js';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileStorage, MemoryStorage, StoreFileError } from '../../src/store/storage.js';
import { bundledAgreements, newId, openStore, referenceFor } from '../support/fakes.js';
import { Store } from '../../src/store/store.js';

const anna = { id: 'aad-anna', name: 'Anna' };
const channel = { id: '19:ssg@thread.tacv2', kind: 'channel' as const, name: 'SSG', tenantId: 't1', teamId: '19:team' };

function request(over: Partial<Parameters<Store['subscriptions']['subscribe']>[0]> = {}) {
  return {
    conversation: channel,
    reference: referenceFor('http://127.0.0.1:9', channel.id),
    schedule: { weekday: 4 as const, time: '07:30' },
    by: anna,
    at: new Date('2026-11-23T08:00:00Z'),
    newId,
    ...over,
  };
}

describe('SubscriptionStore', () => {
  it('keeps a subscription across a restart, with its opaque reference as given', async () => {
    const storage = new MemoryStorage();
    const store = await openStore(storage);
    const { subscription, change } = await store.subscriptions.subscribe(request(), setupAudit());
    expect(change).to.equal('created');
    const reopened = await openStore(storage);
    expect(reopened.subscriptions.active()).to.deep.equal([subscription]);
    expect(reopened.subscriptions.forConversation(channel.id)?.reference).to.deep.equal(
      referenceFor('http://127.0.0.1:9', channel.id),
    );
  });

  it('has one subscription per conversation: subscribing again changes its schedule', async () => {
    const store = await openStore();
    const first = await store.subscriptions.subscribe(request(), setupAudit());
    const second = await store.subscriptions.subscribe(
      request({ schedule: { weekday: 1, time: '08:00' }, at: new Date('2026-11-24T08:00:00Z') }),
      setupAudit(),
    );
    expect(second.change).to.equal('changed');
    expect(store.subscriptions.all()).to.have.length(1);
    expect(second.subscription).to.include({
      id: first.subscription.id,
      weekday: 1,
      time: '08:00',
      since: '2026-11-24T08:00:00.000Z',
    });
  });

  it('ends a subscription keeping the record, and resumes it keeping the week already sent', async () => {
    const store = await openStore();
    const { subscription } = await store.subscriptions.subscribe(request(), setupAudit());
    await store.subscriptions.recordSent(subscription.id, '2026-W48', new Date('2026-11-26T06:30:01Z'), {
      through: '2026-11-25',
      cutAt: new Date('2026-11-26T06:30:00Z'),
    });
    const ended = await store.subscriptions.end(
      channel.id,
      {
        at: '2026-11-26T09:00:00.000Z',
        reason: 'unsubscribed',
        by: anna,
      },
      setupAudit('subscription.ended'),
    );
    expect(ended?.ended?.reason).to.equal('unsubscribed');
    expect(store.subscriptions.active()).to.deep.equal([]);
    expect(
      await store.subscriptions.end(
        channel.id,
        { at: '2026-11-26T09:00:00.000Z', reason: 'unsubscribed' },
        setupAudit('subscription.ended'),
      ),
    ).to.equal(undefined);
    const again = await store.subscriptions.subscribe(request({ at: new Date('2026-11-26T10:00:00Z') }), setupAudit());
    expect(again.change).to.equal('resumed');
    expect(again.subscription.ended).to.equal(undefined);
    expect(again.subscription.lastSentWeek).to.equal('2026-W48');
    // The next card starts where the last one ended, so nothing is reported twice or never.
    expect(again.subscription.lastCard).to.deep.equal({ through: '2026-11-25', cutAt: '2026-11-26T06:30:00.000Z' });
  });

  it('ends every channel of a team when the bot is removed from the team', async () => {
    const store = await openStore();
    await store.subscriptions.subscribe(request(), setupAudit());
    await store.subscriptions.subscribe(
      request({ conversation: { ...channel, id: '19:other@thread.tacv2' } }),
      setupAudit(),
    );
    await store.subscriptions.subscribe(
      request({ conversation: { id: '19:chat@thread.v2', kind: 'groupChat' } }),
      setupAudit(),
    );
    const uninstalled = { at: '2026-11-26T09:00:00.000Z', reason: 'uninstalled' } as const;
    const ended = [
      ...(await store.subscriptions.endWhere({ teamId: '19:team' }, uninstalled, setupAudit('subscription.ended'))),
      ...(await store.subscriptions.endWhere(
        { conversationId: '19:general@thread.tacv2' },
        uninstalled,
        setupAudit('subscription.ended'),
      )),
    ];
    expect(ended.map((s) => s.conversationId).sort()).to.deep.equal(['19:other@thread.tacv2', '19:ssg@thread.tacv2']);
    expect(store.subscriptions.active().map((s) => s.conversationId)).to.deep.equal(['19:chat@thread.v2']);
  });

  describe('on disk', () => {
    let dir: string;
    beforeEach(async () => {
      dir = await mkdtemp(path.join(tmpdir(), 'subs-'));
    });
    afterEach(async () => {
      await rm(dir, { recursive: true, force: true });
    });

    it('writes subscriptions.json before subscribe resolves', async () => {
      const store = await Store.open(fileStorage(dir), await bundledAgreements());
      const { subscription } = await store.subscriptions.subscribe(request(), setupAudit());
      const file = JSON.parse(await readFile(path.join(dir, 'subscriptions.json'), 'utf8')) as {
        version: number;
        subscriptions: { id: string }[];
      };
      expect(file.version).to.equal(1);
      expect(file.subscriptions.map((s) => s.id)).to.deep.equal([subscription.id]);
    });

    for (const [what, content] of [
      ['invalid JSON', '{"version": 1, "subscriptions": ['],
      [
        'a record that does not fit the format',
        JSON.stringify({ version: 1, subscriptions: [{ id: 'x', conversationId: 'c', weekday: 9 }] }),
      ],
      ['an unknown version', JSON.stringify({ version: 2, subscriptions: [] })],
    ] as const) {
      it(`refuses to open with ${what}, naming the file and leaving it untouched`, async () => {
        const file = path.join(dir, 'subscriptions.json');
        await writeFile(file, content);
        let error: unknown;
        try {
          await Store.open(fileStorage(dir), await bundledAgreements());
        } catch (e) {
          error = e;
        }
        expect(error).to.be.instanceOf(StoreFileError);
        expect((error as StoreFileError).file).to.equal(file);
        expect((error as Error).message).to.include(file);
        expect(await readFile(file, 'utf8')).to.equal(content);
        // Nothing else written either: the seeding of a new store waits for every file to be read.
        expect(await readFile(path.join(dir, 'agreements.json'), 'utf8').catch(() => 'absent')).to.equal('absent');
      });
    }
  });
});
