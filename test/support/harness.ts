// The app-level view of testBot() most conversation tests use: Anna (or another user) in her
// personal chat, on an in-memory store seeded with the bundled agreements and a clock the test sets.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { App } from '../../src/app/app.js';
import type { Reply, ConversationKind } from '../../src/app/ports.js';
import type { AreaRecords, StorePort } from '../../src/app/port/index.js';
import { MemoryStorage, type Storage } from '../../src/store/storage.js';
import type { Store } from '../../src/store/store.js';
import type { CapturingLogger } from './fakes.js';
import { ANNA, testBot } from './testBot.js';

export { ANNA };
export const BERIT = { id: '29:berit', name: 'Berit Berg', aadObjectId: 'aad-berit' };
export const SAMORDNARE = { id: '29:sam', name: 'Sam Samordnare', aadObjectId: 'aad-sam' };

export function tempDir(prefix = 'mlb-'): string {
  return mkdtempSync(path.join(tmpdir(), prefix));
}

export interface Harness {
  app: App;
  store: Store;
  /** The store the application uses (on PostgreSQL, `store` only seeded it: see storeBackend.ts). */
  port: StorePort;
  /** The port's records of the one area, jonkoping. */
  records: AreaRecords;
  storage: Storage;
  logger: CapturingLogger;
  /** The app's clock: set `now` to move it. */
  clock: { now: Date };
  /** Sends text as a user; returns the replies. */
  say(text: string, options?: { user?: typeof ANNA; activityId?: string; kind?: ConversationKind }): Promise<Reply[]>;
  submit(value: unknown, options?: { user?: typeof ANNA }): Promise<Reply[]>;
}

/** testBot() with Sam as the area's coordinator, seen through Harness. */
export async function harness(
  options: { now?: string; storage?: Storage; coordinators?: string[]; idPrefix?: string } = {},
): Promise<Harness> {
  const storage = options.storage ?? new MemoryStorage();
  const bot = await testBot({
    now: options.now,
    storage,
    seed: { coordinators: options.coordinators ?? ['aad-sam'] },
    // A store written by an earlier harness already holds id-1, id-2, …: another prefix then.
    idPrefix: options.idPrefix,
  });
  return {
    app: bot.app,
    store: bot.store,
    port: bot.port,
    get records() {
      return bot.records;
    },
    storage,
    logger: bot.logger,
    clock: {
      get now() {
        return bot.clock.now();
      },
      set now(instant: Date) {
        bot.setNow(instant);
      },
    },
    say: (text, o = {}) => bot.say(text, o),
    submit: (value, o = {}) => bot.submit(value, o),
  };
}

/** What a user reads: text replies as they are, cards as their JSON (so "3 av 4" is found in either). */
export function readable(replies: Reply[]): string {
  return replies.map((r) => (r.kind === 'text' ? r.text : JSON.stringify(r.card))).join('\n---\n');
}

export function cardsOf(replies: Reply[]) {
  return replies.flatMap((r) => (r.kind === 'card' || r.kind === 'replaceCard' ? [r.card] : []));
}

/**
 * The data of the first Action.Submit titled `title` in the replies' cards whose data holds every
 * value of `where`; throws, showing the replies, when there is none.
 */
export function buttonData(
  replies: Reply[],
  title: string,
  where: Record<string, unknown> = {},
): Record<string, unknown> {
  let found: Record<string, unknown> | undefined;
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const o = node as Record<string, unknown>;
      const data = o.data as Record<string, unknown> | undefined;
      if (o.type === 'Action.Submit' && o.title === title && Object.entries(where).every(([k, v]) => data?.[k] === v))
        found ??= data;
      Object.values(o).forEach(walk);
    }
  };
  walk(cardsOf(replies));
  if (!found) throw new Error(`no "${title}" button in ${readable(replies)}`);
  return found;
}

/** The Action.Submit data objects of a card, in order. */
export function submitActions(card: unknown): Record<string, unknown>[] {
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
  walk(card);
  return found;
}
