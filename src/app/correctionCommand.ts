// A correction typed in words ("nej det var i tisdags", "fel dag, det var igår", "ändra till 3
// pers", "nej, 2 tillfällen", "fel plats, Österängen"). It changes, through the same edit as Ändra
// (history and audit), the person's latest entry when that was logged in this conversation within
// CORRECTION_WINDOW_MINUTES ("right after"); or, when the bot asked a question about a log since
// (which day, which activity), it answers that question as a click would. Nothing else is touched:
// only your own entry, only the latest, only for a short while.
import { agreementForDate, type Agreement, type IsoDate } from '../domain/agreement.js';
import { formatSwedishDate } from '../domain/calendar.js';
import { parseCorrection, withinCorrectionWindow, type CorrectionParse } from '../domain/correction.js';
import { occasionAnswer, type OccasionAnswer } from '../domain/occasionAnswer.js';
import { fieldsOf, givenDetails, isActive, type Entry } from '../domain/entry.js';
import type { LogRequestParse } from '../domain/logRequest.js';
import { render } from '../views/catalogue.js';
import { correctionText, CORRECTED_IN_WORDS } from '../views/correctionTexts.js';
import { logRequestTexts } from '../views/logRequestTexts.js';
import { ended, recordTexts, type Ending } from '../views/logTexts.js';
import { entryLine } from '../views/texts.js';
import { allPlaces } from './agreements.js';
import { personOf, type Turn } from './context.js';
import { entryCard, findEntry, type FoundEntry } from './entryCard.js';
import { checkFields, editEntry } from './entryEdit.js';
import { logForm, logResolved, messageSourceId, resolveParsed } from './logCommand.js';
import { forgetQuestion, openQuestion, type OpenQuestion } from './openQuestions.js';
import { text, type Reply } from './ports.js';
import { checkedAtEntry, futureDateRefusal, type CheckedDraft } from './recordEntry.js';
import { repeatCancelled } from './repeatQuestion.js';

/**
 * The answer to a typed message when it is a correction, else undefined (the message is then
 * whatever else it may be). A correction word with nothing recent to correct is answered, never
 * left without a reply.
 */
export async function correctionCommand(turn: Turn): Promise<Reply[] | undefined> {
  const open = openQuestion(turn);
  if (open?.kind === 'occasion') {
    const answer = occasionAnswer(turn.input.text ?? '');
    if (answer) return answerOccasion(turn, open, answer);
  }
  const parsed = parseCorrection(turn.input.text ?? '', turn.today, allPlaces(await turn.records.agreements()));
  if (parsed.kind === 'none') return undefined;
  const latest = await latestCorrectable(turn);
  const question = openQuestion(turn);
  if (question && (!latest || Date.parse(latest.entry.loggedAt) < question.askedAt)) {
    return answerQuestion(turn, question, parsed);
  }
  // "i fredags" alone answers a question; after a log it needs a word that says it is a correction.
  if ((parsed.kind === 'change' || parsed.kind === 'whichDay') && !parsed.lead) return undefined;
  if (!latest) return [text(correctionText({ kind: 'nothingRecent' }))];
  return correctEntry(turn, latest, parsed);
}

/**
 * The person's latest active entry, when it was logged within the correction window and, if it
 * came from a typed message, in this conversation (a form or a card click names no conversation).
 */
async function latestCorrectable(turn: Turn): Promise<FoundEntry | undefined> {
  const me = personOf(turn).id;
  let latest: Entry | undefined;
  for (const e of await turn.records.entriesTouchedBy(me)) {
    if (!isActive(e) || e.by.id !== me) continue;
    // Entries logged in the same millisecond: the one stored later is the later one.
    if (latest === undefined || e.loggedAt >= latest.loggedAt) latest = e;
  }
  if (!latest || !withinCorrectionWindow(latest.loggedAt, turn.now)) return undefined;
  const source = latest.sourceId ?? '';
  if (source.startsWith('message:') && !source.startsWith(`message:${turn.input.conversation.id}:`)) return undefined;
  return findEntry(turn, latest.agreementId, latest.id);
}

async function correctEntry(turn: Turn, found: FoundEntry, parsed: CorrectionParse): Promise<Reply[]> {
  const { entry, agreement, activity } = found;
  switch (parsed.kind) {
    case 'none':
      return [];
    case 'unclear':
      return [
        text(
          correctionText({
            kind: 'unclear',
            line: entryLine(entry, activity),
            ...(parsed.field ? { field: parsed.field } : {}),
          }),
        ),
        ...(await logForm(turn, agreement, {
          activityId: entry.activityId,
          date: entry.date,
          count: entry.count,
          ...givenDetails(entry),
          entryId: entry.id,
        })),
      ];
    case 'refused':
      return [text(correctionText({ kind: 'refused', why: render(logRequestTexts, parsed.problem) }))];
    case 'whichDay':
      return [text(correctionText({ kind: 'whichDay', question: render(logRequestTexts, parsed.question) }))];
    case 'change':
      break;
  }
  const fields = { ...fieldsOf(entry), ...parsed.change };
  const refusal = await dateRefusal(turn, fields.date, agreement, 'unchanged');
  if (refusal) return [text(refusal)];
  // A place typed in the correction enters here ("fel plats, …"): checked before the entry changes.
  const check = checkFields(turn.today, fields);
  if (!check.ok) return [text(correctionText({ kind: 'refused', why: ended(recordTexts, check.refusal, 'none') }))];
  const outcome = await editEntry(turn, found, check.fields, 'edit', CORRECTED_IN_WORDS);
  if (outcome.kind === 'refused') return [text(correctionText({ kind: 'refused', why: outcome.why }))];
  return [await entryCard(turn, outcome.found, outcome.kind === 'changed' ? 'edited' : 'unchanged', false)];
}

/** Why `date` cannot be the new date of an entry in `agreement` (a future day, another agreement's), or undefined. */
async function dateRefusal(
  turn: Turn,
  date: IsoDate,
  agreement: Agreement,
  ending: Ending,
): Promise<string | undefined> {
  const future = futureDateRefusal(date, turn.today, ending);
  if (future) return future;
  const target = agreementForDate(await turn.records.agreements(), date);
  if (target?.id === agreement.id) return undefined;
  return target
    ? correctionText({ kind: 'otherAgreement', title: target.title, entryTitle: agreement.title })
    : correctionText({ kind: 'noAgreement', date: formatSwedishDate(date) });
}

/**
 * A typed answer to the open question: the question's request with the answer's values, resolved
 * as if the message had said so from the start, as the message it answers (so an entry made is
 * that message's, as a click's would be). A day named answers "which day"; anything else asks again.
 * "Logga igen?" is answered by answerRepeat.
 */
async function answerQuestion(turn: Turn, question: OpenQuestion, parsed: CorrectionParse): Promise<Reply[]> {
  if (parsed.kind === 'none') return [];
  if (parsed.kind === 'refused') return [text(ended(logRequestTexts, parsed.problem, 'nothingStored'))];
  const { activityId: _answer, ...input } = turn.input;
  const asAsked: Turn = {
    ...turn,
    input: { ...input, ...(question.messageId ? { activityId: question.messageId } : {}) },
  };
  const sourceId = messageSourceId(question.messageId ? asAsked : turn);
  if (question.kind === 'repeat' || question.kind === 'occasion') {
    return answerRepeat(turn, question.draft, parsed, asAsked, sourceId);
  }
  if (parsed.kind === 'unclear') return [text(correctionText({ kind: 'unclearAnswer' }))];
  forgetQuestion(turn);
  const request = { ...question.request, ...parsed.change };
  let log: LogRequestParse;
  if (parsed.kind === 'whichDay') {
    log = { ok: false, problem: parsed.question, whichDay: { choices: parsed.choices, request } };
  } else if (parsed.change.date === undefined && question.whichDay) {
    log = { ok: false, problem: question.whichDay.problem, whichDay: { choices: question.whichDay.choices, request } };
  } else {
    log = { ok: true, request };
  }
  return logResolved(asAsked, await resolveParsed(asAsked, log), sourceId);
}

/**
 * A typed "ja" or "nej" to "Var du med där?": stored as the message's entry, joining the occasion
 * or as one of its own, exactly as the buttons would (a later click on either stores nothing more).
 */
async function answerOccasion(
  turn: Turn,
  question: Extract<OpenQuestion, { kind: 'occasion' }>,
  answer: OccasionAnswer,
): Promise<Reply[]> {
  forgetQuestion(turn);
  const draft: CheckedDraft = {
    ...question.draft,
    occasion: answer === 'same' ? { join: question.occasionId } : 'new',
  };
  const { activityId: _answer, ...input } = turn.input;
  const asAsked: Turn = {
    ...turn,
    input: { ...input, ...(question.messageId ? { activityId: question.messageId } : {}) },
  };
  return logResolved(asAsked, { kind: 'draft', draft }, draft.sourceId);
}

/**
 * A typed answer to "Logga igen?": "nej" with nothing else is Avbryt; "nej, i fredags" logs the
 * same on that day instead (asked again if that too is what was logged last).
 */
async function answerRepeat(
  turn: Turn,
  draft: CheckedDraft,
  parsed: Exclude<CorrectionParse, { kind: 'none' | 'refused' }>,
  asAsked: Turn,
  sourceId: string | undefined,
): Promise<Reply[]> {
  if (parsed.kind === 'whichDay')
    return [text(correctionText({ kind: 'whichDay', question: render(logRequestTexts, parsed.question) }))];
  forgetQuestion(turn);
  // The question's card is elsewhere in the conversation: the answer is a new message.
  if (parsed.kind === 'unclear')
    return repeatCancelled().map((r) => (r.kind === 'replaceCard' ? { ...r, kind: 'card' } : r));
  const changed = { ...draft, ...parsed.change };
  // The new day is checked here, where it enters; the rest was checked when the question was asked.
  const refusal = await dateRefusal(turn, changed.date, draft.agreement, 'nothingStored');
  if (refusal) return [text(refusal)];
  return logResolved(asAsked, { kind: 'draft', draft: checkedAtEntry(changed) }, sourceId);
}
