// The areas, their settings, agreements, bindings and history in PostgreSQL. Each change holds the
// area's row (FOR UPDATE: the area's settings and agreement list change one at a time), writes its
// history line and audit record and, last, bumps the version of every area it touched, in id order:
// rows are always locked area, agreement, entries, version, so two changes never wait on each other.
// The agreements' changes are in areaAgreements.ts, what the changes share in areaRows.ts.
import { z } from 'zod';
import { AgreementConflictError, type Agreement } from '../../domain/agreement.js';
import { areaSchema, type Area, type BindingTarget } from '../../domain/area.js';
import { applyAreaChange, type AreaChange, type AreaChangeResult } from '../../domain/areaChange.js';
import { personSchema } from '../../domain/entry.js';
import type { AreaDirectory, ChangeBy } from '../../app/port/index.js';
import { AreaRefusedError, checkedNewArea } from '../refusals.js';
import { addAgreement, changeAgreement } from './areaAgreements.js';
import { insertAgreement, insertArea, isUniqueViolation, lockedArea, recordAreaChange } from './areaRows.js';
import type { Db } from './db.js';
import { bumpArea, insertAreaVersion } from './rows.js';
import { UnknownRecordError } from '../recordErrors.js';
import { storeText } from '../../views/storeTexts.js';

const historyItemSchema = z.object({
  at: z.string().datetime(),
  by: personSchema,
  action: z.string().min(1),
  detail: z.string().optional(),
});

/** The areas, one area, its history and the bindings: each one statement. */
function areaReads(db: Db): Pick<AreaDirectory, 'areas' | 'area' | 'history' | 'binding'> {
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

    async binding(target: BindingTarget, id: string) {
      const [row] = await db.query<{ area_id: string; body: { at: string } }>(
        'SELECT area_id, body FROM bindings WHERE target = $1 AND id = $2',
        [target, id],
      );
      return row ? { areaId: row.area_id, at: row.body.at } : undefined;
    },
  };
}

/**
 * Adds an area with its agreements, its version counters and its history line; AreaRefusedError
 * when its id or one of its agreements' ids is taken (checkedNewArea refuses the rest first).
 */
async function addArea(db: Db, area: Area, agreements: readonly Agreement[], by: ChangeBy): Promise<void> {
  const { area: valid, agreements: checked } = checkedNewArea(area, agreements);
  try {
    await db.tx(async (sql) => {
      if ((await sql('SELECT 1 FROM areas WHERE id = $1', [valid.id])).length > 0)
        throw new AreaRefusedError(storeText({ code: 'refused.areaExists', areaId: valid.id }));
      for (const a of checked)
        if ((await sql('SELECT 1 FROM agreements WHERE id = $1', [a.id])).length > 0)
          throw new AgreementConflictError('duplicate', a.id, a.id);
      await insertArea(sql, valid);
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
}

/** Applies the domain's change to the area as stored (its row held), with its history line. */
function updateArea(db: Db, areaId: string, change: AreaChange, by: ChangeBy): Promise<AreaChangeResult> {
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
}

/**
 * Binds a conversation or team to the area, unbinding it from the area that held it, with a history
 * line in each; UnknownRecordError for an area that does not exist.
 */
async function bind(db: Db, target: BindingTarget, id: string, areaId: string, by: ChangeBy): Promise<void> {
  const at = by.at.toISOString();
  const label = target === 'team' ? `team ${id}` : `konversation ${id}`;
  await db.tx(async (sql) => {
    const [before] = await sql<{ area_id: string }>(
      'SELECT area_id FROM bindings WHERE target = $1 AND id = $2 FOR UPDATE',
      [target, id],
    );
    const from = before && before.area_id !== areaId ? before.area_id : undefined;
    if ((await sql('SELECT 1 FROM areas WHERE id = $1', [areaId])).length === 0)
      throw new UnknownRecordError(storeText({ code: 'refused.unknownArea', areaId }));
    await sql(
      `INSERT INTO bindings (target, id, area_id, at, body) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (target, id) DO UPDATE SET area_id = excluded.area_id, at = excluded.at, body = excluded.body`,
      [target, id, areaId, at, { target, id, by: by.by, at }],
    );
    await recordAreaChange(sql, areaId, { action: 'bound', detail: label }, by);
    if (from)
      await recordAreaChange(
        sql,
        from,
        { action: 'unbound', detail: storeText({ code: 'record.movedFrom', label, areaId }) },
        by,
      );
    for (const touched of [areaId, ...(from ? [from] : [])].sort()) await bumpArea(sql, touched);
  });
}

/** The port's AreaDirectory over the PostgreSQL store. */
export function postgresAreas(db: Db): AreaDirectory {
  return {
    ...areaReads(db),
    addArea: (area, agreements, by) => addArea(db, area, agreements, by),
    updateArea: (areaId, change, by) => updateArea(db, areaId, change, by),
    addAgreement: (agreement, audit) => addAgreement(db, agreement, audit),
    changeAgreement: (agreement, by, audit) => changeAgreement(db, agreement, by, audit),
    bind: (target, id, areaId, by) => bind(db, target, id, areaId, by),
  };
}
