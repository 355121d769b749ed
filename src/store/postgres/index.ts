// The store in PostgreSQL, for several bot instances sharing one database (DATABASE_URL). Every
// change is one transaction with its audit record; an area's changes bump its version in the same
// transaction, so a reply cached by any instance sees another's write at once. No LISTEN/NOTIFY and
// no session advisory lock is used, so a pooler in transaction mode (PgBouncer) may stand in front.
import type pg from 'pg';
import type { StorePort } from '../../app/port/index.js';
import { postgresAreas } from './areas.js';
import { Db, redactedUrl } from './db.js';
import { postgresAudit, postgresDeliveries, postgresImportDrafts, postgresPublications } from './documents.js';
import { migrate } from './migrations.js';
import { postgresMeetings } from './meetings.js';
import { postgresPersonalData } from './personalData.js';
import { postgresRecords } from './records.js';
import { postgresReminders } from './reminders.js';
import { postgresServiceUrls } from './serviceUrls.js';
import { postgresSubscriptions } from './subscriptions.js';
import { CodedError } from '../../errors/codedError.js';
import { databaseText } from '../../views/databaseTexts.js';

/** The database named by DATABASE_URL could not be reached or prepared at start; the message says why. */
export class DatabaseUnavailableError extends CodedError {
  override name = 'DatabaseUnavailableError';
  readonly code = 'database.unavailable';
}

export interface PostgresOptions {
  /** postgres://user:password@host:port/database (DATABASE_URL). */
  url: string;
  /** Most connections this instance holds. Default 10. */
  max?: number;
  /** How long connecting may take, at open and later, before the call fails. Default 5000 ms. */
  connectionTimeoutMillis?: number;
  /** Where a connection error outside any call is reported (the pool replaces the connection). */
  onError?: (error: Error) => void;
}

/** The tables whose rows store:migrate copies and counts, in the order they are filled. */
export const TABLES = [
  'areas',
  'area_history',
  'agreements',
  'bindings',
  'entries',
  'completions',
  'subscriptions',
  'meetings',
  'reminder_people',
  'notices',
  'publications',
  'drafts',
  'import_drafts',
  'audit',
  'service_urls',
] as const;

export interface PostgresStore extends StorePort {
  /** The migrations this open applied (none when another instance had applied them). */
  readonly migrated: readonly number[];
  /** True while the database answers `SELECT 1` within `timeoutMs` (default 2000) (readiness). */
  ready(timeoutMs?: number): Promise<boolean>;
  /**
   * Resolves while the database answers `SELECT 1` within `timeoutMs` (default 2000); otherwise
   * rejects with DatabaseUnavailableError, its cause the driver's error (for the readiness reason).
   */
  probe(timeoutMs?: number): Promise<void>;
  /** Rows per table (TABLES). */
  counts(): Promise<Record<(typeof TABLES)[number], number>>;
}

/**
 * Connects, applies the migrations not yet applied (under the migration lock) and returns the
 * port. Rejects within about `connectionTimeoutMillis` when the database cannot be reached, with a
 * message naming DATABASE_URL and the address without its password; the pool is closed then.
 */
export async function openPostgresStore(options: PostgresOptions): Promise<PostgresStore> {
  const db = new Db(options);
  let migrated: number[];
  try {
    const client = await db.connect();
    try {
      migrated = await migrate(client);
    } finally {
      client.release();
    }
  } catch (error) {
    await db.end().catch(() => undefined);
    const reason = error instanceof Error ? error.message : String(error);
    throw new DatabaseUnavailableError(
      databaseText({ code: 'database.notOpened', url: redactedUrl(options.url), reason }),
      { cause: error },
    );
  }
  const probe = async (timeoutMs = 2000): Promise<void> => {
    try {
      // query_timeout: a server that accepts and never answers must not hold the probe.
      await db.pool.query({ text: 'SELECT 1', query_timeout: timeoutMs } as pg.QueryConfig);
    } catch (error) {
      throw new DatabaseUnavailableError(databaseText({ code: 'database.noAnswer', url: redactedUrl(options.url) }), {
        cause: error,
      });
    }
  };
  return {
    migrated,
    areas: postgresAreas(db),
    records: (areaId) => postgresRecords(db, areaId),
    subscriptions: postgresSubscriptions(db),
    meetings: postgresMeetings(db),
    reminders: postgresReminders(db),
    publications: postgresPublications(db),
    importDrafts: postgresImportDrafts(db),
    audit: postgresAudit(db),
    deliveries: postgresDeliveries(db),
    serviceUrls: postgresServiceUrls(db),
    personalData: postgresPersonalData(db),
    // Every change resolves after its COMMIT: nothing is left to wait for.
    settled: () => Promise.resolve(),
    close: () => db.end(),
    probe,
    ready: (timeoutMs = 2000) =>
      probe(timeoutMs).then(
        () => true,
        () => false,
      ),
    async counts() {
      const rows = await db.query<{ name: (typeof TABLES)[number]; n: string }>(
        TABLES.map((t) => `SELECT '${t}' AS name, count(*) AS n FROM ${t}`).join(' UNION ALL '),
      );
      return Object.fromEntries(rows.map((r) => [r.name, Number(r.n)])) as Record<(typeof TABLES)[number], number>;
    },
  };
}
