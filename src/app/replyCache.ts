// Replies that depend only on what the store holds and on the day (a status card, a summary) are
// the same for everyone in an area who asks until the next write or the next day, so they are
// built once.
import type { AgreementRecords } from '../store/store.js';
import type { Reply } from './ports.js';

/** Distinct questions kept per store state; more are rare (pages, years) and simply built again. */
const MAX_KEPT = 256;

const caches = new WeakMap<object, { revision: number; replies: Map<string, readonly Reply[]> }>();

/**
 * The replies for `key` in the area `records` is limited to, as `build` made them at the store's
 * current revision. `key` must name everything else they depend on, the day included. Callers
 * must not change what they get.
 */
export function cachedReplies(records: AgreementRecords, key: string, build: () => Reply[]): Reply[] {
  const revision = records.revision();
  let cache = caches.get(records.owner);
  if (!cache || cache.revision !== revision) {
    cache = { revision, replies: new Map() };
    caches.set(records.owner, cache);
  }
  const scoped = `${records.areaId ?? '*'}|${key}`;
  let replies = cache.replies.get(scoped);
  if (!replies) {
    replies = build();
    if (cache.replies.size >= MAX_KEPT) cache.replies.clear();
    cache.replies.set(scoped, replies);
  }
  return [...replies];
}
