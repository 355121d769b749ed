// One area's agreements, entries, occasions and completions, as the application reads and changes
// them. Every read is asynchronous (a database answers it), every change carries its audit record
// and the store keeps the two together: both are stored or neither is.
import type { Agreement, IsoDate } from '../../domain/agreement.js';
import type { NewAuditRecord } from '../../domain/audit.js';
import type { Completion, Entry, EntryChange, EntryFields } from '../../domain/entry.js';
import type { Occasion } from '../../domain/occasion.js';
import type { DayTotal } from '../../domain/status.js';

/**
 * What storing a new entry did: stored, or refused as a repeat of one stored from the same message.
 * @public
 */
export type AddEntryResult = { stored: true; entry: Entry } | { stored: false; entry: Entry; reason: 'duplicate' };

/** Which entries' notes to clear: every note on entries dated before a day, or one entry's. */
export type NoteSelection = { before: IsoDate } | { entryId: string };

/** Why and when notes were cleared (stored on each entry as `noteCleared`). */
export type NoteClearing = NonNullable<Entry['noteCleared']>;

/**
 * One area's records. Another area's agreement or entry ids are unknown here (reads give nothing,
 * changes are refused with UnknownRecordError from the store). Reads resolve with copies the caller
 * may keep; changes resolve only once the change and its audit record are durable.
 */
export interface AreaRecords {
  /** The area this view is limited to. */
  readonly areaId: string;

  /**
   * A number that changes whenever anything of this area changes (agreements, entries, completions,
   * bindings, settings), in this process or any other sharing the store: what a cached reply compares.
   */
  version(): Promise<string>;

  agreements(): Promise<readonly Agreement[]>;
  agreement(id: string): Promise<Agreement | undefined>;
  /** Every entry of the agreement, removed ones included, in the order stored. */
  entries(agreementId: string): Promise<readonly Entry[]>;
  completions(agreementId: string): Promise<readonly Completion[]>;
  /** Every entry of every agreement of the area, in agreement order then stored order. */
  allEntries(): Promise<readonly Entry[]>;
  /** The entries the person (by user id) logged or removed, in allEntries' order. */
  entriesTouchedBy(personId: string): Promise<readonly Entry[]>;
  /**
   * The person's latest active entry, as latestEntryBy (src/domain/recordRules.ts) finds it in
   * allEntries: the latest `loggedAt` they logged, of equal ones the last in allEntries' order.
   */
  latestEntryBy(personId: string): Promise<Entry | undefined>;
  /** The entry stored from this message (`source.id`), if any. */
  findBySource(sourceId: string): Promise<Entry | undefined>;
  /** One activity's active entries summed per day, in date order: equals dayTotals(entries(…), …). */
  dayTotals(agreementId: string, activityId: string): Promise<readonly DayTotal[]>;
  /** One activity's occasions on one day: the day's part of occasionsOf(entries(agreementId)). */
  occasionsOn(agreementId: string, activityId: string, date: IsoDate): Promise<readonly Occasion[]>;

  /** Stores a new entry with the record of storing it; a second entry from the same message is a duplicate. */
  addEntry(entry: Entry, audit: NewAuditRecord): Promise<AddEntryResult>;
  /** Marks the entry removed (it stays, as the record of what was removed); undefined when absent or already removed. */
  removeEntry(
    agreementId: string,
    entryId: string,
    removal: NonNullable<Entry['removed']>,
    audit: NewAuditRecord,
  ): Promise<Entry | undefined>;
  /** Replaces the entry's fields, keeping the earlier ones in its history; undefined when absent or removed. */
  editEntry(
    agreementId: string,
    entryId: string,
    fields: EntryFields,
    change: Omit<EntryChange, 'before'>,
    audit: NewAuditRecord,
  ): Promise<Entry | undefined>;
  /** Takes a removal back; undefined when absent or not removed. */
  restoreEntry(
    agreementId: string,
    entryId: string,
    change: Omit<EntryChange, 'before' | 'removed' | 'reason'>,
    audit: NewAuditRecord,
  ): Promise<Entry | undefined>;
  addCompletion(agreementId: string, completion: Completion, audit: NewAuditRecord): Promise<void>;
  /**
   * Clears the selected entries' notes (entries without a note are left); resolves with the entries
   * changed. One audit record per agreement touched: `audit` completed with that agreement's id and
   * the ids of its entries cleared (`agreementId`, `entryIds`; for an `{ entryId }` selection also
   * `entryId`); none when nothing was cleared.
   */
  clearNotes(
    selection: NoteSelection,
    cleared: NoteClearing,
    audit: Omit<NewAuditRecord, 'agreementId' | 'entryIds' | 'entryId'>,
  ): Promise<readonly Entry[]>;
}
