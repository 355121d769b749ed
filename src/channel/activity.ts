// The Bot Framework activity as plain JSON, the wire format both bot SDKs speak (Bot Framework
// Activity schema v3). Only the fields this bot reads or writes; everything optional, as a channel
// may leave any of them out. No SDK type appears here, so src/bot and src/bot-agents share it.
import type { Reply } from '../app/ports.js';

interface ChannelAccount {
  id?: string;
  name?: string;
  aadObjectId?: string;
}

interface ChannelConversation {
  id?: string;
  conversationType?: string;
  tenantId?: string;
  name?: string;
  isGroup?: boolean;
}

interface ChannelEntity {
  type?: string;
  mentioned?: ChannelAccount;
  text?: string;
}

/** An incoming activity as the channel sent it (Teams, the Agents Playground, the Emulator). */
export interface ChannelActivity {
  type?: string;
  id?: string;
  /** installationUpdate: add, add-upgrade, remove, remove-upgrade. */
  action?: string;
  /** invoke: the invoke's name. */
  name?: string;
  channelId?: string;
  serviceUrl?: string;
  locale?: string;
  text?: string;
  value?: unknown;
  replyToId?: string;
  deliveryMode?: string;
  from?: ChannelAccount;
  recipient?: ChannelAccount;
  conversation?: ChannelConversation;
  channelData?: unknown;
  entities?: ChannelEntity[];
  membersAdded?: ChannelAccount[];
  membersRemoved?: ChannelAccount[];
}

/**
 * An activity as the host let it in (src/channel/inboundActivity.ts): it names its conversation.
 * Every turn runs on one.
 */
export interface InboundActivity extends ChannelActivity {
  conversation: ChannelConversation & { id: string };
}

/** A message, or an edit or deletion of one, as the host let it in: it names its sender too. */
export interface InboundMessage extends InboundActivity {
  from: ChannelAccount & { id: string };
}

export const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

/** A message the bot sends: text (markdown) or one Adaptive Card with its fallback as summary. */
export interface OutgoingMessage {
  type: 'message';
  text?: string;
  textFormat?: 'markdown';
  attachments?: { contentType: string; content: unknown }[];
  attachmentLayout?: 'list';
  summary?: string;
  inputHint?: 'acceptingInput';
}

/** One reply as the message the channel shows; the same JSON whichever SDK sends it. */
export function toOutgoing(reply: Reply): OutgoingMessage {
  if (reply.kind === 'text') return { type: 'message', text: reply.text, inputHint: 'acceptingInput' };
  return {
    type: 'message',
    attachmentLayout: 'list',
    attachments: [{ contentType: ADAPTIVE_CARD_CONTENT_TYPE, content: reply.card }],
    summary: reply.fallbackText,
    inputHint: 'acceptingInput',
  };
}
