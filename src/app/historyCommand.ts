// "/historik [aktivitet] [år] [sida N]" (coordinators): who changed what and when, newest first.
// Without an activity: the latest changes of every kind; with one: that activity's entries and changes.
import { historyEvents } from '../domain/audit.js';
import { activityNamedBy, type Activity } from '../domain/agreement.js';
import { closestActivities, matchActivities, narrowingWords } from '../domain/matching.js';
import { words } from '../domain/text.js';
import {
  historyAmbiguousText,
  historyNoActivityText,
  historyText,
  historyTexts,
  type HistoryNames,
} from '../views/historyTexts.js';
import { render } from '../views/catalogue.js';
import { pageOf } from '../views/paging.js';
import { agreementForYear, currentAgreement } from './agreements.js';
import { COORDINATOR_ONLY, isCoordinator, type Turn } from './context.js';
import { text, type Reply } from './ports.js';
import { countText } from '../views/texts.js';

const HISTORY_PAGE_SIZE = 15;

/** "krogtillsyn 2019 sida 2" → words, year and 0-based page. */
function parseHistoryArgs(args: string): { words: string; year?: number; page: number } {
  let rest = args.trim();
  let page = 0;
  const paged = /(?:^|\s)sida\s+(\d{1,4})$/iu.exec(rest);
  if (paged) {
    page = Math.max(0, Number(paged[1]) - 1);
    rest = rest.slice(0, paged.index).trim();
  }
  const year = /(?:^|\s)((?:19|20)\d{2})(?=\s|$)/u.exec(rest);
  if (year) rest = `${rest.slice(0, year.index)} ${rest.slice(year.index + year[0].length)}`.trim();
  return { words: rest, ...(year ? { year: Number(year[1]) } : {}), page };
}

/**
 * "/historik [aktivitet] [år] [sida N]" (coordinators): the area's recorded changes, newest first,
 * 15 a page; with an activity, that activity's in the current (or named) year's agreement.
 */
export async function historyCommand(turn: Turn, args: string): Promise<Reply[]> {
  if (!(await isCoordinator(turn))) return [text(COORDINATOR_ONLY)];
  // The conversation's area only: its agreements' records, and what was recorded for the area.
  const store = await turn.records.agreements();
  const parsed = parseHistoryArgs(args);
  // A removed activity (/medborgarlöfte ändra) keeps its name in the history of its entries.
  const activityOf = (agreementId: string | undefined, activityId: string | undefined) =>
    activityNamedBy(
      store.find((a) => a.id === agreementId),
      activityId ?? '',
    );
  const names: HistoryNames = {
    activity: (agreementId, activityId) => activityOf(agreementId, activityId)?.name,
    count: (agreementId, activityId, count) => {
      const activity = activityOf(agreementId, activityId);
      return activity ? countText(count, activity) : `${count} st`;
    },
  };
  const records = await turn.deps.port.audit.read({ areaId: turn.area.id });

  if (parsed.words.length === 0) {
    const events = historyEvents(records, await turn.records.allEntries());
    const heading = render(historyTexts, { code: 'history.recentHeading' });
    return [
      text(
        historyText(heading, pageOf(events, parsed.page, HISTORY_PAGE_SIZE), names, {
          withActivity: true,
          nextCommand: '/historik',
        }),
      ),
    ];
  }

  const agreement =
    parsed.year !== undefined ? agreementForYear(store, parsed.year) : currentAgreement(store, turn.today);
  if (!agreement) return [text(render(historyTexts, { code: 'history.noAgreement', year: parsed.year }))];
  const typed = words(parsed.words);
  const match = matchActivities(agreement.activities, typed);
  // Each option is what to type for that activity alone, never the ambiguous words back.
  const options = (activities: readonly Activity[]) =>
    activities.map((a) => ({ command: `/historik ${narrowingWords(agreement.activities, typed, a)}`, name: a.name }));
  if (match.candidates.length === 0)
    return [
      text(
        historyNoActivityText(parsed.words, agreement.title, options(closestActivities(agreement.activities, typed))),
      ),
    ];
  if (match.candidates.length > 1)
    return [text(historyAmbiguousText(parsed.words, agreement.title, options(match.candidates)))];
  const activity = match.candidates[0];
  if (!activity) return [];
  const events = historyEvents(records, await turn.records.entries(agreement.id), {
    agreementId: agreement.id,
    activityId: activity.id,
  });
  const year = parsed.year !== undefined ? ` ${parsed.year}` : '';
  return [
    text(
      historyText(
        render(historyTexts, { code: 'history.activityHeading', activity: activity.name, agreement: agreement.title }),
        pageOf(events, parsed.page, HISTORY_PAGE_SIZE),
        names,
        {
          withActivity: false,
          nextCommand: `/historik ${parsed.words}${year}`,
        },
      ),
    ),
  ];
}
