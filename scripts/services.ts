// Starting the bot and the Microsoft 365 Agents Playground as child processes on this machine:
// used by `npm run playground` and by the end-to-end tests. Every start waits for a sign of life
// (the bot's /healthz, the Playground's "Listening on N") and fails with the process's own output.
import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** The folder whose .m365agentsplayground.yml gives the Playground its tenant, people, chats and team. */
export const PLAYGROUND_DIR = fileURLToPath(new URL('../playground/', import.meta.url));
const PLAYGROUND_CLI = createRequire(import.meta.url).resolve('@microsoft/m365agentsplayground/cli.js');

export interface Service {
  process: ChildProcess;
  /** Everything it printed, for the error when something goes wrong. */
  output(): string;
  stop(): Promise<void>;
}

/** A free TCP port on the loopback interface (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/** The environment with localhost exempt from any proxy: the Playground and the bot talk over loopback. */
export function withoutProxyForLocalhost(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const proxied = ['HTTP_PROXY', 'HTTPS_PROXY', 'http_proxy', 'https_proxy', 'ALL_PROXY', 'all_proxy'].some(
    (k) => env[k],
  );
  if (!proxied) return env;
  const list = [env.NO_PROXY ?? env.no_proxy ?? '', 'localhost', '127.0.0.1'].filter((s) => s.length > 0).join(',');
  return { ...env, NO_PROXY: list, no_proxy: list };
}

function track(child: ChildProcess, echo: boolean): Service {
  let output = '';
  const collect = (chunk: Buffer) => {
    const text = chunk.toString('utf8');
    output = (output + text).slice(-20_000);
    if (echo) process.stdout.write(text);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  return {
    process: child,
    output: () => output,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        const force = setTimeout(() => child.kill('SIGKILL'), 5000);
        child.once('exit', () => {
          clearTimeout(force);
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}

async function waitFor<T>(
  what: string,
  service: Service,
  timeoutMs: number,
  probe: () => Promise<T | undefined>,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (service.process.exitCode !== null)
      throw new Error(`${what} stopped (exit ${service.process.exitCode}):\n${service.output()}`);
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 200));
  }
  await service.stop();
  throw new Error(`${what} did not start within ${timeoutMs / 1000} s:\n${service.output()}`);
}

export interface BotOptions {
  port: number;
  storeDir: string;
  /** BOT_TODAY: the bot's day, for tests and demos on the bundled agreements. */
  today?: string;
  coordinators?: string;
  logLevel?: string;
  /** BOT_SDK; unset: whatever the environment says (botbuilder by default). */
  sdk?: 'botbuilder' | 'agents';
  echo?: boolean;
}

/** The bot from source (tsx), unauthenticated for local trial, on `port`; resolves when /healthz answers. */
export async function startBot(options: BotOptions): Promise<Service> {
  const env: NodeJS.ProcessEnv = {
    ...withoutProxyForLocalhost(process.env),
    PORT: String(options.port),
    STORE_DIR: options.storeDir,
    LOG_LEVEL: options.logLevel ?? 'info',
    MicrosoftAppId: '',
    MicrosoftAppPassword: '',
    NODE_ENV: 'development',
    ...(options.coordinators ? { COORDINATORS: options.coordinators } : {}),
    ...(options.sdk ? { BOT_SDK: options.sdk } : {}),
  };
  if (options.today) env.BOT_TODAY = options.today;
  else delete env.BOT_TODAY;
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const service = track(child, options.echo ?? false);
  await waitFor('the bot', service, 90_000, async () => {
    const res = await fetch(`http://127.0.0.1:${options.port}/healthz`);
    return res.ok ? true : undefined;
  });
  return service;
}

export interface PlaygroundOptions {
  port: number;
  botEndpoint: string;
  /** Where the Playground writes its log (it defaults to ./devTools/ in its folder). */
  logFile: string;
  /** Open the user's browser on the Playground (off in tests). */
  openBrowser?: boolean;
  echo?: boolean;
}

/** The Playground (pinned in package.json), telemetry off; resolves with the port it really listens on. */
export async function startPlayground(options: PlaygroundOptions): Promise<Service & { url: string }> {
  const env: NodeJS.ProcessEnv = {
    ...withoutProxyForLocalhost(process.env),
    M365_AGENTS_PLAYGROUND_LOGFILE: options.logFile,
    ...(options.openBrowser ? {} : { TEAMSAPPTESTER_BROWSER: 'none' }),
  };
  const args = [
    PLAYGROUND_CLI,
    '-p',
    String(options.port),
    '-e',
    options.botEndpoint,
    '-c',
    'msteams',
    '--disable-telemetry',
  ];
  const child = spawn(process.execPath, args, { cwd: PLAYGROUND_DIR, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const service = track(child, options.echo ?? false);
  // It takes another port when the asked one is busy, and says which.
  const port = await waitFor('the Agents Playground', service, 120_000, async () => {
    const m = /Listening on (\d+)/u.exec(service.output());
    return m ? Number(m[1]) : undefined;
  });
  const url = `http://127.0.0.1:${port}/`;
  await waitFor('the Agents Playground page', service, 90_000, async () => ((await fetch(url)).ok ? true : undefined));
  return { ...service, url };
}
