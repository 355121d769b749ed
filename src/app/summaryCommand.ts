// "/sammanfattning [vecka | månad | tertial | år] [år]", and the same summary for callers with no
// turn (the weekly post to a subscribed channel).
import type { Agreement, IsoDate } from '../domain/agreement.js';
import { agreementForDate } from '../domain/agreement.js';
import { formatSwedishDate } from '../domain/calendar.js';
import { parseSummaryArgs, summarize, summaryPeriod, type SummaryKind } from '../domain/summary.js';
import type { AreaRecords, StorePort } from './port/index.js';
import { summaryCard, summaryText } from '../views/summaryCard.js';
import { render } from '../views/catalogue.js';
import { summaryTexts, type SummaryReply } from '../views/summaryTexts.js';
import { agreementForYear, noAgreementForYear, noAgreementHint } from './agreements.js';
import type { Turn } from './context.js';
import { card, text, type Reply } from './ports.js';
import { cachedReplies } from './replyCache.js';

const say = (reply: SummaryReply): string => render(summaryTexts, reply);

export async function summaryCommand(turn: Turn, args: string, page = 0, asOf?: IsoDate): Promise<Reply[]> {
  const parsed = parseSummaryArgs(args);
  if (!parsed.ok) return [text(say(parsed))];
  return summaryReplies(turn.deps.port, turn.area.id, asOf ?? turn.today, parsed.kind, parsed.year, page);
}

/**
 * The summary card of the period of `kind` that holds `today` (for a past `year`, its last such
 * period), with a text fallback. `page` > 0 gives the later pages of a long agreement.
 */
export function summaryReplies(
  port: StorePort,
  areaId: string,
  today: IsoDate,
  kind: SummaryKind,
  year?: number,
  page = 0,
): Promise<Reply[]> {
  const records = port.records(areaId);
  return cachedReplies(port, records, `summary|${today}|${kind}|${year ?? ''}|${page}`, () =>
    buildSummaryReplies(records, today, kind, year, page),
  );
}

async function buildSummaryReplies(
  records: AreaRecords,
  today: IsoDate,
  kind: SummaryKind,
  year: number | undefined,
  page: number,
): Promise<Reply[]> {
  const store = await records.agreements();
  const thisYear = Number(today.slice(0, 4));
  if (year !== undefined && year > thisYear) return [text(say({ code: 'summary.yearNotBegun', year }))];
  const asOf = year === undefined || year === thisYear ? today : `${String(year).padStart(4, '0')}-12-31`;
  const period = summaryPeriod(kind, asOf);
  const agreement =
    agreementForDate(store, period.range.end) ?? (year !== undefined ? agreementForYear(store, year) : undefined);
  if (!agreement) {
    if (year !== undefined) return [text(noAgreementForYear(store, year))];
    const day = formatSwedishDate(asOf);
    const example = knownYear(store) ?? String(thisYear);
    return [text(say({ code: 'summary.noAgreementOn', day, example, hint: noAgreementHint(store, thisYear) }))];
  }
  const summary = summarize({
    agreement,
    period,
    agreements: store,
    entries: await records.allEntries(),
    completions: await records.completions(agreement.id),
  });
  const args = [kind, year === undefined ? '' : String(year)].join(' ').trim();
  return [card(summaryCard(summary, args, today, page), summaryText(summary))];
}

function knownYear(store: readonly Agreement[]): string | undefined {
  return [...store].sort((a, b) => b.period.end.localeCompare(a.period.end))[0]?.period.end.slice(0, 4);
}
