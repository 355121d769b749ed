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
import { editEntry } from './entryEdit.js';
import { messageSourceId, resolveLog } from './logCommand.js';
import { text, type Reply } from './ports.js';
import { nameQuestion } from './logQuestions.js';
import { ended, recordTexts } from '../views/logTexts.js';
import { identityNumberIn } from './recordEntry.js';

const UNCHANGED = 'Insatsen är oförändrad.';

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
    return [
      text(
        `Du ändrade ett meddelande vars insats är borttagen (${line}), så ändringen gör inget. Logga på nytt med /logga om den ska räknas.`,
      ),
    ];
  }
  if (personal) return [text(ended(recordTexts, personal, 'unchanged'))];
  if (args === undefined || args.trim() === '') {
    return [
      text(
        `Du ändrade meddelandet, men den nya texten är ingen loggning. ${UNCHANGED} (${line}) Skriv om meddelandet som /logga …, eller ta bort insatsen i /mina.`,
      ),
    ];
  }
  const resolved = await resolveLog(turn, args, entry);
  if (resolved.kind === 'answer') {
    return [text(`Du ändrade meddelandet med insatsen ${line}. ${UNCHANGED}`), ...resolved.replies];
  }
  const { draft } = resolved;
  if (draft.agreement.id !== agreement.id) {
    return [
      text(
        `Det nya datumet ligger i ${draft.agreement.title}, men insatsen hör till ${agreement.title}. ${UNCHANGED} Ta bort meddelandet och logga på nytt.`,
      ),
    ];
  }
  const askName = await nameQuestion(turn, draft, { editing: entry });
  if (askName) return [text(`Du ändrade meddelandet med insatsen ${line}. ${UNCHANGED}`), askName];
  const fields: EntryFields = {
    activityId: draft.activity.id,
    date: draft.date,
    count: draft.count,
    ...givenDetails(draft),
  };
  const outcome = await editEntry(turn, found, fields, 'messageEdited');
  if (outcome.kind === 'refused') return [text(`${outcome.why} ${UNCHANGED}`)];
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
  if (entry.removed) return [text(`Meddelandet togs bort. Insatsen ${line} var redan borttagen.`)];
  if (entry.by.id !== personOf(turn).id) {
    return [
      text(
        `Meddelandet med insatsen ${line} togs bort, men insatsen räknas fortfarande: bara ${entry.by.name || 'den som loggade'} kan ta bort den (i /mina).`,
      ),
    ];
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
  if (!found.entry.removed) return [text(`Meddelandet är tillbaka, och insatsen ${line} räknas.`)];
  if (found.entry.by.id !== personOf(turn).id) {
    return [
      text(
        `Meddelandet är tillbaka, men insatsen ${line} är borttagen; bara ${found.entry.by.name || 'den som loggade'} kan ta tillbaka den.`,
      ),
    ];
  }
  return restoreEntry(turn, found, false);
}
