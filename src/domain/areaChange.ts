// Changes to an area's settings, as data, and the one rule for applying them: every store applies
// a change through applyAreaChange, inside its own write, so a refusal reads the area as stored.
import { areaSchema, type Area } from './area.js';
import type { AuditAction } from './audit.js';
import { samePerson, type ResponsiblePerson } from './responsible.js';

/** A change to an area's settings (who may use it, who coordinates, who answers for what, when reminders go). */
export type AreaChange =
  | { kind: 'settingsSet'; tenants?: readonly string[]; coordinators?: readonly string[] }
  | { kind: 'coordinatorAdded'; who: string }
  | { kind: 'coordinatorRemoved'; who: string }
  | { kind: 'responsibleAdded'; activityId: string; people: readonly ResponsiblePerson[] }
  | { kind: 'responsibleRemoved'; activityId: string; people: readonly ResponsiblePerson[] }
  | { kind: 'reminderTimeSet'; weekday: number; time: string; since: string };

/** The history action a change is recorded as. */
type AreaChangeAction =
  | 'tenantsSet'
  | 'coordinatorsSet'
  | 'coordinatorAdded'
  | 'coordinatorRemoved'
  | 'responsibleAdded'
  | 'responsibleRemoved'
  | 'reminderTimeSet';

/** Why a change was not made (nothing stored): the caller's view says it in words. */
export type AreaChangeRefusal =
  | { code: 'coordinator.already'; who: string }
  | { code: 'coordinator.notOne'; who: string }
  | { code: 'coordinator.last'; who: string }
  | { code: 'responsible.notResponsible'; people: readonly ResponsiblePerson[] }
  | { code: 'responsible.allAlready'; already: readonly ResponsiblePerson[] }
  | { code: 'unchanged' };

export type AreaChangeResult =
  | {
      ok: true;
      area: Area;
      action: AreaChangeAction;
      /** The history line's detail (ids and UPNs only: no free text). */
      detail: string;
      /** For responsible changes: who was added or removed, and who was named already. */
      added?: readonly ResponsiblePerson[];
      removed?: readonly ResponsiblePerson[];
      already?: readonly ResponsiblePerson[];
    }
  | ({ ok: false } & AreaChangeRefusal);

// As the history has always shown them: a person added by UPN has no name yet.
const nameOf = (p: ResponsiblePerson): string => p.name || p.upn || 'okänd';

/**
 * Applies `change` to `area` (which it does not modify). Returns the changed, validated area with the
 * history action and detail to record, or the refusal. Throws ZodError when the result is not a
 * valid area (a tenant id over 100 characters, say): the store stores nothing then.
 */
export function applyAreaChange(area: Area, change: AreaChange): AreaChangeResult {
  const next = structuredClone(area);
  switch (change.kind) {
    case 'settingsSet': {
      const details: string[] = [];
      if (change.tenants) {
        next.tenants = [...new Set(change.tenants)];
        details.push(`tenants: ${next.tenants.join(', ')}`);
      }
      if (change.coordinators) {
        next.coordinators = [...new Set(change.coordinators)];
        details.push(`samordnare: ${next.coordinators.join(', ') || 'inga'}`);
      }
      if (details.length === 0) return { ok: false, code: 'unchanged' };
      return {
        ok: true,
        area: areaSchema.parse(next),
        action: change.tenants ? 'tenantsSet' : 'coordinatorsSet',
        detail: details.join('; '),
      };
    }
    case 'coordinatorAdded':
    case 'coordinatorRemoved': {
      const same = (c: string) => c.toLowerCase() === change.who.toLowerCase();
      if (change.kind === 'coordinatorAdded') {
        if (next.coordinators.some(same)) return { ok: false, code: 'coordinator.already', who: change.who };
        next.coordinators.push(change.who);
      } else {
        if (!next.coordinators.some(same)) return { ok: false, code: 'coordinator.notOne', who: change.who };
        if (next.coordinators.length === 1) return { ok: false, code: 'coordinator.last', who: change.who };
        next.coordinators = next.coordinators.filter((c) => !same(c));
      }
      return { ok: true, area: areaSchema.parse(next), action: change.kind, detail: change.who };
    }
    case 'responsibleAdded':
    case 'responsibleRemoved': {
      next.responsible ??= [];
      let entry = next.responsible.find((r) => r.activityId === change.activityId);
      if (!entry) {
        entry = { activityId: change.activityId, people: [] };
        next.responsible.push(entry);
      }
      const current = entry;
      if (change.kind === 'responsibleRemoved') {
        const gone = current.people.filter((p) => change.people.some((q) => samePerson(p, q)));
        if (gone.length === 0) return { ok: false, code: 'responsible.notResponsible', people: change.people };
        current.people = current.people.filter((p) => !gone.includes(p));
        next.responsible = next.responsible.filter((r) => r.people.length > 0);
        return {
          ok: true,
          area: areaSchema.parse(next),
          action: 'responsibleRemoved',
          detail: `${change.activityId}: ${gone.map(nameOf).join(', ')}`,
          removed: gone,
        };
      }
      const added = change.people.filter((p) => !current.people.some((q) => samePerson(p, q)));
      const already = change.people.filter((p) => !added.includes(p));
      if (added.length === 0) return { ok: false, code: 'responsible.allAlready', already };
      current.people.push(...added);
      return {
        ok: true,
        area: areaSchema.parse(next),
        action: 'responsibleAdded',
        detail: `${change.activityId}: ${added.map(nameOf).join(', ')}`,
        added,
        already,
      };
    }
    case 'reminderTimeSet':
      next.reminderTime = { weekday: change.weekday, time: change.time, since: change.since };
      return {
        ok: true,
        area: areaSchema.parse(next),
        action: 'reminderTimeSet',
        detail: `${change.weekday} ${change.time}`,
      };
  }
}

/**
 * The audit action an area's history line is recorded as, by every store; undefined for the lines
 * whose caller records its own (an agreement added or changed: /nytt-medborgarlöfte, /medborgarlöfte
 * ändra, the seeding) or that record nothing (an upgrade of the store's format).
 */
export function areaAuditAction(historyAction: string): AuditAction | undefined {
  return AREA_AUDIT_ACTIONS[historyAction];
}

const AREA_AUDIT_ACTIONS: Readonly<Record<string, AuditAction>> = {
  created: 'area.changed',
  tenantsSet: 'area.changed',
  coordinatorsSet: 'coordinators.changed',
  coordinatorAdded: 'coordinators.changed',
  coordinatorRemoved: 'coordinators.changed',
  bound: 'binding.changed',
  unbound: 'binding.changed',
  responsibleAdded: 'responsible.changed',
  responsibleRemoved: 'responsible.changed',
  reminderTimeSet: 'reminders.changed',
};
