// What the bot says about a correction typed in words ("nej, i tisdags", "ändra till 3 pers").
import { CORRECTION_WINDOW_MINUTES, type CorrectionField } from '../domain/correction.js';

/** How an answer ends when the entry it is about stays as it was. */
const UNCHANGED = 'Insatsen är oförändrad.';

/** The audit record's detail for an entry changed by a correction in words. */
export const CORRECTED_IN_WORDS = 'rättat i chatten';

const EXAMPLES: Readonly<Record<CorrectionField | 'any', string>> = {
  any: '"nej, i tisdags", "ändra till 3 pers", "nej, 2 tillfällen" eller "fel plats, Österängen"',
  date: '"fel dag, det var igår" eller "nej, i tisdags"',
  place: '"fel plats, Österängen"',
  count: '"nej, 2 tillfällen"',
  participants: '"ändra till 6 pers"',
  hours: '"fel tid, 2 h"',
};

export type CorrectionText =
  /** Nothing recent of the person's here to correct. */
  | { kind: 'nothingRecent' }
  /** A correction word, but not what to change into: asked once, with the entry's form below. */
  | { kind: 'unclear'; line: string; field?: CorrectionField }
  /** The words name several days. */
  | { kind: 'whichDay'; question: string }
  /** A value the entry cannot take: why, and that it stays as it was. */
  | { kind: 'refused'; why: string }
  /** The new date is in another agreement's period, or in none. */
  | { kind: 'otherAgreement'; title: string; entryTitle: string }
  | { kind: 'noAgreement'; date: string }
  /** A typed answer to an open question that says nothing it can use. */
  | { kind: 'unclearAnswer' };

/** The Swedish sentence for a correction that changes nothing (yet). */
export function correctionText(t: CorrectionText): string {
  switch (t.kind) {
    case 'nothingRecent':
      return `Jag hittar ingen insats som du har loggat här de senaste ${CORRECTION_WINDOW_MINUTES} minuterna, så det finns inget att rätta. Skriv /mina och tryck Ändra för att ändra en äldre insats, eller /logga för en ny.`;
    case 'unclear':
      return `Vad ska ändras i ${t.line}? Skriv t.ex. ${EXAMPLES[t.field ?? 'any']}, eller ändra i formuläret.`;
    case 'whichDay':
      return `${t.question} Skriv en dag, t.ex. "nej, i tisdags" eller "nej, 13/10". ${UNCHANGED}`;
    case 'refused':
      return `${t.why} ${UNCHANGED}`;
    case 'otherAgreement':
      return `Det datumet ligger i ${t.title}, men insatsen hör till ${t.entryTitle}. ${UNCHANGED} Ta bort den med Ångra och logga på nytt.`;
    case 'noAgreement':
      return `Inget medborgarlöfte gäller ${t.date}. ${UNCHANGED}`;
    case 'unclearAnswer':
      return `Jag förstår inte svaret. Välj på kortet, eller skriv t.ex. "nej, i fredags" eller "nej, 2 tillfällen". Inget har sparats.`;
  }
}
