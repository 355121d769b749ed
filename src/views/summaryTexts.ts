// What /sammanfattning and /export answer in words when there is no card or file to show: refused
// words, a period with no agreement, and the export link. The summary itself is summaryCard.
import type { SummaryArgsProblem } from '../domain/summary.js';
import type { Catalogue } from './catalogue.js';

/** What /sammanfattning and /export say, with what each sentence needs. */
export type SummaryReply =
  | SummaryArgsProblem
  | { code: 'summary.yearNotBegun'; year: number }
  | { code: 'summary.noAgreementOn'; day: string; example: string; hint: string }
  | { code: 'export.notPersonal'; channel: boolean }
  | { code: 'export.linksOff' }
  | { code: 'export.link'; year: number; rows: number; undone: number; url: string; day: string; time: string };

const SUMMARY_USAGE =
  'Skriv t.ex. /sammanfattning, /sammanfattning månad, /sammanfattning tertial eller /sammanfattning år 2020.';

function exportLink({ year, rows, undone, url, day, time }: Extract<SummaryReply, { code: 'export.link' }>): string {
  const rowText = rows === 1 ? '1 rad' : `${rows} rader`;
  const undoneText = undone > 0 ? `, varav ${undone} ångrade (markerade "ja" under borttagen)` : '';
  return (
    `Insatserna ${year} för Excel (${rowText}${undoneText}): [insatser-${year}.csv](${url})\n\n` +
    `Länken gäller till ${day} kl. ${time}. Filen har namnen på dem som loggat – dela inte länken vidare.`
  );
}

/** The Swedish for every answer of /sammanfattning and /export that is not a card. */
export const summaryTexts: Catalogue<SummaryReply> = {
  'summaryArgs.unknownWord': ({ typed }) => `Jag förstår inte "${typed}" i sammanfattningen. ${SUMMARY_USAGE}`,
  'summaryArgs.badYear': ({ year }) => `${year} är inget år jag kan sammanfatta. ${SUMMARY_USAGE}`,
  'summary.yearNotBegun': ({ year }) => `${year} har inte börjat än, så det finns inget att sammanfatta.`,
  'summary.noAgreementOn': ({ day, example, hint }) =>
    `Inget medborgarlöfte gäller ${day}, så det finns inget att sammanfatta. Skriv t.ex. /sammanfattning år ${example} för ett tidigare år. ${hint}`,
  'export.notPersonal': ({ channel }) =>
    `Skriv /export till mig i en personlig chatt: filen har namnen på alla som loggat, och länken ska inte synas för ${channel ? 'hela kanalen' : 'alla i chatten'}.`,
  'export.linksOff': () =>
    'Exportlänkar är inte påslagna i den här boten. Den som driftar boten kan ta fram filen med npm run report.',
  'export.link': exportLink,
};
