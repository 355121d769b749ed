// "/möte <veckodag> <HH:MM> <aktivitet>", "/möte av", "/möte": the weekly meeting of a group chat
// or channel, its agenda card (posted an hour before by the reminder job) and the card's Logga
// mötet, which logs the meeting's activity once for the whole group: every attendee who presses it
// joins the one occasion (src/domain/occasion.ts), named by the meeting and its date, so two
// presses at the same moment cannot make two; a second press by the same person logs nothing more.
import { z } from 'zod';
import { agreementForDate, type Agreement, type IsoDate } from '../domain/agreement.js';
import { addDays, isValidIsoDate, stockholmInstant } from '../domain/calendar.js';
import { isActive } from '../domain/entry.js';
import { matchActivities } from '../domain/matching.js';
import { AGENDA_LEAD_MS, meetingDateInWeekOf, parseMeetingArgs } from '../domain/meeting.js';
import { occasionIdOf } from '../domain/occasion.js';
import { responsibleFor } from '../domain/responsible.js';
import type { Schedule } from '../domain/schedule.js';
import { render } from '../views/catalogue.js';
import { agendaCard, agendaText, meetingTexts, type AgendaInput, type MeetingOutcome } from '../views/meetingTexts.js';
import { responsibleName } from '../views/reminderTexts.js';
import { ended, recordTexts } from '../views/logTexts.js';
import { currentAgreement } from './agreements.js';
import { behindPlan } from './behindPlan.js';
import { turnAuditRecord } from './audit.js';
import { personOf, type Turn } from './context.js';
import { card, text, type Reply } from './ports.js';
import { loggedReply, recordEntry } from './recordEntry.js';
import type { AreaRecords } from './port/index.js';
import type { Area } from '../domain/area.js';

/** The reply saying `o`. */
const say = (o: MeetingOutcome): Reply[] => [text(render(meetingTexts, o))];

/** The meeting's next agenda card: an hour before its next start after `now`. */
function nextAgendaAt(schedule: Schedule, now: Date, today: IsoDate): Date {
  for (const weekOf of [today, addDays(today, 7)]) {
    const at = stockholmInstant(meetingDateInWeekOf(schedule, weekOf), schedule.time);
    if (at.getTime() > now.getTime()) return new Date(Math.max(at.getTime() - AGENDA_LEAD_MS, now.getTime()));
  }
  return now;
}

/**
 * "/möte <veckodag> <HH:MM> <aktivitet>" sets the conversation's meeting, "/möte av" ends it, "/möte"
 * shows it. Not in a personal chat; the activity must be in today's agreement.
 */
export async function meetingCommand(turn: Turn, args: string): Promise<Reply[]> {
  const { conversation } = turn.input;
  if (conversation.kind === 'personal') return say({ code: 'meeting.personal' });
  const meetings = turn.deps.port.meetings;
  const existing = await meetings.forConversation(conversation.id);
  const agreements = await turn.records.agreements();
  const nameOf = (activityId: string) =>
    agreements.flatMap((a) => a.activities).find((a) => a.id === activityId)?.name ?? activityId;
  const parsed = parseMeetingArgs(args);
  if (!parsed.ok) return say(parsed);
  if (parsed.kind === 'show') {
    if (!existing || existing.ended) return say({ code: 'meeting.none' });
    const schedule = { weekday: existing.weekday as Schedule['weekday'], time: existing.time };
    return say({ code: 'meeting.shown', activity: nameOf(existing.activityId), schedule });
  }
  if (parsed.kind === 'off') {
    const ended = await meetings.end(
      conversation.id,
      { at: turn.now.toISOString(), by: personOf(turn) },
      turnAuditRecord(turn, { action: 'meeting.changed', detail: 'ended' }),
    );
    if (!ended) return say({ code: 'meeting.none' });
    return say({ code: 'meeting.ended', activity: nameOf(ended.activityId) });
  }
  const agreement = currentAgreement(agreements, turn.today);
  if (!agreement || turn.today > agreement.period.end) return say({ code: 'meeting.noAgreement' });
  const typed = parsed.activityWords.join(' ');
  const match = matchActivities(agreement.activities, parsed.activityWords);
  if (match.candidates.length > 1)
    return say({ code: 'meeting.severalActivities', typed, names: match.candidates.map((a) => a.name) });
  const activity = match.candidates[0];
  if (!activity) return say({ code: 'meeting.noActivity', typed });
  const reference = turn.input.conversationReference;
  if (typeof reference !== 'object' || reference === null) return say({ code: 'meeting.cannotPost' });
  await meetings.set(
    {
      conversationId: conversation.id,
      ...(conversation.name ? { conversationName: conversation.name } : {}),
      ...(conversation.teamId ? { teamId: conversation.teamId } : {}),
      areaId: turn.area.id,
      reference: reference as Record<string, unknown>,
      weekday: parsed.schedule.weekday,
      time: parsed.schedule.time,
      activityId: activity.id,
      since: turn.now.toISOString(),
      by: personOf(turn),
    },
    turn.deps.newId,
    turnAuditRecord(turn, {
      action: 'meeting.changed',
      activityId: activity.id,
      detail: `${parsed.schedule.weekday} ${parsed.schedule.time}`,
    }),
  );
  turn.log.info({ areaId: turn.area.id, activityId: activity.id }, 'meeting set');
  return say({
    code: 'meeting.set',
    activity: activity.name,
    schedule: parsed.schedule,
    agendaAt: nextAgendaAt(parsed.schedule, turn.now, turn.today),
  });
}

/**
 * The agenda card for the meeting on `date`: behind plan in the agreement that day (with who is
 * responsible), and what was logged after the last meeting (`lastDate`, or a week back) up to `date`.
 */
export async function agendaReplies(
  records: AreaRecords,
  area: Area,
  meeting: { id: string; activityId: string },
  date: IsoDate,
  lastDate: IsoDate | undefined,
): Promise<Reply[] | undefined> {
  const agreement = agreementForDate(await records.agreements(), date);
  if (!agreement) return undefined;
  const behind = (await behindPlan(records, agreement, date)).map((s) => ({
    status: s,
    responsible: responsibleFor(area.responsible, s.activity.id).map((p) => ({ name: responsibleName(p), id: p.id })),
  }));
  const since = lastDate !== undefined && lastDate < date ? addDays(lastDate, 1) : addDays(date, -7);
  const occasions = new Map<string, Set<string>>();
  for (const e of await records.entries(agreement.id)) {
    if (!isActive(e) || e.date < since || e.date > date) continue;
    const set = occasions.get(e.activityId) ?? new Set<string>();
    set.add(occasionIdOf(e));
    occasions.set(e.activityId, set);
  }
  const logged = agreement.activities
    .filter((a) => occasions.has(a.id))
    .map((a) => ({ name: a.name, occasions: occasions.get(a.id)?.size ?? 0 }));
  const input: AgendaInput = {
    meetingId: meeting.id,
    date,
    activityName: agreement.activities.find((a) => a.id === meeting.activityId)?.name ?? '',
    behind,
    logged,
    since,
  };
  return [card(agendaCard(input), agendaText(input))];
}

const meetingLogSchema = z.object({
  verb: z.literal('meeting.log'),
  meetingId: z.string().min(1).max(100),
  date: z.string().refine(isValidIsoDate),
});

/** The occasion every attendee's Logga mötet joins: one per meeting and date. */
function meetingOccasionId(meetingId: string, date: IsoDate): string {
  return `meeting-${meetingId}-${date}`;
}

/** Logga mötet: the presser's entry for the meeting's activity that day, in the meeting's one occasion. */
export async function meetingLogAction(turn: Turn, value: unknown): Promise<Reply[]> {
  const parsed = meetingLogSchema.safeParse(value);
  const meeting = parsed.success ? await turn.deps.port.meetings.get(parsed.data.meetingId) : undefined;
  if (!parsed.success || !meeting || meeting.areaId !== turn.area.id) return say({ code: 'meeting.notFound' });
  const { date } = parsed.data;
  const agreement: Agreement | undefined = agreementForDate(await turn.records.agreements(), date);
  const activity = agreement?.activities.find((a) => a.id === meeting.activityId);
  if (!agreement || !activity) return say({ code: 'meeting.activityGone' });
  const sourceId = `meeting:${meeting.id}:${date}:${personOf(turn).id}`;
  const already = await turn.records.findBySource(sourceId);
  if (already && isActive(already)) return [await loggedReply(turn, already, agreement, activity, false)];
  const result = await recordEntry(turn, {
    agreement,
    activity,
    date,
    count: 1,
    // A taken-back press may be pressed again: that is a new entry, in the same occasion.
    sourceId: already ? `${sourceId}:${turn.deps.newId()}` : sourceId,
    occasion: { join: meetingOccasionId(meeting.id, date) },
  });
  if (!result.ok) return [text(ended(recordTexts, result.refusal, 'nothingStored'))];
  return [await loggedReply(turn, result.entry, agreement, activity, result.stored)];
}
