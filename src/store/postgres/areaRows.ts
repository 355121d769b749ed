// What the PostgreSQL store's area changes share: the area's row held for the change, its history
// line with its audit record, and the agreement row an area or agreement addition inserts.
import type { Agreement } from '../../domain/agreement.js';
import { areaSchema, type Area } from '../../domain/area.js';
import { areaAuditAction } from '../../domain/areaChange.js';
import type { AreaHistoryItem, ChangeBy } from '../../app/port/index.js';
import type { Sql } from './db.js';
import { insertAudit } from './rows.js';
import { UnknownRecordError } from '../recordErrors.js';
import { storeText } from '../../views/storeTexts.js';

/** The area's settings, its row held until the transaction ends; UnknownRecordError when there is none. */
export async function lockedArea(sql: Sql, areaId: string): Promise<Area> {
  const [row] = await sql<{ body: unknown }>('SELECT body FROM areas WHERE id = $1 FOR UPDATE', [areaId]);
  if (!row) throw new UnknownRecordError(storeText({ code: 'refused.unknownArea', areaId }));
  return areaSchema.parse(row.body);
}

/** Appends the history line and, for the actions the audit log records, its audit record. */
export async function recordAreaChange(
  sql: Sql,
  areaId: string,
  item: { action: string; detail?: string },
  by: ChangeBy,
): Promise<void> {
  const at = by.at.toISOString();
  const line: AreaHistoryItem = { at, by: by.by, action: item.action, ...(item.detail ? { detail: item.detail } : {}) };
  await sql('INSERT INTO area_history (area_id, at, action, body) VALUES ($1, $2, $3, $4)', [
    areaId,
    at,
    item.action,
    line,
  ]);
  const audited = areaAuditAction(item.action);
  if (audited)
    await insertAudit(sql, {
      at,
      by: by.by,
      via: by.via,
      action: audited,
      areaId,
      detail: item.detail ? `${item.action}: ${item.detail}`.slice(0, 300) : item.action,
    });
}

/** Inserts the area's row (its version counter is insertAreaVersion's). */
export async function insertArea(sql: Sql, area: Area): Promise<void> {
  await sql('INSERT INTO areas (id, name, police_area, tenants, coordinators, body) VALUES ($1, $2, $3, $4, $5, $6)', [
    area.id,
    area.name,
    area.policeArea,
    JSON.stringify(area.tenants),
    JSON.stringify(area.coordinators),
    area,
  ]);
}

/** Inserts the agreement's row (its area named by its `area` field). */
export async function insertAgreement(sql: Sql, agreement: Agreement): Promise<void> {
  await sql('INSERT INTO agreements (id, area_id, period_start, period_end, body) VALUES ($1, $2, $3, $4, $5)', [
    agreement.id,
    agreement.area,
    agreement.period.start,
    agreement.period.end,
    agreement,
  ]);
}

/** True for PostgreSQL's unique_violation (23505): another transaction stored the same key first. */
export const isUniqueViolation = (error: unknown): boolean => (error as { code?: string }).code === '23505';
