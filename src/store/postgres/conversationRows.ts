// What the PostgreSQL store's subscriptions and meetings share. Their transitions mirror the file
// store's (src/store/subscriptions.ts, meetings.ts, reminders.ts) row by row: each change locks the
// rows it reads (FOR UPDATE, or a transaction-scoped advisory lock where a row may not exist yet), so
// two instances never both make it, and inserts the change's audit records (conversationAudit.ts) in
// the same transaction. Claims are conditional writes: exactly one caller across every instance gets true.
import type { z } from 'zod';
import type { NewAuditRecord } from '../../domain/audit.js';
import { meetingSchema, type Meeting } from '../../domain/meetingRecord.js';
import { subscriptionSchema, type Subscription } from '../../domain/subscription.js';
import type { ConversationSelection } from '../../app/port/index.js';
import { without } from '../../domain/conversationSelection.js';
import type { Db, Sql } from './db.js';
import { insertAudit } from './rows.js';

/** A table of JSON bodies with a few real columns beside them. */
interface Table<T> {
  name: 'subscriptions' | 'meetings';
  schema: z.ZodType<T>;
  /** The real columns that follow the body (beside the body itself). */
  columns: (row: T) => Record<string, unknown>;
}

export const SUBSCRIPTIONS: Table<Subscription> = {
  name: 'subscriptions',
  schema: subscriptionSchema,
  columns: (s) => ({ conversation_id: s.conversationId, team_id: s.teamId ?? null, ended: s.ended !== undefined }),
};

export const MEETINGS: Table<Meeting> = {
  name: 'meetings',
  schema: meetingSchema,
  columns: (m) => ({ conversation_id: m.conversationId, team_id: m.teamId ?? null }),
};

/** SQL for "in the selection": one conversation, or the team's channels and its own conversation. */
export function selectionWhere(selection: ConversationSelection): { where: string; value: string } {
  return 'conversationId' in selection
    ? { where: 'conversation_id = $1', value: selection.conversationId }
    : { where: '(team_id = $1 OR conversation_id = $1)', value: selection.teamId };
}

/** The table's rows `where` selects, parsed, in stored order. */
export async function readAll<T>(db: Db, table: Table<T>, where = 'true', values: unknown[] = []): Promise<T[]> {
  const rows = await db.query<{ body: unknown }>(
    `SELECT body FROM ${table.name} WHERE ${where} ORDER BY position`,
    values,
  );
  return rows.map((r) => table.schema.parse(r.body));
}

/** The row of an id, and the conversation's row (one per conversation), from the table. */
export function rowReads<T>(db: Db, table: Table<T>) {
  return {
    get: async (id: string): Promise<T | undefined> => (await readAll(db, table, 'id = $1', [id]))[0],
    forConversation: async (conversationId: string): Promise<T | undefined> =>
      (await readAll(db, table, 'conversation_id = $1', [conversationId]))[0],
  };
}

/**
 * A `change` for changeRows lifting an end or a hold made for `reason` (a deleted channel restored,
 * a team unarchived): the row without `key`; a row without it, or with another reason, is left.
 */
export function liftedFor<T extends object, K extends keyof T>(key: K, reason: string): (row: T) => T | undefined {
  return (row) => ((row[key] as { reason?: string } | undefined)?.reason === reason ? without(row, key) : undefined);
}

/** Replaces the row of the same id, body and columns. */
export async function writeRow<T extends { id: string }>(sql: Sql, table: Table<T>, row: T): Promise<void> {
  const columns = Object.entries(table.columns(row));
  await sql(
    `UPDATE ${table.name} SET body = $2, ${columns.map(([c], i) => `${c} = $${i + 3}`).join(', ')} WHERE id = $1`,
    [row.id, row, ...columns.map(([, v]) => v)],
  );
}

/** Inserts a new row, body and columns. */
export async function insertRow<T extends { id: string }>(sql: Sql, table: Table<T>, row: T): Promise<void> {
  const columns = Object.entries(table.columns(row));
  await sql(
    `INSERT INTO ${table.name} (id, body, ${columns.map(([c]) => c).join(', ')})
     VALUES ($1, $2, ${columns.map((_, i) => `$${i + 3}`).join(', ')})`,
    [row.id, row, ...columns.map(([, v]) => v)],
  );
}

/**
 * Locks the rows `where` selects, applies `change` to each (a copy; undefined leaves it) and stores
 * the changed ones with the audit records `records` makes of them, in one transaction. Resolves with
 * `out` of each changed row, in stored order.
 */
export function changeRows<T extends { id: string }, O = T>(
  db: Db,
  table: Table<T>,
  where: string,
  values: unknown[],
  change: (row: T) => T | undefined,
  records: (changed: O[]) => NewAuditRecord[],
  out: (after: T, before: T) => O = (after) => after as unknown as O,
): Promise<O[]> {
  return db.tx(async (sql) => {
    const rows = await sql<{ body: unknown }>(
      `SELECT body FROM ${table.name} WHERE ${where} ORDER BY position FOR UPDATE`,
      values,
    );
    const changed: O[] = [];
    for (const r of rows) {
      const before = table.schema.parse(r.body);
      const next = change(structuredClone(before));
      if (!next) continue;
      const valid = table.schema.parse(next);
      await writeRow(sql, table, valid);
      changed.push(out(valid, before));
    }
    for (const record of records(changed)) await insertAudit(sql, record);
    return changed;
  });
}

/** Serialises the changes of one key (a conversation, the reminders) for the transaction's length. */
export const lockKey = (sql: Sql, key: string) => sql('SELECT pg_advisory_xact_lock(hashtext($1))', [key]);
