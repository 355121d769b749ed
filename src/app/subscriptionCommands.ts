// "/prenumerera [veckodag] [HH:MM]", "/avprenumerera", "/prenumerationer", and the welcome card's
// one-click subscribe. One subscription per conversation; what is said is said after it is on disk.
import { z } from 'zod';
import type { IsoWeekday } from '../domain/calendar.js';
import { DEFAULT_SCHEDULE, nextSend, type Schedule } from '../domain/schedule.js';
import { parseSubscribeArgs } from '../domain/subscribeArgs.js';
import { scheduleOf, scheduleStateOf, type Subscription } from '../domain/subscription.js';
import { render } from '../views/catalogue.js';
import { subscriptionTexts, type SubscriptionText } from '../views/subscriptionTexts.js';
import { turnAuditBase, turnAuditRecord } from './audit.js';
import { isCoordinator, personOf, type Turn } from './context.js';
import { subscriptionArea } from './subscriptionArea.js';
import { text, type Reply } from './ports.js';

/** The reply saying `outcome`. */
const say = (outcome: SubscriptionText): Reply[] => [text(render(subscriptionTexts, outcome))];

/** "/prenumerera [veckodag] [HH:MM]": subscribes the conversation (default torsdag 07:30). */
export async function subscribeCommand(turn: Turn, args: string): Promise<Reply[]> {
  const parsed = parseSubscribeArgs(args, turn.today);
  if (!parsed.ok) return say(parsed);
  return subscribe(turn, parsed.schedule);
}

const subscribeSubmitSchema = z.object({
  verb: z.literal('subscribe'),
  weekday: z.number().int().min(1).max(7).optional(),
  time: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/u)
    .optional(),
});

/** The welcome card's button. */
export async function subscribeAction(turn: Turn, value: unknown): Promise<Reply[]> {
  const parsed = subscribeSubmitSchema.safeParse(value);
  if (!parsed.success) return say({ code: 'subscription.unreadableCard' });
  const weekday = (parsed.data.weekday ?? DEFAULT_SCHEDULE.weekday) as IsoWeekday;
  return subscribe(turn, { weekday, time: parsed.data.time ?? DEFAULT_SCHEDULE.time });
}

async function subscribe(turn: Turn, schedule: Schedule): Promise<Reply[]> {
  const { input } = turn;
  const reference = input.conversationReference;
  if (typeof reference !== 'object' || reference === null || Array.isArray(reference)) {
    turn.log.warn({}, 'subscribe without a conversation reference');
    return say({ code: 'subscription.cannotPost' });
  }
  const before = await turn.deps.port.subscriptions.forConversation(input.conversation.id);
  // Recorded as subscription.<change>, with the schedule's change (see SubscribeAudit).
  const { subscription, change } = await turn.deps.port.subscriptions.subscribe(
    {
      conversation: input.conversation,
      areaId: turn.area.id,
      reference: reference as Record<string, unknown>,
      schedule,
      by: personOf(turn),
      at: turn.now,
      newId: turn.deps.newId,
    },
    turnAuditBase(turn),
  );
  turn.log.info(
    { subscriptionId: subscription.id, change, weekday: schedule.weekday, time: schedule.time },
    'subscribed',
  );
  const said = {
    kind: subscription.conversationKind,
    schedule,
    next: nextSend(scheduleStateOf(subscription), turn.now),
  };
  if (change === 'changed' && before && before.weekday === schedule.weekday && before.time === schedule.time)
    return say({ code: 'subscription.unchanged', ...said });
  if (change === 'changed' && before) return say({ code: 'subscription.changed', ...said, before: scheduleOf(before) });
  return say({ code: 'subscription.created', ...said });
}

/** "/avprenumerera": ends the conversation's subscription (kept, with who ended it and when). */
export async function unsubscribeCommand(turn: Turn): Promise<Reply[]> {
  const { conversation } = turn.input;
  const ended = await turn.deps.port.subscriptions.end(
    conversation.id,
    { at: turn.now.toISOString(), reason: 'unsubscribed', by: personOf(turn) },
    turnAuditRecord(turn, { action: 'subscription.ended', detail: 'unsubscribed' }),
  );
  if (!ended) return say({ code: 'subscription.none', kind: conversation.kind });
  turn.log.info({ subscriptionId: ended.id }, 'unsubscribed');
  return say({ code: 'subscription.ended', kind: conversation.kind, schedule: scheduleOf(ended) });
}

/** "/prenumerationer": this conversation's subscription; a coordinator also sees every one in the area. */
export async function subscriptionsCommand(turn: Turn): Promise<Reply[]> {
  const store = turn.deps.port.subscriptions;
  const own = await store.forConversation(turn.input.conversation.id);
  const ownText = render(
    subscriptionTexts,
    own && own.ended === undefined
      ? { code: 'subscription.status', subscription: own, now: turn.now }
      : { code: 'subscription.none', kind: turn.input.conversation.kind },
  );
  if (!(await isCoordinator(turn))) return [text(ownText)];

  // Only the conversation's area: a coordinator sees their own area's subscriptions.
  const all = await store.all();
  const areaOf = new Map(
    await Promise.all(all.map(async (s) => [s.id, await subscriptionArea(turn.deps.port.areas, s)] as const)),
  );
  const inArea = (s: Subscription) => areaOf.get(s.id) === turn.area.id;
  const active = (await store.active()).filter(inArea);
  const ended = all
    .filter((s) => s.ended !== undefined && inArea(s))
    .sort((a, b) => (b.ended?.at ?? '').localeCompare(a.ended?.at ?? ''));
  const list = render(subscriptionTexts, {
    code: 'subscription.list',
    area: turn.area.name,
    active,
    ended,
    now: turn.now,
  });
  return [text(`${ownText}\n\n${list}`)];
}
