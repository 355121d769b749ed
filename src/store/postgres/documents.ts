// Publications, import drafts, the audit log and the redelivery keys in PostgreSQL. A change's audit
// record is inserted in the change's transaction.
import { importDraftSchema } from '../../domain/importDraft.js';
import { draftSchema, latestPublication, publicationSchema, type Draft } from '../../domain/publication.js';
import { auditRecordSchema } from '../../domain/audit.js';
import type { AuditTrail, Deliveries, ImportDrafts, Publications } from '../../app/port/index.js';
import { DELIVERY_DONE_MS, DELIVERY_TAKEOVER_MS } from '../../domain/deliveries.js';
import type { Db, Sql } from './db.js';
import { insertAudit } from './rows.js';

async function saveDraftIn(sql: Sql, draft: Draft): Promise<void> {
  await sql(
    `INSERT INTO drafts (agreement_id, year, tertial, body) VALUES ($1, $2, $3, $4)
     ON CONFLICT (agreement_id, year, tertial) DO UPDATE SET body = excluded.body`,
    [draft.agreementId, draft.year, draft.tertial, draft],
  );
}

/** The port's Publications over the PostgreSQL store: publications are only appended. */
export function postgresPublications(db: Db): Publications {
  return {
    async all() {
      const rows = await db.query<{ body: unknown }>('SELECT body FROM publications ORDER BY seq');
      return rows.map((r) => publicationSchema.parse(r.body));
    },
    async latest(key) {
      const rows = await db.query<{ body: unknown }>(
        'SELECT body FROM publications WHERE agreement_id = $1 AND year = $2 AND tertial = $3 ORDER BY seq',
        [key.agreementId, key.year, key.tertial],
      );
      return latestPublication(
        rows.map((r) => publicationSchema.parse(r.body)),
        key,
      );
    },
    async draft(key) {
      const [row] = await db.query<{ body: unknown }>(
        'SELECT body FROM drafts WHERE agreement_id = $1 AND year = $2 AND tertial = $3',
        [key.agreementId, key.year, key.tertial],
      );
      return row ? draftSchema.parse(row.body) : undefined;
    },
    async saveDraft(draft, audit) {
      const valid = draftSchema.parse(draft);
      await db.tx(async (sql) => {
        await saveDraftIn(sql, valid);
        if (audit) await insertAudit(sql, audit);
      });
      return valid;
    },
    async publish(publication, audit) {
      const valid = publicationSchema.parse(publication);
      await db.tx(async (sql) => {
        await sql('INSERT INTO publications (agreement_id, year, tertial, body) VALUES ($1, $2, $3, $4)', [
          valid.agreementId,
          valid.year,
          valid.tertial,
          valid,
        ]);
        // Its comments become the tertial's draft for the next review, as in the file store.
        await saveDraftIn(sql, {
          agreementId: valid.agreementId,
          year: valid.year,
          tertial: valid.tertial,
          comments: valid.comments,
          ...(valid.basis ? { basis: valid.basis } : {}),
          savedBy: valid.publishedBy,
          savedAt: valid.publishedAt,
        });
        await insertAudit(sql, audit);
      });
      return valid;
    },
  };
}

/** The port's ImportDrafts over the PostgreSQL store. */
export function postgresImportDrafts(db: Db): ImportDrafts {
  return {
    async get(id) {
      const [row] = await db.query<{ body: unknown }>('SELECT body FROM import_drafts WHERE id = $1', [id]);
      return row ? importDraftSchema.parse(row.body) : undefined;
    },
    async add(drafts, audit) {
      const valid = drafts.map((d) => importDraftSchema.parse(d));
      await db.tx(async (sql) => {
        for (const d of valid)
          await sql('INSERT INTO import_drafts (id, status, body) VALUES ($1, $2, $3)', [d.id, d.status, d]);
        if (audit) await insertAudit(sql, audit);
      });
    },
    updateOpen(id, change, audit) {
      return db.tx(async (sql) => {
        const [row] = await sql<{ body: unknown }>(
          "SELECT body FROM import_drafts WHERE id = $1 AND status = 'open' FOR UPDATE",
          [id],
        );
        if (!row) return undefined;
        const next = change(importDraftSchema.parse(row.body));
        if (!next) return undefined;
        const valid = importDraftSchema.parse(next);
        await sql('UPDATE import_drafts SET status = $2, body = $3 WHERE id = $1', [id, valid.status, valid]);
        if (audit) await insertAudit(sql, audit);
        return valid;
      });
    },
  };
}

/** The port's AuditTrail over the PostgreSQL store (append-only: the table refuses UPDATE and DELETE). */
export function postgresAudit(db: Db): AuditTrail {
  return {
    record: (record) => db.tx((sql) => insertAudit(sql, record)),
    async read(selection = {}) {
      const where: string[] = [];
      const values: unknown[] = [];
      if (selection.agreementId !== undefined) {
        values.push(selection.agreementId);
        where.push(`agreement_id = $${values.length}`);
      }
      if (selection.entryId !== undefined) {
        values.push(selection.entryId);
        where.push(`(entry_id = $${values.length} OR $${values.length} = ANY (entry_ids))`);
      }
      if (selection.areaId !== undefined) {
        values.push(selection.areaId);
        where.push(
          `(area_id = $${values.length} OR agreement_id IN (SELECT id FROM agreements WHERE area_id = $${values.length}))`,
        );
      }
      const rows = await db.query<{ body: unknown }>(
        `SELECT body FROM audit ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY seq`,
        values,
      );
      return rows.map((r) => auditRecordSchema.parse(r.body));
    },
  };
}

/** Every how many claims this instance deletes the keys past their day (one row per Teams message). */
const PRUNE_EVERY = 500;

/**
 * The port's Deliveries over the PostgreSQL store: a key is claimed by one instance; a claim not done
 * within DELIVERY_TAKEOVER_MS is taken over by a resend (its instance died); a done one holds for a day.
 */
export function postgresDeliveries(db: Db): Deliveries {
  let claims = 0;
  return {
    async claim(key, at) {
      const expired = new Date(at.getTime() - DELIVERY_DONE_MS).toISOString();
      if (++claims % PRUNE_EVERY === 0) await db.query('DELETE FROM deliveries WHERE at <= $1', [expired]);
      const rows = await db.query(
        `INSERT INTO deliveries (key, at, done) VALUES ($1, $2, false)
         ON CONFLICT (key) DO UPDATE SET at = excluded.at, done = false
           WHERE deliveries.at <= $3 OR (NOT deliveries.done AND deliveries.at <= $4)
         RETURNING key`,
        [key, at.toISOString(), expired, new Date(at.getTime() - DELIVERY_TAKEOVER_MS).toISOString()],
      );
      return rows.length === 1;
    },
    async done(key, at) {
      await db.query('UPDATE deliveries SET at = $2, done = true WHERE key = $1', [key, at.toISOString()]);
    },
  };
}
