// "/uppföljning [T1 | T2 | T3] [år]": the tertial follow-up. Coordinators review and publish it
// (followUpReview.ts); everyone else reads what was published.
import type { Agreement } from '../domain/agreement.js';
import { formatSwedishDate } from '../domain/calendar.js';
import {
  agreementForTertial,
  latestFinishedTertial,
  runningTertial,
  tertialPhase,
  tertialSpan,
  tertialsOf,
  type TertialRef,
} from '../domain/followUp.js';
import { parseFollowUpArgs } from '../domain/followUpArgs.js';
import { render } from '../views/catalogue.js';
import { followUpReplyTexts, type FollowUpReply } from '../views/followUpReplyTexts.js';
import {
  agreementForYear,
  currentAgreement,
  knownPeriodsText,
  noAgreementForYear,
  noAgreementYet,
} from './agreements.js';
import { isCoordinator, type Turn } from './context.js';
import { followUpNow, publishedReply, reviewReply } from './followUpReview.js';
import { text, type Reply } from './ports.js';

const say = (reply: FollowUpReply): string => render(followUpReplyTexts, reply);

type Choice = { ok: true; agreement: Agreement; ref: TertialRef; note?: string } | { ok: false; reply: string };

/**
 * A coordinator in a personal chat gets the review card (draft, notes, editable comments); anyone
 * else, and a coordinator elsewhere, the published version or word that there is none yet.
 */
export async function followUpCommand(turn: Turn, args: string): Promise<Reply[]> {
  const parsed = parseFollowUpArgs(args);
  if (!parsed.ok) return [text(say(parsed))];
  const choice = choose(
    turn,
    await turn.records.agreements(),
    parsed.tertial ? { year: parsed.year ?? Number(turn.today.slice(0, 4)), tertial: parsed.tertial } : undefined,
    parsed.year,
  );
  if (!choice.ok) return [text(choice.reply)];

  const { agreement, ref } = choice;
  const coordinator = await isCoordinator(turn);
  turn.log.info(
    { areaId: turn.area.id, agreementId: agreement.id, year: ref.year, tertial: ref.tertial, coordinator },
    'follow-up shown',
  );
  const note = choice.note ? [text(choice.note)] : [];
  if (coordinator && turn.input.conversation.kind === 'personal') {
    const f = await followUpNow(turn, agreement, ref);
    return [...note, await reviewReply(turn, agreement, f)];
  }
  return [...note, ...(await publishedReply(turn, agreement, ref, coordinator))];
}

/** The tertial asked for, or the latest finished one (of the year, when only a year is given). */
function choose(
  turn: Turn,
  store: readonly Agreement[],
  asked: TertialRef | undefined,
  year: number | undefined,
): Choice {
  const today = turn.today;
  if (asked) {
    const agreement = agreementForTertial(store, asked);
    if (!agreement) {
      return {
        ok: false,
        reply: say({ code: 'followUp.noAgreementForTertial', ...asked, known: knownPeriodsText(store) }),
      };
    }
    if (tertialPhase(agreement, asked, today) === 'future') {
      const start = tertialSpan(agreement, asked)?.start ?? today;
      return {
        ok: false,
        reply: say({ code: 'followUp.tertialNotStarted', ...asked, start: formatSwedishDate(start) }),
      };
    }
    return { ok: true, agreement, ref: asked };
  }

  const agreement = year !== undefined ? agreementForYear(store, year) : currentAgreement(store, today);
  if (!agreement) {
    return year !== undefined
      ? { ok: false, reply: noAgreementForYear(store, year) }
      : { ok: false, reply: noAgreementYet(store, Number(today.slice(0, 4))) };
  }
  const inYear = (ref: TertialRef | undefined) => (ref && (year === undefined || ref.year === year) ? ref : undefined);
  const finished =
    year === undefined
      ? latestFinishedTertial(agreement, today)
      : tertialsOf(agreement)
          .filter((ref) => ref.year === year && tertialPhase(agreement, ref, today) === 'finished')
          .at(-1);
  if (finished) return { ok: true, agreement, ref: finished };
  const running = inYear(runningTertial(agreement, today));
  if (!running) {
    const start = formatSwedishDate(agreement.period.start);
    return { ok: false, reply: say({ code: 'followUp.nothingBegun', title: agreement.title, year, start }) };
  }
  return {
    ok: true,
    agreement,
    ref: running,
    note: say({ code: 'followUp.runningInstead', title: agreement.title, ...running }),
  };
}
