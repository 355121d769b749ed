// meetings.json: the weekly meetings set with /möte, one per conversation (the group chat or channel
// the meeting is). Each keeps how to post to its conversation and the week whose agenda card was
// claimed, on disk before the card is posted, so a restart never posts it twice. What Teams says
// about the channel reaches it too (src/app/lifecycle.ts): renamed (the name follows), deleted
// (it ends, with the reason; a restore resumes it), its team archived (it is held: no agenda card).
import { z } from 'zod';
import { changeWhere, without, type ListChange } from '../domain/conversationSelection.js';
import {
  activeMeetings,
  claimMeetingWeek,
  endMeetings,
  holdMeetings,
  releaseMeetings,
  renameMeetings,
  setMeeting,
  type MeetingSetting,
} from '../domain/meetingChange.js';
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
    return activeMeetings(this.doc.data.meetings);
  }

  get(id: string): Meeting | undefined {
    return this.doc.data.meetings.find((m) => m.id === id);
  }

  forConversation(conversationId: string): Meeting | undefined {
    return this.doc.data.meetings.find((m) => m.conversationId === conversationId);
  }

  /** Sets the conversation's meeting (a new one, or a new time or activity for its existing one). */
  set(meeting: MeetingSetting, newId: () => string): Promise<Meeting> {
    return this.apply((list) => setMeeting(list, meeting, newId));
  }

  /** Ends the conversation's meeting; undefined when it had none running. */
  async end(conversationId: string, ended: NonNullable<Meeting['ended']>): Promise<Meeting | undefined> {
    return (await this.apply((list) => endMeetings(list, { conversationId }, ended)))[0];
  }

  /** The conversation's meetings take its new name; returns each changed one with its old name. */
  rename(conversationId: string, name: string): Promise<{ meeting: Meeting; from?: string }[]> {
    return this.apply((list) => renameMeetings(list, conversationId, name));
  }

  /** Ends the running meetings that `match` (their channel or team deleted in Teams). */
  endWhere(match: (m: Meeting) => boolean, ended: Required<NonNullable<Meeting['ended']>>): Promise<Meeting[]> {
    return this.apply((list) =>
      changeWhere(
        list,
        (m) => m.ended === undefined && match(m),
        (m) => ({ ...m, ended: { ...ended } }),
      ),
    );
  }

  /** Resumes the meetings that `match` and were ended for `reason`, not those ended with /möte av. */
  resumeEnded(match: (m: Meeting) => boolean, reason: 'channelDeleted' | 'teamDeleted'): Promise<Meeting[]> {
    return this.apply((list) =>
      changeWhere(
        list,
        (m) => m.ended?.reason === reason && match(m),
        (m) => without(m, 'ended'),
      ),
    );
  }

  /** Holds the team's running meetings (an archived team). */
  hold(teamId: string, held: NonNullable<Meeting['held']>): Promise<Meeting[]> {
    return this.apply((list) => holdMeetings(list, teamId, held));
  }

  /** Releases the team's held meetings (the team unarchived): agenda cards go on by the schedule. */
  release(teamId: string): Promise<Meeting[]> {
    return this.apply((list) => releaseMeetings(list, teamId));
  }

  /** Claims the agenda card of `week` (meeting on `date`) before it is posted: true when this call claimed it. */
  claim(id: string, week: string, date: string): Promise<boolean> {
    return this.apply((list) => claimMeetingWeek(list, id, week, date));
  }

  /** Stores the list a domain rule made (meetingChange.ts), in one write; resolves with the rule's answer once on disk. */
  private apply<R>(change: (list: readonly Meeting[]) => ListChange<Meeting, R>): Promise<R> {
    return this.doc.update((data) => {
      const { records, result } = change(data.meetings);
      data.meetings = records;
      return result;
    });
  }
}
