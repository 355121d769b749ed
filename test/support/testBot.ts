// The one builder of the bot under test (issue 25, STYLE.md item 10): the app over a seeded store,
// on the file store or PostgreSQL as the run chooses (storeBackend.ts), with a clock the test owns,
// predictable ids and a logger that keeps what was logged; with `http`, the real HTTP server and the
// chosen SDK in front of it, talking to a fake Bot Connector (testBotHttp.ts). What differs between
// tests is an option; what a user says goes in by say/submit/send, what the bot says comes back.
import { readFileSync } from 'node:fs';
import { createApp, type App } from '../../src/app/app.js';
import type { AreaRecords, StorePort } from '../../src/app/port/index.js';
import type { Clock, ConversationKind, Reply, TurnInput } from '../../src/app/ports.js';
import { areaInputSchema } from '../../src/cli/area.js';
import type { Entry } from '../../src/domain/entry.js';
import { createReportLinks } from '../../src/report/links.js';
import { fileStorePort } from '../../src/store/filePort.js';
import { MemoryStorage, type Storage } from '../../src/store/storage.js';
import type { OpenOptions, Store } from '../../src/store/store.js';
import { CapturingLogger, FakeClock, openStore } from './fakes.js';
import { storeUnderTest } from './storeBackend.js';
import { behindTestAdapter, type AdapterOptions, type AdapterTestBot } from './testBotAdapter.js';
import { serve, type HttpOptions, type HttpTestBot } from './testBotHttp.js';

/** The instant a test runs at unless it says otherwise: Monday 15 June 2020, 10:00 in Stockholm. */
const DEFAULT_NOW = '2020-06-15T10:00:00+02:00';

/** The person who speaks unless a test says otherwise. */
export const ANNA = { id: '29:anna', name: 'Anna Andersson', aadObjectId: 'aad-anna' };

type User = TurnInput['user'];

/** Who says something, and where: the defaults of `say` and `submit`, per call. */
interface Speaking {
  user?: User;
  kind?: ConversationKind;
  activityId?: string;
}

export interface TestBotOptions {
  /** Where the clock starts (default DEFAULT_NOW); the test moves `clock`. */
  now?: string | Date;
  /** A clock the test owns instead (a FakeClock it shares with a scheduler, say). */
  clock?: Clock;
  /** Milliseconds the builder's clock moves forward each time the app reads it (default 0: it stands
   * still); not with `clock`. */
  tick?: number;
  /** A store the test has seeded; default the bundled agreements on `storage` with `seed`. */
  store?: Store;
  storage?: Storage;
  /** Tenants and coordinators of the bundled area (jonkoping), for the default store. */
  seed?: OpenOptions;
  /** More areas from test/fixtures/areas/<name>.json, added at `now` before the app starts. */
  areas?: readonly string[];
  /** The ADMINS setting: Entra object ids (or UPNs) who coordinate every area. */
  admins?: readonly string[];
  /** New record ids: `${idPrefix}-1`, `${idPrefix}-2`, … (default "id"), or these. */
  idPrefix?: string;
  newId?: () => string;
  /** Sign report links with this secret, under this public URL; without it cards have no links. */
  reportLinks?: { secret: string; publicUrl: string };
  /**
   * "run" (default): the store the run chooses, the file store or, with TEST_STORE=postgres, a
   * PostgreSQL copy of it (the file store then fenced: storeBackend.ts). "file": the file store always.
   */
  backend?: 'run' | 'file';
  /** Put the real HTTP server and an SDK in front of the app (testBotHttp.ts). */
  http?: HttpOptions;
  /** Or botbuilder's TestAdapter, without HTTP (testBotAdapter.ts). */
  adapter?: AdapterOptions;
}

export interface TestBot {
  app: App;
  /** The file store the test seeded; on PostgreSQL fenced (read through `port`). */
  store: Store;
  /** The store the application uses. */
  port: StorePort;
  /** The port's records of the bundled area, jonkoping (asked for when used). */
  readonly records: AreaRecords;
  /** Every area's entries, removed ones included. */
  everyEntry(): Promise<Entry[]>;
  storage: Storage | undefined;
  logger: CapturingLogger;
  /** The app's clock (a FakeClock unless the test gave its own). */
  clock: Clock;
  /** Sets the clock, when it is the builder's FakeClock. */
  setNow(instant: string | Date): void;
  /** One turn as the app receives it; returns the replies. */
  send(input: TurnInput): Promise<Reply[]>;
  /** Sends text as the speaker (Anna in her personal chat unless told). */
  say(text: string, speaking?: Speaking): Promise<Reply[]>;
  /** Sends a card submit's value as the speaker. */
  submit(value: unknown, speaking?: Speaking): Promise<Reply[]>;
}

export function testBot(options: TestBotOptions & { http: HttpOptions }): Promise<HttpTestBot>;
export function testBot(options: TestBotOptions & { adapter: AdapterOptions }): Promise<AdapterTestBot>;
export function testBot(options?: TestBotOptions): Promise<TestBot>;
/** Builds the bot under test; see TestBotOptions for what a test can change. */
export async function testBot(options: TestBotOptions = {}): Promise<TestBot | HttpTestBot | AdapterTestBot> {
  const seeded = await seededStore(options);
  const { port, store } =
    options.backend === 'file' ? { port: fileStorePort(seeded), store: seeded } : await storeUnderTest(seeded);
  const logger = new CapturingLogger();
  const fake = options.clock ? undefined : new FakeClock(options.now ?? DEFAULT_NOW);
  const clock = options.clock ?? ticking(fake!, options.tick ?? 0);
  const app = createApp({
    port,
    clock,
    ...(options.admins ? { admins: options.admins } : {}),
    logger,
    newId: options.newId ?? counter(options.idPrefix ?? 'id'),
    ...(options.reportLinks ? { reportLinks: createReportLinks(options.reportLinks) } : {}),
  });
  const bot = turns(app);
  const built: TestBot = {
    ...bot,
    store,
    port,
    get records() {
      return port.records('jonkoping');
    },
    everyEntry: () => everyEntry(port),
    storage: options.storage,
    logger,
    clock,
    setNow: (instant) => {
      if (!fake) throw new TypeError('setNow: the test gave its own clock; set that one');
      fake.set(instant);
    },
  };
  if (options.http) return serve(built, seeded, options.http);
  return options.adapter ? behindTestAdapter(built, options.adapter) : built;
}

/** The bundled agreements (or the test's store), with the fixture areas added. */
async function seededStore(options: TestBotOptions): Promise<Store> {
  const store = options.store ?? (await openStore(options.storage ?? new MemoryStorage(), options.seed));
  for (const name of options.areas ?? []) {
    const { agreements = [], ...area } = areaFixture(name);
    await store.addArea(area, agreements, {
      by: { id: 'cli:op', name: 'op' },
      at: new Date(options.now ?? DEFAULT_NOW),
    });
  }
  return store;
}

/** The file test/fixtures/areas/<name>.json, as `npm run area -- add` reads it. */
export function areaFixtureFile(name: string): URL {
  return new URL(`../fixtures/areas/${name}.json`, import.meta.url);
}

export function areaFixture(name: string) {
  return areaInputSchema.parse(JSON.parse(readFileSync(areaFixtureFile(name), 'utf8')));
}

/** The clock, moved forward `tick` ms before each reading (so every turn has its own instant). */
function ticking(clock: FakeClock, tick: number): Clock {
  if (tick === 0) return clock;
  return {
    now: () => {
      clock.advance(tick);
      return clock.now();
    },
  };
}

function counter(prefix: string): () => string {
  let n = 0;
  return () => `${prefix}-${++n}`;
}

async function everyEntry(port: StorePort): Promise<Entry[]> {
  const areas = await port.areas.areas();
  return (await Promise.all(areas.map((a) => port.records(a.id).allEntries()))).flat();
}

function turns(app: App): Pick<TestBot, 'app' | 'send' | 'say' | 'submit'> {
  return {
    app,
    send: (input) => app.handle(input),
    say: (text, speaking = {}) => app.handle({ ...personalChat(speaking), text }),
    submit: (value, speaking = {}) => app.handle({ ...personalChat(speaking), text: '', value }),
  };
}

let messages = 0;

/** Anna (or `user`) in her personal chat, "personal-<user id>"; other kinds in "conv-<kind>". */
function personalChat({ user = ANNA, kind = 'personal', activityId }: Speaking): Omit<TurnInput, 'text'> {
  return {
    user,
    conversation: { id: kind === 'personal' ? `personal-${user.id}` : `conv-${kind}`, kind },
    activityId: activityId ?? `act-${++messages}`,
  };
}
