import type { IsoDate } from '../domain/agreement.js';
import { isListed, type Area } from '../domain/area.js';
import type { Person } from '../domain/entry.js';
import type { NameLexicon } from '../domain/noteNames.js';
import type { AreaRecords, StorePort } from './port/index.js';
import type { Clock, Logger, TurnInput } from './ports.js';
import type { ReportLinks } from './reportLinks.js';
import { COORDINATOR_ONLY_TEXT } from '../views/turnTexts.js';

export interface AppDeps {
  /** The store, through the port the application owns (src/app/port); main.ts wires one in. */
  port: StorePort;
  clock: Clock;
  /** Entra object ids or UPNs who may act as coordinators in every area (ADMINS). */
  admins?: readonly string[];
  logger: Logger;
  newId: () => string;
  /** Signed links to documents (/uppföljning, /export); without it the card has no links. */
  reportLinks?: ReportLinks;
  /** The Swedish word list for telling names in notes from words (read once); without it, dictionary-sv's. */
  nameLexicon?: () => NameLexicon;
}

/** One turn before its area is known: enough for /hjälp, /område and the area question. */
export interface BaseTurn {
  input: TurnInput;
  now: Date;
  today: IsoDate;
  deps: AppDeps;
  log: Logger;
}

/** Everything one turn's handler needs: the input, its moment, its area and that area's records only. */
export interface Turn extends BaseTurn {
  area: Area;
  /** The conversation's area's agreements and entries; nothing of another area is reachable through it. */
  records: AreaRecords;
}

export function personOf(turn: BaseTurn): Person {
  const { user } = turn.input;
  return { id: user.aadObjectId ?? user.id, name: user.name };
}

/** True when the user's Entra object id, channel id or UPN is in `list`; the UPN is looked up only if needed. */
export async function userListed(turn: BaseTurn, list: readonly string[]): Promise<boolean> {
  if (list.length === 0) return false;
  const { user } = turn.input;
  if (isListed(list, [user.aadObjectId, user.id])) return true;
  if (list.some((c) => c.includes('@')) && user.resolveUpn) {
    try {
      return isListed(list, [await user.resolveUpn()]);
    } catch (error) {
      turn.log.warn({ err: error }, 'could not look up the user principal name for the coordinator check');
    }
  }
  return false;
}

/** An admin (ADMINS) acts as a coordinator in every area. */
export function isAdmin(turn: BaseTurn): Promise<boolean> {
  return userListed(turn, turn.deps.admins ?? []);
}

/** True when the user is one of the area's coordinators, or an admin. */
async function isCoordinatorOf(turn: BaseTurn, area: Area): Promise<boolean> {
  return (await userListed(turn, area.coordinators)) || (await isAdmin(turn));
}

/** True when the user is a coordinator of the conversation's area, or an admin. */
export function isCoordinator(turn: Turn): Promise<boolean> {
  return isCoordinatorOf(turn, turn.area);
}

/** The answer to a coordinator's command from someone else (the words live in src/views/turnTexts.ts). */
export const COORDINATOR_ONLY = COORDINATOR_ONLY_TEXT;
