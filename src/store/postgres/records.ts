// One area's agreements, entries and completions in PostgreSQL: the port's AreaRecords, composed of
// its reads (recordReads.ts) and its changes (recordChanges.ts, where the transactions' locking
// order is told).
import type { AreaRecords } from '../../app/port/index.js';
import type { Db } from './db.js';
import { completionAndNoteChanges, entryChanges } from './recordChanges.js';
import { agreementReads, entryReads, occasionReads } from './recordReads.js';

/** The port's AreaRecords for one area of the PostgreSQL store. */
export function postgresRecords(db: Db, areaId: string): AreaRecords {
  return {
    areaId,
    ...agreementReads(db, areaId),
    ...entryReads(db, areaId),
    ...occasionReads(db, areaId),
    ...entryChanges(db, areaId),
    ...completionAndNoteChanges(db, areaId),
  };
}
