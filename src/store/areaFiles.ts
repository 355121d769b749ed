// The formats of the area documents: areas.json (which areas exist), area-<id>.json (one area:
// its settings, agreements, conversation bindings and the record of their changes), and the
// single-area agreements.json that stores written before areas are upgraded from.
import { z } from 'zod';
import { areaIdSchema, areaSchema } from '../domain/area.js';
import { agreementSchema, overlappingAgreements } from '../domain/agreement.js';
import { personSchema } from '../domain/entry.js';
import { pendingAuditField } from './auditedWrite.js';
import { storeText } from '../views/storeTexts.js';

export const areaIndexSchema = z
  .object({
    version: z.literal(1),
    areas: z.array(areaIdSchema),
  })
  .refine((index) => new Set(index.areas).size === index.areas.length, {
    message: storeText({ code: 'file.areaListedTwice' }),
    path: ['areas'],
  });

const bindingRecordSchema = z.object({
  target: z.enum(['conversation', 'team']),
  /** The conversation's or the team's id. */
  id: z.string().min(1).max(500),
  by: personSchema,
  at: z.string().datetime(),
});

const AREA_ACTIONS = [
  'created',
  'upgraded',
  'agreementAdded',
  'agreementChanged',
  'tenantsSet',
  'coordinatorsSet',
  'coordinatorAdded',
  'coordinatorRemoved',
  'bound',
  'unbound',
  'responsibleAdded',
  'responsibleRemoved',
  'reminderTimeSet',
] as const;

/** One change to the area, kept for good: who, when, what. */
const areaChangeSchema = z.object({
  at: z.string().datetime(),
  by: personSchema,
  action: z.enum(AREA_ACTIONS),
  detail: z.string().max(1000).optional(),
});

/** Agreements of one area: ids unique, periods apart. */
export function checkAreaAgreements(
  areaId: string,
  agreements: readonly z.infer<typeof agreementSchema>[],
  ctx: z.RefinementCtx,
): void {
  agreements.forEach((a, i) => {
    if (a.area !== areaId)
      ctx.addIssue({
        code: 'custom',
        message: storeText({ code: 'refused.agreementOfOtherArea', agreementId: a.id, area: a.area, expected: areaId }),
        path: ['agreements', i, 'area'],
      });
  });
  if (new Set(agreements.map((a) => a.id)).size !== agreements.length)
    ctx.addIssue({ code: 'custom', message: storeText({ code: 'refused.sameAgreementId' }), path: ['agreements'] });
  const overlap = overlappingAgreements(agreements);
  if (overlap)
    ctx.addIssue({
      code: 'custom',
      message: storeText({ code: 'refused.overlap', first: overlap[0].id, second: overlap[1].id }),
      path: ['agreements'],
    });
}

export const areaFileSchema = z
  .object({
    version: z.literal(1),
    area: areaSchema,
    agreements: z.array(agreementSchema),
    bindings: z.array(bindingRecordSchema),
    history: z.array(areaChangeSchema),
    /**
     * The audit records of the change this file was last written for, in the same write: appended
     * to audit.jsonl right after it, and at the next start when a crash came first (by id, once).
     * Absent in files written before it; the next write replaces it.
     */
    ...pendingAuditField,
  })
  .superRefine((file, ctx) => {
    checkAreaAgreements(file.area.id, file.agreements, ctx);
    const keys = file.bindings.map((b) => `${b.target}:${b.id}`);
    if (new Set(keys).size !== keys.length)
      ctx.addIssue({ code: 'custom', message: storeText({ code: 'file.bindingTwice' }), path: ['bindings'] });
  });

/** agreements.json of the single-area version: read once, to upgrade from, and never written. */
export const legacyAgreementsFileSchema = z
  .object({
    version: z.literal(1),
    agreements: z.array(agreementSchema),
  })
  .superRefine((file, ctx) => {
    const overlap = overlappingAgreements(file.agreements);
    if (overlap)
      ctx.addIssue({
        code: 'custom',
        message: storeText({ code: 'refused.overlap', first: overlap[0].id, second: overlap[1].id }),
        path: ['agreements'],
      });
    if (new Set(file.agreements.map((a) => a.id)).size !== file.agreements.length)
      ctx.addIssue({ code: 'custom', message: storeText({ code: 'refused.sameAgreementId' }), path: ['agreements'] });
  });

export type AreaIndexFile = z.infer<typeof areaIndexSchema>;
export type AreaFile = z.infer<typeof areaFileSchema>;
type AreaChange = z.infer<typeof areaChangeSchema>;
export type AreaAction = AreaChange['action'];

export const areaDocumentName = (areaId: string): string => `area-${areaId}`;
