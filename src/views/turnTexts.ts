// What a turn answers when the message or card itself cannot be used.
import { areaTexts } from './areaTexts.js';
import { render, type Catalogue } from './catalogue.js';

/** A message longer than the bot reads (`limit` characters): nothing is stored. */
export function tooLongText(length: number, limit: number): string {
  return `Meddelandet är för långt (${length.toLocaleString('sv-SE')} tecken); jag läser högst ${limit.toLocaleString('sv-SE')}. Inget har sparats.`;
}

/** A card submit whose data does not fit what its button sends (an old card, a forged payload). */
export const UNREADABLE_CARD = 'Kortet skickade något jag inte kan läsa. Skriv kommandot igen.';

/** A card naming an agreement that is no longer in the store. */
export const AGREEMENT_GONE = 'Medborgarlöftet finns inte längre. Skriv kommandot igen.';

/** A message from a tenant no area lets in: the area catalogue's sentence, so the app and the channel say the same. */
export const NOT_OPEN_HERE = render(areaTexts, { code: 'area.notOpen' });

/** What the user reads when a turn fails, whichever SDK caught it. */
export const TURN_ERROR_TEXT =
  'Något gick fel hos mig. Försök igen om en stund; skriv /mina för att se vad som sparats.';

/** What a turn answers that is no command it can run (see src/app/app.ts). */
export type TurnAnswer =
  /** An empty message (an image, a file); `example` is an activity word that logs here. */
  | { code: 'turn.empty'; example: string }
  /** An activity word first where that does not log by itself: `typed` is the message. */
  | { code: 'turn.implicitLog'; typed: string }
  /** An unknown first word (`shown`, cut to 40 characters), with a close command or an example. */
  | { code: 'turn.unknownSuggest'; shown: string; suggestion: string }
  | { code: 'turn.unknown'; shown: string; example: string }
  /** The turn threw: after a command that only reads, nothing can have changed. */
  | { code: 'turn.failedReadOnly' }
  | { code: 'turn.failed' };

export const turnTexts: Catalogue<TurnAnswer> = {
  'turn.empty': (a) => `Skriv ett kommando, t.ex. /hjälp eller /logga ${a.example}. (Bilder och filer läser jag inte.)`,
  'turn.implicitLog': (a) => `Menade du /logga ${a.typed.slice(0, 80)}? Skriv /logga först, så loggar jag det.`,
  'turn.unknownSuggest': (a) =>
    `Jag känner inte igen "${a.shown}". Menade du /${a.suggestion}? Skriv /hjälp för alla kommandon.`,
  'turn.unknown': (a) =>
    `Jag känner inte igen "${a.shown}". Skriv /hjälp för att se vad jag kan, t.ex. /logga ${a.example}.`,
  'turn.failedReadOnly': () =>
    'Något gick fel hos mig, så jag kan inte svara just nu. Inget har ändrats; försök igen om en stund.',
  'turn.failed': () =>
    'Något gick fel hos mig, så jag kan inte lova att det sparades. Skriv /mina för att se vad som finns, och försök igen om en stund.',
};

/** A coordinator's command from someone who is not one. */
export const COORDINATOR_ONLY_TEXT =
  'Det här kan bara en samordnare i området göra. Skriv /samordnare för att se vilka det är, och be någon av dem om hjälp.';
