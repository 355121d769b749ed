// The log form's error line and the answers to card submits on the log path (a choice of activity
// or day, the form, Avbryt): what cannot be stored from what the card sent, and why.
import type { IsoDate } from '../domain/agreement.js';
import { formatSwedishDate } from '../domain/calendar.js';
import type { FormNumberProblem } from '../domain/formNumbers.js';
import type { Catalogue } from './catalogue.js';
import { recordTexts, type RecordRefusal } from './logTexts.js';
import { AGREEMENT_GONE, UNREADABLE_CARD } from './turnTexts.js';

/** Why a submitted log form is sent back with an error line (and what was filled in kept). */
export type FormProblem =
  | RecordRefusal
  | FormNumberProblem
  /** The date field as typed (at most 20 characters): two readings, none, or no such day. */
  | { code: 'form.ambiguousDate'; written: string; readings: readonly [IsoDate, IsoDate] }
  | { code: 'form.nonexistentDate'; written: string }
  | { code: 'form.unreadableDate'; written: string }
  | { code: 'form.count'; max: number }
  | { code: 'form.placeTooLong'; max: number }
  | { code: 'form.noteTooLong'; max: number; length: number }
  | { code: 'form.noActivity' }
  | { code: 'form.noAgreement'; date: IsoDate }
  | { code: 'form.activityNotInAgreement'; title: string }
  /** Ändra: the entry is gone, someone else's, or the new date is in another agreement (`title`). */
  | { code: 'form.entryGone' }
  | { code: 'form.notYourEntry' }
  | { code: 'form.otherAgreement'; title: string }
  /** Ändra refused by editEntry; `why` is its sentence. */
  | { code: 'form.editRefused'; why: string };

export const logFormTexts: Catalogue<FormProblem> = {
  ...recordTexts,
  'form.participants': (p) =>
    `Deltagare "${p.typed}" går inte att spara: skriv ett heltal från 1 till ${p.max}, eller lämna fältet tomt.`,
  'form.hours': (p) =>
    `Timmar "${p.typed}" går inte att spara: skriv en tid över 0 och högst ${p.max} timmar, t.ex. 1,5, eller lämna fältet tomt.`,
  'form.ambiguousDate': (p) =>
    `Datumet "${p.written}" kan vara ${formatSwedishDate(p.readings[0])} eller ${formatSwedishDate(p.readings[1])}. Välj datumet igen.`,
  'form.nonexistentDate': (p) => `Datumet "${p.written}" finns inte. Välj datumet igen.`,
  'form.unreadableDate': (p) => `Datumet "${p.written}" går inte att läsa. Välj datumet igen.`,
  'form.count': (p) => `Antalet ska vara ett heltal från 1 till ${p.max}.`,
  'form.placeTooLong': (p) => `Platsen får vara högst ${p.max} tecken.`,
  'form.noteTooLong': (p) => `Anteckningen får vara högst ${p.max} tecken (den var ${p.length}).`,
  'form.noActivity': () => 'Välj en aktivitet.',
  'form.noAgreement': (p) => `Inget medborgarlöfte gäller ${formatSwedishDate(p.date)}.`,
  'form.activityNotInAgreement': (p) =>
    `Aktiviteten finns inte i ${p.title}; välj en som gör det, eller ett annat datum.`,
  'form.entryGone': () => 'Insatsen finns inte längre; skriv /mina för dina insatser.',
  'form.notYourEntry': () => 'Bara den som loggade insatsen kan ändra den.',
  'form.otherAgreement': (p) =>
    `Datumet ligger i ${p.title}. En insats kan bara flyttas inom sitt medborgarlöfte: ta bort den och logga på nytt.`,
  'form.editRefused': (p) => `${p.why} Skriv /mina för dina insatser.`,
};

/** Answers to a card submit on the log path that is not the form's error line. */
export type CardAnswer =
  | { code: 'card.unknown' }
  | { code: 'card.unknownButton' }
  | { code: 'card.unreadable' }
  | { code: 'card.unreadableForm' }
  | { code: 'card.agreementGone' }
  | { code: 'card.activityGone' }
  /** A click on someone else's question; `name` is theirs when the card carried it. */
  | { code: 'card.notYours'; name: string | undefined; example: string }
  /** A click on the question about an edited message, whose entry is gone or elsewhere. */
  | { code: 'card.dayInOtherAgreement' }
  | { code: 'card.entryGone' };

/** "Anna Lind" → "Anna Linds", "Lars" → "Lars" (a name ending in s, x or z takes no extra s). */
function swedishGenitive(name: string): string {
  return /[sxz]$/iu.test(name) ? name : `${name}s`;
}

export const cardTexts: Catalogue<CardAnswer> = {
  'card.unknown': () => 'Jag känner inte igen det kortet. Skriv /hjälp för att se vad jag kan.',
  'card.unknownButton': () => 'Jag känner inte igen den knappen. Skriv /hjälp för att se vad jag kan.',
  'card.unreadable': () => UNREADABLE_CARD,
  'card.unreadableForm': () => 'Formuläret skickade något jag inte kan läsa. Skriv /logga för ett nytt.',
  'card.agreementGone': () => AGREEMENT_GONE,
  'card.activityGone': () => 'Aktiviteten finns inte längre. Skriv kommandot igen.',
  'card.notYours': (a) =>
    `${
      a.name
        ? `Frågan gäller ${swedishGenitive(a.name)} insats – bara ${a.name} kan välja.`
        : 'Frågan gäller någon annans insats – bara den som skrev kan välja.'
    } Logga din egen med /logga, t.ex. /logga ${a.example} igår.`,
  'card.dayInOtherAgreement': () =>
    'Dagen ligger i ett annat medborgarlöfte än insatsen. Ta bort insatsen och logga på nytt.',
  'card.entryGone': () => 'Insatsen finns inte längre. Skriv /mina för dina insatser.',
};
