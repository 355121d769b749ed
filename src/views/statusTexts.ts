// What /status says in words: no agreement for the year asked, no activity by that name, the
// activities asked for with their figures, and that the agreement shown is not today's. The card is
// statusCard.ts.
import { formatSwedishDate } from '../domain/calendar.js';
import type { ActivityStatus } from '../domain/status.js';
import type { Catalogue } from './catalogue.js';
import { saysStatus, statusMark, statusWord } from './statusWords.js';
import { progressText } from './texts.js';

/** The outcomes of /status besides its card (a missing agreement is agreementTexts'); `hint` is a sentence about the agreements there are. */
export type StatusText =
  | { code: 'status.noActivity'; typed: string; agreement: string }
  | { code: 'status.activities'; agreement: string; statuses: readonly ActivityStatus[] }
  | { code: 'status.pastAgreement'; hint: string };

/** "🟡 **Krogtillsyn**: 3 av 10 – efter plan (senast 2 november 2026).", then the activity's text. */
function activityLines(s: ActivityStatus): string {
  const last = s.lastEntryDate ? `senast ${formatSwedishDate(s.lastEntryDate)}` : 'inget loggat än';
  const progress = progressText(s.progress);
  const figures = saysStatus(progress, s.status) ? progress : `${progress} – ${statusWord(s.status)}`;
  return `${statusMark(s.status)} **${s.activity.name}**: ${figures} (${last}).\n${s.activity.text}`;
}

/** The sentence for each outcome of /status besides its card. */
export const statusTexts: Catalogue<StatusText> = {
  'status.noActivity': ({ typed, agreement }) =>
    `Jag hittar ingen aktivitet "${typed}" i ${agreement}. Skriv /status för hela medborgarlöftet.`,
  'status.activities': ({ agreement, statuses }) => `${agreement}\n\n${statuses.map(activityLines).join('\n\n')}`,
  'status.pastAgreement': ({ hint }) => `Inget medborgarlöfte gäller idag; här är det senaste. ${hint}`,
};
