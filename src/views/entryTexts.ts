// What the bot says about one logged entry after the fact: taken back with /ångra or Ångra, listed
// in /mina, changed with Ändra or by editing its /logga message, removed or restored with its
// message in Teams. `line` is the entry as entryLine shows it; `by` the name of who logged it ('' unknown).
import type { Catalogue } from './catalogue.js';
import type { LoggedCardMode } from './loggedCard.js';

const UNCHANGED = 'Insatsen är oförändrad.';
const whoLogged = (by: string): string => by || 'den som loggade';

export type EntryAnswer =
  /** A card button on an entry (Ångra, Ta bort, Ändra, Behåll) that cannot be used. */
  | { code: 'entry.unreadableCard' }
  | { code: 'entry.gone' }
  | { code: 'entry.notYours'; by: string }
  | { code: 'entry.removedCannotEdit' }
  | { code: 'entry.removedFromMine'; line: string }
  | { code: 'entry.undoneNotCounted'; line: string }
  /** /mina and /ångra. */
  | { code: 'mine.none'; example: string }
  | { code: 'mine.heading'; total: number }
  | { code: 'mine.older'; count: number }
  | { code: 'undo.already'; line: string }
  | { code: 'undo.nothing' }
  | { code: 'undo.alreadyRemoved' }
  /** `day` is today as formatSwedishDate writes it; `progress` the agreement's line, or ''. */
  | { code: 'undo.done'; line: string; day: string; progress: string }
  /** An edited /logga message. */
  | { code: 'message.editedRemoved'; line: string }
  | { code: 'message.editedNoLog'; line: string }
  | { code: 'message.edited'; line: string }
  | { code: 'message.otherAgreement'; title: string; entryTitle: string }
  | { code: 'message.deletedAlreadyRemoved'; line: string }
  | { code: 'message.deletedNotYours'; line: string; by: string }
  | { code: 'message.restoredCounts'; line: string }
  | { code: 'message.restoredNotYours'; line: string; by: string };

export const entryTexts: Catalogue<EntryAnswer> = {
  'entry.unreadableCard': () => 'Kortet skickade något jag inte kan läsa. Skriv /mina för dina insatser.',
  'entry.gone': () => 'Insatsen finns inte längre. Skriv /mina för dina insatser.',
  'entry.notYours': (a) => `Bara ${whoLogged(a.by)} kan ändra den här insatsen. Inget har ändrats.`,
  'entry.removedCannotEdit': () => 'Insatsen är borttagen och kan inte ändras. Skriv /mina för dina insatser.',
  'entry.removedFromMine': (a) => `🗑️ Borttaget: ${a.line}.`,
  'entry.undoneNotCounted': (a) => `Insatsen ${a.line} är ångrad och räknas inte. Logga den på nytt om den ska räknas.`,
  'mine.none': (a) => `Du har inte loggat något än. Prova /logga ${a.example}.`,
  'mine.heading': (a) => `Dina insatser, senaste arbetsdag först (${a.total} totalt):`,
  'mine.older': (a) => `…och ${a.count} äldre.`,
  'undo.already': (a) => `Redan borttaget: ${a.line}.`,
  'undo.nothing': () => 'Du har ingen loggad insats att ångra.',
  'undo.alreadyRemoved': () => 'Insatsen var redan borttagen. Skriv /mina för att se dina insatser.',
  'undo.done': (a) => `↩️ Borttaget: ${a.line}. Det finns kvar i historiken som ångrat ${a.day}.${a.progress}`,
  'message.editedRemoved': (a) =>
    `Du ändrade ett meddelande vars insats är borttagen (${a.line}), så ändringen gör inget. Logga på nytt med /logga om den ska räknas.`,
  'message.editedNoLog': (a) =>
    `Du ändrade meddelandet, men den nya texten är ingen loggning. ${UNCHANGED} (${a.line}) Skriv om meddelandet som /logga …, eller ta bort insatsen i /mina.`,
  'message.edited': (a) => `Du ändrade meddelandet med insatsen ${a.line}. ${UNCHANGED}`,
  'message.otherAgreement': (a) =>
    `Det nya datumet ligger i ${a.title}, men insatsen hör till ${a.entryTitle}. ${UNCHANGED} Ta bort meddelandet och logga på nytt.`,
  'message.deletedAlreadyRemoved': (a) => `Meddelandet togs bort. Insatsen ${a.line} var redan borttagen.`,
  'message.deletedNotYours': (a) =>
    `Meddelandet med insatsen ${a.line} togs bort, men insatsen räknas fortfarande: bara ${whoLogged(a.by)} kan ta bort den (i /mina).`,
  'message.restoredCounts': (a) => `Meddelandet är tillbaka, och insatsen ${a.line} räknas.`,
  'message.restoredNotYours': (a) =>
    `Meddelandet är tillbaka, men insatsen ${a.line} är borttagen; bara ${whoLogged(a.by)} kan ta tillbaka den.`,
};

/** Why an entry cannot be changed (editEntry's refusal), before the caller's ending. */
export type EditRefusal =
  | { code: 'edit.removed' }
  | { code: 'edit.notYours'; by: string }
  | { code: 'edit.activityMissing'; title: string }
  | { code: 'edit.gone' };

export const editTexts: Catalogue<EditRefusal> = {
  'edit.removed': () => 'Insatsen är borttagen och kan inte ändras.',
  'edit.notYours': (a) => `Bara ${whoLogged(a.by)} kan ändra den här insatsen.`,
  'edit.activityMissing': (a) => `Aktiviteten finns inte i ${a.title}.`,
  'edit.gone': () => 'Insatsen finns inte längre.',
};

/** The text fallback of an entry's card in `mode` (the card itself says more); undefined: the line alone. */
export function entryCardFallback(mode: LoggedCardMode, line: string): string | undefined {
  switch (mode) {
    case 'undone':
      return `↩️ Ångrat: ${line}. Den finns kvar i historiken.`;
    case 'confirmRemove':
      return `Du ångrade nyss en insats. Ta bort även ${line}?`;
    case 'edited':
      return `✏️ Ändrat: ${line}.`;
    case 'unchanged':
      return `Inget att ändra: ${line}.`;
    case 'messageDeleted':
      return `Meddelandet togs bort, så insatsen ${line} är borttagen. Den finns kvar i historiken.`;
    case 'restored':
      return `✅ Insatsen räknas igen: ${line}.`;
    default:
      return undefined;
  }
}

/** The confirmation's first line: logged now, logged before (a redelivery), or logged and taken back. */
export function confirmationHead(line: string, mode: 'logged' | 'already' | 'undone'): string {
  if (mode === 'undone') return `Det här var loggat men är ångrat: ${line}.`;
  return mode === 'logged' ? `✅ Loggat: ${line}.` : `Det här var redan loggat: ${line}.`;
}

/** How to take the entry back, in the confirmation's text: /ångra for one just logged, else /mina. */
export function confirmationFix(fresh: boolean): string {
  return fresh ? 'Fel? Skriv /ångra.' : 'Fel? Ta bort den i /mina.';
}
