// The app-level view of testBot() the card tests use: Anna Lind in her personal chat, a clock at
// noon (Stockholm) of a chosen day that moves a second each time it is read, predictable ids.
import type { App } from '../../src/app/app.js';
import type { Reply, TurnInput } from '../../src/app/ports.js';
import { stockholmInstant } from '../../src/domain/calendar.js';
import type { IsoDate } from '../../src/domain/agreement.js';
import type { Store } from '../../src/store/store.js';
import type { AreaRecords, StorePort } from '../../src/app/port/index.js';
import type { CapturingLogger } from './fakes.js';
import { testBot } from './testBot.js';

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

/** Anna Lind (or `as`, field by field over her) in one personal chat, "conv-personal". */
function annaLind(): (as?: Partial<TurnInput['user']>) => Omit<TurnInput, 'text'> {
  let messages = 0;
  return (as = {}) => ({
    user: { id: 'user-anna', name: 'Anna Lind', aadObjectId: 'aad-anna', ...as },
    conversation: { id: 'conv-personal', kind: 'personal' },
    activityId: `msg-${++messages}`,
  });
}

/** testBot() on `today`, with "coordinator-aad" as admin, seen through Harness. */
export async function harness(today: IsoDate, options: { store?: Store } = {}): Promise<Harness> {
  const bot = await testBot({
    store: options.store,
    now: stockholmInstant(today, '12:00'),
    tick: 1000,
    admins: ['coordinator-aad'],
  });
  const input = annaLind();
  return {
    app: bot.app,
    store: bot.store,
    port: bot.port,
    get records() {
      return bot.records;
    },
    logger: bot.logger,
    setToday: (day) => bot.setNow(stockholmInstant(day, '12:00')),
    say: (text, as) => bot.send({ ...input(as), text }),
    submit: (value, as) => bot.send({ ...input(as), text: '', value }),
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
