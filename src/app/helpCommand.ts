import { text, type Reply } from './ports.js';

export const HELP_TEXT = [
  '**Medborgarlöfte-boten** – logga det ni gör och följ upp medborgarlöftet.',
  '',
  '• **/logga** <aktivitet> [plats] [datum] [antal] [anteckning] – t.ex. `/logga krogtillsyn`, `/logga fotpatrullering Öxnehaga 2 h igår`. Bara /logga ger ett formulär.',
  '• **/status** [år | aktivitet] – läget per löfte och aktivitet, t.ex. `/status 2020`, `/status sig`',
  '• **/mina** – dina senaste insatser',
  '• **/ångra** – tar bort din senaste insats (sparas i historiken)',
  '• **/prenumerera** [veckodag] [tid] – veckosammanfattning till den här konversationen, som standard torsdag 07:30, t.ex. `/prenumerera måndag 08:00`; **/avprenumerera** slutar, **/prenumerationer** visar',
  '• **/klar** <aktivitet> – markerar en engångsaktivitet som genomförd (samordnare), t.ex. `/klar enkät`',
  '• **/nytt-medborgarlöfte** <år> från <år> – skapar årets medborgarlöfte som kopia (samordnare), t.ex. `/nytt-medborgarlöfte 2026 från 2020`',
  '• **/hjälp** – den här listan',
  '',
  'Datum: idag, igår, i förrgår, en veckodag (t.ex. tisdag), 2020-03-14, 14/3 eller 14 mars. Skriv aldrig personuppgifter om invånare.',
].join('\n');

export function helpCommand(): Reply[] {
  return [text(HELP_TEXT)];
}
