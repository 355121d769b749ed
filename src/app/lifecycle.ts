// The bot added to or removed from a team, a group chat or a personal chat. Added: a welcome card
// with a one-click subscribe. Removed: the conversation's subscriptions end (for a team, those of
// all its channels), since the bot can no longer post there. And what Teams says about a channel or
// team a subscription posts to: renamed (the subscription follows the name), deleted (it ends),
// archived (it waits), restored or unarchived (it goes on). A meeting set with /möte in the channel
// goes the same way (held while archived: no agenda card). When one is ended or held, the area's
// coordinators are told in their personal chat with the bot, one message an event.
import { SYSTEM_ACTOR, type AuditRecord, type NewAuditRecord } from '../domain/audit.js';
import type { Person } from '../domain/entry.js';
import type { Subscription, TeamsConversationEvent } from '../domain/subscription.js';
import { DEFAULT_SCHEDULE } from '../domain/schedule.js';
import { render } from '../views/catalogue.js';
import { WELCOME_EXAMPLES, welcomeTexts, type WelcomeText } from '../views/welcomeTexts.js';
import { channelChangeText, type ChannelChange } from '../views/channelChangeTexts.js';
import { welcomeCard, type WelcomeCardData } from '../views/welcomeCard.js';
import type { AppDeps } from './context.js';
import type { Notifier } from './notifier.js';
import type { ConversationSelection } from './port/conversations.js';
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

/** The bot's answers to being added, removed, and to Teams' changes of channels and teams. */
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
    removed: (conversation) => removed(deps, conversation),
    teamsEvent: (event, by) => teamsEvent(deps, event, by),
  };
}

/** The bot removed from a conversation: its subscriptions end (a team's: every channel of it too). */
async function removed(deps: LifecycleDeps, conversation: Conversation): Promise<void> {
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
}

/** What a change in Teams touched: the subscriptions and the meetings posting to that channel or team. */
interface Touched {
  subscriptions: readonly Subscription[];
  meetings: readonly Meeting[];
}

/** A change in Teams applied to the subscriptions and meetings it touches, logged; coordinators told of an end or hold. */
async function teamsEvent(deps: LifecycleDeps, event: TeamsConversationEvent, by?: Person): Promise<void> {
  const at = deps.clock.now().toISOString();
  const actor = by ?? SYSTEM_ACTOR;
  // The records of the change, one per subscription or meeting it touched: the store completes
  // each with that one's id (a meeting's activity), conversation and area, and stores it with the change.
  const audit = (action: AuditRecord['action']) =>
    ({ at, by: actor, via: 'system', action, detail: event.kind }) as const;
  const touched = await applyTeamsEvent(deps, event, { at, actor, audit });
  deps.logger.info(
    {
      event: event.kind,
      subscriptions: touched.subscriptions.map((s) => s.id),
      meetings: touched.meetings.map((m) => m.id),
    },
    'Teams changed a channel or team',
  );
  if (event.kind === 'channelDeleted' || event.kind === 'teamDeleted' || event.kind === 'teamArchived')
    await tellCoordinators(
      deps,
      event.kind,
      touched.subscriptions,
      touched.meetings,
      'teamId' in event ? event.teamId : undefined,
    );
}

/** When and by whom a change in Teams happened, and its audit record for an action. */
interface ChangeContext {
  at: string;
  actor: Person;
  audit: (action: AuditRecord['action']) => NewAuditRecord;
}

/** The store's part of a change in Teams: renamed follows, deleted ends, restored resumes, archived holds. */
async function applyTeamsEvent(
  deps: LifecycleDeps,
  event: TeamsConversationEvent,
  { at, actor, audit }: ChangeContext,
): Promise<Touched> {
  const { subscriptions, meetings } = deps.port;
  const meetingAudit = audit('meeting.changed');
  switch (event.kind) {
    case 'channelRenamed': {
      // The name's change (changes.name) is the store's to add, from what each had.
      const renamed = await subscriptions.rename(event.channelId, event.name, audit('subscription.changed'));
      // The meeting is kept by the conversation's id, which a rename keeps: only its name follows.
      const renamedMeetings = await meetings.rename(event.channelId, event.name, meetingAudit);
      return { subscriptions: renamed.map((r) => r.subscription), meetings: renamedMeetings.map((r) => r.meeting) };
    }
    case 'channelDeleted':
      return ended(deps, { conversationId: event.channelId }, event.kind, { at, actor, audit });
    case 'teamDeleted':
      return ended(deps, { teamId: event.teamId }, event.kind, { at, actor, audit });
    case 'channelRestored':
      return resumed(deps, { conversationId: event.channelId }, 'channelDeleted', audit);
    case 'teamRestored':
      return resumed(deps, { teamId: event.teamId }, 'teamDeleted', audit);
    case 'teamArchived':
      return {
        subscriptions: await subscriptions.hold(
          event.teamId,
          { at, reason: 'teamArchived' },
          audit('subscription.paused'),
        ),
        meetings: await meetings.hold(event.teamId, { at, reason: 'teamArchived' }, meetingAudit),
      };
    case 'teamUnarchived':
      return {
        subscriptions: await subscriptions.release(event.teamId, 'teamArchived', audit('subscription.resumed')),
        meetings: await meetings.release(event.teamId, meetingAudit),
      };
  }
}

/** A channel or team deleted in Teams: what posts there ends. */
async function ended(
  deps: LifecycleDeps,
  where: ConversationSelection,
  reason: 'channelDeleted' | 'teamDeleted',
  { at, actor, audit }: ChangeContext,
): Promise<Touched> {
  return {
    subscriptions: await deps.port.subscriptions.endWhere(where, { at, reason }, audit('subscription.ended')),
    meetings: await deps.port.meetings.endWhere(where, { at, by: actor, reason }, audit('meeting.changed')),
  };
}

/** A channel or team restored in Teams: what ended when it was deleted goes on. */
async function resumed(
  deps: LifecycleDeps,
  where: ConversationSelection,
  reason: 'channelDeleted' | 'teamDeleted',
  audit: ChangeContext['audit'],
): Promise<Touched> {
  return {
    subscriptions: await deps.port.subscriptions.resumeEnded(where, reason, audit('subscription.resumed')),
    meetings: await deps.port.meetings.resumeEnded(where, reason, audit('meeting.changed')),
  };
}

/** The changes to tell each area's coordinators about, by area id. */
async function changesByArea(
  deps: LifecycleDeps,
  event: ChannelChange['event'],
  ended: readonly Subscription[],
  meetings: readonly Meeting[],
  teamId: string | undefined,
): Promise<Map<string, ChannelChange[]>> {
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
  return byArea;
}

/**
 * One personal message to each of the coordinators of every area whose weekly summary or meeting
 * was ended or held. A coordinator the bot cannot reach is logged (by area, no names) and skipped.
 */
async function tellCoordinators(
  deps: LifecycleDeps,
  event: ChannelChange['event'],
  ended: readonly Subscription[],
  meetings: readonly Meeting[],
  teamId: string | undefined,
): Promise<void> {
  for (const [areaId, changes] of await changesByArea(deps, event, ended, meetings, teamId)) {
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

/** The welcome card (with its plain-text fallback) for a conversation of this kind. */
export function welcomeReplies(conversation: Pick<Conversation, 'kind'>): Reply[] {
  const { kind } = conversation;
  const say = (outcome: WelcomeText) => render(welcomeTexts, outcome);
  const data: WelcomeCardData = {
    title: say({ code: 'welcome.title' }),
    intro: say({ code: 'welcome.intro', kind }),
    examples: WELCOME_EXAMPLES.map((e) => ({ command: e.command, text: say(e.text) })),
    subscribeText: say({ code: 'welcome.subscribe', kind }),
    subscribeTitle: say({ code: 'welcome.subscribeTitle' }),
    submit: { verb: 'subscribe', weekday: DEFAULT_SCHEDULE.weekday, time: DEFAULT_SCHEDULE.time },
  };
  return [card(welcomeCard(data), say({ code: 'welcome.fallback', kind }))];
}
