// What every store refuses the same way, named once: the port promises these errors (src/app/port/areas.ts),
// and the memory, file and PostgreSQL stores throw the same classes with the same Swedish messages.
import type { Agreement } from '../domain/agreement.js';
import type { Area } from '../domain/area.js';
import { areaFileSchema } from './areaFiles.js';
import { CodedError } from '../errors/codedError.js';
import { firstIssueText } from '../views/schemaTexts.js';

/** An area that cannot be added as it is (its id taken, an agreement clashing); the message says which, in Swedish. Nothing is stored. */
export class AreaRefusedError extends CodedError {
  override name = 'AreaRefusedError';
  readonly code = 'store.areaRefused';
}

/** A changed agreement the store refuses: it would leave an entry outside it, or overlap another. Nothing is stored. */
export class AgreementChangeRefusedError extends CodedError {
  override name = 'AgreementChangeRefusedError';
  readonly code = 'store.agreementChangeRefused';
}

/**
 * The area and its agreements validated as a new area's file holds them (its agreements its own, no
 * id twice, no overlapping periods). Throws AreaRefusedError with the first problem, in Swedish.
 * Whether the ids are taken elsewhere is each store's own check.
 */
export function checkedNewArea(area: Area, agreements: readonly Agreement[]): { area: Area; agreements: Agreement[] } {
  const file = areaFileSchema.safeParse({ version: 1, area, agreements, bindings: [], history: [] });
  if (!file.success) throw new AreaRefusedError(firstIssueText(file.error.issues, 'ogiltigt område'));
  return { area: file.data.area, agreements: file.data.agreements };
}
