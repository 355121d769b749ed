// The Swedish word list the name check in notes needs (src/domain/noteNames.ts): Hunspell's sv_SE
// dictionary as published in the npm package dictionary-sv (maintained with the LibreOffice/
// Göran Andersson word list), read once, on first use, and kept. Its .dic file holds one entry a
// line, "word/FLAGS"; an entry written in lower case is an ordinary word, a capitalised one a
// proper name (people, places). The affix flags are not expanded: inflected forms are found by
// their Snowball stem instead (the same Swedish stemmer the importer uses), which is enough to
// tell "Pratade" or "Socialtjänstens" from a name.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { stemmer } from '@orama/stemmers/swedish';
import type { NameLexicon } from '../domain/noteNames.js';
import { WordList } from './wordList.js';

let cached: NameLexicon | undefined;

/**
 * Parses the text of a Hunspell .dic file (first line: the entry count) into a NameLexicon.
 * Entries with digits or other non-letters ("3G", "08:orna") are skipped.
 */
export function lexiconFromDic(dic: string): NameLexicon {
  const commonWords = new Set<string>();
  const properNames = new Set<string>();
  const lines = dic.split('\n');
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const slash = line.indexOf('/');
    const word = (slash >= 0 ? line.slice(0, slash) : line).trim();
    if (!/^\p{L}[\p{L}-]*$/u.test(word)) continue;
    const lower = word.toLocaleLowerCase('sv');
    if (word === lower) commonWords.add(word);
    else if (word[0] !== lower[0]) properNames.add(lower);
  }
  const commonStems = new Set<string>();
  for (const w of commonWords) commonStems.add(stemmer(w));
  // Built as Sets (to drop duplicates as they come), kept as compact lists.
  return {
    commonWords: new WordList(commonWords),
    commonStems: new WordList(commonStems),
    properNames: new WordList(properNames),
    stem: stemmer,
  };
}

/** The sv_SE word list from dictionary-sv, read and parsed on the first call (about a second), then kept. */
export function swedishLexicon(): NameLexicon {
  if (!cached) {
    const dicPath = path.join(path.dirname(createRequire(import.meta.url).resolve('dictionary-sv')), 'index.dic');
    cached = lexiconFromDic(readFileSync(dicPath, 'utf8'));
  }
  return cached;
}
