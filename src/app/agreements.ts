// Which agreement a turn is about: the one whose period holds a date, or the one a year names.
import { matchActivities } from '../domain/matching.js';
import { agreementForDate, agreementsForYear, type Agreement, type IsoDate } from '../domain/agreement.js';
import { agreementTexts } from '../views/agreementTexts.js';
import { render } from '../views/catalogue.js';

/** The agreement running today, else the most recent one that has started. */
export function currentAgreement(agreements: readonly Agreement[], today: IsoDate): Agreement | undefined {
  const running = agreementForDate(agreements, today);
  if (running) return running;
  return [...agreements]
    .filter((a) => a.period.start <= today)
    .sort((a, b) => b.period.start.localeCompare(a.period.start))[0];
}

export function agreementForYear(agreements: readonly Agreement[], year: number): Agreement | undefined {
  return agreementsForYear(agreements, year)[0];
}

export function knownPeriodsText(agreements: readonly Agreement[]): string {
  const years = [...agreements]
    .sort((a, b) => a.period.start.localeCompare(b.period.start))
    .map((a) => a.title.replace(/^Medborgarlöfte\s*/u, ''));
  return years.length > 0 ? years.join(', ') : 'inga';
}

/**
 * A word to log with in this area's examples ("/logga kvällspatrull" in Habo): one that names a
 * single activity of the current agreement, so following the example logs instead of asking
 * "vilken aktivitet menar du?". Activities with a count target come first; when no keyword is
 * unique, the first one (or "krogtillsyn" without an agreement).
 */
export function exampleKeyword(agreements: readonly Agreement[], today: IsoDate): string {
  const agreement = currentAgreement(agreements, today);
  if (!agreement) return 'krogtillsyn';
  const { activities } = agreement;
  const ordered = [
    ...activities.filter((a) => a.target.kind === 'count'),
    ...activities.filter((a) => a.target.kind !== 'count'),
  ];
  const unique = ordered
    .flatMap((a) => a.keywords)
    .find((k) => matchActivities(activities, k.split(/\s+/u)).candidates.length === 1);
  return unique ?? ordered[0]?.keywords[0] ?? 'krogtillsyn';
}

export function allPlaces(agreements: readonly Agreement[]): string[] {
  const places = new Map<string, string>();
  for (const a of agreements) {
    for (const act of a.activities) for (const p of act.places) places.set(p.toLowerCase(), p);
  }
  return [...places.values()];
}

/** "Inget medborgarlöfte gäller 24 november 2026" plus how a coordinator fixes that. */
export function noAgreementHint(agreements: readonly Agreement[], year: number): string {
  return render(agreementTexts, { code: 'agreement.createHint', year, from: latestStartYear(agreements) });
}

/** The start year of the latest agreement ("2020"), the one a new agreement would be copied from. */
function latestStartYear(agreements: readonly Agreement[]): string | undefined {
  const latest = [...agreements].sort((a, b) => b.period.start.localeCompare(a.period.start))[0];
  return latest ? latest.period.start.slice(0, 4) : undefined;
}

/** "Det finns inget medborgarlöfte än." and how a coordinator makes one for `year`. */
export function noAgreementYet(agreements: readonly Agreement[], year: number): string {
  return render(agreementTexts, { code: 'agreement.noneYet', year, from: latestStartYear(agreements) });
}

/** "Det finns inget medborgarlöfte för 2019. Det som finns: 2020, 2021." */
export function noAgreementForYear(agreements: readonly Agreement[], year: number): string {
  return render(agreementTexts, { code: 'agreement.noneForYear', year, known: knownPeriodsText(agreements) });
}
