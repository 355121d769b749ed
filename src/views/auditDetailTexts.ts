// The detail the bot's own changes write into the audit log, which /historik and the export show
// beside the action: why a subscription resumed, why old notes were cleared, what an agreement copies.
import type { Catalogue } from './catalogue.js';

/** A detail of an audit record written by the bot itself (`by: SYSTEM_ACTOR`). */
export type AuditDetail =
  /** A weekly summary sent again after a week paused by a block (`block`: its code, e.g. "botDisabled"). */
  | { code: 'auditDetail.resumedAfterPause'; block: string; week: string }
  /** The nightly clearing of notes older than the retention period. */
  | { code: 'auditDetail.notesRetention'; months: number }
  /** An agreement made by /nytt-medborgarlöfte, copied from the one with this id. */
  | { code: 'auditDetail.copiedFrom'; agreementId: string };

/** The detail for each audit record the bot writes itself. */
export const auditDetailTexts: Catalogue<AuditDetail> = {
  'auditDetail.resumedAfterPause': ({ block, week }) => `efter paus (${block}) vecka ${week}`,
  'auditDetail.notesRetention': ({ months }) => `retention: anteckningar äldre än ${months} månader`,
  'auditDetail.copiedFrom': ({ agreementId }) => `kopia av ${agreementId}`,
};
