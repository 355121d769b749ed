// An app on an in-memory store seeded with the bundled agreements, a fixed clock and
// predictable ids: what a test needs to drive whole conversations without Teams.
import { createApp, type App } from '../../src/app/app.js';
import type { Reply, TurnInput } from '../../src/app/ports.js';
import { stockholmInstant } from '../../src/domain/calendar.js';
import type { IsoDate } from '../../src/domain/agreement.js';
import type { Store } from '../../src/store/store.js';
import type { AreaRecords, StorePort } from '../../src/app/port/index.js';
import { CapturingLogger, openStore } from './fakes.js';
import { storeUnderTest } from './storeBackend.js';

export interface Harness {
  app: App;
  store: Store;
  /** The store the application uses (on PostgreSQL, `store` only seeded it: see storeBackend.ts). */
  port: StorePort;
  /** The port's records of the one area, jonkoping. */
  records: AreaRecords;
  logger: CapturingLogger;
  /** Moves the clock to noon (Stockholm) of the day. */
  setToday(day: IsoDate): void;
  /** Sends text (or a card submit) as the user, in a personal chat by default. */
  say(text: string, as?: Partial<TurnInput['user']>): Promise<Reply[]>;
  submit(value: unknown, as?: Partial<TurnInput['user']>): Promise<Reply[]>;
}

export async function harness(today: IsoDate, options: { store?: Store } = {}): Promise<Harness> {
  const { port, store } = await storeUnderTest(options.store ?? (await openStore()));
  const logger = new CapturingLogger();
  let now = stockholmInstant(today, '12:00');
  let ids = 0;
  let messages = 0;
  const app = createApp({
    port,
    clock: { now: () => new Date((now = new Date(now.getTime() + 1000)).getTime()) },
    admins: ['coordinator-aad'],
    logger,
    newId: () => `id-${++ids}`,
  });
  const user = (as: Partial<TurnInput['user']> = {}) => ({
    id: 'user-anna',
    name: 'Anna Lind',
    aadObjectId: 'aad-anna',
    ...as,
  });
  const conversation = { id: 'conv-personal', kind: 'personal' as const };
  return {
    app,
    store,
    port,
    // Asked for when used: a test may seed a store without jonkoping.
    get records() {
      return port.records('jonkoping');
    },
    logger,
    setToday(day) {
      now = stockholmInstant(day, '12:00');
    },
    say: (text, as) => app.handle({ user: user(as), conversation, activityId: `msg-${++messages}`, text }),
    submit: (value, as) =>
      app.handle({ user: user(as), conversation, activityId: `msg-${++messages}`, text: '', value }),
  };
}

/** The card of a reply, or a failure that names what came instead. */
export function cardOf(reply: Reply | undefined): {
  card: Record<string, unknown>;
  fallbackText: string;
  replace: boolean;
} {
  if (!reply || reply.kind === 'text') throw new Error(`expected a card, got ${JSON.stringify(reply)}`);
  return {
    card: reply.card,
    fallbackText: reply.fallbackText,
    replace: reply.kind === 'replaceCard',
  };
}

/** Every string in a card, in order: what a reader sees (and the submit data, which tests also read). */
export function cardTexts(card: unknown): string[] {
  const out: string[] = [];
  const walk = (node: unknown): void => {
    if (typeof node === 'string') out.push(node);
    else if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') Object.values(node).forEach(walk);
  };
  walk(card);
  return out;
}

export function replyText(reply: Reply | undefined): string {
  if (!reply) return '';
  return reply.kind === 'text' ? reply.text : [...cardTexts(reply.card), reply.fallbackText].join('\n');
}
