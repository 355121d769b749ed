// The bot added to or removed from a team, a group chat or a personal chat. Added: a welcome card
// with a one-click subscribe. Removed: the conversation's subscriptions end (for a team, those of
// all its channels), since the bot can no longer post there. And what Teams says about a channel or
// team a subscription posts to: renamed (the subscription follows the name), deleted (it ends),
// archived (it waits), restored or unarchived (it goes on). A meeting set with /möte in the channel
// goes the same way (held while archived: no agenda card). When one is ended or held, the area's
// coordinators are told in their personal chat with the bot, one message an event.
import { SYSTEM_ACTOR, type AuditRecord } from '../domain/audit.js';
import type { Person } from '../domain/entry.js';
import type { Subscription, TeamsConversationEvent } from '../domain/subscription.js';
import { DEFAULT_SCHEDULE } from '../domain/schedule.js';
import { scheduleText } from '../views/scheduleTexts.js';
import { channelChangeText, type ChannelChange } from '../views/channelChangeTexts.js';
import { welcomeCard, type WelcomeCardData } from '../views/welcomeCard.js';
import type { AppDeps } from './context.js';
import type { Notifier } from './notifier.js';
import { card, text, type Conversation, type Reply } from './ports.js';
import { coordinatorChats } from './reminders.js';
import type { Meeting } from '../domain/meetingRecord.js';
import { subscriptionArea } from './subscriptionArea.js';

export interface Lifecycle {
  /** The welcome, or nothing when this conversation was just welcomed. */
  added(conversation: Conversation): Reply[];
  removed(conversation: Conversation): Promise<void>;
  /** A channel or team changed in Teams; `by` is who did it, when Teams says. Every change is audited. */
  teamsEvent(event: TeamsConversationEvent, by?: Person): Promise<void>;
}

// Teams announces one installation twice (conversationUpdate and installationUpdate), a second apart.
const WELCOME_WINDOW_MS = 10 * 60 * 1000;

export interface LifecycleDeps extends Pick<AppDeps, 'port' | 'clock' | 'logger'> {
  /** The proactive sender, asked for when a coordinator is to be told (the bot runtime makes it after the lifecycle). */
  notifier: () => Notifier;
}

export function createLifecycle(deps: LifecycleDeps): Lifecycle {
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
      const at = deps.clock.now().toISOString();
      const uninstalled = { at, reason: 'uninstalled' } as const;
      // One record per subscription ended, completed by the store with its id, conversation and area.
      const record = {
        at,
        by: SYSTEM_ACTOR,
        via: 'system',
        action: 'subscription.ended',
        detail: 'uninstalled',
      } as const;
      // Removed from a team: every channel of it goes too.
      const ended = [
        ...(conversation.teamId !== undefined
          ? await deps.port.subscriptions.endWhere({ teamId: conversation.teamId }, uninstalled, record)
          : []),
        ...(await deps.port.subscriptions.endWhere({ conversationId: conversation.id }, uninstalled, record)),
      ];
      deps.logger.info(
        { conversationId: conversation.id, teamId: conversation.teamId, endedSubscriptions: ended.map((s) => s.id) },
        'bot removed from a conversation',
      );
    },
    async teamsEvent(event, by) {
      const at = deps.clock.now().toISOString();
      const actor = by ?? SYSTEM_ACTOR;
      // The records of the change, one per subscription or meeting it touched: the store completes
      // each with that one's id (a meeting's activity), conversation and area, and stores it with the change.
      const audit = (action: AuditRecord['action']) =>
        ({ at, by: actor, via: 'system', action, detail: event.kind }) as const;
      const meetingAudit = audit('meeting.changed');
      const subscriptions = deps.port.subscriptions;
      const meetings = deps.port.meetings;
      let touched: readonly Subscription[] = [];
      let meetingsTouched: readonly Meeting[] = [];
      switch (event.kind) {
        case 'channelRenamed': {
          // The name's change (changes.name) is the store's to add, from what each had.
          const renamed = await subscriptions.rename(event.channelId, event.name, audit('subscription.changed'));
          touched = renamed.map((r) => r.subscription);
          // The meeting is kept by the conversation's id, which a rename keeps: only its name follows.
          meetingsTouched = (await meetings.rename(event.channelId, event.name, meetingAudit)).map((r) => r.meeting);
          break;
        }
        case 'channelDeleted':
          touched = await subscriptions.endWhere(
            { conversationId: event.channelId },
            { at, reason: 'channelDeleted' },
            audit('subscription.ended'),
          );
          meetingsTouched = await meetings.endWhere(
            { conversationId: event.channelId },
            { at, by: actor, reason: 'channelDeleted' },
            meetingAudit,
          );
          break;
        case 'teamDeleted':
          touched = await subscriptions.endWhere(
            { teamId: event.teamId },
            { at, reason: 'teamDeleted' },
            audit('subscription.ended'),
          );
          meetingsTouched = await meetings.endWhere(
            { teamId: event.teamId },
            { at, by: actor, reason: 'teamDeleted' },
            meetingAudit,
          );
          break;
        case 'channelRestored':
          touched = await subscriptions.resumeEnded(
            { conversationId: event.channelId },
            'channelDeleted',
            audit('subscription.resumed'),
          );
          meetingsTouched = await meetings.resumeEnded(
            { conversationId: event.channelId },
            'channelDeleted',
            meetingAudit,
          );
          break;
        case 'teamRestored':
          touched = await subscriptions.resumeEnded(
            { teamId: event.teamId },
            'teamDeleted',
            audit('subscription.resumed'),
          );
          meetingsTouched = await meetings.resumeEnded({ teamId: event.teamId }, 'teamDeleted', meetingAudit);
          break;
        case 'teamArchived':
          touched = await subscriptions.hold(
            event.teamId,
            { at, reason: 'teamArchived' },
            audit('subscription.paused'),
          );
          meetingsTouched = await meetings.hold(event.teamId, { at, reason: 'teamArchived' }, meetingAudit);
          break;
        case 'teamUnarchived':
          touched = await subscriptions.release(event.teamId, 'teamArchived', audit('subscription.resumed'));
          meetingsTouched = await meetings.release(event.teamId, meetingAudit);
          break;
      }
      deps.logger.info(
        {
          event: event.kind,
          subscriptions: touched.map((s) => s.id),
          meetings: meetingsTouched.map((m) => m.id),
        },
        'Teams changed a channel or team',
      );
      if (event.kind === 'channelDeleted' || event.kind === 'teamDeleted' || event.kind === 'teamArchived')
        await tellCoordinators(event.kind, touched, meetingsTouched, 'teamId' in event ? event.teamId : undefined);
    },
  };

  /**
   * One personal message to each of the coordinators of every area whose weekly summary or meeting
   * was ended or held. A coordinator the bot cannot reach is logged (by area, no names) and skipped.
   */
  async function tellCoordinators(
    event: ChannelChange['event'],
    ended: readonly Subscription[],
    meetings: readonly Meeting[],
    teamId: string | undefined,
  ): Promise<void> {
    const byArea = new Map<string, ChannelChange[]>();
    const add = (areaId: string | undefined, change: ChannelChange) => {
      if (areaId === undefined) {
        deps.logger.warn({ event }, 'no area to tell about a channel change');
        return;
      }
      byArea.set(areaId, [...(byArea.get(areaId) ?? []), change]);
    };
    for (const s of ended)
      add((await subscriptionArea(deps.port.areas, s)) ?? s.areaId, {
        event,
        what: { kind: 'subscription' },
        ...(s.conversationName ? { name: s.conversationName } : {}),
        general: s.teamId !== undefined && s.teamId === s.conversationId,
      });
    for (const m of meetings) {
      const activity =
        (await deps.port.records(m.areaId).agreements()).flatMap((a) => a.activities).find((a) => a.id === m.activityId)
          ?.name ?? m.activityId;
      add(m.areaId, {
        event,
        what: { kind: 'meeting', activity },
        ...(m.conversationName ? { name: m.conversationName } : {}),
        general: m.conversationId === (m.teamId ?? teamId),
      });
    }
    for (const [areaId, changes] of byArea) {
      const area = await deps.port.areas.area(areaId);
      const chats = area ? await coordinatorChats(deps.port.reminders, area) : [];
      if (chats.length === 0) {
        deps.logger.warn({ areaId, event }, 'no coordinator could be told about a channel change');
        continue;
      }
      const replies = [text(channelChangeText(changes))];
      for (const chat of chats) {
        try {
          const result = await deps.notifier().send(chat.reference, replies);
          if (result.kind !== 'sent')
            deps.logger.warn(
              { areaId, event, result: result.kind, status: 'status' in result ? result.status : undefined },
              'a coordinator could not be told about a channel change',
            );
        } catch (error) {
          deps.logger.error({ err: error, areaId, event }, 'telling a coordinator about a channel change failed');
        }
      }
    }
  }
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
