// The agenda-card meetings' rules (/möte), as functions over the stored list: one meeting per
// conversation, ended by /möte av or by Teams, held while the team is archived, and each week's
// card claimed once. Every store applies these.
import { meetingSchema, type Meeting } from './meetingRecord.js';
import {
  changeWhere,
  inTeam,
  isSelected,
  without,
  type ConversationSelection,
  type ListChange,
} from './conversationSelection.js';

/** What /möte sets: the meeting without what the store keeps (its id, the week claimed, ended, held). */
export type MeetingSetting = Omit<Meeting, 'id' | 'lastWeek' | 'lastDate' | 'ended' | 'held'>;

/**
 * Sets the conversation's meeting: a new one with `newId()`, or a new time or activity for its
 * existing one (an ended one runs again; the week claimed stays claimed). Throws ZodError when invalid.
 */
export function setMeeting(
  list: readonly Meeting[],
  setting: MeetingSetting,
  newId: () => string,
): ListChange<Meeting, Meeting> {
  const index = list.findIndex((m) => m.conversationId === setting.conversationId);
  const existing = list[index];
  if (existing) {
    const updated = meetingSchema.parse(
      without({ ...structuredClone(existing), ...structuredClone(setting) }, 'ended'),
    );
    const records = [...list];
    records[index] = updated;
    return { records, result: structuredClone(updated) };
  }
  const created = meetingSchema.parse({ id: newId(), ...structuredClone(setting) });
  return { records: [...list, created], result: structuredClone(created) };
}

/** Ends the running meetings selected. */
export function endMeetings(
  list: readonly Meeting[],
  selection: ConversationSelection,
  ended: NonNullable<Meeting['ended']>,
): ListChange<Meeting, Meeting[]> {
  return changeWhere(
    list,
    (m) => m.ended === undefined && isSelected(selection, m),
    (m) => ({ ...m, ended: structuredClone(ended) }),
  );
}

/** Resumes the selected meetings ended for `reason` (not those ended with /möte av). */
export function resumeMeetings(
  list: readonly Meeting[],
  selection: ConversationSelection,
  reason: 'channelDeleted' | 'teamDeleted',
): ListChange<Meeting, Meeting[]> {
  return changeWhere(
    list,
    (m) => m.ended?.reason === reason && isSelected(selection, m),
    (m) => without(m, 'ended'),
  );
}

/** The conversation's meetings take its new name; each changed one with its old name, when it had one. */
export function renameMeetings(
  list: readonly Meeting[],
  conversationId: string,
  name: string,
): ListChange<Meeting, { meeting: Meeting; from?: string }[]> {
  const from = new Map(list.map((m) => [m.id, m.conversationName]));
  const { records, result } = changeWhere(
    list,
    (m) => m.conversationId === conversationId && m.conversationName !== name,
    (m) => ({ ...m, conversationName: name }),
  );
  return {
    records,
    result: result.map((meeting) => {
      const old = from.get(meeting.id);
      return old ? { meeting, from: old } : { meeting };
    }),
  };
}

/** Holds the team's running meetings not held yet (an archived team). */
export function holdMeetings(
  list: readonly Meeting[],
  teamId: string,
  held: NonNullable<Meeting['held']>,
): ListChange<Meeting, Meeting[]> {
  return changeWhere(
    list,
    (m) => m.ended === undefined && !m.held && inTeam(m, teamId),
    (m) => ({ ...m, held: structuredClone(held) }),
  );
}

/** Releases the team's held meetings (the team unarchived). */
export function releaseMeetings(list: readonly Meeting[], teamId: string): ListChange<Meeting, Meeting[]> {
  return changeWhere(
    list,
    (m) => m.held !== undefined && inTeam(m, teamId),
    (m) => without(m, 'held'),
  );
}

/**
 * Claims the agenda card of `week` (ISO week key; the meeting on `date`): true when claimed now,
 * false when the meeting is unknown or that week or a later one was claimed already.
 */
export function claimMeetingWeek(
  list: readonly Meeting[],
  id: string,
  week: string,
  date: string,
): ListChange<Meeting, boolean> {
  const m = list.find((x) => x.id === id);
  if (!m || (m.lastWeek !== undefined && m.lastWeek >= week)) return { records: [...list], result: false };
  return {
    records: list.map((x) => (x.id === id ? { ...x, lastWeek: week, lastDate: date } : x)),
    result: true,
  };
}

/** The meetings whose agenda cards are due by their schedule: neither ended nor held. */
export function activeMeetings(list: readonly Meeting[]): Meeting[] {
  return list.filter((m) => m.ended === undefined && m.held === undefined);
}
