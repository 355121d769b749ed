// subscriptions.json: one record per conversation that has ever subscribed. Every change resolves
// only after it is on disk, so "Klart" is never said about a subscription a restart would forget,
// and a week is recorded as sent only after the connector accepted the message. A change's audit
// records go in the same write (pendingAudit, see auditedWrite.ts).
import { z } from 'zod';
import { type ConversationSelection, type ListChange } from '../domain/conversationSelection.js';
import type { IsoWeekKey } from '../domain/schedule.js';
import {
  endSubscriptions,
  holdSubscriptions,
  pauseSubscription,
  recordSubscriptionSent,
  releaseSubscriptions,
  renameSubscriptions,
  resumeSubscriptions,
  subscribe,
  type Subscribed,
  type SubscriptionRequest,
} from '../domain/subscriptionChange.js';
import type { SentCard } from '../domain/weeklyCard.js';
import {
  subscriptionSchema,
  type Subscription,
  type SubscriptionEnd,
  type SubscriptionHold,
} from '../domain/subscription.js';
import type { NewAuditRecord } from '../domain/audit.js';
import {
  renamedSubscriptionRecords,
  subscribedRecord,
  subscriptionRecords,
  type RenameAudit,
  type SubscribeAudit,
  type SubscriptionAudit,
} from '../domain/conversationAudit.js';
import type { AuditLog } from './auditLog.js';
import { pendingAuditField, recoverPendingAudit, writeAudited } from './auditedWrite.js';
import { JsonDocument } from './document.js';
import type { WriteGate } from './writeGate.js';
import { StoreFileError, type Storage } from './storage.js';

const subscriptionsFileSchema = z.object({
  version: z.literal(1),
  subscriptions: z.array(subscriptionSchema),
  ...pendingAuditField,
});

type SubscriptionsFile = z.infer<typeof subscriptionsFileSchema>;

/** A subscribe request (src/domain/subscriptionChange.ts). */
type SubscribeRequest = SubscriptionRequest;

/** created: a first subscription; changed: an active one got a new schedule; resumed: an ended one came back. */
type SubscribeResult = Subscribed;

/**
 * The current form of a stored conversation reference, given one of any earlier form. Supplied by the
 * bot layer, which owns the references (src/channel/conversationReference.ts); throws for one it cannot read.
 */
export type ReferenceUpgrade = (reference: Record<string, unknown>) => Record<string, unknown>;

export class SubscriptionStore {
  private constructor(
    private readonly doc: JsonDocument<SubscriptionsFile>,
    private readonly audit: AuditLog,
  ) {}

  /**
   * Opens subscriptions.json. With `upgradeReference`, references of an earlier form are rewritten
   * to the current one, in one atomic write, and only when every one of them could be read: one
   * that cannot stops the start with a StoreFileError and the file is left as it was. Audit records
   * the file carries that a crash kept out of `audit` are appended to it.
   */
  static async open(
    storage: Storage,
    audit: AuditLog,
    upgradeReference?: ReferenceUpgrade,
    gate?: WriteGate,
  ): Promise<SubscriptionStore> {
    const { document } = await JsonDocument.open(
      storage.document('subscriptions'),
      subscriptionsFileSchema,
      () => ({
        version: 1 as const,
        subscriptions: [],
      }),
      gate,
    );
    await recoverPendingAudit(audit, [document]);
    if (upgradeReference) await SubscriptionStore.upgradeReferences(document, upgradeReference);
    return new SubscriptionStore(document, audit);
  }

  private static async upgradeReferences(
    doc: JsonDocument<SubscriptionsFile>,
    upgrade: ReferenceUpgrade,
  ): Promise<void> {
    const upgraded = doc.data.subscriptions.map((s) => {
      try {
        return upgrade(s.reference);
      } catch (error) {
        throw new StoreFileError(doc.label, `prenumerationen ${s.id}: ${(error as Error).message}`);
      }
    });
    const changed = upgraded.some((r, i) => JSON.stringify(r) !== JSON.stringify(doc.data.subscriptions[i]?.reference));
    if (!changed) return;
    await doc.update((data) => {
      data.subscriptions.forEach((s, i) => {
        s.reference = upgraded[i] ?? s.reference;
      });
    });
  }

  all(): readonly Subscription[] {
    return this.doc.data.subscriptions;
  }

  active(): Subscription[] {
    return this.all().filter((s) => s.ended === undefined);
  }

  get(id: string): Subscription | undefined {
    return this.all().find((s) => s.id === id);
  }

  forConversation(conversationId: string): Subscription | undefined {
    return this.all().find((s) => s.conversationId === conversationId);
  }

  /**
   * Subscribes the conversation, or sets the schedule of its existing subscription (the rule:
   * subscriptionChange.ts), with its audit record (conversationAudit.ts).
   */
  subscribe(request: SubscribeRequest, audit: SubscribeAudit): Promise<SubscribeResult> {
    return this.apply(
      (list) => subscribe(list, request),
      (result, list) =>
        subscribedRecord(
          audit,
          result,
          list.find((s) => s.conversationId === request.conversation.id),
          request.schedule,
        ),
    );
  }

  /** Ends the conversation's active subscription; undefined when it had none. */
  async end(
    conversationId: string,
    ended: SubscriptionEnd,
    audit: SubscriptionAudit,
  ): Promise<Subscription | undefined> {
    return (
      await this.apply(
        (list) => endSubscriptions(list, { conversationId }, ended),
        (result) => subscriptionRecords(audit, result),
      )
    )[0];
  }

  /** Ends every active subscription of the conversation or, for a team, of any of its channels. */
  endWhere(
    selection: ConversationSelection,
    ended: SubscriptionEnd,
    audit: SubscriptionAudit,
  ): Promise<Subscription[]> {
    return this.apply(
      (list) => endSubscriptions(list, selection, ended),
      (result) => subscriptionRecords(audit, result),
    );
  }

  /**
   * Resumes the selected subscriptions ended for `reason` (a deleted channel or team restored in
   * Teams); the week already sent stays sent. Returns them as they are now.
   */
  resumeEnded(
    selection: ConversationSelection,
    reason: SubscriptionEnd['reason'],
    audit: SubscriptionAudit,
  ): Promise<Subscription[]> {
    return this.apply(
      (list) => resumeSubscriptions(list, selection, reason),
      (result) => subscriptionRecords(audit, result),
    );
  }

  /** The conversation's channel got a new name: every subscription of it (active or ended) follows. Returns [before, after] pairs. */
  rename(
    conversationId: string,
    name: string,
    audit: RenameAudit<SubscriptionAudit>,
  ): Promise<{ from: string | undefined; subscription: Subscription }[]> {
    return this.apply(
      (list) => renameSubscriptions(list, conversationId, name),
      (result) => renamedSubscriptionRecords(audit, result, name),
    );
  }

  /** Holds the team's active subscriptions (an archived team): none is sent until released. */
  hold(teamId: string, held: SubscriptionHold, audit: SubscriptionAudit): Promise<Subscription[]> {
    return this.apply(
      (list) => holdSubscriptions(list, teamId, held),
      (result) => subscriptionRecords(audit, result),
    );
  }

  /** Releases the team's held subscriptions (the team unarchived); they go on by their schedule. */
  release(teamId: string, reason: SubscriptionHold['reason'], audit: SubscriptionAudit): Promise<Subscription[]> {
    return this.apply(
      (list) => releaseSubscriptions(list, teamId, reason),
      (result) => subscriptionRecords(audit, result),
    );
  }

  /** Pauses the subscription for the ISO week in `paused` (a temporary block); undefined when it is gone. */
  pause(
    id: string,
    paused: NonNullable<Subscription['paused']>,
    audit: SubscriptionAudit,
  ): Promise<Subscription | undefined> {
    return this.apply(
      (list) => pauseSubscription(list, id, paused),
      (result) => subscriptionRecords(audit, result ? [result] : []),
    );
  }

  /**
   * Records that the connector accepted the summary for `week` at `at` (a pause is over then, and
   * `audit` its record when given), and the card it was: its last day and the instant its content
   * was taken, where the next card starts.
   */
  async recordSent(id: string, week: IsoWeekKey, at: Date, card: SentCard, audit?: SubscriptionAudit): Promise<void> {
    await this.apply(
      (list) => recordSubscriptionSent(list, id, week, at, card),
      (result) => subscriptionRecords(audit, result ? [result] : []),
    );
  }

  /**
   * Stores the list a domain rule made with the audit records `records` makes of its answer (and of
   * the list before), in one write, and resolves with the rule's answer once it is on disk.
   */
  private apply<R>(
    change: (list: readonly Subscription[]) => ListChange<Subscription, R>,
    records: (result: R, before: readonly Subscription[]) => NewAuditRecord[],
  ): Promise<R> {
    return writeAudited(this.doc, this.audit, (data) => {
      const before = data.subscriptions;
      const { records: list, result } = change(before);
      data.subscriptions = list;
      return { result, audit: records(result, before) };
    });
  }
}
