// `npm run playground`: the bot and Microsoft 365 Agents Playground together, so anyone can chat
// with the bot in a browser with no tenant, no app registration and no tunnel.
//
//   PORT             the bot's port (3978)
//   PLAYGROUND_PORT  the Playground's port (56150; it takes another if that one is busy)
//   STORE_DIR        the bot's store (data/store/playground, kept apart from `npm start`'s data/store)
//   BOT_TODAY        the bot's day (2020-06-01, inside the bundled 2020 agreement); BOT_TODAY= for the real date
//   COORDINATORS     who may run coordinator commands (the Playground's own user, Anna Lind)
//   BOT_SDK          botbuilder (the default) or agents (the Microsoft 365 Agents SDK)
//   TEAMSAPPTESTER_BROWSER=none  do not open a browser
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { seedDemoStore } from './demoStore.js';
import { ROOT, startBot, startPlayground, type Service } from './services.js';

const PLAYGROUND_USER_AAD = '00000000-0000-0000-0000-0000000000020';

const services: Service[] = [];

async function main(): Promise<void> {
  const botPort = Number(process.env.PORT ?? 3978);
  const playgroundPort = Number(process.env.PLAYGROUND_PORT ?? 56150);
  const storeDir = process.env.STORE_DIR ?? path.join(ROOT, 'data', 'store', 'playground');
  const today = process.env.BOT_TODAY === undefined ? '2020-06-01' : process.env.BOT_TODAY;
  const sdk = process.env.BOT_SDK === 'agents' ? 'agents' : 'botbuilder';
  mkdirSync(storeDir, { recursive: true });
  const coordinators = process.env.COORDINATORS ?? PLAYGROUND_USER_AAD;
  // A new Playground store starts as a demo: half a year of entries and a reviewed T1 2020.
  if (await seedDemoStore(storeDir, coordinators.split(','), today || '2020-06-01')) {
    console.log(`Ny demolagring i ${storeDir}: Medborgarlöfte 2020 med insatser januari–maj och en publicerad T1.`);
  }
  // The public page is on for trying it: http://localhost:<PORT>/loften/jonkoping
  process.env.PUBLIC_PAGES ??= 'on';

  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    await Promise.all(services.map((s) => s.stop()));
    process.exit(code);
  };
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));

  console.log(
    `Startar boten på port ${botPort} med ${sdk === 'agents' ? 'Microsoft 365 Agents SDK' : 'botbuilder'} (BOT_SDK=${sdk}; lagring: ${storeDir}${today ? `, dagens datum för boten: ${today}` : ''}) …`,
  );
  const bot = await startBot({
    port: botPort,
    storeDir,
    ...(today ? { today } : {}),
    coordinators,
    sdk,
    echo: true,
  });
  services.push(bot);
  console.log('Startar Microsoft 365 Agents Playground …');
  const playground = await startPlayground({
    port: playgroundPort,
    botEndpoint: `http://127.0.0.1:${botPort}/api/messages`,
    logFile: path.join(tmpdir(), 'm365agentsplayground.log'),
    openBrowser: process.env.TEAMSAPPTESTER_BROWSER !== 'none',
    echo: true,
  });
  services.push(playground);
  for (const s of services) {
    s.process.once('exit', (code) => {
      if (!stopping) {
        console.error(`En av processerna avslutades (kod ${code}); stänger ner.`);
        void stop(code ?? 1);
      }
    });
  }
  console.log(
    [
      '',
      `Öppna ${playground.url} och skriv till boten, t.ex. /hjälp, /logga, /status eller /sammanfattning.`,
      'I gruppchatten och i kanalen SSG når bara meddelanden som @nämner boten fram.',
      today
        ? `Boten tror att det är ${today} (BOT_TODAY) så att det medföljande Medborgarlöfte 2020 gäller. Kör BOT_TODAY= npm run playground för dagens datum.`
        : '',
      'Avsluta med Ctrl+C.',
    ]
      .filter((l) => l !== '')
      .join('\n'),
  );
}

main().catch(async (error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  await Promise.all(services.map((s) => s.stop()));
  process.exit(1);
});
