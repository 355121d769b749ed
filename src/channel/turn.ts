// One turn of the bot, whichever SDK delivered it: messages to the app and its replies back,
// the welcome when the bot is added, the end of subscriptions when it is removed. The SDK folders
// (src/bot, src/bot-agents) only give the activity as JSON and a TurnIO over their turn context,
// so both bots behave the same by construction.
import type { App } from '../app/app.js';
import { welcomeReplies, type Lifecycle } from '../app/lifecycle.js';
import type { Logger, Reply } from '../app/ports.js';
import {
  toOutgoing,
  type ChannelActivity,
  type InboundActivity,
  type InboundMessage,
  type OutgoingMessage,
} from './activity.js';
import type { ServiceUrls as TrustedServiceUrls } from '../app/port/index.js';
import { conversationOf, personFrom, teamsConversationEventOf, tenantOf, toTurnInput } from './activityInput.js';
import { NOT_OPEN_HERE, TURN_ERROR_TEXT } from '../views/turnTexts.js';
import { failureFields } from '../errors/classify.js';

/** What a turn can do, as the SDK's turn context does it. */
export interface TurnIO {
  send(message: OutgoingMessage): Promise<void>;
  /** Replaces the message `id` (a submitted card); rejects where the channel cannot update. */
  update(id: string, message: OutgoingMessage): Promise<void>;
  /** The answer to an invoke activity (its HTTP status and body). */
  answerInvoke(status: number, body: unknown): Promise<void>;
  /** Teams only: the user's UPN, looked up with the connector (one call). */
  memberUpn?: (userId: string) => Promise<string | undefined>;
  /** The "serviceurl" claim of the request's verified token; undefined when unauthenticated (local trial). */
  signedServiceUrl?: string | undefined;
}

export interface BotOptions {
  /** Whether any area lets users of the tenant in (undefined: the channel named no tenant). */
  tenantAllowed: (tenantId: string | undefined) => boolean | Promise<boolean>;
  logger: Logger;
  /** Welcome once per installation, end subscriptions on removal. Without it: a welcome every time, removals ignored. */
  lifecycle?: Lifecycle;
  /**
   * Where the bot may post on its own later: the serviceUrl of every request whose token carried it
   * as a signed claim is recorded for the request's tenant. Without it nothing is recorded.
   */
  trustedServiceUrls?: TrustedServiceUrls;
  now?: () => Date;
}

/** One turn, on an activity the host let in (readInboundActivity). */
export type TurnHandler = (activity: InboundActivity, io: TurnIO) => Promise<void>;

/** Teams refuses a bot message over about 28 KB; the cards page long lists to stay well under it. */
const TEAMS_MESSAGE_LIMIT_BYTES = 28 * 1024;

// A cached reply (a status card) is the same object for everyone who asks: its size is measured
// once, not serialized again on every answer (it showed as 6 % of the CPU under /status load).
const measured = new WeakMap<Reply, number>();

/** The message's size in bytes as JSON (UTF-8), measured once per reply object. */
function messageBytes(reply: Reply, message: OutgoingMessage): number {
  let bytes = measured.get(reply);
  if (bytes === undefined) measured.set(reply, (bytes = Buffer.byteLength(JSON.stringify(message), 'utf8')));
  return bytes;
}

/** One activity as it arrived: its tenant's check is made at most once, when first asked. */
interface Arrival<A extends InboundActivity = InboundActivity> {
  activity: A;
  io: TurnIO;
  /** Whether any area lets the activity's tenant in: asked of options.tenantAllowed once per activity. */
  allowed: () => Promise<boolean>;
}

/** The bot: activity types routed to the app (messages) and to the lifecycle (added, removed). */
export function createTurnHandler(app: App, options: BotOptions): TurnHandler {
  return async (activity, io) => {
    let checked: Promise<boolean> | undefined;
    // The tenant is checked here, where the activity enters, and the answer passed on.
    const allowed = (): Promise<boolean> => (checked ??= Promise.resolve(options.tenantAllowed(tenantOf(activity))));
    const arrival: Arrival = { activity, io, allowed };
    await trustServiceUrl(options, arrival);
    return route(app, options, arrival);
  };
}

async function route(app: App, options: BotOptions, arrival: Arrival): Promise<void> {
  const { activity, io } = arrival;
  switch (activity.type) {
    // The host let in no message, and no change to one, without its sender (readInboundActivity).
    case 'message':
      return message(app, options, arrival as Arrival<InboundMessage>);
    case 'messageUpdate':
    case 'messageDelete':
      return messageChange(app, options, arrival as Arrival<InboundMessage>);
    case 'conversationUpdate':
      if (isBot(activity, activity.membersAdded)) await welcome(options, arrival);
      if (isBot(activity, activity.membersRemoved)) await removed(options, activity);
      return teamsEvent(options, arrival);
    case 'installationUpdate':
      // "add-upgrade" is a new app version: no reason to greet the channel again.
      if (activity.action === 'add') await welcome(options, arrival);
      else if (activity.action === 'remove' || activity.action === 'remove-upgrade') await removed(options, activity);
      return;
    case 'invoke':
      // Card buttons are Action.Submit (messages); any invoke is acknowledged, never answered with 501.
      options.logger.info({ name: activity.name, conversationId: activity.conversation?.id }, 'invoke not handled');
      return io.answerInvoke(200, {});
    default:
      return;
  }
}

function isBot(activity: ChannelActivity, members: ChannelActivity['membersAdded']): boolean {
  return (members ?? []).some((m) => m.id !== undefined && m.id === activity.recipient?.id);
}

async function welcome(options: BotOptions, { activity, io, allowed }: Arrival): Promise<void> {
  if (!(await allowed())) return;
  const conversation = conversationOf(activity);
  const replies = options.lifecycle ? options.lifecycle.added(conversation) : welcomeReplies(conversation);
  for (const reply of replies) await io.send(toOutgoing(reply));
}

async function removed(options: BotOptions, activity: InboundActivity): Promise<void> {
  await options.lifecycle?.removed(conversationOf(activity));
}

/** A channel renamed, deleted or restored, a team archived, deleted or restored: its subscriptions follow. */
async function teamsEvent(options: BotOptions, { activity, allowed }: Arrival): Promise<void> {
  const event = teamsConversationEventOf(activity);
  if (!event || !options.lifecycle || !(await allowed())) return;
  const by = personFrom(activity);
  await options.lifecycle.teamsEvent(event, by);
}

/** One reply sent; a submitted card is replaced where it stands (so it cannot be sent twice). */
async function send(logger: Logger, { activity, io }: Arrival, reply: Reply): Promise<void> {
  const message = toOutgoing(reply);
  const bytes = messageBytes(reply, message);
  if (bytes > TEAMS_MESSAGE_LIMIT_BYTES) {
    logger.warn({ bytes, conversationId: activity.conversation?.id }, 'reply is larger than Teams accepts');
  }
  // replyToId names the submitted card.
  const target = reply.kind === 'replaceCard' ? activity.replyToId : undefined;
  if (reply.kind === 'replaceCard' && target) {
    try {
      await io.update(target, message);
      return;
    } catch (error) {
      logger.warn(
        { err: error, replyToId: target },
        'could not replace the submitted card; sending the reply as a new message',
      );
    }
  } else if (reply.kind === 'replaceCard') {
    logger.info(
      { conversationId: activity.conversation?.id },
      'card submit without replyToId; sending the reply as a new message',
    );
  }
  await io.send(message);
}

async function message(app: App, options: BotOptions, arrival: Arrival<InboundMessage>): Promise<void> {
  const { activity, io } = arrival;
  if (!(await arrival.allowed())) {
    options.logger.warn(
      { tenant: tenantOf(activity), conversationId: activity.conversation?.id },
      'message from a tenant that is not allowed',
    );
    await io.send(toOutgoing({ kind: 'text', text: NOT_OPEN_HERE }));
    return;
  }
  const userId = activity.from.id;
  const memberUpn = io.memberUpn;
  const resolveUpn = activity.channelId === 'msteams' && memberUpn ? () => memberUpn(userId) : undefined;
  const replies = await app.handle(toTurnInput(activity, resolveUpn));
  for (const reply of replies) await send(options.logger, arrival, reply);
}

/** An edited, deleted or restored message: answered only where it concerns a log (see the app). */
async function messageChange(app: App, options: BotOptions, arrival: Arrival<InboundMessage>): Promise<void> {
  const { activity } = arrival;
  if (!(await arrival.allowed())) {
    options.logger.warn(
      { tenant: tenantOf(activity), conversationId: activity.conversation?.id, type: activity.type },
      'message change from a tenant that is not allowed',
    );
    return;
  }
  const replies = await app.handle(toTurnInput(activity));
  for (const reply of replies) await send(options.logger, arrival, reply);
}

/** Records the request's serviceUrl for its tenant when the verified token signed it. */
async function trustServiceUrl(options: BotOptions, { activity, io, allowed }: Arrival): Promise<void> {
  const registry = options.trustedServiceUrls;
  if (!registry || !activity.serviceUrl || !(await allowed())) return;
  if (io.signedServiceUrl === undefined || io.signedServiceUrl !== activity.serviceUrl) return;
  try {
    await registry.trust(tenantOf(activity), activity.serviceUrl, options.now?.() ?? new Date());
  } catch (error) {
    // The turn goes on: the address is recorded with the next request.
    options.logger.error({ err: error }, 'could not record the authenticated serviceUrl');
  }
}

/**
 * What either SDK does with an error a turn threw: log it with the activity's ids only (never its
 * text), then tell the user TURN_ERROR_TEXT through `send`; a failing send is logged, not thrown,
 * so the adapter's own error path ends there.
 */
export async function answerTurnError(
  logger: Logger,
  activity: { conversation?: { id?: string }; id?: string; type?: string } | undefined,
  send: (text: string) => Promise<unknown>,
  error: unknown,
): Promise<void> {
  logger.error(
    {
      err: error,
      ...failureFields(error),
      conversationId: activity?.conversation?.id,
      activityId: activity?.id,
      type: activity?.type,
    },
    'unhandled error in turn',
  );
  try {
    await send(TURN_ERROR_TEXT);
  } catch (sendError) {
    logger.error({ err: sendError }, 'could not tell the user about the error');
  }
}
