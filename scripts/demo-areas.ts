// The "Done when", tried as an operator and users would: the real bot process on a new
// store, the operator's `npm run area -- add`, and users of three tenants talking to the bot over
// HTTP (Bot Framework activities with deliveryMode expectReplies, so the answers come back in the
// response). Prints what each one typed and what they read.
// Run: npx tsx scripts/demo-areas.ts
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { freePort, ROOT, startBot, type Service } from './services.js';

const run = promisify(execFile);
const STORE_DIR = mkdtempSync(path.join(tmpdir(), 'demo-areas-'));
const ENV = {
  STORE_DIR,
  ALLOWED_TENANTS: 'tenant-jkpg,tenant-polisen',
  COORDINATORS: 'aad-jkpg-sam',
  BOT_TODAY: '2020-06-15',
  LOG_LEVEL: 'warn',
};

interface Who {
  id: string;
  name: string;
  aad: string;
  tenant: string;
}
const KALLE: Who = { id: '29:kalle', name: 'Kalle (Jönköpings kommun)', aad: 'aad-kalle', tenant: 'tenant-jkpg' };
const HANNA: Who = { id: '29:hanna', name: 'Hanna (Habo kommun)', aad: 'aad-hanna', tenant: 'tenant-habo' };
const PER: Who = { id: '29:per', name: 'Per (Polisen)', aad: 'aad-per', tenant: 'tenant-polisen' };
const SARA: Who = { id: '29:sara', name: 'Sara (samordnare Habo)', aad: 'aad-habo-sam', tenant: 'tenant-polisen' };

type Where = { kind: 'personal' } | { kind: 'channel'; id: string; team: string };

let port = 0;
let n = 0;

async function send(who: Who, where: Where, text: string, value?: unknown): Promise<Record<string, unknown>[]> {
  n += 1;
  const conversation =
    where.kind === 'personal'
      ? { id: `a:${who.id}`, conversationType: 'personal', tenantId: who.tenant }
      : { id: where.id, conversationType: 'channel', tenantId: 'tenant-polisen', isGroup: true };
  const activity = {
    type: 'message',
    id: `demo-${n}`,
    channelId: 'msteams',
    serviceUrl: 'http://127.0.0.1:9/',
    deliveryMode: 'expectReplies',
    text,
    ...(value !== undefined ? { value } : {}),
    from: { id: who.id, name: who.name, aadObjectId: who.aad },
    recipient: { id: '28:bot', name: 'Medborgarlöfte' },
    conversation,
    channelData: {
      tenant: { id: conversation.tenantId },
      ...(where.kind === 'channel' ? { team: { id: where.team }, channel: { id: where.id, name: 'SSG' } } : {}),
    },
  };
  const res = await fetch(`http://127.0.0.1:${port}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(activity),
  });
  const body = (await res.json()) as { activities?: Record<string, unknown>[] };
  const replies = body.activities ?? [];
  const shown = replies.map((r) =>
    typeof r.text === 'string' ? r.text : `[kort] ${typeof r.summary === 'string' ? r.summary : ''}`,
  );
  const said = value !== undefined ? `[klickar] ${JSON.stringify(value).slice(0, 90)}` : text;
  console.log(`\n${who.name}${where.kind === 'channel' ? ' i kanalen SSG' : ''}: ${said}`);
  for (const line of shown) console.log(`  → ${line.replace(/\n+/gu, ' ').slice(0, 300)}`);
  return replies;
}

/** The Action.Submit data of the cards in the replies. */
function buttons(replies: Record<string, unknown>[]): Record<string, unknown>[] {
  const found: Record<string, unknown>[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const o = node as Record<string, unknown>;
      if (o.type === 'Action.Submit' && o.data && typeof o.data === 'object')
        found.push(o.data as Record<string, unknown>);
      Object.values(o).forEach(walk);
    }
  };
  walk(replies.map((r) => r.attachments));
  return found;
}

async function area(args: string[]): Promise<void> {
  console.log(`\n$ npm run area -- ${args.join(' ')}`);
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'src/cli/area.ts', ...args], {
      cwd: ROOT,
      env: { ...process.env, ...ENV },
    });
    process.stdout.write(`${stdout}${stderr}`);
    console.log('(exit 0)');
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string; code?: number };
    process.stdout.write(`${e.stdout ?? ''}${e.stderr ?? ''}`);
    console.log(`(exit ${e.code ?? '?'})`);
  }
}

async function start(): Promise<Service> {
  port = await freePort();
  // startBot passes the rest of this process's environment on (ALLOWED_TENANTS among it).
  process.env.ALLOWED_TENANTS = ENV.ALLOWED_TENANTS;
  return startBot({
    port,
    storeDir: STORE_DIR,
    coordinators: ENV.COORDINATORS,
    today: ENV.BOT_TODAY,
    logLevel: 'warn',
  });
}

console.log(`STORE_DIR=${STORE_DIR}, ALLOWED_TENANTS=${ENV.ALLOWED_TENANTS}, BOT_TODAY=${ENV.BOT_TODAY}`);
console.log('\n== 1. The bot starts on a new store with the bundled Jönköping agreements; the operator adds Habo');
let bot = await start();
await area(['add', 'test/fixtures/areas/habo.json']);
await bot.stop();
console.log('(bot stopped)');
await area(['add', 'test/fixtures/areas/habo.json']);
bot = await start();
try {
  console.log('\n== 2. A kommun user from each tenant logs and asks /status 2020: only their own area, no question');
  await send(KALLE, { kind: 'personal' }, '/logga gemensam krogtillsyn 2020-03-14');
  await send(HANNA, { kind: 'personal' }, '/logga kvällspatrull centrum 2020-03-14');
  await send(KALLE, { kind: 'personal' }, '/status 2020');
  await send(HANNA, { kind: 'personal' }, '/status 2020');

  console.log(
    '\n== 3. A police user in a team channel is asked once; a non-coordinator cannot bind; Habo’s coordinator does',
  );
  const channel: Where = { kind: 'channel', id: '19:ssg@thread.tacv2', team: '19:team-trygghet@thread.tacv2' };
  const asked = await send(PER, channel, '/status 2020');
  const habo = buttons(asked).find((b) => b.areaId === 'habo');
  console.log(
    `  (knappar: ${buttons(asked)
      .map((b) => String(b.areaId))
      .join(', ')})`,
  );
  await send(PER, channel, '', habo);
  await send(SARA, channel, '', habo);
  await send(PER, channel, '/status 2020');
  await send(PER, channel, '/område');

  console.log('\n== 4. A Habo user sends a card payload carrying Jönköping’s ids: nothing is stored in Jönköping');
  await send(HANNA, { kind: 'personal' }, '', {
    verb: 'log.choose',
    requestId: 'forged-1',
    agreementId: 'jonkoping-2020',
    activityId: 'gemensam-krogtillsyn',
    date: '2020-03-15',
    count: 1,
  });
  await send(HANNA, { kind: 'personal' }, '', { verb: 'area.choose', areaId: 'jonkoping' });
  await send(KALLE, { kind: 'personal' }, '/status gemensam krogtillsyn');

  console.log(
    '\n== 5. Overlap: within an area refused, across areas accepted (Habo 2020 and Jönköping 2020 already share 2020)',
  );
  await send(SARA, { kind: 'personal' }, '/område habo');
  await send(SARA, { kind: 'personal' }, '/nytt-medborgarlöfte 2020 från 2020');

  console.log('\n== 6. /uppföljning T1 2020 in Habo');
  await send(HANNA, { kind: 'personal' }, '/uppföljning T1 2020');
  // Before publication only a coordinator sees the follow-up (to review it); Sara's chat works in Habo.
  await send(SARA, { kind: 'personal' }, '/uppföljning T1 2020');
  await send(HANNA, { kind: 'personal' }, '/samordnare');
} finally {
  await bot.stop();
}
console.log('\n== 5b. Overlap through the operator: an area file whose own agreements overlap is refused');
const habo = JSON.parse(
  readFileSync(path.join(ROOT, 'test/fixtures/areas/habo.json'), 'utf8').replaceAll('habo', 'mullsjo'),
) as {
  agreements: Record<string, unknown>[];
};
habo.agreements.push({
  ...habo.agreements[0],
  id: 'mullsjo-2020-h2',
  period: { start: '2020-07-01', end: '2021-06-30' },
});
const file = path.join(STORE_DIR, '..', `mullsjo-${process.pid}.json`);
writeFileSync(file, JSON.stringify(habo));
await area(['add', file]);
rmSync(file);
await area(['list']);
