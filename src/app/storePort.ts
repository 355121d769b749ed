// The store as the application sees it: a port, not the lowdb classes. It is derived from the
// store's public members, so a method another change adds to the store is usable here without a
// second list to keep in step; being structural, any object of that shape fits (a fake, another store).
// This is the one module of src/app that names the store, and only as types.
import type { AgreementRecords, AreaStore, Store } from '../store/store.js';
import type { MeetingStore } from '../store/meetings.js';
import type { ReminderStore } from '../store/reminders.js';
import type { SubscriptionStore } from '../store/subscriptions.js';

export type { AgreementRecords } from '../store/store.js';
export type { ReminderPerson } from '../store/reminders.js';
export type { Meeting } from '../store/meetings.js';

/** The public members of T, without its private ones (which make a class type nominal). */
type PublicShape<T> = { [K in keyof T]: T[K] };

/** subscriptions.json as the app uses it: subscribe, end, list, record a sent week. */
type SubscriptionsPort = PublicShape<SubscriptionStore>;

/** One area's agreements and entries; another area's ids are unknown here. */
export type AreaStorePort = PublicShape<AreaStore> & AgreementRecords;

/** Areas, agreements, entries, completions and subscriptions: reads are synchronous, writes resolve once on disk. */
export type StorePort = Omit<PublicShape<Store>, 'subscriptions' | 'reminders' | 'meetings' | 'inArea'> & {
  readonly subscriptions: SubscriptionsPort;
  readonly reminders: PublicShape<ReminderStore>;
  readonly meetings: PublicShape<MeetingStore>;
  inArea(areaId: string): AreaStorePort;
};
