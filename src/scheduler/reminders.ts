// Sends the weekly reminders: to each person responsible for an activity (/ansvarig), one personal
// message listing what of theirs is behind, at the area's reminder time (moved off weekends and
// public holidays), at most once per person and week.
//
// At most once, also across restarts: the week is claimed in reminders.json before anything is sent
// (claim, then send). A crash between the claim and the send loses that week's reminder; we choose
// that over a second one, since a reminder nobody asked for twice is what makes people mute a bot,
// and next week's comes as usual. A week with nothing behind is claimed too and sends nothing, so
// something falling behind later that week does not bring a reminder on an odd day.
// The same job sends the coordinators' tertial notices (tertialNotices.ts), claimed the same way.
import {
  coordinatorChats,
  reminderContent,
  reminderReplies,
  reminderScheduleOf,
  reminderStateOf,
  tertialNoticeReplies,
} from '../app/reminders.js';
import { dueTertialNotice } from '../domain/tertialNotices.js';
import { agendaReplies } from '../app/meetingCommand.js';
import { dueAgenda } from '../domain/meeting.js';
import type { Schedule } from '../domain/schedule.js';
import type { Meeting } from '../domain/meetingRecord.js';
import type { Area } from '../domain/area.js';
import { stockholmDate } from '../domain/calendar.js';
import { dueReminderWeek } from '../domain/reminders.js';
import { responsiblePeople, type ResponsiblePerson } from '../domain/responsible.js';
import { text } from '../app/ports.js';
import { unreachableText, responsibleName } from '../views/reminderTexts.js';
import type { ProactiveJobDeps } from './jobDeps.js';
import { DEFAULT_RETRY_POLICY, withRetry } from './retry.js';

export type ReminderDeps = ProactiveJobDeps;

type ReminderOutcome = 'sent' | 'nothingBehind' | 'unreachable' | 'failed';

export interface ReminderReport {
  areaId: string;
  week: string;
  outcome: ReminderOutcome;
  /** Set when the bot opened the personal chat itself (createConversation). */
  opened?: boolean;
}

const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export class Reminders {
  #running: Promise<ReminderReport[]> | undefined;
  #stopped = false;

  constructor(private readonly deps: ReminderDeps) {}

  /** Sends every reminder due now; resolves when they are done. Never rejects. One tick runs at a time. */
  tick(): Promise<ReminderReport[]> {
    if (this.#stopped) return Promise.resolve([]);
    if (this.#running) return this.#running.then(() => []);
    this.#running = this.run().finally(() => {
      this.#running = undefined;
    });
    return this.#running;
  }

  stop(): void {
    this.#stopped = true;
  }

  private async run(): Promise<ReminderReport[]> {
    const { port: store, clock, logger } = this.deps;
    const reports: ReminderReport[] = [];
    const now = clock.now();
    const today = stockholmDate(now);
    const areas = await store.areas.areas();
    for (const area of areas) {
      for (const { person, activityIds } of responsiblePeople(area.responsible)) {
        try {
          const report = await this.remind(area, person, activityIds, now, today);
          if (report) reports.push(report);
        } catch (error) {
          logger.error({ err: error, areaId: area.id }, 'reminder failed');
        }
      }
    }
    for (const meeting of await store.meetings.active()) {
      try {
        await this.agenda(meeting, now);
      } catch (error) {
        logger.error({ err: error, meetingId: meeting.id }, 'agenda card failed');
      }
    }
    for (const area of areas) {
      try {
        await this.tertialNotice(area, now, today);
      } catch (error) {
        logger.error({ err: error, areaId: area.id }, 'tertial notice failed');
      }
    }
    return reports;
  }

  /**
   * One person's reminder for the week due, claimed before it is sent; undefined when none is due
   * or the week was claimed already.
   */
  private async remind(
    area: Area,
    person: ResponsiblePerson,
    activityIds: ReadonlySet<string>,
    now: Date,
    today: string,
  ): Promise<ReminderReport | undefined> {
    const { port: store, clock, logger } = this.deps;
    const record = await store.reminders.find(person);
    const week = dueReminderWeek(reminderStateOf(area, person, record), now);
    if (week === undefined) return undefined;
    const who = { id: person.id, upn: person.upn, name: responsibleName(person) };
    if (!(await store.reminders.claim(who, week, now))) return undefined;
    const content = await reminderContent(store.records(area.id), activityIds, today);
    if (!content || content.items.length === 0) return { areaId: area.id, week, outcome: 'nothingBehind' };
    const replies = reminderReplies({
      name: record?.name || person.name,
      agreementTitle: content.agreement.title,
      items: content.items,
    });
    const chat = await this.personalChat(area, person, activityIds, record?.reference, week);
    if (chat.kind !== 'reachable') return { areaId: area.id, week, outcome: chat.kind };
    const { reference, opened } = chat;
    const { result } = await withRetry(() => this.deps.notifier.send(reference, replies), {
      policy: this.deps.retryPolicy ?? DEFAULT_RETRY_POLICY,
      now: () => clock.now(),
      sleep: this.deps.sleep ?? realSleep,
      random: this.deps.random ?? Math.random,
      proceed: () => !this.#stopped,
    });
    if (result.kind === 'sent') {
      await store.reminders.recordSent(who, clock.now(), opened);
      logger.info(
        { areaId: area.id, week, items: content.items.length, opened: opened !== undefined },
        'reminder sent',
      );
      return { areaId: area.id, week, outcome: 'sent', ...(opened ? { opened: true } : {}) };
    }
    if (result.kind === 'gone') {
      await this.unreachable(area, person, activityIds, result.status);
      return { areaId: area.id, week, outcome: 'unreachable' };
    }
    logger.error({ areaId: area.id, week, result }, 'reminder not delivered; the week stays claimed');
    return { areaId: area.id, week, outcome: 'failed' };
  }

  /**
   * Where the person's reminder goes: the personal chat they had with the bot, or one the bot opens
   * (`opened`). A person the bot cannot reach has their coordinators told.
   */
  private async personalChat(
    area: Area,
    person: ResponsiblePerson,
    activityIds: ReadonlySet<string>,
    known: unknown,
    week: string,
  ): Promise<
    { kind: 'reachable'; reference: unknown; opened?: Record<string, unknown> } | { kind: 'unreachable' | 'failed' }
  > {
    if (known !== undefined) return { kind: 'reachable', reference: known };
    const open =
      person.id !== undefined && person.via !== undefined
        ? await this.deps.notifier.openPersonal(person.via, person.id)
        : undefined;
    if (open?.kind === 'opened') return { kind: 'reachable', reference: open.reference, opened: open.reference };
    if (open === undefined || open.kind === 'gone') {
      await this.unreachable(area, person, activityIds, open?.status);
      return { kind: 'unreachable' };
    }
    this.deps.logger.error(
      { areaId: area.id, week, result: open },
      'reminder not sent: the personal chat could not be opened',
    );
    return { kind: 'failed' };
  }

  /** An hour before a meeting: its agenda card in its conversation, claimed first so it is posted once a week. */
  private async agenda(meeting: Meeting, now: Date): Promise<void> {
    const { port: store, logger, notifier } = this.deps;
    const area = await store.areas.area(meeting.areaId);
    if (!area) return;
    const schedule = { weekday: meeting.weekday as Schedule['weekday'], time: meeting.time };
    const due = dueAgenda(schedule, new Date(meeting.since), meeting.lastWeek, now);
    if (!due) return;
    const replies = await agendaReplies(store.records(area.id), area, meeting, due.date, meeting.lastDate);
    if (!replies || !(await store.meetings.claim(meeting.id, due.week, due.date))) return;
    const result = await notifier.send(meeting.reference, replies);
    logger.info({ meetingId: meeting.id, week: due.week, result: result.kind }, 'agenda card');
  }

  /**
   * Two weeks before a tertial ends, and when it has ended: one message to each coordinator the bot
   * can reach. Claimed for the area before sending, as the reminders are, so it goes out once.
   */
  private async tertialNotice(area: Area, now: Date, today: string): Promise<void> {
    const { port: store, logger, notifier } = this.deps;
    const notice = dueTertialNotice(now, today, reminderScheduleOf(area), await store.reminders.noticesSent(area.id));
    if (!notice) return;
    const chats = await coordinatorChats(store.reminders, area);
    // Nobody to tell yet: the notice waits (within its window) for a coordinator to write to the bot.
    if (chats.length === 0) return;
    const replies = await tertialNoticeReplies(store.records(area.id), area, notice, today);
    if (!(await store.reminders.claimNotice(area.id, notice.key, now)) || !replies) return;
    let sent = 0;
    for (const chat of chats) if ((await notifier.send(chat.reference, replies)).kind === 'sent') sent++;
    logger.info({ areaId: area.id, notice: notice.key, coordinators: chats.length, sent }, 'tertial notice sent');
  }

  /**
   * The person cannot be reached (403: the app is not installed for them; or named by UPN and never
   * wrote to the bot). Recorded; the area's coordinators are told once, in the first personal chat
   * the bot has with one of them.
   */
  private async unreachable(
    area: Area,
    person: ResponsiblePerson,
    activityIds: ReadonlySet<string>,
    status: number | undefined,
  ): Promise<void> {
    const { port: store, clock, logger, notifier } = this.deps;
    const who = { id: person.id, upn: person.upn, name: responsibleName(person) };
    const record = await store.reminders.markUnreachable(who, clock.now(), status);
    logger.warn({ areaId: area.id, status }, 'a responsible person cannot be reached for reminders');
    if (record.unreachable?.reportedAt) return;
    const names = (await store.records(area.id).agreements())
      .flatMap((a) => a.activities)
      .filter((a, i, all) => activityIds.has(a.id) && all.findIndex((b) => b.id === a.id) === i)
      .map((a) => a.name);
    const coordinators = await coordinatorChats(store.reminders, area);
    for (const coordinator of coordinators) {
      const result = await notifier.send(coordinator.reference, [text(unreachableText(who.name, names))]);
      if (result.kind === 'sent') {
        await store.reminders.markReported(who, clock.now());
        return;
      }
    }
    logger.warn(
      { areaId: area.id, coordinatorsReachable: coordinators.length, schedule: reminderScheduleOf(area) },
      'no coordinator could be told that a responsible person is unreachable',
    );
  }
}
