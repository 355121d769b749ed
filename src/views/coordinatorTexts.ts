// What the coordinators' commands say: /klar (a one-time activity done), /nytt-medborgarlöfte (next
// year's agreement copied from an earlier one) and /samordnare (who the area's coordinators are).
import type { IsoDate } from '../domain/agreement.js';
import { formatSwedishDate } from '../domain/calendar.js';
import { knownAgreementsText } from './agreementTexts.js';
import type { Catalogue } from './catalogue.js';

/** The outcomes of /klar, /nytt-medborgarlöfte and /samordnare. */
export type CoordinatorText =
  | { code: 'done.noAgreement'; date: IsoDate }
  /** `milestones`: the first keyword of each one-time activity. */
  | { code: 'done.which'; agreement: string; milestones: readonly (string | undefined)[] }
  | { code: 'done.noActivity'; typed: string; agreement: string }
  | { code: 'done.notMilestone'; names: readonly string[] }
  /** Several one-time activities match: each with the keyword that picks it alone. */
  | { code: 'done.several'; typed: string; options: readonly { keyword: string; name: string }[] }
  | { code: 'done.already'; activity: string; date: IsoDate; by: string }
  | { code: 'done.marked'; activity: string; date: IsoDate; agreement: string }
  | { code: 'newAgreement.usage' }
  /** The title a copied agreement gets: "Medborgarlöfte 2027". */
  | { code: 'newAgreement.title'; year: number }
  | { code: 'newAgreement.badYear'; year: number; thisYear: number }
  | { code: 'newAgreement.exists'; year: number; title: string }
  /** `known`: the periods there are agreements for, as a sentence part. */
  | { code: 'newAgreement.noSource'; fromYear: number; known: string }
  | { code: 'newAgreement.idTaken'; id: string }
  | { code: 'newAgreement.conflict'; year: number }
  | {
      code: 'newAgreement.created';
      title: string;
      start: IsoDate;
      end: IsoDate;
      promises: number;
      activities: number;
      source: string;
      /** A keyword of the copy's first activity, for the example /logga. */
      keyword?: string | undefined;
    }
  | { code: 'coordinators.list'; area: string; coordinators: readonly string[] }
  | { code: 'coordinators.usage' }
  | { code: 'coordinators.notIdentity'; who: string }
  | { code: 'coordinators.changed'; who: string; adding: boolean; area: string; coordinators: readonly string[] }
  /** The store refused the change to the area's coordinators (nothing stored). */
  | { code: 'coordinator.already'; who: string; area: string }
  | { code: 'coordinator.notOne'; who: string; area: string }
  | { code: 'coordinator.last'; who: string; area: string }
  | { code: 'coordinators.unchanged' };

/** The sentence for each outcome of /klar, /nytt-medborgarlöfte and /samordnare. */
export const coordinatorTexts: Catalogue<CoordinatorText> = {
  'done.noAgreement': ({ date }) => `Inget medborgarlöfte gäller ${formatSwedishDate(date)}.`,
  'done.which': ({ agreement, milestones }) =>
    `Skriv vilken aktivitet som är klar, t.ex. /klar ${milestones[0] ?? 'enkät'}. Engångsaktiviteter i ${agreement}: ${milestones.join(', ')}.`,
  'done.noActivity': ({ typed, agreement }) => `Jag hittar ingen aktivitet "${typed}" i ${agreement}.`,
  'done.notMilestone': ({ names }) =>
    `${names.join(', ')} är inte en engångsaktivitet: den följs upp med det som loggas (/logga), inte med /klar.`,
  'done.several': ({ typed, options }) =>
    `"${typed}" passar flera aktiviteter. Skriv en av: ${options.map((o) => `/klar ${o.keyword} (${o.name})`).join(', ')}.`,
  'done.already': ({ activity, date, by }) =>
    `${activity} är redan markerad som genomförd (${formatSwedishDate(date)}, av ${by}).`,
  'done.marked': ({ activity, date, agreement }) =>
    `✅ ${activity} är markerad som genomförd ${formatSwedishDate(date)} i ${agreement}.`,
  'newAgreement.usage': () =>
    'Skriv så här: /nytt-medborgarlöfte 2026 från 2020 (året du skapar, och året vars löften och aktiviteter ska kopieras).',
  'newAgreement.title': ({ year }) => `Medborgarlöfte ${year}`,
  'newAgreement.badYear': ({ year, thisYear }) =>
    `Året ${year} går inte: skapa årets eller nästa års medborgarlöfte (${thisYear} eller ${thisYear + 1}).`,
  'newAgreement.exists': ({ year, title }) =>
    `Det finns redan ett medborgarlöfte som gäller ${year}: ${title}. Skriv /status ${year}.`,
  'newAgreement.noSource': ({ fromYear, known }) =>
    `Det finns inget medborgarlöfte för ${fromYear} att kopiera. ${knownAgreementsText(known)}`,
  'newAgreement.idTaken': ({ id }) => `Det finns redan ett medborgarlöfte med id ${id}.`,
  'newAgreement.conflict': ({ year }) =>
    `Det finns redan ett medborgarlöfte som gäller ${year}. Skriv /status ${year}.`,
  'newAgreement.created': (o) =>
    `✅ ${o.title} är skapat (${formatSwedishDate(o.start)} – ${formatSwedishDate(o.end)}) med ${o.promises} löften och ${o.activities} aktiviteter från ${o.source}. Nu kan alla logga på det, t.ex. /logga ${o.keyword ?? 'krogtillsyn'}. Skriv /status för läget.`,
  'coordinators.list': ({ area, coordinators }) =>
    `Samordnare i ${area}: ${coordinators.length > 0 ? coordinators.join(', ') : 'inga än'}. De (och de som driftar boten) kan använda /klar, /nytt-medborgarlöfte, /export och ändra listan med /samordnare lägg till eller ta bort.`,
  'coordinators.usage': () =>
    'Skriv /samordnare för att se områdets samordnare, /samordnare lägg till namn@kommun.se eller /samordnare ta bort namn@kommun.se.',
  'coordinators.notIdentity': ({ who }) =>
    `"${who}" ser inte ut som en e-postadress (UPN, namn@kommun.se) eller ett Entra-objekt-id. Inget har ändrats.`,
  'coordinators.changed': ({ who, adding, area, coordinators }) =>
    `✅ ${who} är ${adding ? 'nu samordnare' : 'inte längre samordnare'} i ${area}. Samordnare: ${coordinators.join(', ')}.`,
  'coordinator.already': ({ who, area }) => `${who} är redan samordnare i ${area}.`,
  'coordinator.notOne': ({ who, area }) => `${who} är inte samordnare i ${area}. Skriv /samordnare för listan.`,
  'coordinator.last': ({ who, area }) => `${who} är den enda samordnaren i ${area}; lägg till en ny först.`,
  'coordinators.unchanged': () => 'Inget har ändrats.',
};
