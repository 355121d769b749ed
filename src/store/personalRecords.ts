// One person's data across the store's files, found and replaced at the file level, so every kind
// of record the store holds is covered (entries, removals, completions, subscriptions, areas,
// publications, import drafts, the audit log), also kinds added later. What holds a person and what
// replaces them are the domain's rules (src/domain/personRecords.ts).
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { AuditRecord, NewAuditRecord } from '../domain/audit.js';
import {
  mentions,
  namesIn,
  recordsMentioning,
  replaced,
  replacementFor,
  type Json,
  type Pseudonym,
} from '../domain/personRecords.js';
import { fileAppendLog } from './appendLog.js';
import { AuditLog } from './auditLog.js';
import { storeFiles } from './backups.js';
import { entriesWithJournal, foldJournal } from './entriesLog.js';
import { fileStorage } from './storage.js';

/**
 * Where a record about the person is: the file, and the path of the record in it ("entries[3]"),
 * or for a journal its line ("rad 2").
 */
export interface FoundRecord {
  file: string;
  path: string;
  record: unknown;
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
  for (const name of await storeFiles(storeDir)) {
    if (!name.endsWith('.json')) continue;
    // An entries file is read with its journal (the entries not yet folded into it).
    const agreementId = /^entries-(.+)\.json$/u.exec(name)?.[1];
    // Read before the document: a fold between the two reads would otherwise hide the lines it moved.
    const journal = agreementId === undefined ? undefined : await journalRecords(storeDir, agreementId);
    const data = JSON.parse(await readFile(path.join(storeDir, name), 'utf8')) as Json;
    const at: FoundRecord[] = recordsMentioning(data, id).map((f) => ({ file: name, ...f }));
    if (agreementId !== undefined && journal) {
      // The entries not yet folded are in the journal: each record is named where it is, file and line.
      // Reading the document with its journal validates both, and yields the audit records a crash kept there.
      journalAudit.push(...(await entriesWithJournal(fileStorage(storeDir), agreementId)).audit);
      for (const line of journal.lines) {
        if (mentions(line.record, id)) at.push({ file: journal.file, path: `rad ${line.number}`, record: line.record });
      }
    }
    for (const f of at) {
      records.push(f);
      namesIn(f.record, id, names);
    }
  }
  const auditText = await readFile(path.join(storeDir, 'audit.jsonl'), 'utf8').catch(() => '');
  const audit: AuditRecord[] = [];
  const seen = new Set<string>();
  const found = (record: AuditRecord) => {
    if (seen.has(record.id) || !mentions(record, id)) return;
    seen.add(record.id);
    audit.push(record);
    namesIn(record, id, names);
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

/**
 * The lines of an agreement's journal as they are on disk, each without the audit record it carries
 * (that is listed with the audit records), numbered from 1. A torn last line is no record.
 */
async function journalRecords(
  storeDir: string,
  agreementId: string,
): Promise<{ file: string; lines: { number: number; record: Json }[] }> {
  const file = `entries-${agreementId}.journal.jsonl`;
  const text = await readFile(path.join(storeDir, file), 'utf8').catch(() => '');
  const complete = text.slice(0, text.lastIndexOf('\n') + 1);
  const lines: { number: number; record: Json }[] = [];
  complete.split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    const { audit: _audit, ...record } = JSON.parse(line) as { [key: string]: Json };
    lines.push({ number: i + 1, record });
  });
  return { file, lines };
}

/** A pseudonym that says nothing about the person (random, not derived from the id). */
export function newPseudonym(): Pseudonym {
  return { id: `anonym-${randomBytes(6).toString('hex')}`, name: 'Borttagen person' };
}

/**
 * Replaces the person's id and name with the pseudonym in every file of the store folder (each file
 * written atomically and flushed) and in the audit log (rewritten atomically, with `erasure`, the
 * record of this erasure made by `record(total)`, at its end), and the ids of their personal chats
 * (see personalConversations) with a pseudonym of their own, the same one everywhere (audit records'
 * conversationId, entries' source ids), so records of one chat still belong together. The caller
 * holds the store's lock, and no open Store writes to the folder. Returns how many records changed
 * per file; when none did, nothing is written or recorded.
 */
export async function replacePerson(
  storeDir: string,
  id: string,
  pseudonym: Pseudonym,
  record?: (total: number) => NewAuditRecord,
): Promise<Record<string, number>> {
  const changed: Record<string, number> = {};
  const storage = fileStorage(storeDir);
  // Every journal into its entries file first, so the person's entries are all in the files rewritten below.
  for (const name of await storeFiles(storeDir)) {
    const agreementId = /^entries-(.+)\.json$/u.exec(name)?.[1];
    if (agreementId !== undefined) await foldJournal(storage, agreementId);
  }
  const files = new Map<string, Json>();
  const entries: { by?: { id?: string }; sourceId?: string }[] = [];
  for (const name of await storeFiles(storeDir)) {
    if (!name.endsWith('.json') || name.includes('/')) continue;
    const data = JSON.parse(await readFile(path.join(storeDir, name), 'utf8')) as Json;
    files.set(name, data);
    if (/^entries-.+\.json$/u.test(name) && typeof data === 'object' && data !== null && !Array.isArray(data))
      entries.push(...((data.entries ?? []) as typeof entries));
  }
  const audit = await AuditLog.open(fileAppendLog(path.join(storeDir, 'audit.jsonl')));
  const replacement = replacementFor(id, pseudonym, await audit.read(), entries);
  for (const [name, data] of files) {
    const found = recordsMentioning(data, id);
    const after = replaced(data, replacement);
    if (found.length === 0 && JSON.stringify(after) === JSON.stringify(data)) continue;
    await storage.document(name.replace(/\.json$/u, '')).adapter.write(after);
    changed[name] = Math.max(found.length, 1);
  }
  const inAudit = (await audit.read()).filter((r) => JSON.stringify(replaced(r, replacement)) !== JSON.stringify(r));
  const total = Object.values(changed).reduce((a, b) => a + b, 0) + inAudit.length;
  if (total === 0) return changed;
  const rewritten = await audit.rewrite((r) => replaced(r, replacement), record ? [audit.prepare(record(total))] : []);
  if (rewritten > 0) changed['audit.jsonl'] = rewritten;
  return changed;
}
