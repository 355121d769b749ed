// The weekly reminders as the app sees them: the area's reminder time (/påminnelsetid), a person's
// own reminders (/påminnelser, av, på; the card's Pausa 4 veckor and Sluta påminna mig), what one
// reminder holds, and keeping how to reach a person (their personal chat) when they write to the bot.
import { z } from 'zod';
import { isListed, type Area } from '../domain/area.js';
import { agreementForDate, type Agreement, type IsoDate } from '../domain/agreement.js';
import { addDays } from '../domain/calendar.js';
import {
  DEFAULT_REMINDER_SCHEDULE,
  nextReminder,
  parseReminderTimeArgs,
  REMINDER_PAUSE_DAYS,
  remindersFor,
  type ReminderItem,
  type ReminderState,
} from '../domain/reminders.js';
import {
  responsibleFor,
  responsiblePeople,
  samePerson,
  type PersonIdentity,
  type ResponsiblePerson,
} from '../domain/responsible.js';
import type { TertialNotice } from '../domain/tertialNotices.js';
import type { Schedule } from '../domain/schedule.js';
import { activityStatusOfDays } from '../domain/status.js';
import { fold } from '../domain/text.js';
import { reminderCard, reminderText, type ReminderCardInput } from '../views/reminderCard.js';
import { tertialNoticeCard, tertialNoticeText } from '../views/tertialNoticeCard.js';
import { render } from '../views/catalogue.js';
import {
  reminderCardTexts,
  responsibleName,
  remindersTexts,
  reminderTimeTexts,
  type ReminderTimeOutcome,
  type RemindersText,
} from '../views/reminderTexts.js';
import { currentAgreement } from './agreements.js';
import { behindPlan } from './behindPlan.js';
import { turnAuditRecord, viaOf } from './audit.js';
import { resolveTurnArea } from './areaCommands.js';
import { COORDINATOR_ONLY, isCoordinator, personOf, type BaseTurn, type Turn } from './context.js';
import { followUpCommand } from './followUpCommand.js';
import { logForm } from './logCommand.js';
import { card, text, type Reply } from './ports.js';
import type { ReminderPerson } from '../domain/reminderRecord.js';
import type { AreaRecords, Reminders } from './port/index.js';
import { dayTotalsOf } from './dayTotals.js';

/**
 * The personal chats the bot has with the area's coordinators (those who wrote to it): where the bot
 * tells them what it noticed itself (someone unreachable, a tertial ending, a channel deleted).
 */
export async function coordinatorChats(reminders: Reminders, area: Area): Promise<ReminderPerson[]> {
  return (await reminders.all()).filter(
    (p) => p.reference && isListed(area.coordinators, [p.userId, p.aadObjectId, p.upn]),
  );
}

/** The area's reminder time: what /påminnelsetid set, or måndag 09:00. */
export function reminderScheduleOf(area: Area): Schedule {
  const set = area.reminderTime;
  return set ? { weekday: set.weekday as Schedule['weekday'], time: set.time } : DEFAULT_REMINDER_SCHEDULE;
}

/** One responsible person's reminder state: the area's time, from when they were named (or the time last changed). */
export function reminderStateOf(
  area: Area,
  person: ResponsiblePerson,
  record: ReminderPerson | undefined,
): ReminderState {
  const since = [person.since, area.reminderTime?.since]
    .filter((s): s is string => s !== undefined)
    .sort()
    .at(-1);
  return {
    schedule: reminderScheduleOf(area),
    since: new Date(since ?? person.since),
    ...(record?.lastWeek ? { lastWeek: record.lastWeek } : {}),
    ...(record?.pausedUntil ? { pausedUntil: record.pausedUntil } : {}),
    ...(record?.off ? { off: true } : {}),
  };
}

/** What a reminder to someone responsible for `activityIds` lists today, in the agreement running today. */
export async function reminderContent(
  records: AreaRecords,
  activityIds: ReadonlySet<string>,
  today: IsoDate,
): Promise<{ agreement: Agreement; items: ReminderItem[] } | undefined> {
  const agreement = currentAgreement(await records.agreements(), today);
  if (!agreement || today > agreement.period.end) return undefined;
  const completions = await records.completions(agreement.id);
  const daysOf = await dayTotalsOf(records, agreement);
  const mine = agreement.activities.filter((a) => activityIds.has(a.id));
  const statuses = mine.map((a) => activityStatusOfDays(agreement, a, daysOf(a.id), completions, today));
  const dates = new Map(
    mine.map((a) => [
      a.id,
      daysOf(a.id)
        .filter((d) => d.occasions > 0)
        .map((d) => d.date),
    ]),
  );
  return { agreement, items: remindersFor(agreement, statuses, dates, activityIds, today) };
}

/** The reminder message: one card with every listed activity. */
export function reminderReplies(input: ReminderCardInput): Reply[] {
  return [card(reminderCard(input), reminderText(input))];
}

/** The turn's person as the reminders know people: Teams id, Entra object id, and the UPN when asked for. */
async function identityOf(turn: BaseTurn, withUpn: boolean): Promise<PersonIdentity & { name: string }> {
  const { user } = turn.input;
  let upn: string | undefined;
  if (withUpn && user.resolveUpn) {
    try {
      upn = (await user.resolveUpn())?.toLowerCase();
    } catch (error) {
      turn.log.warn({ err: error }, 'could not look up the user principal name for reminders');
    }
  }
  return {
    id: user.id,
    name: user.name,
    ...(user.aadObjectId ? { aadObjectId: user.aadObjectId } : {}),
    ...(upn ? { upn } : {}),
  };
}

/** True when someone in the area is named by UPN only: matching them needs the writer's UPN. */
function namesByUpn(area: Area): boolean {
  return (area.responsible ?? []).some((r) => r.people.some((p) => p.id === undefined));
}

/** The responsible person the turn's user is, with their activities, or undefined. */
async function meAsResponsible(turn: Turn) {
  const me = await identityOf(turn, namesByUpn(turn.area));
  const mine = responsiblePeople(turn.area.responsible).find((r) => samePerson(r.person, me));
  return { me, mine };
}

/**
 * In a personal chat: keeps how to reach the writer later (their reminders, a coordinator's
 * report). Writes only for someone new or whose chat changed; a failure never stops the turn.
 */
export async function noteContact(turn: BaseTurn): Promise<void> {
  const reference = turn.input.conversationReference;
  if (turn.input.conversation.kind !== 'personal' || typeof reference !== 'object' || reference === null) return;
  try {
    // Only someone whose tenant may use the bot; the UPN is asked for only when their area names people by it.
    const resolution = await resolveTurnArea(turn);
    if (resolution.kind === 'refused') return;
    const { reminders } = turn.deps.port;
    const known = await reminders.find({ id: turn.input.user.id, aadObjectId: turn.input.user.aadObjectId });
    const byUpn = resolution.kind === 'area' ? namesByUpn(resolution.area) : resolution.areas.some(namesByUpn);
    const me = await identityOf(turn, known?.upn === undefined && byUpn);
    await reminders.noteContact({ ...me, reference: reference as Record<string, unknown> }, turn.now);
  } catch (error) {
    turn.log.warn({ err: error }, 'could not keep the personal chat for reminders');
  }
}

/** "/påminnelsetid [veckodag HH:MM]": shows the area's time, or sets it (coordinators). */
export async function reminderTimeCommand(turn: Turn, args: string): Promise<Reply[]> {
  const say = (o: ReminderTimeOutcome) => [text(render(reminderTimeTexts, o))];
  const current = reminderScheduleOf(turn.area);
  if (args.trim().length === 0)
    return say({ code: 'reminderTime.shown', schedule: current, isDefault: !turn.area.reminderTime });
  const parsed = parseReminderTimeArgs(args);
  if (!parsed.ok) return say(parsed);
  if (!(await isCoordinator(turn))) return [text(COORDINATOR_ONLY)];
  const { schedule } = parsed;
  if (turn.area.reminderTime && schedule.weekday === current.weekday && schedule.time === current.time)
    return say({ code: 'reminderTime.unchanged', schedule });
  const updated = await turn.deps.port.areas.updateArea(
    turn.area.id,
    { kind: 'reminderTimeSet', weekday: schedule.weekday, time: schedule.time, since: turn.now.toISOString() },
    { by: personOf(turn), at: turn.now, via: viaOf(turn) },
  );
  turn.log.info({ areaId: turn.area.id, weekday: schedule.weekday, time: schedule.time }, 'reminder time set');
  const next = updated.ok ? nextReminder({ schedule, since: turn.now }, turn.now) : undefined;
  return say({ code: 'reminderTime.set', schedule, next });
}

/** The reply saying `outcome`. */
const say = (outcome: RemindersText): Reply[] => [text(render(remindersTexts, outcome))];

/** "/påminnelser", "/påminnelser av", "/påminnelser på". */
export async function remindersCommand(turn: Turn, args: string): Promise<Reply[]> {
  const word = fold(args);
  if (word === 'av' || word === 'pa') return switchReminders(turn, word === 'av' ? 'off' : 'on');
  if (word.length > 0) return say({ code: 'reminders.usage' });
  const { me, mine } = await meAsResponsible(turn);
  const record = await turn.deps.port.reminders.find(me);
  if (!mine) return say({ code: 'reminders.mine', activities: [], off: false, behind: [] });
  const agreement = currentAgreement(await turn.records.agreements(), turn.today);
  const names = (agreement?.activities ?? []).filter((a) => mine.activityIds.has(a.id)).map((a) => a.name);
  const content = await reminderContent(turn.records, mine.activityIds, turn.today);
  return say({
    code: 'reminders.mine',
    activities: names,
    off: record?.off !== undefined,
    pausedUntil: record?.pausedUntil !== undefined && record.pausedUntil > turn.today ? record.pausedUntil : undefined,
    next: nextReminder(reminderStateOf(turn.area, mine.person, record), turn.now),
    behind: (content?.items ?? []).map((i) => i.name),
  });
}

async function switchReminders(turn: Turn, to: 'off' | 'on'): Promise<Reply[]> {
  const { me } = await meAsResponsible(turn);
  const { reminders } = turn.deps.port;
  const before = await reminders.find(me);
  const isOff = before?.off !== undefined;
  if (to === 'off' && isOff) return say({ code: 'reminders.alreadyOff' });
  if (to === 'on' && !isOff && before?.pausedUntil === undefined) return say({ code: 'reminders.alreadyOn' });
  await reminders.setOff(
    me,
    to === 'off',
    turn.now,
    turnAuditRecord(turn, { action: 'reminders.changed', detail: to }),
  );
  turn.log.info({ areaId: turn.area.id, reminders: to }, 'reminders switched');
  return say({ code: to === 'off' ? 'reminders.off' : 'reminders.on' });
}

const reminderActionSchema = z.discriminatedUnion('verb', [
  z.object({ verb: z.literal('reminder.log'), activityId: z.string().min(1).max(100) }),
  z.object({ verb: z.literal('reminder.pause') }),
  z.object({ verb: z.literal('reminder.stop') }),
]);

export const REMINDER_VERBS: readonly string[] = ['reminder.log', 'reminder.pause', 'reminder.stop'];

/** The reminder card's buttons: Logga (the log form with the activity chosen), Pausa 4 veckor, Sluta påminna mig. */
export async function reminderAction(turn: Turn, value: unknown): Promise<Reply[]> {
  const parsed = reminderActionSchema.safeParse(value);
  if (!parsed.success) return [text(render(reminderCardTexts, { code: 'reminder.unreadableCard' }))];
  const action = parsed.data;
  if (action.verb === 'reminder.log') return logForm(turn, undefined, { activityId: action.activityId });
  if (action.verb === 'reminder.stop') return switchReminders(turn, 'off');
  const { me } = await meAsResponsible(turn);
  const until = addDays(turn.today, REMINDER_PAUSE_DAYS);
  await turn.deps.port.reminders.pause(
    me,
    until,
    turnAuditRecord(turn, { action: 'reminders.changed', detail: 'paused' }),
  );
  turn.log.info({ areaId: turn.area.id }, 'reminders paused');
  return say({ code: 'reminders.paused', until });
}

/**
 * The coordinator's tertial notice for the area: the card, or undefined when the tertial has no
 * agreement. The closing notice lists what is behind plan today with who is responsible.
 */
export async function tertialNoticeReplies(
  records: AreaRecords,
  area: Area,
  notice: TertialNotice,
  today: IsoDate,
): Promise<Reply[] | undefined> {
  const agreement = agreementForDate(await records.agreements(), notice.end);
  if (!agreement) return undefined;
  const behind = (await behindPlan(records, agreement, today)).map((s) => ({
    status: s,
    responsible: responsibleFor(area.responsible, s.activity.id).map(responsibleName),
  }));
  const input = { notice, agreementTitle: agreement.title, behind };
  return [card(tertialNoticeCard(input), tertialNoticeText(input))];
}

const openFollowUpSchema = z.object({
  verb: z.literal('followUp.open'),
  year: z.number().int().min(2000).max(9999),
  tertial: z.union([z.literal(1), z.literal(2), z.literal(3)]),
});

/** The tertial notice's "Granska uppföljningen": the same as typing /uppföljning T2 2020. */
export function openFollowUpAction(turn: Turn, value: unknown): Promise<Reply[]> | Reply[] {
  const parsed = openFollowUpSchema.safeParse(value);
  if (!parsed.success) return [text(render(reminderCardTexts, { code: 'tertialNotice.unreadableCard' }))];
  return followUpCommand(turn, `T${parsed.data.tertial} ${parsed.data.year}`);
}
