// Subscriptions, meetings, reminders and trusted service URLs in PostgreSQL. The transitions mirror
// the file store's (src/store/subscriptions.ts, meetings.ts, reminders.ts) row by row: each change
// locks the rows it reads (FOR UPDATE, or a transaction-scoped advisory lock where a row may not
// exist yet), so two instances never both make it, and inserts the change's audit records
// (conversationAudit.ts) in the same transaction. Claims are conditional writes: exactly one caller
// across every instance gets true.
import type { NewAuditRecord } from '../../domain/audit.js';
import {
  meetingRecords,
  renamedMeetingRecords,
  renamedSubscriptionRecords,
  subscribedRecord,
  subscriptionRecords,
  type MeetingAudit,
  type SubscriptionAudit,
} from '../../domain/conversationAudit.js';
import type { z } from 'zod';
import { samePerson, type PersonIdentity } from '../../domain/responsible.js';
import { subscriptionSchema, type Subscription } from '../../domain/subscription.js';
import { subscribe } from '../../domain/subscriptionChange.js';
import { meetingSchema, type Meeting } from '../../domain/meetingRecord.js';
import { reminderPersonSchema, type ReminderPerson } from '../../domain/reminderRecord.js';
import type {
  ConversationSelection,
  Meetings,
  ReminderIdentity,
  Reminders,
  ServiceUrls,
  SubscribeResult,
  Subscriptions,
} from '../../app/port/index.js';
import { normalServiceUrl } from '../serviceUrls.js';
import type { Db, Sql } from './db.js';
import { insertAudit } from './rows.js';

interface Table<T> {
  name: 'subscriptions' | 'meetings';
  schema: z.ZodType<T>;
  /** The real columns that follow the body (beside the body itself). */
  columns: (row: T) => Record<string, unknown>;
}

const SUBSCRIPTIONS: Table<Subscription> = {
  name: 'subscriptions',
  schema: subscriptionSchema,
  columns: (s) => ({ conversation_id: s.conversationId, team_id: s.teamId ?? null, ended: s.ended !== undefined }),
};

const MEETINGS: Table<Meeting> = {
  name: 'meetings',
  schema: meetingSchema,
  columns: (m) => ({ conversation_id: m.conversationId, team_id: m.teamId ?? null }),
};

/** SQL for "in the selection": one conversation, or the team's channels and its own conversation. */
function selectionWhere(selection: ConversationSelection): { where: string; value: string } {
  return 'conversationId' in selection
    ? { where: 'conversation_id = $1', value: selection.conversationId }
    : { where: '(team_id = $1 OR conversation_id = $1)', value: selection.teamId };
}

async function readAll<T>(db: Db, table: Table<T>, where = 'true', values: unknown[] = []): Promise<T[]> {
  const rows = await db.query<{ body: unknown }>(
    `SELECT body FROM ${table.name} WHERE ${where} ORDER BY position`,
    values,
  );
  return rows.map((r) => table.schema.parse(r.body));
}

async function writeRow<T extends { id: string }>(sql: Sql, table: Table<T>, row: T): Promise<void> {
  const columns = Object.entries(table.columns(row));
  await sql(
    `UPDATE ${table.name} SET body = $2, ${columns.map(([c], i) => `${c} = $${i + 3}`).join(', ')} WHERE id = $1`,
    [row.id, row, ...columns.map(([, v]) => v)],
  );
}

async function insertRow<T extends { id: string }>(sql: Sql, table: Table<T>, row: T): Promise<void> {
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
function changeRows<T extends { id: string }, O = T>(
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
const lockKey = (sql: Sql, key: string) => sql('SELECT pg_advisory_xact_lock(hashtext($1))', [key]);

/** The records of a change to the subscriptions: one per subscription changed (conversationAudit.ts). */
const each =
  (audit: SubscriptionAudit | undefined) =>
  (changed: Subscription[]): NewAuditRecord[] =>
    subscriptionRecords(audit, changed);

/** The records of a change to the meetings: one per meeting changed (conversationAudit.ts). */
const eachMeeting =
  (audit: MeetingAudit) =>
  (changed: Meeting[]): NewAuditRecord[] =>
    meetingRecords(audit, changed);

/** The port's Subscriptions over the PostgreSQL store. */
export function postgresSubscriptions(db: Db): Subscriptions {
  const T = SUBSCRIPTIONS;
  return {
    all: () => readAll(db, T),
    active: () => readAll(db, T, 'NOT ended'),
    get: async (id) => (await readAll(db, T, 'id = $1', [id]))[0],
    forConversation: async (conversationId) => (await readAll(db, T, 'conversation_id = $1', [conversationId]))[0],

    subscribe(request, audit) {
      const { conversation } = request;
      return db.tx(async (sql): Promise<SubscribeResult> => {
        await lockKey(sql, `subscription:${conversation.id}`);
        const [row] = await sql<{ body: unknown }>('SELECT body FROM subscriptions WHERE conversation_id = $1', [
          conversation.id,
        ]);
        const existing = row ? subscriptionSchema.parse(row.body) : undefined;
        // The domain's rule, as every store applies it (the week already sent stays sent).
        const { result } = subscribe(existing ? [existing] : [], request);
        if (existing) await writeRow(sql, T, result.subscription);
        else await insertRow(sql, T, result.subscription);
        for (const record of subscribedRecord(audit, result, existing, request.schedule))
          await insertAudit(sql, record);
        return result;
      });
    },

    async end(conversationId, ended, audit) {
      const [done] = await changeRows(
        db,
        T,
        'conversation_id = $1 AND NOT ended',
        [conversationId],
        (s) => ({ ...s, ended }),
        each(audit),
      );
      return done;
    },

    endWhere(selection, ended, audit) {
      const { where, value } = selectionWhere(selection);
      return changeRows(db, T, `${where} AND NOT ended`, [value], (s) => ({ ...s, ended }), each(audit));
    },

    resumeEnded(selection, reason, audit) {
      const { where, value } = selectionWhere(selection);
      return changeRows(
        db,
        T,
        `${where} AND ended`,
        [value],
        (s) => {
          if (s.ended?.reason !== reason) return undefined;
          const { ended: _ended, ...rest } = s;
          return rest;
        },
        each(audit),
      );
    },

    rename(conversationId, name, audit) {
      const shown = name.slice(0, 200);
      return changeRows(
        db,
        T,
        'conversation_id = $1',
        [conversationId],
        (s) => (s.conversationName === shown ? undefined : { ...s, conversationName: shown }),
        (renamed) => renamedSubscriptionRecords(audit, renamed, name),
        (subscription, before) => ({ from: before.conversationName, subscription }),
      );
    },

    hold(teamId, held, audit) {
      return changeRows(
        db,
        T,
        '(team_id = $1 OR conversation_id = $1) AND NOT ended',
        [teamId],
        (s) => (s.held ? undefined : { ...s, held }),
        each(audit),
      );
    },

    release(teamId, reason, audit) {
      return changeRows(
        db,
        T,
        '(team_id = $1 OR conversation_id = $1)',
        [teamId],
        (s) => {
          if (s.held?.reason !== reason) return undefined;
          const { held: _held, ...rest } = s;
          return rest;
        },
        each(audit),
      );
    },

    async pause(id, paused, audit) {
      const [done] = await changeRows(db, T, 'id = $1', [id], (s) => ({ ...s, paused }), each(audit));
      return done;
    },

    claimWeek(id, week, at, claimTtlMs) {
      return db.tx(async (sql) => {
        const [row] = await sql<{ body: unknown }>('SELECT body FROM subscriptions WHERE id = $1 FOR UPDATE', [id]);
        if (!row || subscriptionSchema.parse(row.body).lastSentWeek === week) return false;
        // A live claim blocks; one whose instance died lapses at expires_at and is taken over.
        const claimed = await sql(
          `INSERT INTO claims (key, claimed_at, expires_at) VALUES ($1, $2, $3)
           ON CONFLICT (key) DO UPDATE SET claimed_at = excluded.claimed_at, expires_at = excluded.expires_at
           WHERE claims.expires_at <= excluded.claimed_at
           RETURNING key`,
          [`week|${id}|${week}`, at.toISOString(), new Date(at.getTime() + claimTtlMs).toISOString()],
        );
        return claimed.length === 1;
      });
    },

    async recordSent(id, week, at, card, audit) {
      await changeRows(
        db,
        T,
        'id = $1',
        [id],
        (s) => {
          const { paused: _paused, ...rest } = s;
          return {
            ...rest,
            lastSentWeek: week,
            lastSentAt: at.toISOString(),
            lastCard: { through: card.through, cutAt: card.cutAt.toISOString() },
          };
        },
        each(audit),
      );
    },
  };
}

/** The port's Meetings over the PostgreSQL store. */
export function postgresMeetings(db: Db): Meetings {
  const T = MEETINGS;
  return {
    active: async () => (await readAll(db, T)).filter((m) => m.ended === undefined && m.held === undefined),
    get: async (id) => (await readAll(db, T, 'id = $1', [id]))[0],
    forConversation: async (conversationId) => (await readAll(db, T, 'conversation_id = $1', [conversationId]))[0],

    set(meeting, newId, audit) {
      return db.tx(async (sql) => {
        await lockKey(sql, `meeting:${meeting.conversationId}`);
        const [row] = await sql<{ body: unknown }>('SELECT body FROM meetings WHERE conversation_id = $1', [
          meeting.conversationId,
        ]);
        if (row) {
          const { ended: _ended, ...kept } = meetingSchema.parse(row.body);
          const changed = meetingSchema.parse({ ...kept, ...meeting });
          await writeRow(sql, T, changed);
          await insertAudit(sql, audit);
          return changed;
        }
        const created = meetingSchema.parse({ id: newId(), ...meeting });
        await insertRow(sql, T, created);
        await insertAudit(sql, audit);
        return created;
      });
    },

    async end(conversationId, ended, audit) {
      const [done] = await changeRows(
        db,
        T,
        'conversation_id = $1',
        [conversationId],
        (m) => (m.ended === undefined ? { ...m, ended } : undefined),
        eachMeeting(audit),
      );
      return done;
    },

    endWhere(selection, ended, audit) {
      const { where, value } = selectionWhere(selection);
      return changeRows(
        db,
        T,
        where,
        [value],
        (m) => (m.ended === undefined ? { ...m, ended: { ...ended } } : undefined),
        eachMeeting(audit),
      );
    },

    resumeEnded(selection, reason, audit) {
      const { where, value } = selectionWhere(selection);
      return changeRows(
        db,
        T,
        where,
        [value],
        (m) => {
          if (m.ended?.reason !== reason) return undefined;
          const { ended: _ended, ...rest } = m;
          return rest;
        },
        eachMeeting(audit),
      );
    },

    rename(conversationId, name, audit) {
      return changeRows(
        db,
        T,
        'conversation_id = $1',
        [conversationId],
        (m) => (m.conversationName === name ? undefined : { ...m, conversationName: name }),
        (renamed) => renamedMeetingRecords(audit, renamed, name),
        (meeting, before) => ({ meeting, ...(before.conversationName ? { from: before.conversationName } : {}) }),
      );
    },

    hold(teamId, held, audit) {
      return changeRows(
        db,
        T,
        '(team_id = $1 OR conversation_id = $1)',
        [teamId],
        (m) => (m.ended === undefined && !m.held ? { ...m, held: { ...held } } : undefined),
        eachMeeting(audit),
      );
    },

    release(teamId, audit) {
      return changeRows(
        db,
        T,
        '(team_id = $1 OR conversation_id = $1)',
        [teamId],
        (m) => {
          if (m.held === undefined) return undefined;
          const { held: _held, ...rest } = m;
          return rest;
        },
        eachMeeting(audit),
      );
    },

    async claim(id, week, date) {
      const done = await changeRows(
        db,
        T,
        'id = $1',
        [id],
        (m) => (m.lastWeek !== undefined && m.lastWeek >= week ? undefined : { ...m, lastWeek: week, lastDate: date }),
        () => [],
      );
      return done.length === 1;
    },
  };
}

const identityOf = (p: ReminderPerson): PersonIdentity => ({ id: p.userId, aadObjectId: p.aadObjectId, upn: p.upn });

/** The port's Reminders over the PostgreSQL store. */
export function postgresReminders(db: Db): Reminders {
  const people = async (): Promise<{ seq: string; person: ReminderPerson }[]> =>
    (await db.query<{ seq: string; body: unknown }>('SELECT seq, body FROM reminder_people ORDER BY seq')).map((r) => ({
      seq: r.seq,
      person: reminderPersonSchema.parse(r.body),
    }));

  /**
   * Finds the person (or adds them), fills in ids they lacked, applies `apply` and stores them
   * (as the file store does, even when `apply` changed nothing), under the reminders' lock: two instances never add one person twice.
   */
  const change = <R>(
    who: ReminderIdentity,
    apply: (p: ReminderPerson) => R,
    audit?: NewAuditRecord,
  ): Promise<{ value: R; person: ReminderPerson }> =>
    db.tx(async (sql) => {
      await lockKey(sql, 'reminders');
      const rows = await sql<{ seq: string; body: unknown }>('SELECT seq, body FROM reminder_people ORDER BY seq');
      const found = rows
        .map((r) => ({ seq: r.seq, person: reminderPersonSchema.parse(r.body) }))
        .find((x) => samePerson(identityOf(x.person), who));
      const p: ReminderPerson = found ? structuredClone(found.person) : { name: who.name.slice(0, 200) };
      if (who.id !== undefined && p.userId === undefined) p.userId = who.id;
      if (who.aadObjectId !== undefined && p.aadObjectId === undefined) p.aadObjectId = who.aadObjectId;
      if (who.upn !== undefined && p.upn === undefined) p.upn = who.upn;
      const value = apply(p);
      const valid = reminderPersonSchema.parse(p);
      const columns = [valid.userId ?? null, valid.aadObjectId ?? null, valid.upn ?? null, valid];
      if (found)
        await sql('UPDATE reminder_people SET user_id = $2, aad_object_id = $3, upn = $4, body = $5 WHERE seq = $1', [
          found.seq,
          ...columns,
        ]);
      else
        await sql('INSERT INTO reminder_people (user_id, aad_object_id, upn, body) VALUES ($1, $2, $3, $4)', columns);
      if (audit) await insertAudit(sql, audit);
      return { value, person: valid };
    });

  const update = async (
    who: ReminderIdentity,
    apply: (p: ReminderPerson) => void,
    audit?: NewAuditRecord,
  ): Promise<ReminderPerson> => (await change(who, apply, audit)).person;

  return {
    all: async () => (await people()).map((x) => x.person),
    find: async (who) => (await people()).find((x) => samePerson(identityOf(x.person), who))?.person,

    async noteContact(who, at) {
      const known = (await people()).find((x) => samePerson(identityOf(x.person), who))?.person;
      if (
        known &&
        JSON.stringify(known.reference) === JSON.stringify(who.reference) &&
        (who.upn === undefined || known.upn !== undefined) &&
        (who.aadObjectId === undefined || known.aadObjectId !== undefined)
      )
        return;
      await update(who, (p) => {
        p.reference = who.reference;
        p.referenceAt = at.toISOString();
        if (who.name) p.name = who.name.slice(0, 200);
      });
    },

    setOff: (who, off, at, audit) =>
      update(
        who,
        (p) => {
          if (off) p.off = { at: at.toISOString() };
          else {
            delete p.off;
            delete p.pausedUntil;
          }
        },
        audit,
      ),

    pause: (who, until, audit) =>
      update(
        who,
        (p) => {
          p.pausedUntil = until;
        },
        audit,
      ),

    async claim(who, week, at) {
      const { value } = await change(who, (p) => {
        if (p.lastWeek !== undefined && p.lastWeek >= week) return false;
        p.lastWeek = week;
        p.claimedAt = at.toISOString();
        return true;
      });
      return value;
    },

    async noticesSent(areaId) {
      const rows = await db.query<{ key: string }>('SELECT key FROM notices WHERE area_id = $1', [areaId]);
      return new Set(rows.map((r) => r.key));
    },

    async claimNotice(areaId, key, at) {
      const rows = await db.query(
        'INSERT INTO notices (area_id, key, at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING key',
        [areaId, key, at.toISOString()],
      );
      return rows.length === 1;
    },

    recordSent: (who, at, reference) =>
      update(who, (p) => {
        p.sentAt = at.toISOString();
        delete p.unreachable;
        if (reference) {
          p.reference = reference;
          p.referenceAt = at.toISOString();
        }
      }),

    markUnreachable: (who, at, status) =>
      update(who, (p) => {
        p.unreachable ??= { at: at.toISOString(), ...(status !== undefined ? { status } : {}) };
      }),

    markReported: (who, at) =>
      update(who, (p) => {
        if (p.unreachable) p.unreachable.reportedAt = at.toISOString();
      }),
  };
}

/** The port's ServiceUrls over the PostgreSQL store (addresses spelled as the file store spells them). */
export function postgresServiceUrls(db: Db): ServiceUrls {
  return {
    async trust(tenantId, serviceUrl, at) {
      const url = normalServiceUrl(serviceUrl);
      if (url === undefined) return;
      await db.query(
        'INSERT INTO service_urls (tenant_id, service_url, first_seen_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING',
        [tenantId ?? '', url, at.toISOString()],
      );
    },
    async isTrusted(tenantId, serviceUrl) {
      const url = normalServiceUrl(serviceUrl);
      if (url === undefined) return false;
      const rows = await db.query('SELECT 1 FROM service_urls WHERE tenant_id = $1 AND service_url = $2', [
        tenantId ?? '',
        url,
      ]);
      return rows.length > 0;
    },
  };
}
