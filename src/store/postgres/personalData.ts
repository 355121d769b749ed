// The GDPR export and erasure in PostgreSQL, with the domain's rules (src/domain/personRecords.ts)
// applied to the rows' JSON bodies, so every kind of record is covered as in the other stores. The
// erasure is one transaction: the rows rewritten (their key columns follow their bodies), the audit
// records rewritten, the erasure's own audit record, and the touched areas' versions.
import type { AuditRecord } from '../../domain/audit.js';
import { auditRecordSchema } from '../../domain/audit.js';
import { mentions, namesIn, replaced, replacementFor } from '../../domain/personRecords.js';
import type { ErasureCounts, PersonalData, PersonalRecord, PersonalRecordKind } from '../../app/port/index.js';
import type { Db, Sql } from './db.js';
import { bumpArea, insertAudit } from './rows.js';
import { storeText } from '../../views/storeTexts.js';

type Body = Record<string, unknown>;

/** A table that holds records with people in them: where a row is, its area, and the columns its body sets. */
interface Table {
  name: string;
  kind: PersonalRecordKind;
  /** SQL for the row's place, as the export names it. */
  label: string;
  /** SQL for the row's area id, or NULL. */
  area: string;
  order: string;
  /** The row's columns that repeat fields of its body, from the changed body. */
  columns?: (body: Body) => Record<string, unknown>;
}

const text = (v: unknown): string | null => (typeof v === 'string' ? v : null);

const TABLES: readonly Table[] = [
  {
    name: 'areas',
    kind: 'area',
    label: "'areas/' || id",
    area: 'id',
    order: 'position',
    columns: (b) => ({ name: b.name, police_area: b.policeArea, tenants: b.tenants, coordinators: b.coordinators }),
  },
  { name: 'area_history', kind: 'area', label: "'area_history/' || seq", area: 'area_id', order: 'seq' },
  {
    name: 'bindings',
    kind: 'area',
    label: "'bindings/' || target || ':' || id",
    area: 'area_id',
    order: 'at',
    columns: (b) => ({ id: b.id }),
  },
  { name: 'agreements', kind: 'agreement', label: "'agreements/' || id", area: 'area_id', order: 'position' },
  {
    name: 'entries',
    kind: 'entry',
    label: "'entries/' || agreement_id || '/' || id",
    area: 'area_id',
    order: 'seq',
    columns: (b) => ({ source_id: text(b.sourceId), by_id: (b.by as { id: string }).id }),
  },
  {
    name: 'completions',
    kind: 'completion',
    label: "'completions/' || agreement_id || '/' || seq",
    area: '(SELECT a.area_id FROM agreements a WHERE a.id = agreement_id)',
    order: 'seq',
  },
  {
    name: 'subscriptions',
    kind: 'subscription',
    label: "'subscriptions/' || id",
    area: 'NULL',
    order: 'position',
    columns: (b) => ({ conversation_id: b.conversationId, team_id: text(b.teamId) }),
  },
  {
    name: 'meetings',
    kind: 'meeting',
    label: "'meetings/' || id",
    area: 'NULL',
    order: 'position',
    columns: (b) => ({ conversation_id: b.conversationId, team_id: text(b.teamId) }),
  },
  {
    name: 'reminder_people',
    kind: 'reminder',
    label: "'reminder_people/' || seq",
    area: 'NULL',
    order: 'seq',
    columns: (b) => ({ user_id: text(b.userId), aad_object_id: text(b.aadObjectId), upn: text(b.upn) }),
  },
  {
    name: 'drafts',
    kind: 'publication',
    label: "'drafts/' || agreement_id || '/' || year || '/T' || tertial",
    area: 'NULL',
    order: 'agreement_id, year, tertial',
  },
  { name: 'publications', kind: 'publication', label: "'publications/' || seq", area: 'NULL', order: 'seq' },
  { name: 'import_drafts', kind: 'importDraft', label: "'import_drafts/' || id", area: 'NULL', order: 'seq' },
];

interface Row {
  ctid: string;
  label: string;
  area_id: string | null;
  body: Body;
}

/** LIKE patterns for text holding any of the strings (a prefilter: the bodies are checked after). */
const containing = (strings: readonly string[]): string[] =>
  strings.map((s) => `%${s.replace(/[\\%_]/gu, (c) => `\\${c}`)}%`);

/** The table's rows whose body's text holds any of `strings`, in the table's order; locked when `lock`. */
function rowsHolding(sql: Sql, table: Table, strings: readonly string[], lock: boolean): Promise<Row[]> {
  return sql<Row>(
    `SELECT ctid::text AS ctid, ${table.label} AS label, ${table.area} AS area_id, body FROM ${table.name}
     WHERE body::text LIKE ANY($1) ORDER BY ${table.order}${lock ? ' FOR UPDATE' : ''}`,
    [containing(strings)],
  );
}

function auditHolding(sql: Sql, strings: readonly string[], lock: boolean): Promise<{ ctid: string; body: Body }[]> {
  return sql(
    `SELECT ctid::text AS ctid, body FROM audit WHERE body::text LIKE ANY($1) ORDER BY seq${lock ? ' FOR UPDATE' : ''}`,
    [containing(strings)],
  );
}

/**
 * The records that decide which conversations are the person's own (see personalConversations): the
 * audit records and entries of every conversation the person's own changes came from.
 */
async function conversationEvidence(sql: Sql, id: string): Promise<{ audit: AuditRecord[]; entries: Body[] }> {
  const own = await sql<{ c: string }>(
    `SELECT DISTINCT body->>'conversationId' AS c FROM audit WHERE body->'by'->>'id' = $1 AND body ? 'conversationId'
     UNION SELECT substring(source_id FROM '^message:(.+):[^:]*$') FROM entries WHERE by_id = $1 AND source_id IS NOT NULL`,
    [id],
  );
  const conversations = own.map((r) => r.c).filter((c): c is string => typeof c === 'string');
  if (conversations.length === 0) return { audit: [], entries: [] };
  const audit = await sql<{ body: unknown }>(`SELECT body FROM audit WHERE body->>'conversationId' = ANY($1)`, [
    conversations,
  ]);
  const entries = await sql<{ body: Body }>(`SELECT body FROM entries WHERE source_id LIKE ANY($1)`, [
    conversations.map((c) => `message:${c.replace(/[\\%_]/gu, (x) => `\\${x}`)}:%`),
  ]);
  return { audit: audit.map((r) => auditRecordSchema.parse(r.body)), entries: entries.map((r) => r.body) };
}

async function update(sql: Sql, table: string, ctid: string, values: Record<string, unknown>): Promise<void> {
  const names = Object.keys(values);
  await sql(`UPDATE ${table} SET ${names.map((n, i) => `${n} = $${i + 2}`).join(', ')} WHERE ctid = $1::tid`, [
    ctid,
    ...names.map((n) => values[n]),
  ]);
}

export function postgresPersonalData(db: Db): PersonalData {
  return {
    async find(personId) {
      return db.tx(async (sql) => {
        const names = new Set<string>();
        const records: PersonalRecord[] = [];
        for (const table of TABLES) {
          for (const row of await rowsHolding(sql, table, [personId], false)) {
            if (!mentions(row.body, personId)) continue;
            records.push({ kind: table.kind, where: row.label, record: row.body });
            namesIn(row.body, personId, names);
          }
        }
        const audit = (await auditHolding(sql, [personId], false))
          .filter((r) => mentions(r.body, personId))
          .map((r) => auditRecordSchema.parse(r.body));
        for (const r of audit) namesIn(r, personId, names);
        return { names: [...names].sort(), records, audit };
      });
    },

    async erase(personId, pseudonym, by): Promise<ErasureCounts> {
      return db.tx(async (sql) => {
        const evidence = await conversationEvidence(sql, personId);
        const replacement = replacementFor(personId, pseudonym, evidence.audit, evidence.entries);
        const strings = [personId, ...replacement.conversations.keys()];
        const places: Record<string, number> = {};
        const areas = new Set<string>();
        for (const table of TABLES) {
          for (const row of await rowsHolding(sql, table, strings, true)) {
            const after = replaced(row.body, replacement);
            if (JSON.stringify(after) === JSON.stringify(row.body)) continue;
            await update(sql, table.name, row.ctid, { body: after, ...table.columns?.(after) });
            places[table.name] = (places[table.name] ?? 0) + 1;
            if (row.area_id) areas.add(row.area_id);
          }
        }
        await sql('UPDATE entries SET removed_by_id = $2 WHERE removed_by_id = $1', [personId, pseudonym.id]);
        const audit = await auditHolding(sql, strings, true);
        const changed = audit
          .map((r) => ({ ctid: r.ctid, body: replaced(r.body, replacement), before: r.body }))
          .filter((r) => JSON.stringify(r.body) !== JSON.stringify(r.before));
        if (changed.length > 0) {
          // The one exception to the append-only audit log: an erasure replaces a person in it. The
          // trigger is off only inside this transaction; no other session ever sees it off.
          await sql('ALTER TABLE audit DISABLE TRIGGER audit_append_only');
          for (const r of changed) await update(sql, 'audit', r.ctid, { body: r.body });
          await sql('ALTER TABLE audit ENABLE TRIGGER audit_append_only');
          places.audit = changed.length;
        }
        const total = Object.values(places).reduce((a, b) => a + b, 0);
        if (total === 0) return { places, total };
        await insertAudit(sql, {
          at: by.at.toISOString(),
          by: by.by,
          via: by.via,
          action: 'person.erased',
          detail: storeText({ code: 'record.erased', pseudonym: pseudonym.id, total }),
        });
        for (const id of [...areas].sort()) await bumpArea(sql, id);
        return { places, total };
      });
    },
  };
}
