// The personal Monday reminders and the coordinators' tertial notices in PostgreSQL. A person's
// changes run under the reminders' advisory lock, so two instances never add one person twice; the
// notices are claimed by a conditional insert.
import type { NewAuditRecord } from '../../domain/audit.js';
import { samePerson, type PersonIdentity } from '../../domain/responsible.js';
import { reminderPersonSchema, type ReminderPerson } from '../../domain/reminderRecord.js';
import type { ReminderIdentity, Reminders } from '../../app/port/index.js';
import { lockKey } from './conversationRows.js';
import type { Db, Sql } from './db.js';
import { insertAudit } from './rows.js';

const identityOf = (p: ReminderPerson): PersonIdentity => ({ id: p.userId, aadObjectId: p.aadObjectId, upn: p.upn });

type PersonRow = { seq: string; person: ReminderPerson };

/** Every person, in the order first stored. */
const people = async (db: Db): Promise<PersonRow[]> =>
  (await db.query<{ seq: string; body: unknown }>('SELECT seq, body FROM reminder_people ORDER BY seq')).map((r) => ({
    seq: r.seq,
    person: reminderPersonSchema.parse(r.body),
  }));

/** The person as stored, a copy with the ids they lacked filled in from `who`, or a new one. */
function completed(found: PersonRow | undefined, who: ReminderIdentity): ReminderPerson {
  const p: ReminderPerson = found ? structuredClone(found.person) : { name: who.name.slice(0, 200) };
  if (who.id !== undefined && p.userId === undefined) p.userId = who.id;
  if (who.aadObjectId !== undefined && p.aadObjectId === undefined) p.aadObjectId = who.aadObjectId;
  if (who.upn !== undefined && p.upn === undefined) p.upn = who.upn;
  return p;
}

/** Stores the person: over their row when found, else as a new row. */
async function storePerson(sql: Sql, found: PersonRow | undefined, valid: ReminderPerson): Promise<void> {
  const columns = [valid.userId ?? null, valid.aadObjectId ?? null, valid.upn ?? null, valid];
  if (found)
    await sql('UPDATE reminder_people SET user_id = $2, aad_object_id = $3, upn = $4, body = $5 WHERE seq = $1', [
      found.seq,
      ...columns,
    ]);
  else await sql('INSERT INTO reminder_people (user_id, aad_object_id, upn, body) VALUES ($1, $2, $3, $4)', columns);
}

/**
 * Finds the person (or adds them), fills in ids they lacked, applies `apply` and stores them
 * (as the file store does, even when `apply` changed nothing), under the reminders' lock: two instances never add one person twice.
 */
function changePerson<R>(
  db: Db,
  who: ReminderIdentity,
  apply: (p: ReminderPerson) => R,
  audit?: NewAuditRecord,
): Promise<{ value: R; person: ReminderPerson }> {
  return db.tx(async (sql) => {
    await lockKey(sql, 'reminders');
    const rows = await sql<{ seq: string; body: unknown }>('SELECT seq, body FROM reminder_people ORDER BY seq');
    const found = rows
      .map((r) => ({ seq: r.seq, person: reminderPersonSchema.parse(r.body) }))
      .find((x) => samePerson(identityOf(x.person), who));
    const p = completed(found, who);
    const value = apply(p);
    const valid = reminderPersonSchema.parse(p);
    await storePerson(sql, found, valid);
    if (audit) await insertAudit(sql, audit);
    return { value, person: valid };
  });
}

/** changePerson for a change that answers the person as stored. */
const update = async (
  db: Db,
  who: ReminderIdentity,
  apply: (p: ReminderPerson) => void,
  audit?: NewAuditRecord,
): Promise<ReminderPerson> => (await changePerson(db, who, apply, audit)).person;

/** The people, and their own choices: off, on, paused. */
function personChoices(db: Db): Pick<Reminders, 'all' | 'find' | 'setOff' | 'pause'> {
  return {
    all: async () => (await people(db)).map((x) => x.person),
    find: async (who) => (await people(db)).find((x) => samePerson(identityOf(x.person), who))?.person,

    setOff: (who, off, at, audit) =>
      update(
        db,
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
        db,
        who,
        (p) => {
          p.pausedUntil = until;
        },
        audit,
      ),
  };
}

/** The bot's bookkeeping of reaching a person: their address, the weeks claimed, what was sent. */
function deliveryBookkeeping(
  db: Db,
): Pick<Reminders, 'noteContact' | 'claim' | 'recordSent' | 'markUnreachable' | 'markReported'> {
  return {
    async noteContact(who, at) {
      const known = (await people(db)).find((x) => samePerson(identityOf(x.person), who))?.person;
      if (
        known &&
        JSON.stringify(known.reference) === JSON.stringify(who.reference) &&
        (who.upn === undefined || known.upn !== undefined) &&
        (who.aadObjectId === undefined || known.aadObjectId !== undefined)
      )
        return;
      await update(db, who, (p) => {
        p.reference = who.reference;
        p.referenceAt = at.toISOString();
        if (who.name) p.name = who.name.slice(0, 200);
      });
    },

    async claim(who, week, at) {
      const { value } = await changePerson(db, who, (p) => {
        if (p.lastWeek !== undefined && p.lastWeek >= week) return false;
        p.lastWeek = week;
        p.claimedAt = at.toISOString();
        return true;
      });
      return value;
    },

    recordSent: (who, at, reference) =>
      update(db, who, (p) => {
        p.sentAt = at.toISOString();
        delete p.unreachable;
        if (reference) {
          p.reference = reference;
          p.referenceAt = at.toISOString();
        }
      }),

    markUnreachable: (who, at, status) =>
      update(db, who, (p) => {
        p.unreachable ??= { at: at.toISOString(), ...(status !== undefined ? { status } : {}) };
      }),

    markReported: (who, at) =>
      update(db, who, (p) => {
        if (p.unreachable) p.unreachable.reportedAt = at.toISOString();
      }),
  };
}

/** The coordinators' notices of an area: which were sent, and claiming one. */
function notices(db: Db): Pick<Reminders, 'noticesSent' | 'claimNotice'> {
  return {
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
  };
}

/** The port's Reminders over the PostgreSQL store. */
export function postgresReminders(db: Db): Reminders {
  return { ...personChoices(db), ...deliveryBookkeeping(db), ...notices(db) };
}
