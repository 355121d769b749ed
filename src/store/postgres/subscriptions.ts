// The weekly card's subscriptions in PostgreSQL (the transitions and their locking: conversationRows.ts).
import type { NewAuditRecord } from '../../domain/audit.js';
import {
  renamedSubscriptionRecords,
  subscribedRecord,
  subscriptionRecords,
  type SubscribeAudit,
  type SubscriptionAudit,
} from '../../domain/conversationAudit.js';
import { subscriptionSchema, type Subscription } from '../../domain/subscription.js';
import { subscribe } from '../../domain/subscriptionChange.js';
import type { SubscribeRequest, SubscribeResult, Subscriptions } from '../../app/port/index.js';
import {
  SUBSCRIPTIONS as T,
  changeRows,
  insertRow,
  liftedFor,
  lockKey,
  readAll,
  rowReads,
  selectionWhere,
  writeRow,
} from './conversationRows.js';
import type { Db } from './db.js';
import { insertAudit } from './rows.js';

/** The records of a change to the subscriptions: one per subscription changed (conversationAudit.ts). */
const each =
  (audit: SubscriptionAudit | undefined) =>
  (changed: Subscription[]): NewAuditRecord[] =>
    subscriptionRecords(audit, changed);

function subscriptionReads(db: Db): Pick<Subscriptions, 'all' | 'active' | 'get' | 'forConversation'> {
  return {
    all: () => readAll(db, T),
    active: () => readAll(db, T, 'NOT ended'),
    ...rowReads(db, T),
  };
}

/** Subscribes the conversation (the domain's rule), under its lock: one subscription per conversation. */
function subscribeConversation(db: Db, request: SubscribeRequest, audit: SubscribeAudit): Promise<SubscribeResult> {
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
    for (const record of subscribedRecord(audit, result, existing, request.schedule)) await insertAudit(sql, record);
    return result;
  });
}

/** Ending, resuming and renaming the subscriptions of a conversation or team. */
function subscriptionEnds(db: Db): Pick<Subscriptions, 'end' | 'endWhere' | 'resumeEnded' | 'rename'> {
  return {
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
        liftedFor<Subscription, 'ended'>('ended', reason),
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
  };
}

/** Holding a team's subscriptions, releasing them, and pausing one. */
function subscriptionHolds(db: Db): Pick<Subscriptions, 'hold' | 'release' | 'pause'> {
  return {
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
        liftedFor<Subscription, 'held'>('held', reason),
        each(audit),
      );
    },

    async pause(id, paused, audit) {
      const [done] = await changeRows(db, T, 'id = $1', [id], (s) => ({ ...s, paused }), each(audit));
      return done;
    },
  };
}

/** Claiming a week's card before it is sent, and recording it sent. */
function weeklySends(db: Db): Pick<Subscriptions, 'claimWeek' | 'recordSent'> {
  return {
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

/** The port's Subscriptions over the PostgreSQL store. */
export function postgresSubscriptions(db: Db): Subscriptions {
  return {
    ...subscriptionReads(db),
    subscribe: (request, audit) => subscribeConversation(db, request, audit),
    ...subscriptionEnds(db),
    ...subscriptionHolds(db),
    ...weeklySends(db),
  };
}
