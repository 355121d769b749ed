// `npm run cards:sizes`: the serialized size of every card the bot sends, for the bundled data
// after a normal session and for the budget's worst case (40 activities, 5,000 entries), every
// page of the paged cards included. The budget test asserts the limit; this prints the figures.
import { readFileSync } from 'node:fs';
import type { Reply } from '../src/app/ports.js';
import { toOutgoing } from '../src/channel/activity.js';
import { harness, type Harness } from '../test/support/cardsHarness.js';
import { worstCaseStore } from '../test/support/worstCase.js';

const LIMIT = 28 * 1024;

async function measure(h: Harness, label: string, replies: Reply[], rows: string[][]): Promise<void> {
  for (const reply of replies) {
    if (reply.kind === 'text') continue;
    const card = Buffer.byteLength(JSON.stringify(reply.card), 'utf8');
    const message = Buffer.byteLength(JSON.stringify(toOutgoing(reply)), 'utf8');
    rows.push([label, String(card), String(message), `${((card / LIMIT) * 100).toFixed(0)} %`]);
    const more = JSON.stringify(reply.card).match(/"title":"Visa fler[^"]*","data":(\{[^}]*\})/u)?.[1];
    if (more) {
      const page = (JSON.parse(more) as { page: number }).page;
      await measure(
        h,
        `${label.replace(/ \(sida \d+\)$/u, '')} (sida ${page + 1})`,
        await h.submit(JSON.parse(more)),
        rows,
      );
    }
  }
}

async function run(title: string, h: Harness, commands: string[]): Promise<number> {
  const rows: string[][] = [];
  for (const command of commands) await measure(h, command, await h.say(command), rows);
  const form = await h.say('/logga');
  const formId = JSON.stringify(form).match(/"formId":"([^"]+)"/u)?.[1] ?? 'f';
  await measure(
    h,
    'formulär med fel',
    await h.submit({ verb: 'log.form', formId, activityId: '', count: '0', note: 'x'.repeat(500) }),
    rows,
  );
  console.log(`\n${title}\n${'card bytes'.padStart(52)}  message bytes  of 28 KB`);
  // Long page runs (/mina with 500 entries has 51 pages) print their first three and the largest of the rest.
  const printed = new Map<string, number>();
  const rest = new Map<string, string[][]>();
  for (const row of rows) {
    const base = (row[0] ?? '').replace(/ \(sida \d+\)$/u, '');
    const n = (printed.get(base) ?? 0) + 1;
    printed.set(base, n);
    if (n <= 3)
      console.log(`${row[0]?.padEnd(40)}${row[1]?.padStart(12)}${row[2]?.padStart(15)}${row[3]?.padStart(10)}`);
    else rest.set(base, [...(rest.get(base) ?? []), row]);
  }
  for (const [base, more] of rest) {
    const max = Math.max(...more.map((r) => Number(r[1])));
    console.log(`${`${base} (${more.length} sidor till)`.padEnd(40)}${`högst ${max}`.padStart(12)}`);
  }
  return Math.max(...rows.map((r) => Number(r[1])));
}

async function main(): Promise<void> {
  const commands = [
    '/hjälp',
    '/logga',
    '/status',
    '/sammanfattning',
    '/sammanfattning månad',
    '/sammanfattning tertial',
    '/sammanfattning år',
    '/mina',
  ];
  const normal = await harness('2020-06-01');
  const bundled = await run('Jönköping 2020 (bundled), a normal session', normal, [
    '/logga gemensam krogtillsyn 2020-03-14 Öxnehaga',
    '/logga krogtillsyn igår',
    ...commands,
  ]);
  const worst = await harness('2020-10-15', { store: await worstCaseStore('2020-10-15') });
  const largest = await run('Worst case: 40 activities, 5,000 entries', worst, [
    '/logga aktivitet-7 Öxnehaga igår 3 st',
    '/logga trygghetsvandring',
    ...commands,
  ]);
  const imports = await importSizes();
  console.log(
    `\nLargest card: ${largest} bytes in the worst case (${bundled} bytes with the bundled data); the largest /importera draft page is ${imports} bytes; the limit is ${LIMIT}.`,
  );
}

/** /importera as a coordinator: the seed (two drafts) and a text of 40 long activities, every page. */
async function importSizes(): Promise<number> {
  const h = await harness('2023-01-15');
  const as = { aadObjectId: 'coordinator-aad', name: 'Sara Samordnare' };
  const seed = readFileSync(new URL('../test/fixtures/jonkoping-medborgarloften.txt', import.meta.url), 'utf8');
  const long = ['Medborgarlöfte 2022', '', '• Tryggare Norrbacka', '', 'Aktiviteter', ''];
  for (let i = 1; i <= 40; i++) {
    long.push(
      `• Polisen och kommunen ska genomföra trygghetsvandring nummer ${i} med boende och föreningar i Norrbacka vid minst ${i + 1} tillfällen under året, och redovisa resultatet för den strategiska gruppen.`,
    );
  }
  const rows: string[][] = [];
  for (const [label, text] of [
    ['/importera Jönköping (2 utkast)', seed],
    ['/importera 40 aktiviteter', long.join('\n')],
  ] as const) {
    let replies = await h.say(`/importera\n${text}`, as);
    for (let page = 1; page <= 10 && replies.length > 0; page++) {
      const cards = replies.flatMap((r) => (r.kind === 'text' ? [] : [r]));
      for (const reply of cards) {
        const card = Buffer.byteLength(JSON.stringify(reply.card), 'utf8');
        const message = Buffer.byteLength(JSON.stringify(toOutgoing(reply)), 'utf8');
        rows.push([`${label} (sida ${page})`, String(card), String(message), `${((card / LIMIT) * 100).toFixed(0)} %`]);
      }
      const last = cards[cards.length - 1];
      const more = last ? JSON.stringify(last.card).match(/"title":"Visa fler","data":(\{[^}]*\})/u)?.[1] : undefined;
      replies = more ? await h.submit(JSON.parse(more), as) : [];
    }
  }
  console.log(`\n/importera drafts\n${'card bytes'.padStart(52)}  message bytes  of 28 KB`);
  for (const row of rows) {
    console.log(`${row[0]?.padEnd(40)}${row[1]?.padStart(12)}${row[2]?.padStart(15)}${row[3]?.padStart(10)}`);
  }
  return Math.max(...rows.map((r) => Number(r[1])));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
