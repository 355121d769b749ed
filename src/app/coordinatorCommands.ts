// Coordinator commands: "/klar <aktivitet>" and "/nytt-medborgarlöfte <år> från <år>".
import {
  AgreementConflictError,
  agreementForDate,
  agreementSchema,
  agreementsForYear,
  type Agreement,
} from '../domain/agreement.js';
import { formatSwedishDate } from '../domain/calendar.js';
import { parseLogRequest } from '../domain/logRequest.js';
import { render } from '../views/catalogue.js';
import { logRequestTexts } from '../views/logRequestTexts.js';
import { matchActivities } from '../domain/matching.js';
import { words } from '../domain/text.js';
import { agreementForYear, allPlaces, currentAgreement, knownPeriodsText } from './agreements.js';
import { turnAuditRecord } from './audit.js';
import { COORDINATOR_ONLY, isCoordinator, personOf, type Turn } from './context.js';
import { text, type Reply } from './ports.js';
import { futureDateRefusal } from './recordEntry.js';

export async function doneCommand(turn: Turn, args: string): Promise<Reply[]> {
  if (!(await isCoordinator(turn))) return [text(COORDINATOR_ONLY)];
  const store = await turn.records.agreements();
  const parsed = parseLogRequest(args, turn.today, allPlaces(store));
  if (!parsed.ok) return [text(render(logRequestTexts, parsed.problem))];
  const given = parsed.request.date;
  const future = given ? futureDateRefusal(given, turn.today) : undefined;
  if (future) return [text(future)];
  const agreement = given ? agreementForDate(store, given) : currentAgreement(store, turn.today);
  if (!agreement) return [text(`Inget medborgarlöfte gäller ${formatSwedishDate(given ?? turn.today)}.`)];
  // Closing last year's agreement in January: undated, the milestone was done by its last day, or
  // it would not count in the agreement's final state and follow-up.
  const date = given ?? (turn.today > agreement.period.end ? agreement.period.end : turn.today);
  if (parsed.request.activityWords.length === 0) {
    const milestones = agreement.activities.filter((a) => a.target.kind === 'milestone').map((a) => a.keywords[0]);
    return [
      text(
        `Skriv vilken aktivitet som är klar, t.ex. /klar ${milestones[0] ?? 'enkät'}. Engångsaktiviteter i ${agreement.title}: ${milestones.join(', ')}.`,
      ),
    ];
  }
  const match = matchActivities(agreement.activities, parsed.request.activityWords);
  const typed = parsed.request.activityWords.join(' ');
  const milestones = match.candidates.filter((a) => a.target.kind === 'milestone');
  if (match.candidates.length === 0) return [text(`Jag hittar ingen aktivitet "${typed}" i ${agreement.title}.`)];
  if (milestones.length === 0) {
    const names = match.candidates.map((a) => a.name).join(', ');
    return [text(`${names} är inte en engångsaktivitet: den följs upp med det som loggas (/logga), inte med /klar.`)];
  }
  if (milestones.length > 1) {
    const options = milestones.map((a) => `/klar ${distinctiveKeyword(a, milestones)} (${a.name})`).join(', ');
    return [text(`"${typed}" passar flera aktiviteter. Skriv en av: ${options}.`)];
  }
  const activity = milestones[0];
  if (!activity) return [];
  const existing = (await turn.records.completions(agreement.id)).find((c) => c.activityId === activity.id);
  if (existing) {
    return [
      text(
        `${activity.name} är redan markerad som genomförd (${formatSwedishDate(existing.date)}, av ${existing.by.name}).`,
      ),
    ];
  }
  await turn.records.addCompletion(
    agreement.id,
    { activityId: activity.id, date, by: personOf(turn), at: turn.now.toISOString() },
    turnAuditRecord(turn, {
      action: 'milestone.done',
      agreementId: agreement.id,
      activityId: activity.id,
      changes: { date: { to: date } },
    }),
  );
  turn.log.info({ agreementId: agreement.id, activityId: activity.id }, 'milestone marked done');
  return [text(`✅ ${activity.name} är markerad som genomförd ${formatSwedishDate(date)} i ${agreement.title}.`)];
}

/** A keyword of the activity that picks it alone among the candidates (its id as the last resort). */
function distinctiveKeyword(
  activity: Agreement['activities'][number],
  among: readonly Agreement['activities'][number][],
): string {
  const others = among.filter((a) => a.id !== activity.id);
  const unique = [...activity.keywords, activity.name.toLowerCase()].find((k) => {
    const found = matchActivities([activity, ...others], words(k)).candidates;
    return found.length === 1 && found[0]?.id === activity.id;
  });
  return unique ?? activity.id;
}

const NEW_AGREEMENT_USAGE =
  'Skriv så här: /nytt-medborgarlöfte 2026 från 2020 (året du skapar, och året vars löften och aktiviteter ska kopieras).';

export async function newAgreementCommand(turn: Turn, args: string): Promise<Reply[]> {
  if (!(await isCoordinator(turn))) return [text(COORDINATOR_ONLY)];
  const store = await turn.records.agreements();
  const m = /^(\d{4})\s+(?:från|fran|from)\s+(\d{4})$/iu.exec(args.trim().normalize('NFC'));
  if (!m) return [text(NEW_AGREEMENT_USAGE)];
  const year = Number(m[1]);
  const fromYear = Number(m[2]);
  const thisYear = Number(turn.today.slice(0, 4));
  if (year < 2000 || year > thisYear + 1)
    return [
      text(`Året ${year} går inte: skapa årets eller nästa års medborgarlöfte (${thisYear} eller ${thisYear + 1}).`),
    ];
  const existing = agreementsForYear(store, year)[0];
  if (existing)
    return [text(`Det finns redan ett medborgarlöfte som gäller ${year}: ${existing.title}. Skriv /status ${year}.`)];
  const source = agreementForYear(store, fromYear);
  if (!source)
    return [
      text(`Det finns inget medborgarlöfte för ${fromYear} att kopiera. Det som finns: ${knownPeriodsText(store)}.`),
    ];

  const copy: Agreement = agreementSchema.parse({
    ...structuredClone(source),
    id: `${source.area}-${year}`,
    title: `Medborgarlöfte ${year}`,
    period: { start: `${year}-01-01`, end: `${year}-12-31` },
    copiedFrom: source.id,
    // The copy was not imported: the source text stays with the agreement it was pasted for.
    imported: undefined,
  });
  if (await turn.records.agreement(copy.id)) return [text(`Det finns redan ett medborgarlöfte med id ${copy.id}.`)];
  try {
    await turn.deps.port.areas.addAgreement(
      copy,
      turnAuditRecord(turn, { action: 'agreement.created', agreementId: copy.id, detail: `kopia av ${source.id}` }),
    );
  } catch (error) {
    // Two coordinators asking at the same moment: the first one's copy stands.
    if (error instanceof AgreementConflictError)
      return [text(`Det finns redan ett medborgarlöfte som gäller ${year}. Skriv /status ${year}.`)];
    throw error;
  }
  turn.log.info({ agreementId: copy.id, copiedFrom: source.id }, 'agreement created');
  return [
    text(
      `✅ ${copy.title} är skapat (${formatSwedishDate(copy.period.start)} – ${formatSwedishDate(copy.period.end)}) med ${copy.promises.length} löften och ${copy.activities.length} aktiviteter från ${source.title}. Nu kan alla logga på det, t.ex. /logga ${copy.activities[0]?.keywords[0] ?? 'krogtillsyn'}. Skriv /status för läget.`,
    ),
  ];
}
