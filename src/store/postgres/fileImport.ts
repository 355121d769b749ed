// Moving a file store into an empty PostgreSQL database (npm run store:migrate): every row copied
// as it is (ids, history, audit records and their ids), in one transaction, so a failure leaves the
// database as empty as it was. Then the two are compared: rows per table, and each agreement's
// status figures computed from each store's entries.
import type { Agreement } from '../../domain/agreement.js';
import type { Area } from '../../domain/area.js';
import { agreementStatus } from '../../domain/status.js';
import type { ServiceUrlStore } from '../serviceUrls.js';
import type { Store } from '../store.js';
import { Db } from './db.js';
import { openPostgresStore, TABLES, type PostgresStore } from './index.js';
import { insertAgreement, insertArea } from './areaRows.js';
import { ENTRY_COLUMNS, entryColumns, insertAreaVersion } from './rows.js';
import { CodedError } from '../../errors/codedError.js';
import { migrateToolTexts as texts } from '../../views/cliTexts.js';

/** The target database holds data already: nothing was copied. */
class TargetNotEmptyError extends CodedError {
  override name = 'TargetNotEmptyError';
  readonly code = 'store.targetNotEmpty';
}

interface TableCheck {
  table: string;
  file: number;
  postgres: number;
}

interface StatusCheck {
  areaId: string;
  agreementId: string;
  same: boolean;
}

export interface MoveReport {
  tables: TableCheck[];
  statuses: StatusCheck[];
  /** True when every count and every status matches. */
  ok: boolean;
}

/** Rows per table the file store holds, counted as the database will hold them. */
function fileCounts(store: Store, serviceUrls: ServiceUrlStore | undefined, audit: number): Record<string, number> {
  const docs = store.areas().map((a) => store.areaDocOf(a.id).data);
  const agreements = store.agreements();
  const bindings = new Set(docs.flatMap((d) => d.bindings.map((b) => `${b.target}|${b.id}`)));
  return {
    areas: docs.length,
    area_history: docs.reduce((n, d) => n + d.history.length, 0),
    agreements: agreements.length,
    bindings: bindings.size,
    entries: agreements.reduce((n, a) => n + store.entries(a.id).length, 0),
    completions: agreements.reduce((n, a) => n + store.completions(a.id).length, 0),
    subscriptions: store.subscriptions.all().length,
    meetings: store.meetings.all().length,
    reminder_people: store.reminders.all().length,
    notices: store.reminders.notices().length,
    publications: store.publications.all().length,
    drafts: store.publications.drafts().length,
    import_drafts: store.importDrafts.all().length,
    audit,
    service_urls: serviceUrls?.all().length ?? 0,
  };
}

/** Copies every record of the (read-only opened) file store into the database, in one transaction. */
export async function copyFileStore(db: Db, store: Store, serviceUrls: ServiceUrlStore | undefined): Promise<void> {
  const audit = await store.audit.read();
  await db.tx(async (sql) => {
    for (const area of store.areas()) await copyArea(sql, store, area);
    await copyConversations(sql, store);
    await copyDocuments(sql, store);
    for (const r of audit)
      await sql(
        `INSERT INTO audit (id, at, action, area_id, agreement_id, entry_id, entry_ids, body)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [r.id, r.at, r.action, r.areaId ?? null, r.agreementId ?? null, r.entryId ?? null, r.entryIds ?? null, r],
      );
    for (const u of serviceUrls?.all() ?? [])
      await sql('INSERT INTO service_urls (tenant_id, service_url, first_seen_at) VALUES ($1, $2, $3)', [
        u.tenantId,
        u.serviceUrl,
        u.firstSeenAt,
      ]);
  });
}

type TxSql = Parameters<Parameters<Db['tx']>[0]>[0];

/** One area: its row, version counters, history, bindings, and its agreements with their entries. */
async function copyArea(sql: TxSql, store: Store, area: Area): Promise<void> {
  const doc = store.areaDocOf(area.id).data;
  await insertArea(sql, area);
  await insertAreaVersion(sql, area.id);
  for (const item of doc.history)
    await sql('INSERT INTO area_history (area_id, at, action, body) VALUES ($1, $2, $3, $4)', [
      area.id,
      item.at,
      item.action,
      item,
    ]);
  for (const b of doc.bindings)
    // Two areas claiming one conversation: the latest binding is the one that counts (Store.binding).
    await sql(
      `INSERT INTO bindings (target, id, area_id, at, body) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (target, id) DO UPDATE SET area_id = excluded.area_id, at = excluded.at, body = excluded.body
       WHERE bindings.at < excluded.at`,
      [b.target, b.id, area.id, b.at, b],
    );
  for (const agreement of doc.agreements) await copyAgreement(sql, store, agreement);
}

/** The subscriptions, meetings, reminder people and their notices. */
async function copyConversations(sql: TxSql, store: Store): Promise<void> {
  for (const s of store.subscriptions.all())
    await sql('INSERT INTO subscriptions (id, conversation_id, team_id, ended, body) VALUES ($1, $2, $3, $4, $5)', [
      s.id,
      s.conversationId,
      s.teamId ?? null,
      s.ended !== undefined,
      s,
    ]);
  for (const m of store.meetings.all())
    await sql('INSERT INTO meetings (id, conversation_id, team_id, body) VALUES ($1, $2, $3, $4)', [
      m.id,
      m.conversationId,
      m.teamId ?? null,
      m,
    ]);
  for (const p of store.reminders.all())
    await sql('INSERT INTO reminder_people (user_id, aad_object_id, upn, body) VALUES ($1, $2, $3, $4)', [
      p.userId ?? null,
      p.aadObjectId ?? null,
      p.upn ?? null,
      p,
    ]);
  for (const n of store.reminders.notices())
    await sql('INSERT INTO notices (area_id, key, at) VALUES ($1, $2, $3)', [n.areaId, n.key, n.at]);
}

/** The publications, their drafts and the import drafts. */
async function copyDocuments(sql: TxSql, store: Store): Promise<void> {
  for (const p of store.publications.all())
    await sql('INSERT INTO publications (agreement_id, year, tertial, body) VALUES ($1, $2, $3, $4)', [
      p.agreementId,
      p.year,
      p.tertial,
      p,
    ]);
  for (const d of store.publications.drafts())
    await sql('INSERT INTO drafts (agreement_id, year, tertial, body) VALUES ($1, $2, $3, $4)', [
      d.agreementId,
      d.year,
      d.tertial,
      d,
    ]);
  for (const d of store.importDrafts.all())
    await sql('INSERT INTO import_drafts (id, status, body) VALUES ($1, $2, $3)', [d.id, d.status, d]);
}

async function copyAgreement(sql: TxSql, store: Store, agreement: Agreement) {
  await insertAgreement(sql, agreement);
  for (const entry of store.entries(agreement.id))
    await sql(
      `INSERT INTO entries (${ENTRY_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
      [agreement.area, ...entryColumns(entry)],
    );
  for (const c of store.completions(agreement.id))
    await sql('INSERT INTO completions (agreement_id, activity_id, date, body) VALUES ($1, $2, $3, $4)', [
      agreement.id,
      c.activityId,
      c.date,
      c,
    ]);
}

/** Each agreement's status on `today` from the file store and from the database: the same figures? */
async function compareStatuses(store: Store, target: PostgresStore, today: string): Promise<StatusCheck[]> {
  const out: StatusCheck[] = [];
  for (const area of store.areas()) {
    const records = target.records(area.id);
    for (const agreement of store.areaDocOf(area.id).data.agreements) {
      const fromFiles = agreementStatus(agreement, store.entries(agreement.id), store.completions(agreement.id), today);
      const stored = await records.agreement(agreement.id);
      const fromDb =
        stored &&
        agreementStatus(stored, await records.entries(agreement.id), await records.completions(agreement.id), today);
      out.push({
        areaId: area.id,
        agreementId: agreement.id,
        same: JSON.stringify(fromFiles) === JSON.stringify(fromDb),
      });
    }
  }
  return out;
}

/**
 * Copies the file store into the empty database at `url` and checks the copy. Throws
 * TargetNotEmptyError (copying nothing) when any of its tables holds a row, and
 * DatabaseUnavailableError when it cannot be reached. `today` (an ISO day) is the status's date.
 */
export async function moveFileStore(
  store: Store,
  serviceUrls: ServiceUrlStore | undefined,
  url: string,
  today: string,
): Promise<MoveReport> {
  const target = await openPostgresStore({ url });
  const db = new Db({ url });
  try {
    const before = await target.counts();
    const holding = TABLES.filter((t) => before[t] > 0);
    if (holding.length > 0) throw new TargetNotEmptyError(texts.targetNotEmpty(holding.join(', ')));
    await copyFileStore(db, store, serviceUrls);
    const expected = fileCounts(store, serviceUrls, (await store.audit.read()).length);
    const after = await target.counts();
    const tables = TABLES.map((t) => ({ table: t, file: expected[t] ?? 0, postgres: after[t] }));
    const statuses = await compareStatuses(store, target, today);
    return {
      tables,
      statuses,
      ok: tables.every((t) => t.file === t.postgres) && statuses.every((s) => s.same),
    };
  } finally {
    await db.end();
    await target.close();
  }
}

/** The report as a plain-text table, for the terminal. */
export function formatMoveReport(report: MoveReport): string {
  const rows = [
    [...texts.header],
    ...report.tables.map((t) => [
      t.table,
      String(t.file),
      String(t.postgres),
      t.file === t.postgres ? texts.matches : texts.differsMark,
    ]),
    ...report.statuses.map((s) => [
      texts.statusRow(s.agreementId),
      '',
      '',
      s.same ? texts.sameStatus : texts.differsMark,
    ]),
  ];
  const widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows
    .map((r) => [r[0]!.padEnd(widths[0]!), r[1]!.padStart(widths[1]!), r[2]!.padStart(widths[2]!), r[3]!].join('  '))
    .join('\n');
}
