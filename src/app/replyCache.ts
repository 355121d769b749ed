// Replies that depend only on what the store holds and on the day (a status card, a summary) are
// the same for everyone in an area who asks until the next write or the next day, so they are
// built once. The area's version (not object identity or a counter of this process) says when a
// write happened, so a change made by another process sharing the store is seen too.
import type { AreaRecords } from './port/index.js';
import type { Reply } from './ports.js';

/** Distinct questions kept per area and version; more are rare (pages, years) and simply built again. */
const MAX_KEPT = 256;

const caches = new WeakMap<object, Map<string, { version: string; replies: Map<string, readonly Reply[]> }>>();

/**
 * The replies for `key` in the area of `records`, as `build` made them at the area's current
 * version. `owner` is the store they come from (two stores' versions are not comparable); `key` must
 * name everything else they depend on, the day included. Callers must not change what they get.
 */
export async function cachedReplies(
  owner: object,
  records: AreaRecords,
  key: string,
  build: () => Reply[] | Promise<Reply[]>,
): Promise<Reply[]> {
  const version = await records.version();
  let areas = caches.get(owner);
  if (!areas) {
    areas = new Map();
    caches.set(owner, areas);
  }
  let cache = areas.get(records.areaId);
  if (!cache || cache.version !== version) {
    cache = { version, replies: new Map() };
    areas.set(records.areaId, cache);
  }
  let replies = cache.replies.get(key);
  if (!replies) {
    replies = await build();
    if (cache.replies.size >= MAX_KEPT) cache.replies.clear();
    cache.replies.set(key, replies);
  }
  return [...replies];
}
