// A /logga message edited, deleted or restored in Teams. The message's entry (found by the
// message's id, its sourceId) follows the message:
// - edited: the entry is read again from the new text and changed (history reason messageEdited);
//   a text that cannot be read, or that asks a question, leaves the entry as it is and says so;
// - deleted: the entry is removed (reason messageDeleted) and the answer has Behåll insatsen;
// - restored (Teams' "ångra borttagning"): an entry removed with its message counts again.
// A message that produced no entry is answered only when its new text is a log: then it is one.
import { givenDetails, isActive, type EntryFields } from '../domain/entry.js';
import { entryLine } from '../views/texts.js';
import { turnAuditRecord } from './audit.js';
import { personOf, type Turn } from './context.js';
import { restoreEntry } from './entryActions.js';
import { entryCard, findEntry, type FoundEntry } from './entryCard.js';
import { editEntry, fieldsCheckedAtEntry } from './entryEdit.js';
import { messageSourceId, resolveLog } from './logCommand.js';
import { text, type Reply } from './ports.js';
import { nameQuestion } from './logQuestions.js';
import { ended, recordTexts } from '../views/logTexts.js';
import { render } from '../views/catalogue.js';
import { correctionText } from '../views/correctionTexts.js';
import { entryTexts } from '../views/entryTexts.js';
import { identityNumberIn } from './recordEntry.js';

/** The entry the turn's message produced, with its agreement and activity; undefined when it produced none. */
async function messageEntry(turn: Turn): Promise<FoundEntry | undefined> {
  const sourceId = messageSourceId(turn);
  const entry = sourceId ? await turn.records.findBySource(sourceId) : undefined;
  return entry ? findEntry(turn, entry.agreementId, entry.id) : undefined;
}

/**
 * The message was edited; `args` are the new text's log arguments (undefined: the text is no log).
 * Without an entry, a text that is now a log is logged as new (`logAsNew`), so fixing a typo in
 * "/loga …" does what the user meant; any other edit stays quiet.
 */
export async function messageEdited(
  turn: Turn,
  args: string | undefined,
  logAsNew: () => Reply[] | Promise<Reply[]>,
): Promise<Reply[]> {
  const found = await messageEntry(turn);
  // The edited text enters here: a personnummer is refused before anything reads it.
  const personal = identityNumberIn(turn.input.text);
  if (!found) {
    if (args === undefined) return [];
    return personal ? [text(ended(recordTexts, personal, 'nothingStored'))] : logAsNew();
  }
  const { entry, agreement, activity } = found;
  const line = entryLine(entry, activity);
  if (!isActive(entry)) {
    return [text(render(entryTexts, { code: 'message.editedRemoved', line }))];
  }
  if (personal) return [text(ended(recordTexts, personal, 'unchanged'))];
  if (args === undefined || args.trim() === '') {
    return [text(render(entryTexts, { code: 'message.editedNoLog', line }))];
  }
  const resolved = await resolveLog(turn, args, entry);
  if (resolved.kind === 'answer') {
    return [text(render(entryTexts, { code: 'message.edited', line })), ...resolved.replies];
  }
  const { draft } = resolved;
  if (draft.agreement.id !== agreement.id) {
    const outcome = {
      code: 'message.otherAgreement',
      title: draft.agreement.title,
      entryTitle: agreement.title,
    } as const;
    return [text(render(entryTexts, outcome))];
  }
  const askName = await nameQuestion(turn, draft, { editing: entry });
  if (askName) return [text(render(entryTexts, { code: 'message.edited', line })), askName];
  const fields: EntryFields = {
    activityId: draft.activity.id,
    date: draft.date,
    count: draft.count,
    ...givenDetails(draft),
  };
  // Checked as the edited text entered: personnummer above, phone numbers in resolveLog.
  const outcome = await editEntry(turn, found, fieldsCheckedAtEntry(fields), 'messageEdited');
  if (outcome.kind === 'refused') return [text(correctionText({ kind: 'refused', why: outcome.why }))];
  return [await entryCard(turn, outcome.found, outcome.kind === 'changed' ? 'edited' : 'unchanged', false)];
}

/**
 * The message was deleted: its entry is removed (reason messageDeleted, audited) and the answer
 * says so, with Behåll insatsen. Only the person who logged it removes it this way; a moderator's
 * deletion leaves the entry and says so. A redelivered deletion answers the same and removes nothing more.
 */
export async function messageDeleted(turn: Turn): Promise<Reply[]> {
  const found = await messageEntry(turn);
  if (!found) return [];
  const { entry, agreement, activity } = found;
  const line = entryLine(entry, activity);
  if (entry.removed?.reason === 'messageDeleted') return [await entryCard(turn, found, 'messageDeleted', false)];
  if (entry.removed) return [text(render(entryTexts, { code: 'message.deletedAlreadyRemoved', line }))];
  if (entry.by.id !== personOf(turn).id) {
    return [text(render(entryTexts, { code: 'message.deletedNotYours', line, by: entry.by.name }))];
  }
  const removed = await turn.records.removeEntry(
    agreement.id,
    entry.id,
    { by: personOf(turn), at: turn.now.toISOString(), reason: 'messageDeleted' },
    turnAuditRecord(turn, {
      action: 'entry.removed',
      agreementId: agreement.id,
      activityId: entry.activityId,
      entryId: entry.id,
      detail: 'meddelandet borttaget',
    }),
  );
  if (removed) turn.log.info({ entryId: removed.id, reason: 'messageDeleted' }, 'entry removed');
  const now = (await findEntry(turn, agreement.id, entry.id)) ?? found;
  return [await entryCard(turn, now, 'messageDeleted', false)];
}

/** The deleted message was restored in Teams: an entry removed with it counts again. */
export async function messageUndeleted(turn: Turn): Promise<Reply[]> {
  const found = await messageEntry(turn);
  if (!found) return [];
  const line = entryLine(found.entry, found.activity);
  if (!found.entry.removed) return [text(render(entryTexts, { code: 'message.restoredCounts', line }))];
  if (found.entry.by.id !== personOf(turn).id) {
    return [text(render(entryTexts, { code: 'message.restoredNotYours', line, by: found.entry.by.name }))];
  }
  return restoreEntry(turn, found, false);
}
