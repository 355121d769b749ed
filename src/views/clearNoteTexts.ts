// "/rensa-anteckning" (coordinators): what the bot says about clearing one entry's note. `day` is
// the date as formatSwedishDate writes it.
import type { Catalogue } from './catalogue.js';

const USAGE =
  'Skriv så här: /rensa-anteckning «aktivitet» «datum», t.ex. /rensa-anteckning gemensam krogtillsyn 2020-03-14. Finns flera insatser med anteckning den dagen får du välja med nr.';

export type ClearNoteAnswer =
  | { code: 'clearNote.usage' }
  | { code: 'clearNote.noAgreement'; day: string }
  /** The words match no single activity: `typed` is them, cut to 60 characters. */
  | { code: 'clearNote.noActivity'; typed: string; title: string }
  | { code: 'clearNote.noNotes'; activity: string; day: string }
  /** Several entries with notes: `list` is one numbered line each; `keyword`, `date` to write again. */
  | {
      code: 'clearNote.which';
      count: number;
      activity: string;
      day: string;
      keyword: string;
      date: string;
      list: string;
    }
  | { code: 'clearNote.alreadyCleared' }
  | { code: 'clearNote.cleared'; activity: string; day: string; by: string; count: number };

export const clearNoteTexts: Catalogue<ClearNoteAnswer> = {
  'clearNote.usage': () => USAGE,
  'clearNote.noAgreement': (a) => `Inget medborgarlöfte gäller ${a.day}.`,
  'clearNote.noActivity': (a) => `Jag hittar inte en enda aktivitet "${a.typed}" i ${a.title}. ${USAGE}`,
  'clearNote.noNotes': (a) => `Ingen insats för ${a.activity} ${a.day} har någon anteckning. Inget ändrat.`,
  'clearNote.which': (a) =>
    `${a.count} insatser för ${a.activity} ${a.day} har anteckningar. Vilken ska rensas? Skriv /rensa-anteckning ${a.keyword} ${a.date} nr N:\n${a.list}`,
  'clearNote.alreadyCleared': () => 'Anteckningen var redan borttagen. Inget ändrat.',
  'clearNote.cleared': (a) =>
    `✅ Anteckningen är borttagen från insatsen ${a.activity} ${a.day} (${a.by}, ${a.count} st). Insatsen och siffrorna finns kvar; rensningen syns i /historik.`,
};
