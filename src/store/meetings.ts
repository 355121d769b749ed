// meetings.json: the weekly meetings set with /möte, one per conversation (the group chat or channel
// the meeting is). Each keeps how to post to its conversation and the week whose agenda card was
// claimed, on disk before the card is posted, so a restart never posts it twice. What Teams says
// about the channel reaches it too (src/app/lifecycle.ts): renamed (the name follows), deleted
// (it ends, with the reason; a restore resumes it), its team archived (it is held: no agenda card).
// A change's audit records go in the same write (pendingAudit, see auditedWrite.ts).
import { z } from 'zod';
import type { NewAuditRecord } from '../domain/audit.js';
import {
  meetingRecords,
  renamedMeetingRecords,
  type MeetingAudit,
  type RenameAudit,
} from '../domain/conversationAudit.js';
import type { ConversationSelection, ListChange } from '../domain/conversationSelection.js';
import {
  activeMeetings,
  claimMeetingWeek,
  endMeetings,
  holdMeetings,
  releaseMeetings,
  renameMeetings,
  resumeMeetings,
  setMeeting,
  type MeetingSetting,
} from '../domain/meetingChange.js';
import { meetingSchema, type Meeting } from '../domain/meetingRecord.js';
export type { Meeting } from '../domain/meetingRecord.js';
import type { AuditLog } from './auditLog.js';
import { pendingAuditField, recoverPendingAudit, writeAudited } from './auditedWrite.js';
import { JsonDocument } from './document.js';
import type { WriteGate } from './writeGate.js';
import type { Storage } from './storage.js';

const meetingsFileSchema = z.object({
  version: z.literal(1),
  meetings: z.array(meetingSchema),
  ...pendingAuditField,
});
type MeetingsFile = z.infer<typeof meetingsFileSchema>;

export class MeetingStore {
  private constructor(
    private readonly doc: JsonDocument<MeetingsFile>,
    private readonly audit: AuditLog,
  ) {}

  /** Opens meetings.json; audit records it carries that a crash kept out of `audit` are appended to it. */
  static async open(storage: Storage, audit: AuditLog, gate?: WriteGate): Promise<MeetingStore> {
    const { document } = await JsonDocument.open(
      storage.document('meetings'),
      meetingsFileSchema,
      () => ({ version: 1 as const, meetings: [] }),
      gate,
    );
    await recoverPendingAudit(audit, [document]);
    return new MeetingStore(document, audit);
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

  /** Sets the conversation's meeting (a new one, or a new time or activity for its existing one), with its record. */
  set(meeting: MeetingSetting, newId: () => string, audit: NewAuditRecord): Promise<Meeting> {
    return this.apply(
      (list) => setMeeting(list, meeting, newId),
      () => [audit],
    );
  }

  /** Ends the conversation's meeting; undefined when it had none running. */
  async end(
    conversationId: string,
    ended: NonNullable<Meeting['ended']>,
    audit: MeetingAudit,
  ): Promise<Meeting | undefined> {
    return (
      await this.apply(
        (list) => endMeetings(list, { conversationId }, ended),
        (result) => meetingRecords(audit, result),
      )
    )[0];
  }

  /** The conversation's meetings take its new name; returns each changed one with its old name. */
  rename(
    conversationId: string,
    name: string,
    audit: RenameAudit<MeetingAudit>,
  ): Promise<{ meeting: Meeting; from?: string }[]> {
    return this.apply(
      (list) => renameMeetings(list, conversationId, name),
      (result) => renamedMeetingRecords(audit, result, name),
    );
  }

  /** Ends the selected running meetings (their channel or team deleted in Teams). */
  endWhere(
    selection: ConversationSelection,
    ended: Required<NonNullable<Meeting['ended']>>,
    audit: MeetingAudit,
  ): Promise<Meeting[]> {
    return this.apply(
      (list) => endMeetings(list, selection, ended),
      (result) => meetingRecords(audit, result),
    );
  }

  /** Resumes the selected meetings ended for `reason`, not those ended with /möte av. */
  resumeEnded(
    selection: ConversationSelection,
    reason: 'channelDeleted' | 'teamDeleted',
    audit: MeetingAudit,
  ): Promise<Meeting[]> {
    return this.apply(
      (list) => resumeMeetings(list, selection, reason),
      (result) => meetingRecords(audit, result),
    );
  }

  /** Holds the team's running meetings (an archived team). */
  hold(teamId: string, held: NonNullable<Meeting['held']>, audit: MeetingAudit): Promise<Meeting[]> {
    return this.apply(
      (list) => holdMeetings(list, teamId, held),
      (result) => meetingRecords(audit, result),
    );
  }

  /** Releases the team's held meetings (the team unarchived): agenda cards go on by the schedule. */
  release(teamId: string, audit: MeetingAudit): Promise<Meeting[]> {
    return this.apply(
      (list) => releaseMeetings(list, teamId),
      (result) => meetingRecords(audit, result),
    );
  }

  /** Claims the agenda card of `week` (meeting on `date`) before it is posted: true when this call claimed it. */
  claim(id: string, week: string, date: string): Promise<boolean> {
    // Bookkeeping, not audited: the document keeps any records it carries for the next audited write.
    return this.doc.update((data) => {
      const { records, result } = claimMeetingWeek(data.meetings, id, week, date);
      data.meetings = records;
      return result;
    });
  }

  /**
   * Stores the list a domain rule made (meetingChange.ts) with the audit records `records` makes of
   * its answer, in one write; resolves with the rule's answer once on disk.
   */
  private apply<R>(
    change: (list: readonly Meeting[]) => ListChange<Meeting, R>,
    records: (result: R) => NewAuditRecord[],
  ): Promise<R> {
    return writeAudited(this.doc, this.audit, (data) => {
      const { records: list, result } = change(data.meetings);
      data.meetings = list;
      return { result, audit: records(result) };
    });
  }
}
