// Which conversations a Teams event reaches: one conversation, or every conversation of a team (its
// channels and the team's own, whose id is the team's). Plain data, so a database runs it as a query.

/** A conversation, or every conversation of a team. */
export type ConversationSelection = { conversationId: string } | { teamId: string };

/** True when the record (a subscription, a meeting) is one of the selected conversations. */
export function isSelected(
  selection: ConversationSelection,
  record: { conversationId: string; teamId?: string | undefined },
): boolean {
  return 'conversationId' in selection
    ? record.conversationId === selection.conversationId
    : inTeam(record, selection.teamId);
}

/** A conversation of the team: one of its channels, or its General channel (whose id is the team's). */
export function inTeam(record: { conversationId: string; teamId?: string | undefined }, teamId: string): boolean {
  return record.teamId === teamId || record.conversationId === teamId;
}

/** A list of records after a change, and what the change answers. */
export interface ListChange<T, R> {
  records: T[];
  result: R;
}

/**
 * Applies `change` to a copy of every record that `match`es; the others stay as they are (the
 * same objects). Returns the new list and copies of the changed records.
 */
export function changeWhere<T extends object>(
  records: readonly T[],
  match: (record: T) => boolean,
  change: (record: T) => T,
): ListChange<T, T[]> {
  const changed: T[] = [];
  const next = records.map((r) => {
    if (!match(r)) return r;
    const updated = change(structuredClone(r));
    changed.push(structuredClone(updated));
    return updated;
  });
  return { records: next, result: changed };
}

/** The record without the optional field `key`. */
export function without<T extends object, K extends keyof T>(record: T, key: K): T {
  const copy = { ...record };
  delete copy[key];
  return copy;
}
