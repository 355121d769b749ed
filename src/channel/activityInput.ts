// Bot Framework activity → the application's TurnInput. The only place that knows how Teams
// shapes mentions, conversation types and card submits; plain JSON in, so both SDKs use it.
import type { Conversation, ConversationKind, TurnInput } from '../app/ports.js';
import type { ChannelActivity } from './activity.js';
import { channelConversationId, referenceOf } from './conversationReference.js';

function conversationKind(activity: ChannelActivity): ConversationKind {
  const type = activity.conversation?.conversationType;
  if (type === 'channel') return 'channel';
  if (type === 'groupChat') return 'groupChat';
  return 'personal';
}

export function tenantOf(activity: ChannelActivity): string | undefined {
  const fromChannelData = (activity.channelData as { tenant?: { id?: unknown } } | undefined)?.tenant?.id;
  return activity.conversation?.tenantId ?? (typeof fromChannelData === 'string' ? fromChannelData : undefined);
}

/**
 * The text without the mentions of the bot: each mention entity that names the recipient carries
 * the exact text Teams put in the message ("<at>Medborgarlöfte</at>"), as botbuilder's
 * TurnContext.removeRecipientMention and the Agents SDK's removeMentionText read it.
 */
function withoutBotMentions(activity: ChannelActivity): string {
  let text = activity.text ?? '';
  const botId = activity.recipient?.id;
  if (!botId) return text;
  for (const entity of activity.entities ?? []) {
    if (entity.type === 'mention' && entity.mentioned?.id === botId && entity.text)
      text = text.replace(entity.text, '');
  }
  return text;
}

/** The text the user meant for the bot: the bot's @mention removed, HTML leftovers decoded. */
function commandText(activity: ChannelActivity): string {
  const botName = activity.recipient?.name;
  return withoutBotMentions(activity)
    .replace(/<at>[^<]*<\/at>/giu, (m) => (botName && m.includes(botName) ? '' : m))
    .replace(/&nbsp;/gu, ' ')
    .replace(/&amp;/gu, '&')
    .replace(/&lt;/gu, '<')
    .replace(/&gt;/gu, '>')
    .trim();
}

/** The conversation as the app sees it; Teams names channels and teams only in channelData. */
export function conversationOf(activity: ChannelActivity): Conversation {
  const tenantId = tenantOf(activity);
  const channelData = activity.channelData as { team?: { id?: unknown }; channel?: { name?: unknown } } | undefined;
  const teamId = typeof channelData?.team?.id === 'string' ? channelData.team.id : undefined;
  const name =
    activity.conversation?.name ??
    (typeof channelData?.channel?.name === 'string' ? channelData.channel.name : undefined);
  return {
    // One channel is one conversation, whichever thread a message came from.
    id: activity.conversation?.id ? channelConversationId(activity.conversation.id) : 'okänd',
    kind: conversationKind(activity),
    ...(tenantId ? { tenantId } : {}),
    ...(name ? { name } : {}),
    ...(teamId ? { teamId } : {}),
  };
}

export function toTurnInput(activity: ChannelActivity, resolveUpn?: () => Promise<string | undefined>): TurnInput {
  const reference = referenceOf(activity);
  return {
    user: {
      id: activity.from?.id ?? 'okänd',
      name: activity.from?.name ?? '',
      ...(activity.from?.aadObjectId ? { aadObjectId: activity.from.aadObjectId } : {}),
      ...(resolveUpn ? { resolveUpn } : {}),
    },
    conversation: conversationOf(activity),
    ...(activity.id ? { activityId: activity.id } : {}),
    text: commandText(activity),
    ...(activity.value !== undefined ? { value: activity.value } : {}),
    ...(reference ? { conversationReference: reference } : {}),
  };
}
