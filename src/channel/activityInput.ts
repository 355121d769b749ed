// Bot Framework activity → the application's TurnInput. The only place that knows how Teams
// shapes mentions, conversation types and card submits; plain JSON in, so both SDKs use it.
import type { Conversation, ConversationKind, MessageEvent, TurnInput } from '../app/ports.js';
import type { Person } from '../domain/entry.js';
import type { TeamsConversationEvent } from '../domain/subscription.js';
import type { ChannelActivity, InboundActivity, InboundMessage } from './activity.js';
import { channelConversationId, referenceOf } from './conversationReference.js';
import { commandText, mentionedPeople, mentionsBot } from './mentions.js';

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

/** The conversation as the app sees it; Teams names channels and teams only in channelData. */
export function conversationOf(activity: InboundActivity): Conversation {
  const tenantId = tenantOf(activity);
  const channelData = activity.channelData as { team?: { id?: unknown }; channel?: { name?: unknown } } | undefined;
  const teamId = typeof channelData?.team?.id === 'string' ? channelData.team.id : undefined;
  const name =
    activity.conversation.name ??
    (typeof channelData?.channel?.name === 'string' ? channelData.channel.name : undefined);
  return {
    // One channel is one conversation, whichever thread a message came from.
    id: channelConversationId(activity.conversation.id),
    kind: conversationKind(activity),
    ...(tenantId ? { tenantId } : {}),
    ...(name ? { name } : {}),
    ...(teamId ? { teamId } : {}),
  };
}

/**
 * What happened to an earlier message, when the activity says so. Teams sends an edit as
 * messageUpdate with channelData.eventType "editMessage", a restored message as messageUpdate
 * "undeleteMessage", and a deletion as messageDelete "softDeleteMessage" (botbuilder's
 * TeamsActivityHandler dispatches on the same fields); `id` is the message's own id.
 */
/**
 * What a Teams conversationUpdate says about a channel or team (channelData.eventType, with
 * channelData.channel and channelData.team: Microsoft's "Conversation events in your Teams bot"),
 * or undefined for anything else (members added or removed, a renamed team, an event without ids).
 */
export function teamsConversationEventOf(activity: ChannelActivity): TeamsConversationEvent | undefined {
  if (activity.type !== 'conversationUpdate') return undefined;
  const data = activity.channelData as
    { eventType?: unknown; channel?: { id?: unknown; name?: unknown }; team?: { id?: unknown } } | undefined;
  const channelId = typeof data?.channel?.id === 'string' ? data.channel.id : undefined;
  const teamId = typeof data?.team?.id === 'string' ? data.team.id : undefined;
  switch (data?.eventType) {
    case 'channelRenamed':
      return channelId && typeof data.channel?.name === 'string' && data.channel.name.trim() !== ''
        ? { kind: 'channelRenamed', channelId, name: data.channel.name.trim() }
        : undefined;
    case 'channelDeleted':
    case 'channelRestored':
      return channelId ? { kind: data.eventType, channelId } : undefined;
    case 'teamDeleted':
    case 'teamHardDeleted':
      return teamId ? { kind: 'teamDeleted', teamId } : undefined;
    case 'teamArchived':
    case 'teamUnarchived':
    case 'teamRestored':
      return teamId ? { kind: data.eventType, teamId } : undefined;
    default:
      return undefined;
  }
}

/** The person an activity comes from, as the store names people (Entra object id when given). */
export function personFrom(activity: ChannelActivity): Person | undefined {
  const id = activity.from?.aadObjectId ?? activity.from?.id;
  return id ? { id, name: activity.from?.name ?? '' } : undefined;
}

function messageEventOf(activity: ChannelActivity): MessageEvent | undefined {
  const eventType = (activity.channelData as { eventType?: unknown } | undefined)?.eventType;
  if (activity.type === 'messageDelete') return 'deleted';
  if (activity.type !== 'messageUpdate') return undefined;
  return eventType === 'undeleteMessage' ? 'undeleted' : 'edited';
}

/** A message, or a change to one, as the app reads it. */
export function toTurnInput(activity: InboundMessage, resolveUpn?: () => Promise<string | undefined>): TurnInput {
  const reference = referenceOf(activity);
  const event = messageEventOf(activity);
  const mentioned = mentionedPeople(activity);
  return {
    user: {
      id: activity.from.id,
      name: activity.from.name ?? '',
      ...(activity.from.aadObjectId ? { aadObjectId: activity.from.aadObjectId } : {}),
      ...(resolveUpn ? { resolveUpn } : {}),
    },
    conversation: conversationOf(activity),
    ...(activity.id ? { activityId: activity.id } : {}),
    ...(event ? { event } : {}),
    text: commandText(activity),
    ...(mentionsBot(activity) ? { mentionsBot: true } : {}),
    ...(mentioned.length > 0 ? { mentioned } : {}),
    ...(activity.value !== undefined ? { value: activity.value } : {}),
    ...(reference ? { conversationReference: reference } : {}),
  };
}
