// subscriptions.json: one record per conversation that has ever subscribed. Every change resolves
// only after it is on disk, so "Klart" is never said about a subscription a restart would forget,
// and a week is recorded as sent only after the connector accepted the message.
import { z } from 'zod';
import type { Person } from '../domain/entry.js';
import type { IsoWeekKey, Schedule } from '../domain/schedule.js';
import type { SentCard } from '../domain/weeklyCard.js';
import {
  subscriptionSchema,
  type ConversationKindCode,
  type Subscription,
  type SubscriptionEnd,
  type SubscriptionHold,
} from '../domain/subscription.js';
import { JsonDocument } from './document.js';
import type { WriteGate } from './gate.js';
import { StoreFileError, type Storage } from './storage.js';

const subscriptionsFileSchema = z.object({
  version: z.literal(1),
  subscriptions: z.array(subscriptionSchema),
});

type SubscriptionsFile = z.infer<typeof subscriptionsFileSchema>;

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

/** created: a first subscription; changed: an active one got a new schedule; resumed: an ended one came back. */
export type SubscribeResult = { subscription: Subscription; change: 'created' | 'changed' | 'resumed' };

/**
 * The current form of a stored conversation reference, given one of any earlier form. Supplied by the
 * bot layer, which owns the references (src/channel/conversationReference.ts); throws for one it cannot read.
 */
export type ReferenceUpgrade = (reference: Record<string, unknown>) => Record<string, unknown>;

export class SubscriptionStore {
  private constructor(private readonly doc: JsonDocument<SubscriptionsFile>) {}

  /**
   * Opens subscriptions.json. With `upgradeReference`, references of an earlier form are rewritten
   * to the current one, in one atomic write, and only when every one of them could be read: one
   * that cannot stops the start with a StoreFileError and the file is left as it was.
   */
  static async open(
    storage: Storage,
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
    if (upgradeReference) await SubscriptionStore.upgradeReferences(document, upgradeReference);
    return new SubscriptionStore(document);
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

  /** Subscribes the conversation, or sets the schedule of its existing subscription. */
  subscribe(request: SubscribeRequest): Promise<SubscribeResult> {
    const at = request.at.toISOString();
    const { conversation } = request;
    return this.doc.update((data): SubscribeResult => {
      const existing = data.subscriptions.find((s) => s.conversationId === conversation.id);
      const fields = {
        conversationKind: conversation.kind,
        ...(conversation.name ? { conversationName: conversation.name.slice(0, 200) } : {}),
        ...(conversation.tenantId ? { tenantId: conversation.tenantId } : {}),
        ...(conversation.teamId ? { teamId: conversation.teamId } : {}),
        ...(request.areaId ? { areaId: request.areaId } : {}),
        reference: request.reference,
        weekday: request.schedule.weekday,
        time: request.schedule.time,
        since: at,
      };
      if (existing) {
        const change = existing.ended ? 'resumed' : 'changed';
        // lastSentWeek stays: subscribing again in a week already delivered does not send twice.
        Object.assign(existing, fields);
        delete existing.ended;
        return { subscription: subscriptionSchema.parse(structuredClone(existing)), change };
      }
      const created: Subscription = subscriptionSchema.parse({
        id: request.newId(),
        conversationId: conversation.id,
        ...fields,
        createdBy: request.by,
        createdAt: at,
      });
      data.subscriptions.push(created);
      return { subscription: structuredClone(created), change: 'created' };
    });
  }

  /** Ends the conversation's active subscription; undefined when it had none. */
  async end(conversationId: string, ended: SubscriptionEnd): Promise<Subscription | undefined> {
    return (await this.endWhere((s) => s.conversationId === conversationId, ended))[0];
  }

  /** Ends every active subscription of the conversation or, for a team, of any of its channels. */
  endForRemoval(conversationId: string, teamId: string | undefined, ended: SubscriptionEnd): Promise<Subscription[]> {
    return this.endWhere(
      (s) => s.conversationId === conversationId || (teamId !== undefined && s.teamId === teamId),
      ended,
    );
  }

  /** Ends every active subscription of the team (its channels and the team's own conversation). */
  endForTeam(teamId: string, ended: SubscriptionEnd): Promise<Subscription[]> {
    return this.endWhere((s) => inTeam(s, teamId), ended);
  }

  /**
   * Resumes the subscriptions that `match` and were ended for `reason` (a deleted channel or team
   * restored in Teams); the week already sent stays sent. Returns them as they are now.
   */
  resumeEnded(match: (s: Subscription) => boolean, reason: SubscriptionEnd['reason']): Promise<Subscription[]> {
    return this.doc.update((data) => {
      const resuming = data.subscriptions.filter((s) => s.ended?.reason === reason && match(s));
      for (const s of resuming) delete s.ended;
      return structuredClone(resuming);
    });
  }

  /** The conversation's channel got a new name: every subscription of it (active or ended) follows. Returns [before, after] pairs. */
  rename(conversationId: string, name: string): Promise<{ from: string | undefined; subscription: Subscription }[]> {
    const shown = name.slice(0, 200);
    return this.doc.update((data) => {
      const renamed = data.subscriptions.filter(
        (s) => s.conversationId === conversationId && s.conversationName !== shown,
      );
      const out = renamed.map((s) => {
        const from = s.conversationName;
        s.conversationName = shown;
        return { from, subscription: structuredClone(s) };
      });
      return out;
    });
  }

  /** Holds the team's active subscriptions (an archived team): none is sent until released. */
  hold(teamId: string, held: SubscriptionHold): Promise<Subscription[]> {
    return this.doc.update((data) => {
      const holding = data.subscriptions.filter((s) => s.ended === undefined && !s.held && inTeam(s, teamId));
      for (const s of holding) s.held = held;
      return structuredClone(holding);
    });
  }

  /** Releases the team's held subscriptions (the team unarchived); they go on by their schedule. */
  release(teamId: string, reason: SubscriptionHold['reason']): Promise<Subscription[]> {
    return this.doc.update((data) => {
      const releasing = data.subscriptions.filter((s) => s.held?.reason === reason && inTeam(s, teamId));
      for (const s of releasing) delete s.held;
      return structuredClone(releasing);
    });
  }

  private endWhere(match: (s: Subscription) => boolean, ended: SubscriptionEnd): Promise<Subscription[]> {
    return this.doc.update((data) => {
      const ending = data.subscriptions.filter((s) => s.ended === undefined && match(s));
      for (const s of ending) s.ended = ended;
      return structuredClone(ending);
    });
  }

  /** Pauses the subscription for the ISO week in `paused` (a temporary block); undefined when it is gone. */
  pause(id: string, paused: NonNullable<Subscription['paused']>): Promise<Subscription | undefined> {
    return this.doc.update((data) => {
      const subscription = data.subscriptions.find((s) => s.id === id);
      if (!subscription) return undefined;
      subscription.paused = paused;
      return structuredClone(subscription);
    });
  }

  /**
   * Records that the connector accepted the summary for `week` at `at` (a pause is over then), and
   * the card it was: its last day and the instant its content was taken, where the next card starts.
   */
  recordSent(id: string, week: IsoWeekKey, at: Date, card: SentCard): Promise<void> {
    return this.doc.update((data) => {
      const subscription = data.subscriptions.find((s) => s.id === id);
      if (!subscription) return;
      subscription.lastSentWeek = week;
      subscription.lastSentAt = at.toISOString();
      subscription.lastCard = { through: card.through, cutAt: card.cutAt.toISOString() };
      delete subscription.paused;
    });
  }
}

/** A subscription of the team: one of its channels, or the team's own conversation (its General channel). */
function inTeam(s: Subscription, teamId: string): boolean {
  return s.teamId === teamId || s.conversationId === teamId;
}
