// "/logga <aktivitet> [plats] [datum] [antal] [anteckning]"
import { agreementForDate, type Activity, type Agreement, type IsoDate } from '../domain/agreement.js';
import { SWEDISH_WEEKDAYS, formatSwedishDate, isoWeekday } from '../domain/calendar.js';
import {
  parseLogRequest,
  splitNote,
  type LogRequest,
  type LogRequestParse,
  type WhichDay,
} from '../domain/logRequest.js';
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
import { render } from '../views/catalogue.js';
import { logRequestTexts } from '../views/logRequestTexts.js';
import { QUESTION_TITLES, ended, logTexts, recordTexts, type LogAnswer } from '../views/logTexts.js';
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
import { checkedAtEntry, loggedReply, storeEntry, type CheckedDraft, type EntryDraft } from './recordEntry.js';

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
  // Checked where it entered (see resolveParsed): stored without checking again.
  const result = await storeEntry(turn, draft);
  return [await loggedReply(turn, result.entry, draft.agreement, draft.activity, result.stored)];
}

/** The source id of an entry logged from this turn's message: a redelivery, an edit or a deletion names it again. */
export function messageSourceId(turn: Turn): string | undefined {
  return turn.input.activityId ? `message:${turn.input.conversation.id}:${turn.input.activityId}` : undefined;
}

/** What a /logga text comes to: an entry to store, or an answer (a question, a refusal) and nothing stored. */
export type LogResolution = { kind: 'draft'; draft: CheckedDraft } | { kind: 'answer'; replies: Reply[] };

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

/** What every answer of resolveParsed needs: the turn, the area's agreements, and the entry edited if any. */
interface Resolving {
  turn: Turn;
  store: readonly Agreement[];
  editing: Entry | undefined;
  /** How an answer that stores nothing ends. */
  ending: 'nothingStored' | 'unchanged';
}

const answer = (...replies: Reply[]): LogResolution => ({ kind: 'answer', replies });

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
  const r: Resolving = { turn, store, editing, ending: editing ? 'unchanged' : 'nothingStored' };
  if (!parsed.ok) return notParsed(r, parsed);
  const request = parsed.request;
  const date = request.date ?? turn.today;
  // The day is checked here, where it enters: the draft carries it on as checked.
  if (date > turn.today) return answer(text(ended(recordTexts, { code: 'record.futureDate', date }, r.ending)));
  const agreement = agreementForDate(store, date);
  if (!agreement) return answer(text(noAgreementText(r, date)));
  if (request.activityWords.length === 0) return withoutActivity(r, agreement, request, date);
  return matchActivity(r, agreement, request, date);
}

/** A question about a new log, remembered so that a typed answer ("nej, i fredags") can answer it. */
function remember(r: Resolving, request: LogRequest, whichDay?: WhichDay): void {
  if (r.editing) return;
  const messageId = r.turn.input.value === undefined ? r.turn.input.activityId : undefined;
  rememberQuestion(r.turn, {
    kind: 'log',
    request,
    ...(whichDay ? { whichDay } : {}),
    ...(messageId ? { messageId } : {}),
  });
}

/** The parser's refusal, or the question which day (remembered when it was asked with a card). */
async function notParsed(r: Resolving, parsed: Extract<LogRequestParse, { ok: false }>): Promise<LogResolution> {
  if (!parsed.whichDay) return answer(text(ended(logRequestTexts, parsed.problem, r.ending)));
  const { choices, request } = parsed.whichDay;
  const replies = await askWhichDay(r, render(logRequestTexts, parsed.problem), choices, request);
  if (replies.some((reply) => reply.kind === 'card')) remember(r, request, { choices, problem: parsed.problem });
  return answer(...replies);
}

/** No agreement covers `date`: how to get one (this year or later), or which there are. */
function noAgreementText(r: Resolving, date: IsoDate): string {
  const year = Number(date.slice(0, 4));
  const hint =
    year >= Number(r.turn.today.slice(0, 4))
      ? noAgreementHint(r.store, year)
      : render(logTexts, { code: 'log.knownPeriods', known: knownPeriodsText(r.store) });
  return ended(logTexts, { code: 'log.noAgreement', date, hint }, r.ending);
}

/** No activity word: asked which, with the form (a new log) or the ending (an edited message). */
async function withoutActivity(
  r: Resolving,
  agreement: Agreement,
  request: LogRequest,
  date: IsoDate,
): Promise<LogResolution> {
  const example = exampleKeyword(r.store, r.turn.today);
  if (r.editing) return answer(text(ended(logTexts, { code: 'log.whichActivity', example }, r.ending)));
  const long = await longNoteAnswer(r.turn, agreement, { date, ...givenDetails(request) }, r.editing);
  if (long) return answer(...long);
  return answer(
    text(render(logTexts, { code: 'log.whichActivityOrForm', example })),
    ...(await logForm(r.turn, agreement, { date, ...(request.place ? { place: request.place } : {}) })),
  );
}

/** The activity the words name: a draft when exactly one, else the question or refusal. */
async function matchActivity(
  r: Resolving,
  agreement: Agreement,
  request: LogRequest,
  date: IsoDate,
): Promise<LogResolution> {
  const { turn, editing } = r;
  const count = request.count ?? 1;
  const vague = tooVagueAnswer(turn, agreement, request.activityWords, date, count, request, editing);
  if (vague) return answer(vague);

  const match = matchActivities(agreement.activities, request.activityWords, request.place);
  // Words after the activity's own words were the start of a note: "/logga krogtillsyn lugn kväll".
  const leftover = request.activityWords.slice(match.usedWords).join(' ');
  const note = [leftover, request.note ?? ''].filter((s) => s.length > 0).join(' ') || undefined;
  const only = match.candidates.length === 1 ? match.candidates[0] : undefined;
  const details = { date, count, ...givenDetails({ ...request, note }) };
  const long = await longNoteAnswer(turn, agreement, { ...details, ...(only ? { activityId: only.id } : {}) }, editing);
  if (long) return answer(...long);
  if (match.candidates.length === 0) return noActivity(r, agreement, request, date);
  if (!only) return severalActivities(r, agreement, request, match.candidates, details);
  const draft: EntryDraft = { agreement, activity: only, ...details };
  // A weekday for weekend nights: asked before it is stored where it would not count.
  const notCounted = notCountedAnswer(turn, draft, request.activityWords, editing ? { editing } : {});
  if (notCounted) return answer(notCounted);
  // Personal data was refused where the text entered (app.ts, resolveLog), the day above.
  return { kind: 'draft', draft: checkedAtEntry(draft) };
}

/** No activity has the words: the close ones to choose from, or the words that would work. */
function noActivity(r: Resolving, agreement: Agreement, request: LogRequest, date: IsoDate): LogResolution {
  const close = closestActivities(agreement.activities, request.activityWords);
  if (close.length > 0) {
    remember(r, request);
    return answer(...suggestActivities(r.turn, agreement, close, request, date, r.editing));
  }
  const keywords = [...new Set(agreement.activities.map((a) => a.keywords[0]))].slice(0, 5).join(', ');
  const typed = request.activityWords.join(' ');
  return answer(
    text(ended(logTexts, { code: 'log.unknownActivity', typed, title: agreement.title, keywords }, r.ending)),
  );
}

/** The words fit several activities: one button each, logging the rest as written. */
function severalActivities(
  r: Resolving,
  agreement: Agreement,
  request: LogRequest,
  matched: readonly Activity[],
  details: { date: IsoDate; count: number } & Parameters<typeof givenDetails>[0],
): LogResolution {
  const { turn, editing } = r;
  const candidates = candidatesFor(matched, {
    ...questionOrigin(turn, editing),
    agreementId: agreement.id,
    ...details,
    ...(editing ? { entryId: editing.id } : {}),
  });
  const question = render(logTexts, {
    code: 'log.severalActivities',
    typed: request.activityWords.join(' '),
    count: matched.length,
    title: agreement.title,
    editing: editing !== undefined,
  });
  const shown = detailsText(formatSwedishDate(details.date), request, details.count);
  const fallback = `${question}\n${matched.map((a) => `• ${a.name}`).join('\n')}`;
  remember(r, request);
  return answer(
    card(
      chooseActivityCard({
        title: QUESTION_TITLES.activity,
        question,
        details: shown,
        candidates,
        more: moreCandidatesText(matched),
      }),
      fallback,
    ),
  );
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
  const question = render(logTexts, {
    code: 'log.closeActivities',
    title: agreement.title,
    editing: editing !== undefined,
  });
  const details = detailsText(formatSwedishDate(date), request, count);
  const fallback = `${question}\n${close.map((a) => `• ${a.name}`).join('\n')}`;
  return [
    card(chooseActivityCard({ title: QUESTION_TITLES.close, question, details, candidates, more: '' }), fallback),
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
  r: Resolving,
  question: string,
  choices: readonly IsoDate[],
  request: LogRequest,
): Promise<Reply[]> {
  const { turn, editing } = r;
  // The area's own agreements: another area's would find no such activity, or the wrong one.
  const agreements = await turn.records.agreements();
  const days = choices.flatMap((date) => {
    const agreement = agreementForDate(agreements, date);
    return agreement ? [{ date, label: dayLabel(date), agreement }] : [];
  });
  const refuse = (outcome: LogAnswer) => [text(ended(logTexts, outcome, r.ending))];
  if (days.length === 0) return refuse({ code: 'log.noDayAgreement', question });
  if (request.activityWords.length === 0) return refuse({ code: 'log.dayWithoutActivity', question });
  const agreement = days[days.length - 1]?.agreement;
  if (!agreement) return refuse({ code: 'log.dayQuestion', question });
  const match = matchActivities(agreement.activities, request.activityWords, request.place);
  // "samverkan förra veckan": too vague for an activity, whatever the day.
  const vague = vagueActivityCandidates(agreement.activities, agreement.parties, request.activityWords);
  const activity: Activity | undefined = match.candidates.length === 1 && !vague ? match.candidates[0] : undefined;
  if (!activity) return refuse({ code: 'log.dayUnclear', question, words: request.activityWords.join(' ') });
  const count = request.count ?? 1;
  const leftover = request.activityWords.slice(match.usedWords).join(' ');
  const note = [leftover, request.note ?? ''].filter((s) => s.length > 0).join(' ') || undefined;
  const details = { count, ...givenDetails({ ...request, note }) };
  const long = await longNoteAnswer(turn, agreement, { date: '', activityId: activity.id, ...details }, editing);
  if (long) return long;
  const usable = days.filter((d) => d.agreement.activities.some((a) => a.id === activity.id));
  const candidates = dayCandidatesFor(
    usable.map((d) => ({ date: d.date, label: d.label, agreementId: d.agreement.id })),
    activity,
    { ...questionOrigin(turn, editing), ...details, ...(editing ? { entryId: editing.id } : {}) },
  );
  const fallback = `${question}\n${usable.map((d) => `• ${d.label}`).join('\n')}`;
  const asked = render(logTexts, { code: 'log.chooseDay', question, editing: editing !== undefined });
  const shown = detailsText(activity.name, request, count);
  return [
    card(
      chooseActivityCard({ title: QUESTION_TITLES.day, question: asked, details: shown, candidates, more: '' }),
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
    return [text(render(logTexts, { code: 'log.noAgreementToday', hint: noAgreementHint(agreements, year) }))];
  }
  const data = logFormCardData(target, turn.today, turn.deps.newId(), prefill);
  const fallback = prefill.error ? prefill.error : render(logTexts, { code: 'log.formFallback', title: target.title });
  return [(replace ? replaceCard : card)(logFormCard(data), fallback)];
}
