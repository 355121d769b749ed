import type { IsoDate } from '../domain/agreement.js';
import type { Person } from '../domain/entry.js';
import type { StorePort } from './storePort.js';
import type { Clock, Logger, TurnInput } from './ports.js';
import type { ReportLinks } from './reportLinks.js';

export interface AppDeps {
  store: StorePort;
  clock: Clock;
  /** Entra object ids or UPNs of the coordinators (samordnare). */
  coordinators: readonly string[];
  logger: Logger;
  newId: () => string;
  /** Signed links to documents (/uppföljning, /export); without it the card has no links. */
  reportLinks?: ReportLinks;
}

/** Everything one turn's handler needs: the input, its moment, and the dependencies. */
export interface Turn {
  input: TurnInput;
  now: Date;
  today: IsoDate;
  deps: AppDeps;
  log: Logger;
}

export function personOf(turn: Turn): Person {
  const { user } = turn.input;
  return { id: user.aadObjectId ?? user.id, name: user.name };
}

/** True when the user's Entra object id, channel id or UPN is listed in COORDINATORS. */
export async function isCoordinator(turn: Turn): Promise<boolean> {
  const listed = new Set(turn.deps.coordinators.map((c) => c.trim().toLowerCase()).filter((c) => c.length > 0));
  if (listed.size === 0) return false;
  const { user } = turn.input;
  for (const id of [user.aadObjectId, user.id]) {
    if (id && listed.has(id.toLowerCase())) return true;
  }
  if ([...listed].some((c) => c.includes('@')) && user.resolveUpn) {
    try {
      const upn = await user.resolveUpn();
      if (upn && listed.has(upn.toLowerCase())) return true;
    } catch (error) {
      turn.log.warn({ err: error }, 'could not look up the user principal name for the coordinator check');
    }
  }
  return false;
}

export const COORDINATOR_ONLY =
  'Det här kan bara en samordnare göra. Be kommunens trygghetssamordnare eller kommunpolisen om hjälp, eller be den som driftar boten lägga till dig i COORDINATORS.';
