// meetings.json: the weekly meetings set with /möte, one per conversation (the group chat or channel
// the meeting is). Each keeps how to post to its conversation and the week whose agenda card was
// claimed, on disk before the card is posted, so a restart never posts it twice.
import { z } from 'zod';
import { personSchema } from '../domain/entry.js';
import { JsonDocument } from './document.js';
import type { WriteGate } from './gate.js';
import type { Storage } from './storage.js';

const meetingSchema = z.object({
  id: z.string().min(1).max(100),
  conversationId: z.string().min(1).max(500),
  areaId: z.string().min(1).max(60),
  reference: z.record(z.string(), z.unknown()),
  weekday: z.number().int().min(1).max(7),
  time: z.string().regex(/^\d{2}:\d{2}$/u),
  activityId: z.string().min(1).max(200),
  since: z.string().datetime(),
  by: personSchema,
  lastWeek: z.string().max(10).optional(),
  /** The meeting's date of the last agenda card: "logged since the last meeting" starts after it. */
  lastDate: z.string().max(10).optional(),
  ended: z.object({ at: z.string().datetime(), by: personSchema }).optional(),
});

export type Meeting = z.infer<typeof meetingSchema>;

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

  active(): readonly Meeting[] {
    return this.doc.data.meetings.filter((m) => m.ended === undefined);
  }

  get(id: string): Meeting | undefined {
    return this.doc.data.meetings.find((m) => m.id === id);
  }

  forConversation(conversationId: string): Meeting | undefined {
    return this.doc.data.meetings.find((m) => m.conversationId === conversationId);
  }

  /** Sets the conversation's meeting (a new one, or a new time or activity for its existing one). */
  set(meeting: Omit<Meeting, 'id' | 'lastWeek' | 'lastDate' | 'ended'>, newId: () => string): Promise<Meeting> {
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
