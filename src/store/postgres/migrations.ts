// The PostgreSQL store's schema, as numbered migrations applied in order at open. Each runs in the
// transaction that holds MIGRATION_LOCK (pg_advisory_xact_lock: released at commit, so it works
// behind a pooler in transaction mode), so two instances starting together apply each one once.
// A migration, once released, never changes: a new one is added after it.
import type { PoolClient } from 'pg';

/** One schema change: its number (the order), a name for schema_migrations, and its SQL. */
interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** The advisory lock key every instance takes before migrating (an arbitrary constant, "mlb1"). */
const MIGRATION_LOCK = 0x6d6c6231;

const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'initial',
    sql: `
CREATE TABLE areas (
  id text PRIMARY KEY,
  position bigserial NOT NULL,
  name text NOT NULL,
  police_area text NOT NULL,
  tenants jsonb NOT NULL,
  coordinators jsonb NOT NULL,
  body jsonb NOT NULL
);
-- Each area's version: the sum of its counters, one of which is bumped in the transaction of every
-- change of the area, so the sum grows with every commit, whichever instance wrote. Several rows
-- rather than one, so concurrent changes rarely wait for each other's commit on one row lock.
CREATE TABLE area_versions (
  area_id text NOT NULL REFERENCES areas(id),
  shard smallint NOT NULL,
  version bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (area_id, shard)
);
CREATE TABLE area_history (
  seq bigserial PRIMARY KEY,
  area_id text NOT NULL REFERENCES areas(id),
  at timestamptz NOT NULL,
  action text NOT NULL,
  body jsonb NOT NULL
);
CREATE INDEX area_history_area ON area_history (area_id, seq);
CREATE TABLE agreements (
  id text PRIMARY KEY,
  area_id text NOT NULL REFERENCES areas(id),
  position bigserial NOT NULL,
  period_start date NOT NULL,
  period_end date NOT NULL,
  body jsonb NOT NULL
);
CREATE INDEX agreements_area ON agreements (area_id, position);
CREATE TABLE bindings (
  target text NOT NULL CHECK (target IN ('conversation', 'team')),
  id text NOT NULL,
  area_id text NOT NULL REFERENCES areas(id),
  at timestamptz NOT NULL,
  body jsonb NOT NULL,
  PRIMARY KEY (target, id)
);
CREATE TABLE entries (
  seq bigserial PRIMARY KEY,
  area_id text NOT NULL REFERENCES areas(id),
  agreement_id text NOT NULL REFERENCES agreements(id),
  id text NOT NULL,
  activity_id text NOT NULL,
  date date NOT NULL,
  count integer NOT NULL CHECK (count > 0),
  occasion_id text,
  source_id text,
  by_id text NOT NULL,
  removed boolean NOT NULL DEFAULT false,
  removed_by_id text,
  has_note boolean NOT NULL DEFAULT false,
  body jsonb NOT NULL,
  UNIQUE (agreement_id, id)
);
CREATE UNIQUE INDEX entries_source ON entries (agreement_id, source_id) WHERE source_id IS NOT NULL;
CREATE INDEX entries_area_source ON entries (area_id, source_id) WHERE source_id IS NOT NULL;
CREATE INDEX entries_day ON entries (agreement_id, activity_id, date) WHERE NOT removed;
CREATE INDEX entries_by ON entries (area_id, by_id);
CREATE INDEX entries_removed_by ON entries (area_id, removed_by_id) WHERE removed_by_id IS NOT NULL;
CREATE INDEX entries_notes ON entries (area_id, date) WHERE has_note;
CREATE TABLE completions (
  seq bigserial PRIMARY KEY,
  agreement_id text NOT NULL REFERENCES agreements(id),
  activity_id text NOT NULL,
  date date NOT NULL,
  body jsonb NOT NULL
);
CREATE INDEX completions_agreement ON completions (agreement_id, seq);
CREATE TABLE subscriptions (
  id text PRIMARY KEY,
  position bigserial NOT NULL,
  conversation_id text NOT NULL UNIQUE,
  team_id text,
  ended boolean NOT NULL DEFAULT false,
  body jsonb NOT NULL
);
CREATE INDEX subscriptions_team ON subscriptions (team_id);
CREATE TABLE meetings (
  id text PRIMARY KEY,
  position bigserial NOT NULL,
  conversation_id text NOT NULL UNIQUE,
  team_id text,
  body jsonb NOT NULL
);
CREATE TABLE reminder_people (
  seq bigserial PRIMARY KEY,
  user_id text,
  aad_object_id text,
  upn text,
  body jsonb NOT NULL
);
CREATE TABLE notices (
  area_id text NOT NULL,
  key text NOT NULL,
  at timestamptz NOT NULL,
  PRIMARY KEY (area_id, key)
);
CREATE TABLE publications (
  seq bigserial PRIMARY KEY,
  agreement_id text NOT NULL,
  year integer NOT NULL,
  tertial integer NOT NULL,
  body jsonb NOT NULL
);
CREATE INDEX publications_tertial ON publications (agreement_id, year, tertial, seq);
CREATE TABLE drafts (
  agreement_id text NOT NULL,
  year integer NOT NULL,
  tertial integer NOT NULL,
  body jsonb NOT NULL,
  PRIMARY KEY (agreement_id, year, tertial)
);
CREATE TABLE import_drafts (
  id text PRIMARY KEY,
  seq bigserial NOT NULL,
  status text NOT NULL,
  body jsonb NOT NULL
);
CREATE TABLE audit (
  seq bigserial PRIMARY KEY,
  id text NOT NULL UNIQUE,
  at timestamptz NOT NULL,
  action text NOT NULL,
  area_id text,
  agreement_id text,
  entry_id text,
  entry_ids text[],
  body jsonb NOT NULL
);
CREATE INDEX audit_area ON audit (area_id);
CREATE INDEX audit_agreement ON audit (agreement_id);
CREATE INDEX audit_entry ON audit (entry_id);
CREATE INDEX audit_entry_ids ON audit USING gin (entry_ids);
-- Append-only: a record once written is never changed or taken away.
CREATE FUNCTION audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the audit log is append-only';
END $$;
CREATE TRIGGER audit_append_only BEFORE UPDATE OR DELETE ON audit
  FOR EACH ROW EXECUTE FUNCTION audit_append_only();
-- Teams message ids already answered (a redelivery to any instance is answered once).
CREATE TABLE deliveries (
  key text PRIMARY KEY,
  at timestamptz NOT NULL
);
CREATE INDEX deliveries_at ON deliveries (at);
-- Job claims (a weekly card's week): held until expires_at, when a dead instance's claim lapses.
CREATE TABLE claims (
  key text PRIMARY KEY,
  claimed_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL
);
CREATE TABLE service_urls (
  tenant_id text NOT NULL,
  service_url text NOT NULL,
  first_seen_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, service_url)
);
`,
  },
  {
    version: 2,
    name: 'deliveries done',
    // A claim not marked done is taken over by Teams' resend once its turn has run out of time.
    sql: `ALTER TABLE deliveries ADD COLUMN done boolean NOT NULL DEFAULT true;
ALTER TABLE deliveries ALTER COLUMN done SET DEFAULT false;`,
  },
];

/**
 * Applies the migrations not yet in schema_migrations, each in order, inside one transaction that
 * holds the migration lock: a second instance waits for it, then finds them applied. Resolves with
 * the versions applied by this call. Throws (and applies nothing) when any migration fails.
 */
export async function migrate(client: PoolClient): Promise<number[]> {
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await client.query(
      `CREATE TABLE IF NOT EXISTS schema_migrations (
         version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`,
    );
    const done = await client.query<{ version: number }>('SELECT version FROM schema_migrations');
    const applied = new Set(done.rows.map((r) => r.version));
    const now: number[] = [];
    for (const m of MIGRATIONS) {
      if (applied.has(m.version)) continue;
      await client.query(m.sql);
      await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
      now.push(m.version);
    }
    await client.query('COMMIT');
    return now;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}
