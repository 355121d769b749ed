// Adding and changing an area's agreements in PostgreSQL. Each change holds the area's row (FOR
// UPDATE: an area's agreement list changes one at a time) and, for a change, the agreement's row,
// so an entry being stored (FOR SHARE) is committed first and none is missed by the checks.
import {
  AgreementConflictError,
  agreementSchema,
  overlappingAgreements,
  type Agreement,
} from '../../domain/agreement.js';
import type { NewAuditRecord } from '../../domain/audit.js';
import { entryAgreementProblem, entrySchema, type Person } from '../../domain/entry.js';
import type { ChangeBy } from '../../app/port/index.js';
import { AgreementChangeRefusedError } from '../refusals.js';
import type { Db, Sql } from './db.js';
import { insertAgreement, isUniqueViolation, lockedArea, recordAreaChange } from './areaRows.js';
import { bumpArea, insertAudit } from './rows.js';
import { UnknownRecordError } from '../recordErrors.js';
import { storeText } from '../../views/storeTexts.js';

/** The bot itself, as the file store names it in an area's history when it adds an agreement. */
const SYSTEM: Person = { id: 'system', name: 'boten vid start' };

async function areaAgreements(sql: Sql, areaId: string): Promise<Agreement[]> {
  const rows = await sql<{ body: unknown }>('SELECT body FROM agreements WHERE area_id = $1 ORDER BY position', [
    areaId,
  ]);
  return rows.map((r) => agreementSchema.parse(r.body));
}

/**
 * Adds an agreement to the area its `area` field names, with its history line and audit record;
 * AgreementConflictError when its id is taken or its period overlaps another of the area's.
 */
export async function addAgreement(db: Db, agreement: Agreement, audit: NewAuditRecord): Promise<void> {
  const valid = agreementSchema.parse(agreement);
  try {
    await db.tx(async (sql) => {
      await lockedArea(sql, valid.area);
      if ((await sql('SELECT 1 FROM agreements WHERE id = $1', [valid.id])).length > 0)
        throw new AgreementConflictError('duplicate', valid.id, valid.id);
      const overlap = overlappingAgreements([...(await areaAgreements(sql, valid.area)), valid]);
      if (overlap) {
        const other = overlap[0].id === valid.id ? overlap[1] : overlap[0];
        throw new AgreementConflictError('overlap', valid.id, other.id);
      }
      await insertAgreement(sql, valid);
      await recordAreaChange(
        sql,
        valid.area,
        { action: 'agreementAdded', detail: valid.id },
        { by: SYSTEM, at: new Date(audit.at), via: audit.via },
      );
      await insertAudit(sql, audit);
      await bumpArea(sql, valid.area);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AgreementConflictError('duplicate', valid.id, valid.id);
    throw error;
  }
}

/**
 * Replaces an agreement with its changed version, its history line and audit records together;
 * UnknownRecordError when the area has no such agreement, AgreementChangeRefusedError when an entry
 * would fall outside it or its period would overlap another of the area's.
 */
export async function changeAgreement(
  db: Db,
  agreement: Agreement,
  by: ChangeBy,
  audit: readonly NewAuditRecord[],
): Promise<void> {
  const valid = agreementSchema.parse(agreement);
  await db.tx(async (sql) => {
    await lockedArea(sql, valid.area);
    const held = await sql('SELECT 1 FROM agreements WHERE id = $1 AND area_id = $2 FOR UPDATE', [
      valid.id,
      valid.area,
    ]);
    if (held.length === 0)
      throw new UnknownRecordError(storeText({ code: 'refused.unknownAgreement', agreementId: valid.id }));
    const current = await areaAgreements(sql, valid.area);
    // The agreement's row is held: an entry being stored (FOR SHARE) is committed first, and
    // none can be stored meanwhile and be missed here.
    const rows = await sql<{ body: unknown }>('SELECT body FROM entries WHERE agreement_id = $1 ORDER BY seq', [
      valid.id,
    ]);
    for (const row of rows) {
      const problem = entryAgreementProblem(entrySchema.parse(row.body), valid);
      if (problem) throw new AgreementChangeRefusedError(storeText(problem));
    }
    const overlap = overlappingAgreements(current.map((a) => (a.id === valid.id ? valid : a)));
    if (overlap)
      throw new AgreementChangeRefusedError(
        storeText({
          code: 'refused.periodOverlaps',
          other: overlap[0].id === valid.id ? overlap[1].id : overlap[0].id,
        }),
      );
    await sql('UPDATE agreements SET period_start = $2, period_end = $3, body = $4 WHERE id = $1', [
      valid.id,
      valid.period.start,
      valid.period.end,
      valid,
    ]);
    await recordAreaChange(sql, valid.area, { action: 'agreementChanged', detail: valid.id }, by);
    for (const record of audit) await insertAudit(sql, record);
    await bumpArea(sql, valid.area);
  });
}
