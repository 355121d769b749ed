// A logged piece of work (loggad insats) and the audit records around it.
import { z } from 'zod';
import { isoDateSchema } from './agreement.js';

export const personSchema = z.object({
  id: z.string().min(1),
  name: z.string(),
});

const removalSchema = z.object({
  by: personSchema,
  at: z.string().datetime(),
  reason: z.enum(['undo']),
  // The message that asked for the removal, so a redelivered "/ångra" removes nothing more.
  sourceId: z.string().optional(),
});

export const entrySchema = z.object({
  id: z.string().min(1),
  agreementId: z.string().min(1),
  activityId: z.string().min(1),
  date: isoDateSchema,
  place: z.string().optional(),
  count: z.number().int().positive(),
  hours: z.number().positive().optional(),
  // People taking part ("6 deltagare"); absent in entries logged before it was asked for.
  participants: z.number().int().positive().optional(),
  note: z.string().optional(),
  by: personSchema,
  loggedAt: z.string().datetime(),
  // The Teams activity (or card click) that produced the entry: a redelivery must not log twice.
  sourceId: z.string().optional(),
  // Undo never deletes: the entry stays, marked, so the year's record shows who took what back.
  removed: removalSchema.optional(),
});

export const completionSchema = z.object({
  activityId: z.string().min(1),
  date: isoDateSchema,
  by: personSchema,
  at: z.string().datetime(),
});

export type Person = z.infer<typeof personSchema>;
export type Entry = z.infer<typeof entrySchema>;
export type Completion = z.infer<typeof completionSchema>;

export function isActive(entry: Entry): boolean {
  return entry.removed === undefined;
}
