// What the bot answers on the log path when it stores nothing: a refusal (a future day, personal
// data, no agreement), or a question (which activity, which day) before anything is logged. Every
// such answer ends by saying what happened to the data: nothing was stored, or the edited entry is
// unchanged; the same refusal is read with either ending (see `Ending`).
import type { IsoDate } from '../domain/agreement.js';
import { formatSwedishDate } from '../domain/calendar.js';
import { knownAgreementsText } from './agreementTexts.js';
import type { Catalogue, Coded } from './catalogue.js';
import { render } from './catalogue.js';
import { phoneNumberText } from './noteGuardCards.js';
import { maskIdentityNumber } from './texts.js';

/**
 * How an answer that stored nothing ends: 'nothingStored' for a new log, 'unchanged' for a text
 * that would have changed an entry, 'none' where the caller adds its own ending (a form's error).
 */
export type Ending = 'nothingStored' | 'unchanged' | 'none';

const ENDINGS: Readonly<Record<Ending, string>> = {
  nothingStored: 'Inget har sparats.',
  unchanged: 'Insatsen är oförändrad.',
  none: '',
};

/** The sentence for `outcome` from `catalogue`, followed by `ending`. */
export function ended<U extends Coded>(catalogue: Catalogue<U>, outcome: U, ending: Ending): string {
  const said = render(catalogue, outcome);
  return ending === 'none' ? said : `${said} ${ENDINGS[ending]}`;
}

/** Why an entry is not stored, whichever way it came (typed, clicked, the form, an edit). */
export type RecordRefusal =
  /** A personnummer or samordningsnummer in free text; `number` is it as found (masked when shown). */
  | { code: 'record.identityNumber'; kind: string; number: string }
  /** A phone number in a note or place; `written` as found (masked when shown). */
  | { code: 'record.phoneNumber'; written: string }
  /** A day after today. */
  | { code: 'record.futureDate'; date: IsoDate }
  /** A day outside the agreement the entry belongs to. */
  | { code: 'record.outsideAgreement'; date: IsoDate; title: string };

export const recordTexts: Catalogue<RecordRefusal> = {
  'record.identityNumber': (r) =>
    `Texten innehåller något som ser ut som ett ${r.kind} (${maskIdentityNumber(r.number)}). Skriv aldrig personuppgifter om invånare här – SIG-ärendena gäller unga.`,
  'record.phoneNumber': (r) => phoneNumberText(r.written),
  'record.futureDate': (r) => `${formatSwedishDate(r.date)} har inte varit än – logga det som har hänt.`,
  'record.outsideAgreement': (r) => `${formatSwedishDate(r.date)} ligger utanför ${r.title}.`,
};

/** Answers to a typed log that store nothing yet: `editing` when the text is an edited message's. */
export type LogAnswer =
  /** No agreement covers the day; `hint` says how to get one or which there are. */
  | { code: 'log.noAgreement'; date: IsoDate; hint: string }
  /** `known`: the agreements there are, for a day before this year. */
  | { code: 'log.knownPeriods'; known: string }
  | { code: 'log.noAgreementToday'; hint: string }
  /** No activity word; `example` is one that logs here. */
  | { code: 'log.whichActivity'; example: string }
  | { code: 'log.whichActivityOrForm'; example: string }
  | { code: 'log.unknownActivity'; typed: string; title: string; keywords: string }
  | { code: 'log.severalActivities'; typed: string; count: number; title: string; editing: boolean }
  | { code: 'log.closeActivities'; title: string; editing: boolean }
  /** The day question, `question` its first words ("förra veckan" är ingen bestämd dag…). */
  | { code: 'log.chooseDay'; question: string; editing: boolean }
  | { code: 'log.noDayAgreement'; question: string }
  | { code: 'log.dayWithoutActivity'; question: string }
  | { code: 'log.dayUnclear'; question: string; words: string }
  /** The day question with nothing to add before its ending. */
  | { code: 'log.dayQuestion'; question: string }
  /** The form's text fallback. */
  | { code: 'log.formFallback'; title: string };

const untilChosen = (editing: boolean): string =>
  `${editing ? 'insatsen ändras inte' : 'inget är loggat'} förrän du har valt.`;

export const logTexts: Catalogue<LogAnswer> = {
  'log.noAgreement': (a) =>
    `Inget medborgarlöfte gäller ${formatSwedishDate(a.date)}, så jag kan inte logga det. ${a.hint}`,
  'log.knownPeriods': (a) => knownAgreementsText(a.known),
  'log.noAgreementToday': (a) => `Inget medborgarlöfte gäller idag. ${a.hint}`,
  'log.whichActivity': (a) => `Skriv vilken aktivitet du vill logga, t.ex. /logga ${a.example}.`,
  'log.whichActivityOrForm': (a) =>
    `Skriv vilken aktivitet du vill logga, t.ex. /logga ${a.example}. Eller fyll i formuläret.`,
  'log.unknownActivity': (a) =>
    `Jag hittar ingen aktivitet "${a.typed}" i ${a.title}. Exempel på ord som fungerar: ${a.keywords}. Skriv /status för alla aktiviteter.`,
  'log.severalActivities': (a) =>
    `"${a.typed}" passar ${a.count} aktiviteter i ${a.title}. Välj en – ${untilChosen(a.editing)}`,
  'log.closeActivities': (a) =>
    `Jag hittar ingen aktivitet med de orden i ${a.title}. Välj den du menade – ${untilChosen(a.editing)}`,
  'log.chooseDay': (a) => `${a.question} Välj en dag – ${untilChosen(a.editing)}`,
  'log.noDayAgreement': (a) => `${a.question} Inget medborgarlöfte gäller de dagarna.`,
  'log.dayWithoutActivity': (a) => `${a.question} Skriv också vilken aktivitet, t.ex. /logga krogtillsyn 29/5.`,
  'log.dayUnclear': (a) => `${a.question} Skriv dagen och aktiviteten tydligare, t.ex. /logga ${a.words} 29/5.`,
  'log.dayQuestion': (a) => a.question,
  'log.formFallback': (a) =>
    `Logga en insats i ${a.title}: skriv /logga «aktivitet» [plats] [datum] [antal] [anteckning].`,
};

/** Card titles of the log path's questions. */
export const QUESTION_TITLES = {
  activity: 'Vilken aktivitet menar du?',
  close: 'Menade du någon av dessa?',
  day: 'Vilken dag menar du?',
  notCounted: 'Räknas inte där – var ska insatsen loggas?',
} as const;
