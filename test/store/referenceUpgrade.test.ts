// Stored conversation references move to version 2 (SDK-neutral) when the store opens: one atomic
// rewrite of subscriptions.json, only when every reference could be read; a file it cannot read is
// left byte for byte as it was.
import { expect } from 'chai';
import { copyFileSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readStoredReference, upgradeReference } from '../../src/channel/conversationReference.js';
import { fileStorage, StoreFileError } from '../../src/store/storage.js';
import { Store } from '../../src/store/store.js';
import { bundledAgreements } from '../support/fakes.js';
import { tempDir } from '../support/harness.js';

const FIXTURE = fileURLToPath(new URL('../fixtures/store-before-v2-references/subscriptions.json', import.meta.url));

async function openWithUpgrade(dir: string): Promise<Store> {
  return Store.open(fileStorage(dir), await bundledAgreements(), { upgradeReference });
}

function storedFile(dir: string) {
  return JSON.parse(readFileSync(path.join(dir, 'subscriptions.json'), 'utf8')) as {
    subscriptions: { id: string; reference: Record<string, unknown>; [k: string]: unknown }[];
  };
}

describe('stored conversation references: upgrade to version 2', () => {
  it('rewrites the references of a subscriptions.json written before version 2, and nothing else', async () => {
    const dir = tempDir();
    copyFileSync(FIXTURE, path.join(dir, 'subscriptions.json'));
    const before = storedFile(dir);
    const store = await openWithUpgrade(dir);

    const after = storedFile(dir);
    expect(after.subscriptions.map((s) => s.reference)).to.deep.equal([
      {
        version: 2,
        serviceUrl: 'https://smba.trafficmanager.net/emea/',
        channelId: 'msteams',
        conversation: { id: '19:ssg@thread.tacv2', conversationType: 'channel', tenantId: 'tenant-1', isGroup: true },
        bot: { id: '28:bot', name: 'Medborgarlöfte' },
      },
      {
        version: 2,
        serviceUrl: 'https://smba.trafficmanager.net/emea/',
        channelId: 'msteams',
        locale: 'sv-SE',
        conversation: { id: 'a:personal-anna', conversationType: 'personal', tenantId: 'tenant-1' },
        bot: { id: '28:bot', name: 'Medborgarlöfte' },
      },
    ]);
    // Everything but the references is as it was: schedules, who subscribed, the conversation ids.
    const strip = (f: typeof before) => f.subscriptions.map(({ reference: _r, ...rest }) => rest);
    expect(strip(after)).to.deep.equal(strip(before));
    expect(store.subscriptions.active().map((s) => s.reference)).to.deep.equal(
      after.subscriptions.map((s) => s.reference),
    );
  });

  it('a second start does not write the file again', async () => {
    const dir = tempDir();
    copyFileSync(FIXTURE, path.join(dir, 'subscriptions.json'));
    await openWithUpgrade(dir);
    const written = readFileSync(path.join(dir, 'subscriptions.json'), 'utf8');
    const mtime = statSync(path.join(dir, 'subscriptions.json')).mtimeMs;
    await new Promise((r) => setTimeout(r, 20));
    await openWithUpgrade(dir);
    expect(readFileSync(path.join(dir, 'subscriptions.json'), 'utf8')).to.equal(written);
    expect(statSync(path.join(dir, 'subscriptions.json')).mtimeMs).to.equal(mtime);
  });

  for (const [what, reference] of [
    ['without a serviceUrl', { conversation: { id: 'c1' }, bot: { id: '28:bot' } }],
    ['with a serviceUrl that is no address', { serviceUrl: 'not a url', conversation: { id: 'c1' } }],
    [
      'of a version this bot does not know',
      { version: 3, serviceUrl: 'https://x.example/', conversation: { id: 'c1' } },
    ],
  ] as const) {
    it(`refuses to start on a reference ${what}, naming the file and the subscription, and leaves the file as it was`, async () => {
      const dir = tempDir();
      const file = path.join(dir, 'subscriptions.json');
      const fixture = JSON.parse(readFileSync(FIXTURE, 'utf8')) as ReturnType<typeof storedFile>;
      fixture.subscriptions[1]!.reference = reference;
      const text = `${JSON.stringify(fixture, null, 2)}\n`;
      writeFileSync(file, text);
      const error = await openWithUpgrade(dir).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).to.be.instanceOf(StoreFileError);
      expect((error as Error).message)
        .to.include(file)
        .and.include('id-2');
      expect(readFileSync(file, 'utf8')).to.equal(text);
    });
  }

  it('reads the Agents SDK’s reference (agent instead of bot) into the same form', () => {
    const read = readStoredReference({
      agent: { id: '28:bot', name: 'Medborgarlöfte', role: 'bot' },
      conversation: { id: '19:ssg@thread.tacv2;messageid=1700000000000', conversationType: 'channel', tenantId: 't' },
      channelId: 'msteams',
      serviceUrl: 'https://smba.trafficmanager.net/emea/',
      locale: 'sv-SE',
    });
    expect(read).to.deep.equal({
      ok: true,
      upgraded: true,
      reference: {
        version: 2,
        serviceUrl: 'https://smba.trafficmanager.net/emea/',
        channelId: 'msteams',
        locale: 'sv-SE',
        conversation: { id: '19:ssg@thread.tacv2', conversationType: 'channel', tenantId: 't' },
        bot: { id: '28:bot', name: 'Medborgarlöfte' },
      },
    });
  });
});
