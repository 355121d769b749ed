// One person's data across the store's files, found and replaced at the file level, so every kind
// of record the store holds is covered (entries, removals, completions, subscriptions, areas,
// publications, import drafts, the audit log), also kinds added later. A person is stored as
// { id, name }; an id may also stand alone (a coordinator list, a binding).
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { AuditRecord } from '../domain/audit.js';
import { fileAppendLog } from './appendLog.js';
import { AuditLog } from './auditLog.js';
import { storeFiles } from './backups.js';
import { entriesWithJournal, foldJournal } from './entriesLog.js';
import { fileStorage } from './storage.js';

/** Where a record about the person is: the file, and the path of the record in it ("entries[3]"). */
export interface FoundRecord {
  file: string;
  path: string;
  record: unknown;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const isPerson = (v: Json, id: string): boolean =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && v.id === id && typeof v.name === 'string';

/** True when `value` holds the person anywhere (as { id, name }, or the id alone as a value). */
function mentions(value: Json, id: string): boolean {
  if (value === id) return true;
  if (Array.isArray(value)) return value.some((v) => mentions(v, id));
  if (typeof value === 'object' && value !== null) {
    if (isPerson(value, id)) return true;
    return Object.values(value).some((v) => mentions(v, id));
  }
  return false;
}

/**
 * The records holding the person: for each array of records (entries, subscriptions, history…) the
 * elements that mention them, whole; a mention outside any array is given with its path.
 */
function findIn(value: Json, id: string, at: string, out: { path: string; record: Json }[]): void {
  if (Array.isArray(value)) {
    value.forEach((v, i) => {
      if (typeof v === 'object' && v !== null ? mentions(v, id) : v === id)
        out.push({ path: `${at}[${i}]`, record: v });
    });
    return;
  }
  if (typeof value === 'object' && value !== null) {
    if (isPerson(value, id)) {
      out.push({ path: at, record: value });
      return;
    }
    for (const [k, v] of Object.entries(value)) findIn(v, id, at ? `${at}.${k}` : k, out);
    return;
  }
  if (value === id) out.push({ path: at, record: value });
}

/** Every record in the store folder (not its snapshots) that holds the person with this id. Reads only. */
export async function findPerson(
  storeDir: string,
  id: string,
): Promise<{ records: FoundRecord[]; audit: AuditRecord[]; names: string[] }> {
  const records: FoundRecord[] = [];
  const names = new Set<string>();
  /** Audit records a journal still carries (after a crash, perhaps not yet in audit.jsonl). */
  const journalAudit: AuditRecord[] = [];
  const collectNames = (v: Json): void => {
    if (Array.isArray(v)) v.forEach(collectNames);
    else if (typeof v === 'object' && v !== null) {
      if (isPerson(v, id) && typeof v.name === 'string' && v.name) names.add(v.name);
      Object.values(v).forEach(collectNames);
    }
  };
  for (const name of await storeFiles(storeDir)) {
    if (!name.endsWith('.json')) continue;
    // An entries file is read with its journal (the entries not yet folded into it).
    const agreementId = /^entries-(.+)\.json$/u.exec(name)?.[1];
    let data: Json;
    if (agreementId === undefined) data = JSON.parse(await readFile(path.join(storeDir, name), 'utf8')) as Json;
    else {
      const withJournal = await entriesWithJournal(fileStorage(storeDir), agreementId);
      data = withJournal.document as Json;
      journalAudit.push(...withJournal.audit);
    }
    const found: { path: string; record: Json }[] = [];
    findIn(data, id, '', found);
    for (const f of found) {
      records.push({ file: name, ...f });
      collectNames(f.record);
    }
  }
  const auditText = await readFile(path.join(storeDir, 'audit.jsonl'), 'utf8').catch(() => '');
  const audit: AuditRecord[] = [];
  const seen = new Set<string>();
  const found = (record: AuditRecord) => {
    if (seen.has(record.id) || !mentions(record, id)) return;
    seen.add(record.id);
    audit.push(record);
    collectNames(record);
  };
  for (const line of auditText.split('\n')) {
    if (!line.trim()) continue;
    try {
      found(JSON.parse(line) as AuditRecord);
    } catch {
      // A torn last line is no record.
    }
  }
  journalAudit.forEach(found);
  return { records, audit, names: [...names].sort() };
}

/** A pseudonym that says nothing about the person (random, not derived from the id). */
export function newPseudonym(): { id: string; name: string } {
  return { id: `anonym-${randomBytes(6).toString('hex')}`, name: 'Borttagen person' };
}

function replaced(value: Json, id: string, pseudonym: { id: string; name: string }): Json {
  if (value === id) return pseudonym.id;
  if (Array.isArray(value)) return value.map((v) => replaced(v, id, pseudonym));
  if (typeof value === 'object' && value !== null) {
    const out: { [key: string]: Json } = {};
    for (const [k, v] of Object.entries(value)) out[k] = replaced(v, id, pseudonym);
    if (isPerson(value, id)) {
      out.id = pseudonym.id;
      out.name = pseudonym.name;
    }
    return out;
  }
  return value;
}

/**
 * Replaces the person's id and name with the pseudonym in every file of the store folder (each file
 * written atomically and flushed) and in the audit log (rewritten atomically). The caller holds the
 * store's lock. Returns how many records changed per file.
 */
export async function replacePerson(
  storeDir: string,
  id: string,
  pseudonym: { id: string; name: string },
): Promise<Record<string, number>> {
  const changed: Record<string, number> = {};
  const storage = fileStorage(storeDir);
  // Every journal into its entries file first, so the person's entries are all in the files rewritten below.
  for (const name of await storeFiles(storeDir)) {
    const agreementId = /^entries-(.+)\.json$/u.exec(name)?.[1];
    if (agreementId !== undefined) await foldJournal(storage, agreementId);
  }
  for (const name of await storeFiles(storeDir)) {
    if (!name.endsWith('.json') || name.includes('/')) continue;
    const data = JSON.parse(await readFile(path.join(storeDir, name), 'utf8')) as Json;
    const found: { path: string; record: Json }[] = [];
    findIn(data, id, '', found);
    if (found.length === 0) continue;
    await storage.document(name.replace(/\.json$/u, '')).adapter.write(replaced(data, id, pseudonym));
    changed[name] = found.length;
  }
  const audit = await AuditLog.open(fileAppendLog(path.join(storeDir, 'audit.jsonl')));
  const rewritten = await audit.rewrite((r) => replaced(r, id, pseudonym) as unknown as AuditRecord);
  if (rewritten > 0) changed['audit.jsonl'] = rewritten;
  return changed;
}
