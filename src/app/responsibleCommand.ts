// "/ansvarig <aktivitet> [@person …]", "/ansvarig <aktivitet> ta bort @person": who is responsible
// for an activity. Anyone may see it; the area's coordinators change it. People are named by an
// @mention (a channel or group chat where they are) or by a UPN (any chat, a personal one too).
// A change is written to the area's file with its history line, and to the audit log.
import type { Activity } from '../domain/agreement.js';
import { isActivityWord, matchActivities } from '../domain/matching.js';
import { responsibleFor, type ResponsiblePerson } from '../domain/responsible.js';
import { fold, words } from '../domain/text.js';
import { render } from '../views/catalogue.js';
import { responsibleName, responsibleTexts, type ResponsibleOutcome } from '../views/reminderTexts.js';
import { currentAgreement } from './agreements.js';
import { viaOf } from './audit.js';
import { COORDINATOR_ONLY, isCoordinator, personOf, type Turn } from './context.js';
import { text, type Reply } from './ports.js';

const UPN = /^[^\s@]{1,100}@[^\s@]{1,200}\.[^\s@]{2,50}$/u;

/** The text with each mentioned name taken out once (its last occurrence: names follow the activity). */
function withoutNames(text: string, names: readonly string[]): string {
  let out = text;
  for (const name of names) {
    const at = name.length > 0 ? out.lastIndexOf(name) : -1;
    if (at >= 0) out = `${out.slice(0, at)} ${out.slice(at + name.length)}`;
  }
  return out;
}

function reply(outcome: ResponsibleOutcome): Reply[] {
  return [text(render(responsibleTexts, outcome))];
}

/** The people named (by @mention or UPN), and the words left: the activity, and after "ta bort" any more. */
function readPeople(
  turn: Turn,
  trimmed: string,
): { people: ResponsiblePerson[]; rest: string[]; removing: boolean; trailing: string[] } {
  const mentioned = turn.input.mentioned ?? [];
  const tokens = words(
    withoutNames(
      trimmed,
      mentioned.map((m) => m.name),
    ),
  );
  const upns = tokens.filter((t) => UPN.test(t));
  let rest = tokens.filter((t) => !UPN.test(t));
  const removeAt = rest.findIndex((t, i) => fold(t) === 'ta' && fold(rest[i + 1] ?? '') === 'bort');
  const removing = removeAt >= 0;
  const trailing = removing ? rest.slice(removeAt + 2) : [];
  if (removing) rest = rest.slice(0, removeAt);
  const reference = turn.input.conversationReference;
  const via = typeof reference === 'object' && reference !== null ? { via: reference as Record<string, unknown> } : {};
  const people: ResponsiblePerson[] = [
    ...mentioned.map((m) => ({ id: m.id, name: m.name, since: turn.now.toISOString(), ...via })),
    ...upns.map((u) => ({ upn: u.toLowerCase(), name: '', since: turn.now.toISOString() })),
  ];
  return { people, rest, removing, trailing };
}

/** A coordinator adds or removes the people for the activity; the reply says who is responsible now. */
async function changeResponsible(
  turn: Turn,
  activity: Activity,
  removing: boolean,
  people: ResponsiblePerson[],
): Promise<Reply[]> {
  const result = await turn.deps.port.areas.updateArea(
    turn.area.id,
    { kind: removing ? 'responsibleRemoved' : 'responsibleAdded', activityId: activity.id, people },
    { by: personOf(turn), at: turn.now, via: viaOf(turn) },
  );
  turn.log.info({ areaId: turn.area.id, activityId: activity.id, changed: result.ok }, 'responsible people');
  if (result.ok) {
    const names = responsibleFor(result.area.responsible, activity.id).map(responsibleName);
    return removing
      ? reply({
          code: 'responsible.removed',
          activity: activity.name,
          removed: (result.removed ?? []).map(responsibleName),
          names,
        })
      : reply({
          code: 'responsible.added',
          activity: activity.name,
          added: (result.added ?? []).map(responsibleName),
          already: (result.already ?? []).map(responsibleName),
          names,
        });
  }
  if (result.code === 'responsible.notResponsible')
    return reply({ code: 'responsible.notResponsible', activity: activity.name, who: people.map(responsibleName) });
  if (result.code === 'responsible.allAlready') {
    const stored = await turn.deps.port.areas.area(turn.area.id);
    return reply({
      code: 'responsible.added',
      activity: activity.name,
      added: [],
      already: result.already.map(responsibleName),
      names: responsibleFor(stored?.responsible, activity.id).map(responsibleName),
    });
  }
  return [];
}

/**
 * "/ansvarig": everyone's responsibilities; "/ansvarig <aktivitet>": who is responsible for it;
 * with @mentions or UPNs (and "ta bort"), a coordinator's change. Replies in Swedish (reminderTexts).
 */
export async function responsibleCommand(turn: Turn, args: string): Promise<Reply[]> {
  const agreement = currentAgreement(await turn.records.agreements(), turn.today);
  const trimmed = args.trim().normalize('NFC');
  const namesOf = (activityId: string) => responsibleFor(turn.area.responsible, activityId).map(responsibleName);
  if (trimmed.length === 0) {
    const rows = (agreement?.activities ?? [])
      .map((a) => ({ activity: a.name, names: namesOf(a.id) }))
      .filter((r) => r.names.length > 0);
    return reply({ code: 'responsible.overview', rows });
  }
  if (!agreement) return reply({ code: 'responsible.noAgreement' });

  const { people, rest, removing, trailing } = readPeople(turn, trimmed);
  const typed = rest.join(' ');
  if (typed.length === 0) return reply({ code: 'responsible.noPeople' });
  const match = matchActivities(agreement.activities, rest);
  const activity: Activity | undefined = match.candidates.length === 1 ? match.candidates[0] : undefined;
  if (match.candidates.length > 1)
    return reply({ code: 'responsible.severalActivities', typed, names: match.candidates.map((a) => a.name) });
  if (!activity) {
    // "/ansvarig krogtillsyn Anna" in a personal chat: a name the bot cannot tell who it is.
    const known = rest.findIndex(
      (_, i) => matchActivities(agreement.activities, rest.slice(0, i + 1)).candidates.length === 1,
    );
    if (known >= 0 && known < rest.length - 1)
      return reply({ code: 'responsible.namesWithoutMention', words: rest.slice(known + 1).join(' ') });
    return reply({ code: 'responsible.noActivity', typed, title: agreement.title });
  }
  // Words after the activity's own that name no activity are people the bot cannot identify ("Berit").
  const shortest = rest.findIndex((_, i) => {
    const found = matchActivities(agreement.activities, rest.slice(0, i + 1)).candidates;
    return found.length === 1 && found[0]?.id === activity.id;
  });
  const leftover = [...(shortest >= 0 ? rest.slice(shortest + 1) : []), ...trailing];
  if (leftover.length > 0 && !leftover.some((w) => isActivityWord(agreement.activities, w)))
    return reply({ code: 'responsible.namesWithoutMention', words: leftover.join(' ') });
  if (people.length === 0)
    return removing
      ? reply({ code: 'responsible.noPeople' })
      : reply({ code: 'responsible.list', activity: activity.name, names: namesOf(activity.id) });
  if (!(await isCoordinator(turn))) return [text(COORDINATOR_ONLY)];

  return changeResponsible(turn, activity, removing, people);
}
