// What the bot says when a log would store personal data (a phone number, a name in a note about
// individuals), when an entry would not count where the words put it, and when the words are too
// few to know the activity. The app decides; these render its outcomes in Swedish.
import type { Activity, IsoDate } from '../domain/agreement.js';
import { SWEDISH_WEEKDAYS, formatSwedishDate, isoWeekday } from '../domain/calendar.js';
import type { NotCounted } from '../domain/counting.js';
import { expandCard, type AdaptiveCard } from './cards.js';
import { draftFacts } from './draftFacts.js';
import type { ChoiceSubmit } from './logCards.js';

/** "Ändra" on the name question: the log form again, filled in with what was written. */
interface ReopenSubmit extends Omit<ChoiceSubmit, 'verb'> {
  verb: 'log.reopen';
}

export interface NoteQuestionCardData {
  heading: string;
  question: string;
  facts: { title: string; value: string }[];
  /** Empty once answered: the card keeps its text, without buttons. */
  buttons: { title: string; submit: ChoiceSubmit | ReopenSubmit }[];
}

/** The question card (cards/note-question.json): heading, question, what would be stored, and its buttons. */
export function noteQuestionCard(data: NoteQuestionCardData): AdaptiveCard {
  return expandCard('note-question', data);
}

/** The number as it may be shown back: the first three digits, the rest hidden ("070-••• •• ••"). */
function maskPhoneNumber(written: string): string {
  let digits = 0;
  return written.replace(/\d/gu, (d) => (++digits <= 3 ? d : '•'));
}

/** Why a phone number in a log is refused, the number masked; without the ending. */
export function phoneNumberText(written: string): string {
  return `Texten innehåller ett telefonnummer (${maskPhoneNumber(written)}). Telefonnummer är personuppgifter: skriv aldrig sådana om invånare här – SIG-ärendena gäller unga.`;
}

/** A phone number found in a log: refused, nothing stored; `editing` when the text changes an entry. */
export function phoneRefusal(written: string, editing = false): string {
  return `${phoneNumberText(written)} ${editing ? 'Insatsen är oförändrad.' : 'Inget har sparats.'}`;
}

/**
 * The phone number question: the number is never shown back (the card is a stored Teams message);
 * one button stores the entry without its note. `withoutNote` is that entry.
 */
export function phoneQuestionData(
  written: string,
  withoutNote: ChoiceSubmit,
  activity: Activity,
): NoteQuestionCardData {
  return {
    heading: 'Telefonnummer i anteckningen',
    question: `${phoneRefusal(written)} Du kan spara insatsen utan anteckningen, eller skriva om meddelandet utan numret.`,
    facts: draftFacts(withoutNote, activity, { note: false }),
    buttons: [{ title: 'Spara utan anteckning', submit: withoutNote }],
  };
}

/** The gentle question about a name in the note of work about individuals, before anything is stored. */
export function nameQuestionData(draft: ChoiceSubmit, activity: Activity): NoteQuestionCardData {
  const { note: _note, ...withoutNote } = draft;
  const { verb: _verb, ...rest } = draft;
  return {
    heading: 'Anteckningen verkar innehålla ett namn. Skriv inga namn på ungdomar.',
    question:
      'Spara utan anteckning, ändra anteckningen, eller spara ändå om det inte är ett namn på någon ungdom. Inget har sparats än.',
    facts: draftFacts(draft, activity, { note: true }),
    buttons: [
      { title: 'Spara utan anteckning', submit: withoutNote },
      { title: 'Ändra', submit: { ...rest, verb: 'log.reopen' } },
      { title: 'Spara ändå', submit: { ...draft, noteChecked: true } },
    ],
  };
}

/** "fredag–söndag": the days a weekend-nights target counts. */
const WEEKEND = 'fredag, lördag och söndag';

/** Why an entry on `date` does not count: "Onsdag 14 oktober 2020 räknas inte: … räknar bara natthelger (fredag, lördag och söndag)." */
export function notCountedText(activity: Activity, date: IsoDate, why: NotCounted): string {
  const day = `${SWEDISH_WEEKDAYS[isoWeekday(date) - 1] ?? ''} ${formatSwedishDate(date)}`;
  switch (why.reason) {
    case 'weekendNightsOnly':
      return `${capitalise(day)} räknas inte för ${activity.name}: den räknar bara natthelger (${WEEKEND}).`;
  }
}

/** The short line on a choice card's candidate that would not count the day. */
export function notCountedCandidateText(date: IsoDate, why: NotCounted): string {
  switch (why.reason) {
    case 'weekendNightsOnly':
      return `⚠️ Räknas inte ${SWEDISH_WEEKDAYS[isoWeekday(date) - 1] ?? ''} ${formatSwedishDate(date)} – bara natthelger (${WEEKEND}).`;
  }
}

/** The question before logging where the entry would not count. */
export function notCountedQuestion(
  activity: Activity,
  date: IsoDate,
  why: NotCounted,
  alternatives: number,
  editing: boolean,
): string {
  const choose = editing ? 'insatsen ändras inte förrän du har valt' : 'inget är loggat förrän du har valt';
  const offer =
    alternatives > 0
      ? `Logga den där den räknas, eller ändå under ${activity.name}`
      : `Ingen annan aktivitet passar orden; logga den ändå under ${activity.name}, eller skriv om med en fredag, lördag eller söndag`;
  return `${notCountedText(activity, date, why)} ${offer} – ${choose}.`;
}

/** The button of the activity that will not count the entry. */
export function logAnywayTitle(editing: boolean): string {
  return editing ? 'Ändra ändå (räknas inte)' : 'Logga ändå (räknas inte)';
}

/** The question when the words were too few to tell the activity ("samverkan", "polisen"). */
export function tooVagueQuestion(typed: string, agreementTitle: string, editing: boolean): string {
  return `"${typed}" räcker inte för att veta vilken aktivitet i ${agreementTitle} du menar. Välj en – ${editing ? 'insatsen ändras inte' : 'inget är loggat'} förrän du har valt.`;
}

function capitalise(s: string): string {
  return s.charAt(0).toLocaleUpperCase('sv') + s.slice(1);
}
