// Buttons on an entry: Ångra on its confirmation, Ändra and Ta bort in /mina, Ta bort on the
// question after a second /ångra, Behåll insatsen on the card of an entry whose message was deleted. Only the person who logged an entry may change it; nothing is
// deleted: a removal marks the entry, and the year's record keeps it.
import { z } from 'zod';
import { render } from '../views/catalogue.js';
import { entryTexts } from '../views/entryTexts.js';
import { entryLine } from '../views/texts.js';
import { turnAuditRecord } from './audit.js';
import { personOf, type Turn } from './context.js';
import { entryCard, findEntry, type FoundEntry } from './entryCard.js';
import { logForm } from './logCommand.js';
import { mineCommand } from './myEntries.js';
import { text, type Reply } from './ports.js';
import { givenDetails } from '../domain/entry.js';

const entrySubmitSchema = z.object({
  verb: z.enum(['entry.undo', 'entry.remove', 'entry.edit', 'entry.restore']),
  agreementId: z.string().min(1).max(100),
  entryId: z.string().min(1).max(100),
  // /mina's Ta bort: the answer is the list again, without the entry.
  view: z.literal('mine').optional(),
});

export const ENTRY_VERBS: readonly string[] = entrySubmitSchema.shape.verb.options;

/** Card submits with verb entry.undo, entry.remove, entry.edit or entry.restore. */
export async function entryAction(turn: Turn, value: unknown): Promise<Reply[]> {
  const parsed = entrySubmitSchema.safeParse(value);
  if (!parsed.success) return [text(render(entryTexts, { code: 'entry.unreadableCard' }))];
  const { verb, agreementId, entryId } = parsed.data;
  const found = await findEntry(turn, agreementId, entryId);
  if (!found) return [text(render(entryTexts, { code: 'entry.gone' }))];
  if (found.entry.by.id !== personOf(turn).id) {
    return [text(render(entryTexts, { code: 'entry.notYours', by: found.entry.by.name }))];
  }
  if (verb === 'entry.edit') {
    if (found.entry.removed) return [text(render(entryTexts, { code: 'entry.removedCannotEdit' }))];
    const { entry } = found;
    return logForm(turn, found.agreement, {
      activityId: entry.activityId,
      date: entry.date,
      count: entry.count,
      ...givenDetails(entry),
      entryId: entry.id,
    });
  }
  if (verb === 'entry.restore') return restoreEntry(turn, found, true);
  // Undoing twice (a second click, a colleague's old card) answers with the same card.
  const removed =
    found.entry.removed === undefined
      ? await turn.records.removeEntry(
          agreementId,
          entryId,
          { by: personOf(turn), at: turn.now.toISOString(), reason: verb === 'entry.undo' ? 'undo' : 'remove' },
          turnAuditRecord(turn, {
            action: verb === 'entry.undo' ? 'entry.undone' : 'entry.removed',
            agreementId,
            activityId: found.entry.activityId,
            entryId,
          }),
        )
      : found.entry;
  if (removed && removed !== found.entry) turn.log.info({ entryId, reason: verb }, 'entry removed');
  const after = { ...found, entry: removed ?? found.entry };
  if (verb === 'entry.remove' && parsed.data.view === 'mine') {
    const line = entryLine(after.entry, after.activity);
    return [text(render(entryTexts, { code: 'entry.removedFromMine', line })), ...(await mineCommand(turn))];
  }
  return [await entryCard(turn, after, 'undone', true)];
}

/**
 * Keeps an entry that was removed because its /logga message was deleted in Teams (Behåll
 * insatsen, or the message restored in Teams): it counts again, and its history keeps the removal.
 * An entry removed any other way (Ångra, Ta bort) stays removed: that was a choice made in the bot.
 */
export async function restoreEntry(turn: Turn, found: FoundEntry, replace: boolean): Promise<Reply[]> {
  const { entry, agreement, activity } = found;
  if (!entry.removed) return [await entryCard(turn, found, 'restored', replace)];
  if (entry.removed.reason !== 'messageDeleted') {
    return [text(render(entryTexts, { code: 'entry.undoneNotCounted', line: entryLine(entry, activity) }))];
  }
  const restored = await turn.records.restoreEntry(
    agreement.id,
    entry.id,
    { by: personOf(turn), at: turn.now.toISOString() },
    turnAuditRecord(turn, {
      action: 'entry.restored',
      agreementId: agreement.id,
      activityId: entry.activityId,
      entryId: entry.id,
    }),
  );
  // Restored meanwhile (a second click, the message restored at the same time): the same card.
  if (!restored) {
    return [await entryCard(turn, (await findEntry(turn, agreement.id, entry.id)) ?? found, 'restored', replace)];
  }
  turn.log.info({ entryId: restored.id }, 'entry restored');
  return [await entryCard(turn, { entry: restored, agreement, activity }, 'restored', replace)];
}
