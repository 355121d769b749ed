// The real process over HTTP: POST /api/messages with deliveryMode "expectReplies" returns the
// bot's answers in the response body, so no connector is needed.
import { expect } from 'chai';
import { readFileSync, writeFileSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
import path from 'node:path';
import { tempDir } from '../support/harness.js';
import { runToExit, startBot, type BotProcess } from '../support/process.js';

let counter = 0;

async function say(
  bot: BotProcess,
  text: string,
  extra: Record<string, unknown> = {},
): Promise<{ status: number; texts: string[]; body: unknown }> {
  const activity = {
    type: 'message',
    id: `http-${++counter}`,
    channelId: 'emulator',
    serviceUrl: 'http://127.0.0.1:9/',
    deliveryMode: 'expectReplies',
    text,
    from: { id: 'user-1', name: 'Anna', aadObjectId: 'aad-anna' },
    recipient: { id: 'bot', name: 'Medborgarlöfte' },
    conversation: { id: 'conv-1', conversationType: 'personal' },
    ...extra,
  };
  const res = await fetch(`http://127.0.0.1:${bot.port}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(activity),
  });
  const body = (await res.json().catch(() => undefined)) as
    { activities?: { text?: string; attachments?: { content: unknown }[] }[] } | undefined;
  const texts = (body?.activities ?? []).map((a) => a.text ?? JSON.stringify(a.attachments?.[0]?.content ?? ''));
  return { status: res.status, texts, body };
}

describe('the bot process over HTTP', function () {
  this.timeout(60_000);
  let storeDir: string;
  let bot: BotProcess;

  before(async () => {
    storeDir = tempDir();
    bot = await startBot({ STORE_DIR: storeDir });
  });
  after(async () => bot?.stop());

  it('answers GET /healthz: ready, on the file store', async () => {
    const res = await fetch(`http://127.0.0.1:${bot.port}/healthz`);
    expect(res.status).to.equal(200);
    expect(await res.json()).to.deep.include({
      status: 'ok',
      store: 'file',
      areas: 1,
      agreements: 2,
      authenticated: false,
      node: process.version,
    });
  });

  it('logs the Node.js version it runs on when it starts listening', () => {
    expect(bot.output()).to.match(new RegExp(`"node":"${process.version.replaceAll('.', '\\.')}".*bot listening`, 'u'));
  });

  it('says loudly in its log that it runs unauthenticated', () => {
    expect(bot.output()).to.include('UNAUTHENTICATED');
  });

  it('listens on 127.0.0.1 only, since it runs unauthenticated', async function () {
    expect(bot.output()).to.include('"host":"127.0.0.1"');
    const outside = Object.values(networkInterfaces())
      .flat()
      .find((a) => a && a.family === 'IPv4' && !a.internal)?.address;
    if (!outside) this.skip();
    const error = await fetch(`http://${outside}:${bot.port}/healthz`).then(
      () => undefined,
      (e: Error & { cause?: { code?: string } }) => e.cause?.code,
    );
    expect(error).to.equal('ECONNREFUSED');
  });

  it('logs three joint inspections and shows "3 av 4", also after a restart', async () => {
    for (const d of ['2020-02-01', '2020-03-01', '2020-04-01']) {
      const r = await say(bot, `/logga gemensam krogtillsyn ${d}`);
      expect(r.status).to.equal(200);
      expect(r.texts.join()).to.include('Loggat');
    }
    expect((await say(bot, '/status 2020')).texts.join()).to.include('3 av 4 tillfällen');
    await bot.stop();
    bot = await startBot({ STORE_DIR: storeDir });
    expect((await say(bot, '/status 2020')).texts.join()).to.include('3 av 4 tillfällen');
  });

  it('answers odd requests without a 5xx', async () => {
    const bad = await fetch(`http://127.0.0.1:${bot.port}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"type": "mess',
    });
    expect(bad.status).to.be.lessThan(500);
    const empty = await fetch(`http://127.0.0.1:${bot.port}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(empty.status).to.be.lessThan(500);
    for (const type of ['invoke', 'messageReaction', 'event', 'installationUpdate', 'typing', 'bogus']) {
      const r = await fetch(`http://127.0.0.1:${bot.port}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          type,
          name: 'adaptiveCard/action',
          id: `t-${type}`,
          channelId: 'msteams',
          serviceUrl: 'http://127.0.0.1:9/',
          from: { id: 'u' },
          recipient: { id: 'bot' },
          conversation: { id: 'c' },
        }),
      });
      expect(r.status, type).to.be.lessThan(500);
    }
    const long = await say(bot, 'x'.repeat(20_000));
    expect(long.status).to.equal(200);
    expect(long.texts.join()).to.include('för långt');
  });
});

describe('the bot process refuses to start', function () {
  this.timeout(60_000);

  it('on a corrupt store file, naming it, and leaves the file untouched', async () => {
    const storeDir = tempDir();
    const first = await startBot({ STORE_DIR: storeDir });
    await first.stop();
    const file = path.join(storeDir, 'entries-jonkoping-2020.json');
    writeFileSync(file, '{"version": 1, "entries": [');
    const { code, output } = await runToExit({ STORE_DIR: storeDir });
    expect(code).to.equal(1);
    expect(output).to.include(file);
    expect(output).to.include('ogiltig JSON');
    expect(readFileSync(file, 'utf8')).to.equal('{"version": 1, "entries": [');
  });

  it('while another bot process uses the same STORE_DIR', async () => {
    const storeDir = tempDir();
    const first = await startBot({ STORE_DIR: storeDir });
    try {
      const { code, output } = await runToExit({ STORE_DIR: storeDir });
      expect(code).to.equal(1);
      expect(output).to.include('används redan av process');
    } finally {
      await first.stop();
    }
    // The lock goes with the process: a new start on the same folder works.
    const again = await startBot({ STORE_DIR: storeDir });
    await again.stop();
  });

  it('in production without MicrosoftAppId', async () => {
    const { code, output } = await runToExit({ STORE_DIR: tempDir(), NODE_ENV: 'production' });
    expect(code).to.equal(1);
    expect(output).to.include('MicrosoftAppId saknas');
  });

  it('on a bad LOG_LEVEL, naming it', async () => {
    const { code, output } = await runToExit({ STORE_DIR: tempDir(), LOG_LEVEL: 'loud' });
    expect(code).to.equal(1);
    expect(output).to.include('LOG_LEVEL');
  });
});
