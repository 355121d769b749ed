// Replies that depend only on what the store holds and on the day (a status card, a summary) are
// the same for everyone who asks until the next write or the next day, so they are built once.
import type { Store } from '../store/store.js';
import type { Reply } from './ports.js';

/** Distinct questions kept per store state; more are rare (pages, years) and simply built again. */
const MAX_KEPT = 256;

const caches = new WeakMap<Store, { revision: number; replies: Map<string, readonly Reply[]> }>();

/**
 * The replies for `key` as `build` made them at the store's current revision. `key` must name
 * everything else they depend on, the day included. Callers must not change what they get.
 */
export function cachedReplies(store: Store, key: string, build: () => Reply[]): Reply[] {
  const revision = store.revision();
  let cache = caches.get(store);
  if (!cache || cache.revision !== revision) {
    cache = { revision, replies: new Map() };
    caches.set(store, cache);
  }
  let replies = cache.replies.get(key);
  if (!replies) {
    replies = build();
    if (cache.replies.size >= MAX_KEPT) cache.replies.clear();
    cache.replies.set(key, replies);
  }
  return [...replies];
}
