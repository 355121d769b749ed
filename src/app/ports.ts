// What the application needs from the outside world, free of any bot SDK. The Bot Framework
// layer (src/bot) turns an activity into a TurnInput and sends the Replies back.
import type { AdaptiveCard } from '../views/cards.js';

export interface Clock {
  now(): Date;
}

export interface Logger {
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
  child(bindings: Record<string, unknown>): Logger;
}

interface User {
  /** The channel's user id (Teams: 29:…). */
  id: string;
  name: string;
  /** Entra object id, when the channel gives one. */
  aadObjectId?: string;
  /** Looked up only when a coordinator check needs it (it costs a call to Teams). */
  resolveUpn?: () => Promise<string | undefined>;
}

export type ConversationKind = 'personal' | 'channel' | 'groupChat';

/** What happened to an earlier message: edited, deleted, or restored after a deletion. */
export type MessageEvent = 'edited' | 'deleted' | 'undeleted';

export interface Conversation {
  id: string;
  kind: ConversationKind;
  tenantId?: string;
  /** The channel's or chat's name, when the channel tells it. */
  name?: string;
  /** Teams: the team a channel belongs to (removing the bot from the team ends all its channels' subscriptions). */
  teamId?: string;
}

export interface TurnInput {
  user: User;
  conversation: Conversation;
  /** The message's id: a redelivery carries the same one. */
  activityId?: string;
  /** The message text: the bot's @mention removed, other people's mentions as their plain names. */
  text?: string;
  /** The message @mentions the bot: in a channel or group chat it was meant for the bot. */
  mentionsBot?: boolean;
  /** The other people the message @mentions (Teams user id and name), in the order written; never the bot. */
  mentioned?: readonly { id: string; name: string }[];
  /**
   * Not a new message but a change to an earlier one (Teams: messageUpdate editMessage /
   * undeleteMessage, messageDelete softDeleteMessage); `activityId` and `text` are that message's.
   */
  event?: MessageEvent;
  /** The value of a card submit (Action.Submit data merged with the inputs). */
  value?: unknown;
  /** How to message this conversation later: made and read only by the bot layer, stored as is. */
  conversationReference?: unknown;
}

export type Reply =
  | { kind: 'text'; text: string }
  | { kind: 'card'; card: AdaptiveCard; fallbackText: string }
  // Replaces the card whose submit started this turn (a sent form becomes its confirmation, so it
  // cannot be sent twice). Where the channel cannot update a message it is sent as a new one.
  | { kind: 'replaceCard'; card: AdaptiveCard; fallbackText: string };

export const text = (t: string): Reply => ({ kind: 'text', text: t });
export const card = (c: AdaptiveCard, fallbackText: string): Reply => ({ kind: 'card', card: c, fallbackText });
export const replaceCard = (c: AdaptiveCard, fallbackText: string): Reply => ({
  kind: 'replaceCard',
  card: c,
  fallbackText,
});
