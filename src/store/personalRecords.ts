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

/**
 * Where a record about the person is: the file, and the path of the record in it ("entries[3]"),
 * or for a journal its line ("rad 2").
 */
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
    // Read before the document: a fold between the two reads would otherwise hide the lines it moved.
    const journal = agreementId === undefined ? undefined : await journalRecords(storeDir, agreementId);
    const data = JSON.parse(await readFile(path.join(storeDir, name), 'utf8')) as Json;
    const found: { path: string; record: Json }[] = [];
    findIn(data, id, '', found);
    const at = found.map((f) => ({ file: name, ...f }));
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
export function newPseudonym(): { id: string; name: string } {
  return { id: `anonym-${randomBytes(6).toString('hex')}`, name: 'Borttagen person' };
}

/** What erase puts in place of the person: their id and name, and their personal chats' ids. */
interface Replacement {
  id: string;
  pseudonym: { id: string; name: string };
  /** Personal conversation id → its pseudonym. */
  conversations: ReadonlyMap<string, string>;
}

/** A string with a personal conversation's id replaced: the id itself, or a message's source id ("message:<conv>:<id>"). */
function replacedText(value: string, r: Replacement): string {
  if (value === r.id) return r.pseudonym.id;
  const direct = r.conversations.get(value);
  if (direct !== undefined) return direct;
  if (!value.startsWith('message:')) return value;
  for (const [conversation, alias] of r.conversations) {
    const prefix = `message:${conversation}:`;
    if (value.startsWith(prefix)) return `message:${alias}:${value.slice(prefix.length)}`;
  }
  return value;
}

function replaced(value: Json, r: Replacement): Json {
  if (typeof value === 'string') return replacedText(value, r);
  if (Array.isArray(value)) return value.map((v) => replaced(v, r));
  if (typeof value === 'object' && value !== null) {
    const out: { [key: string]: Json } = {};
    for (const [k, v] of Object.entries(value)) out[k] = replaced(v, r);
    if (isPerson(value, r.id)) {
      out.id = r.pseudonym.id;
      out.name = r.pseudonym.name;
    }
    return out;
  }
  return value;
}

/** The conversation a message's source id ("message:<conv>:<activity id>") names. */
const conversationOfSource = (sourceId: unknown): string | undefined =>
  typeof sourceId === 'string' ? /^message:(.+):[^:]*$/su.exec(sourceId)?.[1] : undefined;

/**
 * The person's personal chats with the bot: conversations their own changes came from (audit
 * records, entries' source ids) in which nobody else ever did anything, and that are not a Teams
 * channel or group chat (those ids hold "@thread"). A 1:1 chat's id is one per person, so it is
 * personal data; a shared conversation's id is not theirs to erase.
 */
function personalConversations(
  id: string,
  audit: readonly AuditRecord[],
  entries: readonly { by?: { id?: string }; sourceId?: string }[],
): Set<string> {
  const theirs = new Set<string>();
  const shared = new Set<string>();
  const seen = (conversation: string | undefined, by: string | undefined, system: boolean) => {
    if (conversation === undefined) return;
    if (by === id) theirs.add(conversation);
    else if (!system) shared.add(conversation);
  };
  for (const r of audit) seen(r.conversationId, r.by.id, r.via === 'system');
  for (const e of entries) seen(conversationOfSource(e.sourceId), e.by?.id, false);
  return new Set([...theirs].filter((c) => !shared.has(c) && !c.includes('@thread')));
}

/**
 * Replaces the person's id and name with the pseudonym in every file of the store folder (each file
 * written atomically and flushed) and in the audit log (rewritten atomically), and the ids of their
 * personal chats (see personalConversations) with a pseudonym of their own, the same one everywhere
 * (audit records' conversationId, entries' source ids), so records of one chat still belong together.
 * The caller holds the store's lock. Returns how many records changed per file.
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
  const conversations = new Map(
    [...personalConversations(id, await audit.read(), entries)].map((c, i) => [c, `${pseudonym.id}-chatt-${i + 1}`]),
  );
  const replacement: Replacement = { id, pseudonym, conversations };
  for (const [name, data] of files) {
    const found: { path: string; record: Json }[] = [];
    findIn(data, id, '', found);
    const after = replaced(data, replacement);
    if (found.length === 0 && JSON.stringify(after) === JSON.stringify(data)) continue;
    await storage.document(name.replace(/\.json$/u, '')).adapter.write(after);
    changed[name] = Math.max(found.length, 1);
  }
  const rewritten = await audit.rewrite((r) => replaced(r, replacement) as unknown as AuditRecord);
  if (rewritten > 0) changed['audit.jsonl'] = rewritten;
  return changed;
}
