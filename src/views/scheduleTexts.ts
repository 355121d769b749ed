// Swedish words for schedules and send times: "varje torsdag kl. 07:30", "torsdag 26 november 2026 kl. 07:30".
import { formatSwedishDate, isoWeekday, SWEDISH_WEEKDAYS, stockholmDate } from '../domain/calendar.js';
import type { Schedule } from '../domain/schedule.js';
import type { ConversationKindCode } from '../domain/subscription.js';

let timeFormatter: Intl.DateTimeFormat | undefined;

/** 'HH:MM' on the Stockholm clock at the instant. */
export function stockholmTimeOfDay(instant: Date): string {
  timeFormatter ??= new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Europe/Stockholm',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  return timeFormatter.format(instant);
}

function weekdayName(weekday: number): string {
  return SWEDISH_WEEKDAYS[weekday - 1] ?? '';
}

export function scheduleText(schedule: Schedule): string {
  return `varje ${weekdayName(schedule.weekday)} kl. ${schedule.time}`;
}

/** "torsdag 26 november 2026 kl. 07:30" */
export function instantText(instant: Date): string {
  const date = stockholmDate(instant);
  return `${weekdayName(isoWeekday(date))} ${formatSwedishDate(date)} kl. ${stockholmTimeOfDay(instant)}`;
}

/** Who gets the summary, as the subject of a sentence: "Den här kanalen", "Du". */
export function recipientText(kind: ConversationKindCode): string {
  switch (kind) {
    case 'channel':
      return 'Den här kanalen';
    case 'groupChat':
      return 'Den här gruppchatten';
    case 'personal':
      return 'Du';
  }
}

export function kindWord(kind: ConversationKindCode): string {
  switch (kind) {
    case 'channel':
      return 'kanal';
    case 'groupChat':
      return 'gruppchatt';
    case 'personal':
      return 'personlig chatt';
  }
}
