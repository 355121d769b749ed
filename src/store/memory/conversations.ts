// The memory store's subscriptions, meetings and reminders: the domain's transitions
// (subscriptionChange.ts, meetingChange.ts, reminderChange.ts) over lists held in this process, each
// change's audit records (conversationAudit.ts) appended with it.
import type { NewAuditRecord } from '../../domain/audit.js';
import {
  meetingRecords,
  renamedMeetingRecords,
  renamedSubscriptionRecords,
  subscribedRecord,
  subscriptionRecords,
} from '../../domain/conversationAudit.js';
import {
  activeMeetings,
  claimMeetingWeek,
  endMeetings,
  holdMeetings,
  releaseMeetings,
  renameMeetings,
  resumeMeetings,
  setMeeting,
} from '../../domain/meetingChange.js';
import {
  changePerson,
  claimNotice,
  claimReminderWeek,
  contactIsNews,
  findPerson,
  noteContact,
  pauseUntil,
  reminderSent,
  reported,
  setOff,
  unreachable,
} from '../../domain/reminderChange.js';
import {
  endSubscriptions,
  holdSubscriptions,
  pauseSubscription,
  recordSubscriptionSent,
  releaseSubscriptions,
  renameSubscriptions,
  resumeSubscriptions,
  subscribe,
  weekClaimable,
} from '../../domain/subscriptionChange.js';
import type { Meetings, ReminderIdentity, Reminders, SubscribeResult, Subscriptions } from '../../app/port/index.js';
import type { Meeting } from '../../domain/meetingRecord.js';
import type { Subscription } from '../../domain/subscription.js';
import { auditRecordOf, claimKey, copy, type MemoryState } from './state.js';
import { asError } from '../../errors/thrownValue.js';

/**
 * Stores the records (validated first, so an invalid one stores nothing) and runs `store`, which
 * keeps the change: both or neither, with nothing awaited between them.
 */
function together<R>(state: MemoryState, records: readonly NewAuditRecord[], store: () => R): Promise<R> {
  try {
    const valid = records.map(auditRecordOf);
    const result = store();
    state.audit.push(...valid);
    return Promise.resolve(copy(result));
  } catch (error) {
    return Promise.reject(asError(error));
  }
}

export function memorySubscriptions(state: MemoryState): Subscriptions {
  /** Stores the list the domain made with the records made of its result, and answers with a copy of the result. */
  const apply = <R>(
    change: { records: MemoryState['subscriptions']; result: R },
    records: (result: R) => NewAuditRecord[],
  ): Promise<R> =>
    together(state, records(change.result), () => {
      state.subscriptions = change.records;
      return change.result;
    });
  const each = (audit: Parameters<typeof subscriptionRecords>[0]) => (result: Subscription[]) =>
    subscriptionRecords(audit, result);
  const one = (audit: Parameters<typeof subscriptionRecords>[0]) => (result: Subscription | undefined) =>
    subscriptionRecords(audit, result ? [result] : []);
  const find = (id: string) => state.subscriptions.find((s) => s.id === id);
  return {
    all: () => Promise.resolve(copy(state.subscriptions)),
    active: () => Promise.resolve(copy(state.subscriptions.filter((s) => s.ended === undefined))),
    get: (id) => Promise.resolve(copy(find(id))),
    forConversation: (conversationId) =>
      Promise.resolve(copy(state.subscriptions.find((s) => s.conversationId === conversationId))),
    subscribe: (request, audit): Promise<SubscribeResult> => {
      const before = state.subscriptions.find((s) => s.conversationId === request.conversation.id);
      return apply(subscribe(state.subscriptions, request), (result) =>
        subscribedRecord(audit, result, before, request.schedule),
      );
    },
    end: async (conversationId, ended, audit) =>
      (await apply(endSubscriptions(state.subscriptions, { conversationId }, ended), each(audit)))[0],
    endWhere: (selection, ended, audit) => apply(endSubscriptions(state.subscriptions, selection, ended), each(audit)),
    resumeEnded: (selection, reason, audit) =>
      apply(resumeSubscriptions(state.subscriptions, selection, reason), each(audit)),
    rename: (conversationId, name, audit) =>
      apply(renameSubscriptions(state.subscriptions, conversationId, name), (result) =>
        renamedSubscriptionRecords(audit, result, name),
      ),
    hold: (teamId, held, audit) => apply(holdSubscriptions(state.subscriptions, teamId, held), each(audit)),
    release: (teamId, reason, audit) => apply(releaseSubscriptions(state.subscriptions, teamId, reason), each(audit)),
    pause: (id, paused, audit) => apply(pauseSubscription(state.subscriptions, id, paused), one(audit)),
    claimWeek: (id, week, at, claimTtlMs) =>
      Promise.resolve(weekClaimable(find(id), week) && claimKey(state, `week|${id}|${week}`, at, claimTtlMs)),
    recordSent: async (id, week, at, card, audit) => {
      await apply(recordSubscriptionSent(state.subscriptions, id, week, at, card), one(audit));
    },
  };
}

export function memoryMeetings(state: MemoryState): Meetings {
  const apply = <R>(
    change: { records: MemoryState['meetings']; result: R },
    records: (result: R) => NewAuditRecord[] = () => [],
  ): Promise<R> =>
    together(state, records(change.result), () => {
      state.meetings = change.records;
      return change.result;
    });
  const each = (audit: Parameters<typeof meetingRecords>[0]) => (result: Meeting[]) => meetingRecords(audit, result);
  return {
    active: () => Promise.resolve(copy(activeMeetings(state.meetings))),
    get: (id) => Promise.resolve(copy(state.meetings.find((m) => m.id === id))),
    forConversation: (conversationId) =>
      Promise.resolve(copy(state.meetings.find((m) => m.conversationId === conversationId))),
    set: (meeting, newId, audit) => apply(setMeeting(state.meetings, meeting, newId), () => [audit]),
    end: async (conversationId, ended, audit) =>
      (await apply(endMeetings(state.meetings, { conversationId }, ended), each(audit)))[0],
    endWhere: (selection, ended, audit) => apply(endMeetings(state.meetings, selection, ended), each(audit)),
    resumeEnded: (selection, reason, audit) => apply(resumeMeetings(state.meetings, selection, reason), each(audit)),
    rename: (conversationId, name, audit) =>
      apply(renameMeetings(state.meetings, conversationId, name), (result) =>
        renamedMeetingRecords(audit, result, name),
      ),
    hold: (teamId, held, audit) => apply(holdMeetings(state.meetings, teamId, held), each(audit)),
    release: (teamId, audit) => apply(releaseMeetings(state.meetings, teamId), each(audit)),
    claim: (id, week, date) => apply(claimMeetingWeek(state.meetings, id, week, date)),
  };
}

export function memoryReminders(state: MemoryState): Reminders {
  const change = (who: ReminderIdentity, apply: Parameters<typeof changePerson>[2], audit?: NewAuditRecord) =>
    together(state, audit ? [audit] : [], () => {
      const next = changePerson(state.people, who, apply);
      state.people = next.records;
      return next.result;
    });
  return {
    all: () => Promise.resolve(copy(state.people)),
    find: (who) => Promise.resolve(copy(findPerson(state.people, who))),
    async noteContact(who, at) {
      if (contactIsNews(state.people, who)) await change(who, noteContact(who.reference, who.name, at));
    },
    setOff: (who, off, at, audit) => change(who, setOff(off, at), audit),
    pause: (who, until, audit) => change(who, pauseUntil(until), audit),
    claim(who, week, at) {
      const next = claimReminderWeek(state.people, who, week, at);
      state.people = next.records;
      return Promise.resolve(next.result);
    },
    noticesSent: (areaId) =>
      Promise.resolve(new Set(state.notices.filter((n) => n.areaId === areaId).map((n) => n.key))),
    claimNotice(areaId, key, at) {
      const next = claimNotice(state.notices, areaId, key, at);
      state.notices = next.records;
      return Promise.resolve(next.result);
    },
    recordSent: (who, at, reference) => change(who, reminderSent(at, reference)),
    markUnreachable: (who, at, status) => change(who, unreachable(at, status)),
    markReported: (who, at) => change(who, reported(at)),
  };
}
