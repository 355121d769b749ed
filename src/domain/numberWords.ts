// Swedish number words as people write counts: "tre tillfällen", "en gång", "sex deltagare".
import { fold } from './text.js';

const WORDS: Readonly<Record<string, number>> = {
  en: 1,
  ett: 1,
  tva: 2,
  tre: 3,
  fyra: 4,
  fem: 5,
  sex: 6,
  sju: 7,
  atta: 8,
  nio: 9,
  tio: 10,
  elva: 11,
  tolv: 12,
  tretton: 13,
  fjorton: 14,
  femton: 15,
  sexton: 16,
  sjutton: 17,
  arton: 18,
  nitton: 19,
  tjugo: 20,
};

/** The value of a number word (1–20, folded: "två", "TVA"), or undefined. */
export function numberWord(word: string): number | undefined {
  const w = fold(word);
  return Object.prototype.hasOwnProperty.call(WORDS, w) ? WORDS[w] : undefined;
}
