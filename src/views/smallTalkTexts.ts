// "hej", "tack", "hur ligger vi till?": a short, friendly answer that points to what the bot can do,
// never "jag känner inte igen".
import type { SmallTalk } from '../domain/command.js';

export const SMALL_TALK_ANSWERS: Readonly<Record<SmallTalk, string>> = {
  greeting:
    'Hej! 👋 Jag håller ordning på medborgarlöftet. Logga en insats med /logga (t.ex. /logga krogtillsyn igår), se läget med /status, eller skriv /hjälp för allt jag kan.',
  thanks: 'Varsågod! Skriv /hjälp om du undrar något mer.',
  question:
    'Bra fråga! Hur det går med löftena ser du med /status, och vad som hänt den senaste tiden med /sammanfattning. Skriv /hjälp för allt jag kan.',
};
