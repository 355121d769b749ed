// A note longer than an entry may hold: what the bot says beside the form it answers with.
import { MAX_NOTE_LENGTH } from '../domain/logRequest.js';

/** Teams shows a long text message whole; a few thousand characters a message keeps each one well under its limit. */
const REST_CHUNK = 4000;

/**
 * The sentence before the prefilled form, and the rest of the note (what did not fit) in messages
 * of at most REST_CHUNK characters, so it can be copied. `length` is the whole note's length.
 */
export function longNoteTexts(length: number, rest: string): { intro: string; rest: string[] } {
  const chunks: string[] = [];
  for (let i = 0; i < rest.length; i += REST_CHUNK) chunks.push(rest.slice(i, i + REST_CHUNK));
  return {
    intro: `Anteckningen är för lång: ${length.toLocaleString('sv-SE')} tecken, och en insats rymmer högst ${MAX_NOTE_LENGTH}. Inget har sparats än. Formuläret har det jag läste och anteckningens början; korta den och tryck Logga. Resten av texten kommer efter formuläret, så att du kan kopiera den.`,
    rest: chunks.map((c, i) => (i === 0 ? `Resten av anteckningen:\n\n${c}` : c)),
  };
}

/** An edited message whose note is too long: the entry stays as it was. */
export function longNoteRefusal(length: number): string {
  return `Anteckningen är för lång (${length.toLocaleString('sv-SE')} tecken). Skriv högst ${MAX_NOTE_LENGTH} tecken. Insatsen är oförändrad.`;
}
