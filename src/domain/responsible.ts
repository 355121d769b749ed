// Who is responsible for an activity (ansvarig): people a coordinator names with /ansvarig, kept
// in the area's settings (an activity keeps its id when the agreement is copied to a new year,
// so the people follow it). A person is known by the Teams user id an @mention gives, the Entra
// object id, or a UPN typed in a personal chat; any one of them matches.
import { z } from 'zod';

const responsiblePersonSchema = z
  .object({
    /** Teams user id (29:…) from an @mention, or an Entra object id. */
    id: z.string().trim().min(1).max(500).optional(),
    /** namn@kommun.se, when named in a personal chat. */
    upn: z.string().trim().min(3).max(320).optional(),
    name: z.string().trim().max(200),
    /** When they were named: no reminder for a time before it. */
    since: z.string().datetime(),
    /**
     * The conversation they were named in (opaque, the bot layer's reference): its service URL,
     * tenant and bot account are what opening a personal chat with them needs.
     */
    via: z.record(z.string(), z.unknown()).optional(),
  })
  .refine((p) => p.id !== undefined || p.upn !== undefined, { message: 'schema.responsibleUnnamed' });

export const responsibilitySchema = z.object({
  activityId: z.string().min(1).max(200),
  people: z.array(responsiblePersonSchema).max(50),
});

export type ResponsiblePerson = z.infer<typeof responsiblePersonSchema>;
export type Responsibility = z.infer<typeof responsibilitySchema>;

/** The ways one person can be named: Teams user id, Entra object id, UPN. */
export interface PersonIdentity {
  id?: string | undefined;
  aadObjectId?: string | undefined;
  upn?: string | undefined;
}

const same = (a: string | undefined, b: string | undefined) =>
  a !== undefined && b !== undefined && a.trim().toLowerCase() === b.trim().toLowerCase();

/** True when two identities share any of their ids (case ignored): the same person. */
export function samePerson(a: PersonIdentity, b: PersonIdentity): boolean {
  const ids = (p: PersonIdentity) => [p.id, p.aadObjectId].filter((x): x is string => x !== undefined);
  return ids(a).some((x) => ids(b).some((y) => same(x, y))) || same(a.upn, b.upn);
}

/** The people responsible for the activity (none when nobody is named). */
export function responsibleFor(
  responsible: readonly Responsibility[] | undefined,
  activityId: string,
): readonly ResponsiblePerson[] {
  return responsible?.find((r) => r.activityId === activityId)?.people ?? [];
}

/** Everyone named for some activity, once each, with the activity ids they answer for and their earliest `since`. */
export function responsiblePeople(
  responsible: readonly Responsibility[] | undefined,
): { person: ResponsiblePerson; activityIds: Set<string> }[] {
  const out: { person: ResponsiblePerson; activityIds: Set<string> }[] = [];
  for (const r of responsible ?? []) {
    for (const p of r.people) {
      const known = out.find((o) => samePerson(o.person, p));
      if (known) {
        known.activityIds.add(r.activityId);
        if (p.since < known.person.since) known.person = { ...known.person, since: p.since };
      } else out.push({ person: p, activityIds: new Set([r.activityId]) });
    }
  }
  return out;
}
