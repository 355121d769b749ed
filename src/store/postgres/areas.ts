// The areas, their settings, agreements, bindings and history in PostgreSQL. Each change holds the
// area's row (FOR UPDATE: the area's settings and agreement list change one at a time), writes its
// history line and audit record and, last, bumps the version of every area it touched, in id order:
// rows are always locked area, agreement, entries, version, so two changes never wait on each other.
import { z } from 'zod';
import {
  AgreementConflictError,
  agreementSchema,
  overlappingAgreements,
  type Agreement,
} from '../../domain/agreement.js';
import { areaSchema, type Area, type BindingTarget } from '../../domain/area.js';
import { applyAreaChange, areaAuditAction, type AreaChangeResult } from '../../domain/areaChange.js';
import type { NewAuditRecord } from '../../domain/audit.js';
import { entryAgreementProblem, entrySchema, personSchema, type Person } from '../../domain/entry.js';
import type { AreaDirectory, AreaHistoryItem, ChangeBy } from '../../app/port/index.js';
import { AgreementChangeRefusedError, AreaRefusedError, checkedNewArea } from '../refusals.js';
import type { Db, Sql } from './db.js';
import { UnknownRecordError, bumpArea, insertAreaVersion, insertAudit } from './rows.js';

const historyItemSchema = z.object({
  at: z.string().datetime(),
  by: personSchema,
  action: z.string().min(1),
  detail: z.string().optional(),
});

/** The bot itself, as the file store names it in an area's history when it adds an agreement. */
const SYSTEM: Person = { id: 'system', name: 'boten vid start' };

/** The area's settings, its row held until the transaction ends; UnknownRecordError when there is none. */
async function lockedArea(sql: Sql, areaId: string): Promise<Area> {
  const [row] = await sql<{ body: unknown }>('SELECT body FROM areas WHERE id = $1 FOR UPDATE', [areaId]);
  if (!row) throw new UnknownRecordError(`okänt område ${areaId}`);
  return areaSchema.parse(row.body);
}

/** Appends the history line and, for the actions the audit log records, its audit record. */
async function recordAreaChange(
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

async function insertAgreement(sql: Sql, agreement: Agreement): Promise<void> {
  await sql('INSERT INTO agreements (id, area_id, period_start, period_end, body) VALUES ($1, $2, $3, $4, $5)', [
    agreement.id,
    agreement.area,
    agreement.period.start,
    agreement.period.end,
    agreement,
  ]);
}

async function areaAgreements(sql: Sql, areaId: string): Promise<Agreement[]> {
  const rows = await sql<{ body: unknown }>('SELECT body FROM agreements WHERE area_id = $1 ORDER BY position', [
    areaId,
  ]);
  return rows.map((r) => agreementSchema.parse(r.body));
}

const isUniqueViolation = (error: unknown): boolean => (error as { code?: string }).code === '23505';

/** The port's AreaDirectory over the PostgreSQL store. */
export function postgresAreas(db: Db): AreaDirectory {
  return {
    async areas() {
      const rows = await db.query<{ body: unknown }>('SELECT body FROM areas ORDER BY position');
      return rows.map((r) => areaSchema.parse(r.body));
    },

    async area(id) {
      const [row] = await db.query<{ body: unknown }>('SELECT body FROM areas WHERE id = $1', [id]);
      return row ? areaSchema.parse(row.body) : undefined;
    },

    async history(areaId) {
      const rows = await db.query<{ body: unknown }>('SELECT body FROM area_history WHERE area_id = $1 ORDER BY seq', [
        areaId,
      ]);
      return rows.map((r) => historyItemSchema.parse(r.body));
    },

    async addArea(area: Area, agreements: readonly Agreement[], by: ChangeBy) {
      const { area: valid, agreements: checked } = checkedNewArea(area, agreements);
      try {
        await db.tx(async (sql) => {
          if ((await sql('SELECT 1 FROM areas WHERE id = $1', [valid.id])).length > 0)
            throw new AreaRefusedError(`området ${valid.id} finns redan`);
          for (const a of checked)
            if ((await sql('SELECT 1 FROM agreements WHERE id = $1', [a.id])).length > 0)
              throw new AgreementConflictError('duplicate', a.id, a.id);
          await sql(
            `INSERT INTO areas (id, name, police_area, tenants, coordinators, body) VALUES ($1, $2, $3, $4, $5, $6)`,
            [
              valid.id,
              valid.name,
              valid.policeArea,
              JSON.stringify(valid.tenants),
              JSON.stringify(valid.coordinators),
              valid,
            ],
          );
          await insertAreaVersion(sql, valid.id);
          for (const a of checked) await insertAgreement(sql, a);
          const ids = checked.map((a) => a.id).join(', ');
          await recordAreaChange(sql, valid.id, { action: 'created', ...(ids ? { detail: ids } : {}) }, by);
        });
      } catch (error) {
        // Another instance added the same area (or agreement id) between the check and the insert.
        if (isUniqueViolation(error))
          throw new AreaRefusedError(`området ${valid.id} eller ett av dess medborgarlöften finns redan`);
        throw error;
      }
    },

    updateArea(areaId, change, by): Promise<AreaChangeResult> {
      return db.tx(async (sql) => {
        const result = applyAreaChange(await lockedArea(sql, areaId), change);
        if (!result.ok) return result;
        await sql(
          'UPDATE areas SET name = $2, police_area = $3, tenants = $4, coordinators = $5, body = $6 WHERE id = $1',
          [
            areaId,
            result.area.name,
            result.area.policeArea,
            JSON.stringify(result.area.tenants),
            JSON.stringify(result.area.coordinators),
            result.area,
          ],
        );
        await recordAreaChange(sql, areaId, { action: result.action, detail: result.detail }, by);
        await bumpArea(sql, areaId);
        return result;
      });
    },

    async addAgreement(agreement: Agreement, audit: NewAuditRecord) {
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
    },

    async changeAgreement(agreement: Agreement, by: ChangeBy, audit: readonly NewAuditRecord[]) {
      const valid = agreementSchema.parse(agreement);
      await db.tx(async (sql) => {
        await lockedArea(sql, valid.area);
        const held = await sql('SELECT 1 FROM agreements WHERE id = $1 AND area_id = $2 FOR UPDATE', [
          valid.id,
          valid.area,
        ]);
        if (held.length === 0) throw new UnknownRecordError(`okänt medborgarlöfte ${valid.id}`);
        const current = await areaAgreements(sql, valid.area);
        // The agreement's row is held: an entry being stored (FOR SHARE) is committed first, and
        // none can be stored meanwhile and be missed here.
        const rows = await sql<{ body: unknown }>('SELECT body FROM entries WHERE agreement_id = $1 ORDER BY seq', [
          valid.id,
        ]);
        for (const row of rows) {
          const problem = entryAgreementProblem(entrySchema.parse(row.body), valid);
          if (problem) throw new AgreementChangeRefusedError(problem);
        }
        const overlap = overlappingAgreements(current.map((a) => (a.id === valid.id ? valid : a)));
        if (overlap)
          throw new AgreementChangeRefusedError(
            `perioden överlappar ${overlap[0].id === valid.id ? overlap[1].id : overlap[0].id}`,
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
    },

    async binding(target: BindingTarget, id: string) {
      const [row] = await db.query<{ area_id: string; body: { at: string } }>(
        'SELECT area_id, body FROM bindings WHERE target = $1 AND id = $2',
        [target, id],
      );
      return row ? { areaId: row.area_id, at: row.body.at } : undefined;
    },

    async bind(target: BindingTarget, id: string, areaId: string, by: ChangeBy) {
      const at = by.at.toISOString();
      const label = target === 'team' ? `team ${id}` : `konversation ${id}`;
      await db.tx(async (sql) => {
        const [before] = await sql<{ area_id: string }>(
          'SELECT area_id FROM bindings WHERE target = $1 AND id = $2 FOR UPDATE',
          [target, id],
        );
        const from = before && before.area_id !== areaId ? before.area_id : undefined;
        if ((await sql('SELECT 1 FROM areas WHERE id = $1', [areaId])).length === 0)
          throw new UnknownRecordError(`okänt område ${areaId}`);
        await sql(
          `INSERT INTO bindings (target, id, area_id, at, body) VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (target, id) DO UPDATE SET area_id = excluded.area_id, at = excluded.at, body = excluded.body`,
          [target, id, areaId, at, { target, id, by: by.by, at }],
        );
        await recordAreaChange(sql, areaId, { action: 'bound', detail: label }, by);
        if (from) await recordAreaChange(sql, from, { action: 'unbound', detail: `${label} (nu ${areaId})` }, by);
        for (const touched of [areaId, ...(from ? [from] : [])].sort()) await bumpArea(sql, touched);
      });
    },
  };
}
