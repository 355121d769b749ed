// Swedish words for who is responsible (/ansvarig), the reminder time (/påminnelsetid) and a
// person's own reminders (/påminnelser). The app decides; these only say it.
import { formatSwedishDate } from '../domain/calendar.js';
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

export type ResponsibleOutcome =
  | { kind: 'list'; activity: string; names: readonly string[] }
  | { kind: 'overview'; rows: readonly { activity: string; names: readonly string[] }[] }
  | { kind: 'added'; activity: string; added: readonly string[]; already: readonly string[]; names: readonly string[] }
  | { kind: 'removed'; activity: string; removed: readonly string[]; names: readonly string[] }
  | { kind: 'notResponsible'; activity: string; who: readonly string[] }
  | { kind: 'noActivity'; typed: string; title: string }
  | { kind: 'severalActivities'; typed: string; names: readonly string[] }
  | { kind: 'noPeople' }
  | { kind: 'namesWithoutMention'; words: string }
  | { kind: 'noAgreement' };

export function responsibleText(o: ResponsibleOutcome): string {
  const list = (names: readonly string[]) => (names.length > 0 ? names.join(', ') : 'ingen');
  switch (o.kind) {
    case 'list':
      return o.names.length > 0
        ? `Ansvariga för ${o.activity}: ${o.names.join(', ')}.`
        : `Ingen är ansvarig för ${o.activity} än. En samordnare kan skriva /ansvarig ${o.activity} @namn i en kanal eller gruppchatt där personen är med, eller /ansvarig ${o.activity} namn@kommun.se här.`;
    case 'overview':
      return o.rows.length > 0
        ? `Ansvariga:\n\n${o.rows.map((r) => `• ${r.activity}: ${list(r.names)}`).join('\n')}\n\n${RESPONSIBLE_USAGE}`
        : `Ingen är ansvarig för någon aktivitet än. ${RESPONSIBLE_USAGE}`;
    case 'added':
      return [
        o.added.length > 0 ? `✅ ${o.added.join(', ')} är nu ansvarig för ${o.activity}.` : '',
        o.already.length > 0 ? `${o.already.join(', ')} var redan ansvarig.` : '',
        `Ansvariga för ${o.activity}: ${list(o.names)}. De får en påminnelse i sin personliga chatt när något är efter plan.`,
      ]
        .filter((s) => s.length > 0)
        .join(' ');
    case 'removed':
      return `✅ ${o.removed.join(', ')} är inte längre ansvarig för ${o.activity}. Ansvariga: ${list(o.names)}.`;
    case 'notResponsible':
      return `${o.who.join(', ')} är inte ansvarig för ${o.activity}. Inget har ändrats. Skriv /ansvarig ${o.activity} för listan.`;
    case 'noActivity':
      return `Jag hittar ingen aktivitet "${o.typed}" i ${o.title}. Inget har ändrats.`;
    case 'severalActivities':
      return `"${o.typed}" passar flera aktiviteter: ${o.names.join(', ')}. Skriv fler ord ur namnet. Inget har ändrats.`;
    case 'noPeople':
      return `Skriv vem, t.ex. /ansvarig krogtillsyn @Anna. ${RESPONSIBLE_USAGE}`;
    case 'namesWithoutMention':
      return `Jag vet inte vem "${o.words}" är: @nämn dem i en kanal eller gruppchatt där de är med, eller skriv deras e-postadress (namn@kommun.se). Inget har ändrats.`;
    case 'noAgreement':
      return 'Det finns inget medborgarlöfte som gäller idag, så det finns inga aktiviteter att vara ansvarig för.';
  }
}

export type ReminderTimeOutcome =
  | { kind: 'shown'; schedule: Schedule; isDefault: boolean }
  | { kind: 'set'; schedule: Schedule; next: Date | undefined }
  | { kind: 'unchanged'; schedule: Schedule }
  | { kind: 'refused'; code: 'usage' | 'weekend' | 'badTime'; word?: string };

const REMINDER_TIME_EXAMPLE = 'Skriv t.ex. /påminnelsetid måndag 09:00 (en vardag och en tid, svensk tid).';

export function reminderTimeText(o: ReminderTimeOutcome): string {
  switch (o.kind) {
    case 'shown':
      return `Påminnelserna till de ansvariga går ut ${scheduleText(o.schedule)}${o.isDefault ? ' (standard)' : ''}; en helgdag flyttar dem till nästa arbetsdag. En samordnare ändrar tiden med /påminnelsetid måndag 09:00.`;
    case 'set':
      return `✅ Påminnelserna går nu ut ${scheduleText(o.schedule)}${o.next ? `; nästa gång ${instantText(o.next)}` : ''}. En helgdag flyttar dem till nästa arbetsdag.`;
    case 'unchanged':
      return `Påminnelserna går redan ut ${scheduleText(o.schedule)}. Inget har ändrats.`;
    case 'refused':
      if (o.code === 'weekend')
        return `Påminnelser skickas inte på helger. ${REMINDER_TIME_EXAMPLE} Inget har ändrats.`;
      if (o.code === 'badTime')
        return `Tiden "${o.word ?? ''}" finns inte; skriv den som TT:MM, från 00:00 till 23:59. Inget har ändrats.`;
      return `${o.word ? `Jag förstod inte "${o.word}". ` : ''}${REMINDER_TIME_EXAMPLE} Inget har ändrats.`;
  }
}

export interface MyRemindersView {
  activities: readonly string[];
  off: boolean;
  pausedUntil?: string | undefined;
  next?: Date | undefined;
  /** What a reminder would list now. */
  behind: readonly string[];
}

export function myRemindersText(v: MyRemindersView): string {
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

export type ReminderSwitch = 'off' | 'on' | 'paused' | 'alreadyOff' | 'alreadyOn' | 'usage';

export function reminderSwitchText(s: ReminderSwitch, pausedUntil?: string): string {
  switch (s) {
    case 'off':
      return '✅ Du får inga fler påminnelser. /påminnelser på slår på dem igen.';
    case 'alreadyOff':
      return 'Dina påminnelser är redan avstängda. /påminnelser på slår på dem igen.';
    case 'on':
      return '✅ Påminnelserna är på: du får en i veckan när något av ditt ligger efter. /påminnelser av stänger av dem.';
    case 'alreadyOn':
      return 'Dina påminnelser är redan på. /påminnelser visar när nästa kommer.';
    case 'paused':
      return `✅ Pausat: ingen påminnelse före ${formatSwedishDate(pausedUntil ?? '')}. /påminnelser på slår på dem igen nu.`;
    case 'usage':
      return 'Skriv /påminnelser för att se dina, /påminnelser av för att stänga av dem eller /påminnelser på för att slå på dem.';
  }
}

/** To a coordinator, once: a responsible person the bot cannot write to. */
export function unreachableText(name: string, activities: readonly string[]): string {
  return `Jag kan inte skicka påminnelser till ${name} (ansvarig för ${activities.join(', ')}): boten är inte installerad för dem, eller så har de aldrig skrivit till den. Be dem öppna en chatt med boten och skriva /påminnelser. Jag säger det här bara en gång.`;
}

/** A click on a reminder card or a tertial notice that sent something the bot cannot read. */
export type ReminderCardText = { code: 'reminder.unreadableCard' } | { code: 'tertialNotice.unreadableCard' };

export const reminderCardTexts: Catalogue<ReminderCardText> = {
  'reminder.unreadableCard': () => 'Jag kan inte läsa det kortet. Skriv /påminnelser för att se dina påminnelser.',
  'tertialNotice.unreadableCard': () =>
    'Jag kan inte läsa det kortet. Skriv /uppföljning för att granska uppföljningen.',
};
