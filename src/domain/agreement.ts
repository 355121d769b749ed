// The yearly agreement (medborgarlöfte), its promises (löften) and activities (aktiviteter).
// The schema is the single source of truth: bundled files, the store and copied agreements are
// all validated against it, and the TypeScript types are inferred from it. Its own messages are
// codes (schema.*, src/domain/schemaIssue.ts), said in words by src/views/schemaTexts.ts.
import { z } from 'zod';
import { isValidIsoDate } from './calendar.js';

/** `YYYY-MM-DD` naming a real calendar day (2020-02-31 is refused: every date is read by the calendar). */
export const isoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'schema.dateForm')
  .refine((s) => !/^\d{4}-\d{2}-\d{2}$/.test(s) || isValidIsoDate(s), {
    message: 'schema.dateNotInCalendar',
  });

const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'schema.idForm');

export const targetSchema = z.discriminatedUnion('kind', [
  // "minst fyra tillfällen" → count 4. Progress reads "N av M".
  z.object({ kind: z.literal('count'), count: z.number().int().positive(), unit: z.string().min(1) }),
  // "veckovisa torsdagsmöten", "natthelger", "kontinuerligt": periods covered of periods due.
  z.object({ kind: z.literal('recurring'), rhythm: z.enum(['weekly', 'weekendNights', 'monthly']) }),
  // "genomföra en enkätundersökning": inte påbörjad → pågående → genomförd (marked by a coordinator).
  z.object({ kind: z.literal('milestone') }),
  // "fortsätta sitt aktiva arbete": no measurable goal; progress is what was logged.
  z.object({ kind: z.literal('ongoing') }),
]);

const promiseSchema = z.object({
  id: slug,
  text: z.string().min(1),
});

const activitySchema = z.object({
  id: slug,
  name: z.string().min(1),
  text: z.string().min(1),
  promiseIds: z.array(slug).min(1),
  parties: z.array(z.string().min(1)).min(1),
  places: z.array(z.string().min(1)),
  keywords: z.array(z.string().min(1)).min(1),
  // The work concerns individuals (SIG cases, orosanmälningar: young people): a note that seems to
  // name someone is asked about before it is stored. Absent: decided from the activity's words
  // (see isAboutIndividuals in noteNames.ts), so agreements stored before the flag are covered.
  aboutIndividuals: z.boolean().optional(),
  target: targetSchema,
});

export const agreementSchema = z
  .object({
    id: slug,
    area: slug,
    title: z.string().min(1),
    municipality: z.string().min(1),
    policeArea: z.string().min(1),
    parties: z.array(z.string().min(1)).min(1),
    period: z.object({ start: isoDateSchema, end: isoDateSchema }),
    promises: z.array(promiseSchema).min(1),
    activities: z.array(activitySchema).min(1),
    // Activities a coordinator removed after saving while they had entries (/medborgarlöfte ändra):
    // kept so their entries stay readable and valid, but no longer part of the agreement's figures.
    removedActivities: z.array(activitySchema).optional(),
    copiedFrom: slug.optional(),
    // Made from a published text with /importera: the text as pasted, who saved it and when.
    imported: z
      .object({
        by: z.object({ id: z.string().min(1), name: z.string() }),
        at: z.string().min(1),
        source: z.string().min(1),
      })
      .optional(),
  })
  .superRefine((a, ctx) => {
    if (a.period.start > a.period.end) {
      ctx.addIssue({ code: 'custom', message: 'schema.periodReversed', path: ['period'] });
    }
    const promiseIds = new Set(a.promises.map((p) => p.id));
    if (promiseIds.size !== a.promises.length) {
      ctx.addIssue({ code: 'custom', message: 'schema.promiseIdTwice', path: ['promises'] });
    }
    const activityIds = new Set([...a.activities, ...(a.removedActivities ?? [])].map((x) => x.id));
    if (activityIds.size !== a.activities.length + (a.removedActivities ?? []).length) {
      ctx.addIssue({ code: 'custom', message: 'schema.activityIdTwice', path: ['activities'] });
    }
    a.activities.forEach((act, i) => {
      for (const pid of act.promiseIds) {
        if (!promiseIds.has(pid)) {
          ctx.addIssue({
            code: 'custom',
            message: 'schema.unknownPromise',
            params: { promiseId: pid },
            path: ['activities', i, 'promiseIds'],
          });
        }
      }
    });
  });

export type IsoDate = string;
export type Target = z.infer<typeof targetSchema>;
export type AgreementPromise = z.infer<typeof promiseSchema>;
export type Activity = z.infer<typeof activitySchema>;
export type Agreement = z.infer<typeof agreementSchema>;

/**
 * The activity with this id, also one removed after saving (removedActivities): what names an
 * entry in a list or a history. Undefined when the agreement has no such activity.
 */
export function activityNamedBy(agreement: Agreement | undefined, activityId: string): Activity | undefined {
  if (!agreement) return undefined;
  return (
    agreement.activities.find((a) => a.id === activityId) ??
    agreement.removedActivities?.find((a) => a.id === activityId)
  );
}

/** The agreement whose period holds the date, if any. */
export function agreementForDate(agreements: readonly Agreement[], date: IsoDate): Agreement | undefined {
  return agreements.find((a) => a.period.start <= date && date <= a.period.end);
}

/** Agreements whose period touches the calendar year, latest start first. */
export function agreementsForYear(agreements: readonly Agreement[], year: number): Agreement[] {
  const first = `${year}-01-01`;
  const last = `${year}-12-31`;
  return agreements
    .filter((a) => a.period.start <= last && first <= a.period.end)
    .sort((x, y) => y.period.start.localeCompare(x.period.start));
}

/**
 * Refusal to add an agreement that would be a second one with the same id, or overlap another's period
 * (PRODUCT.md: an entry belongs to the agreement whose period holds its date, so periods must not overlap).
 * The message is technical; where a person reads it, it is said from `reason` and the ids
 * (agreementConflictText, src/views/storeTexts.ts).
 */
export class AgreementConflictError extends Error {
  override name = 'AgreementConflictError';
  /** Its entry in the error catalogue (src/errors; the domain imports nothing outside itself, so the code is spelled here). */
  readonly code = 'agreement.conflict';
  constructor(
    readonly reason: 'duplicate' | 'overlap',
    readonly agreementId: string,
    readonly conflictsWith: string,
  ) {
    super(`agreement ${agreementId}: ${reason === 'duplicate' ? 'id taken' : `period overlaps ${conflictsWith}`}`);
  }
}

/**
 * Two agreements of the list whose periods overlap, if any. Within one area an entry belongs to
 * the agreement whose period holds its date, so that must be one agreement; areas may overlap.
 */
export function overlappingAgreements(agreements: readonly Agreement[]): [Agreement, Agreement] | undefined {
  const sorted = [...agreements].sort((a, b) => a.period.start.localeCompare(b.period.start));
  for (let i = 0; i + 1 < sorted.length; i++) {
    const a = sorted[i];
    const next = sorted[i + 1];
    if (a && next && next.period.start <= a.period.end) return [a, next];
  }
  return undefined;
}
