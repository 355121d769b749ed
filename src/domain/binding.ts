// Which area a conversation or a team is bound to. A binding lives with its area; binding to a new
// area takes it from the old one (a move), and when two areas claim the same one (a store written
// before moves were one change), the latest binding wins.
import type { Binding, BindingTarget } from './area.js';
import type { Person } from './entry.js';

/** A binding as an area keeps it. */
export interface StoredBinding {
  target: BindingTarget;
  id: string;
  by: Person;
  /** ISO instant. */
  at: string;
}

/** The area the conversation or team is bound to: of the areas holding a binding for it, the latest. */
export function bindingOf(
  areas: Iterable<{ areaId: string; bindings: readonly StoredBinding[] }>,
  target: BindingTarget,
  id: string,
): Binding | undefined {
  let found: Binding | undefined;
  for (const { areaId, bindings } of areas) {
    const b = bindings.find((x) => x.target === target && x.id === id);
    if (b && (!found || b.at > found.at)) found = { areaId, at: b.at };
  }
  return found;
}

/** What a bind does to each area: the new area's bindings, and those of every area it leaves. */
export interface BindingMove {
  /** Area id → its bindings after the move, for the areas that change. */
  bindings: Map<string, StoredBinding[]>;
  /** The areas that lose the binding (their history says "unbound", now bound to `areaId`). */
  unboundFrom: string[];
}

/**
 * Binds `target`/`id` to `areaId` at `at` (by `by`): the area's binding for it is replaced, and
 * every other area holding one loses it. Pure: the areas' lists are not changed.
 */
export function moveBinding(
  areas: Iterable<{ areaId: string; bindings: readonly StoredBinding[] }>,
  move: { target: BindingTarget; id: string; areaId: string; by: Person; at: Date },
): BindingMove {
  const same = (b: StoredBinding) => b.target === move.target && b.id === move.id;
  const bindings = new Map<string, StoredBinding[]>();
  const unboundFrom: string[] = [];
  for (const { areaId, bindings: held } of areas) {
    if (areaId === move.areaId) {
      bindings.set(areaId, [
        ...held.filter((b) => !same(b)),
        { target: move.target, id: move.id, by: move.by, at: move.at.toISOString() },
      ]);
    } else if (held.some(same)) {
      bindings.set(
        areaId,
        held.filter((b) => !same(b)),
      );
      unboundFrom.push(areaId);
    }
  }
  if (!bindings.has(move.areaId))
    bindings.set(move.areaId, [{ target: move.target, id: move.id, by: move.by, at: move.at.toISOString() }]);
  return { bindings, unboundFrom };
}
