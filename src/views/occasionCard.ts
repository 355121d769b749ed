// "Var du med där?": someone else already logged the same activity on the same day (and place),
// so the bot asks whether this is the same occasion before anything is stored. "Ja, samma
// tillfälle" stores the entry as part of that occasion (it counts once); "Nej, ett annat
// tillfälle" stores a separate one. Either click replaces the question with the confirmation.
import type { Activity, IsoDate } from '../domain/agreement.js';
import { formatSwedishDate } from '../domain/calendar.js';
import type { Occasion } from '../domain/occasion.js';
import { fold } from '../domain/text.js';
import { expandCard, type AdaptiveCard } from './cards.js';
import { draftFacts } from './draftFacts.js';
import type { ChoiceSubmit } from './logCards.js';

export interface OccasionCardData {
  heading: string;
  question: string;
  explanation: string;
  facts: { title: string; value: string }[];
  join: ChoiceSubmit;
  separate: ChoiceSubmit;
}

/** "Johan Berg", "Johan Berg och Anna Lind", "Johan Berg, Anna Lind och 2 till". */
export function namesText(names: readonly string[]): string {
  const known = names.map((n) => n.trim()).filter((n) => n.length > 0);
  if (known.length === 0) return 'Någon annan';
  if (known.length === 1) return known[0]!;
  if (known.length === 2) return `${known[0]} och ${known[1]}`;
  return `${known[0]}, ${known[1]} och ${known.length - 2} till`;
}

/** "idag", "igår", "13 oktober" (this year), "13 oktober 2019". */
function dayText(date: IsoDate, today: IsoDate, yesterday: IsoDate): string {
  if (date === today) return 'idag';
  if (date === yesterday) return 'igår';
  const full = formatSwedishDate(date);
  return date.slice(0, 4) === today.slice(0, 4) ? full.replace(/ \d{4}$/u, '') : full;
}

/**
 * The question for `draft` (what the answer logs), `occasion` being the one someone else logged.
 * `yesterday` is the day before `today` (the caller's calendar).
 */
export function occasionCardData(
  draft: ChoiceSubmit,
  occasion: Occasion,
  activity: Activity,
  days: { today: IsoDate; yesterday: IsoDate },
): OccasionCardData {
  // "Grannsamverkan Öxnehaga", not "Grannsamverkan Öxnehaga i Öxnehaga".
  const place = occasion.place ?? draft.place;
  const where = place && !fold(activity.name).includes(fold(place)) ? ` i ${place}` : '';
  const who = namesText(occasion.people.map((p) => p.name));
  const { occasionId: _o, newOccasion: _n, ...base } = draft;
  return {
    heading: 'Samma tillfälle?',
    question: `${who} har redan loggat ${activity.name} ${dayText(draft.date, days.today, days.yesterday)}${where}. Var du med där?`,
    explanation:
      'Ja: du står med som deltagare och tillfället räknas en gång. Nej: det sparas som ett eget tillfälle. Inget är sparat förrän du har svarat.',
    facts: draftFacts(draft, activity, { note: true }),
    join: { ...base, occasionId: occasion.id },
    separate: { ...base, newOccasion: true },
  };
}

/** The card's text where the card cannot be shown (a notification, a client without cards). */
export function occasionFallback(data: OccasionCardData): string {
  return `${data.question} Svara med knapparna på kortet.`;
}

export function occasionCard(data: OccasionCardData): AdaptiveCard {
  return expandCard('occasion', data);
}
