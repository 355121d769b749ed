// An entry's card in any of its states (logged, changed, undone, asked about), shared by the
// buttons on entries, /ångra and the Teams edit and delete events.
import type { Activity, Agreement } from '../domain/agreement.js';
import type { Entry } from '../domain/entry.js';
import { activityStatus } from '../domain/status.js';
import { loggedCard, loggedCardData, type LoggedCardMode } from '../views/loggedCard.js';
import { entryCardFallback } from '../views/entryTexts.js';
import { entryLine } from '../views/texts.js';
import type { Turn } from './context.js';
import { occasionOthers } from './recordEntry.js';
import { card, replaceCard, type Reply } from './ports.js';

export interface FoundEntry {
  entry: Entry;
  agreement: Agreement;
  activity: Activity;
}

export async function findEntry(turn: Turn, agreementId: string, entryId: string): Promise<FoundEntry | undefined> {
  const agreement = await turn.records.agreement(agreementId);
  const entry = (await turn.records.entries(agreementId)).find((e) => e.id === entryId);
  const activity = agreement?.activities.find((a) => a.id === entry?.activityId);
  return agreement && entry && activity ? { entry, agreement, activity } : undefined;
}

/** The entry's card in the given mode, with where its activity stands now. */
export async function entryCard(turn: Turn, found: FoundEntry, mode: LoggedCardMode, replace: boolean): Promise<Reply> {
  const { entry, agreement, activity } = found;
  const status = activityStatus(
    agreement,
    activity,
    await turn.records.entries(agreement.id),
    await turn.records.completions(agreement.id),
    turn.today,
  );
  const shown = loggedCard(
    loggedCardData(entry, agreement, activity, status, true, mode, await occasionOthers(turn, entry)),
  );
  const line = entryLine(entry, activity);
  const fallback = entryCardFallback(mode, line) ?? line;
  return replace ? replaceCard(shown, fallback) : card(shown, fallback);
}
