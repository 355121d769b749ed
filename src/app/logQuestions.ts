// Questions asked before a typed log or a log form is stored, and nothing stored until answered:
// - the words are too few to know the activity ("samverkan", "polisen"): which activity?
// - the activity will not count the day (a weekday for weekend nights): log it where it counts,
//   or under that activity anyway;
// - a phone number in the text: store without the note, or write it again;
// - a name in the note of work about individuals: store without the note, change it, or store anyway.
// Every button is an existing choice (log.choose) or the log form, so a click logs once and only
// the writer's click counts (see cardActions).
import type { Agreement, IsoDate } from '../domain/agreement.js';
import { whyNotCounted } from '../domain/counting.js';
import { givenDetails, type Entry } from '../domain/entry.js';
import { matchActivities } from '../domain/matching.js';
import { areaWords, findLikelyName, isAboutIndividuals, type NameLexicon } from '../domain/noteNames.js';
import { findPhoneNumber, findPhoneNumbers, type PhoneNumberMatch } from '../domain/phoneNumbers.js';
import { vagueActivityCandidates } from '../domain/vagueWords.js';
import { swedishLexicon } from '../lexicon/swedishWords.js';
import {
  candidatesFor,
  chooseActivityCard,
  detailsText,
  moreCandidatesText,
  type ChoiceSubmit,
} from '../views/logCards.js';
import {
  logAnywayTitle,
  nameQuestionData,
  notCountedQuestion,
  noteQuestionCard,
  phoneQuestionData,
  phoneRefusal,
  tooVagueQuestion,
} from '../views/noteGuardCards.js';
import { formatSwedishDate } from '../domain/calendar.js';
import { QUESTION_TITLES } from '../views/logTexts.js';
import type { Turn } from './context.js';
import { card, replaceCard, text, type Reply } from './ports.js';
import { questionOrigin } from './questionOrigin.js';
import type { EntryDraft } from './recordEntry.js';

/** What a question repeats of the log: date, place, count, hours, participants. */
interface Details {
  place?: string;
  hours?: number;
  participants?: number;
  note?: string;
}

function choiceBase(turn: Turn, agreement: Agreement, date: IsoDate, count: number, details: Details, editing?: Entry) {
  return {
    ...questionOrigin(turn, editing),
    agreementId: agreement.id,
    date,
    count,
    ...givenDetails(details),
    ...(editing ? { entryId: editing.id } : {}),
  };
}

/**
 * "samverkan", "polisen": the activity words say too little. The card of candidate activities,
 * or undefined when the words are enough to match as usual.
 */
export function tooVagueAnswer(
  turn: Turn,
  agreement: Agreement,
  activityWords: readonly string[],
  date: IsoDate,
  count: number,
  details: Details,
  editing?: Entry,
): Reply | undefined {
  const candidates = vagueActivityCandidates(agreement.activities, agreement.parties, activityWords);
  if (!candidates) return undefined;
  const typed = activityWords.join(' ');
  const question = tooVagueQuestion(typed, agreement.title, editing !== undefined);
  const fallback = `${question}\n${candidates.map((a) => `• ${a.name}`).join('\n')}`;
  return card(
    chooseActivityCard({
      title: QUESTION_TITLES.activity,
      question,
      details: detailsText(formatSwedishDate(date), details, count),
      candidates: candidatesFor(candidates, choiceBase(turn, agreement, date, count, details, editing)),
      more: moreCandidatesText(candidates),
    }),
    fallback,
  );
}

/**
 * The activity would not count the entry's day (a Wednesday for weekend nights): a card with the
 * activities that would count it (those of `words` that fit best, else those sharing the
 * activity's own words) and the activity itself, "Logga ändå (räknas inte)". Undefined when it counts.
 */
export function notCountedAnswer(
  turn: Turn,
  draft: EntryDraft,
  words: readonly string[],
  options: { editing?: Entry; replace?: boolean } = {},
): Reply | undefined {
  const { agreement, activity, date, count } = draft;
  const why = whyNotCounted(activity, date);
  if (!why) return undefined;
  const counting = agreement.activities.filter((a) => a.id !== activity.id && !whyNotCounted(a, date));
  const byWords = matchActivities(counting, words, draft.place).candidates;
  const alternatives = byWords.length > 0 ? byWords : matchActivities(counting, activity.keywords).candidates;
  const base = choiceBase(turn, agreement, date, count, draft, options.editing);
  const editing = options.editing !== undefined;
  const candidates = [
    ...candidatesFor(alternatives.slice(0, 5), base),
    ...candidatesFor([activity], base).map((c) => ({ ...c, buttonTitle: logAnywayTitle(editing) })),
  ];
  const question = notCountedQuestion(activity, date, why, alternatives.length, editing);
  const fallback = `${question}\n${[...alternatives.slice(0, 5), activity].map((a) => `• ${a.name}`).join('\n')}`;
  const shown = chooseActivityCard({
    title: QUESTION_TITLES.notCounted,
    question,
    details: detailsText(formatSwedishDate(date), draft, count),
    candidates,
    more: '',
  });
  return (options.replace ? replaceCard : card)(shown, fallback);
}

/** The first phone number in the texts, read against the turn's day. */
export function phoneNumberIn(turn: Turn, ...texts: (string | undefined)[]): PhoneNumberMatch | undefined {
  return findPhoneNumber(turn.today, ...texts);
}

/** The text with every phone number blanked out: what the rest of a message says without them. */
export function withoutPhoneNumbers(turn: Turn, text: string): string {
  let out = text;
  for (const m of findPhoneNumbers(text, turn.today).reverse()) out = `${out.slice(0, m.start)} ${out.slice(m.end)}`;
  return out;
}

/**
 * A typed log holding a phone number: when the rest of the message is a clear log (`withoutPhone`,
 * read without the numbers), a card offering to store it without any note; otherwise a refusal.
 * The number is never shown back in full.
 */
export function phoneAnswer(
  turn: Turn,
  found: PhoneNumberMatch,
  withoutPhone: EntryDraft | undefined,
  editing?: Entry,
): Reply {
  if (!withoutPhone || editing) return text(phoneRefusal(found.match, editing !== undefined));
  const { note: _note, ...rest } = withoutPhone;
  const submit: ChoiceSubmit = {
    verb: 'log.choose',
    ...choiceBase(turn, rest.agreement, rest.date, rest.count, rest),
    activityId: rest.activity.id,
  };
  const data = phoneQuestionData(found.match, submit, rest.activity);
  return card(noteQuestionCard(data), data.question);
}

/** The Swedish word list for the name check: the one given to the app, else dictionary-sv's. */
function lexicon(turn: Turn): NameLexicon {
  return (turn.deps.nameLexicon ?? swedishLexicon)();
}

/**
 * A name in the note of work about individuals (SIG, orosanmälan): the gentle question, or
 * undefined when there is no note, the activity is not about individuals, no word looks like a
 * name, or the writer already chose "Spara ändå" (`noteChecked`). `replace` puts it where the
 * submitted card was; with `editing` (an edited log message) the buttons change that entry.
 */
export async function nameQuestion(
  turn: Turn,
  draft: EntryDraft,
  options: { noteChecked?: boolean; replace?: boolean; origin?: Partial<ChoiceSubmit>; editing?: Entry } = {},
): Promise<Reply | undefined> {
  if (options.noteChecked || !draft.note || !isAboutIndividuals(draft.activity)) return undefined;
  // An edit that keeps the stored note as it was is not asked about again.
  if (options.editing && options.editing.note === draft.note) return undefined;
  const name = findLikelyName(draft.note, lexicon(turn), areaWords(await turn.records.agreements()));
  if (name === undefined) return undefined;
  // The name itself is never logged: a note is personal data.
  turn.log.info({ activityId: draft.activity.id }, 'asked about a name in a note');
  const submit: ChoiceSubmit = {
    verb: 'log.choose',
    ...choiceBase(turn, draft.agreement, draft.date, draft.count, draft, options.editing),
    ...options.origin,
    activityId: draft.activity.id,
  };
  const data = nameQuestionData(submit, draft.activity);
  return (options.replace ? replaceCard : card)(noteQuestionCard(data), `${data.heading} ${data.question}`);
}
