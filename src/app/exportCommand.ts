// "/export [år]": every entry of the year as CSV for Excel, through a signed link that expires.
// The file names who logged what, so only coordinators get it, and only in a personal chat where
// the link is not posted to a whole channel.
import { agreementsForYear } from '../domain/agreement.js';
import { formatSwedishDate, stockholmDate } from '../domain/calendar.js';
import { parseYearArg } from '../domain/followUpArgs.js';
import { render } from '../views/catalogue.js';
import { followUpReplyTexts } from '../views/followUpReplyTexts.js';
import { summaryTexts, type SummaryReply } from '../views/summaryTexts.js';
import { noAgreementForYear } from './agreements.js';
import { COORDINATOR_ONLY, isCoordinator, type Turn } from './context.js';
import { text, type Reply } from './ports.js';

const say = (reply: SummaryReply): string => render(summaryTexts, reply);

/**
 * "/export [år]": a coordinator in a personal chat gets a signed link to the year's entries as CSV,
 * with the names of those who logged; elsewhere, or without links, words saying why not.
 */
export async function exportCommand(turn: Turn, args: string): Promise<Reply[]> {
  if (!(await isCoordinator(turn))) return [text(COORDINATOR_ONLY)];
  if (turn.input.conversation.kind !== 'personal') {
    return [text(say({ code: 'export.notPersonal', channel: turn.input.conversation.kind === 'channel' }))];
  }
  const parsed = parseYearArg(args, '/export 2020');
  if (!parsed.ok) return [text(render(followUpReplyTexts, parsed))];
  const store = await turn.records.agreements();
  const year = parsed.year ?? Number(turn.today.slice(0, 4));
  const agreements = agreementsForYear(store, year);
  if (agreements.length === 0) return [text(noAgreementForYear(store, year))];
  const links = turn.deps.reportLinks;
  if (!links) return [text(say({ code: 'export.linksOff' }))];

  const entries = (await Promise.all(agreements.map((a) => turn.records.entries(a.id))))
    .flat()
    .filter((e) => e.date.startsWith(`${year}-`));
  const undone = entries.filter((e) => e.removed).length;
  const { csv, expires } = links.entries({ areaId: turn.area.id, year }, turn.now);
  turn.log.info({ year, rows: entries.length }, 'export link handed out');
  const time = expires.toLocaleTimeString('sv-SE', {
    timeZone: 'Europe/Stockholm',
    hour: '2-digit',
    minute: '2-digit',
  });
  const day = formatSwedishDate(stockholmDate(expires));
  return [text(say({ code: 'export.link', year, rows: entries.length, undone, url: csv, day, time }))];
}
