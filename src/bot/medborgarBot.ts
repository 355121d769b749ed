// The Bot Framework face of the app: messages in, replies out. Everything it decides is in the app.
import {
  ActivityHandler,
  CardFactory,
  MessageFactory,
  TeamsInfo,
  type Activity,
  type InvokeResponse,
  type TurnContext,
} from 'botbuilder';
import type { App } from '../app/app.js';
import { welcomeReplies, type Lifecycle } from '../app/lifecycle.js';
import type { Logger, Reply } from '../app/ports.js';
import type { TrustedServiceUrls } from '../store/serviceUrls.js';
import { conversationOf, tenantOf, toTurnInput } from './activityInput.js';

export interface BotOptions {
  /** Whether any area lets users of the tenant in (undefined: the channel named no tenant). */
  tenantAllowed: (tenantId: string | undefined) => boolean;
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

/** Teams refuses a bot message over about 28 KB; the cards page long lists to stay well under it. */
const TEAMS_MESSAGE_LIMIT_BYTES = 28 * 1024;

export function toActivity(reply: Reply): Partial<Activity> {
  if (reply.kind === 'text') return MessageFactory.text(reply.text);
  const message = MessageFactory.attachment(CardFactory.adaptiveCard(reply.card));
  message.summary = reply.fallbackText;
  return message;
}

export class MedborgarBot extends ActivityHandler {
  constructor(
    private readonly app: App,
    private readonly options: BotOptions,
  ) {
    super();
    this.onTurn(async (context, next) => {
      await this.trustServiceUrl(context);
      await next();
    });
    this.onMessage(async (context, next) => {
      await this.handleMessage(context);
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      if ((context.activity.membersAdded ?? []).some((m) => m.id === context.activity.recipient.id))
        await this.welcome(context);
      await next();
    });
    this.onInstallationUpdateAdd(async (context, next) => {
      // botbuilder routes "add-upgrade" here too: a new app version is no reason to greet the channel again.
      if (context.activity.action === 'add') await this.welcome(context);
      await next();
    });
    this.onMembersRemoved(async (context, next) => {
      if ((context.activity.membersRemoved ?? []).some((m) => m.id === context.activity.recipient.id))
        await this.removed(context);
      await next();
    });
    this.onInstallationUpdateRemove(async (context, next) => {
      await this.removed(context);
      await next();
    });
  }

  /** Invokes the bot does not handle are acknowledged, never answered with botbuilder's 501. */
  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    const response = await super.onInvokeActivity(context);
    if (response.status !== 501) return response;
    this.options.logger.info(
      { name: context.activity.name, conversationId: context.activity.conversation?.id },
      'invoke not handled',
    );
    return { status: 200, body: {} };
  }

  private allowed(activity: Activity): boolean {
    return this.options.tenantAllowed(tenantOf(activity));
  }

  /**
   * botbuilder has already checked that the token's "serviceurl" claim equals the activity's
   * serviceUrl (ChannelValidation); an unauthenticated request (local trial) carries no claims.
   */
  private async trustServiceUrl(context: TurnContext): Promise<void> {
    const registry = this.options.trustedServiceUrls;
    const activity = context.activity;
    if (!registry || !activity.serviceUrl || !this.allowed(activity)) return;
    const identity = context.turnState.get<{ claims?: { type: string; value: string }[] } | undefined>(
      context.adapter.BotIdentityKey,
    );
    const claim = identity?.claims?.find((c) => c.type === 'serviceurl')?.value;
    if (claim === undefined || claim !== activity.serviceUrl) return;
    try {
      await registry.trust(tenantOf(activity), activity.serviceUrl, this.options.now?.() ?? new Date());
    } catch (error) {
      // The turn goes on: the address is recorded with the next request.
      this.options.logger.error({ err: error }, 'could not record the authenticated serviceUrl');
    }
  }

  private async welcome(context: TurnContext): Promise<void> {
    if (!this.allowed(context.activity)) return;
    const conversation = conversationOf(context.activity);
    const replies = this.options.lifecycle ? this.options.lifecycle.added(conversation) : welcomeReplies(conversation);
    for (const reply of replies) await context.sendActivity(toActivity(reply));
  }

  private async removed(context: TurnContext): Promise<void> {
    await this.options.lifecycle?.removed(conversationOf(context.activity));
  }

  private async handleMessage(context: TurnContext): Promise<void> {
    const activity = context.activity;
    if (!this.allowed(activity)) {
      this.options.logger.warn(
        { tenant: tenantOf(activity), conversationId: activity.conversation?.id },
        'message from a tenant that is not allowed',
      );
      await context.sendActivity('Den här boten är inte öppen för er organisation.');
      return;
    }
    const resolveUpn =
      activity.channelId === 'msteams'
        ? async () => (await TeamsInfo.getMember(context, activity.from.id)).userPrincipalName
        : undefined;
    const replies = await this.app.handle(toTurnInput(activity, resolveUpn));
    for (const reply of replies) await this.send(context, reply);
  }

  private async send(context: TurnContext, reply: Reply): Promise<void> {
    const message = toActivity(reply);
    const bytes = Buffer.byteLength(JSON.stringify(message), 'utf8');
    if (bytes > TEAMS_MESSAGE_LIMIT_BYTES) {
      this.options.logger.warn(
        { bytes, conversationId: context.activity.conversation?.id },
        'reply is larger than Teams accepts',
      );
    }
    // A submitted card is replaced where it stands (so it cannot be sent twice); replyToId names it.
    const target = reply.kind === 'replaceCard' ? context.activity.replyToId : undefined;
    if (reply.kind === 'replaceCard' && target) {
      try {
        await context.updateActivity({ ...message, id: target });
        return;
      } catch (error) {
        this.options.logger.warn(
          { err: error, replyToId: target },
          'could not replace the submitted card; sending the reply as a new message',
        );
      }
    } else if (reply.kind === 'replaceCard') {
      this.options.logger.info(
        { conversationId: context.activity.conversation?.id },
        'card submit without replyToId; sending the reply as a new message',
      );
    }
    await context.sendActivity(message);
  }
}
