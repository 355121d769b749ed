// What the welcome card says when the bot is added to a team, a group chat or a personal chat: the
// greeting, a few example commands and the one-click subscribe. A personal chat is spoken to as "du",
// a channel or group chat as "ni".
import { DEFAULT_SCHEDULE } from '../domain/schedule.js';
import type { ConversationKindCode } from '../domain/subscription.js';
import type { Catalogue } from './catalogue.js';
import { scheduleText } from './scheduleTexts.js';

/** The welcome's sentences; `kind` is the conversation the bot was added to. */
export type WelcomeText =
  | { code: 'welcome.title' }
  | { code: 'welcome.intro'; kind: ConversationKindCode }
  | { code: 'welcome.logToday' }
  | { code: 'welcome.logWithDetails' }
  | { code: 'welcome.statusExample' }
  | { code: 'welcome.helpExample' }
  | { code: 'welcome.subscribe'; kind: ConversationKindCode }
  | { code: 'welcome.subscribeTitle' }
  | { code: 'welcome.fallback'; kind: ConversationKindCode };

/** Where the weekly summary would go, after "ha en veckosammanfattning". */
function where(kind: ConversationKindCode): string {
  return kind === 'personal' ? 'hit' : kind === 'channel' ? 'till den här kanalen' : 'till den här chatten';
}

/** The sentence for each part of the welcome card. */
export const welcomeTexts: Catalogue<WelcomeText> = {
  'welcome.title': () => 'Hej! Jag håller ordning på medborgarlöftet.',
  'welcome.intro': ({ kind }) =>
    kind === 'personal'
      ? 'Logga det du gjort på några sekunder, och se läget när du vill:'
      : 'Logga det ni gjort på några sekunder (nämn mig först, t.ex. @Medborgarlöfte /logga krogtillsyn), och se läget när ni vill:',
  'welcome.logToday': () => 'loggar en insats idag',
  'welcome.logWithDetails': () => 'med plats, tid och datum',
  'welcome.statusExample': () => 'läget per löfte och aktivitet',
  'welcome.helpExample': () => 'alla kommandon',
  'welcome.subscribe': ({ kind }) =>
    `${kind === 'personal' ? 'Vill du' : 'Vill ni'} ha en veckosammanfattning ${where(kind)}, ${scheduleText(DEFAULT_SCHEDULE)}? Ett klick räcker; /prenumerera måndag 08:00 väljer en annan tid.`,
  'welcome.subscribeTitle': () => `Prenumerera (${scheduleText(DEFAULT_SCHEDULE).replace(/^varje /u, '')})`,
  'welcome.fallback': ({ kind }) =>
    `Hej! Jag håller ordning på medborgarlöftet: logga med t.ex. /logga krogtillsyn och se läget med /status. Skriv /prenumerera för en veckosammanfattning ${where(kind)}.`,
};

/** The example commands on the card, each with what it does. */
export const WELCOME_EXAMPLES: readonly { command: string; text: WelcomeText }[] = [
  { command: '/logga krogtillsyn', text: { code: 'welcome.logToday' } },
  { command: '/logga fotpatrullering Öxnehaga 2 h igår', text: { code: 'welcome.logWithDetails' } },
  { command: '/status', text: { code: 'welcome.statusExample' } },
  { command: '/hjälp', text: { code: 'welcome.helpExample' } },
];
