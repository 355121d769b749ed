// A person who gets the Monday reminder, as every store keeps them.
import { z } from 'zod';
import { isoDateSchema } from './agreement.js';

export const reminderPersonSchema = z.object({
  /** Teams user id (29:…), when known. */
  userId: z.string().min(1).max(500).optional(),
  aadObjectId: z.string().min(1).max(200).optional(),
  upn: z.string().min(3).max(320).optional(),
  name: z.string().max(200),
  /** The personal chat with the bot, as the bot layer stores references (opaque here). */
  reference: z.record(z.string(), z.unknown()).optional(),
  referenceAt: z.string().datetime().optional(),
  off: z.object({ at: z.string().datetime() }).optional(),
  pausedUntil: isoDateSchema.optional(),
  /** The ISO week whose reminder was claimed (and then sent, or lost to a failure: never twice). */
  lastWeek: z.string().max(10).optional(),
  claimedAt: z.string().datetime().optional(),
  sentAt: z.string().datetime().optional(),
  /** The bot could not reach them (403: the app is not installed for them); told to a coordinator once. */
  unreachable: z
    .object({
      at: z.string().datetime(),
      status: z.number().int().optional(),
      reportedAt: z.string().datetime().optional(),
    })
    .optional(),
});

export type ReminderPerson = z.infer<typeof reminderPersonSchema>;
