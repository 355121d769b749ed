// The store as the application sees it: a port the application owns, made of interfaces split by
// concern. src/app and src/views never import src/store (the lint refuses it); main.ts wires a
// store in: the embedded file store (src/store), the memory store (tests) or PostgreSQL.
import type { AreaDirectory } from './areas.js';
import type { AuditTrail, Deliveries } from './audit.js';
import type { Meetings, Reminders, ServiceUrls, Subscriptions } from './conversations.js';
import type { ImportDrafts, Publications } from './documents.js';
import type { PersonalData } from './personalData.js';
import type { AreaRecords } from './records.js';

export type * from './areas.js';
export type * from './audit.js';
export type * from './conversations.js';
export type * from './documents.js';
export type * from './personalData.js';
export type * from './records.js';

export interface StorePort {
  readonly areas: AreaDirectory;
  /** One area's agreements and entries; nothing of any other area is reachable through it. */
  records(areaId: string): AreaRecords;
  readonly subscriptions: Subscriptions;
  readonly meetings: Meetings;
  readonly reminders: Reminders;
  readonly publications: Publications;
  readonly importDrafts: ImportDrafts;
  readonly audit: AuditTrail;
  readonly deliveries: Deliveries;
  readonly serviceUrls: ServiceUrls;
  /** One person's data: the export and the erasure of the GDPR tool (npm run gdpr). */
  readonly personalData: PersonalData;
  /** Resolves when every write asked for so far is durable. */
  settled(): Promise<void>;
  /** At a clean stop: waits for the writes under way, then releases what the store holds. */
  close(): Promise<void>;
}
