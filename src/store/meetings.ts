// meetings.json: the weekly meetings set with /möte, one per conversation (the group chat or channel
// the meeting is). Each keeps how to post to its conversation and the week whose agenda card was
// claimed, on disk before the card is posted, so a restart never posts it twice. What Teams says
// about the channel reaches it too (src/app/lifecycle.ts): renamed (the name follows), deleted
// (it ends, with the reason; a restore resumes it), its team archived (it is held: no agenda card).
import { z } from 'zod';
import { meetingSchema, type Meeting } from '../domain/meetingRecord.js';
export type { Meeting } from '../domain/meetingRecord.js';
import { JsonDocument } from './document.js';
import type { WriteGate } from './gate.js';
import type { Storage } from './storage.js';

const meetingsFileSchema = z.object({ version: z.literal(1), meetings: z.array(meetingSchema) });
type MeetingsFile = z.infer<typeof meetingsFileSchema>;

export class MeetingStore {
  private constructor(private readonly doc: JsonDocument<MeetingsFile>) {}

  static async open(storage: Storage, gate?: WriteGate): Promise<MeetingStore> {
    const { document } = await JsonDocument.open(
      storage.document('meetings'),
      meetingsFileSchema,
      () => ({ version: 1 as const, meetings: [] }),
      gate,
    );
    return new MeetingStore(document);
  }

  /** Every meeting, ended and held ones included, in stored order (store:migrate copies them). */
  all(): readonly Meeting[] {
    return this.doc.data.meetings;
  }

  /** The meetings whose agenda cards are due by their schedule: neither ended nor held. */
  active(): readonly Meeting[] {
    return this.doc.data.meetings.filter((m) => m.ended === undefined && m.held === undefined);
  }

  get(id: string): Meeting | undefined {
    return this.doc.data.meetings.find((m) => m.id === id);
  }

  forConversation(conversationId: string): Meeting | undefined {
    return this.doc.data.meetings.find((m) => m.conversationId === conversationId);
  }

  /** Sets the conversation's meeting (a new one, or a new time or activity for its existing one). */
  set(
    meeting: Omit<Meeting, 'id' | 'lastWeek' | 'lastDate' | 'ended' | 'held'>,
    newId: () => string,
  ): Promise<Meeting> {
    return this.doc.update((data) => {
      const existing = data.meetings.find((m) => m.conversationId === meeting.conversationId);
      if (existing) {
        Object.assign(existing, meeting);
        delete existing.ended;
        return structuredClone(meetingSchema.parse(existing));
      }
      const created = meetingSchema.parse({ id: newId(), ...meeting });
      data.meetings.push(created);
      return structuredClone(created);
    });
  }

  /** Ends the conversation's meeting; undefined when it had none running. */
  end(conversationId: string, ended: NonNullable<Meeting['ended']>): Promise<Meeting | undefined> {
    return this.doc.update((data) => {
      const m = data.meetings.find((x) => x.conversationId === conversationId && x.ended === undefined);
      if (!m) return undefined;
      m.ended = ended;
      return structuredClone(m);
    });
  }

  /** The conversation's meetings take its new name; returns each changed one with its old name. */
  rename(conversationId: string, name: string): Promise<{ meeting: Meeting; from?: string }[]> {
    return this.doc.update((data) => {
      const renamed = data.meetings.filter((m) => m.conversationId === conversationId && m.conversationName !== name);
      const changes = renamed.map((m) => ({ from: m.conversationName, meeting: m }));
      for (const m of renamed) m.conversationName = name;
      return changes.map((c) => ({ meeting: structuredClone(c.meeting), ...(c.from ? { from: c.from } : {}) }));
    });
  }

  /** Ends the running meetings that `match` (their channel or team deleted in Teams). */
  endWhere(match: (m: Meeting) => boolean, ended: Required<NonNullable<Meeting['ended']>>): Promise<Meeting[]> {
    return this.doc.update((data) => {
      const ending = data.meetings.filter((m) => m.ended === undefined && match(m));
      for (const m of ending) m.ended = { ...ended };
      return structuredClone(ending);
    });
  }

  /** Resumes the meetings that `match` and were ended for `reason`, not those ended with /möte av. */
  resumeEnded(match: (m: Meeting) => boolean, reason: 'channelDeleted' | 'teamDeleted'): Promise<Meeting[]> {
    return this.doc.update((data) => {
      const resuming = data.meetings.filter((m) => m.ended?.reason === reason && match(m));
      for (const m of resuming) delete m.ended;
      return structuredClone(resuming);
    });
  }

  /** Holds the team's running meetings (an archived team). */
  hold(teamId: string, held: NonNullable<Meeting['held']>): Promise<Meeting[]> {
    return this.doc.update((data) => {
      const holding = data.meetings.filter((m) => m.ended === undefined && !m.held && inTeam(m, teamId));
      for (const m of holding) m.held = { ...held };
      return structuredClone(holding);
    });
  }

  /** Releases the team's held meetings (the team unarchived): agenda cards go on by the schedule. */
  release(teamId: string): Promise<Meeting[]> {
    return this.doc.update((data) => {
      const releasing = data.meetings.filter((m) => m.held !== undefined && inTeam(m, teamId));
      for (const m of releasing) delete m.held;
      return structuredClone(releasing);
    });
  }

  /** Claims the agenda card of `week` (meeting on `date`) before it is posted: true when this call claimed it. */
  claim(id: string, week: string, date: string): Promise<boolean> {
    return this.doc.update((data) => {
      const m = data.meetings.find((x) => x.id === id);
      if (!m || (m.lastWeek !== undefined && m.lastWeek >= week)) return false;
      m.lastWeek = week;
      m.lastDate = date;
      return true;
    });
  }
}

/** A meeting in the team: in one of its channels, or in its General channel (whose id is the team's). */
function inTeam(m: Pick<Meeting, 'teamId' | 'conversationId'>, teamId: string): boolean {
  return m.teamId === teamId || m.conversationId === teamId;
}
