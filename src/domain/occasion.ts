// An occasion (tillfälle) is one time the work was done. Several people often log the same work
// (a joint inspection by the officer and the kommun's inspector, a Thursday meeting by each
// attendee), and every figure counts occasions, never entries (PRODUCT.md, "Domain rules").
//
// The rules, in one place:
// - Identity. An entry belongs to the occasion named by its `occasionId`; an entry without one
//   (every entry stored before occasions existed) is an occasion of its own, named by its own id.
//   What was stored is what was logged: old entries are never merged after the fact. An occasion
//   is also bound to its agreement, activity and day, so an entry moved to another day by a
//   correction leaves the occasion it was in.
// - Joining. The same activity on the same day, at the same place when both name one, logged by
//   someone who is not yet part of it, is the same occasion unless that person says otherwise: the
//   app asks ("Var du med där?") before anything is stored; yes stores the entry with the
//   occasion's id, no with an id of its own. Repeating one's own entry is a separate question
//   ("Redan loggat – logga igen?") and, answered yes, a new occasion. When several occasions that
//   day fit (someone said no before), the one logged last is offered.
// - Life. An occasion exists while any of its entries is active: when its first entry is taken
//   back but others joined it, it still counts, once.
// - Count. An occasion counts the largest count given by its active entries: "3 tillfällen" from
//   the first logger is three occasions, and people who join add nothing to it.
// - Participants are never added up: an occasion has the largest number given, or the number of
//   people who logged it if that is larger; none when nobody gave a number and one person logged.
// - Hours are the time the work took, not person-hours: the largest given.
import type { IsoDate } from './agreement.js';
import { isActive, type Entry, type Person } from './entry.js';
import { fold } from './text.js';

export interface Occasion {
  /** The occasion's id: its first entry's id, as the joining entries carry it. */
  id: string;
  agreementId: string;
  activityId: string;
  date: IsoDate;
  /** The first place its entries name, as written. */
  place?: string;
  /** The largest count its active entries give (see the rules above). */
  count: number;
  /** Largest given, or how many people logged it if more; undefined when neither says anything. */
  participants?: number;
  /** The largest number of hours given. */
  hours?: number;
  /** Its active entries, in the order given. */
  entries: Entry[];
  /** The people who logged it (distinct, first first). */
  people: Person[];
}

/** The id of the occasion an entry belongs to: its `occasionId`, or its own id when it has none. */
export function occasionIdOf(entry: Pick<Entry, 'id' | 'occasionId'>): string {
  return entry.occasionId ?? entry.id;
}

/** The key an occasion is grouped by: its id within its agreement, activity and day. */
export function occasionKey(entry: Pick<Entry, 'id' | 'occasionId' | 'agreementId' | 'activityId' | 'date'>): string {
  return `${entry.agreementId}\u0000${entry.activityId}\u0000${entry.date}\u0000${occasionIdOf(entry)}`;
}

/**
 * The active entries (removed ones skipped) grouped by occasion, each group in the order given,
 * the groups in the order of their first entry. The key is the occasion id alone, which is unique
 * (an entry's id); only an entry whose group lies on another day or activity (moved by a
 * correction) needs the longer key. A year is 100,000 entries: this runs in one pass.
 */
export function occasionGroups(entries: readonly Entry[]): Entry[][] {
  const groups = new Map<string, Entry[]>();
  for (const e of entries) {
    if (!isActive(e)) continue;
    let key = occasionIdOf(e);
    let group = groups.get(key);
    const first = group?.[0];
    if (first && (first.date !== e.date || first.activityId !== e.activityId || first.agreementId !== e.agreementId)) {
      key = occasionKey(e);
      group = groups.get(key);
    }
    if (group) group.push(e);
    else groups.set(key, [e]);
  }
  return [...groups.values()];
}

/**
 * The occasions the active entries make (removed entries are skipped), in the order of each
 * occasion's first entry in `entries`. Pure: the same entries always give the same occasions.
 */
export function occasionsOf(entries: readonly Entry[]): Occasion[] {
  return occasionGroups(entries).map(occasionOfEntries);
}

/** The count of one occasion from its active entries: the largest they give (see the rules above). */
export function groupCount(entries: readonly Entry[]): number {
  let count = 0;
  for (const e of entries) if (e.count > count) count = e.count;
  return count;
}

/** One occasion from its active entries (non-empty, all of one occasion), by the rules above. */
export function occasionOfEntries(entries: readonly Entry[]): Occasion {
  const first = entries[0];
  if (!first) throw new RangeError('an occasion needs at least one entry');
  // Built field by field, without spreads: a year's summary makes tens of thousands of these.
  const people: Person[] = [];
  let count = 0;
  let given: number | undefined;
  let hours: number | undefined;
  let place: string | undefined;
  for (const e of entries) {
    // An occasion has a few people: a list is quicker than a set.
    if (!people.some((p) => p.id === e.by.id)) people.push(e.by);
    if (e.count > count) count = e.count;
    if (e.participants !== undefined && (given === undefined || e.participants > given)) given = e.participants;
    if (e.hours !== undefined && (hours === undefined || e.hours > hours)) hours = e.hours;
    if (place === undefined && e.place) place = e.place;
  }
  const occasion: Occasion = {
    id: occasionIdOf(first),
    agreementId: first.agreementId,
    activityId: first.activityId,
    date: first.date,
    count,
    entries: entries.slice(),
    people,
  };
  if (place !== undefined) occasion.place = place;
  const participants = occasionParticipants(given, people.length);
  if (participants !== undefined) occasion.participants = participants;
  if (hours !== undefined) occasion.hours = hours;
  return occasion;
}

/**
 * Participants of one occasion: the largest number given, or the number of people who logged it
 * when that is larger; undefined when nobody gave a number and only one person logged it (one
 * person's entry says nothing about how many took part).
 */
export function occasionParticipants(largestGiven: number | undefined, people: number): number | undefined {
  if (largestGiven === undefined) return people > 1 ? people : undefined;
  return Math.max(largestGiven, people);
}

/** Two places are the same place when either is not given, or they differ only in case or å/ä/ö. */
export function samePlace(a: string | undefined, b: string | undefined): boolean {
  if (!a?.trim() || !b?.trim()) return true;
  return fold(a) === fold(b);
}

/** What a new log says, for finding the occasion it may belong to. */
export interface OccasionDraft {
  agreementId: string;
  activityId: string;
  date: IsoDate;
  place?: string | undefined;
}

/**
 * The occasion someone else already logged that `personId`'s draft may be part of: the same
 * agreement, activity and day, the same place when both name one, and `personId` not yet among its
 * people. Of several, the one logged last (the one most likely meant); undefined when there is none.
 */
export function occasionToJoin(
  occasions: readonly Occasion[],
  draft: OccasionDraft,
  personId: string,
): Occasion | undefined {
  let found: Occasion | undefined;
  let latest = '';
  for (const o of occasions) {
    if (o.agreementId !== draft.agreementId || o.activityId !== draft.activityId || o.date !== draft.date) continue;
    if (!samePlace(o.place, draft.place) || o.people.some((p) => p.id === personId)) continue;
    const loggedAt = o.entries.reduce((last, e) => (e.loggedAt > last ? e.loggedAt : last), '');
    if (!found || loggedAt >= latest) {
      found = o;
      latest = loggedAt;
    }
  }
  return found;
}

/** The sum of the occasions' counts: what "N av M" and every figure read. */
export function occasionTotal(occasions: readonly Pick<Occasion, 'count'>[]): number {
  return occasions.reduce((sum, o) => sum + o.count, 0);
}
