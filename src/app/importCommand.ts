// /importera: a coordinator pastes an area's published text (in the message, or in the form), gets
// the drafts as cards, changes rows with "Ändra", and saves with "Spara". Nothing is live before
// Spara; saving adds the agreement under the store's rules (no overlapping period, no duplicate id)
// with the pasted text, who saved it and when. Drafts are on disk, so a restart loses none.
import { turnAuditRecord } from './audit.js';
import { z } from 'zod';
import { AgreementConflictError, type Agreement } from '../domain/agreement.js';
import { formatSwedishDate } from '../domain/calendar.js';
import { editActivity, editAgreement, withPeriod, type ImportDraft } from '../domain/importDraft.js';
import { importAgreements } from '../domain/import/importText.js';
import { activityEntryCount, agreementEditProblem } from '../domain/agreementEdit.js';
import { LAST_ACTIVITY, agreementEditProblemText, removeActivityQuestion } from '../views/agreementEditTexts.js';
import { saveAgreementEdit } from './agreementEditCommand.js';
import {
  MAX_IMPORT_LENGTH,
  PERIOD_FIRST,
  importActivityCard,
  importAgreementCard,
  importDraftCard,
  importFormCard,
  periodNotRead,
} from '../views/importCards.js';
import { render } from '../views/catalogue.js';
import { agreementConflictText } from '../views/storeTexts.js';
import { classifyFailure } from '../errors/classify.js';
import { importTexts, type ImportConflict, type ImportReply } from '../views/importTexts.js';
import { COORDINATOR_ONLY, isCoordinator, personOf, type Turn } from './context.js';
import { card, replaceCard, text, type Reply } from './ports.js';

const say = (reply: ImportReply): string => render(importTexts, reply);
const id = z.string().min(1).max(100);
const page = z.number().int().min(0).max(1000);

const submitSchema = z.discriminatedUnion('verb', [
  z.object({
    verb: z.literal('import.text'),
    text: z
      .string()
      .max(MAX_IMPORT_LENGTH + 1000)
      .optional(),
  }),
  z.object({ verb: z.literal('import.page'), draftId: id, page }),
  z.object({ verb: z.literal('import.edit'), draftId: id, activityId: id, page }),
  z.object({
    verb: z.literal('import.editSave'),
    draftId: id,
    activityId: id,
    page,
    name: z.string().max(1000).optional(),
    parties: z.string().max(1000).optional(),
    places: z.string().max(1000).optional(),
    target: z.enum(['count', 'weekly', 'monthly', 'weekendNights', 'milestone', 'ongoing']).optional(),
    count: z.union([z.string().max(100), z.number()]).optional(),
    unit: z.string().max(100).optional(),
    promiseIds: z.string().max(2000).optional(),
    keywords: z.string().max(1000).optional(),
  }),
  z.object({ verb: z.literal('import.back'), draftId: id, page }),
  z.object({ verb: z.literal('import.period'), draftId: id, page, period: z.string().max(200).optional() }),
  z.object({ verb: z.literal('import.agreementEdit'), draftId: id, page }),
  z.object({
    verb: z.literal('import.agreementSave'),
    draftId: id,
    page,
    title: z.string().max(1000).optional(),
    period: z.string().max(200).optional(),
    policeArea: z.string().max(1000).optional(),
    promises: z.string().max(20_000).optional(),
  }),
  z.object({
    verb: z.literal('import.remove'),
    draftId: id,
    activityId: id,
    page,
    confirmed: z.boolean().optional(),
  }),
  z.object({ verb: z.literal('import.save'), draftId: id }),
  z.object({ verb: z.literal('import.cancel'), draftId: id }),
]);

/** True for the verbs this module answers. */
export function isImportVerb(verb: unknown): boolean {
  return typeof verb === 'string' && verb.startsWith('import.');
}

async function overlapWarning(turn: Turn, agreement: Agreement, editOf?: string): Promise<string[]> {
  const agreements = await turn.records.agreements();
  if (editOf !== undefined) {
    // A working copy of a saved agreement: what Spara would refuse, shown before it is pressed.
    const stored = await turn.records.agreement(editOf);
    if (!stored) return [];
    const problem = agreementEditProblem(stored, agreement, await turn.records.entries(editOf), agreements);
    return problem && problem.code !== 'unchanged' ? [agreementEditProblemText(problem)] : [];
  }
  const conflict = await importConflict(turn, agreement, agreements);
  return conflict ? [say(conflict)] : [];
}

/** Why a new agreement cannot be added: its id taken in any area, or its period overlapping one of this area's. */
async function importConflict(
  turn: Turn,
  agreement: Agreement,
  agreements: readonly Agreement[],
): Promise<ImportConflict | undefined> {
  // Ids are unique across areas (the store refuses a taken one): every area is asked, for the warning.
  const same = await agreementAnywhere(turn, agreement.id);
  if (same) return { code: 'import.idTaken', id: agreement.id, title: same.title };
  // Periods may not overlap within the area.
  const overlapping = agreements.find(
    (a) => a.period.start <= agreement.period.end && agreement.period.start <= a.period.end,
  );
  return overlapping ? { code: 'import.overlaps', title: overlapping.title, ...overlapping.period } : undefined;
}

/** The agreement with this id in any area: an import's id must be free in all of them. */
async function agreementAnywhere(turn: Turn, id: string): Promise<Agreement | undefined> {
  for (const area of await turn.deps.port.areas.areas()) {
    const found = await turn.deps.port.records(area.id).agreement(id);
    if (found) return found;
  }
  return undefined;
}

async function draftReply(turn: Turn, draft: ImportDraft, page: number, replace: boolean): Promise<Reply> {
  const c = importDraftCard(
    draft,
    page,
    draft.status === 'open' ? await overlapWarning(turn, draft.agreement, draft.editOf?.agreementId) : [],
  );
  const fallback = say({
    code: 'import.draftFallback',
    title: draft.agreement.title,
    activities: draft.agreement.activities.length,
  });
  return replace ? replaceCard(c, fallback) : card(c, fallback);
}

/** "/importera" alone → the paste form; "/importera <text>" → the drafts. Coordinators only. */
export async function importCommand(turn: Turn, args: string): Promise<Reply[]> {
  if (!(await isCoordinator(turn))) return [text(COORDINATOR_ONLY)];
  if (args.trim().length === 0) return [card(importFormCard(), say({ code: 'import.pasteAfterCommand' }))];
  return importText(turn, args, false);
}

async function importText(turn: Turn, source: string, fromForm: boolean): Promise<Reply[]> {
  if (source.length > MAX_IMPORT_LENGTH) {
    const message = say({ code: 'import.tooLong', length: source.length, max: MAX_IMPORT_LENGTH });
    return [fromForm ? replaceCard(importFormCard(message), message) : text(message)];
  }
  // An import always lands in the conversation's area.
  // The police area and the kommun come from the area's settings, not from the text.
  const result = importAgreements(source, {
    today: turn.today,
    area: turn.area.id,
    policeArea: turn.area.policeArea,
    municipality: turn.area.name,
  });
  if (result.drafts.length === 0) {
    const message = say({ code: 'import.nothingRead', problems: result.problems });
    return [fromForm ? replaceCard(importFormCard(message), message) : text(message)];
  }
  const by = personOf(turn);
  const drafts: ImportDraft[] = result.drafts.map((d) => ({
    id: turn.deps.newId(),
    conversationId: turn.input.conversation.id,
    by,
    at: turn.now.toISOString(),
    source,
    agreement: d.agreement,
    doubts: d.doubts,
    activityDoubts: d.activityDoubts,
    unused: d.unused,
    periodMissing: d.periodMissing,
    status: 'open',
  }));
  await turn.deps.port.importDrafts.add(drafts);
  // Counts only: the pasted text and names stay out of the log.
  turn.log.info(
    { drafts: drafts.map((d) => ({ id: d.id, activities: d.agreement.activities.length })) },
    'import drafted',
  );
  const replies = await Promise.all(drafts.map((d) => draftReply(turn, d, 0, false)));
  const activities = result.drafts[0]?.agreement.activities.length ?? 0;
  const intro = say({ code: 'import.drafted', drafts: drafts.length, activities, problems: result.problems });
  return [text(intro), ...replies];
}

/** Card submits of the import: paging, "Ändra", its form, "Spara", "Avbryt", the paste form. */
export async function importAction(turn: Turn, value: unknown): Promise<Reply[]> {
  const parsed = submitSchema.safeParse(value);
  if (!parsed.success) return [text(say({ code: 'import.unreadable' }))];
  if (!(await isCoordinator(turn))) return [text(COORDINATOR_ONLY)];
  const submit = parsed.data;
  const drafts = turn.deps.port.importDrafts;
  if (submit.verb === 'import.text') {
    const source = (submit.text ?? '').trim();
    if (source.length === 0) {
      const message = say({ code: 'import.pasteFirst' });
      return [replaceCard(importFormCard(message), message)];
    }
    return importText(turn, source, true);
  }
  const found = await drafts.get(submit.draftId);
  // Another area's draft is unknown here, like its agreements.
  const draft = found?.agreement.area === turn.area.id ? found : undefined;
  if (!draft) return [text(say({ code: 'import.draftGone' }))];
  if (draft.status !== 'open' && submit.verb !== 'import.page' && submit.verb !== 'import.back') {
    return [text(say({ code: 'import.draftClosed', title: draft.agreement.title, saved: draft.status === 'saved' }))];
  }
  switch (submit.verb) {
    case 'import.page':
    case 'import.back':
      return [await draftReply(turn, draft, submit.page, true)];
    case 'import.edit': {
      const activity = draft.agreement.activities.find((a) => a.id === submit.activityId);
      if (!activity) return [text(say({ code: 'import.noSuchActivity' }))];
      return [replaceCard(importActivityCard(draft, activity, submit.page), `Ändra ${activity.name}`)];
    }
    case 'import.editSave':
      return editSave(turn, draft, submit);
    case 'import.period':
      return setPeriod(turn, draft, submit.page, submit.period ?? '');
    case 'import.agreementEdit':
      return [replaceCard(importAgreementCard(draft, submit.page), `Ändra ${draft.agreement.title}`)];
    case 'import.agreementSave':
      return agreementSave(turn, draft, submit);
    case 'import.remove':
      return removeActivity(turn, draft, submit);
    case 'import.save':
      return draft.editOf ? saveAgreementEdit(turn, draft) : save(turn, draft);
    case 'import.cancel': {
      const closed = await drafts.updateOpen(draft.id, (d) => ({
        ...d,
        status: 'cancelled',
        closed: { by: personOf(turn), at: turn.now.toISOString() },
      }));
      if (!closed) return [text(say({ code: 'import.alreadyClosed' }))];
      turn.log.info({ draftId: draft.id }, 'import cancelled');
      return [
        await draftReply(turn, closed, 0, true),
        text(say({ code: 'import.cancelled', title: draft.agreement.title })),
      ];
    }
  }
}

async function editSave(
  turn: Turn,
  draft: ImportDraft,
  submit: Extract<z.infer<typeof submitSchema>, { verb: 'import.editSave' }>,
): Promise<Reply[]> {
  const activity = draft.agreement.activities.find((a) => a.id === submit.activityId);
  if (!activity) return [text(say({ code: 'import.noSuchActivity' }))];
  const edited = editActivity(draft.agreement, activity.id, {
    name: submit.name ?? activity.name,
    parties: submit.parties ?? activity.parties.join(', '),
    places: submit.places ?? '',
    target: submit.target ?? (activity.target.kind === 'recurring' ? activity.target.rhythm : activity.target.kind),
    count: submit.count === undefined ? '' : String(submit.count),
    unit: submit.unit ?? '',
    ...(submit.promiseIds !== undefined ? { promiseIds: submit.promiseIds } : {}),
    ...(submit.keywords !== undefined ? { keywords: submit.keywords } : {}),
  });
  if ('code' in edited) {
    const message = say({ code: 'import.editNotSaved', problem: edited });
    return [replaceCard(importActivityCard(draft, activity, submit.page, message), say(edited))];
  }
  const updated = await turn.deps.port.importDrafts.updateOpen(draft.id, (d) => {
    // What the coordinator set is no longer a guess.
    const { [activity.id]: _reviewed, ...rest } = d.activityDoubts;
    return { ...d, agreement: edited, activityDoubts: rest };
  });
  if (!updated) return [text(say({ code: 'import.alreadyClosed' }))];
  return [await draftReply(turn, updated, submit.page, true)];
}

/** "Ändra löften och period": title, period, police area and promises as typed. */
async function agreementSave(
  turn: Turn,
  draft: ImportDraft,
  submit: Extract<z.infer<typeof submitSchema>, { verb: 'import.agreementSave' }>,
): Promise<Reply[]> {
  const a = draft.agreement;
  const edited = editAgreement(a, {
    title: submit.title ?? a.title,
    period: submit.period ?? `${a.period.start} – ${a.period.end}`,
    policeArea: submit.policeArea ?? a.policeArea,
    promises: submit.promises ?? a.promises.map((p, i) => `${i + 1}. ${p.text}`).join('\n'),
  });
  if ('code' in edited) {
    const message = say({ code: 'import.editNotSaved', problem: edited });
    return [replaceCard(importAgreementCard(draft, submit.page, message), message)];
  }
  const updated = await turn.deps.port.importDrafts.updateOpen(draft.id, (d) => {
    // What the coordinator set is no longer a guess.
    const { period: _p, policeArea: _pa, promises: _pr, ...doubts } = d.doubts;
    return { ...d, agreement: keptId(d, edited), doubts, periodMissing: false };
  });
  if (!updated) return [text(say({ code: 'import.alreadyClosed' }))];
  return [await draftReply(turn, updated, submit.page, true)];
}

/** "Sätt period" on the draft card: the period typed, read like a published text's. */
async function setPeriod(turn: Turn, draft: ImportDraft, page: number, typed: string): Promise<Reply[]> {
  const agreement = withPeriod(draft.agreement, typed);
  if (!agreement) {
    const message = periodNotRead(typed);
    return [replaceCard(importDraftCard(draft, page, [message]), message)];
  }
  const updated = await turn.deps.port.importDrafts.updateOpen(draft.id, (d) => {
    // The period the coordinator set is no longer a doubt.
    const { period: _chosen, ...doubts } = d.doubts;
    return { ...d, agreement: keptId(d, agreement), doubts, periodMissing: false };
  });
  if (!updated) return [text(say({ code: 'import.alreadyClosed' }))];
  return [await draftReply(turn, updated, page, true)];
}

/** A working copy of a saved agreement keeps its id whatever its period becomes: its entries are filed under it. */
function keptId(draft: ImportDraft, agreement: Agreement): Agreement {
  return draft.editOf ? { ...agreement, id: draft.editOf.agreementId } : agreement;
}

/**
 * "Ta bort aktiviteten" on the activity's form. On a working copy of a saved agreement an activity
 * with entries is removed only after "Ta bort ändå?" (its entries are then kept; see agreementEdit.ts).
 */
async function removeActivity(
  turn: Turn,
  draft: ImportDraft,
  submit: Extract<z.infer<typeof submitSchema>, { verb: 'import.remove' }>,
): Promise<Reply[]> {
  const activity = draft.agreement.activities.find((a) => a.id === submit.activityId);
  if (!activity) return [text(say({ code: 'import.noSuchActivity' }))];
  if (draft.agreement.activities.length === 1)
    return [replaceCard(importActivityCard(draft, activity, submit.page, LAST_ACTIVITY), LAST_ACTIVITY)];
  const entries = draft.editOf
    ? activityEntryCount(await turn.records.entries(draft.editOf.agreementId), activity.id)
    : 0;
  if (entries > 0 && submit.confirmed !== true) {
    const question = removeActivityQuestion(entries);
    return [replaceCard(importActivityCard(draft, activity, submit.page, '', { question, confirm: true }), question)];
  }
  const updated = await turn.deps.port.importDrafts.updateOpen(draft.id, (d) => {
    const { [activity.id]: _gone, ...activityDoubts } = d.activityDoubts;
    return {
      ...d,
      agreement: { ...d.agreement, activities: d.agreement.activities.filter((a) => a.id !== activity.id) },
      activityDoubts,
    };
  });
  if (!updated) return [text(say({ code: 'import.alreadyClosed' }))];
  return [await draftReply(turn, updated, submit.page, true)];
}

/**
 * Why the store refused the agreement, for the coordinator: a conflict in words from its values, another
 * of the bot's errors as the error catalogue describes it (without its full stop: the reply goes on),
 * anything else by its message.
 */
function saveFailureReason(error: unknown): string {
  if (error instanceof AgreementConflictError) return agreementConflictText(error);
  const found = classifyFailure(error);
  return found.code === 'unknown' ? String((error as Error).message) : found.description.replace(/\.$/u, '');
}

async function save(turn: Turn, draft: ImportDraft): Promise<Reply[]> {
  if (draft.periodMissing) return [text(PERIOD_FIRST)];
  const by = personOf(turn);
  const agreement: Agreement = {
    ...draft.agreement,
    imported: { by, at: turn.now.toISOString(), source: draft.source },
  };
  const conflict = await importConflict(turn, agreement, await turn.records.agreements());
  if (conflict) return [text(say({ code: 'import.saveBlocked', conflict }))];
  try {
    await turn.deps.port.areas.addAgreement(
      agreement,
      turnAuditRecord(turn, { action: 'agreement.imported', agreementId: agreement.id, detail: `utkast ${draft.id}` }),
    );
  } catch (error) {
    turn.log.warn({ err: error, draftId: draft.id }, 'import could not be saved');
    return [text(say({ code: 'import.saveFailed', title: draft.agreement.title, reason: saveFailureReason(error) }))];
  }
  const saved = await turn.deps.port.importDrafts.updateOpen(draft.id, (d) => ({
    ...d,
    status: 'saved',
    closed: { by, at: turn.now.toISOString() },
  }));
  turn.log.info({ draftId: draft.id, agreementId: agreement.id }, 'import saved');
  const year = agreement.period.start.slice(0, 4);
  return [
    await draftReply(turn, saved ?? { ...draft, status: 'saved', closed: { by, at: turn.now.toISOString() } }, 0, true),
    text(
      say({
        code: 'import.saved',
        title: agreement.title,
        start: formatSwedishDate(agreement.period.start),
        end: formatSwedishDate(agreement.period.end),
        promises: agreement.promises.length,
        activities: agreement.activities.length,
        year,
      }),
    ),
  ];
}
