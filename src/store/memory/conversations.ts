// The memory store's subscriptions, meetings and reminders: the domain's transitions
// (subscriptionChange.ts, meetingChange.ts, reminderChange.ts) over lists held in this process.
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
import { claimKey, copy, type MemoryState } from './state.js';

export function memorySubscriptions(state: MemoryState): Subscriptions {
  /** Stores the list the domain made and answers with a copy of its result. */
  const apply = <R>(change: { records: MemoryState['subscriptions']; result: R }): Promise<R> => {
    state.subscriptions = change.records;
    return Promise.resolve(copy(change.result));
  };
  const find = (id: string) => state.subscriptions.find((s) => s.id === id);
  return {
    all: () => Promise.resolve(copy(state.subscriptions)),
    active: () => Promise.resolve(copy(state.subscriptions.filter((s) => s.ended === undefined))),
    get: (id) => Promise.resolve(copy(find(id))),
    forConversation: (conversationId) =>
      Promise.resolve(copy(state.subscriptions.find((s) => s.conversationId === conversationId))),
    subscribe: (request): Promise<SubscribeResult> => apply(subscribe(state.subscriptions, request)),
    end: async (conversationId, ended) =>
      (await apply(endSubscriptions(state.subscriptions, { conversationId }, ended)))[0],
    endWhere: (selection, ended) => apply(endSubscriptions(state.subscriptions, selection, ended)),
    resumeEnded: (selection, reason) => apply(resumeSubscriptions(state.subscriptions, selection, reason)),
    rename: (conversationId, name) => apply(renameSubscriptions(state.subscriptions, conversationId, name)),
    hold: (teamId, held) => apply(holdSubscriptions(state.subscriptions, teamId, held)),
    release: (teamId, reason) => apply(releaseSubscriptions(state.subscriptions, teamId, reason)),
    pause: (id, paused) => apply(pauseSubscription(state.subscriptions, id, paused)),
    claimWeek: (id, week, at, claimTtlMs) =>
      Promise.resolve(weekClaimable(find(id), week) && claimKey(state, `week|${id}|${week}`, at, claimTtlMs)),
    recordSent: async (id, week, at, card) => {
      await apply(recordSubscriptionSent(state.subscriptions, id, week, at, card));
    },
  };
}

export function memoryMeetings(state: MemoryState): Meetings {
  const apply = <R>(change: { records: MemoryState['meetings']; result: R }): Promise<R> => {
    state.meetings = change.records;
    return Promise.resolve(copy(change.result));
  };
  return {
    active: () => Promise.resolve(copy(activeMeetings(state.meetings))),
    get: (id) => Promise.resolve(copy(state.meetings.find((m) => m.id === id))),
    forConversation: (conversationId) =>
      Promise.resolve(copy(state.meetings.find((m) => m.conversationId === conversationId))),
    set: (meeting, newId) => apply(setMeeting(state.meetings, meeting, newId)),
    end: async (conversationId, ended) => (await apply(endMeetings(state.meetings, { conversationId }, ended)))[0],
    endWhere: (selection, ended) => apply(endMeetings(state.meetings, selection, ended)),
    resumeEnded: (selection, reason) => apply(resumeMeetings(state.meetings, selection, reason)),
    rename: (conversationId, name) => apply(renameMeetings(state.meetings, conversationId, name)),
    hold: (teamId, held) => apply(holdMeetings(state.meetings, teamId, held)),
    release: (teamId) => apply(releaseMeetings(state.meetings, teamId)),
    claim: (id, week, date) => apply(claimMeetingWeek(state.meetings, id, week, date)),
  };
}

export function memoryReminders(state: MemoryState): Reminders {
  const change = (who: ReminderIdentity, apply: Parameters<typeof changePerson>[2]) => {
    const next = changePerson(state.people, who, apply);
    state.people = next.records;
    return Promise.resolve(copy(next.result));
  };
  return {
    all: () => Promise.resolve(copy(state.people)),
    find: (who) => Promise.resolve(copy(findPerson(state.people, who))),
    async noteContact(who, at) {
      if (contactIsNews(state.people, who)) await change(who, noteContact(who.reference, who.name, at));
    },
    setOff: (who, off, at) => change(who, setOff(off, at)),
    pause: (who, until) => change(who, pauseUntil(until)),
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
