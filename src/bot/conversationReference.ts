// The stored conversation reference: what the bot needs to post into a conversation later. Made
// here from an incoming activity, read back only by connectorNotifier.ts; the app and the store
// keep it as an opaque JSON object.
import { TurnContext, type Activity } from 'botbuilder';
import { z } from 'zod';

export const storedReferenceSchema = z.object({
  serviceUrl: z.string().url(),
  channelId: z.string().optional(),
  conversation: z.object({ id: z.string().min(1) }).passthrough(),
  bot: z.object({ id: z.string(), name: z.string().optional() }).passthrough().optional(),
});

export type StoredReference = z.infer<typeof storedReferenceSchema>;

/**
 * A Teams channel message arrives in its thread ("19:…@thread.tacv2;messageid=1700…"); posting to
 * that id would answer in the thread. The summary is a new post in the channel, so the thread part goes.
 */
export function channelConversationId(id: string): string {
  return id.replace(/;messageid=\d+$/u, '');
}

export function referenceOf(activity: Partial<Activity>): Record<string, unknown> | undefined {
  if (!activity.serviceUrl || !activity.conversation?.id) return undefined;
  const { activityId: _activityId, user: _user, ...reference } = TurnContext.getConversationReference(activity);
  const conversation = { ...activity.conversation, id: channelConversationId(activity.conversation.id) };
  // A JSON round trip: only plain data reaches the store.
  return JSON.parse(JSON.stringify({ ...reference, conversation })) as Record<string, unknown>;
}
