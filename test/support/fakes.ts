// Fakes for the ports: a clock the test moves, a sleep that moves it instead of waiting, a logger
// that keeps what was logged, a store on memory seeded with the bundled agreements.
import { fileURLToPath } from 'node:url';
import type { DeliveryResult, Notifier, OpenResult } from '../../src/app/notifier.js';
import type { Clock, Logger, Reply, TurnInput } from '../../src/app/ports.js';
import type { Agreement } from '../../src/domain/agreement.js';
import { loadBundledAgreements } from '../../src/store/bundled.js';
import { MemoryStorage, type Storage } from '../../src/store/storage.js';
import { Store, type OpenOptions } from '../../src/store/store.js';

export class FakeClock implements Clock {
  #ms: number;
  constructor(start: Date | string) {
    this.#ms = new Date(start).getTime();
  }
  now(): Date {
    return new Date(this.#ms);
  }
  set(instant: Date | string): void {
    this.#ms = new Date(instant).getTime();
  }
  advance(ms: number): void {
    this.#ms += ms;
  }
}

/** A sleep that records each wait and moves the fake clock by it, at once. */
export function fakeSleep(clock: FakeClock): { sleep: (ms: number) => Promise<void>; waits: number[] } {
  const waits: number[] = [];
  return {
    waits,
    sleep: async (ms: number) => {
      waits.push(ms);
      clock.advance(ms);
      await Promise.resolve();
    },
  };
}

export interface LogLine {
  level: 'debug' | 'info' | 'warn' | 'error';
  obj: Record<string, unknown>;
  msg?: string;
}

export class CapturingLogger implements Logger {
  constructor(
    readonly lines: LogLine[] = [],
    private readonly bindings: Record<string, unknown> = {},
  ) {}
  private add(level: LogLine['level'], obj: object, msg?: string): void {
    this.lines.push({
      level,
      obj: { ...this.bindings, ...(obj as Record<string, unknown>) },
      ...(msg !== undefined ? { msg } : {}),
    });
  }
  debug(obj: object, msg?: string): void {
    this.add('debug', obj, msg);
  }
  info(obj: object, msg?: string): void {
    this.add('info', obj, msg);
  }
  warn(obj: object, msg?: string): void {
    this.add('warn', obj, msg);
  }
  error(obj: object, msg?: string): void {
    this.add('error', obj, msg);
  }
  child(bindings: Record<string, unknown>): Logger {
    return new CapturingLogger(this.lines, { ...this.bindings, ...bindings });
  }
}

let bundled: Promise<Agreement[]> | undefined;

export function bundledAgreements(): Promise<Agreement[]> {
  bundled ??= loadBundledAgreements(fileURLToPath(new URL('../../data/agreements', import.meta.url)));
  return bundled;
}

/** The bundled agreements as one area (`jonkoping`); `options` seed its tenants and coordinators. */
export async function openStore(storage: Storage = new MemoryStorage(), options: OpenOptions = {}): Promise<Store> {
  return Store.open(storage, await bundledAgreements(), options);
}

/** Adds a copy of the 2020 agreement for `year`, as a coordinator's /nytt-medborgarlöfte would. */
export async function addAgreementFor(store: Store, year: number): Promise<void> {
  const source = store.agreement('jonkoping-2020');
  if (!source) throw new Error('the bundled 2020 agreement is missing');
  await store.addAgreement({
    ...structuredClone(source),
    id: `jonkoping-${year}`,
    title: `Medborgarlöfte ${year}`,
    period: { start: `${year}-01-01`, end: `${year}-12-31` },
    copiedFrom: source.id,
  });
}

let ids = 0;
export const newId = (): string => `id-${++ids}`;

/** A reference as the bot layer stores it, pointing at a (fake) connector. */
export function referenceFor(serviceUrl: string, conversationId: string): Record<string, unknown> {
  return {
    serviceUrl,
    channelId: 'msteams',
    bot: { id: '28:bot', name: 'Medborgarlöfte' },
    conversation: { id: conversationId, conversationType: 'channel', tenantId: 'tenant-1' },
  };
}

export function turnInput(
  text: string,
  over: Partial<TurnInput> & { conversationId?: string; kind?: TurnInput['conversation']['kind'] } = {},
): TurnInput {
  const conversationId = over.conversationId ?? '19:ssg@thread.tacv2';
  const { conversationId: _c, kind, ...rest } = over;
  return {
    user: { id: '29:anna', name: 'Anna Andersson', aadObjectId: 'aad-anna' },
    conversation: { id: conversationId, kind: kind ?? 'channel', tenantId: 'tenant-1', name: 'SSG' },
    text,
    conversationReference: referenceFor('http://127.0.0.1:9', conversationId),
    ...rest,
  };
}

/** A notifier that keeps what the bot sent proactively, and answers `result` (sent unless told). */
export class CapturingNotifier implements Notifier {
  readonly sent: { reference: unknown; replies: readonly Reply[] }[] = [];
  result: DeliveryResult = { kind: 'sent' };

  send(reference: unknown, replies: readonly Reply[]): Promise<DeliveryResult> {
    this.sent.push({ reference, replies });
    return Promise.resolve(this.result);
  }

  openPersonal(): Promise<OpenResult> {
    return Promise.resolve({ kind: 'rejected', detail: 'no personal chats in this fake' });
  }

  /** The texts sent to the conversation `conversationId` (by its reference). */
  textsTo(conversationId: string): string[] {
    return this.sent
      .filter((s) => (s.reference as { conversation?: { id?: string } }).conversation?.id === conversationId)
      .map((s) => s.replies.map((r) => (r.kind === 'text' ? r.text : r.fallbackText)).join('\n'));
  }
}
