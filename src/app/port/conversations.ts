// What the bot keeps about conversations and people rather than about the work: the weekly
// card's subscriptions, the meetings' agenda cards, the personal reminders, and the service URLs
// the connector may be called at. Selections are criteria (a conversation, a team), never closures,
// so a database store can run them as queries.
import type { IsoWeekKey, Schedule } from '../../domain/schedule.js';
import type { Person } from '../../domain/entry.js';
import type { PersonIdentity } from '../../domain/responsible.js';
import type {
  ConversationKindCode,
  Subscription,
  SubscriptionEnd,
  SubscriptionHold,
} from '../../domain/subscription.js';
import type { SentCard } from '../../domain/weeklyCard.js';
import type { Meeting } from '../../domain/meetingRecord.js';
import type { ReminderPerson } from '../../domain/reminderRecord.js';
import type { NewAuditRecord } from '../../domain/audit.js';
import type { MeetingAudit, RenameAudit, SubscribeAudit, SubscriptionAudit } from '../../domain/conversationAudit.js';

/**
 * How a change's audit record is given here: one record without what differs per subscription or
 * meeting changed, which the store completes (src/domain/conversationAudit.ts) and stores with the
 * change, one per subscription or meeting changed; none when nothing changed.
 * @public
 */
export type { MeetingAudit, RenameAudit, SubscribeAudit, SubscriptionAudit } from '../../domain/conversationAudit.js';

/** A conversation, or every conversation of a team (its channels and the team's own). */
export type ConversationSelection = { conversationId: string } | { teamId: string };

/** What subscribe is asked to store. @public */
export interface SubscribeRequest {
  conversation: { id: string; kind: ConversationKindCode; name?: string; tenantId?: string; teamId?: string };
  /** The area the conversation works in. */
  areaId?: string;
  reference: Record<string, unknown>;
  schedule: Schedule;
  by: Person;
  at: Date;
  newId: () => string;
}

/**
 * created: a first subscription; changed: an active one got a new schedule; resumed: an ended one came back.
 * @public
 */
export type SubscribeResult = { subscription: Subscription; change: 'created' | 'changed' | 'resumed' };

/**
 * The weekly card's subscriptions (the transitions are the domain's: src/domain/subscription.ts).
 * Every change takes its audit record and stores it with the change (see SubscriptionAudit).
 */
export interface Subscriptions {
  all(): Promise<readonly Subscription[]>;
  active(): Promise<readonly Subscription[]>;
  get(id: string): Promise<Subscription | undefined>;
  forConversation(conversationId: string): Promise<Subscription | undefined>;
  /** Recorded as `subscription.<change>` with the schedule's change (see SubscribeAudit). */
  subscribe(request: SubscribeRequest, audit: SubscribeAudit): Promise<SubscribeResult>;
  end(conversationId: string, ended: SubscriptionEnd, audit: SubscriptionAudit): Promise<Subscription | undefined>;
  /** Ends every active subscription of the conversation or, for a team, of any of its channels. */
  endWhere(
    selection: ConversationSelection,
    ended: SubscriptionEnd,
    audit: SubscriptionAudit,
  ): Promise<readonly Subscription[]>;
  /** Resumes the selected subscriptions ended for `reason` (a deleted channel or team restored). */
  resumeEnded(
    selection: ConversationSelection,
    reason: SubscriptionEnd['reason'],
    audit: SubscriptionAudit,
  ): Promise<readonly Subscription[]>;
  /** Each record also gets the name's change (`changes.name`, from null when it had none). */
  rename(
    conversationId: string,
    name: string,
    audit: RenameAudit<SubscriptionAudit>,
  ): Promise<readonly { from: string | undefined; subscription: Subscription }[]>;
  hold(teamId: string, held: SubscriptionHold, audit: SubscriptionAudit): Promise<readonly Subscription[]>;
  release(
    teamId: string,
    reason: SubscriptionHold['reason'],
    audit: SubscriptionAudit,
  ): Promise<readonly Subscription[]>;
  pause(
    id: string,
    paused: NonNullable<Subscription['paused']>,
    audit: SubscriptionAudit,
  ): Promise<Subscription | undefined>;
  /**
   * Claims the subscription's card for `week` before it is sent: true for exactly one caller across
   * every process sharing the store, until the claim is recorded as sent or `claimTtlMs` passes
   * without that (its process died), when another may claim it.
   */
  claimWeek(id: string, week: IsoWeekKey, at: Date, claimTtlMs: number): Promise<boolean>;
  /**
   * Records that the connector accepted the card for `week` at `at`, and which card it was (a pause
   * is over then: `audit` is the record of that, when the caller makes one).
   */
  recordSent(id: string, week: IsoWeekKey, at: Date, card: SentCard, audit?: SubscriptionAudit): Promise<void>;
}

/**
 * The meetings whose agenda card the bot posts (/möte). Every change takes its audit record and
 * stores it with the change (see MeetingAudit).
 */
export interface Meetings {
  active(): Promise<readonly Meeting[]>;
  get(id: string): Promise<Meeting | undefined>;
  forConversation(conversationId: string): Promise<Meeting | undefined>;
  /** Sets the conversation's meeting (a new one with `newId()`, or a new time or activity for its existing one). */
  set(
    meeting: Omit<Meeting, 'id' | 'lastWeek' | 'lastDate' | 'ended' | 'held'>,
    newId: () => string,
    audit: NewAuditRecord,
  ): Promise<Meeting>;
  end(conversationId: string, ended: NonNullable<Meeting['ended']>, audit: MeetingAudit): Promise<Meeting | undefined>;
  endWhere(
    selection: ConversationSelection,
    ended: Required<NonNullable<Meeting['ended']>>,
    audit: MeetingAudit,
  ): Promise<readonly Meeting[]>;
  resumeEnded(
    selection: ConversationSelection,
    reason: 'channelDeleted' | 'teamDeleted',
    audit: MeetingAudit,
  ): Promise<readonly Meeting[]>;
  /** Each record also gets the name's change (`changes.name`, from null when it had none). */
  rename(
    conversationId: string,
    name: string,
    audit: RenameAudit<MeetingAudit>,
  ): Promise<readonly { meeting: Meeting; from?: string }[]>;
  hold(teamId: string, held: NonNullable<Meeting['held']>, audit: MeetingAudit): Promise<readonly Meeting[]>;
  release(teamId: string, audit: MeetingAudit): Promise<readonly Meeting[]>;
  /** Claims the agenda card of the meeting's week: true once across every process sharing the store. */
  claim(id: string, week: string, date: string): Promise<boolean>;
}

/**
 * Who a reminder change is about: any of their ids, and their name as Teams shows it.
 * @public
 */
export interface ReminderIdentity extends PersonIdentity {
  name: string;
}

/**
 * The personal Monday reminders and the coordinators' tertial notices. A person's own choices (off,
 * on, paused) are stored with their audit record; what the bot keeps to do its work (how to reach
 * them, the weeks and notices claimed and sent) is bookkeeping, not audited.
 */
export interface Reminders {
  all(): Promise<readonly ReminderPerson[]>;
  find(who: PersonIdentity): Promise<ReminderPerson | undefined>;
  noteContact(who: ReminderIdentity & { reference: Record<string, unknown> }, at: Date): Promise<void>;
  setOff(who: ReminderIdentity, off: boolean, at: Date, audit: NewAuditRecord): Promise<ReminderPerson>;
  pause(who: ReminderIdentity, until: string, audit: NewAuditRecord): Promise<ReminderPerson>;
  /** Claims the person's reminder for `week`: true once across every process sharing the store. */
  claim(who: ReminderIdentity, week: string, at: Date): Promise<boolean>;
  noticesSent(areaId: string): Promise<ReadonlySet<string>>;
  /** Claims a coordinators' notice of the area: true once across every process sharing the store. */
  claimNotice(areaId: string, key: string, at: Date): Promise<boolean>;
  recordSent(who: ReminderIdentity, at: Date, reference?: Record<string, unknown>): Promise<ReminderPerson>;
  markUnreachable(who: ReminderIdentity, at: Date, status: number | undefined): Promise<ReminderPerson>;
  markReported(who: ReminderIdentity, at: Date): Promise<ReminderPerson>;
}

/** The Bot Framework service URLs seen in authenticated requests, per tenant (SSRF guard for proactive sends). */
export interface ServiceUrls {
  trust(tenantId: string | undefined, serviceUrl: string, at: Date): Promise<void>;
  isTrusted(tenantId: string | undefined, serviceUrl: string): Promise<boolean>;
}
