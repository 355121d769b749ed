// reminders.json: the people the bot reminds, one record each. It holds how to reach them (their
// personal chat's conversation reference, stored when they write to the bot or when the bot opened
// the chat itself), their own choices (off, paused) and the week whose reminder was last claimed.
// A week is claimed on disk before the reminder is sent, so no restart or second tick sends it again.
// A person's own choice (off, on, paused) is written with its audit record (pendingAudit, see
// auditedWrite.ts); the bookkeeping (contacts, claims, sends) is not audited.
import { z } from 'zod';
import { reminderPersonSchema, type ReminderPerson } from '../domain/reminderRecord.js';
import {
  changePerson,
  claimNotice,
  claimReminderWeek,
  contactIsNews,
  findPerson,
  noteContact,
  pauseUntil,
  reminderSent,
  reported,
  setOff,
  unreachable,
} from '../domain/reminderChange.js';
import type { PersonIdentity } from '../domain/responsible.js';
export type { ReminderPerson } from '../domain/reminderRecord.js';
import type { NewAuditRecord } from '../domain/audit.js';
import type { AuditLog } from './auditLog.js';
import { pendingAuditField, recoverPendingAudit, writeAudited } from './auditedWrite.js';
import { JsonDocument } from './document.js';
import type { WriteGate } from './writeGate.js';
import type { Storage } from './storage.js';

const noticeSchema = z.object({
  areaId: z.string().min(1).max(60),
  /** The notice's key, e.g. '2020-T2-ended' (see tertialNotices.ts). */
  key: z.string().min(1).max(40),
  at: z.string().datetime(),
});

const remindersFileSchema = z.object({
  version: z.literal(1),
  people: z.array(reminderPersonSchema),
  /** The coordinators' tertial notices claimed so far, per area. */
  notices: z.array(noticeSchema).optional(),
  ...pendingAuditField,
});

type RemindersFile = z.infer<typeof remindersFileSchema>;

/** Who a change is about: any of their ids, and their name as Teams shows it. */
export interface ReminderIdentity extends PersonIdentity {
  name: string;
}

export class ReminderStore {
  private constructor(
    private readonly doc: JsonDocument<RemindersFile>,
    private readonly audit: AuditLog,
  ) {}

  /** Opens reminders.json; audit records it carries that a crash kept out of `audit` are appended to it. */
  static async open(storage: Storage, audit: AuditLog, gate?: WriteGate): Promise<ReminderStore> {
    const { document } = await JsonDocument.open(
      storage.document('reminders'),
      remindersFileSchema,
      () => ({ version: 1 as const, people: [] }),
      gate,
    );
    await recoverPendingAudit(audit, [document]);
    return new ReminderStore(document, audit);
  }

  all(): readonly ReminderPerson[] {
    return this.doc.data.people;
  }

  find(who: PersonIdentity): ReminderPerson | undefined {
    return findPerson(this.all(), who);
  }

  /**
   * Someone wrote to the bot in a personal chat: keeps how to reach them. Writes only when the
   * person is new, a reference or id is new or changed, so an ordinary message costs no write.
   */
  async noteContact(who: ReminderIdentity & { reference: Record<string, unknown> }, at: Date): Promise<void> {
    if (!contactIsNews(this.all(), who)) return;
    await this.change(who, noteContact(who.reference, who.name, at));
  }

  /** Turns reminders off (true) or on again (false, which also ends a pause). */
  setOff(who: ReminderIdentity, off: boolean, at: Date, audit: NewAuditRecord): Promise<ReminderPerson> {
    return this.choose(who, setOff(off, at), audit);
  }

  /** No reminder before `until` (an ISO date). */
  pause(who: ReminderIdentity, until: string, audit: NewAuditRecord): Promise<ReminderPerson> {
    return this.choose(who, pauseUntil(until), audit);
  }

  /**
   * Claims `week`'s reminder for the person, on disk, before it is sent: true when this call
   * claimed it, false when it was claimed already (by an earlier tick, or before a restart).
   */
  claim(who: ReminderIdentity, week: string, at: Date): Promise<boolean> {
    return this.doc.update((data) => {
      const { records, result } = claimReminderWeek(data.people, who, week, at);
      data.people = records;
      return result;
    });
  }

  /** Every notice claimed, of every area (store:migrate copies them). */
  notices(): readonly z.infer<typeof noticeSchema>[] {
    return this.doc.data.notices ?? [];
  }

  /** The notices already claimed for the area (their keys). */
  noticesSent(areaId: string): ReadonlySet<string> {
    return new Set((this.doc.data.notices ?? []).filter((n) => n.areaId === areaId).map((n) => n.key));
  }

  /** Claims the area's notice `key` on disk before it is sent: true when this call claimed it. */
  claimNotice(areaId: string, key: string, at: Date): Promise<boolean> {
    return this.doc.update((data) => {
      const { records, result } = claimNotice(data.notices ?? [], areaId, key, at);
      data.notices = records;
      return result;
    });
  }

  /** The claimed reminder was accepted by the connector; `reference` is the chat the bot opened, if it did. */
  recordSent(who: ReminderIdentity, at: Date, reference?: Record<string, unknown>): Promise<ReminderPerson> {
    return this.change(who, reminderSent(at, reference));
  }

  /** The bot could not reach the person; a later report keeps the first moment and whether it was told. */
  markUnreachable(who: ReminderIdentity, at: Date, status: number | undefined): Promise<ReminderPerson> {
    return this.change(who, unreachable(at, status));
  }

  /** A coordinator was told the person cannot be reached. */
  markReported(who: ReminderIdentity, at: Date): Promise<ReminderPerson> {
    return this.change(who, reported(at));
  }

  /** A person's own choice: stored as the domain's rule makes it, with its audit record, in one write. */
  private choose(
    who: ReminderIdentity,
    apply: (p: ReminderPerson) => ReminderPerson,
    audit: NewAuditRecord,
  ): Promise<ReminderPerson> {
    return writeAudited(this.doc, this.audit, (data) => {
      const { records, result } = changePerson(data.people, who, apply);
      data.people = records;
      return { result, audit: [audit] };
    });
  }

  /**
   * Stores what the domain's rule (reminderChange.ts) makes of the person, in one write: bookkeeping,
   * not audited (the document keeps any records it carries for the next audited write).
   */
  private change(who: ReminderIdentity, apply: (p: ReminderPerson) => ReminderPerson): Promise<ReminderPerson> {
    return this.doc.update((data) => {
      const { records, result } = changePerson(data.people, who, apply);
      data.people = records;
      return result;
    });
  }
}
