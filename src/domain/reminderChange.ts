// The Monday reminders' rules, as functions over the stored people: who is who (any of their ids),
// their own choices (off, paused), the week claimed once, and whether they can be reached. Every
// store applies these, so a person's reminders behave the same whichever store holds them.
import { reminderPersonSchema, type ReminderPerson } from './reminderRecord.js';
import { samePerson, type PersonIdentity } from './responsible.js';
import type { ListChange } from './conversationSelection.js';

/** Who a change is about: any of their ids, and their name as Teams shows it. */
export interface ReminderWho extends PersonIdentity {
  name: string;
}

/** A coordinators' notice claimed for an area (its key, e.g. '2020-T2-ended', and when). */
export interface ClaimedNotice {
  areaId: string;
  key: string;
  at: string;
}

/** The identity of a stored person, for samePerson. */
function identityOf(p: ReminderPerson): PersonIdentity {
  return { id: p.userId, aadObjectId: p.aadObjectId, upn: p.upn };
}

/** The stored person matching `who`, if any. */
export function findPerson(people: readonly ReminderPerson[], who: PersonIdentity): ReminderPerson | undefined {
  return people.find((p) => samePerson(identityOf(p), who));
}

/**
 * Applies `apply` to the person matching `who` (their missing ids filled in from `who`), or to a
 * new person named `who.name`. Returns the new list and the person as changed. Throws ZodError when
 * the result is not a valid person.
 */
export function changePerson(
  people: readonly ReminderPerson[],
  who: ReminderWho,
  apply: (p: ReminderPerson) => ReminderPerson,
): ListChange<ReminderPerson, ReminderPerson> {
  const index = people.findIndex((p) => samePerson(identityOf(p), who));
  const base: ReminderPerson = structuredClone(people[index] ?? { name: who.name.slice(0, 200) });
  if (who.id !== undefined && base.userId === undefined) base.userId = who.id;
  if (who.aadObjectId !== undefined && base.aadObjectId === undefined) base.aadObjectId = who.aadObjectId;
  if (who.upn !== undefined && base.upn === undefined) base.upn = who.upn;
  const changed = reminderPersonSchema.parse(apply(base));
  const records = [...people];
  if (index < 0) records.push(changed);
  else records[index] = changed;
  return { records, result: structuredClone(changed) };
}

/**
 * True when a message from `who` in their personal chat tells the store something new: a new person,
 * a changed reference, or an id it lacked. An ordinary message costs no write.
 */
export function contactIsNews(
  people: readonly ReminderPerson[],
  who: ReminderWho & { reference: Record<string, unknown> },
): boolean {
  const known = findPerson(people, who);
  return !(
    known &&
    JSON.stringify(known.reference) === JSON.stringify(who.reference) &&
    (who.upn === undefined || known.upn !== undefined) &&
    (who.aadObjectId === undefined || known.aadObjectId !== undefined)
  );
}

/** Keeps how to reach the person (their personal chat's reference). */
export const noteContact =
  (reference: Record<string, unknown>, name: string, at: Date) =>
  (p: ReminderPerson): ReminderPerson => ({
    ...p,
    reference: structuredClone(reference),
    referenceAt: at.toISOString(),
    ...(name ? { name: name.slice(0, 200) } : {}),
  });

/** Reminders off (true), or on again (false, which also ends a pause). */
export const setOff =
  (off: boolean, at: Date) =>
  (p: ReminderPerson): ReminderPerson => {
    if (off) return { ...p, off: { at: at.toISOString() } };
    const { off: _off, pausedUntil: _paused, ...rest } = p;
    return rest;
  };

/** No reminder before `until` (an ISO date). */
export const pauseUntil =
  (until: string) =>
  (p: ReminderPerson): ReminderPerson => ({ ...p, pausedUntil: until });

/** The claimed reminder was accepted; `reference` is the chat the bot opened, if it did. */
export const reminderSent =
  (at: Date, reference?: Record<string, unknown>) =>
  (p: ReminderPerson): ReminderPerson => {
    const { unreachable: _u, ...rest } = p;
    return {
      ...rest,
      sentAt: at.toISOString(),
      ...(reference ? { reference: structuredClone(reference), referenceAt: at.toISOString() } : {}),
    };
  };

/** The bot could not reach the person; a later report keeps the first moment and whether it was told. */
export const unreachable =
  (at: Date, status: number | undefined) =>
  (p: ReminderPerson): ReminderPerson =>
    p.unreachable ? p : { ...p, unreachable: { at: at.toISOString(), ...(status !== undefined ? { status } : {}) } };

/** A coordinator was told the person cannot be reached. */
export const reported =
  (at: Date) =>
  (p: ReminderPerson): ReminderPerson =>
    p.unreachable ? { ...p, unreachable: { ...p.unreachable, reportedAt: at.toISOString() } } : p;

/**
 * Claims `week`'s reminder (ISO week key) for the person: true when claimed now, false when that
 * week or a later one was claimed already. The person is added when new.
 */
export function claimReminderWeek(
  people: readonly ReminderPerson[],
  who: ReminderWho,
  week: string,
  at: Date,
): ListChange<ReminderPerson, boolean> {
  const known = findPerson(people, who);
  if (known?.lastWeek !== undefined && known.lastWeek >= week) {
    // Still fills in the ids it lacked, as the claim always has.
    return { records: changePerson(people, who, (p) => p).records, result: false };
  }
  const { records } = changePerson(people, who, (p) => ({ ...p, lastWeek: week, claimedAt: at.toISOString() }));
  return { records, result: true };
}

/** Claims the area's notice `key`: true when claimed now, false when it was claimed before. */
export function claimNotice(
  notices: readonly ClaimedNotice[],
  areaId: string,
  key: string,
  at: Date,
): ListChange<ClaimedNotice, boolean> {
  if (notices.some((n) => n.areaId === areaId && n.key === key)) return { records: [...notices], result: false };
  return { records: [...notices, { areaId, key, at: at.toISOString() }], result: true };
}
