// "/prenumerera [veckodag] [HH:MM]", "/avprenumerera", "/prenumerationer", and the welcome card's
// one-click subscribe. One subscription per conversation; what is said is said after it is on disk.
import { z } from 'zod';
import { formatSwedishDate, stockholmDate, type IsoWeekday } from '../domain/calendar.js';
import { DEFAULT_SCHEDULE, nextSend, type Schedule } from '../domain/schedule.js';
import { parseSubscribeArgs } from '../domain/subscribeArgs.js';
import { scheduleOf, scheduleStateOf, type Subscription } from '../domain/subscription.js';
import { instantText, recipientText, scheduleText } from '../views/scheduleTexts.js';
import { subscriptionLabel } from '../views/subscriptionLabel.js';
import { turnAuditBase, turnAuditRecord } from './audit.js';
import { isCoordinator, personOf, type Turn } from './context.js';
import { subscriptionArea } from './subscriptionArea.js';
import { text, type Reply } from './ports.js';

const MAX_LISTED = 30;

export async function subscribeCommand(turn: Turn, args: string): Promise<Reply[]> {
  const parsed = parseSubscribeArgs(args, turn.today);
  if (!parsed.ok) return [text(parsed.error)];
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
  if (!parsed.success)
    return [
      text('Kortet skickade något jag inte kan läsa. Skriv /prenumerera i stället. Ingen prenumeration har sparats.'),
    ];
  const weekday = (parsed.data.weekday ?? DEFAULT_SCHEDULE.weekday) as IsoWeekday;
  return subscribe(turn, { weekday, time: parsed.data.time ?? DEFAULT_SCHEDULE.time });
}

async function subscribe(turn: Turn, schedule: Schedule): Promise<Reply[]> {
  const { input } = turn;
  const reference = input.conversationReference;
  if (typeof reference !== 'object' || reference === null || Array.isArray(reference)) {
    turn.log.warn({}, 'subscribe without a conversation reference');
    return [
      text(
        'Jag kan inte skicka meddelanden hit på eget initiativ, så här går det inte att prenumerera. Ingen prenumeration har sparats.',
      ),
    ];
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
  const who = recipientText(subscription.conversationKind);
  const next = `Nästa: ${instantText(nextSend(scheduleStateOf(subscription), turn.now))}.`;
  const stop = 'Skriv /avprenumerera för att sluta.';
  if (change === 'changed' && before && before.weekday === schedule.weekday && before.time === schedule.time) {
    return [text(`Oförändrat: ${who} får redan veckosammanfattningen ${scheduleText(schedule)}. ${next} ${stop}`)];
  }
  if (change === 'changed' && before) {
    return [
      text(
        `Ändrat: ${who} får veckosammanfattningen ${scheduleText(schedule)} (förut ${scheduleText(scheduleOf(before))}). ${next} ${stop}`,
      ),
    ];
  }
  return [text(`Klart! ${who} får veckosammanfattningen ${scheduleText(schedule)}. ${next} ${stop}`)];
}

export async function unsubscribeCommand(turn: Turn): Promise<Reply[]> {
  const { conversation } = turn.input;
  const ended = await turn.deps.port.subscriptions.end(
    conversation.id,
    { at: turn.now.toISOString(), reason: 'unsubscribed', by: personOf(turn) },
    turnAuditRecord(turn, { action: 'subscription.ended', detail: 'unsubscribed' }),
  );
  const who = recipientText(conversation.kind);
  if (!ended) {
    return [
      text(
        `${who} har ingen prenumeration. Skriv /prenumerera för att få veckosammanfattningen ${scheduleText(DEFAULT_SCHEDULE)}.`,
      ),
    ];
  }
  turn.log.info({ subscriptionId: ended.id }, 'unsubscribed');
  return [
    text(
      `Klart: ${who} får inte längre veckosammanfattningen (den kom ${scheduleText(scheduleOf(ended))}). Skriv /prenumerera för att börja igen.`,
    ),
  ];
}

export async function subscriptionsCommand(turn: Turn): Promise<Reply[]> {
  const store = turn.deps.port.subscriptions;
  const own = await store.forConversation(turn.input.conversation.id);
  const ownText =
    own && own.ended === undefined
      ? `${recipientText(own.conversationKind)} får veckosammanfattningen ${scheduleText(scheduleOf(own))}. ${nextAndLast(own, turn.now)}`
      : `${recipientText(turn.input.conversation.kind)} har ingen prenumeration. Skriv /prenumerera för att få veckosammanfattningen ${scheduleText(DEFAULT_SCHEDULE)}.`;
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
  const lines = [
    ownText,
    '',
    `**Alla prenumerationer i ${turn.area.name}** (${active.length} ${active.length === 1 ? 'aktiv' : 'aktiva'}):`,
  ];
  if (active.length === 0) lines.push('Inga.');
  for (const s of active.slice(0, MAX_LISTED))
    lines.push(`• ${subscriptionLabel(s)}: ${scheduleText(scheduleOf(s))}. ${nextAndLast(s, turn.now)}`);
  if (active.length > MAX_LISTED) lines.push(`… och ${active.length - MAX_LISTED} till.`);
  if (ended.length > 0) {
    lines.push('', `**Avslutade** (de senaste ${Math.min(ended.length, 10)}):`);
    for (const s of ended.slice(0, 10)) lines.push(`• ${subscriptionLabel(s)}: ${endedText(s)}`);
  }
  return [text(lines.join('\n'))];
}

const PAUSE_REASON: Readonly<Record<string, string>> = {
  BotDisabledByAdmin: 'en administratör har stängt av boten i Teams',
  AppPolicy: 'organisationens appbehörigheter blockerar boten i Teams',
};

/** " Pausad vecka 2020-W11: …" when this week's summary was refused for a reason that lifts by itself. */
function pausedText(s: Subscription): string {
  if (!s.paused) return '';
  const why = PAUSE_REASON[s.paused.code] ?? `Teams svarade ${s.paused.code}`;
  return ` ⏸️ Pausad vecka ${s.paused.week.replace(/^\d{4}-W0?/u, '')}: ${why}. Nästa vecka försöker jag igen av mig själv.`;
}

function nextAndLast(s: Subscription, now: Date): string {
  const last = s.lastSentAt
    ? `Senast skickad ${formatSwedishDate(stockholmDate(new Date(s.lastSentAt)))}.`
    : 'Inte skickad än.';
  if (s.held) return `${last} ${heldText(s.held)}`;
  return `Nästa: ${instantText(nextSend(scheduleStateOf(s), now))}. ${last}${pausedText(s)}`;
}

/** Why a subscription waits for Teams, and since when. */
function heldText(held: NonNullable<Subscription['held']>): string {
  const since = formatSwedishDate(stockholmDate(new Date(held.at)));
  return `⏸️ Pausad sedan ${since}: teamet är arkiverat i Teams, så inget kan postas där. Fortsätter av sig själv när teamet återställs.`;
}

const END_REASON: Readonly<Record<NonNullable<Subscription['ended']>['reason'], string>> = {
  unsubscribed: 'avslutad med /avprenumerera',
  uninstalled: 'boten togs bort',
  unreachable: 'går inte att nå (boten borttagen eller konversationen finns inte)',
  channelDeleted: 'kanalen togs bort i Teams (fortsätter om kanalen återställs)',
  teamDeleted: 'teamet togs bort i Teams (fortsätter om teamet återställs)',
};

function endedText(s: Subscription): string {
  if (!s.ended) return '';
  const by = s.ended.by?.name ? ` av ${s.ended.by.name}` : '';
  return `${END_REASON[s.ended.reason]}${by}, ${formatSwedishDate(stockholmDate(new Date(s.ended.at)))}.`;
}
