// An import awaiting review: the agreement the importer drafted from a pasted text, its doubts, and
// who pasted it where. Nothing in a draft is live; "Spara" turns it into an agreement. Stored so a
// restart between pasting and saving loses nothing.
import { z } from 'zod';
import { agreementSchema, targetSchema, type Agreement, type Target } from './agreement.js';
import { personSchema } from './entry.js';
import { importDoubtSchema } from './import/doubts.js';
import { slugOf, uniqueId } from './import/names.js';
import { parsePeriod, periodLabel, periodTitle } from './import/period.js';

// A field's reasons as codes; drafts stored before the codes hold the reason as a Swedish sentence.
const doubtsSchema = z.record(z.string(), z.union([z.string(), z.array(importDoubtSchema)]));

export const importDraftSchema = z.object({
  id: z.string().min(1),
  conversationId: z.string().min(1),
  by: personSchema,
  at: z.string().min(1),
  /** The text as pasted; kept with the agreement when it is saved. */
  source: z.string().min(1),
  agreement: agreementSchema,
  doubts: doubtsSchema,
  activityDoubts: z.record(z.string(), doubtsSchema),
  /** Paragraphs of the text that became neither promise nor activity ("Text som inte lästes in"). */
  unused: z.array(z.string()).optional(),
  /** True while the text's period is unknown: the coordinator must set one before saving. */
  periodMissing: z.boolean().optional(),
  /**
   * Set on a working copy of a saved agreement (/medborgarlöfte ändra): its id, and the agreement as
   * stored when the copy was made, so Spara can see a change someone else saved meanwhile.
   */
  editOf: z.object({ agreementId: z.string().min(1), base: agreementSchema }).optional(),
  status: z.enum(['open', 'saved', 'cancelled']),
  closed: z.object({ by: personSchema, at: z.string().min(1) }).optional(),
});

export type ImportDraft = z.infer<typeof importDraftSchema>;

/** Why an edit of a draft's activity or agreement cannot be stored; the draft stays as it was. */
export type DraftEditProblem =
  | { code: 'draftEdit.badCount'; typed: string }
  | { code: 'draftEdit.noSuchActivity' }
  | { code: 'draftEdit.emptyName' }
  | { code: 'draftEdit.longName'; max: number }
  | { code: 'draftEdit.noParty' }
  | { code: 'draftEdit.noPromise' }
  | { code: 'draftEdit.unknownPromise' }
  | { code: 'draftEdit.noKeyword' }
  | { code: 'draftEdit.emptyTitle' }
  | { code: 'draftEdit.longTitle'; max: number }
  | { code: 'draftEdit.noPoliceArea' }
  | { code: 'draftEdit.badPeriod'; typed: string }
  | { code: 'draftEdit.noPromises' };

const MAX_NAME = 120;
const MAX_TITLE = 200;

/** What the "Ändra" form sends back for one activity, as typed. */
export interface ActivityEdit {
  name: string;
  parties: string;
  places: string;
  target: 'count' | 'weekly' | 'monthly' | 'weekendNights' | 'milestone' | 'ongoing';
  count?: string;
  unit?: string;
  /** The promises it serves: ids, comma-separated (the form's multi-select); unchanged when undefined. */
  promiseIds?: string;
  /** The words people log it by, comma-separated; unchanged when undefined. */
  keywords?: string;
}

function list(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[,;\n]/u)
        .map((s) => s.trim())
        .filter((s) => s.length > 0),
    ),
  ];
}

function targetOf(edit: ActivityEdit, previous: Target): Target | DraftEditProblem {
  switch (edit.target) {
    case 'count': {
      const typed = (edit.count ?? '').trim();
      if (!/^\d{1,6}$/u.test(typed) || Number(typed) < 1) {
        return { code: 'draftEdit.badCount', typed };
      }
      const unit = (edit.unit ?? '').trim() || (previous.kind === 'count' ? previous.unit : 'tillfällen');
      return { kind: 'count', count: Number(typed), unit };
    }
    case 'weekly':
    case 'monthly':
    case 'weekendNights':
      return { kind: 'recurring', rhythm: edit.target };
    case 'milestone':
      return { kind: 'milestone' };
    case 'ongoing':
      return { kind: 'ongoing' };
  }
}

/**
 * The agreement with one activity changed as the coordinator typed it: name, parties, places and
 * keywords (comma-separated), target, and the promises it serves. Returns the problem instead when the edit cannot be stored
 * (empty name, no party, no promise or one not in the draft, no keyword, a count that is not a whole number from 1); the agreement stays valid.
 */
export function editActivity(
  agreement: Agreement,
  activityId: string,
  edit: ActivityEdit,
): Agreement | DraftEditProblem {
  const activity = agreement.activities.find((a) => a.id === activityId);
  if (!activity) return { code: 'draftEdit.noSuchActivity' };
  const name = edit.name.trim();
  if (name.length === 0) return { code: 'draftEdit.emptyName' };
  if (name.length > MAX_NAME) return { code: 'draftEdit.longName', max: MAX_NAME };
  const parties = list(edit.parties);
  if (parties.length === 0) return { code: 'draftEdit.noParty' };
  const target = targetOf(edit, activity.target);
  if ('code' in target) return target;
  const promiseIds = edit.promiseIds === undefined ? activity.promiseIds : list(edit.promiseIds);
  if (promiseIds.length === 0) return { code: 'draftEdit.noPromise' };
  if (promiseIds.some((id) => !agreement.promises.some((p) => p.id === id)))
    return { code: 'draftEdit.unknownPromise' };
  const keywords = edit.keywords === undefined ? activity.keywords : list(edit.keywords.toLowerCase());
  if (keywords.length === 0) return { code: 'draftEdit.noKeyword' };
  const changed = {
    ...activity,
    name,
    parties,
    places: list(edit.places),
    target: targetSchema.parse(target),
    promiseIds,
    keywords,
  };
  return agreementSchema.parse({
    ...agreement,
    activities: agreement.activities.map((a) => (a.id === activityId ? changed : a)),
  });
}

/**
 * The agreement with the period the coordinator typed, in any form a published text uses ("2024",
 * "2018-2019", "under 2018 och 2019", "2018-07-01 – 2020-06-30", "1 juli 2021 – 30 juni 2022").
 * The id and a title made from the old period follow the new one. Undefined when no period can be read.
 */
export function withPeriod(agreement: Agreement, typed: string): Agreement | undefined {
  const period = parsePeriod(typed);
  if (!period) return undefined;
  const made = [`Medborgarlöfte ${periodTitle(agreement.period)}`, `Medborgarlöfte ${periodLabel(agreement.period)}`];
  return {
    ...agreement,
    id: `${agreement.area}-${periodLabel(period)}`,
    title: [...made, 'Medborgarlöfte'].includes(agreement.title)
      ? `Medborgarlöfte ${periodTitle(period)}`
      : agreement.title,
    period: { start: period.start, end: period.end },
  };
}

/** What the "Ändra löften och period" form sends back, as typed. */
export interface AgreementEdit {
  title: string;
  period: string;
  policeArea: string;
  /** One promise a line; "2. …" keeps promise 2 (its text as now written), a line without a number adds one. */
  promises: string;
}

/**
 * The draft's agreement with its title, period, police area and promises as the coordinator typed
 * them. A numbered line ("2. Tryggare skolvägar") is that promise, its text changed; a line without
 * a number is a new promise; a promise whose number is left out is removed, and its activities move
 * to the promise before it (the first, for the first) — that is how two promises are merged. Returns
 * the problem instead when the edit cannot be stored (empty title or police area, no period, no promise).
 */
export function editAgreement(agreement: Agreement, edit: AgreementEdit): Agreement | DraftEditProblem {
  const title = edit.title.trim();
  if (title.length === 0) return { code: 'draftEdit.emptyTitle' };
  if (title.length > MAX_TITLE) return { code: 'draftEdit.longTitle', max: MAX_TITLE };
  const policeArea = edit.policeArea.trim();
  if (policeArea.length === 0) return { code: 'draftEdit.noPoliceArea' };
  const withNewPeriod = withPeriod({ ...agreement, title }, edit.period);
  if (!withNewPeriod) return { code: 'draftEdit.badPeriod', typed: edit.period.trim().slice(0, 60) };
  const lines = edit.promises
    .split(/\r?\n/u)
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
  if (lines.length === 0) return { code: 'draftEdit.noPromises' };
  const taken = new Set(agreement.promises.map((p) => p.id));
  const kept = new Map<number, string>();
  const promises = lines.map((line) => {
    const numbered = /^(\d{1,3})[.)]\s+(.+)$/u.exec(line);
    const n = numbered ? Number(numbered[1]) - 1 : -1;
    const old = agreement.promises[n];
    if (old && !kept.has(n)) {
      kept.set(n, old.id);
      return { ...old, text: (numbered?.[2] ?? line).trim() };
    }
    return { id: uniqueId(slugOf(line, 3), taken), text: line.replace(/^\d{1,3}[.)]\s+/u, '') };
  });
  // A removed promise's activities join the nearest kept promise before it.
  const movedTo = (index: number): string => {
    for (let i = index; i >= 0; i--) {
      const id = kept.get(i);
      if (id) return id;
    }
    return promises[0]?.id ?? '';
  };
  const indexOf = new Map(agreement.promises.map((p, i) => [p.id, i]));
  const activities = agreement.activities.map((a) => ({
    ...a,
    promiseIds: [...new Set(a.promiseIds.map((id) => movedTo(indexOf.get(id) ?? 0)))],
  }));
  return agreementSchema.parse({ ...withNewPeriod, policeArea, promises, activities });
}
