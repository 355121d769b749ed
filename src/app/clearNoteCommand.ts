// "/rensa-anteckning <aktivitet> <datum> [nr N]" (coordinators): clears one entry's note, e.g. one
// that should never have been written. The entry, its date and count stay; the clearing is an audit
// record (who, when, from where), and the note's text is kept nowhere.
import { formatSwedishDate } from '../domain/calendar.js';
import type { Entry } from '../domain/entry.js';
import { parseLogRequest } from '../domain/logRequest.js';
import { matchActivities } from '../domain/matching.js';
import { allPlaces, currentAgreement } from './agreements.js';
import { turnAuditRecord } from './audit.js';
import { COORDINATOR_ONLY, isCoordinator, personOf, type Turn } from './context.js';
import { render } from '../views/catalogue.js';
import { clearNoteTexts, type ClearNoteAnswer } from '../views/clearNoteTexts.js';
import { text, type Reply } from './ports.js';

const say = (answer: ClearNoteAnswer): Reply[] => [text(render(clearNoteTexts, answer))];

export async function clearNoteCommand(turn: Turn, args: string): Promise<Reply[]> {
  if (!(await isCoordinator(turn))) return [text(COORDINATOR_ONLY)];
  const numbered = /\s+nr\s*(\d{1,3})\s*$/iu.exec(args);
  const rest = numbered ? args.slice(0, numbered.index) : args;
  const store = await turn.records.agreements();
  const parsed = parseLogRequest(rest, turn.today, allPlaces(store));
  if (!parsed.ok || !parsed.request.date || parsed.request.activityWords.length === 0)
    return say({ code: 'clearNote.usage' });
  const date = parsed.request.date;
  const agreement =
    store.find((a) => a.period.start <= date && date <= a.period.end) ?? currentAgreement(store, turn.today);
  const day = formatSwedishDate(date);
  if (!agreement) return say({ code: 'clearNote.noAgreement', day });
  const match = matchActivities(agreement.activities, parsed.request.activityWords);
  if (match.candidates.length !== 1)
    return say({
      code: 'clearNote.noActivity',
      typed: parsed.request.activityWords.join(' ').slice(0, 60),
      title: agreement.title,
    });
  const activity = match.candidates[0]!;
  const withNotes = (await turn.records.entries(agreement.id))
    .filter((e) => e.activityId === activity.id && e.date === date && e.note !== undefined)
    .sort((a, b) => a.loggedAt.localeCompare(b.loggedAt));
  if (withNotes.length === 0) return say({ code: 'clearNote.noNotes', activity: activity.name, day });
  let chosen: Entry | undefined;
  if (numbered) chosen = withNotes[Number(numbered[1]) - 1];
  else if (withNotes.length === 1) chosen = withNotes[0];
  if (!chosen) {
    const list = withNotes
      .map(
        (e, i) =>
          `${i + 1}. ${e.by.name}, ${e.count} st: "${(e.note ?? '').slice(0, 40)}${(e.note ?? '').length > 40 ? '…' : ''}"`,
      )
      .join('\n');
    return say({
      code: 'clearNote.which',
      count: withNotes.length,
      activity: activity.name,
      day,
      keyword: activity.keywords[0] ?? activity.id,
      date,
      list,
    });
  }
  const target = chosen.id;
  const cleared = await turn.records.clearNotes(
    { entryId: target },
    { at: turn.now.toISOString(), reason: 'coordinator', by: personOf(turn) },
    turnAuditRecord(turn, { action: 'note.cleared', activityId: activity.id, detail: 'samordnare' }),
  );
  if (cleared.length === 0) return say({ code: 'clearNote.alreadyCleared' });
  turn.log.info({ entryId: target }, 'note cleared by a coordinator');
  return say({ code: 'clearNote.cleared', activity: activity.name, day, by: chosen.by.name, count: chosen.count });
}
