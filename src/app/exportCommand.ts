// "/export [år]": every entry of the year as CSV for Excel, through a signed link that expires.
// The file names who logged what, so only coordinators get it, and only in a personal chat where
// the link is not posted to a whole channel.
import { agreementsForYear } from '../domain/agreement.js';
import { formatSwedishDate, stockholmDate } from '../domain/calendar.js';
import { parseYearArg } from '../domain/followUpArgs.js';
import { knownPeriodsText } from './agreements.js';
import { COORDINATOR_ONLY, isCoordinator, type Turn } from './context.js';
import { text, type Reply } from './ports.js';

export async function exportCommand(turn: Turn, args: string): Promise<Reply[]> {
  if (!(await isCoordinator(turn))) return [text(COORDINATOR_ONLY)];
  if (turn.input.conversation.kind !== 'personal') {
    const everyone = turn.input.conversation.kind === 'channel' ? 'hela kanalen' : 'alla i chatten';
    return [
      text(
        `Skriv /export till mig i en personlig chatt: filen har namnen på alla som loggat, och länken ska inte synas för ${everyone}.`,
      ),
    ];
  }
  const parsed = parseYearArg(args, '/export 2020');
  if (!parsed.ok) return [text(parsed.error)];
  const store = await turn.records.agreements();
  const year = parsed.year ?? Number(turn.today.slice(0, 4));
  const agreements = agreementsForYear(store, year);
  if (agreements.length === 0)
    return [text(`Det finns inget medborgarlöfte för ${year}. Det som finns: ${knownPeriodsText(store)}.`)];
  const links = turn.deps.reportLinks;
  if (!links)
    return [
      text(
        'Exportlänkar är inte påslagna i den här boten. Den som driftar boten kan ta fram filen med npm run report.',
      ),
    ];

  const entries = (await Promise.all(agreements.map((a) => turn.records.entries(a.id))))
    .flat()
    .filter((e) => e.date.startsWith(`${year}-`));
  const undone = entries.filter((e) => e.removed).length;
  const { csv, expires } = links.entries({ areaId: turn.area.id, year }, turn.now);
  turn.log.info({ year, rows: entries.length }, 'export link handed out');
  const rows = entries.length === 1 ? '1 rad' : `${entries.length} rader`;
  const undoneText = undone > 0 ? `, varav ${undone} ångrade (markerade "ja" under borttagen)` : '';
  const time = expires.toLocaleTimeString('sv-SE', {
    timeZone: 'Europe/Stockholm',
    hour: '2-digit',
    minute: '2-digit',
  });
  return [
    text(
      `Insatserna ${year} för Excel (${rows}${undoneText}): [insatser-${year}.csv](${csv})\n\n` +
        `Länken gäller till ${formatSwedishDate(stockholmDate(expires))} kl. ${time}. Filen har namnen på dem som loggat – dela inte länken vidare.`,
    ),
  ];
}
