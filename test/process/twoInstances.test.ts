// Two bot processes on one PostgreSQL database, as behind a load balancer: both start together on a
// new database (one migrates, one area is seeded), a weekly card falls due while both run, people
// log through both at once, and one instance is SIGKILLed in the middle. Then, through the survivor
// and the database: every acknowledged log is stored once, none twice; each instance shows the
// other's writes at once; each subscription got one card. Nothing here measures time: conditions are
// polled under an overall limit of minutes.
import { expect } from 'chai';
import pg from 'pg';
import { stockholmDate } from '../../src/domain/calendar.js';
import { createDatabase, dropDatabase } from '../store/postgres/database.js';
import { FakeConnector } from '../support/fakeConnector.js';
import { startBot, type BotProcess } from '../support/process.js';

const COORDINATOR = 'aad-sam';
const USERS = ['aad-anna', 'aad-bo', 'aad-cia', 'aad-dan'];
const CHATS = ['chat-1', 'chat-2', 'chat-3', 'chat-4'];
const LOGS = 40;

/** Polls `ready` every half second until it is true; fails with `what` after `limitMs`. */
async function until(what: string, ready: () => Promise<boolean>, limitMs = 240_000): Promise<void> {
  const end = Date.now() + limitMs;
  while (!(await ready())) {
    if (Date.now() > end) throw new Error(`gave up waiting: ${what}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** The Stockholm time of day "HH:MM" of an instant. */
function stockholmTime(instant: Date): string {
  return new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Europe/Stockholm',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(instant);
}

describe('two bot instances on one PostgreSQL database (real processes)', function () {
  this.timeout(600_000);
  let database: { url: string; name: string } | undefined;
  let connector: FakeConnector;
  let sql: pg.Client;
  let a: BotProcess | undefined;
  let b: BotProcess | undefined;
  let n = 0;

  /** Posts a message as `user` in `chat`; the bot's texts, or undefined when the instance did not answer 200. */
  async function say(bot: BotProcess, text: string, user: string, chat: string, id = `two-${++n}`) {
    const res = await fetch(`http://127.0.0.1:${bot.port}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'message',
        id,
        channelId: 'emulator',
        serviceUrl: connector.url,
        deliveryMode: 'expectReplies',
        text,
        from: { id: `id-${user}`, name: user, aadObjectId: user },
        recipient: { id: 'bot', name: 'Medborgarlöfte' },
        conversation: { id: chat, conversationType: 'personal' },
      }),
      signal: AbortSignal.timeout(120_000),
    }).catch(() => undefined);
    if (res?.status !== 200) return undefined;
    const body = (await res.json().catch(() => undefined)) as
      { activities?: { text?: string; attachments?: { content: unknown }[] }[] } | undefined;
    return (body?.activities ?? []).map((x) => x.text ?? JSON.stringify(x.attachments?.[0]?.content ?? '')).join('\n');
  }

  const status = async (bot: BotProcess) => (await say(bot, '/status 2020', COORDINATOR, 'chat-status')) ?? '';

  before(async function () {
    database = await createDatabase();
    if (!database) this.skip();
    connector = await new FakeConnector().start();
    sql = new pg.Client({ connectionString: database.url });
    await sql.connect();
    // A day inside the bundled 2020 agreement, on the real day's weekday, so "idag" below is the real weekday.
    const env = {
      DATABASE_URL: database.url,
      COORDINATORS: COORDINATOR,
      BOT_TODAY: stockholmDate(new Date()),
    };
    const weekday = (new Date(`${env.BOT_TODAY}T12:00:00Z`).getUTCDay() + 6) % 7; // Monday 0
    env.BOT_TODAY = new Date(Date.UTC(2020, 5, 1 + weekday)).toISOString().slice(0, 10); // 2020-06-01 is a Monday
    [a, b] = await Promise.all([startBot(env), startBot(env)]);
  });

  after(async () => {
    for (const bot of [a, b]) await bot?.stop();
    await sql?.end().catch(() => undefined);
    await connector?.stop();
    if (database) await dropDatabase(database.name);
  });

  it('starts both on a new database: the schema once, one seeded area', async () => {
    const versions = await sql.query<{ n: string }>('SELECT count(*) AS n FROM schema_migrations');
    expect(Number(versions.rows[0]?.n)).to.be.greaterThan(0);
    const areas = await sql.query<{ id: string }>('SELECT id FROM areas');
    expect(areas.rows.map((r) => r.id)).to.deep.equal(['jonkoping']);
    for (const bot of [a!, b!]) {
      const res = await fetch(`http://127.0.0.1:${bot.port}/healthz`);
      expect(res.status).to.equal(200);
      expect(await res.json()).to.deep.include({ status: 'ok', store: 'postgres', areas: 1, agreements: 2 });
    }
  });

  it('each instance shows the other’s writes at once', async () => {
    const [first, second] = [a!, b!];
    expect(await status(second)).to.equal(await status(first));
    for (const [writer, reader, day] of [
      [first, second, '2020-02-03'],
      [second, first, '2020-02-04'],
    ] as const) {
      const before = await status(reader);
      const logged = await say(writer, `/logga fotpatrullering öxnehaga ${day}`, COORDINATOR, 'chat-status');
      expect(logged).to.include('Loggat');
      const after = await status(reader);
      expect(after, 'the reader’s /status moved with the other instance’s write').not.to.equal(before);
      expect(after).to.equal(await status(writer));
    }
  });

  it('sends each subscription one weekly card while both run, and loses or doubles no log when one is killed', async () => {
    const [survivor, victim] = [a!, b!];
    // The card falls due at the next whole minute at least 20 s away, on today's weekday; both
    // instances tick on the same seconds, so they reach for it together.
    let due = new Date(Math.ceil((Date.now() + 20_000) / 60_000) * 60_000);
    if (stockholmDate(due) !== stockholmDate(new Date())) {
      await until('midnight to pass', () => Promise.resolve(stockholmDate(new Date()) === stockholmDate(due)));
      due = new Date(Math.ceil((Date.now() + 20_000) / 60_000) * 60_000);
    }
    for (const [i, chat] of CHATS.entries()) {
      const reply = await say(
        i % 2 === 0 ? survivor : victim,
        `/prenumerera idag ${stockholmTime(due)}`,
        COORDINATOR,
        chat,
      );
      expect(reply, chat).to.include('Klart!');
    }
    const week = async () =>
      (await sql.query<{ w: string | null }>("SELECT body->>'lastSentWeek' AS w FROM subscriptions")).rows.map(
        (r) => r.w,
      );
    await until('every subscription’s card to be sent and recorded', async () => {
      const weeks = await week();
      return (
        weeks.length === CHATS.length && weeks.every((w) => w !== null) && connector.proactive().length >= CHATS.length
      );
    });

    // 40 logs from four people, each on a day of its own, every other one through each instance; the
    // victim is killed once half are acknowledged. A message it did not answer is sent again, with
    // the same id, to the survivor (as Teams redelivers).
    const days = Array.from({ length: LOGS }, (_, i) => new Date(Date.UTC(2020, 0, 6 + i)).toISOString().slice(0, 10));
    const acknowledged = new Set<string>();
    let killed = false;
    const kill = () => {
      if (killed) return;
      killed = true;
      victim.child.kill('SIGKILL');
    };
    let sent = 0;
    await Promise.all(
      USERS.map(async (user, u) => {
        for (let i = u; i < LOGS; i += USERS.length) {
          const day = days[i]!;
          const id = `log-${i}`;
          const text = `/logga gemensam krogtillsyn ${day}`;
          let reply = sent++ % 2 === 1 && !killed ? await say(victim, text, user, `personal-${user}`, id) : undefined;
          if (reply === undefined) reply = await say(survivor, text, user, `personal-${user}`, id);
          if (reply?.includes('Loggat')) acknowledged.add(day);
          if (acknowledged.size >= LOGS / 2) kill();
        }
      }),
    );
    kill();
    await until('the killed instance to exit', () =>
      Promise.resolve(victim.child.exitCode !== null || victim.child.signalCode !== null),
    );

    const storedPerDay = async () => {
      const stored = await sql.query<{ date: string; n: string }>(
        "SELECT date::text AS date, count(*) AS n FROM entries WHERE activity_id = 'gemensam-krogtillsyn' AND NOT removed GROUP BY date",
      );
      return new Map(stored.rows.map((r) => [r.date, Number(r.n)]));
    };
    // Teams sends again what went unanswered, with the same id, for as long as it goes unanswered: the
    // survivor takes over a claim the killed instance never finished (after DELIVERY_TAKEOVER_MS).
    // A log the victim stored but whose answer the kill cut off is answered by nobody; it is stored.
    await until('every log the kill cut off to be stored after resends', async () => {
      const stored = await storedPerDay();
      for (const [i, day] of days.entries()) {
        if (acknowledged.has(day) || stored.has(day)) continue;
        const user = USERS[i % USERS.length]!;
        const reply = await say(survivor, `/logga gemensam krogtillsyn ${day}`, user, `personal-${user}`, `log-${i}`);
        if (reply?.includes('Loggat')) acknowledged.add(day);
      }
      return days.every((d) => acknowledged.has(d) || stored.has(d));
    });

    // Nothing lost, nothing doubled: every log is stored exactly once.
    const perDay = await storedPerDay();
    for (const day of days) expect(perDay.get(day) ?? 0, `stored ${day}`).to.equal(1);
    expect([...perDay.keys()].every((d) => days.includes(d))).to.equal(true);
    expect(acknowledged.size).to.be.greaterThan(LOGS - 8);

    // The survivor's /status counts exactly what the database holds.
    const total = [...perDay.values()].reduce((s, x) => s + x, 0);
    expect(await status(survivor)).to.include(`${total} av 4`);

    // One card per subscription, in this week, however the two instances met at its minute.
    for (const chat of CHATS) expect(connector.proactive(chat), chat).to.have.length(1);
    const weeks = await week();
    expect(new Set(weeks).size, weeks.join()).to.equal(1);
    expect(weeks[0]).to.match(/^2020-W\d\d$/u);
  });
});
