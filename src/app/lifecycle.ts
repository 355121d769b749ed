// The bot added to or removed from a team, a group chat or a personal chat. Added: a welcome card
// with a one-click subscribe. Removed: the conversation's subscriptions end (for a team, those of
// all its channels), since the bot can no longer post there.
import { SYSTEM_ACTOR } from '../domain/audit.js';
import { DEFAULT_SCHEDULE } from '../domain/schedule.js';
import { scheduleText } from '../views/scheduleTexts.js';
import { welcomeCard, type WelcomeCardData } from '../views/welcomeCard.js';
import type { AppDeps } from './context.js';
import { card, type Conversation, type Reply } from './ports.js';

export interface Lifecycle {
  /** The welcome, or nothing when this conversation was just welcomed. */
  added(conversation: Conversation): Reply[];
  removed(conversation: Conversation): Promise<void>;
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
