// Two areas with one 2020 agreement each, entries, audit records and people for the conformance suite.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { agreementSchema, type Agreement } from '../../../src/domain/agreement.js';
import type { Area } from '../../../src/domain/area.js';
import type { NewAuditRecord } from '../../../src/domain/audit.js';
import type { Entry } from '../../../src/domain/entry.js';
import { SYSTEM_ACTOR } from '../../../src/domain/audit.js';
import type { StorePort } from '../../../src/app/port/index.js';
import type { MakeStore, StoreUnderTest } from './index.js';

const jonkopingAgreement = agreementSchema.parse(
  JSON.parse(
    readFileSync(fileURLToPath(new URL('../../../data/agreements/jonkoping-2020.json', import.meta.url)), 'utf8'),
  ),
);

export const JKPG: Area = {
  id: 'jonkoping',
  name: 'Jönköpings kommun',
  policeArea: 'Lokalpolisområde södra Vätterbygden',
  tenants: ['tenant-jkpg'],
  coordinators: ['aad-sam'],
};
export const HABO: Area = {
  id: 'habo',
  name: 'Habo kommun',
  policeArea: 'Lokalpolisområde Habo',
  tenants: [],
  coordinators: ['aad-hb'],
};

/** jonkoping-2020 (bundled) and habo-2020, its copy for Habo. */
export const J2020: Agreement = jonkopingAgreement;
export const H2020: Agreement = {
  ...structuredClone(jonkopingAgreement),
  id: 'habo-2020',
  area: 'habo',
  municipality: 'Habo kommun',
};

export const ANNA = { id: 'aad-anna', name: 'Anna' };
export const BERIT = { id: 'aad-berit', name: 'Berit' };
export const AT = new Date('2020-03-14T18:00:00.000Z');
export const CHANGE_BY = { by: ANNA, at: AT, via: 'chat' as const };

/** Entry `id` of `agreementId` (gemensam krogtillsyn, 14 March 2020), with `overrides` on top. */
export function entry(id: string, overrides: Partial<Entry> = {}, agreementId = 'jonkoping-2020'): Entry {
  return {
    id,
    agreementId,
    activityId: 'gemensam-krogtillsyn',
    date: '2020-03-14',
    count: 1,
    by: ANNA,
    loggedAt: AT.toISOString(),
    ...overrides,
  };
}

/** The record of an entry change. */
export function audited(
  action: NewAuditRecord['action'],
  entryId: string,
  agreementId = 'jonkoping-2020',
): NewAuditRecord {
  return { at: AT.toISOString(), by: ANNA, via: 'chat', action, agreementId, entryId };
}

/** A store made by `makeStore`, seeded with Jönköping and Habo, for one test. */
export interface Seeded extends StoreUnderTest {
  port: StorePort;
}

/** Seeds the areas with the store's own seed, or through the port. */
async function seeded(makeStore: MakeStore): Promise<Seeded> {
  const made = await makeStore();
  const seed =
    made.seed?.bind(made) ??
    ((area: Area, agreements: readonly Agreement[]) =>
      made.port.areas.addArea(area, agreements, { by: SYSTEM_ACTOR, at: AT, via: 'cli' }));
  await seed(JKPG, [J2020]);
  await seed(HABO, [H2020]);
  return made;
}

/**
 * Mocha hooks giving each test of the block a fresh seeded store; `current()` is this test's.
 * The store is closed after the test, whatever became of it.
 */
export function freshStore(makeStore: MakeStore): () => Seeded {
  let store: Seeded | undefined;
  beforeEach(async () => {
    store = await seeded(makeStore);
  });
  afterEach(async () => {
    await store?.close();
    store = undefined;
  });
  return () => {
    if (!store) throw new Error('no store: used outside a test');
    return store;
  };
}
