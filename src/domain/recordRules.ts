// The rules every store applies when an agreement or an entry is stored: one agreement per id,
// periods that do not overlap within an area, no entry left outside its agreement by a change, one
// entry per message (a redelivered message or a second click is a duplicate), and an entry removed
// at most once.
import { overlappingAgreements, type Agreement } from './agreement.js';
import { entryAgreementProblem, isActive, type Entry, type EntryAgreementProblem } from './entry.js';

/** Why an agreement cannot be added: its id is taken, or its period overlaps another of its area's. */
export type AgreementAdditionProblem = { reason: 'duplicate' | 'overlap'; conflictsWith: string };

/**
 * Why `agreement` cannot join its area, or undefined when it can. `taken` says whether an agreement
 * with its id exists in any area; `areaAgreements` are its area's agreements as stored.
 */
export function agreementAdditionProblem(
  agreement: Agreement,
  areaAgreements: readonly Agreement[],
  taken: (id: string) => boolean,
): AgreementAdditionProblem | undefined {
  if (taken(agreement.id)) return { reason: 'duplicate', conflictsWith: agreement.id };
  const overlap = overlappingAgreements([...areaAgreements, agreement]);
  if (!overlap) return undefined;
  return { reason: 'overlap', conflictsWith: overlap[0].id === agreement.id ? overlap[1].id : overlap[0].id };
}

/**
 * Why a changed agreement cannot replace the stored one: an entry would fall outside it, or its period
 * would overlap another of the area's (`other`, that agreement's id). The store says it in words
 * (src/views/storeTexts.ts).
 */
export type AgreementChangeProblem = EntryAgreementProblem | { code: 'refused.periodOverlaps'; other: string };

/** Why the changed agreement cannot replace the stored one; undefined when it can. */
export function agreementChangeProblem(
  changed: Agreement,
  areaAgreements: readonly Agreement[],
  entries: readonly Entry[],
): AgreementChangeProblem | undefined {
  for (const entry of entries) {
    const problem = entryAgreementProblem(entry, changed);
    if (problem) return problem;
  }
  const overlap = overlappingAgreements(areaAgreements.map((a) => (a.id === changed.id ? changed : a)));
  if (overlap)
    return { code: 'refused.periodOverlaps', other: overlap[0].id === changed.id ? overlap[1].id : overlap[0].id };
  return undefined;
}

/** The stored entry from the same message as `entry` (same `sourceId`), which makes it a duplicate. */
export function duplicateOf(
  entry: Pick<Entry, 'sourceId'>,
  stored: (sourceId: string) => Entry | undefined,
): Entry | undefined {
  return entry.sourceId === undefined ? undefined : stored(entry.sourceId);
}

/** True when the entry can be removed now: it exists and is not removed already (an entry is removed once). */
export function removable(entry: Entry | undefined): entry is Entry {
  return entry !== undefined && entry.removed === undefined;
}

/** True when the entry can be edited: it exists and is active (a removed entry is restored first). */
export function editable(entry: Entry | undefined): entry is Entry {
  return entry !== undefined && entry.removed === undefined;
}

/** True when the entry can be restored: it exists and is removed. */
export function restorable(entry: Entry | undefined): entry is Entry {
  return entry?.removed !== undefined;
}

/**
 * Whether `e` is a later log than `than`: logged later (`loggedAt`, ISO 8601 UTC, compared as text),
 * or logged in the same millisecond and given later (the caller says, as the order entries are given
 * in: stored order within an agreement, agreement order across them). The one definition of "the
 * person's latest entry" that the "logga igen?" question asks about, in every store.
 */
export function isLaterLog(e: Pick<Entry, 'loggedAt'>, than: Pick<Entry, 'loggedAt'>, givenLater: boolean): boolean {
  return givenLater ? e.loggedAt >= than.loggedAt : e.loggedAt > than.loggedAt;
}

/**
 * The person's latest active entry among `entries` (given in allEntries' order): the one they
 * logged (`by.id`, not one they only removed) with the latest `loggedAt`, and of entries logged in
 * the same millisecond the one given last; undefined when they have no active entry.
 */
export function latestEntryBy<E extends Entry>(entries: Iterable<E>, personId: string): E | undefined {
  let latest: E | undefined;
  for (const e of entries)
    if (e.by.id === personId && isActive(e) && (!latest || isLaterLog(e, latest, true))) latest = e;
  return latest;
}
