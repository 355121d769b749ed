// "/samordnare": the area's coordinators; "/samordnare lägg till <UPN>" and "ta bort <UPN>" change
// them (the area's coordinators and admins only). Only the conversation's area is ever touched.
import { coordinatorRefusalText } from '../views/areaChangeTexts.js';
import { viaOf } from './audit.js';
import { COORDINATOR_ONLY, isCoordinator, personOf, type Turn } from './context.js';
import { text, type Reply } from './ports.js';

const USAGE =
  'Skriv /samordnare för att se områdets samordnare, /samordnare lägg till namn@kommun.se eller /samordnare ta bort namn@kommun.se.';

// A UPN (namn@kommun.se) or an Entra object id (a GUID): what the coordinator check compares with.
const IDENTITY =
  /^(?:[^\s@]{1,100}@[^\s@]{1,200}\.[^\s@]{2,50}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/iu;

export async function coordinatorsCommand(turn: Turn, args: string): Promise<Reply[]> {
  const { area } = turn;
  const trimmed = args.trim().normalize('NFC');
  if (trimmed.length === 0) {
    const list = area.coordinators.length > 0 ? area.coordinators.join(', ') : 'inga än';
    return [
      text(
        `Samordnare i ${area.name}: ${list}. De (och de som driftar boten) kan använda /klar, /nytt-medborgarlöfte, /export och ändra listan med /samordnare lägg till eller ta bort.`,
      ),
    ];
  }
  const m = /^(l[aä]gg\s+till|ta\s+bort)\s+(\S+)$/iu.exec(trimmed);
  if (!m) return [text(USAGE)];
  if (!(await isCoordinator(turn))) return [text(COORDINATOR_ONLY)];
  const adding = /^l/iu.test(m[1] ?? '');
  const who = (m[2] ?? '').trim();
  if (!IDENTITY.test(who))
    return [
      text(
        `"${who.slice(0, 60)}" ser inte ut som en e-postadress (UPN, namn@kommun.se) eller ett Entra-objekt-id. Inget har ändrats.`,
      ),
    ];
  const result = await turn.deps.port.areas.updateArea(
    area.id,
    { kind: adding ? 'coordinatorAdded' : 'coordinatorRemoved', who },
    { by: personOf(turn), at: turn.now, via: viaOf(turn) },
  );
  if (!result.ok) return [text(coordinatorRefusalText(result, area.name))];
  const updated = result.area;
  turn.log.info({ areaId: area.id, change: adding ? 'added' : 'removed' }, 'coordinators changed');
  return [
    text(
      `✅ ${who} är ${adding ? 'nu samordnare' : 'inte längre samordnare'} i ${updated.name}. Samordnare: ${updated.coordinators.join(', ')}.`,
    ),
  ];
}
