// A logged piece of work (loggad insats) and the audit records around it.
import { z } from 'zod';
import { isoDateSchema, type Agreement } from './agreement.js';

export const personSchema = z.object({
  id: z.string().min(1),
  name: z.string(),
});

export const removalSchema = z.object({
  by: personSchema,
  at: z.string().datetime(),
  // undo: /ångra or the card's Ångra; remove: Ta bort in /mina; messageDeleted: the /logga
  // message was deleted in Teams.
  reason: z.enum(['undo', 'remove', 'messageDeleted']),
  // The message that asked for the removal, so a redelivered "/ångra" removes nothing more.
  sourceId: z.string().optional(),
});

/** What an entry says about the work: what a correction may change. */
export const entryFieldsSchema = z.object({
  activityId: z.string().min(1),
  date: isoDateSchema,
  place: z.string().optional(),
  count: z.number().int().positive(),
  hours: z.number().positive().optional(),
  participants: z.number().int().positive().optional(),
  note: z.string().optional(),
});

/** One correction of an entry: who, when, why, and what the entry said before it. */
export const entryChangeSchema = z.object({
  by: personSchema,
  at: z.string().datetime(),
  // edit: Ändra in /mina; messageEdited: the /logga message was edited in Teams; restored: an
  // entry removed because its message was deleted was kept after all (Behåll, or the message
  // restored in Teams).
  reason: z.enum(['edit', 'messageEdited', 'restored']),
  before: entryFieldsSchema,
  // restored: the removal taken back, so the entry's record still says who removed it and when.
  removed: removalSchema.optional(),
});

export const entrySchema = z.object({
  id: z.string().min(1),
  agreementId: z.string().min(1),
  // What the entry says about the work, in the same order as ever, so stored files read the same.
  // participants ("6 deltagare") is absent in entries logged before it was asked for.
  ...entryFieldsSchema.shape,
  by: personSchema,
  loggedAt: z.string().datetime(),
  // The Teams activity (or card click) that produced the entry: a redelivery must not log twice.
  sourceId: z.string().optional(),
  // The occasion (tillfälle) the entry is part of (see occasion.ts); absent in entries stored
  // before occasions, each of which is an occasion of its own.
  occasionId: z.string().min(1).optional(),
  // Undo never deletes: the entry stays, marked, so the year's record shows who took what back.
  removed: removalSchema.optional(),
  // Corrections, oldest first; absent until the entry is first changed.
  history: z.array(entryChangeSchema).optional(),
  // The note was cleared (retention, or a coordinator): the entry, its date and count stay.
  noteCleared: z
    .object({ at: z.string().datetime(), reason: z.enum(['retention', 'coordinator']), by: personSchema.optional() })
    .optional(),
});

export const completionSchema = z.object({
  activityId: z.string().min(1),
  date: isoDateSchema,
  by: personSchema,
  at: z.string().datetime(),
});

export type Person = z.infer<typeof personSchema>;
export type Entry = z.infer<typeof entrySchema>;
export type EntryFields = z.infer<typeof entryFieldsSchema>;
export type EntryChange = z.infer<typeof entryChangeSchema>;

/** The fields of an entry, for its history. */
export function fieldsOf(entry: Entry): EntryFields {
  return entryFieldsSchema.parse({
    activityId: entry.activityId,
    date: entry.date,
    count: entry.count,
    ...(entry.place !== undefined ? { place: entry.place } : {}),
    ...(entry.hours !== undefined ? { hours: entry.hours } : {}),
    ...(entry.participants !== undefined ? { participants: entry.participants } : {}),
    ...(entry.note !== undefined ? { note: entry.note } : {}),
  });
}
export type Completion = z.infer<typeof completionSchema>;

/**
 * The order an entry's fields are named in, in an audit record's changes and wherever they are
 * read back: a store may hand the record's fields back in another order (PostgreSQL's jsonb does).
 */
export const ENTRY_FIELD_ORDER = ['activityId', 'date', 'place', 'count', 'hours', 'participants', 'note'] as const;

/**
 * What changed between two versions of an entry's fields, for the audit record: field → from/to.
 * A note is named without its text (audit records never hold it). Empty when nothing changed.
 */
export function fieldChanges(
  before: EntryFields,
  after: EntryFields,
): Record<string, { from?: string | number | null; to?: string | number | null }> {
  const out: Record<string, { from?: string | number | null; to?: string | number | null }> = {};
  for (const key of ['activityId', 'date', 'place', 'count', 'hours', 'participants'] as const) {
    if (before[key] !== after[key]) out[key] = { from: before[key] ?? null, to: after[key] ?? null };
  }
  if (before.note !== after.note) out.note = {};
  return out;
}

/**
 * Every field a new entry has, for the audit record of logging it: field → { to }. A note is named
 * without its text ("note": {}), as in fieldChanges: audit records never hold it.
 */
export function loggedFields(fields: EntryFields): Record<string, { to?: string | number }> {
  const out: Record<string, { to?: string | number }> = {};
  for (const key of ['activityId', 'date', 'place', 'count', 'hours', 'participants'] as const) {
    const value = fields[key];
    if (value !== undefined) out[key] = { to: value };
  }
  if (fields.note !== undefined) out.note = {};
  return out;
}

export function isActive(entry: Entry): boolean {
  return entry.removed === undefined;
}

/** Why an entry cannot belong to an agreement; the store says it in words (src/views/storeTexts.ts). */
export type EntryAgreementProblem =
  | { code: 'refused.entryOfOtherAgreement'; entryId: string; agreementId: string; expected: string }
  | { code: 'refused.entryUnknownActivity'; entryId: string; activityId: string; agreementId: string }
  | { code: 'refused.entryOutsidePeriod'; entryId: string; date: string; start: string; end: string };

/**
 * Why a stored entry cannot belong to the agreement whose file holds it (for the store's validation),
 * or undefined when it can: it must name that agreement, one of its activities, and a date inside its
 * period (PRODUCT.md: an entry belongs to the agreement whose period holds its date; one outside would
 * silently drop out of every figure).
 */
export function entryAgreementProblem(
  entry: Pick<Entry, 'id' | 'agreementId' | 'activityId' | 'date'>,
  agreement: Pick<Agreement, 'id' | 'period' | 'activities' | 'removedActivities'>,
): EntryAgreementProblem | undefined {
  const entryId = entry.id;
  if (entry.agreementId !== agreement.id)
    return { code: 'refused.entryOfOtherAgreement', entryId, agreementId: entry.agreementId, expected: agreement.id };
  // A removed activity keeps its entries (see removedActivities).
  if (![...agreement.activities, ...(agreement.removedActivities ?? [])].some((a) => a.id === entry.activityId))
    return { code: 'refused.entryUnknownActivity', entryId, activityId: entry.activityId, agreementId: agreement.id };
  const { start, end } = agreement.period;
  if (entry.date < start || entry.date > end)
    return { code: 'refused.entryOutsidePeriod', entryId, date: entry.date, start, end };
  return undefined;
}

/** The optional details of a log as a parser, a card or an entry holds them; absent ones may be undefined. */
export interface LogDetails {
  place?: string | undefined;
  hours?: number | undefined;
  participants?: number | undefined;
  note?: string | undefined;
}

/**
 * The details that were given, ready to spread into an entry, a draft or a card's data: an empty
 * place or note and an undefined number are left out, as a stored entry leaves them out (so the
 * JSON a card carries and the entry's file hold no empty fields).
 */
export function givenDetails(details: LogDetails): Pick<EntryFields, 'place' | 'hours' | 'participants' | 'note'> {
  return {
    ...(details.place ? { place: details.place } : {}),
    ...(details.hours !== undefined ? { hours: details.hours } : {}),
    ...(details.participants !== undefined ? { participants: details.participants } : {}),
    ...(details.note ? { note: details.note } : {}),
  };
}
