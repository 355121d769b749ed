// The question before a repeat: the same person logs the same activity, day and place as their
// last entry. "Logga igen" logs it (a new entry, the same as a click on a choice card); "Avbryt"
// leaves the record as it was. Both replace the question, so it is answered once.
import type { Activity, IsoDate } from '../domain/agreement.js';
import { formatSwedishDate } from '../domain/calendar.js';
import { fold } from '../domain/text.js';
import { expandCard, type AdaptiveCard } from './cards.js';
import { draftFacts } from './draftFacts.js';
import type { ChoiceSubmit } from './logCards.js';

/** What "Avbryt" sends. */
interface RepeatCancelSubmit {
  verb: 'log.cancel';
  /** Who asked: only their Avbryt answers the question. */
  writer?: string;
  writerName?: string;
}

export interface RepeatCardData {
  heading: string;
  question: string;
  facts: { title: string; value: string }[];
  /** False once answered: the card keeps its text, without buttons. */
  show: boolean;
  again: ChoiceSubmit | Record<string, never>;
  cancel: RepeatCancelSubmit | Record<string, never>;
}

/** The question for `draft` (what "Logga igen" logs), the day of the work being `today` or not. */
export function repeatCardData(draft: ChoiceSubmit, activity: Activity, today: IsoDate): RepeatCardData {
  const when = draft.date === today ? 'idag' : formatSwedishDate(draft.date);
  // "Grannsamverkan Öxnehaga", not "Grannsamverkan Öxnehaga på Öxnehaga".
  const where = draft.place && !fold(activity.name).includes(fold(draft.place)) ? ` på ${draft.place}` : '';
  return {
    heading: `Redan loggat ${when} – logga igen?`,
    question: `Du har nyss loggat ${activity.name}${where} ${when}. Var det ett nytt tillfälle? Tryck Logga igen; annars Avbryt, så loggas inget nytt.`,
    facts: draftFacts(draft, activity, { note: true }),
    show: true,
    again: draft,
    cancel: {
      verb: 'log.cancel',
      ...(draft.writer ? { writer: draft.writer } : {}),
      ...(draft.writerName ? { writerName: draft.writerName } : {}),
    },
  };
}

/** The question after Avbryt. */
export function repeatCancelledData(): RepeatCardData {
  return {
    heading: 'Inget nytt loggat',
    question: 'Du avbröt, så det loggades inte igen. Det du loggade förut finns kvar; skriv /mina för att se det.',
    facts: [],
    show: false,
    again: {},
    cancel: {},
  };
}

export function repeatCard(data: RepeatCardData): AdaptiveCard {
  return expandCard('repeat', data);
}
