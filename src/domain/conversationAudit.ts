// The audit records of changes to subscriptions and meetings. A change may touch several of them (a
// team deleted in Teams ends every channel's), so the caller gives one record without what differs
// per subscription or meeting, and every store completes it here, with the change, in the same
// write or transaction: whatever store holds them, the records read back the same.
import type { NewAuditRecord } from './audit.js';
import type { Meeting } from './meetingRecord.js';
import type { Schedule } from './schedule.js';
import type { Subscription } from './subscription.js';

/**
 * The record of a change to subscriptions: the store adds each one's `subscriptionId`, and its
 * `conversationId` and `areaId` where the record names none.
 */
export type SubscriptionAudit = Omit<NewAuditRecord, 'subscriptionId'>;

/** The record of a subscribe: the store adds the action (created, changed, resumed), the id and the schedule's change. */
export type SubscribeAudit = Omit<NewAuditRecord, 'action' | 'subscriptionId' | 'changes'>;

/**
 * The record of a change to meetings: the store adds each one's `activityId`, and its
 * `conversationId` and `areaId` where the record names none.
 */
export type MeetingAudit = Omit<NewAuditRecord, 'activityId'>;

/** The record of a rename: as the others, and the store adds the name's change (`changes.name`). */
export type RenameAudit<A extends SubscriptionAudit | MeetingAudit> = Omit<A, 'changes'>;

/** Where the record names no conversation or area, the ones the changed subscription or meeting is in. */
function placed<T extends Omit<NewAuditRecord, 'subscriptionId' | 'activityId'>>(
  record: T,
  of: { conversationId: string; areaId?: string | undefined },
): T {
  return {
    ...record,
    conversationId: record.conversationId ?? of.conversationId,
    ...(record.areaId === undefined && of.areaId !== undefined ? { areaId: of.areaId } : {}),
  };
}

/** One record per subscription changed (none when none was), completed as SubscriptionAudit says. */
export function subscriptionRecords(
  audit: SubscriptionAudit | undefined,
  changed: readonly Subscription[],
): NewAuditRecord[] {
  if (!audit) return [];
  return changed.map((s) => ({ ...placed(audit, s), subscriptionId: s.id }));
}

/** The records of a rename: each subscription's, with its name from `from` (null when it had none) to `name`. */
export function renamedSubscriptionRecords(
  audit: RenameAudit<SubscriptionAudit> | undefined,
  renamed: readonly { from: string | undefined; subscription: Subscription }[],
  name: string,
): NewAuditRecord[] {
  if (!audit) return [];
  return renamed.map((r) => ({
    ...placed(audit, r.subscription),
    subscriptionId: r.subscription.id,
    changes: { name: { from: r.from ?? null, to: name } },
  }));
}

/**
 * The record of a subscribe: `subscription.<change>`, with the schedule as it was (`before`, for a
 * change of an active subscription) and as it is now.
 */
export function subscribedRecord(
  audit: SubscribeAudit | undefined,
  result: { subscription: Subscription; change: 'created' | 'changed' | 'resumed' },
  before: Subscription | undefined,
  schedule: Schedule,
): NewAuditRecord[] {
  if (!audit) return [];
  const was = before && result.change === 'changed' ? before : undefined;
  return [
    {
      ...audit,
      action: `subscription.${result.change}`,
      subscriptionId: result.subscription.id,
      changes: {
        weekday: was ? { from: was.weekday, to: schedule.weekday } : { to: schedule.weekday },
        time: was ? { from: was.time, to: schedule.time } : { to: schedule.time },
      },
    },
  ];
}

/** One record per meeting changed (none when none was), completed as MeetingAudit says. */
export function meetingRecords(audit: MeetingAudit | undefined, changed: readonly Meeting[]): NewAuditRecord[] {
  if (!audit) return [];
  return changed.map((m) => ({ ...placed(audit, m), activityId: m.activityId }));
}

/** The records of a rename: each meeting's, with its name from `from` (null when it had none) to `name`. */
export function renamedMeetingRecords(
  audit: RenameAudit<MeetingAudit> | undefined,
  renamed: readonly { meeting: Meeting; from?: string }[],
  name: string,
): NewAuditRecord[] {
  if (!audit) return [];
  return renamed.map((r) => ({
    ...placed(audit, r.meeting),
    activityId: r.meeting.activityId,
    changes: { name: { from: r.from ?? null, to: name } },
  }));
}
