// Teams resends a message when the bot took more than 15 s to answer. The second delivery gets
// the first one's answer (awaiting it if it is still being worked on) instead of a second run.
// Entries and undos also carry the message id in the store, so this holds across a restart too.
import type { App } from './app.js';
import type { Reply, TurnInput } from './ports.js';

export function withRedeliveryCache(
  app: App,
  options: { now: () => number; maxEntries?: number; ttlMs?: number },
): App {
  const maxEntries = options.maxEntries ?? 1000;
  const ttlMs = options.ttlMs ?? 10 * 60 * 1000;
  const now = options.now;
  const seen = new Map<string, { at: number; replies: Promise<Reply[]> }>();

  // An edit, deletion or restore names the earlier message's id, and the same message may be
  // edited back and forth: such an event is shared only while it is being worked on (Teams' resend
  // of a slow answer); afterwards the store's state makes a redelivery harmless (an edit to what
  // the entry already says changes nothing, a deleted entry is not removed twice).
  const inFlight = new Map<string, Promise<Reply[]>>();
  const handleEvent = (input: TurnInput & { activityId: string }): Promise<Reply[]> => {
    const key = `${input.conversation.id}|${input.activityId}|${input.event ?? ''}|${input.user.id}|${input.text ?? ''}`;
    const running = inFlight.get(key);
    if (running) return running;
    const replies = app.handle(input);
    inFlight.set(key, replies);
    const settle = () => inFlight.delete(key);
    replies.then(settle, settle);
    return replies;
  };

  return {
    handle(input: TurnInput): Promise<Reply[]> {
      if (input.event && input.activityId) return handleEvent({ ...input, activityId: input.activityId });
      const key = input.activityId ? `${input.conversation.id}|${input.activityId}` : undefined;
      if (key === undefined) return app.handle(input);
      const earlier = seen.get(key);
      if (earlier && now() - earlier.at < ttlMs) return earlier.replies;
      const replies = app.handle(input);
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
