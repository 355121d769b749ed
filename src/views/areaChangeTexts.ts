// What a coordinator is told when a change to the area's coordinators is not made (nothing stored).
import type { AreaChangeRefusal } from '../domain/areaChange.js';

/** The refusal of "/samordnare lägg till|ta bort <who>" in `areaName`, with what to do instead. */
export function coordinatorRefusalText(refusal: AreaChangeRefusal, areaName: string): string {
  switch (refusal.code) {
    case 'coordinator.already':
      return `${refusal.who} är redan samordnare i ${areaName}.`;
    case 'coordinator.notOne':
      return `${refusal.who} är inte samordnare i ${areaName}. Skriv /samordnare för listan.`;
    case 'coordinator.last':
      return `${refusal.who} är den enda samordnaren i ${areaName}; lägg till en ny först.`;
    default:
      return 'Inget har ändrats.';
  }
}
