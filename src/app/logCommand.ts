// "/logga <aktivitet> [plats] [datum] [antal] [anteckning]"
import { agreementForDate, type Activity, type Agreement, type IsoDate } from '../domain/agreement.js';
import { SWEDISH_WEEKDAYS, formatSwedishDate, isoWeekday } from '../domain/calendar.js';
import { parseLogRequest, type LogRequest } from '../domain/logRequest.js';
import { closestActivities, isActivityNoun, isActivityWord, matchActivities } from '../domain/matching.js';
import {
  candidatesFor,
  chooseActivityCard,
  dayCandidatesFor,
  logFormCard,
  logFormCardData,
  moreCandidatesText,
} from '../views/logCards.js';
import { hoursText, participantsText } from '../views/texts.js';
import { allPlaces, currentAgreement, exampleKeyword, knownPeriodsText, noAgreementHint } from './agreements.js';
import type { Turn } from './context.js';
import { questionOrigin } from './questionOrigin.js';
import { card, replaceCard, text, type Reply } from './ports.js';
import { givenDetails, type Entry } from '../domain/entry.js';
import { occasionQuestion } from './occasionQuestion.js';
import { repeatQuestion } from './repeatQuestion.js';
import { NOTHING_STORED, futureDateRefusal, loggedReply, recordEntry, type EntryDraft } from './recordEntry.js';

export async function logCommand(turn: Turn, args: string): Promise<Reply[]> {
  const { store } = turn;

  // Teams redelivers a message it thinks went unanswered: answer again, store nothing new.
  const sourceId = messageSourceId(turn);
  const earlier = sourceId ? store.findBySource(sourceId) : undefined;
  if (earlier) {
    const agreement = store.agreement(earlier.agreementId);
    const activity = agreement?.activities.find((a) => a.id === earlier.activityId);
    if (agreement && activity) return [loggedReply(turn, earlier, agreement, activity, false)];
  }

  if (args.trim().length === 0) return logForm(turn);
  const resolved = resolveLog(turn, args);
  if (resolved.kind === 'answer') return resolved.replies;
  const draft = { ...resolved.draft, ...(sourceId ? { sourceId } : {}) };
  const question = repeatQuestion(turn, draft) ?? occasionQuestion(turn, draft);
  if (question) return [question];
  const result = await recordEntry(turn, draft);
  return result.ok
    ? [loggedReply(turn, result.entry, draft.agreement, draft.activity, result.stored)]
    : [text(result.refusal)];
}

/** The source id of an entry logged from this turn's message: a redelivery, an edit or a deletion names it again. */
export function messageSourceId(turn: Turn): string | undefined {
  return turn.input.activityId ? `message:${turn.input.conversation.id}:${turn.input.activityId}` : undefined;
}

/** What a /logga text comes to: an entry to store, or an answer (a question, a refusal) and nothing stored. */
export type LogResolution = { kind: 'draft'; draft: EntryDraft } | { kind: 'answer'; replies: Reply[] };

/**
 * Reads "/logga"'s arguments into an entry draft, or the answer to give instead: a question (which
 * activity, which day) or a refusal. Stores nothing. With `editing`, the text is an edited message
 * whose entry it would change: the questions say so, and their buttons change that entry.
 */
export function resolveLog(turn: Turn, args: string, editing?: Entry): LogResolution {
  const { store } = turn;
  const answer = (...replies: Reply[]): LogResolution => ({ kind: 'answer', replies });
  const unchanged = editing ? 'Insatsen är oförändrad.' : NOTHING_STORED;
  const untilChosen = editing ? 'insatsen ändras inte förrän du har valt.' : 'inget är loggat förrän du har valt.';

  const everyActivity = store.agreements().flatMap((a) => a.activities);
  const parsed = parseLogRequest(args, turn.today, allPlaces(store), {
    isActivityWord: (w) => isActivityWord(everyActivity, w),
    isActivityNoun: (w) => isActivityNoun(everyActivity, w),
  });
  if (!parsed.ok) {
    return parsed.whichDay
      ? answer(...askWhichDay(turn, parsed.error, parsed.whichDay.choices, parsed.whichDay.request, editing))
      : answer(text(`${parsed.error} ${unchanged}`));
  }
  const request = parsed.request;
  const date = request.date ?? turn.today;
  const future = futureDateRefusal(date, turn.today);
  if (future) return answer(text(future.replace(NOTHING_STORED, unchanged)));

  const agreement = agreementForDate(store.agreements(), date);
  if (!agreement) {
    const year = Number(date.slice(0, 4));
    const hint =
      year >= Number(turn.today.slice(0, 4))
        ? noAgreementHint(store, year)
        : `Det som finns: ${knownPeriodsText(store)}.`;
    return answer(
      text(`Inget medborgarlöfte gäller ${formatSwedishDate(date)}, så jag kan inte logga det. ${hint} ${unchanged}`),
    );
  }
  if (request.activityWords.length === 0) {
    const ask = `Skriv vilken aktivitet du vill logga, t.ex. /logga ${exampleKeyword(store, turn.today)}.`;
    if (editing) return answer(text(`${ask} ${unchanged}`));
    return answer(
      text(`${ask} Eller fyll i formuläret.`),
      ...logForm(turn, agreement, { date, ...(request.place ? { place: request.place } : {}) }),
    );
  }

  const match = matchActivities(agreement.activities, request.activityWords, request.place);
  const typed = request.activityWords.join(' ');
  if (match.candidates.length === 0) {
    const close = closestActivities(agreement.activities, request.activityWords);
    if (close.length > 0) return answer(...suggestActivities(turn, agreement, close, request, date, editing));
    const keywords = [...new Set(agreement.activities.map((a) => a.keywords[0]))].slice(0, 5).join(', ');
    return answer(
      text(
        `Jag hittar ingen aktivitet "${typed}" i ${agreement.title}. Exempel på ord som fungerar: ${keywords}. Skriv /status för alla aktiviteter. ${unchanged}`,
      ),
    );
  }

  // Words after the activity's own words were the start of a note: "/logga krogtillsyn lugn kväll".
  const leftover = request.activityWords.slice(match.usedWords).join(' ');
  const note = [leftover, request.note ?? ''].filter((s) => s.length > 0).join(' ') || undefined;
  const count = request.count ?? 1;

  if (match.candidates.length > 1) {
    const candidates = candidatesFor(match.candidates, {
      ...questionOrigin(turn, editing),
      agreementId: agreement.id,
      date,
      count,
      ...givenDetails({ ...request, note }),
      ...(editing ? { entryId: editing.id } : {}),
    });
    const question = `"${typed}" passar ${match.candidates.length} aktiviteter i ${agreement.title}. Välj en – ${untilChosen}`;
    const details = detailsText(formatSwedishDate(date), request, count);
    const fallback = `${question}\n${match.candidates.map((a) => `• ${a.name}`).join('\n')}`;
    return answer(
      card(
        chooseActivityCard({
          title: 'Vilken aktivitet menar du?',
          question,
          details,
          candidates,
          more: moreCandidatesText(match.candidates),
        }),
        fallback,
      ),
    );
  }

  const activity = match.candidates[0];
  if (!activity) return answer(text(unchanged));
  return {
    kind: 'draft',
    draft: {
      agreement,
      activity,
      date,
      count,
      ...givenDetails({ ...request, note }),
    },
  };
}

/**
 * Nothing matched, but some activities are close to what was typed: one button each, logging
 * with the same date, place, count and note. The typed words are not repeated (they were a typo,
 * and a typo is not a note).
 */
function suggestActivities(
  turn: Turn,
  agreement: Agreement,
  close: readonly Activity[],
  request: LogRequest,
  date: IsoDate,
  editing?: Entry,
): Reply[] {
  const count = request.count ?? 1;
  const candidates = candidatesFor(close, {
    ...questionOrigin(turn, editing),
    agreementId: agreement.id,
    date,
    count,
    ...givenDetails(request),
    ...(editing ? { entryId: editing.id } : {}),
  });
  const question = `Jag hittar ingen aktivitet med de orden i ${agreement.title}. Välj den du menade – ${editing ? 'insatsen ändras inte' : 'inget är loggat'} förrän du har valt.`;
  const details = detailsText(formatSwedishDate(date), request, count);
  const fallback = `${question}\n${close.map((a) => `• ${a.name}`).join('\n')}`;
  return [
    card(chooseActivityCard({ title: 'Menade du någon av dessa?', question, details, candidates, more: '' }), fallback),
  ];
}

/** What a question card repeats of the message: "31 maj 2020 · Öxnehaga · 2 st · 2 timmar · 6 deltagare". */
function detailsText(first: string, request: LogRequest, count: number): string {
  return [
    first,
    request.place,
    count > 1 ? `${count} st` : undefined,
    request.hours !== undefined ? hoursText(request.hours) : undefined,
    request.participants !== undefined ? participantsText(request.participants) : undefined,
  ]
    .filter(Boolean)
    .join(' · ');
}

/** "fredag 29 maj 2020" */
function dayLabel(date: IsoDate): string {
  return `${SWEDISH_WEEKDAYS[isoWeekday(date) - 1] ?? ''} ${formatSwedishDate(date)}`;
}

/**
 * "förra veckan", "i helgen", "200314": the words name no single day, so the user picks one of
 * the candidate days; each button logs the rest of what was written on that day. Nothing is
 * stored until a day is chosen, and never on today's date by default.
 */
function askWhichDay(
  turn: Turn,
  question: string,
  choices: readonly IsoDate[],
  request: LogRequest,
  editing?: Entry,
): Reply[] {
  const { store } = turn.deps;
  const days = choices.flatMap((date) => {
    const agreement = agreementForDate(store.agreements(), date);
    return agreement ? [{ date, label: dayLabel(date), agreement }] : [];
  });
  const refuse = (why: string) => [text(`${question} ${why}${editing ? 'Insatsen är oförändrad.' : NOTHING_STORED}`)];
  if (days.length === 0) return refuse('Inget medborgarlöfte gäller de dagarna. ');
  if (request.activityWords.length === 0)
    return refuse('Skriv också vilken aktivitet, t.ex. /logga krogtillsyn 29/5. ');
  const agreement = days[days.length - 1]?.agreement;
  if (!agreement) return refuse('');
  const match = matchActivities(agreement.activities, request.activityWords, request.place);
  const activity: Activity | undefined = match.candidates.length === 1 ? match.candidates[0] : undefined;
  if (!activity) {
    return refuse(`Skriv dagen och aktiviteten tydligare, t.ex. /logga ${request.activityWords.join(' ')} 29/5. `);
  }
  const leftover = request.activityWords.slice(match.usedWords).join(' ');
  const note = [leftover, request.note ?? ''].filter((s) => s.length > 0).join(' ') || undefined;
  const count = request.count ?? 1;
  const usable = days.filter((d) => d.agreement.activities.some((a) => a.id === activity.id));
  const candidates = dayCandidatesFor(
    usable.map((d) => ({ date: d.date, label: d.label, agreementId: d.agreement.id })),
    activity,
    {
      ...questionOrigin(turn, editing),
      count,
      ...givenDetails({ ...request, note }),
      ...(editing ? { entryId: editing.id } : {}),
    },
  );
  const details = detailsText(activity.name, request, count);
  const fallback = `${question}\n${usable.map((d) => `• ${d.label}`).join('\n')}`;
  return [
    card(
      chooseActivityCard({
        title: 'Vilken dag menar du?',
        question: `${question} Välj en dag – ${editing ? 'insatsen ändras inte' : 'inget är loggat'} förrän du har valt.`,
        details,
        candidates,
        more: '',
      }),
      fallback,
    ),
  ];
}

/**
 * The log form for the agreement running today (or the one given). `replace` sends it in place of
 * the form that was just submitted, with the error on it, so a mistake is fixed where it was made.
 */
export function logForm(
  turn: Turn,
  agreement?: Agreement,
  prefill: Parameters<typeof logFormCardData>[3] = {},
  replace = false,
): Reply[] {
  const target = agreement ?? currentAgreement(turn.store, turn.today);
  if (!target || (!agreement && turn.today > target.period.end)) {
    const year = Number(turn.today.slice(0, 4));
    return [text(`Inget medborgarlöfte gäller idag. ${noAgreementHint(turn.store, year)}`)];
  }
  const data = logFormCardData(target, turn.today, turn.deps.newId(), prefill);
  const fallback = prefill.error
    ? prefill.error
    : `Logga en insats i ${target.title}: skriv /logga «aktivitet» [plats] [datum] [antal] [anteckning].`;
  return [(replace ? replaceCard : card)(logFormCard(data), fallback)];
}
