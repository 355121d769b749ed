// The proactive sender: what it posts where, and how each connector answer is classified for the
// retry policy.
import { expect } from 'chai';
import type { AddressInfo } from 'node:net';
import { createServer } from 'node:net';
import { card, text } from '../../src/app/ports.js';
import { classify, createConnectorNotifier, proactiveActivity } from '../../src/channel/connectorNotifier.js';
import { channelConversationId, referenceOf } from '../../src/channel/conversationReference.js';
import { ServiceUrlStore } from '../../src/store/serviceUrls.js';
import { MemoryStorage } from '../../src/store/storage.js';
import { FakeConnector, cardsOf } from '../support/fakeConnector.js';
import { referenceFor } from '../support/fakes.js';

const aCard = { type: 'AdaptiveCard' as const, version: '1.5', body: [{ type: 'TextBlock', text: 'Läge' }] };

describe('connector notifier', () => {
  let connector: FakeConnector;
  beforeEach(async () => {
    connector = await new FakeConnector().start();
  });
  afterEach(async () => {
    await connector.stop();
  });

  it('posts the replies as one new message to /v3/conversations/{id}/activities, id encoded', async () => {
    const notifier = createConnectorNotifier();
    const id = '19:abc@thread.tacv2';
    const result = await notifier.send(referenceFor(`${connector.url}/`, id), [
      text('Veckosammanfattning v. 48'),
      card(aCard, 'Läge i text'),
    ]);
    expect(result).to.deep.equal({ kind: 'sent', activityId: 'activity-1' });
    const [posted] = connector.requests;
    expect(posted?.path).to.equal('/v3/conversations/19%3Aabc%40thread.tacv2/activities');
    expect(posted?.replyToId).to.equal(undefined);
    expect(posted?.activity).to.deep.include({
      type: 'message',
      text: 'Veckosammanfattning v. 48',
      summary: 'Läge i text',
    });
    expect(posted?.activity.from).to.deep.equal({ id: '28:bot', name: 'Medborgarlöfte' });
    expect(cardsOf(posted!).map((a) => a.content)).to.deep.equal([aCard]);
    expect(posted?.authorization).to.equal(undefined);
  });

  it('posts only to a serviceUrl that arrived on an authenticated request from the same tenant', async () => {
    const storage = new MemoryStorage();
    const trusted = await ServiceUrlStore.open(storage);
    const notifier = createConnectorNotifier({
      token: async () => 'token-123',
      isTrusted: (tenant, url) => trusted.isTrusted(tenant, url),
    });
    const refused = await notifier.send(referenceFor(connector.url, 'c1'), [text('x')]);
    expect(refused).to.deep.include({ kind: 'rejected' });
    expect(refused.kind === 'rejected' && refused.detail).to.include('has not arrived on an authenticated request');
    expect(connector.requests).to.have.length(0);

    await trusted.trust('tenant-other', `${connector.url}/`, new Date());
    expect((await notifier.send(referenceFor(connector.url, 'c1'), [text('x')])).kind).to.equal('rejected');
    expect(connector.requests).to.have.length(0);

    await trusted.trust('tenant-1', `${connector.url}/`, new Date());
    expect((await notifier.send(referenceFor(connector.url, 'c1'), [text('x')])).kind).to.equal('sent');
    expect(connector.requests).to.have.length(1);
    // Recorded once, on disk, and the same after a restart.
    const reopened = await ServiceUrlStore.open(storage);
    expect(reopened.all()).to.have.length(2);
    expect(reopened.isTrusted('tenant-1', connector.url.toUpperCase())).to.equal(true);
    expect(reopened.isTrusted(undefined, connector.url)).to.equal(false);
  });

  it('sends the bearer token when an app id is configured', async () => {
    await createConnectorNotifier({ token: async () => 'token-123' }).send(referenceFor(connector.url, 'c1'), [
      text('x'),
    ]);
    expect(connector.requests[0]?.authorization).to.equal('Bearer token-123');
  });

  it('passes 429 with its Retry-After, 403 and 500 on to the policy', async () => {
    const notifier = createConnectorNotifier();
    const answers = [{ status: 429, headers: { 'retry-after': '7' } }, { status: 403 }, { status: 500 }];
    connector.script((_r, i) => answers[i]);
    const ref = referenceFor(connector.url, 'c1');
    expect(await notifier.send(ref, [text('x')])).to.deep.equal({ kind: 'throttled', status: 429, retryAfter: '7' });
    expect(await notifier.send(ref, [text('x')])).to.deep.include({ kind: 'gone', status: 403 });
    expect(await notifier.send(ref, [text('x')])).to.deep.include({ kind: 'transient', status: 500 });
  });

  it('times out a connector that does not answer, as a transient failure', async () => {
    connector.script(() => ({ status: 200, hang: true }));
    const result = await createConnectorNotifier({ timeoutMs: 100 }).send(referenceFor(connector.url, 'c1'), [
      text('x'),
    ]);
    expect(result).to.deep.equal({ kind: 'transient', detail: 'no answer within 100 ms' });
  });

  it('reports a connector that refuses connections as a transient failure', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const result = await createConnectorNotifier().send(referenceFor(`http://127.0.0.1:${port}`, 'c1'), [text('x')]);
    expect(result.kind).to.equal('transient');
  });

  it('refuses a reference it cannot use, without a request', async () => {
    const result = await createConnectorNotifier().send({ conversation: { id: 'c1' } }, [text('x')]);
    expect(result.kind).to.equal('rejected');
    expect(connector.requests).to.have.length(0);
  });

  it('classifies every status', () => {
    expect(classify(201, undefined, '{"id":"a"}')).to.deep.equal({ kind: 'sent', activityId: 'a' });
    expect(classify(200, undefined, '')).to.deep.equal({ kind: 'sent' });
    expect(classify(429, undefined, '')).to.deep.equal({ kind: 'throttled', status: 429 });
    expect(classify(404, undefined, 'ConversationNotFound').kind).to.equal('gone');
    expect(classify(408, undefined, '').kind).to.equal('transient');
    expect(classify(503, '4', '')).to.deep.include({ kind: 'transient', retryAfter: '4' });
    expect(classify(400, undefined, 'bad').kind).to.equal('rejected');
    expect(classify(401, undefined, '').kind).to.equal('rejected');
  });

  it('one message from text only or cards only', () => {
    const ref = { version: 2 as const, serviceUrl: 'http://x', conversation: { id: 'c' } };
    expect(proactiveActivity(ref, [text('a'), text('b')])).to.deep.include({ text: 'a\n\nb' });
    expect(proactiveActivity(ref, [card(aCard, 'f')])).to.not.have.property('text');
  });
});

describe('conversation reference', () => {
  it('keeps what a later send needs, for the channel rather than the thread, without the user', () => {
    const ref = referenceOf({
      serviceUrl: 'https://smba.trafficmanager.net/emea/',
      channelId: 'msteams',
      id: 'act-1',
      from: { id: '29:anna', name: 'Anna' },
      recipient: { id: '28:bot', name: 'Medborgarlöfte' },
      conversation: {
        id: '19:ssg@thread.tacv2;messageid=1700000000000',
        conversationType: 'channel',
        tenantId: 't1',
        isGroup: true,
        name: '',
      },
    });
    expect(ref).to.deep.include({ serviceUrl: 'https://smba.trafficmanager.net/emea/', channelId: 'msteams' });
    expect(ref?.conversation).to.deep.include({ id: '19:ssg@thread.tacv2', tenantId: 't1' });
    expect(ref?.bot).to.deep.include({ id: '28:bot' });
    expect(ref).to.not.have.property('user');
    expect(ref).to.not.have.property('activityId');
    expect(channelConversationId('a:personal-chat')).to.equal('a:personal-chat');
  });

  it('is undefined without a service URL', () => {
    expect(referenceOf({ conversation: { id: 'c', isGroup: false, conversationType: 'personal', name: '' } })).to.equal(
      undefined,
    );
  });
});
