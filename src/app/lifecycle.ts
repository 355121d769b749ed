// The bot added to or removed from a team, a group chat or a personal chat. Added: a welcome card
// with a one-click subscribe. Removed: the conversation's subscriptions end (for a team, those of
// all its channels), since the bot can no longer post there. And what Teams says about a channel or
// team a subscription posts to: renamed (the subscription follows the name), deleted (it ends),
// archived (it waits), restored or unarchived (it goes on).
import { SYSTEM_ACTOR, type AuditRecord } from '../domain/audit.js';
import type { Person } from '../domain/entry.js';
import type { Subscription, TeamsConversationEvent } from '../domain/subscription.js';
import { DEFAULT_SCHEDULE } from '../domain/schedule.js';
import { scheduleText } from '../views/scheduleTexts.js';
import { welcomeCard, type WelcomeCardData } from '../views/welcomeCard.js';
import type { AppDeps } from './context.js';
import { card, type Conversation, type Reply } from './ports.js';

export interface Lifecycle {
  /** The welcome, or nothing when this conversation was just welcomed. */
  added(conversation: Conversation): Reply[];
  removed(conversation: Conversation): Promise<void>;
  /** A channel or team changed in Teams; `by` is who did it, when Teams says. Every change is audited. */
  teamsEvent(event: TeamsConversationEvent, by?: Person): Promise<void>;
}

// Teams announces one installation twice (conversationUpdate and installationUpdate), a second apart.
const WELCOME_WINDOW_MS = 10 * 60 * 1000;

export function createLifecycle(deps: Pick<AppDeps, 'store' | 'clock' | 'logger'>): Lifecycle {
  const welcomed = new Map<string, number>();
  return {
    added(conversation) {
      const now = deps.clock.now().getTime();
      for (const [id, at] of welcomed) if (now - at >= WELCOME_WINDOW_MS) welcomed.delete(id);
      if (welcomed.has(conversation.id)) return [];
      welcomed.set(conversation.id, now);
      deps.logger.info({ conversationId: conversation.id, kind: conversation.kind }, 'bot added to a conversation');
      return welcomeReplies(conversation);
    },
    async removed(conversation) {
      const ended = await deps.store.subscriptions.endForRemoval(conversation.id, conversation.teamId, {
        at: deps.clock.now().toISOString(),
        reason: 'uninstalled',
      });
      for (const s of ended)
        await deps.store.audit.record({
          at: deps.clock.now().toISOString(),
          by: SYSTEM_ACTOR,
          via: 'system',
          action: 'subscription.ended',
          subscriptionId: s.id,
          conversationId: s.conversationId,
          ...(s.areaId ? { areaId: s.areaId } : {}),
          detail: 'uninstalled',
        });
      deps.logger.info(
        { conversationId: conversation.id, teamId: conversation.teamId, endedSubscriptions: ended.map((s) => s.id) },
        'bot removed from a conversation',
      );
    },
    async teamsEvent(event, by) {
      const at = deps.clock.now().toISOString();
      const audit = async (
        s: Subscription,
        action: AuditRecord['action'],
        changes?: AuditRecord['changes'],
      ): Promise<void> => {
        await deps.store.audit.record({
          at,
          by: by ?? SYSTEM_ACTOR,
          via: 'system',
          action,
          subscriptionId: s.id,
          conversationId: s.conversationId,
          ...(s.areaId ? { areaId: s.areaId } : {}),
          ...(changes ? { changes } : {}),
          detail: event.kind,
        });
      };
      const subscriptions = deps.store.subscriptions;
      let touched: Subscription[] = [];
      switch (event.kind) {
        case 'channelRenamed': {
          const renamed = await subscriptions.rename(event.channelId, event.name);
          for (const r of renamed)
            await audit(r.subscription, 'subscription.changed', { name: { from: r.from ?? null, to: event.name } });
          touched = renamed.map((r) => r.subscription);
          break;
        }
        case 'channelDeleted':
          touched = await subscriptions.endForRemoval(event.channelId, undefined, { at, reason: 'channelDeleted' });
          for (const s of touched) await audit(s, 'subscription.ended');
          break;
        case 'teamDeleted':
          touched = await subscriptions.endForTeam(event.teamId, { at, reason: 'teamDeleted' });
          for (const s of touched) await audit(s, 'subscription.ended');
          break;
        case 'channelRestored':
          touched = await subscriptions.resumeEnded((s) => s.conversationId === event.channelId, 'channelDeleted');
          for (const s of touched) await audit(s, 'subscription.resumed');
          break;
        case 'teamRestored':
          touched = await subscriptions.resumeEnded(
            (s) => s.teamId === event.teamId || s.conversationId === event.teamId,
            'teamDeleted',
          );
          for (const s of touched) await audit(s, 'subscription.resumed');
          break;
        case 'teamArchived':
          touched = await subscriptions.hold(event.teamId, { at, reason: 'teamArchived' });
          for (const s of touched) await audit(s, 'subscription.paused');
          break;
        case 'teamUnarchived':
          touched = await subscriptions.release(event.teamId, 'teamArchived');
          for (const s of touched) await audit(s, 'subscription.resumed');
          break;
      }
      deps.logger.info(
        { event: event.kind, subscriptions: touched.map((s) => s.id) },
        'Teams changed a channel or team',
      );
    },
  };
}

export function welcomeReplies(conversation: Pick<Conversation, 'kind'>): Reply[] {
  const where =
    conversation.kind === 'personal'
      ? 'hit'
      : conversation.kind === 'channel'
        ? 'till den här kanalen'
        : 'till den här chatten';
  const data: WelcomeCardData = {
    title: 'Hej! Jag håller ordning på medborgarlöftet.',
    intro:
      conversation.kind === 'personal'
        ? 'Logga det du gjort på några sekunder, och se läget när du vill:'
        : 'Logga det ni gjort på några sekunder (nämn mig först, t.ex. @Medborgarlöfte /logga krogtillsyn), och se läget när ni vill:',
    examples: [
      { command: '/logga krogtillsyn', text: 'loggar en insats idag' },
      { command: '/logga fotpatrullering Öxnehaga 2 h igår', text: 'med plats, tid och datum' },
      { command: '/status', text: 'läget per löfte och aktivitet' },
      { command: '/hjälp', text: 'alla kommandon' },
    ],
    subscribeText: `${conversation.kind === 'personal' ? 'Vill du' : 'Vill ni'} ha en veckosammanfattning ${where}, ${scheduleText(DEFAULT_SCHEDULE)}? Ett klick räcker; /prenumerera måndag 08:00 väljer en annan tid.`,
    subscribeTitle: `Prenumerera (${scheduleText(DEFAULT_SCHEDULE).replace(/^varje /u, '')})`,
    submit: { verb: 'subscribe', weekday: DEFAULT_SCHEDULE.weekday, time: DEFAULT_SCHEDULE.time },
  };
  const fallback = `Hej! Jag håller ordning på medborgarlöftet: logga med t.ex. /logga krogtillsyn och se läget med /status. Skriv /prenumerera för en veckosammanfattning ${where}.`;
  return [card(welcomeCard(data), fallback)];
}
