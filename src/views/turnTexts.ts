// What a turn answers when the message or card itself cannot be used.

/** A message longer than the bot reads (`limit` characters): nothing is stored. */
export function tooLongText(length: number, limit: number): string {
  return `Meddelandet är för långt (${length.toLocaleString('sv-SE')} tecken); jag läser högst ${limit.toLocaleString('sv-SE')}. Inget har sparats.`;
}

/** A card submit whose data does not fit what its button sends (an old card, a forged payload). */
export const UNREADABLE_CARD = 'Kortet skickade något jag inte kan läsa. Skriv kommandot igen.';

/** A card naming an agreement that is no longer in the store. */
export const AGREEMENT_GONE = 'Medborgarlöftet finns inte längre. Skriv kommandot igen.';
