// "/status [år | aktivitet]"
import { matchActivities } from '../domain/matching.js';
import { responsibleFor } from '../domain/responsible.js';
import { activityStatusOfDays, agreementStatusOfDays } from '../domain/status.js';
import { words } from '../domain/text.js';
import { responsibleName } from '../views/reminderTexts.js';
import { statusCard, statusText } from '../views/statusCard.js';
import { render } from '../views/catalogue.js';
import { statusTexts, type StatusText } from '../views/statusTexts.js';
import {
  agreementForYear,
  currentAgreement,
  noAgreementForYear,
  noAgreementHint,
  noAgreementYet,
} from './agreements.js';
import type { Turn } from './context.js';
import { dayTotalsOf } from './dayTotals.js';
import { card, text, type Reply } from './ports.js';
import { cachedReplies } from './replyCache.js';

/** The status of the current (or asked for) agreement; the same for everyone until the next write or day. */
export function statusCommand(turn: Turn, args: string, page = 0): Promise<Reply[]> {
  // The area's responsible people are on the rows: its version counts an area change as a write.
  return cachedReplies(turn.deps.port, turn.records, `status|${turn.today}|${page}|${args.trim()}`, () =>
    statusReplies(turn, args, page),
  );
}

/** The reply saying `outcome`. */
const say = (outcome: StatusText): Reply => text(render(statusTexts, outcome));

async function statusReplies(turn: Turn, args: string, page: number): Promise<Reply[]> {
  const store = await turn.records.agreements();
  const arg = args.trim();
  const yearMatch = /^(\d{4})$/u.exec(arg);
  const thisYear = Number(turn.today.slice(0, 4));

  const agreement = yearMatch ? agreementForYear(store, Number(yearMatch[1])) : currentAgreement(store, turn.today);
  if (!agreement) {
    return [text(yearMatch ? noAgreementForYear(store, Number(yearMatch[1])) : noAgreementYet(store, thisYear))];
  }

  const completions = await turn.records.completions(agreement.id);
  const daysOf = await dayTotalsOf(turn.records, agreement);
  if (arg.length > 0 && !yearMatch) {
    const match = matchActivities(agreement.activities, words(arg));
    if (match.candidates.length === 0)
      return [say({ code: 'status.noActivity', typed: arg, agreement: agreement.title })];
    const statuses = match.candidates.map((activity) =>
      activityStatusOfDays(agreement, activity, daysOf(activity.id), completions, turn.today),
    );
    return [say({ code: 'status.activities', agreement: agreement.title, statuses })];
  }

  const status = agreementStatusOfDays(agreement, daysOf, completions, turn.today);
  const hint =
    !yearMatch && turn.today > agreement.period.end
      ? [say({ code: 'status.pastAgreement', hint: noAgreementHint(store, thisYear) })]
      : [];
  const names = (activityId: string) => responsibleFor(turn.area.responsible, activityId).map(responsibleName);
  return [...hint, card(statusCard(status, yearMatch ? arg : '', page, names), statusText(status))];
}
