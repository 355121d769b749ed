// Teams resends a message when the bot took more than 15 s to answer. The second delivery gets
// the first one's answer (awaiting it if it is still being worked on) instead of a second run.
// Entries and undos also carry the message id in the store, so this holds across a restart too.
// Another instance sharing the store may get the resend: a message this process has not seen is
// claimed in the store first (`deliveries`), and one another process claimed is not answered again,
// unless that process died before answering it.
import type { App } from './app.js';
import type { Deliveries } from './port/index.js';
import type { Reply, TurnInput } from './ports.js';

/**
 * The app, answering a redelivered message (same conversation and activity id) once. `now` is in
 * ms; answers are kept `ttlMs` (default 10 min) for up to `maxEntries` messages; `deliveries`, when
 * given, is asked before a message is run for the first time in this process.
 */
export function withRedeliveryCache(
  app: App,
  options: { now: () => number; maxEntries?: number; ttlMs?: number; deliveries?: Deliveries },
): App {
  const maxEntries = options.maxEntries ?? 1000;
  const ttlMs = options.ttlMs ?? 10 * 60 * 1000;
  const now = options.now;
  const seen = new Map<string, { at: number; replies: Promise<Reply[]> }>();

  // An edit, deletion or restore names the earlier message's id, and the same message may be
  // edited back and forth, deleted and restored: each new event acts and is answered. The same
  // event delivered again (Teams' resend, while the first is being worked on or after) is
  // answered once: a second "🗑️ Borttagen" card would say twice what happened once. It is known
  // by being what the message's last event was (same kind, writer and text); the store's state
  // makes one that comes after a restart harmless (an edit to what the entry already says changes
  // nothing, a deleted entry is not removed twice).
  const lastEvent = new Map<string, { at: number; signature: string }>();
  const handleEvent = (input: TurnInput & { activityId: string }): Promise<Reply[]> => {
    const messageKey = `${input.conversation.id}|${input.activityId}`;
    const signature = `${input.event ?? ''}|${input.user.id}|${input.text ?? ''}`;
    const last = lastEvent.get(messageKey);
    if (last && last.signature === signature && now() - last.at < ttlMs) return Promise.resolve([]);
    lastEvent.delete(messageKey);
    lastEvent.set(messageKey, { at: now(), signature });
    while (lastEvent.size > maxEntries) {
      const oldest = lastEvent.keys().next().value;
      if (oldest === undefined) break;
      lastEvent.delete(oldest);
    }
    return app.handle(input);
  };

  // Marked done once answered: a claim left undone (this instance died mid-turn) is taken over by
  // Teams' resend to another instance, so the message is not lost (see src/domain/deliveries.ts).
  const firstDelivery = async (deliveries: Deliveries, key: string, input: TurnInput): Promise<Reply[]> => {
    if (!(await deliveries.claim(key, new Date(now())))) {
      // Not remembered here: the next resend asks the store again, and takes the claim over once
      // the instance holding it has run out of time.
      seen.delete(key);
      return [];
    }
    const replies = await app.handle(input);
    await deliveries.done(key, new Date(now()));
    return replies;
  };

  return {
    handle(input: TurnInput): Promise<Reply[]> {
      if (input.event && input.activityId) return handleEvent({ ...input, activityId: input.activityId });
      const key = input.activityId ? `${input.conversation.id}|${input.activityId}` : undefined;
      if (key === undefined) return app.handle(input);
      const earlier = seen.get(key);
      if (earlier && now() - earlier.at < ttlMs) return earlier.replies;
      // Seen here before (the answer expired): the store's source ids make running it again harmless.
      const replies =
        earlier || !options.deliveries ? app.handle(input) : firstDelivery(options.deliveries, key, input);
      seen.set(key, { at: now(), replies });
      // Map keeps insertion order: drop the oldest when full.
      while (seen.size > maxEntries) {
        const oldest = seen.keys().next().value;
        if (oldest === undefined) break;
        seen.delete(oldest);
      }
      return replies;
    },
  };
}
