// The real process on PostgreSQL (DATABASE_URL): an unreachable database stops the start with a
// message naming DATABASE_URL, never its password; /healthz is ready only while the database
// answers, through a proxy that cuts or stalls the connections; a write during the cut is not
// confirmed, and the pool reconnects by itself afterwards.
import { expect } from 'chai';
import { createServer } from 'node:net';
import pg from 'pg';
import { createDatabase, dropDatabase } from '../store/postgres/database.js';
import { runToExit, startBot, type BotProcess } from '../support/process.js';
import { TcpProxy } from '../support/tcpProxy.js';

/** A loopback port nothing listens on (taken and let go). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Polls `ready` every 200 ms until true; fails with `what` after `limitMs`. */
async function until(what: string, ready: () => Promise<boolean>, limitMs = 120_000): Promise<void> {
  const end = Date.now() + limitMs;
  while (!(await ready())) {
    if (Date.now() > end) throw new Error(`gave up waiting: ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('the bot process on PostgreSQL (DATABASE_URL)', function () {
  this.timeout(300_000);

  it('refuses to start when the database cannot be reached, naming DATABASE_URL and not its password', async () => {
    const port = await closedPort();
    const { code, output } = await runToExit({
      DATABASE_URL: `postgres://bot:hemligt-ord@127.0.0.1:${port}/medborgarlofte`,
    });
    expect(code).to.equal(1);
    expect(output).to.include('Kan inte starta: DATABASE_URL');
    expect(output).to.include(`postgres://bot:***@127.0.0.1:${port}/medborgarlofte`);
    expect(output).not.to.include('hemligt-ord');
  });

  it('refuses a DATABASE_URL that is not a postgres:// address, without repeating it', async () => {
    const { code, output } = await runToExit({ DATABASE_URL: 'mysql://bot:hemligt-ord@db/x' });
    expect(code).to.equal(1);
    expect(output).to.include('DATABASE_URL');
    expect(output).not.to.include('hemligt-ord');
  });

  describe('/healthz and writes while the database is cut off', () => {
    let database: { url: string; name: string } | undefined;
    let proxy: TcpProxy;
    let bot: BotProcess | undefined;
    let n = 0;

    before(async function () {
      database = await createDatabase();
      if (!database) this.skip();
      const target = new URL(database.url);
      proxy = new TcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
      const url = new URL(database.url);
      url.port = String(await proxy.start());
      bot = await startBot({ DATABASE_URL: url.toString() });
    });
    after(async () => {
      await bot?.stop();
      await proxy?.stop();
      if (database) await dropDatabase(database.name);
    });

    const health = async () => {
      const res = await fetch(`http://127.0.0.1:${bot!.port}/healthz`);
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    };
    const log = async (day: string) => {
      const res = await fetch(`http://127.0.0.1:${bot!.port}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          type: 'message',
          id: `db-${++n}`,
          channelId: 'emulator',
          serviceUrl: 'http://127.0.0.1:9/',
          deliveryMode: 'expectReplies',
          text: `/logga gemensam krogtillsyn ${day}`,
          from: { id: 'user-1', name: 'Anna', aadObjectId: 'aad-anna' },
          recipient: { id: 'bot', name: 'Medborgarlöfte' },
          conversation: { id: 'conv-1', conversationType: 'personal' },
        }),
      });
      return JSON.stringify(await res.json().catch(() => ({})));
    };
    const stored = async () => {
      const client = new pg.Client({ connectionString: database!.url });
      await client.connect();
      try {
        const rows = await client.query<{ date: string }>('SELECT date::text AS date FROM entries ORDER BY date');
        return rows.rows.map((r) => r.date);
      } finally {
        await client.end();
      }
    };

    it('is ready while the database answers', async () => {
      const { status, body } = await health();
      expect(status).to.equal(200);
      expect(body).to.deep.include({ status: 'ok', store: 'postgres', areas: 1, agreements: 2 });
    });

    it('says 503 with the reason while connections are refused; a log then is not confirmed; ready and writing again after', async () => {
      proxy.set('refuse');
      await until('/healthz to say 503', async () => (await health()).status === 503);
      const { body } = await health();
      expect(body.status).to.equal('unavailable');
      expect(body.reason).to.include('Lagringen svarar inte').and.to.include('The store does not answer');
      // Why, from the error catalogue: a database failure, and what to do about it.
      expect(body.failure).to.match(/^database\./u);
      expect(body.fix).to.include('PostgreSQL');
      expect(await log('2020-03-14')).not.to.include('Loggat');

      proxy.set('pass');
      await until('/healthz to say 200 again', async () => (await health()).status === 200);
      expect(await log('2020-03-21')).to.include('Loggat');
      expect(await stored()).to.deep.equal(['2020-03-21']);
    });

    it('says 503 when the database accepts but does not answer, and 200 when it does again', async () => {
      proxy.set('hang');
      await until('/healthz to say 503', async () => (await health()).status === 503);
      proxy.set('pass');
      await until('/healthz to say 200 again', async () => (await health()).status === 200);
      expect(await log('2020-03-28')).to.include('Loggat');
    });
  });
});
