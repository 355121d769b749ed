// Swedish words for who is responsible (/ansvarig), the reminder time (/påminnelsetid) and a
// person's own reminders (/påminnelser). The app decides; these only say it.
import { formatSwedishDate } from '../domain/calendar.js';
import type { ReminderTimeProblem } from '../domain/reminders.js';
import type { ResponsiblePerson } from '../domain/responsible.js';
import type { Schedule } from '../domain/schedule.js';
import type { Catalogue } from './catalogue.js';
import { instantText, scheduleText } from './scheduleTexts.js';

/** A responsible person as shown: their Teams name, or the UPN they were named by. */
export function responsibleName(p: ResponsiblePerson): string {
  return p.name || p.upn || 'okänd';
}

const RESPONSIBLE_USAGE =
  'Skriv /ansvarig <aktivitet> för att se vem som är ansvarig, /ansvarig <aktivitet> @namn för att göra någon ansvarig (i en kanal eller gruppchatt där de är med; i en personlig chatt med deras e-postadress, namn@kommun.se) och /ansvarig <aktivitet> ta bort @namn för att ta bort någon.';

/** The outcomes of /ansvarig: who is responsible, a coordinator's change, or why nothing changed. */
export type ResponsibleOutcome =
  | { code: 'responsible.list'; activity: string; names: readonly string[] }
  | { code: 'responsible.overview'; rows: readonly { activity: string; names: readonly string[] }[] }
  | {
      code: 'responsible.added';
      activity: string;
      added: readonly string[];
      already: readonly string[];
      names: readonly string[];
    }
  | { code: 'responsible.removed'; activity: string; removed: readonly string[]; names: readonly string[] }
  | { code: 'responsible.notResponsible'; activity: string; who: readonly string[] }
  | { code: 'responsible.noActivity'; typed: string; title: string }
  | { code: 'responsible.severalActivities'; typed: string; names: readonly string[] }
  | { code: 'responsible.noPeople' }
  | { code: 'responsible.namesWithoutMention'; words: string }
  | { code: 'responsible.noAgreement' };

const list = (names: readonly string[]) => (names.length > 0 ? names.join(', ') : 'ingen');

/** The sentence for each outcome of /ansvarig. */
export const responsibleTexts: Catalogue<ResponsibleOutcome> = {
  'responsible.list': (o) =>
    o.names.length > 0
      ? `Ansvariga för ${o.activity}: ${o.names.join(', ')}.`
      : `Ingen är ansvarig för ${o.activity} än. En samordnare kan skriva /ansvarig ${o.activity} @namn i en kanal eller gruppchatt där personen är med, eller /ansvarig ${o.activity} namn@kommun.se här.`,
  'responsible.overview': (o) =>
    o.rows.length > 0
      ? `Ansvariga:\n\n${o.rows.map((r) => `• ${r.activity}: ${list(r.names)}`).join('\n')}\n\n${RESPONSIBLE_USAGE}`
      : `Ingen är ansvarig för någon aktivitet än. ${RESPONSIBLE_USAGE}`,
  'responsible.added': (o) =>
    [
      o.added.length > 0 ? `✅ ${o.added.join(', ')} är nu ansvarig för ${o.activity}.` : '',
      o.already.length > 0 ? `${o.already.join(', ')} var redan ansvarig.` : '',
      `Ansvariga för ${o.activity}: ${list(o.names)}. De får en påminnelse i sin personliga chatt när något är efter plan.`,
    ]
      .filter((s) => s.length > 0)
      .join(' '),
  'responsible.removed': (o) =>
    `✅ ${o.removed.join(', ')} är inte längre ansvarig för ${o.activity}. Ansvariga: ${list(o.names)}.`,
  'responsible.notResponsible': (o) =>
    `${o.who.join(', ')} är inte ansvarig för ${o.activity}. Inget har ändrats. Skriv /ansvarig ${o.activity} för listan.`,
  'responsible.noActivity': (o) => `Jag hittar ingen aktivitet "${o.typed}" i ${o.title}. Inget har ändrats.`,
  'responsible.severalActivities': (o) =>
    `"${o.typed}" passar flera aktiviteter: ${o.names.join(', ')}. Skriv fler ord ur namnet. Inget har ändrats.`,
  'responsible.noPeople': () => `Skriv vem, t.ex. /ansvarig krogtillsyn @Anna. ${RESPONSIBLE_USAGE}`,
  'responsible.namesWithoutMention': (o) =>
    `Jag vet inte vem "${o.words}" är: @nämn dem i en kanal eller gruppchatt där de är med, eller skriv deras e-postadress (namn@kommun.se). Inget har ändrats.`,
  'responsible.noAgreement': () =>
    'Det finns inget medborgarlöfte som gäller idag, så det finns inga aktiviteter att vara ansvarig för.',
};

/** The outcomes of /påminnelsetid: the time shown, set or already so, or why the words were refused. */
export type ReminderTimeOutcome =
  | { code: 'reminderTime.shown'; schedule: Schedule; isDefault: boolean }
  | { code: 'reminderTime.set'; schedule: Schedule; next: Date | undefined }
  | { code: 'reminderTime.unchanged'; schedule: Schedule }
  | ReminderTimeProblem;

const REMINDER_TIME_EXAMPLE = 'Skriv t.ex. /påminnelsetid måndag 09:00 (en vardag och en tid, svensk tid).';

/** The sentence for each outcome of /påminnelsetid. */
export const reminderTimeTexts: Catalogue<ReminderTimeOutcome> = {
  'reminderTime.shown': (o) =>
    `Påminnelserna till de ansvariga går ut ${scheduleText(o.schedule)}${o.isDefault ? ' (standard)' : ''}; en helgdag flyttar dem till nästa arbetsdag. En samordnare ändrar tiden med /påminnelsetid måndag 09:00.`,
  'reminderTime.set': (o) =>
    `✅ Påminnelserna går nu ut ${scheduleText(o.schedule)}${o.next ? `; nästa gång ${instantText(o.next)}` : ''}. En helgdag flyttar dem till nästa arbetsdag.`,
  'reminderTime.unchanged': (o) => `Påminnelserna går redan ut ${scheduleText(o.schedule)}. Inget har ändrats.`,
  'reminderTime.weekend': () => `Påminnelser skickas inte på helger. ${REMINDER_TIME_EXAMPLE} Inget har ändrats.`,
  'reminderTime.badTime': (o) =>
    `Tiden "${o.word}" finns inte; skriv den som TT:MM, från 00:00 till 23:59. Inget har ändrats.`,
  'reminderTime.usage': (o) =>
    `${o.word ? `Jag förstod inte "${o.word}". ` : ''}${REMINDER_TIME_EXAMPLE} Inget har ändrats.`,
};

/** The outcomes of /påminnelser and the reminder card's Pausa and Sluta påminna mig. */
export type RemindersText =
  | {
      code: 'reminders.mine';
      /** The activities the person is responsible for; none: they get no reminders. */
      activities: readonly string[];
      off: boolean;
      pausedUntil?: string | undefined;
      next?: Date | undefined;
      /** What a reminder would list now. */
      behind: readonly string[];
    }
  | { code: 'reminders.off' }
  | { code: 'reminders.alreadyOff' }
  | { code: 'reminders.on' }
  | { code: 'reminders.alreadyOn' }
  | { code: 'reminders.paused'; until: string }
  | { code: 'reminders.usage' };

function myRemindersText(v: Extract<RemindersText, { code: 'reminders.mine' }>): string {
  if (v.activities.length === 0)
    return 'Du är inte ansvarig för någon aktivitet, så du får inga påminnelser. En samordnare gör någon ansvarig med /ansvarig <aktivitet> @namn.';
  const state = v.off
    ? 'Påminnelserna är avstängda; /påminnelser på slår på dem igen.'
    : v.pausedUntil
      ? `Påminnelserna är pausade till ${formatSwedishDate(v.pausedUntil)}${v.next ? `; nästa ${instantText(v.next)}` : ''}. /påminnelser på slår på dem nu.`
      : `Nästa påminnelse: ${v.next ? instantText(v.next) : 'ingen planerad'} (bara om något ligger efter). /påminnelser av stänger av dem.`;
  const behind = v.behind.length > 0 ? `Efter just nu: ${v.behind.join(', ')}.` : 'Inget av ditt ligger efter just nu.';
  return `Du är ansvarig för: ${v.activities.join(', ')}. ${behind} ${state}`;
}

/** The sentence for each outcome of /påminnelser and the reminder card's buttons. */
export const remindersTexts: Catalogue<RemindersText> = {
  'reminders.mine': myRemindersText,
  'reminders.off': () => '✅ Du får inga fler påminnelser. /påminnelser på slår på dem igen.',
  'reminders.alreadyOff': () => 'Dina påminnelser är redan avstängda. /påminnelser på slår på dem igen.',
  'reminders.on': () =>
    '✅ Påminnelserna är på: du får en i veckan när något av ditt ligger efter. /påminnelser av stänger av dem.',
  'reminders.alreadyOn': () => 'Dina påminnelser är redan på. /påminnelser visar när nästa kommer.',
  'reminders.paused': ({ until }) =>
    `✅ Pausat: ingen påminnelse före ${formatSwedishDate(until)}. /påminnelser på slår på dem igen nu.`,
  'reminders.usage': () =>
    'Skriv /påminnelser för att se dina, /påminnelser av för att stänga av dem eller /påminnelser på för att slå på dem.',
};

/** To a coordinator, once: a responsible person the bot cannot write to. */
export function unreachableText(name: string, activities: readonly string[]): string {
  return `Jag kan inte skicka påminnelser till ${name} (ansvarig för ${activities.join(', ')}): boten är inte installerad för dem, eller så har de aldrig skrivit till den. Be dem öppna en chatt med boten och skriva /påminnelser. Jag säger det här bara en gång.`;
}

/** A click on a reminder card or a tertial notice that sent something the bot cannot read. */
export type ReminderCardText = { code: 'reminder.unreadableCard' } | { code: 'tertialNotice.unreadableCard' };

/** The sentence for a reminder card or tertial notice the bot cannot read. */
export const reminderCardTexts: Catalogue<ReminderCardText> = {
  'reminder.unreadableCard': () => 'Jag kan inte läsa det kortet. Skriv /påminnelser för att se dina påminnelser.',
  'tertialNotice.unreadableCard': () =>
    'Jag kan inte läsa det kortet. Skriv /uppföljning för att granska uppföljningen.',
};
