// Coordinator commands: "/klar <aktivitet>" and "/nytt-medborgarlöfte <år> från <år>".
import {
  AgreementConflictError,
  agreementForDate,
  agreementSchema,
  agreementsForYear,
  type Agreement,
} from '../domain/agreement.js';
import { parseLogRequest } from '../domain/logRequest.js';
import { logRequestTexts } from '../views/logRequestTexts.js';
import { matchActivities } from '../domain/matching.js';
import { words } from '../domain/text.js';
import { agreementForYear, allPlaces, currentAgreement, knownPeriodsText } from './agreements.js';
import { turnAuditRecord } from './audit.js';
import { COORDINATOR_ONLY, isCoordinator, personOf, type Turn } from './context.js';
import { text, type Reply } from './ports.js';
import { futureDateRefusal } from './recordEntry.js';
import { auditDetailTexts } from '../views/auditDetailTexts.js';
import { render } from '../views/catalogue.js';
import { coordinatorTexts, type CoordinatorText } from '../views/coordinatorTexts.js';

/** The reply saying `outcome`. */
const say = (outcome: CoordinatorText): Reply[] => [text(render(coordinatorTexts, outcome))];

/** "/klar <aktivitet> [datum]": a coordinator marks a one-time activity (a milestone) done. */
export async function doneCommand(turn: Turn, args: string): Promise<Reply[]> {
  if (!(await isCoordinator(turn))) return [text(COORDINATOR_ONLY)];
  const store = await turn.records.agreements();
  const parsed = parseLogRequest(args, turn.today, allPlaces(store));
  if (!parsed.ok) return [text(render(logRequestTexts, parsed.problem))];
  const given = parsed.request.date;
  const future = given ? futureDateRefusal(given, turn.today) : undefined;
  if (future) return [text(future)];
  const agreement = given ? agreementForDate(store, given) : currentAgreement(store, turn.today);
  if (!agreement) return say({ code: 'done.noAgreement', date: given ?? turn.today });
  // Closing last year's agreement in January: undated, the milestone was done by its last day, or
  // it would not count in the agreement's final state and follow-up.
  const date = given ?? (turn.today > agreement.period.end ? agreement.period.end : turn.today);
  if (parsed.request.activityWords.length === 0) {
    const milestones = agreement.activities.filter((a) => a.target.kind === 'milestone').map((a) => a.keywords[0]);
    return say({ code: 'done.which', agreement: agreement.title, milestones });
  }
  const match = matchActivities(agreement.activities, parsed.request.activityWords);
  const typed = parsed.request.activityWords.join(' ');
  const milestones = match.candidates.filter((a) => a.target.kind === 'milestone');
  if (match.candidates.length === 0) return say({ code: 'done.noActivity', typed, agreement: agreement.title });
  if (milestones.length === 0) return say({ code: 'done.notMilestone', names: match.candidates.map((a) => a.name) });
  if (milestones.length > 1) {
    const options = milestones.map((a) => ({ keyword: distinctiveKeyword(a, milestones), name: a.name }));
    return say({ code: 'done.several', typed, options });
  }
  const activity = milestones[0];
  if (!activity) return [];
  const existing = (await turn.records.completions(agreement.id)).find((c) => c.activityId === activity.id);
  if (existing)
    return say({ code: 'done.already', activity: activity.name, date: existing.date, by: existing.by.name });
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
  return say({ code: 'done.marked', activity: activity.name, date, agreement: agreement.title });
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

/** "/nytt-medborgarlöfte <år> från <år>": a coordinator copies an earlier year's agreement to a new year. */
export async function newAgreementCommand(turn: Turn, args: string): Promise<Reply[]> {
  if (!(await isCoordinator(turn))) return [text(COORDINATOR_ONLY)];
  const store = await turn.records.agreements();
  const m = /^(\d{4})\s+(?:från|fran|from)\s+(\d{4})$/iu.exec(args.trim().normalize('NFC'));
  if (!m) return say({ code: 'newAgreement.usage' });
  const year = Number(m[1]);
  const fromYear = Number(m[2]);
  const thisYear = Number(turn.today.slice(0, 4));
  if (year < 2000 || year > thisYear + 1) return say({ code: 'newAgreement.badYear', year, thisYear });
  const existing = agreementsForYear(store, year)[0];
  if (existing) return say({ code: 'newAgreement.exists', year, title: existing.title });
  const source = agreementForYear(store, fromYear);
  if (!source) return say({ code: 'newAgreement.noSource', fromYear, known: knownPeriodsText(store) });

  const copy: Agreement = agreementSchema.parse({
    ...structuredClone(source),
    id: `${source.area}-${year}`,
    title: render(coordinatorTexts, { code: 'newAgreement.title', year }),
    period: { start: `${year}-01-01`, end: `${year}-12-31` },
    copiedFrom: source.id,
    // The copy was not imported: the source text stays with the agreement it was pasted for.
    imported: undefined,
  });
  if (await turn.records.agreement(copy.id)) return say({ code: 'newAgreement.idTaken', id: copy.id });
  try {
    await turn.deps.port.areas.addAgreement(
      copy,
      turnAuditRecord(turn, {
        action: 'agreement.created',
        agreementId: copy.id,
        detail: render(auditDetailTexts, { code: 'auditDetail.copiedFrom', agreementId: source.id }),
      }),
    );
  } catch (error) {
    // Two coordinators asking at the same moment: the first one's copy stands.
    if (error instanceof AgreementConflictError) return say({ code: 'newAgreement.conflict', year });
    throw error;
  }
  turn.log.info({ agreementId: copy.id, copiedFrom: source.id }, 'agreement created');
  return say({
    code: 'newAgreement.created',
    title: copy.title,
    start: copy.period.start,
    end: copy.period.end,
    promises: copy.promises.length,
    activities: copy.activities.length,
    source: source.title,
    keyword: copy.activities[0]?.keywords[0],
  });
}
