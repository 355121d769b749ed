// The meetings whose agenda card the bot posts, in PostgreSQL (the transitions and their locking:
// conversationRows.ts).
import type { NewAuditRecord } from '../../domain/audit.js';
import { meetingRecords, renamedMeetingRecords, type MeetingAudit } from '../../domain/conversationAudit.js';
import { meetingSchema, type Meeting } from '../../domain/meetingRecord.js';
import type { Meetings } from '../../app/port/index.js';
import {
  MEETINGS as T,
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

/** The records of a change to the meetings: one per meeting changed (conversationAudit.ts). */
const eachMeeting =
  (audit: MeetingAudit) =>
  (changed: Meeting[]): NewAuditRecord[] =>
    meetingRecords(audit, changed);

function meetingReads(db: Db): Pick<Meetings, 'active' | 'get' | 'forConversation'> {
  return {
    active: async () => (await readAll(db, T)).filter((m) => m.ended === undefined && m.held === undefined),
    ...rowReads(db, T),
  };
}

/** Sets the conversation's meeting (see Meetings.set), under the conversation's lock: one per conversation. */
function setMeeting(
  db: Db,
  meeting: Omit<Meeting, 'id' | 'lastWeek' | 'lastDate' | 'ended' | 'held'>,
  newId: () => string,
  audit: NewAuditRecord,
): Promise<Meeting> {
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
}

/** Ending, resuming and renaming the meetings of a conversation or team. */
function meetingEnds(db: Db): Pick<Meetings, 'end' | 'endWhere' | 'resumeEnded' | 'rename'> {
  return {
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
      return changeRows(db, T, where, [value], liftedFor<Meeting, 'ended'>('ended', reason), eachMeeting(audit));
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
  };
}

/** Holding a team's meetings, releasing them, and claiming a meeting's weekly agenda card. */
function meetingHoldsAndClaims(db: Db): Pick<Meetings, 'hold' | 'release' | 'claim'> {
  return {
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

/** The port's Meetings over the PostgreSQL store. */
export function postgresMeetings(db: Db): Meetings {
  return {
    ...meetingReads(db),
    set: (meeting, newId, audit) => setMeeting(db, meeting, newId, audit),
    ...meetingEnds(db),
    ...meetingHoldsAndClaims(db),
  };
}
