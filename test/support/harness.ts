// A whole app on an in-memory (or temp-dir) store with a fixed clock: what a user says, what they see.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createApp, type App } from '../../src/app/app.js';
import type { Reply, TurnInput, ConversationKind } from '../../src/app/ports.js';
import type { AreaRecords, StorePort } from '../../src/app/port/index.js';
import { MemoryStorage, type Storage } from '../../src/store/storage.js';
import type { Store } from '../../src/store/store.js';
import { CapturingLogger, openStore } from './fakes.js';
import { storeUnderTest } from './storeBackend.js';

export const ANNA = { id: '29:anna', name: 'Anna Andersson', aadObjectId: 'aad-anna' };
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
  clock: { now: Date };
  /** Sends text as a user; returns the replies. */
  say(text: string, options?: { user?: typeof ANNA; activityId?: string; kind?: ConversationKind }): Promise<Reply[]>;
  submit(value: unknown, options?: { user?: typeof ANNA }): Promise<Reply[]>;
}

let counter = 0;

export async function harness(
  options: { now?: string; storage?: Storage; coordinators?: string[]; idPrefix?: string } = {},
): Promise<Harness> {
  const storage = options.storage ?? new MemoryStorage();
  const { port, store } = await storeUnderTest(
    await openStore(storage, { coordinators: options.coordinators ?? ['aad-sam'] }),
  );
  const logger = new CapturingLogger();
  const clock = { now: new Date(options.now ?? '2020-06-15T10:00:00+02:00') };
  let ids = 0;
  const app = createApp({
    port,
    clock: { now: () => clock.now },
    logger,
    // A store written by an earlier harness already holds id-1, id-2, …: another prefix then.
    newId: () => `${options.idPrefix ?? 'id'}-${++ids}`,
  });
  const input = (user: typeof ANNA, kind: ConversationKind = 'personal'): Omit<TurnInput, 'text' | 'value'> => ({
    user,
    conversation: { id: kind === 'personal' ? `personal-${user.id}` : `conv-${kind}`, kind },
    activityId: `act-${++counter}`,
  });
  return {
    app,
    store,
    port,
    // Asked for when used: a test may seed a store without jonkoping.
    get records() {
      return port.records('jonkoping');
    },
    storage,
    logger,
    clock,
    say: (text, o = {}) =>
      app.handle({ ...input(o.user ?? ANNA, o.kind), text, ...(o.activityId ? { activityId: o.activityId } : {}) }),
    submit: (value, o = {}) => app.handle({ ...input(o.user ?? ANNA), text: '', value }),
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
