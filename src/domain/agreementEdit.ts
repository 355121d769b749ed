// Changing a saved agreement (/medborgarlöfte ändra): the rules that decide whether a changed copy
// may replace the stored one, what becomes of a removed activity that has entries, and the list of
// before/after differences the audit log keeps. Pure: the entries and the other agreements are given.
//
// The rules, as written down for issue 23:
// - The agreement keeps its id whatever its period becomes: its entries are filed under that id.
// - Every entry must stay inside the agreement's period. A period that would leave an entry outside
//   it is refused (with the number of such entries and the first date): the coordinator first moves
//   or removes those entries. An entry is never moved into another agreement silently.
// - The period may not overlap another agreement of the area (as on Spara of an import).
// - An activity without entries is simply removed. An activity with entries (any, also undone ones:
//   they are the record of what was done) is removed only after the coordinator answered "Ta bort
//   ändå?"; it then moves to `removedActivities`: its entries are kept, readable and exportable,
//   but no longer logged to nor counted in any figure.
// - Renaming an activity or moving it to another promise changes nothing about its entries.
import type { Activity, Agreement, Target } from './agreement.js';
import type { Entry } from './entry.js';
import { isActive } from './entry.js';

/** A field's value before and after, as the audit log stores it (null: absent). */
interface FieldChange {
  from: string | null;
  to: string | null;
}

/** The differences of one subject: the agreement itself (activityId undefined) or one activity. */
export interface AgreementChangeGroup {
  activityId?: string;
  changes: Record<string, FieldChange>;
}

/** Why a changed agreement cannot replace the stored one. */
export type AgreementEditProblem =
  | { code: 'overlap'; other: { id: string; title: string; start: string; end: string } }
  | { code: 'entriesOutside'; count: number; first: string }
  | { code: 'unchanged' };

/** How a target is written in the audit log: "count 4 tillfällen", "weekly", "milestone". */
export function targetCode(target: Target): string {
  switch (target.kind) {
    case 'count':
      return `count ${target.count} ${target.unit}`;
    case 'recurring':
      return target.rhythm;
    default:
      return target.kind;
  }
}

function promiseTexts(agreement: Agreement, ids: readonly string[]): string {
  return ids.map((id) => agreement.promises.find((p) => p.id === id)?.text ?? id).join(' | ');
}

function put(changes: Record<string, FieldChange>, field: string, from: string | null, to: string | null): void {
  if (from !== to) changes[field] = { from, to };
}

/**
 * What changed from `before` to `after`, grouped: first the agreement's own fields (title,
 * period "start – end", policeArea, and `promise:<id>` for each promise added, removed or
 * reworded), then one group per activity that was added (field `added`), removed (`removed`), or
 * changed (name, parties, places, target, keywords, promises: the texts of the promises it serves).
 * Empty when nothing changed. Values are plain strings, never entries or notes.
 */
export function agreementChanges(before: Agreement, after: Agreement): AgreementChangeGroup[] {
  const own: Record<string, FieldChange> = {};
  put(own, 'title', before.title, after.title);
  put(own, 'period', `${before.period.start} – ${before.period.end}`, `${after.period.start} – ${after.period.end}`);
  put(own, 'policeArea', before.policeArea, after.policeArea);
  for (const p of before.promises) {
    const now = after.promises.find((x) => x.id === p.id);
    put(own, `promise:${p.id}`, p.text, now?.text ?? null);
  }
  for (const p of after.promises)
    if (!before.promises.some((x) => x.id === p.id)) put(own, `promise:${p.id}`, null, p.text);
  const groups: AgreementChangeGroup[] = Object.keys(own).length > 0 ? [{ changes: own }] : [];

  const fields = (agreement: Agreement, a: Activity): Record<string, string> => ({
    name: a.name,
    parties: a.parties.join(', '),
    places: a.places.join(', '),
    target: targetCode(a.target),
    keywords: a.keywords.join(', '),
    promises: promiseTexts(agreement, a.promiseIds),
  });
  for (const a of before.activities) {
    const now = after.activities.find((x) => x.id === a.id);
    if (!now) {
      groups.push({ activityId: a.id, changes: { removed: { from: a.name, to: null } } });
      continue;
    }
    const was = fields(before, a);
    const is = fields(after, now);
    const changes: Record<string, FieldChange> = {};
    for (const key of Object.keys(was)) put(changes, key, was[key] ?? null, is[key] ?? null);
    if (Object.keys(changes).length > 0) groups.push({ activityId: a.id, changes });
  }
  for (const a of after.activities)
    if (!before.activities.some((x) => x.id === a.id))
      groups.push({ activityId: a.id, changes: { added: { from: null, to: a.name } } });
  return groups;
}

/** How many active (not undone) entries the activity has: what "Aktiviteten har N insatser" counts. */
export function activityEntryCount(entries: readonly Entry[], activityId: string): number {
  return entries.filter((e) => e.activityId === activityId && isActive(e)).length;
}

/**
 * The changed agreement as it is stored: its id is the stored one's, and every activity removed in
 * the change that has entries (active or undone) is kept in `removedActivities`, so its entries stay
 * valid. An activity brought back under its old id leaves `removedActivities`.
 */
export function settledAgreement(before: Agreement, after: Agreement, entries: readonly Entry[]): Agreement {
  const live = new Set(after.activities.map((a) => a.id));
  const withEntries = new Set(entries.map((e) => e.activityId));
  const removed = [
    ...(before.removedActivities ?? []),
    ...before.activities.filter((a) => !live.has(a.id) && withEntries.has(a.id)),
  ].filter((a) => !live.has(a.id));
  const { removedActivities: _old, ...rest } = after;
  return { ...rest, id: before.id, ...(removed.length > 0 ? { removedActivities: removed } : {}) };
}

/**
 * Whether `after` (already settled, see settledAgreement) may replace `before`: not when nothing
 * changed, when an entry's date falls outside the new period, or when the period overlaps one of
 * `others` (the area's other agreements).
 */
export function agreementEditProblem(
  before: Agreement,
  after: Agreement,
  entries: readonly Entry[],
  others: readonly Agreement[],
): AgreementEditProblem | undefined {
  if (agreementChanges(before, after).length === 0) return { code: 'unchanged' };
  const { start, end } = after.period;
  const outside = entries
    .filter((e) => e.date < start || e.date > end)
    .map((e) => e.date)
    .sort();
  const first = outside[0];
  if (first !== undefined) return { code: 'entriesOutside', count: outside.length, first };
  const other = others.find((o) => o.id !== before.id && o.period.start <= end && start <= o.period.end);
  if (other)
    return {
      code: 'overlap',
      other: { id: other.id, title: other.title, start: other.period.start, end: other.period.end },
    };
  return undefined;
}
