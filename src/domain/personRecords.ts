// Where a person is in stored records, and the records with them replaced by a pseudonym: the
// rules of a GDPR export and erasure (art. 15 and 17), the same for every store. A person is stored
// as { id, name } (or, by reminders, as { name, userId, aadObjectId, upn }); an id may also stand
// alone (a coordinator list, a binding). The walk is over
// plain JSON, so every kind of record is covered, also kinds added later.
import type { AuditRecord } from './audit.js';

/** A stored record as JSON. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** A pseudonym for an erased person: an id and a name that say nothing about them. */
export interface Pseudonym {
  id: string;
  name: string;
}

const isPerson = (v: Json, id: string): boolean =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && v.id === id && typeof v.name === 'string';

/** A person known by their Teams ids, as reminders keep them: { name, userId?, aadObjectId?, upn? }. */
const isReminded = (v: Json, id: string): boolean =>
  typeof v === 'object' &&
  v !== null &&
  !Array.isArray(v) &&
  (v.userId === id || v.aadObjectId === id) &&
  typeof v.name === 'string';

/** True when `value` holds the person anywhere (as { id, name }, or the id alone as a value). */
export function mentions(value: unknown, id: string): boolean {
  const json = value as Json;
  if (json === id) return true;
  if (Array.isArray(json)) return json.some((v) => mentions(v, id));
  if (typeof json === 'object' && json !== null) {
    if (isPerson(json, id)) return true;
    return Object.values(json).some((v) => mentions(v, id));
  }
  return false;
}

/**
 * The records holding the person in one stored document: for each array of records (entries,
 * subscriptions, history…) the elements that mention them, whole; a mention outside any array is
 * given with its path. Paths read "entries[3]", "history[0]", "coordinators[1]".
 */
export function recordsMentioning(value: unknown, id: string, at = ''): { path: string; record: Json }[] {
  const out: { path: string; record: Json }[] = [];
  const walk = (v: Json, where: string): void => {
    if (Array.isArray(v)) {
      v.forEach((x, i) => {
        if (typeof x === 'object' && x !== null ? mentions(x, id) : x === id)
          out.push({ path: `${where}[${i}]`, record: x });
      });
      return;
    }
    if (typeof v === 'object' && v !== null) {
      if (isPerson(v, id)) {
        out.push({ path: where, record: v });
        return;
      }
      for (const [k, x] of Object.entries(v)) walk(x, where ? `${where}.${k}` : k);
      return;
    }
    if (v === id) out.push({ path: where, record: v });
  };
  walk(value as Json, at);
  return out;
}

/** The names the person is stored under in `value`, each once. */
export function namesIn(value: unknown, id: string, into: Set<string> = new Set()): Set<string> {
  const json = value as Json;
  if (Array.isArray(json)) json.forEach((v) => namesIn(v, id, into));
  else if (typeof json === 'object' && json !== null) {
    if ((isPerson(json, id) || isReminded(json, id)) && typeof json.name === 'string' && json.name) into.add(json.name);
    Object.values(json).forEach((v) => namesIn(v, id, into));
  }
  return into;
}

/** What an erasure puts in place of the person: their id and name, and their personal chats' ids. */
export interface Replacement {
  id: string;
  pseudonym: Pseudonym;
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

/** `value` with the person, and their personal chats' ids, replaced by the pseudonyms; a new value. */
export function replaced<T>(value: T, r: Replacement): T {
  const walk = (v: Json): Json => {
    if (typeof v === 'string') return replacedText(v, r);
    if (Array.isArray(v)) return v.map(walk);
    if (typeof v === 'object' && v !== null) {
      // fromEntries: a key such as "__proto__" stays a key of the record.
      const out: { [key: string]: Json } = Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
      if (isPerson(v, r.id)) {
        out.id = r.pseudonym.id;
        out.name = r.pseudonym.name;
      } else if (isReminded(v, r.id)) {
        // Their name and e-mail address go with their ids.
        out.name = r.pseudonym.name;
        delete out.upn;
      }
      return out;
    }
    return v;
  };
  return walk(value as Json) as T;
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
  entries: readonly { by?: { id?: string }; sourceId?: string | undefined }[],
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

/** The replacement for an erasure: the person's personal chats get "<pseudonym>-chatt-1", "-chatt-2"… */
export function replacementFor(
  id: string,
  pseudonym: Pseudonym,
  audit: readonly AuditRecord[],
  entries: readonly { by?: { id?: string }; sourceId?: string | undefined }[],
): Replacement {
  const conversations = new Map(
    [...personalConversations(id, audit, entries)].map((c, i) => [c, `${pseudonym.id}-chatt-${i + 1}`]),
  );
  return { id, pseudonym, conversations };
}
