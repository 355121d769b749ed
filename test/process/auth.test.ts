// Real authentication, end to end: the real process with MicrosoftAppId set, checking the channel's
// tokens against a local OpenID metadata + JWKS endpoint (BotOpenIdMetadata) serving keys made here.
import { expect } from 'chai';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { tempDir } from '../support/harness.js';
import { startBot, type BotProcess } from '../support/process.js';
import { CHANNEL_ISSUER, makeKey, signToken, startTokenIssuer, type TokenIssuer } from '../support/tokenIssuer.js';

const APP_ID = '6f1c8a42-0000-4000-8000-00000000b07a';
const SERVICE_URL = 'https://smba.trafficmanager.net/emea/';
const TENANT = 'tenant-jonkoping';

describe('authentication against the channel’s signing keys (real process)', function () {
  this.timeout(60_000);
  const good = makeKey('key-1');
  const stranger = makeKey('key-1'); // the same key id, another key: a forged signature
  const unknown = makeKey('key-9');
  let issuer: TokenIssuer;
  let bot: BotProcess;
  let storeDir: string;
  let counter = 0;

  const now = () => Math.floor(Date.now() / 1000);
  const claims = (extra: Record<string, unknown> = {}) => ({
    iss: CHANNEL_ISSUER,
    aud: APP_ID,
    serviceurl: SERVICE_URL,
    nbf: now() - 60,
    iat: now() - 60,
    exp: now() + 3600,
    ...extra,
  });

  async function post(token: string | undefined, marker: string, serviceUrl = SERVICE_URL, date = '2020-03-14') {
    const activity = {
      type: 'message',
      id: `auth-${++counter}`,
      channelId: 'msteams',
      serviceUrl,
      deliveryMode: 'expectReplies',
      text: `/logga gemensam krogtillsyn ${date} ${marker}`,
      from: { id: '29:anna', name: 'Anna', aadObjectId: 'aad-anna' },
      recipient: { id: `28:${APP_ID}`, name: 'Medborgarlöfte' },
      conversation: { id: 'a:personal-anna', conversationType: 'personal', tenantId: TENANT },
      channelData: { tenant: { id: TENANT } },
    };
    const res = await fetch(`http://127.0.0.1:${bot.port}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(activity),
    });
    return { status: res.status, body: await res.text() };
  }

  // The store's documents and the journals (.journal.jsonl) that entries are appended to (not the audit log).
  const storedText = () =>
    readdirSync(storeDir)
      .filter((f) => f.endsWith('.json') || f.endsWith('.journal.jsonl'))
      .map((f) => readFileSync(path.join(storeDir, f), 'utf8'))
      .join('\n');

  before(async () => {
    issuer = await startTokenIssuer([good]);
    storeDir = tempDir();
    bot = await startBot({
      STORE_DIR: storeDir,
      MicrosoftAppId: APP_ID,
      MicrosoftAppPassword: 'not-used-with-expectReplies',
      BotOpenIdMetadata: issuer.metadataUrl,
      REPORT_SECRET: 'x'.repeat(40),
    });
  });
  after(async () => {
    await bot?.stop();
    await issuer?.close();
  });

  it('accepts a correctly signed Bot Framework token, stores the entry and trusts its serviceUrl', async () => {
    const r = await post(signToken(good, claims()), 'MARK-GOOD');
    expect(r.status, r.body).to.equal(200);
    expect(r.body).to.include('Loggat');
    expect(storedText()).to.include('MARK-GOOD');
    expect(issuer.requests()).to.be.greaterThan(0);
    const trusted = JSON.parse(readFileSync(path.join(storeDir, 'service-urls.json'), 'utf8')) as {
      serviceUrls: { tenantId: string; serviceUrl: string }[];
    };
    expect(trusted.serviceUrls.map((t) => [t.tenantId, t.serviceUrl])).to.deep.equal([
      [TENANT, 'https://smba.trafficmanager.net/emea'],
    ]);
  });

  // Each with the check that must have refused it, as botframework-connector words it in the log.
  const forged: [string, RegExp, () => string | undefined, string?][] = [
    ['no token at all', /Request is not authorized/u, () => undefined],
    [
      'a wrong audience (another bot’s app id)',
      /Invalid AppId passed on token: another-bot/u,
      () => signToken(good, claims({ aud: 'another-bot' })),
    ],
    ['a wrong issuer', /No valid identity/u, () => signToken(good, claims({ iss: 'https://login.evil.example' }))],
    [
      'an expired token (beyond the 5 minutes of clock skew)',
      /token has expired/u,
      () => signToken(good, claims({ exp: now() - 600, nbf: now() - 4000, iat: now() - 4000 })),
    ],
    ['a wrong signing key under a published key id', /invalid signature/u, () => signToken(stranger, claims())],
    [
      'a key id the metadata does not publish',
      /Signing Key could not be retrieved/u,
      () => signToken(unknown, claims()),
    ],
    [
      'an unsigned token (alg none)',
      /jwt signature is required/u,
      () => {
        const t = signToken(good, claims()).split('.');
        const header = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT', kid: 'key-1' })).toString('base64url');
        return `${header}.${t[1]}.`;
      },
    ],
    [
      'a serviceUrl that differs from the token’s claim',
      /ServiceUrl claim do not match/u,
      () => signToken(good, claims()),
      'https://collector.evil.example/',
    ],
  ];

  forged.forEach(([what, reason, token, serviceUrl], i) => {
    it(`refuses ${what} with 401 and stores nothing`, async () => {
      const marker = `MARK-FORGED-${i}`;
      const logBefore = bot.output().length;
      const r = await post(token(), marker, serviceUrl);
      // The log line travels through the child's stdout pipe and may land just after the response.
      const deadline = Date.now() + 3000;
      while (!reason.test(bot.output().slice(logBefore)) && Date.now() < deadline)
        await new Promise((resolve) => setTimeout(resolve, 20));
      expect(bot.output().slice(logBefore)).to.match(reason);
      expect(r.status, r.body).to.equal(401);
      expect(r.body).not.to.include('Loggat');
      expect(storedText()).not.to.include(marker);
      expect(storedText()).not.to.include('evil.example');
    });
  });

  it('logs each refusal with the failed check, and still counts one entry', async () => {
    expect(bot.output()).to.include('request refused: the token did not pass');
    // Another day than MARK-GOOD's: the same activity, day and place again would be asked about first.
    const r = await post(signToken(good, claims()), '', SERVICE_URL, '2020-03-15');
    expect(r.status).to.equal(200);
    // MARK-GOOD and this one: nothing from the forged requests reached the store. An entry is counted
    // by its loggedAt (a journal line also carries the entry's audit record, with its activityId).
    expect((storedText().match(/"loggedAt"/gu) ?? []).length).to.equal(2);
  });
});
