// Reads of one area's agreements, entries, occasions and completions in PostgreSQL: each one
// statement limited to the area, answering parsed copies.
import { agreementSchema, type IsoDate } from '../../domain/agreement.js';
import { completionSchema, entrySchema, type Entry } from '../../domain/entry.js';
import { occasionsOf, type Occasion } from '../../domain/occasion.js';
import type { DayTotal } from '../../domain/status.js';
import type { AreaRecords } from '../../app/port/index.js';
import type { Db } from './db.js';

/** A row read for its JSON body alone. */
export type BodyRow = { body: unknown };

/** The entries the rows hold, parsed, in the rows' order. */
export const entries = (rows: readonly BodyRow[]): Entry[] => rows.map((r) => entrySchema.parse(r.body));

/** The area's version, agreements and completions. */
export function agreementReads(
  db: Db,
  areaId: string,
): Pick<AreaRecords, 'version' | 'agreements' | 'agreement' | 'completions'> {
  return {
    async version() {
      const [row] = await db.query<{ version: string | null }>(
        'SELECT sum(version)::text AS version FROM area_versions WHERE area_id = $1',
        [areaId],
      );
      return row?.version ?? 'none';
    },

    async agreements() {
      const rows = await db.query<BodyRow>('SELECT body FROM agreements WHERE area_id = $1 ORDER BY position', [
        areaId,
      ]);
      return rows.map((r) => agreementSchema.parse(r.body));
    },

    async agreement(id) {
      const [row] = await db.query<BodyRow>('SELECT body FROM agreements WHERE id = $1 AND area_id = $2', [id, areaId]);
      return row ? agreementSchema.parse(row.body) : undefined;
    },

    async completions(agreementId) {
      const rows = await db.query<BodyRow>(
        `SELECT c.body FROM completions c JOIN agreements a ON a.id = c.agreement_id
         WHERE a.area_id = $1 AND c.agreement_id = $2 ORDER BY c.seq`,
        [areaId, agreementId],
      );
      return rows.map((r) => completionSchema.parse(r.body));
    },
  };
}

/** The area's entries: of one agreement, of all, of one person, of one message. */
export function entryReads(
  db: Db,
  areaId: string,
): Pick<AreaRecords, 'entries' | 'allEntries' | 'entriesTouchedBy' | 'latestEntryBy' | 'findBySource'> {
  return {
    async entries(agreementId) {
      return entries(
        await db.query<BodyRow>('SELECT body FROM entries WHERE area_id = $1 AND agreement_id = $2 ORDER BY seq', [
          areaId,
          agreementId,
        ]),
      );
    },

    async allEntries() {
      return entries(
        await db.query<BodyRow>(
          `SELECT e.body FROM entries e JOIN agreements a ON a.id = e.agreement_id
           WHERE e.area_id = $1 ORDER BY a.position, e.seq`,
          [areaId],
        ),
      );
    },

    async entriesTouchedBy(personId) {
      return entries(
        await db.query<BodyRow>(
          `SELECT e.body FROM entries e JOIN agreements a ON a.id = e.agreement_id
           WHERE e.area_id = $1 AND (e.by_id = $2 OR e.removed_by_id = $2) ORDER BY a.position, e.seq`,
          [areaId, personId],
        ),
      );
    },

    async latestEntryBy(personId) {
      // latestEntryBy's order (src/domain/recordRules.ts): loggedAt compared as text (COLLATE "C",
      // as JavaScript compares), then allEntries' order. The person's rows come from entries_by.
      const [row] = await db.query<BodyRow>(
        `SELECT e.body FROM entries e JOIN agreements a ON a.id = e.agreement_id
         WHERE e.area_id = $1 AND e.by_id = $2 AND NOT e.removed
         ORDER BY e.body->>'loggedAt' COLLATE "C" DESC, a.position DESC, e.seq DESC LIMIT 1`,
        [areaId, personId],
      );
      return row ? entrySchema.parse(row.body) : undefined;
    },

    async findBySource(sourceId) {
      const [row] = await db.query<BodyRow>(
        `SELECT e.body FROM entries e JOIN agreements a ON a.id = e.agreement_id
         WHERE e.area_id = $1 AND e.source_id = $2 ORDER BY a.position, e.seq LIMIT 1`,
        [areaId, sourceId],
      );
      return row ? entrySchema.parse(row.body) : undefined;
    },
  };
}

/** One activity's day totals and one day's occasions, as the domain counts them. */
export function occasionReads(db: Db, areaId: string): Pick<AreaRecords, 'dayTotals' | 'occasionsOn'> {
  return {
    async dayTotals(agreementId, activityId): Promise<DayTotal[]> {
      // The domain's rule (status.ts dayTotals, occasion.ts): an occasion is the active entries of
      // one day with one occasion id (an entry's own id when it joined none) and counts its largest
      // count. The property test against the file store holds the two together.
      const rows = await db.query<{ date: string; count: number; occasions: number }>(
        `SELECT date, sum(c)::integer AS count, count(*)::integer AS occasions FROM (
           SELECT date, max(count) AS c FROM entries
           WHERE area_id = $1 AND agreement_id = $2 AND activity_id = $3 AND NOT removed
           GROUP BY date, COALESCE(occasion_id, id)) occasions
         GROUP BY date ORDER BY date`,
        [areaId, agreementId, activityId],
      );
      return rows.map((r) => ({ date: r.date, count: r.count, occasions: r.occasions }));
    },

    async occasionsOn(agreementId, activityId, date: IsoDate): Promise<Occasion[]> {
      const active = entries(
        await db.query<BodyRow>(
          `SELECT body FROM entries
           WHERE area_id = $1 AND agreement_id = $2 AND activity_id = $3 AND date = $4 AND NOT removed ORDER BY seq`,
          [areaId, agreementId, activityId, date],
        ),
      );
      return occasionsOf(active);
    },
  };
}
