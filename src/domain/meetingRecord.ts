// A meeting whose agenda card the bot posts (/möte), as every store keeps it.
import { z } from 'zod';
import { personSchema } from './entry.js';

export const meetingSchema = z.object({
  id: z.string().min(1).max(100),
  conversationId: z.string().min(1).max(500),
  /** The channel's or chat's name, when Teams told it; follows a rename. */
  conversationName: z.string().max(500).optional(),
  /** The channel's team. Meetings set before it was stored have none: a team event cannot reach them. */
  teamId: z.string().min(1).max(500).optional(),
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
  /** `reason` when Teams ended it (the channel or team deleted); a restore resumes only those. */
  ended: z
    .object({
      at: z.string().datetime(),
      by: personSchema,
      reason: z.enum(['channelDeleted', 'teamDeleted']).optional(),
    })
    .optional(),
  /** Held while its team is archived: no agenda card until released. */
  held: z.object({ at: z.string().datetime(), reason: z.literal('teamArchived') }).optional(),
});

export type Meeting = z.infer<typeof meetingSchema>;
