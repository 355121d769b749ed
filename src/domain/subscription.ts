// A conversation's weekly summary subscription (prenumeration). One per conversation; ending it
// keeps the record (who ended it, when and why), and subscribing again brings it back.
import { z } from 'zod';
import type { IsoWeekday } from './calendar.js';
import { personSchema } from './entry.js';
import type { Schedule, ScheduleState } from './schedule.js';

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
