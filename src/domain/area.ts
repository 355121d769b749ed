// An area (område): the pair that signs a medborgarlöfte, a kommun and its lokalpolisområde, with
// the Entra tenants allowed to use it and its coordinators. Which area a conversation works in is
// decided here, from plain data: the areas, the user's tenant and the conversation's bindings.
import { z } from 'zod';
import { responsibilitySchema } from './responsible.js';
import { fold } from './text.js';

export const areaIdSchema = z
  .string()
  .max(60)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/u, 'schema.areaIdForm');

export const areaSchema = z.object({
  id: areaIdSchema,
  /** The kommun, as the follow-up names it: "Habo kommun". */
  name: z.string().trim().min(1).max(200),
  policeArea: z.string().trim().min(1).max(200),
  /** Entra tenant ids allowed to use the area. Empty: every tenant (a single-area trial without ALLOWED_TENANTS). */
  tenants: z.array(z.string().trim().min(1).max(100)),
  /** Entra object ids or UPNs. */
  coordinators: z.array(z.string().trim().min(1).max(320)),
  /** Who is responsible for which activity (/ansvarig). */
  responsible: z.array(responsibilitySchema).optional(),
  /** When the weekly reminders go out (/påminnelsetid); default måndag 09:00. `since`: when it was set. */
  reminderTime: z
    .object({
      weekday: z.number().int().min(1).max(5),
      time: z.string().regex(/^\d{2}:\d{2}$/u),
      since: z.string().datetime(),
    })
    .optional(),
});

export type Area = z.infer<typeof areaSchema>;
type AreaId = Area['id'];

/** Where a binding is kept: the conversation itself, or (for a channel) its team. */
export type BindingTarget = 'conversation' | 'team';

export interface Binding {
  areaId: AreaId;
  /** ISO instant of the binding: when two areas claim the same conversation, the latest wins. */
  at: string;
}

/** True when users of the tenant may use the area. An area with no tenants listed is open to all. */
export function areaAllowsTenant(area: Area, tenantId: string | undefined): boolean {
  if (area.tenants.length === 0) return true;
  if (tenantId === undefined) return false;
  const wanted = tenantId.trim().toLowerCase();
  return area.tenants.some((t) => t.trim().toLowerCase() === wanted);
}

/** The areas a user of the tenant may see, in the order given. */
export function areasForTenant(areas: readonly Area[], tenantId: string | undefined): Area[] {
  return areas.filter((a) => areaAllowsTenant(a, tenantId));
}

export type AreaResolution =
  | { kind: 'area'; area: Area; via: BindingTarget | 'tenant' }
  /** Several areas fit and nothing binds the conversation: the user is asked, among these only. */
  | { kind: 'ask'; areas: Area[] }
  /** The tenant may use no area at all. */
  | { kind: 'refused' };

export interface ResolutionInput {
  areas: readonly Area[];
  tenantId: string | undefined;
  /** The conversation's own binding (a personal chat, a group chat, or a channel bound by itself). */
  conversationBinding?: Binding | undefined;
  /** For a channel: its team's binding, used unless the channel is bound itself. */
  teamBinding?: Binding | undefined;
}

/**
 * Which area a conversation works in. A binding counts only if the tenant may use its area (a
 * tenant later removed from an area does not keep reading it). With no usable binding, a tenant
 * allowed in exactly one area gets it at once; with several, the user is asked.
 */
export function resolveArea(input: ResolutionInput): AreaResolution {
  const allowed = areasForTenant(input.areas, input.tenantId);
  if (allowed.length === 0) return { kind: 'refused' };
  const bound = (binding: Binding | undefined) => (binding ? allowed.find((a) => a.id === binding.areaId) : undefined);
  const own = bound(input.conversationBinding);
  if (own) return { kind: 'area', area: own, via: 'conversation' };
  const team = bound(input.teamBinding);
  if (team) return { kind: 'area', area: team, via: 'team' };
  const only = allowed.length === 1 ? allowed[0] : undefined;
  if (only) return { kind: 'area', area: only, via: 'tenant' };
  return { kind: 'ask', areas: allowed };
}

/** True when one of the user's identities (object id, channel id, UPN) is listed, ignoring case. */
export function isListed(list: readonly string[], identities: readonly (string | undefined)[]): boolean {
  const listed = new Set(list.map((c) => c.trim().toLowerCase()).filter((c) => c.length > 0));
  return identities.some((id) => id !== undefined && listed.has(id.trim().toLowerCase()));
}

export type ConversationKindForBinding = 'personal' | 'groupChat' | 'channel';

/**
 * Who may bind a conversation to an area: in a personal chat the user; in a group chat or a
 * channel, where the choice applies to everyone, a coordinator of the chosen area or an admin.
 */
export function mayBind(kind: ConversationKindForBinding, chooser: { coordinator: boolean; admin: boolean }): boolean {
  return kind === 'personal' || chooser.coordinator || chooser.admin;
}

/**
 * The areas a typed name means: the id, the kommun's name with or without "kommun" ("Habo",
 * "Jönköping", "Jönköpings kommun") or the police area's name, ignoring case and å/ä/ö.
 */
export function findAreas(areas: readonly Area[], typed: string): Area[] {
  const wanted = fold(typed);
  if (wanted.length === 0) return [];
  return areas.filter((a) => {
    const name = fold(a.name);
    const police = fold(a.policeArea);
    const names = [a.id, name, name.replace(/s? kommun$/u, ''), police, police.replace(/^lokalpolisomrade /u, '')];
    return names.includes(wanted);
  });
}
