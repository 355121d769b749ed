// The connection pool and the two ways the store uses it: one statement, or a transaction. A
// connection cut under the pool (a failover, pg_terminate_backend) is replaced by the pool; a call
// that failed on its first statement, before anything could have been written, is tried once more
// on a fresh connection, so the caller does not see the cut. A failure after that is the caller's:
// a write that failed is never confirmed.
import pg from 'pg';
import type { CustomTypesConfig, PoolClient, QueryResultRow } from 'pg';

/** Runs one SQL statement: what a transaction's body receives. */
export interface Sql {
  <R extends QueryResultRow = QueryResultRow>(text: string, values?: readonly unknown[]): Promise<R[]>;
}

/**
 * The connection string with its secrets replaced by "***", for messages and logs: the password after
 * the user, and query parameters that carry one (libpq and node-postgres accept `password`,
 * `sslpassword`, `sslkey` there).
 */
export function redactedUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    for (const name of [...parsed.searchParams.keys()])
      if (/pass|secret|key|token/iu.test(name)) parsed.searchParams.set(name, '***');
    return parsed.toString();
  } catch {
    return '(DATABASE_URL is not a URL)';
  }
}

/** Errors that say the connection, not the statement, failed: worth one more try on a new one. */
function connectionLost(error: unknown): boolean {
  const e = error as { code?: string; message?: string };
  return (
    e.code === '57P01' || // admin_shutdown (pg_terminate_backend)
    e.code === '57P02' ||
    e.code === '57P03' ||
    e.code === 'ECONNRESET' ||
    e.code === 'EPIPE' ||
    /Connection terminated|Client has encountered a connection error|not queryable/iu.test(e.message ?? '')
  );
}

// DATE columns come back as the ISO day they hold ("2025-03-01"), not a Date at local midnight.
const DATE_OID = 1082;
const types: CustomTypesConfig = {
  getTypeParser: ((oid: number, format: 'text' | 'binary') =>
    oid === DATE_OID
      ? (value: string): unknown => value
      : (pg.types.getTypeParser(oid, format) as (value: string) => unknown)) as CustomTypesConfig['getTypeParser'],
};

export interface DbOptions {
  url: string;
  /** Most connections held at once. Default 10. */
  max?: number;
  /** How long a new connection may take before the call fails. Default 5000 ms. */
  connectionTimeoutMillis?: number;
  /** Where a connection error outside any call is reported (the pool drops that connection). */
  onError?: (error: Error) => void;
}

export class Db {
  readonly pool: pg.Pool;

  constructor(options: DbOptions) {
    this.pool = new pg.Pool({
      connectionString: options.url,
      max: options.max ?? 10,
      connectionTimeoutMillis: options.connectionTimeoutMillis ?? 5000,
      idleTimeoutMillis: 30_000,
      types,
    });
    // An idle connection cut by the server emits here; without a listener it would end the process.
    this.pool.on('error', (error) => options.onError?.(error));
  }

  /** One statement on any connection of the pool; its rows. */
  query<R extends QueryResultRow = QueryResultRow>(text: string, values?: readonly unknown[]): Promise<R[]> {
    return this.#retrying(async () => (await this.pool.query<R>(text, values as unknown[])).rows);
  }

  /**
   * Runs `body` in one transaction (READ COMMITTED; the body takes the row locks it needs) and
   * commits; any error rolls it all back and rejects. Resolves only after COMMIT returned.
   */
  async tx<T>(body: (sql: Sql) => Promise<T>): Promise<T> {
    const client = await this.#retrying(async () => {
      const c = await this.pool.connect();
      try {
        await c.query('BEGIN');
        return c;
      } catch (error) {
        c.release(error as Error);
        throw error;
      }
    });
    const sql: Sql = async <R extends QueryResultRow>(text: string, values?: readonly unknown[]) =>
      (await client.query<R>(text, values as unknown[])).rows;
    try {
      const result = await body(sql);
      await client.query('COMMIT');
      client.release();
      return result;
    } catch (error) {
      await client.query('ROLLBACK').then(
        () => client.release(),
        (rollbackError: unknown) => client.release(rollbackError as Error),
      );
      throw error;
    }
  }

  /** A client for a series of statements of one's own (the migrations); release it after. */
  connect(): Promise<PoolClient> {
    return this.pool.connect();
  }

  end(): Promise<void> {
    return this.pool.end();
  }

  async #retrying<T>(first: () => Promise<T>): Promise<T> {
    try {
      return await first();
    } catch (error) {
      if (!connectionLost(error)) throw error;
      return first();
    }
  }
}
