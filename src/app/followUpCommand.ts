// "/uppföljning [T1 | T2 | T3] [år]": the tertial follow-up as a card, with links to the document
// to publish. Everyone may read it (what it shows is what gets published anyway); only /export,
// which names who logged, is for coordinators.
import type { Agreement } from '../domain/agreement.js';
import { formatSwedishDate } from '../domain/calendar.js';
import {
  agreementForTertial,
  followUp,
  latestFinishedTertial,
  runningTertial,
  tertialPhase,
  tertialSpan,
  tertialsOf,
  type TertialRef,
} from '../domain/followUp.js';
import { parseFollowUpArgs } from '../domain/followUpArgs.js';
import { followUpCard } from '../views/followUpCard.js';
import { followUpTitle, summaryText } from '../views/followUpTexts.js';
import { agreementForYear, currentAgreement, knownPeriodsText, noAgreementHint } from './agreements.js';
import type { Turn } from './context.js';
import { card, text, type Reply } from './ports.js';

type Choice = { ok: true; agreement: Agreement; ref: TertialRef; note?: string } | { ok: false; reply: string };

export function followUpCommand(turn: Turn, args: string): Reply[] {
  const parsed = parseFollowUpArgs(args);
  if (!parsed.ok) return [text(parsed.error)];
  const choice = choose(
    turn,
    parsed.tertial ? { year: parsed.year ?? Number(turn.today.slice(0, 4)), tertial: parsed.tertial } : undefined,
    parsed.year,
  );
  if (!choice.ok) return [text(choice.reply)];

  const { agreement, ref } = choice;
  const { store } = turn;
  const f = followUp(agreement, store.entries(agreement.id), store.completions(agreement.id), ref, turn.today);
  const links = turn.deps.reportLinks?.followUp(
    { areaId: turn.area.id, agreementId: agreement.id, year: ref.year, tertial: ref.tertial },
    turn.now,
  );
  turn.log.info(
    { areaId: turn.area.id, agreementId: agreement.id, year: ref.year, tertial: ref.tertial },
    'follow-up shown',
  );
  const fallback = [`${followUpTitle(f)}: ${summaryText(f)}.`, links ? `PDF: ${links.pdf}` : '']
    .filter(Boolean)
    .join('\n');
  return [...(choice.note ? [text(choice.note)] : []), card(followUpCard(f, links), fallback)];
}

/** The tertial asked for, or the latest finished one (of the year, when only a year is given). */
function choose(turn: Turn, asked: TertialRef | undefined, year: number | undefined): Choice {
  const { store } = turn;
  const today = turn.today;
  if (asked) {
    const agreement = agreementForTertial(store.agreements(), asked);
    if (!agreement) {
      return {
        ok: false,
        reply: `Inget medborgarlöfte gäller tertial ${asked.tertial} ${asked.year}. Det som finns: ${knownPeriodsText(store)}.`,
      };
    }
    if (tertialPhase(agreement, asked, today) === 'future') {
      const start = tertialSpan(agreement, asked)?.start ?? today;
      return {
        ok: false,
        reply: `Tertial ${asked.tertial} ${asked.year} har inte börjat än (den börjar ${formatSwedishDate(start)}). Skriv /uppföljning för den senaste avslutade tertialen.`,
      };
    }
    return { ok: true, agreement, ref: asked };
  }

  const agreement = year !== undefined ? agreementForYear(store, year) : currentAgreement(store, today);
  if (!agreement) {
    return year !== undefined
      ? { ok: false, reply: `Det finns inget medborgarlöfte för ${year}. Det som finns: ${knownPeriodsText(store)}.` }
      : { ok: false, reply: `Det finns inget medborgarlöfte än. ${noAgreementHint(store, Number(today.slice(0, 4)))}` };
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
    const when = year !== undefined ? ` ${year}` : '';
    return {
      ok: false,
      reply: `Ingen tertial i ${agreement.title}${when} har börjat än: perioden börjar ${formatSwedishDate(agreement.period.start)}.`,
    };
  }
  return {
    ok: true,
    agreement,
    ref: running,
    note: `Ingen tertial i ${agreement.title} är avslutad än. Här är tertial ${running.tertial} ${running.year}, som pågår: siffrorna gäller till och med idag.`,
  };
}
