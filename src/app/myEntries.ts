// "/mina" and "/ångra": a user's own latest entries, and taking the latest one back.
import { activityNamedBy } from '../domain/agreement.js';
import { formatSwedishDate } from '../domain/calendar.js';
import { isActive, type Entry } from '../domain/entry.js';
import { activityStatusOfDays } from '../domain/status.js';
import { sameOccasionText } from '../views/loggedCard.js';
import { render } from '../views/catalogue.js';
import { entryTexts } from '../views/entryTexts.js';
import { mineCard, mineCardData } from '../views/mineCard.js';
import { progressAndStatus } from '../views/statusWords.js';
import { entryLine, progressText } from '../views/texts.js';
import { exampleKeyword } from './agreements.js';
import { turnAuditRecord } from './audit.js';
import { personOf, type Turn } from './context.js';
import { entryCard, findEntry } from './entryCard.js';
import { card, text, type Reply } from './ports.js';
import { occasionOthersOf } from './recordEntry.js';

const SHOWN_AS_TEXT = 10;
const SECOND_UNDO_ASKS_WITHIN_MS = 60_000;

/** The user's active entries, the latest logged first (what /ångra takes back). */
async function myActiveEntries(turn: Turn): Promise<Entry[]> {
  const me = personOf(turn).id;
  // Entries logged in the same millisecond: the one stored later is the later one.
  return (await turn.records.entriesTouchedBy(me))
    .filter((e) => isActive(e) && e.by.id === me)
    .reverse()
    .sort((a, b) => b.loggedAt.localeCompare(a.loggedAt));
}

/** The same, by the date of the work, latest first (what /mina lists). */
async function myEntriesByDate(turn: Turn): Promise<Entry[]> {
  return (await myActiveEntries(turn)).sort(
    (a, b) => b.date.localeCompare(a.date) || b.loggedAt.localeCompare(a.loggedAt),
  );
}

export async function mineCommand(turn: Turn, page = 0): Promise<Reply[]> {
  const mine = await myEntriesByDate(turn);
  const agreements = await turn.records.agreements();
  if (mine.length === 0) {
    return [text(render(entryTexts, { code: 'mine.none', example: exampleKeyword(agreements, turn.today) }))];
  }
  // An entry of an activity removed after saving still shows under its name.
  const activityOf = (e: Entry) =>
    activityNamedBy(
      agreements.find((a) => a.id === e.agreementId),
      e.activityId,
    );
  const othersOf = await occasionOthersOf(turn, mine);
  const lines = mine.slice(0, SHOWN_AS_TEXT).map((e) => {
    const same = sameOccasionText(othersOf(e));
    return `• ${entryLine(e, activityOf(e))}${same ? ` (${same})` : ''}${e.note ? ` – ${e.note}` : ''}`;
  });
  const older = mine.length - SHOWN_AS_TEXT;
  const more = older > 0 ? `\n\n${render(entryTexts, { code: 'mine.older', count: older })}` : '';
  const heading = render(entryTexts, { code: 'mine.heading', total: mine.length });
  const fallback = `${heading}\n\n${lines.join('\n')}${more}`;
  return [card(mineCard(mineCardData(mine, activityOf, page, othersOf)), fallback)];
}

export async function undoCommand(turn: Turn): Promise<Reply[]> {
  const store = turn.records;
  const sourceId = turn.input.activityId ? `message:${turn.input.conversation.id}:${turn.input.activityId}` : undefined;
  // A redelivered "/ångra" must not take back a second entry.
  // Only the user's own "/ångra" can be redelivered as theirs: their entries are the ones to look in.
  const already = sourceId
    ? (await store.entriesTouchedBy(personOf(turn).id)).find((e) => e.removed?.sourceId === sourceId)
    : undefined;
  if (already) return [text(render(entryTexts, { code: 'undo.already', line: await describe(turn, already) }))];

  const latest = (await myActiveEntries(turn))[0];
  if (!latest) return [text(render(entryTexts, { code: 'undo.nothing' }))];
  // A second /ångra soon after the first is more likely a repeat than a wish to go further back.
  const me = personOf(turn).id;
  const justUndone = (await store.entriesTouchedBy(me)).some(
    (e) =>
      e.removed?.reason === 'undo' &&
      e.removed.by.id === me &&
      turn.now.getTime() - Date.parse(e.removed.at) < SECOND_UNDO_ASKS_WITHIN_MS,
  );
  if (justUndone) {
    const found = await findEntry(turn, latest.agreementId, latest.id);
    if (found) return [await entryCard(turn, found, 'confirmRemove', false)];
  }
  const removed = await store.removeEntry(
    latest.agreementId,
    latest.id,
    { by: personOf(turn), at: turn.now.toISOString(), reason: 'undo', ...(sourceId ? { sourceId } : {}) },
    turnAuditRecord(turn, {
      action: 'entry.undone',
      agreementId: latest.agreementId,
      activityId: latest.activityId,
      entryId: latest.id,
    }),
  );
  if (!removed) return [text(render(entryTexts, { code: 'undo.alreadyRemoved' }))];
  turn.log.info({ entryId: removed.id }, 'entry undone');
  const agreement = await store.agreement(removed.agreementId);
  const activity = agreement?.activities.find((a) => a.id === removed.activityId);
  let progress = '';
  if (agreement && activity) {
    const s = activityStatusOfDays(
      agreement,
      activity,
      await store.dayTotals(agreement.id, activity.id),
      await store.completions(agreement.id),
      turn.today,
    );
    progress = `\n\n${agreement.title}: ${progressAndStatus(progressText(s.progress), s.status)}.`;
  }
  const line = await describe(turn, removed);
  return [text(render(entryTexts, { code: 'undo.done', line, day: formatSwedishDate(turn.today), progress }))];
}

async function describe(turn: Turn, entry: Entry): Promise<string> {
  const activity = (await turn.records.agreement(entry.agreementId))?.activities.find((a) => a.id === entry.activityId);
  return entryLine(entry, activity);
}
