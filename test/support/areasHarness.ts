// Two areas in one deployment, as the trial has them: Jönköping (bundled agreements) and
// Habo (test/fixtures/areas/habo.json). Each kommun has its own tenant; Polisen's tenant is in both.
import type { AreaRecords, StorePort } from '../../src/app/port/index.js';
import type { Entry } from '../../src/domain/entry.js';
import type { App } from '../../src/app/app.js';
import type { ConversationKind, Reply, TurnInput } from '../../src/app/ports.js';
import { MemoryStorage, type Storage } from '../../src/store/storage.js';
import type { Store } from '../../src/store/store.js';
import type { CapturingLogger } from './fakes.js';
import { areaFixture, areaFixtureFile, testBot } from './testBot.js';

const TENANT_JKPG = 'tenant-jkpg';
const TENANT_HABO = 'tenant-habo';
export const TENANT_POLIS = 'tenant-polisen';
export const SECRET = 'areas-test-secret-0123456789abcdefgh';

export interface Person {
  id: string;
  name: string;
  aadObjectId: string;
  tenant: string;
  upn?: string;
}

export const KALLE_JKPG: Person = {
  id: '29:kalle',
  name: 'Kalle Jönköping',
  aadObjectId: 'aad-kalle',
  tenant: TENANT_JKPG,
};
export const HANNA_HABO: Person = { id: '29:hanna', name: 'Hanna Habo', aadObjectId: 'aad-hanna', tenant: TENANT_HABO };
export const PER_POLIS: Person = { id: '29:per', name: 'Per Polis', aadObjectId: 'aad-per', tenant: TENANT_POLIS };
/** Habo's coordinator, a guest in Polisen's team (so a channel there carries Polisen's tenant). */
export const SARA_HABO_SAM: Person = {
  id: '29:sara',
  name: 'Sara Samordnare',
  aadObjectId: 'aad-sara',
  tenant: TENANT_POLIS,
  upn: 'sara.samordnare@habo.se',
};
export const JONNA_JKPG_SAM: Person = {
  id: '29:jonna',
  name: 'Jonna Samordnare',
  aadObjectId: 'aad-jkpg-sam',
  tenant: TENANT_POLIS,
};
export const ADA_ADMIN: Person = { id: '29:ada', name: 'Ada Admin', aadObjectId: 'aad-admin', tenant: TENANT_POLIS };

export const HABO_FILE = areaFixtureFile('habo');

export function haboInput() {
  return areaFixture('habo');
}

export interface Where {
  kind?: ConversationKind;
  /** Defaults: the user's personal chat; "chat-1" for a group chat; "19:ssg" for a channel. */
  conversationId?: string;
  teamId?: string;
  /** The conversation's tenant (a channel's is its team's); default the user's. */
  tenant?: string;
}

export interface AreasHarness {
  app: App;
  store: Store;
  /** The store the application uses (on PostgreSQL, `store` only seeded it: see storeBackend.ts). */
  port: StorePort;
  /** The port's records of Jönköping. */
  records: AreaRecords;
  /** Every area's entries, removed ones included. */
  everyEntry(): Promise<Entry[]>;
  storage: Storage;
  logger: CapturingLogger;
  say(who: Person, text: string, where?: Where): Promise<Reply[]>;
  submit(who: Person, value: unknown, where?: Where): Promise<Reply[]>;
}

let message = 0;

/** `who` says something `where` (their personal chat unless told), as the channel layer makes a turn. */
function input(who: Person, where: Where = {}): Omit<TurnInput, 'text'> {
  const kind = where.kind ?? 'personal';
  const conversationId =
    where.conversationId ?? (kind === 'personal' ? `a:${who.id}` : kind === 'channel' ? '19:ssg' : 'chat-1');
  message += 1;
  return {
    user: {
      id: who.id,
      name: who.name,
      aadObjectId: who.aadObjectId,
      ...(who.upn ? { resolveUpn: async () => who.upn } : { resolveUpn: async () => undefined }),
    },
    conversation: {
      id: conversationId,
      kind,
      tenantId: where.tenant ?? who.tenant,
      ...(kind === 'channel' ? { teamId: where.teamId ?? 'team-trygghet' } : {}),
    },
    activityId: `m${message}`,
    conversationReference: { conversation: { id: conversationId }, serviceUrl: 'http://127.0.0.1:9/' },
  };
}

/** testBot() with Habo added beside Jönköping, Ada as admin and signed report links. */
export async function areasHarness(now = '2020-06-15T10:00:00+02:00'): Promise<AreasHarness> {
  const storage = new MemoryStorage();
  const bot = await testBot({
    now,
    storage,
    seed: { tenants: [TENANT_JKPG, TENANT_POLIS], coordinators: ['aad-jkpg-sam'] },
    areas: ['habo'],
    admins: ['aad-admin'],
    reportLinks: { secret: SECRET, publicUrl: 'https://bot.example.se' },
  });
  return {
    app: bot.app,
    store: bot.store,
    port: bot.port,
    get records() {
      return bot.records;
    },
    everyEntry: () => bot.everyEntry(),
    storage,
    logger: bot.logger,
    say: (who, text, where) => bot.send({ ...input(who, where), text }),
    submit: (who, value, where) => bot.send({ ...input(who, where), text: '', value }),
  };
}
