// The stored conversation reference: what the bot needs to post into a conversation later (the
// weekly summary). Made here from an incoming activity and read back only by the connector
// notifier; the app and the store keep it as an opaque JSON object.
//
// It is the bot's own format, not an SDK's: botbuilder's ConversationReference names the bot
// `bot`, the Agents SDK's names it `agent`, and neither records which wrote it. Version 2 carries
// its version and the fields a send uses, so a store written under one SDK works under the other.
// References written before version 2 (botbuilder's shape, without `version`) and the Agents SDK's
// shape are read too, and upgradeReference turns them into version 2 when the store opens.
import { z } from 'zod';
import type { ChannelActivity } from './activity.js';
import { CodedError } from '../errors/codedError.js';
import { schemaIssueText } from '../views/schemaTexts.js';
import { storeText } from '../views/storeTexts.js';

const REFERENCE_VERSION = 2;

const accountSchema = z.object({ id: z.string().min(1), name: z.string().optional() });

const conversationSchema = z.object({
  id: z.string().min(1),
  conversationType: z.string().optional(),
  tenantId: z.string().optional(),
  isGroup: z.boolean().optional(),
  name: z.string().optional(),
});

const storedReferenceSchema = z.object({
  version: z.literal(REFERENCE_VERSION),
  serviceUrl: z.string().url(),
  channelId: z.string().optional(),
  locale: z.string().optional(),
  conversation: conversationSchema,
  /** The bot's account in that conversation (Teams: 28:<app id>), the sender of what it posts. */
  bot: accountSchema.optional(),
});

export type StoredReference = z.infer<typeof storedReferenceSchema>;

/** Before version 2: botbuilder's ConversationReference (bot) or the Agents SDK's (agent), as stored. */
const legacyReferenceSchema = z.object({
  version: z.undefined().optional(),
  serviceUrl: z.string().url(),
  channelId: z.string().optional(),
  locale: z.string().optional(),
  conversation: z.object({ id: z.string().min(1) }).passthrough(),
  bot: z.object({ id: z.string(), name: z.string().optional() }).passthrough().optional(),
  agent: z.object({ id: z.string(), name: z.string().optional() }).passthrough().optional(),
});

/**
 * A Teams channel message arrives in its thread ("19:…@thread.tacv2;messageid=1700…"); posting to
 * that id would answer in the thread. The summary is a new post in the channel, so the thread part goes.
 */
export function channelConversationId(id: string): string {
  return id.replace(/;messageid=\d+$/u, '');
}

function account(raw: { id: string; name?: string | undefined } | undefined) {
  if (!raw?.id) return undefined;
  return { id: raw.id, ...(raw.name ? { name: raw.name } : {}) };
}

function conversation(raw: Record<string, unknown> & { id: string }): StoredReference['conversation'] {
  const text = (key: string) => (typeof raw[key] === 'string' && raw[key] !== '' ? { [key]: raw[key] } : {});
  return {
    id: channelConversationId(raw.id),
    ...text('conversationType'),
    ...text('tenantId'),
    ...(typeof raw.isGroup === 'boolean' ? { isGroup: raw.isGroup } : {}),
    ...text('name'),
  };
}

/** The reference to store for the activity's conversation; undefined when the channel gave no service URL. */
export function referenceOf(activity: ChannelActivity): StoredReference | undefined {
  if (!activity.serviceUrl || !activity.conversation?.id) return undefined;
  const parsed = storedReferenceSchema.safeParse({
    version: REFERENCE_VERSION,
    serviceUrl: activity.serviceUrl,
    ...(activity.channelId ? { channelId: activity.channelId } : {}),
    ...(activity.locale ? { locale: activity.locale } : {}),
    conversation: conversation({ ...activity.conversation, id: activity.conversation.id }),
    ...(account(activity.recipient as { id: string } | undefined)
      ? { bot: account(activity.recipient as { id: string }) }
      : {}),
  });
  return parsed.success ? parsed.data : undefined;
}

export type ReadReference = { ok: true; reference: StoredReference; upgraded: boolean } | { ok: false; reason: string };

/** Reads a stored reference of any version; `upgraded` is true when it was not yet version 2. */
export function readStoredReference(raw: unknown): ReadReference {
  const current = storedReferenceSchema.safeParse(raw);
  if (current.success) return { ok: true, reference: current.data, upgraded: false };
  const legacy = legacyReferenceSchema.safeParse(raw);
  if (!legacy.success) {
    const issue =
      (raw as { version?: unknown } | undefined)?.version !== undefined
        ? current.error.issues[0]
        : legacy.error.issues[0];
    const where = issue && issue.path.length > 0 ? ` (${issue.path.join('.')})` : '';
    return { ok: false, reason: `${issue ? schemaIssueText(issue) : 'okänt format'}${where}` };
  }
  const old = legacy.data;
  const bot = account(old.bot ?? old.agent);
  return {
    ok: true,
    upgraded: true,
    reference: {
      version: REFERENCE_VERSION,
      serviceUrl: old.serviceUrl,
      ...(old.channelId ? { channelId: old.channelId } : {}),
      ...(old.locale ? { locale: old.locale } : {}),
      conversation: conversation(old.conversation),
      ...(bot ? { bot } : {}),
    },
  };
}

/** A stored conversation reference that no version of this bot wrote or can read. */
class UnreadableReferenceError extends CodedError {
  override name = 'UnreadableReferenceError';
  readonly code = 'channel.unreadableReference';
  constructor(readonly reason: string) {
    super(storeText({ code: 'failed.unreadableReference', reason }));
  }
}

/**
 * The version 2 form of a stored reference, for the store's upgrade on open. Throws when the
 * reference is unusable in any version (the store then refuses to start and leaves the file as it is).
 */
export function upgradeReference(raw: Record<string, unknown>): Record<string, unknown> {
  const read = readStoredReference(raw);
  if (!read.ok) throw new UnreadableReferenceError(read.reason);
  return read.reference;
}
