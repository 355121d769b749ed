// "/samordnare": the area's coordinators; "/samordnare lägg till <UPN>" and "ta bort <UPN>" change
// them (the area's coordinators and admins only). Only the conversation's area is ever touched.
import type { AreaChangeRefusal } from '../domain/areaChange.js';
import { viaOf } from './audit.js';
import { COORDINATOR_ONLY, isCoordinator, personOf, type Turn } from './context.js';
import { text, type Reply } from './ports.js';
import { render } from '../views/catalogue.js';
import { coordinatorTexts, type CoordinatorText } from '../views/coordinatorTexts.js';

/** The reply saying `outcome`. */
const say = (outcome: CoordinatorText): Reply[] => [text(render(coordinatorTexts, outcome))];

// A UPN (namn@kommun.se) or an Entra object id (a GUID): what the coordinator check compares with.
const IDENTITY =
  /^(?:[^\s@]{1,100}@[^\s@]{1,200}\.[^\s@]{2,50}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/iu;

/** What the coordinator is told when the store refused the change to the coordinators of `areaName`. */
function refusal(refused: AreaChangeRefusal, areaName: string): CoordinatorText {
  switch (refused.code) {
    case 'coordinator.already':
    case 'coordinator.notOne':
    case 'coordinator.last':
      return { code: refused.code, who: refused.who, area: areaName };
    default:
      return { code: 'coordinators.unchanged' };
  }
}

/**
 * "/samordnare": the area's coordinators; "lägg till" or "ta bort" a UPN or Entra object id changes
 * them (coordinators and admins only). The store refuses adding one twice or removing the last.
 */
export async function coordinatorsCommand(turn: Turn, args: string): Promise<Reply[]> {
  const { area } = turn;
  const trimmed = args.trim().normalize('NFC');
  if (trimmed.length === 0) {
    return say({ code: 'coordinators.list', area: area.name, coordinators: area.coordinators });
  }
  const m = /^(l[aä]gg\s+till|ta\s+bort)\s+(\S+)$/iu.exec(trimmed);
  if (!m) return say({ code: 'coordinators.usage' });
  if (!(await isCoordinator(turn))) return [text(COORDINATOR_ONLY)];
  const adding = /^l/iu.test(m[1] ?? '');
  const who = (m[2] ?? '').trim();
  if (!IDENTITY.test(who)) return say({ code: 'coordinators.notIdentity', who: who.slice(0, 60) });
  const result = await turn.deps.port.areas.updateArea(
    area.id,
    { kind: adding ? 'coordinatorAdded' : 'coordinatorRemoved', who },
    { by: personOf(turn), at: turn.now, via: viaOf(turn) },
  );
  if (!result.ok) return say(refusal(result, area.name));
  const updated = result.area;
  turn.log.info({ areaId: area.id, change: adding ? 'added' : 'removed' }, 'coordinators changed');
  return say({ code: 'coordinators.changed', who, adding, area: updated.name, coordinators: updated.coordinators });
}
