// What /prenumerera, /avprenumerera and /prenumerationer say, and why a schedule typed after
// /prenumerera was refused. The app decides and passes the subscriptions; these only say it.
import { formatSwedishDate, stockholmDate, SWEDISH_WEEKDAYS, type IsoWeekday } from '../domain/calendar.js';
import { DEFAULT_SCHEDULE, nextSend, type Schedule } from '../domain/schedule.js';
import type { SubscribeProblem } from '../domain/subscribeArgs.js';
import { scheduleOf, scheduleStateOf, type ConversationKindCode, type Subscription } from '../domain/subscription.js';
import type { Catalogue } from './catalogue.js';
import { instantText, recipientText, scheduleText } from './scheduleTexts.js';
import { subscriptionLabel } from './subscriptionLabel.js';

/** At most this many active subscriptions are listed by /prenumerationer, and this many ended ones. */
const MAX_LISTED = 30;
const MAX_ENDED = 10;

/** The outcomes of the subscription commands; `kind` is who gets the summary (or would). */
export type SubscriptionText =
  | SubscribeProblem
  | { code: 'subscription.unreadableCard' }
  | { code: 'subscription.cannotPost' }
  | { code: 'subscription.unchanged'; kind: ConversationKindCode; schedule: Schedule; next: Date }
  | { code: 'subscription.changed'; kind: ConversationKindCode; schedule: Schedule; before: Schedule; next: Date }
  | { code: 'subscription.created'; kind: ConversationKindCode; schedule: Schedule; next: Date }
  | { code: 'subscription.none'; kind: ConversationKindCode }
  | { code: 'subscription.ended'; kind: ConversationKindCode; schedule: Schedule }
  | { code: 'subscription.status'; subscription: Subscription; now: Date }
  /** A coordinator's list of the area's subscriptions, newest ended first. */
  | {
      code: 'subscription.list';
      area: string;
      active: readonly Subscription[];
      ended: readonly Subscription[];
      now: Date;
    };

const SUBSCRIBE_EXAMPLE = '/prenumerera torsdag 07:30';

function refused(reason: string): string {
  return `${reason} T.ex. ${SUBSCRIBE_EXAMPLE} eller /prenumerera måndag 8.15. Utan veckodag och tid blir det torsdag 07:30. Ingen prenumeration har sparats eller ändrats.`;
}

function dayWord(day: IsoWeekday): string {
  return SWEDISH_WEEKDAYS[day - 1] ?? '';
}

const next = (at: Date) => `Nästa: ${instantText(at)}.`;
const STOP = 'Skriv /avprenumerera för att sluta.';

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
  return `${next(nextSend(scheduleStateOf(s), now))} ${last}${pausedText(s)}`;
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

/** The lines of /prenumerationer after the conversation's own: the area's active, then its ended ones. */
function listText(area: string, active: readonly Subscription[], ended: readonly Subscription[], now: Date): string {
  const lines = [`**Alla prenumerationer i ${area}** (${active.length} ${active.length === 1 ? 'aktiv' : 'aktiva'}):`];
  if (active.length === 0) lines.push('Inga.');
  for (const s of active.slice(0, MAX_LISTED))
    lines.push(`• ${subscriptionLabel(s)}: ${scheduleText(scheduleOf(s))}. ${nextAndLast(s, now)}`);
  if (active.length > MAX_LISTED) lines.push(`… och ${active.length - MAX_LISTED} till.`);
  if (ended.length > 0) {
    lines.push('', `**Avslutade** (de senaste ${Math.min(ended.length, MAX_ENDED)}):`);
    for (const s of ended.slice(0, MAX_ENDED)) lines.push(`• ${subscriptionLabel(s)}: ${endedText(s)}`);
  }
  return lines.join('\n');
}

/** The sentence for each outcome of the subscription commands. */
export const subscriptionTexts: Catalogue<SubscriptionText> = {
  'subscribe.twoWeekdays': ({ first, second }) =>
    refused(`Skriv bara en veckodag (jag fick både ${dayWord(first)} och "${second}").`),
  'subscribe.twoTimes': ({ first, second }) => refused(`Skriv bara en tid (jag fick både ${first} och "${second}").`),
  'subscribe.badTime': ({ word }) => refused(`Tiden "${word}" finns inte; skriv den som TT:MM, från 00:00 till 23:59.`),
  'subscribe.notUnderstood': ({ word }) => refused(`Jag förstod inte "${word}". Skriv en veckodag och en tid.`),
  'subscription.unreadableCard': () =>
    'Kortet skickade något jag inte kan läsa. Skriv /prenumerera i stället. Ingen prenumeration har sparats.',
  'subscription.cannotPost': () =>
    'Jag kan inte skicka meddelanden hit på eget initiativ, så här går det inte att prenumerera. Ingen prenumeration har sparats.',
  'subscription.unchanged': ({ kind, schedule, next: at }) =>
    `Oförändrat: ${recipientText(kind)} får redan veckosammanfattningen ${scheduleText(schedule)}. ${next(at)} ${STOP}`,
  'subscription.changed': ({ kind, schedule, before, next: at }) =>
    `Ändrat: ${recipientText(kind)} får veckosammanfattningen ${scheduleText(schedule)} (förut ${scheduleText(before)}). ${next(at)} ${STOP}`,
  'subscription.created': ({ kind, schedule, next: at }) =>
    `Klart! ${recipientText(kind)} får veckosammanfattningen ${scheduleText(schedule)}. ${next(at)} ${STOP}`,
  'subscription.none': ({ kind }) =>
    `${recipientText(kind)} har ingen prenumeration. Skriv /prenumerera för att få veckosammanfattningen ${scheduleText(DEFAULT_SCHEDULE)}.`,
  'subscription.ended': ({ kind, schedule }) =>
    `Klart: ${recipientText(kind)} får inte längre veckosammanfattningen (den kom ${scheduleText(schedule)}). Skriv /prenumerera för att börja igen.`,
  'subscription.status': ({ subscription, now }) =>
    `${recipientText(subscription.conversationKind)} får veckosammanfattningen ${scheduleText(scheduleOf(subscription))}. ${nextAndLast(subscription, now)}`,
  'subscription.list': ({ area, active, ended, now }) => listText(area, active, ended, now),
};
