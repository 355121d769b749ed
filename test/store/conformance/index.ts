// The store conformance suite: what every store behind src/app/port must do, tested through the
// port only (behaviour, never files or tables). Run it for a store with
//
//   storeConformance('the memory store', async () => ({ port, seed, close }));
//
// inside a mocha file. `makeStore` is called once per test and returns a fresh, empty store:
//   - port:    the StorePort under test;
//   - seed(area, agreements): adds an area with its agreements as an operator would (the default,
//              port.areas.addArea by the system via the CLI, is what most stores want);
//   - reopen?(): closes the store and opens it again on the same data (a store that keeps nothing
//              across a restart leaves it out, and the reopening tests are skipped);
//   - close(): releases it (temp folders, connections).
// The PostgreSQL store runs the same suite with its own factory. Suites: records.ts (entries, audit,
// occasions, versions, isolation), areas.ts (settings, agreements, bindings), conversations.ts
// (subscriptions, meetings, reminders, claims), documents.ts (publications, import drafts,
// service URLs, copies), personalData.ts (the GDPR export and erasure) and reopen.ts (the same data after a restart).
import type { Agreement } from '../../../src/domain/agreement.js';
import type { Area } from '../../../src/domain/area.js';
import type { StorePort } from '../../../src/app/port/index.js';
import { areaConformance } from './areas.js';
import { conversationConformance } from './conversations.js';
import { documentConformance } from './documents.js';
import { personalDataConformance } from './personalData.js';
import { recordConformance } from './records.js';
import { reopenConformance } from './reopen.js';

export interface StoreUnderTest {
  port: StorePort;
  seed?(area: Area, agreements: readonly Agreement[]): Promise<void>;
  reopen?(): Promise<StorePort>;
  close(): Promise<void>;
}

export type MakeStore = () => Promise<StoreUnderTest>;

/** Defines the suite's mocha tests for the store `makeStore` makes, under `name`. */
export function storeConformance(name: string, makeStore: MakeStore): void {
  describe(`store conformance: ${name}`, function () {
    recordConformance(makeStore);
    areaConformance(makeStore);
    conversationConformance(makeStore);
    documentConformance(makeStore);
    personalDataConformance(makeStore);
    reopenConformance(makeStore);
  });
}
