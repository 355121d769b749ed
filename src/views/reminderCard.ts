// The weekly reminder to a responsible person: their activities behind plan or with nothing logged
// for their rhythm, each with a Logga button (the log form, with the activity chosen), and Pausa 4
// veckor / Sluta påminna mig.
import type { ReminderItem } from '../domain/reminders.js';
import { expandCard, type AdaptiveCard } from './cards.js';
import { statusCardColor, statusMark, statusWord } from './statusWords.js';

const LAST_PERIOD = {
  weekly: 'inget loggat förra veckan',
  weekendNights: 'inget loggat förra helgen',
  monthly: 'inget loggat förra månaden',
} as const;

/** Why the activity is listed, in Swedish: "långt efter", or "inget loggat förra veckan". */
function reminderWhy(item: ReminderItem): string {
  if (item.reason === 'nothingLastPeriod' && item.rhythm) {
    const status = item.status === 'onTrack' || item.status === 'notStarted' ? '' : ` (${statusWord(item.status)})`;
    return `${LAST_PERIOD[item.rhythm]}${status}`;
  }
  return statusWord(item.status);
}

export interface ReminderCardInput {
  name: string;
  agreementTitle: string;
  items: readonly ReminderItem[];
}

export function reminderCard(input: ReminderCardInput): AdaptiveCard {
  const first = input.name.split(/\s+/u)[0] ?? '';
  return expandCard('reminder', {
    title: `Påminnelse: ${input.items.length === 1 ? '1 aktivitet' : `${input.items.length} aktiviteter`} att logga`,
    intro: `Hej${first ? ` ${first}` : ''}! Du är ansvarig för ${input.items.length === 1 ? 'en aktivitet' : 'aktiviteter'} i ${input.agreementTitle} som ligger efter. Har ni gjort något som inte är loggat? Tryck Logga.`,
    items: input.items.map((item) => ({
      mark:
        item.reason === 'nothingLastPeriod' && (item.status === 'onTrack' || item.status === 'notStarted')
          ? '⏰'
          : statusMark(item.status),
      name: item.name,
      why: reminderWhy(item),
      color: item.reason === 'nothingLastPeriod' ? 'Default' : statusCardColor(item.status),
      submit: { verb: 'reminder.log', activityId: item.activityId },
    })),
    footer:
      'Påminnelsen kommer en gång i veckan när något av ditt ligger efter. /påminnelser visar dina, /påminnelser av stänger av dem.',
  });
}

/** The reminder as plain text (the notification, clients without cards). */
export function reminderText(input: ReminderCardInput): string {
  return `Påminnelse: ${input.items.map((i) => `${i.name} (${reminderWhy(i)})`).join(', ')}.`;
}
