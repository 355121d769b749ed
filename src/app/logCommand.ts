// "/logga <aktivitet> [plats] [datum] [antal] [anteckning]"
import { agreementForDate, type Activity, type Agreement, type IsoDate } from '../domain/agreement.js';
import { SWEDISH_WEEKDAYS, formatSwedishDate, isoWeekday } from '../domain/calendar.js';
import { parseLogRequest, splitNote, type LogRequest, type LogRequestParse } from '../domain/logRequest.js';
import { closestActivities, isActivityNoun, isActivityWord, matchActivities } from '../domain/matching.js';
import { vagueActivityCandidates } from '../domain/vagueWords.js';
import {
  candidatesFor,
  chooseActivityCard,
  dayCandidatesFor,
  detailsText,
  logFormCard,
  logFormCardData,
  moreCandidatesText,
} from '../views/logCards.js';
import { longNoteRefusal, longNoteTexts } from '../views/longNote.js';
import { UNCHANGED } from '../views/correctionTexts.js';
import { allPlaces, currentAgreement, exampleKeyword, knownPeriodsText, noAgreementHint } from './agreements.js';
import type { Turn } from './context.js';
import { rememberQuestion } from './openQuestions.js';
import { questionOrigin } from './questionOrigin.js';
import { card, replaceCard, text, type Reply } from './ports.js';
import { givenDetails, type Entry } from '../domain/entry.js';
import { occasionFor, occasionQuestion } from './occasionQuestion.js';
import { repeatQuestion } from './repeatQuestion.js';
import {
  nameQuestion,
  notCountedAnswer,
  phoneAnswer,
  phoneNumberIn,
  tooVagueAnswer,
  withoutPhoneNumbers,
} from './logQuestions.js';
import { NOTHING_STORED, futureDateRefusal, loggedReply, recordEntry, type EntryDraft } from './recordEntry.js';

export async function logCommand(turn: Turn, args: string): Promise<Reply[]> {
  const store = turn.records;

  // Teams redelivers a message it thinks went unanswered: answer again, store nothing new.
  const sourceId = messageSourceId(turn);
  const earlier = sourceId ? await store.findBySource(sourceId) : undefined;
  if (earlier) {
    const agreement = await store.agreement(earlier.agreementId);
    const activity = agreement?.activities.find((a) => a.id === earlier.activityId);
    if (agreement && activity) return [await loggedReply(turn, earlier, agreement, activity, false)];
  }

  if (args.trim().length === 0) return logForm(turn);
  return logResolved(turn, await resolveLog(turn, args), sourceId);
}

/**
 * A resolved log stored (once on disk, confirmed with its card) or its answer given. `sourceId`
 * names the message the entry comes from; logging the same as your own latest entry asks first.
 */
export async function logResolved(turn: Turn, resolved: LogResolution, sourceId: string | undefined): Promise<Reply[]> {
  if (resolved.kind === 'answer') return resolved.replies;
  const draft = { ...resolved.draft, ...(sourceId ? { sourceId } : {}) };
  const askName = await nameQuestion(turn, draft);
  if (askName) return [askName];
  const repeat = await repeatQuestion(turn, draft);
  if (repeat) {
    const messageId = turn.input.value === undefined ? turn.input.activityId : undefined;
    rememberQuestion(turn, { kind: 'repeat', draft, ...(messageId ? { messageId } : {}) });
    return [repeat];
  }
  const joinQuestion = await occasionQuestion(turn, draft);
  if (joinQuestion) {
    // Kept so that a typed "ja" or "nej" answers it as the buttons would.
    const occasion = await occasionFor(turn, draft);
    const messageId = turn.input.value === undefined ? turn.input.activityId : undefined;
    if (occasion)
      rememberQuestion(turn, { kind: 'occasion', draft, occasionId: occasion.id, ...(messageId ? { messageId } : {}) });
    return [joinQuestion];
  }
  const result = await recordEntry(turn, draft);
  return result.ok
    ? [await loggedReply(turn, result.entry, draft.agreement, draft.activity, result.stored)]
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
export async function resolveLog(turn: Turn, args: string, editing?: Entry): Promise<LogResolution> {
  // A phone number is personal data: found before any of its digits is read as a count or a date.
  const phone = phoneNumberIn(turn, args);
  if (phone) {
    // An edited message is only refused: its entry stays as it was.
    const rest = editing ? undefined : await resolveLog(turn, withoutPhoneNumbers(turn, args));
    return {
      kind: 'answer',
      replies: [phoneAnswer(turn, phone, rest?.kind === 'draft' ? rest.draft : undefined, editing)],
    };
  }

  const agreements = await turn.records.agreements();
  const everyActivity = agreements.flatMap((a) => a.activities);
  const parsed = parseLogRequest(args, turn.today, allPlaces(agreements), {
    isActivityWord: (w) => isActivityWord(everyActivity, w),
    isActivityNoun: (w) => isActivityNoun(everyActivity, w),
  });
  return resolveParsed(turn, parsed, editing, agreements);
}

/**
 * resolveLog from what the parser read: also what a typed answer to an open question resolves
 * (the question's request with the answer's values). A question asked about a new log is
 * remembered (openQuestions.ts), so that "nej, i fredags" can answer it. `agreements`: the area's,
 * when the caller has read them this turn (each read of the port is another copy).
 */
export async function resolveParsed(
  turn: Turn,
  parsed: LogRequestParse,
  editing?: Entry,
  agreements?: readonly Agreement[],
): Promise<LogResolution> {
  const store = agreements ?? (await turn.records.agreements());
  const answer = (...replies: Reply[]): LogResolution => ({ kind: 'answer', replies });
  const unchanged = editing ? UNCHANGED : NOTHING_STORED;
  const untilChosen = editing ? 'insatsen ändras inte förrän du har valt.' : 'inget är loggat förrän du har valt.';
  const remember = (request: LogRequest, whichDay?: { choices: IsoDate[]; error: string }): void => {
    if (editing) return;
    const messageId = turn.input.value === undefined ? turn.input.activityId : undefined;
    rememberQuestion(turn, {
      kind: 'log',
      request,
      ...(whichDay ? { whichDay } : {}),
      ...(messageId ? { messageId } : {}),
    });
  };

  if (!parsed.ok) {
    if (!parsed.whichDay) return answer(text(`${parsed.error} ${unchanged}`));
    const replies = await askWhichDay(turn, parsed.error, parsed.whichDay.choices, parsed.whichDay.request, editing);
    if (replies.some((r) => r.kind === 'card')) {
      remember(parsed.whichDay.request, { choices: parsed.whichDay.choices, error: parsed.error });
    }
    return answer(...replies);
  }
  const request = parsed.request;
  const date = request.date ?? turn.today;
  const future = futureDateRefusal(date, turn.today);
  if (future) return answer(text(future.replace(NOTHING_STORED, unchanged)));

  const agreement = agreementForDate(store, date);
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
    const long = await longNoteAnswer(turn, agreement, { date, ...givenDetails(request) }, editing);
    if (long) return answer(...long);
    return answer(
      text(`${ask} Eller fyll i formuläret.`),
      ...(await logForm(turn, agreement, { date, ...(request.place ? { place: request.place } : {}) })),
    );
  }

  const count = request.count ?? 1;
  const vague = tooVagueAnswer(turn, agreement, request.activityWords, date, count, request, editing);
  if (vague) return answer(vague);

  const match = matchActivities(agreement.activities, request.activityWords, request.place);
  const typed = request.activityWords.join(' ');
  // Words after the activity's own words were the start of a note: "/logga krogtillsyn lugn kväll".
  const leftover = request.activityWords.slice(match.usedWords).join(' ');
  const note = [leftover, request.note ?? ''].filter((s) => s.length > 0).join(' ') || undefined;
  const long = await longNoteAnswer(
    turn,
    agreement,
    {
      date,
      count,
      ...givenDetails({ ...request, note }),
      ...(match.candidates.length === 1 && match.candidates[0] ? { activityId: match.candidates[0].id } : {}),
    },
    editing,
  );
  if (long) return answer(...long);
  if (match.candidates.length === 0) {
    const close = closestActivities(agreement.activities, request.activityWords);
    if (close.length > 0) {
      remember(request);
      return answer(...suggestActivities(turn, agreement, close, request, date, editing));
    }
    const keywords = [...new Set(agreement.activities.map((a) => a.keywords[0]))].slice(0, 5).join(', ');
    return answer(
      text(
        `Jag hittar ingen aktivitet "${typed}" i ${agreement.title}. Exempel på ord som fungerar: ${keywords}. Skriv /status för alla aktiviteter. ${unchanged}`,
      ),
    );
  }

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
    remember(request);
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
  const draft: EntryDraft = { agreement, activity, date, count, ...givenDetails({ ...request, note }) };
  // A weekday for weekend nights: asked before it is stored where it would not count.
  const notCounted = notCountedAnswer(turn, draft, request.activityWords, editing ? { editing } : {});
  if (notCounted) return answer(notCounted);
  return { kind: 'draft', draft };
}

/**
 * A note longer than an entry holds is not thrown away: the answer is the log form with what was
 * read and the note's first MAX_NOTE_LENGTH characters, and the rest as text to copy. An edited
 * message is refused instead (its text is still in Teams). Undefined when the note fits.
 */
async function longNoteAnswer(
  turn: Turn,
  agreement: Agreement,
  prefill: NonNullable<Parameters<typeof logFormCardData>[3]>,
  editing: Entry | undefined,
): Promise<Reply[] | undefined> {
  const note = prefill.note ?? '';
  const { kept, rest } = splitNote(note);
  if (rest === '') return undefined;
  if (editing) return [text(longNoteRefusal(note.length))];
  const texts = longNoteTexts(note.length, rest);
  return [
    text(texts.intro),
    ...(await logForm(turn, agreement, { ...prefill, note: kept })),
    ...texts.rest.map((r) => text(r)),
  ];
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

/** "fredag 29 maj 2020" */
function dayLabel(date: IsoDate): string {
  return `${SWEDISH_WEEKDAYS[isoWeekday(date) - 1] ?? ''} ${formatSwedishDate(date)}`;
}

/**
 * "förra veckan", "i helgen", "200314": the words name no single day, so the user picks one of
 * the candidate days; each button logs the rest of what was written on that day. Nothing is
 * stored until a day is chosen, and never on today's date by default.
 */
async function askWhichDay(
  turn: Turn,
  question: string,
  choices: readonly IsoDate[],
  request: LogRequest,
  editing?: Entry,
): Promise<Reply[]> {
  // The area's own agreements: another area's would find no such activity, or the wrong one.
  const agreements = await turn.records.agreements();
  const days = choices.flatMap((date) => {
    const agreement = agreementForDate(agreements, date);
    return agreement ? [{ date, label: dayLabel(date), agreement }] : [];
  });
  const refuse = (why: string) => [text(`${question} ${why}${editing ? 'Insatsen är oförändrad.' : NOTHING_STORED}`)];
  if (days.length === 0) return refuse('Inget medborgarlöfte gäller de dagarna. ');
  if (request.activityWords.length === 0)
    return refuse('Skriv också vilken aktivitet, t.ex. /logga krogtillsyn 29/5. ');
  const agreement = days[days.length - 1]?.agreement;
  if (!agreement) return refuse('');
  const match = matchActivities(agreement.activities, request.activityWords, request.place);
  // "samverkan förra veckan": too vague for an activity, whatever the day.
  const vague = vagueActivityCandidates(agreement.activities, agreement.parties, request.activityWords);
  const activity: Activity | undefined = match.candidates.length === 1 && !vague ? match.candidates[0] : undefined;
  if (!activity) {
    return refuse(`Skriv dagen och aktiviteten tydligare, t.ex. /logga ${request.activityWords.join(' ')} 29/5. `);
  }
  const count = request.count ?? 1;
  const leftover = request.activityWords.slice(match.usedWords).join(' ');
  const note = [leftover, request.note ?? ''].filter((s) => s.length > 0).join(' ') || undefined;
  const long = await longNoteAnswer(
    turn,
    agreement,
    { date: '', count, activityId: activity.id, ...givenDetails({ ...request, note }) },
    editing,
  );
  if (long) return long;
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
export async function logForm(
  turn: Turn,
  agreement?: Agreement,
  prefill: Parameters<typeof logFormCardData>[3] = {},
  replace = false,
): Promise<Reply[]> {
  const agreements = agreement ? [] : await turn.records.agreements();
  const target = agreement ?? currentAgreement(agreements, turn.today);
  if (!target || (!agreement && turn.today > target.period.end)) {
    const year = Number(turn.today.slice(0, 4));
    return [text(`Inget medborgarlöfte gäller idag. ${noAgreementHint(agreements, year)}`)];
  }
  const data = logFormCardData(target, turn.today, turn.deps.newId(), prefill);
  const fallback = prefill.error
    ? prefill.error
    : `Logga en insats i ${target.title}: skriv /logga «aktivitet» [plats] [datum] [antal] [anteckning].`;
  return [(replace ? replaceCard : card)(logFormCard(data), fallback)];
}
