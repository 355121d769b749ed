// Bot Framework activity → the application's TurnInput. The only place that knows how Teams
// shapes mentions, conversation types and card submits.
import { TurnContext, type Activity } from 'botbuilder';
import type { ConversationKind, TurnInput } from '../app/ports.js';

export function conversationKind(activity: Partial<Activity>): ConversationKind {
  const type = activity.conversation?.conversationType;
  if (type === 'channel') return 'channel';
  if (type === 'groupChat') return 'groupChat';
  return 'personal';
}

export function tenantOf(activity: Partial<Activity>): string | undefined {
  const fromChannelData = (activity.channelData as { tenant?: { id?: unknown } } | undefined)?.tenant?.id;
  return activity.conversation?.tenantId ?? (typeof fromChannelData === 'string' ? fromChannelData : undefined);
}

/** The text the user meant for the bot: the bot's @mention removed, HTML leftovers decoded. */
export function commandText(activity: Activity): string {
  let text = activity.text ?? '';
  if (activity.recipient?.id) text = TurnContext.removeRecipientMention(activity) ?? text;
  return text
    .replace(/<at>[^<]*<\/at>/giu, (m) => (activity.recipient?.name && m.includes(activity.recipient.name) ? '' : m))
    .replace(/&nbsp;/gu, ' ')
    .replace(/&amp;/gu, '&')
    .replace(/&lt;/gu, '<')
    .replace(/&gt;/gu, '>')
    .trim();
}

export function toTurnInput(activity: Activity, resolveUpn?: () => Promise<string | undefined>): TurnInput {
  const tenantId = tenantOf(activity);
  return {
    user: {
      id: activity.from?.id ?? 'okänd',
      name: activity.from?.name ?? '',
      ...(activity.from?.aadObjectId ? { aadObjectId: activity.from.aadObjectId } : {}),
      ...(resolveUpn ? { resolveUpn } : {}),
    },
    conversation: {
      id: activity.conversation?.id ?? 'okänd',
      kind: conversationKind(activity),
      ...(tenantId ? { tenantId } : {}),
    },
    ...(activity.id ? { activityId: activity.id } : {}),
    text: commandText(activity),
    ...(activity.value !== undefined ? { value: activity.value } : {}),
  };
}
