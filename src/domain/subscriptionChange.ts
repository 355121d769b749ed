// The weekly card's subscription rules, as functions over the stored list: subscribing (created,
// changed or resumed), ending, resuming after a restore in Teams, renames, holds, pauses and the
// week sent. Every store applies these, so a subscription behaves the same whichever store holds it.
import type { Person } from './entry.js';
import type { IsoWeekKey, Schedule } from './schedule.js';
import {
  subscriptionSchema,
  type ConversationKindCode,
  type Subscription,
  type SubscriptionEnd,
  type SubscriptionHold,
} from './subscription.js';
import type { SentCard } from './weeklyCard.js';
import {
  changeWhere,
  inTeam,
  isSelected,
  without,
  type ConversationSelection,
  type ListChange,
} from './conversationSelection.js';

/** A subscribe request, as the port takes it (see src/app/port/conversations.ts). */
export interface SubscriptionRequest {
  conversation: { id: string; kind: ConversationKindCode; name?: string; tenantId?: string; teamId?: string };
  areaId?: string;
  reference: Record<string, unknown>;
  schedule: Schedule;
  by: Person;
  at: Date;
  newId: () => string;
}

export interface Subscribed {
  subscription: Subscription;
  change: 'created' | 'changed' | 'resumed';
}

/**
 * Subscribes the conversation, or sets the schedule of its existing subscription (an ended one is
 * resumed). The week already sent stays sent, so subscribing again that week sends nothing twice.
 * Throws ZodError for a request that makes no valid subscription.
 */
export function subscribe(
  list: readonly Subscription[],
  request: SubscriptionRequest,
): ListChange<Subscription, Subscribed> {
  const at = request.at.toISOString();
  const { conversation } = request;
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
  const index = list.findIndex((s) => s.conversationId === conversation.id);
  const existing = list[index];
  if (existing) {
    const updated = subscriptionSchema.parse(
      without({ ...structuredClone(existing), ...structuredClone(fields) }, 'ended'),
    );
    const records = [...list];
    records[index] = updated;
    return {
      records,
      result: { subscription: structuredClone(updated), change: existing.ended ? 'resumed' : 'changed' },
    };
  }
  const created = subscriptionSchema.parse({
    id: request.newId(),
    conversationId: conversation.id,
    ...structuredClone(fields),
    createdBy: request.by,
    createdAt: at,
  });
  return { records: [...list, created], result: { subscription: structuredClone(created), change: 'created' } };
}

/** Ends every active subscription selected. */
export function endSubscriptions(
  list: readonly Subscription[],
  selection: ConversationSelection,
  ended: SubscriptionEnd,
): ListChange<Subscription, Subscription[]> {
  return changeWhere(
    list,
    (s) => s.ended === undefined && isSelected(selection, s),
    (s) => ({ ...s, ended: structuredClone(ended) }),
  );
}

/** Resumes the selected subscriptions ended for `reason` (a deleted channel or team restored); the week sent stays sent. */
export function resumeSubscriptions(
  list: readonly Subscription[],
  selection: ConversationSelection,
  reason: SubscriptionEnd['reason'],
): ListChange<Subscription, Subscription[]> {
  return changeWhere(
    list,
    (s) => s.ended?.reason === reason && isSelected(selection, s),
    (s) => without(s, 'ended'),
  );
}

/** The conversation's subscriptions (active or ended) take its new name; each changed one with its old name. */
export function renameSubscriptions(
  list: readonly Subscription[],
  conversationId: string,
  name: string,
): ListChange<Subscription, { from: string | undefined; subscription: Subscription }[]> {
  const shown = name.slice(0, 200);
  const from = new Map(list.map((s) => [s.id, s.conversationName]));
  const { records, result } = changeWhere(
    list,
    (s) => s.conversationId === conversationId && s.conversationName !== shown,
    (s) => ({ ...s, conversationName: shown }),
  );
  return { records, result: result.map((subscription) => ({ from: from.get(subscription.id), subscription })) };
}

/** Holds the team's active subscriptions not held yet (an archived team): none is sent until released. */
export function holdSubscriptions(
  list: readonly Subscription[],
  teamId: string,
  held: SubscriptionHold,
): ListChange<Subscription, Subscription[]> {
  return changeWhere(
    list,
    (s) => s.ended === undefined && !s.held && inTeam(s, teamId),
    (s) => ({ ...s, held: structuredClone(held) }),
  );
}

/** Releases the team's subscriptions held for `reason` (the team unarchived). */
export function releaseSubscriptions(
  list: readonly Subscription[],
  teamId: string,
  reason: SubscriptionHold['reason'],
): ListChange<Subscription, Subscription[]> {
  return changeWhere(
    list,
    (s) => s.held?.reason === reason && inTeam(s, teamId),
    (s) => without(s, 'held'),
  );
}

/** Pauses the subscription for the week in `paused`; undefined when there is no such subscription. */
export function pauseSubscription(
  list: readonly Subscription[],
  id: string,
  paused: NonNullable<Subscription['paused']>,
): ListChange<Subscription, Subscription | undefined> {
  const { records, result } = changeWhere(
    list,
    (s) => s.id === id,
    (s) => ({ ...s, paused: structuredClone(paused) }),
  );
  return { records, result: result[0] };
}

/** Records the card for `week` as accepted at `at` (a pause is over then) and which card it was. */
export function recordSubscriptionSent(
  list: readonly Subscription[],
  id: string,
  week: IsoWeekKey,
  at: Date,
  card: SentCard,
): ListChange<Subscription, Subscription | undefined> {
  const { records, result } = changeWhere(
    list,
    (s) => s.id === id,
    (s) =>
      without(
        {
          ...s,
          lastSentWeek: week,
          lastSentAt: at.toISOString(),
          lastCard: { through: card.through, cutAt: card.cutAt.toISOString() },
        },
        'paused',
      ),
  );
  return { records, result: result[0] };
}

/** True when the subscription's card for `week` may still be claimed: it exists and that week was not sent. */
export function weekClaimable(subscription: Subscription | undefined, week: IsoWeekKey): boolean {
  return subscription !== undefined && subscription.lastSentWeek !== week;
}
