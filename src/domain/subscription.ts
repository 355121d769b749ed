// A conversation's weekly summary subscription (prenumeration). One per conversation; ending it
// keeps the record (who ended it, when and why), and subscribing again brings it back.
import { z } from 'zod';
import { isoDateSchema } from './agreement.js';
import { stockholmDate, type IsoWeekday } from './calendar.js';
import { personSchema } from './entry.js';
import type { Schedule, ScheduleState } from './schedule.js';
import type { SentCard } from './weeklyCard.js';

const conversationKindSchema = z.enum(['personal', 'channel', 'groupChat']);

const endedSchema = z.object({
  at: z.string().datetime(),
  // unsubscribed: /avprenumerera; uninstalled: the bot was removed; unreachable: the connector said
  // 403/404; channelDeleted, teamDeleted: Teams said so (a restore in Teams resumes it).
  reason: z.enum(['unsubscribed', 'uninstalled', 'unreachable', 'channelDeleted', 'teamDeleted']),
  by: personSchema.optional(),
  detail: z.string().max(500).optional(),
});

export const subscriptionSchema = z.object({
  id: z.string().min(1),
  conversationId: z.string().min(1),
  conversationKind: conversationKindSchema,
  conversationName: z.string().max(200).optional(),
  tenantId: z.string().optional(),
  teamId: z.string().optional(),
  // The area the conversation worked in when it subscribed (absent in stores from before areas).
  areaId: z.string().max(100).optional(),
  // Opaque to everything but the bot layer, which wrote it (a Bot Framework conversation reference).
  reference: z.record(z.string(), z.unknown()),
  weekday: z.number().int().min(1).max(7),
  time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/u),
  // When the schedule was last set: a due time before it does not trigger a send.
  since: z.string().datetime(),
  createdBy: personSchema,
  createdAt: z.string().datetime(),
  lastSentWeek: z
    .string()
    .regex(/^\d{4}-W\d{2}$/u)
    .optional(),
  lastSentAt: z.string().datetime().optional(),
  // The last card sent: the last day it covered and the instant its content was taken. The next
  // card starts the day after and reports as late what was recorded after that instant
  // (weeklyCard.ts). Absent in stores from before it was kept: then lastSentAt stands for both.
  lastCard: z
    .object({
      through: isoDateSchema,
      cutAt: z.string().datetime(),
    })
    .optional(),
  ended: endedSchema.optional(),
  // Teams refused this week's summary for a reason that lifts by itself (an administrator switched
  // the bot off, an app policy): no send again that ISO week; the next week tries as usual.
  paused: z
    .object({
      at: z.string().datetime(),
      week: z.string().regex(/^\d{4}-W\d{2}$/u),
      code: z.string().max(100),
      detail: z.string().max(500).optional(),
    })
    .optional(),
  // Held until Teams says otherwise: the team is archived (read-only, nothing can be posted). Not
  // sent while held; unarchiving the team lets it go on.
  held: z
    .object({
      at: z.string().datetime(),
      reason: z.enum(['teamArchived']),
    })
    .optional(),
});

export type Subscription = z.infer<typeof subscriptionSchema>;
export type SubscriptionEnd = z.infer<typeof endedSchema>;
export type SubscriptionHold = NonNullable<Subscription['held']>;

/**
 * What Teams says about a team or channel a subscription may post to (conversationUpdate,
 * channelData.eventType). Ids are Teams' channel and team ids (a channel's id is its conversation id).
 */
export type TeamsConversationEvent =
  | { kind: 'channelRenamed'; channelId: string; name: string }
  | { kind: 'channelDeleted' | 'channelRestored'; channelId: string }
  | { kind: 'teamDeleted' | 'teamArchived' | 'teamUnarchived' | 'teamRestored'; teamId: string };
export type ConversationKindCode = z.infer<typeof conversationKindSchema>;

export function scheduleOf(subscription: Subscription): Schedule {
  return { weekday: subscription.weekday as IsoWeekday, time: subscription.time };
}

export function scheduleStateOf(subscription: Subscription): ScheduleState {
  return {
    schedule: scheduleOf(subscription),
    since: new Date(subscription.since),
    ...(subscription.lastSentWeek ? { lastSentWeek: subscription.lastSentWeek } : {}),
  };
}

/**
 * The last card the subscription was sent, as the next card's rule needs it (weeklyCard.ts), or
 * undefined before its first. A subscription sent before the card's days were kept has only
 * lastSentAt: its cards covered the seven days up to and including the day they were sent, taken
 * just before that instant, so that day counts as covered and that instant as the cut (entries
 * recorded between the card being taken and the connector's answer are counted as reported).
 */
export function lastCardOf(subscription: Subscription): SentCard | undefined {
  if (subscription.lastCard)
    return { through: subscription.lastCard.through, cutAt: new Date(subscription.lastCard.cutAt) };
  if (subscription.lastSentAt) {
    const at = new Date(subscription.lastSentAt);
    return { through: stockholmDate(at), cutAt: at };
  }
  return undefined;
}
