// The Bot Framework face of the app: messages in, replies out. Everything it decides is in the app.
import { ActivityHandler, CardFactory, MessageFactory, TeamsInfo, type Activity, type TurnContext } from 'botbuilder';
import type { App } from '../app/app.js';
import { welcomeReplies, type Lifecycle } from '../app/lifecycle.js';
import type { Logger, Reply } from '../app/ports.js';
import { conversationOf, tenantOf, toTurnInput } from './activityInput.js';

export interface BotOptions {
  allowedTenants: readonly string[];
  logger: Logger;
  /** Welcome once per installation, end subscriptions on removal. Without it: a welcome every time, removals ignored. */
  lifecycle?: Lifecycle;
}

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
    this.onMessage(async (context, next) => {
      await this.handleMessage(context);
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      if ((context.activity.membersAdded ?? []).some((m) => m.id === context.activity.recipient.id)) await this.welcome(context);
      await next();
    });
    this.onInstallationUpdateAdd(async (context, next) => {
      await this.welcome(context);
      await next();
    });
    this.onMembersRemoved(async (context, next) => {
      if ((context.activity.membersRemoved ?? []).some((m) => m.id === context.activity.recipient.id)) await this.removed(context);
      await next();
    });
    this.onInstallationUpdateRemove(async (context, next) => {
      await this.removed(context);
      await next();
    });
  }

  private allowed(activity: Activity): boolean {
    const tenant = tenantOf(activity);
    return this.options.allowedTenants.length === 0 || (tenant !== undefined && this.options.allowedTenants.includes(tenant));
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
      this.options.logger.warn({ tenant: tenantOf(activity), conversationId: activity.conversation?.id }, 'message from a tenant that is not allowed');
      await context.sendActivity('Den här boten är inte öppen för er organisation.');
      return;
    }
    const resolveUpn = activity.channelId === 'msteams'
      ? async () => (await TeamsInfo.getMember(context, activity.from.id)).userPrincipalName
      : undefined;
    const replies = await this.app.handle(toTurnInput(activity, resolveUpn));
    for (const reply of replies) await context.sendActivity(toActivity(reply));
  }
}
