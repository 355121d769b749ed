// "/medborgarlöfte ändra [år|id]" (coordinators, personal chat): opens a saved agreement in the
// import's draft card as a working copy. Edits change only the copy; Spara applies it under the
// rules of src/domain/agreementEdit.ts, writes the agreement and one audit record per changed
// subject (the agreement's own fields, each activity) with the before and after values.
import {
  agreementChanges,
  agreementEditProblem,
  settledAgreement,
  type AgreementChangeGroup,
} from '../domain/agreementEdit.js';
import { agreementSchema, type Agreement } from '../domain/agreement.js';
import type { ImportDraft } from '../domain/importDraft.js';
import { fold } from '../domain/text.js';
import {
  agreementChangedFallback,
  agreementEditFallback,
  AGREEMENT_CHANGED_MEANWHILE,
  AGREEMENT_EDIT_PERSONAL_ONLY,
  AGREEMENT_EDIT_USAGE,
  agreementEditIntro,
  agreementEditNotFound,
  agreementEditProblemText,
  agreementEditFailed,
  agreementEditSaved,
} from '../views/agreementEditTexts.js';
import { importDraftCard } from '../views/importCards.js';
import { agreementForYear, currentAgreement, knownPeriodsText } from './agreements.js';
import { turnAuditRecord, viaOf } from './audit.js';
import { COORDINATOR_ONLY, isCoordinator, personOf, type Turn } from './context.js';
import { card, replaceCard, text, type Reply } from './ports.js';

async function agreementNamed(turn: Turn, typed: string): Promise<Agreement | undefined> {
  const agreements = await turn.records.agreements();
  if (typed.length === 0) return currentAgreement(agreements, turn.today);
  if (/^(?:19|20)\d{2}$/u.test(typed)) return agreementForYear(agreements, Number(typed));
  return turn.records.agreement(typed.toLowerCase());
}

/** "/medborgarlöfte ändra [år|id]": the working copy of the agreement in the draft card. */
export async function agreementCommand(turn: Turn, args: string): Promise<Reply[]> {
  if (!(await isCoordinator(turn))) return [text(COORDINATOR_ONLY)];
  const [verb = '', ...rest] = args.trim().split(/\s+/u);
  if (fold(verb) !== 'andra') return [text(AGREEMENT_EDIT_USAGE)];
  if (turn.input.conversation.kind !== 'personal') return [text(AGREEMENT_EDIT_PERSONAL_ONLY)];
  const typed = rest.join(' ').trim();
  const agreement = await agreementNamed(turn, typed);
  if (!agreement) return [text(agreementEditNotFound(typed, knownPeriodsText(await turn.records.agreements())))];
  const draft: ImportDraft = {
    id: turn.deps.newId(),
    conversationId: turn.input.conversation.id,
    by: personOf(turn),
    at: turn.now.toISOString(),
    source: agreement.imported?.source ?? agreement.id,
    agreement: structuredClone(agreement),
    doubts: {},
    activityDoubts: {},
    editOf: { agreementId: agreement.id, base: structuredClone(agreement) },
    status: 'open',
  };
  await turn.deps.port.importDrafts.add([draft]);
  turn.log.info({ draftId: draft.id, agreementId: agreement.id }, 'agreement edit opened');
  return [
    text(agreementEditIntro(agreement.title)),
    card(importDraftCard(draft, 0), agreementEditFallback(agreement.title, agreement.activities.length)),
  ];
}

/**
 * Spara on a working copy: refused (the copy stays open) when the stored agreement changed
 * meanwhile, nothing changed, an entry would fall outside the new period, or the period overlaps
 * another agreement; else the agreement and its audit records are written and the copy is closed.
 */
export async function saveAgreementEdit(turn: Turn, draft: ImportDraft): Promise<Reply[]> {
  const editOf = draft.editOf;
  const current = editOf ? await turn.records.agreement(editOf.agreementId) : undefined;
  if (!editOf || !current)
    return [text(agreementEditNotFound(editOf?.agreementId ?? '', knownPeriodsText(await turn.records.agreements())))];
  if (JSON.stringify(current) !== JSON.stringify(editOf.base)) return [text(AGREEMENT_CHANGED_MEANWHILE)];
  const entries = await turn.records.entries(current.id);
  const after = settledAgreement(current, draft.agreement, entries);
  const problem = agreementEditProblem(current, after, entries, await turn.records.agreements());
  if (problem) return [text(agreementEditProblemText(problem))];
  const groups: AgreementChangeGroup[] = agreementChanges(current, after);
  const records = groups.map((g) =>
    turnAuditRecord(turn, {
      action: 'agreement.changed',
      agreementId: current.id,
      ...(g.activityId !== undefined ? { activityId: g.activityId } : {}),
      changes: g.changes,
    }),
  );
  const by = personOf(turn);
  let audited = true;
  try {
    await turn.deps.port.areas.changeAgreement(after, { by, at: turn.now, via: viaOf(turn) }, records);
  } catch (error) {
    // The agreement's file is written first (with the change in the area's history), the audit log
    // after it: a failure after the first write must not be reported as "nothing changed".
    if (JSON.stringify(await turn.records.agreement(current.id)) !== JSON.stringify(agreementSchema.parse(after))) {
      turn.log.warn({ err: error, draftId: draft.id }, 'agreement edit could not be saved');
      return [text(agreementEditFailed(current.title, (error as Error).message))];
    }
    turn.log.error({ err: error, draftId: draft.id }, 'agreement changed, audit record not written');
    audited = false;
  }
  const closed = await turn.deps.port.importDrafts.updateOpen(draft.id, (d) => ({
    ...d,
    agreement: after,
    status: 'saved',
    closed: { by, at: turn.now.toISOString() },
  }));
  const changes = groups.reduce((n, g) => n + Object.keys(g.changes).length, 0);
  turn.log.info({ draftId: draft.id, agreementId: current.id, changes }, 'agreement changed');
  const shown = closed ?? { ...draft, status: 'saved' as const, closed: { by, at: turn.now.toISOString() } };
  return [
    replaceCard(importDraftCard(shown, 0), agreementChangedFallback(after.title)),
    text(agreementEditSaved(after.title, changes, after.period.start.slice(0, 4), audited)),
  ];
}
