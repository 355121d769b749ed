// What /importera says in words around its cards: a text too long or with nothing to read, sections
// that could not be read, a draft gone or closed, an edit refused, a save blocked or done. The
// sentences after a refusal say that nothing was saved.
import type { ImportProblem } from '../domain/import/importText.js';
import type { DraftEditProblem } from '../domain/importDraft.js';
import { type Catalogue, render } from './catalogue.js';
import { schemaIssueText } from './schemaTexts.js';

/** A period already taken: by the same id anywhere, or overlapping one of the area's agreements. */
export type ImportConflict =
  | { code: 'import.idTaken'; id: string; title: string }
  | { code: 'import.overlaps'; title: string; start: string; end: string };

/** What the import answers, with what each answer needs. */
export type ImportReply =
  | ImportProblem
  | DraftEditProblem
  | ImportConflict
  | { code: 'import.pasteAfterCommand' }
  | { code: 'import.tooLong'; length: number; max: number }
  | { code: 'import.nothingRead'; problems: readonly ImportProblem[] }
  | { code: 'import.drafted'; drafts: number; activities: number; problems: readonly ImportProblem[] }
  | { code: 'import.draftFallback'; title: string; activities: number }
  | { code: 'import.unreadable' }
  | { code: 'import.pasteFirst' }
  | { code: 'import.draftGone' }
  | { code: 'import.draftClosed'; title: string; saved: boolean }
  | { code: 'import.noSuchActivity' }
  | { code: 'import.alreadyClosed' }
  | { code: 'import.cancelled'; title: string }
  | { code: 'import.editNotSaved'; problem: DraftEditProblem }
  | { code: 'import.saveBlocked'; conflict: ImportConflict }
  | { code: 'import.saveFailed'; title: string; reason: string }
  | {
      code: 'import.saved';
      title: string;
      start: string;
      end: string;
      promises: number;
      activities: number;
      year: string;
    };

/** After every refusal that leaves the draft and the agreements as they were. */
const NOTHING_SAVED = 'Inget har sparats.';
const sv = (n: number) => n.toLocaleString('sv-SE');
const problemList = (problems: readonly ImportProblem[]) => problems.map((p) => render(importTexts, p)).join('; ');

function drafted({ drafts, activities, problems }: Extract<ImportReply, { code: 'import.drafted' }>): string {
  const intro =
    drafts === 1
      ? `Här är utkastet ur texten (${activities} aktiviteter).`
      : `Texten innehåller ${drafts} medborgarlöften: ett utkast för vart och ett, sparas var för sig.`;
  return problems.length > 0 ? `${intro} Kunde inte läsas: ${problemList(problems)}.` : intro;
}

/** The Swedish for every answer of /importera and its cards' buttons. */
export const importTexts: Catalogue<ImportReply> = {
  'import.noActivities': ({ heading }) => `${heading ?? 'texten'}: inga aktiviteter hittades`,
  'import.invalidDraft': ({ heading, issues }) =>
    `${heading ?? 'texten'}: utkastet följer inte formatet (${issues.map(schemaIssueText).join('; ')})`,
  'draftEdit.badCount': ({ typed }) => `Antalet "${typed}" går inte: skriv ett heltal från 1, t.ex. 4.`,
  'draftEdit.noSuchActivity': () => 'Aktiviteten finns inte i utkastet.',
  'draftEdit.emptyName': () => 'Namnet kan inte vara tomt.',
  'draftEdit.longName': ({ max }) => `Namnet är för långt: högst ${max} tecken.`,
  'draftEdit.noParty': () => 'Ange minst en part, t.ex. Polisen, Kommunen.',
  'draftEdit.noPromise': () => 'Välj minst ett löfte som aktiviteten hör till.',
  'draftEdit.unknownPromise': () => 'Löftet finns inte i utkastet.',
  'draftEdit.noKeyword': () => 'Ange minst ett nyckelord, t.ex. trygghetsvandring.',
  'draftEdit.emptyTitle': () => 'Titeln kan inte vara tom.',
  'draftEdit.longTitle': ({ max }) => `Titeln är för lång: högst ${max} tecken.`,
  'draftEdit.noPoliceArea': () => 'Ange lokalpolisområdet, t.ex. Lokalpolisområde Hallsberg.',
  'draftEdit.badPeriod': ({ typed }) =>
    `"${typed}" går inte att läsa som en period. Skriv t.ex. 2024 eller 2024-07-01 – 2025-06-30.`,
  'draftEdit.noPromises': () => 'Ange minst ett löfte, ett per rad.',
  'import.idTaken': ({ id, title }) =>
    `Det finns redan ett medborgarlöfte med id ${id} (${title}): det går inte att spara.`,
  'import.overlaps': ({ title, start, end }) =>
    `Perioden överlappar ${title} (${start} – ${end}) som redan finns: det går inte att spara.`,
  'import.pasteAfterCommand': () => 'Klistra in medborgarlöftets text efter /importera.',
  'import.tooLong': ({ length, max }) =>
    `Texten är för lång (${sv(length)} tecken); jag läser högst ${sv(max)}. Dela upp den per medborgarlöfte. ${NOTHING_SAVED}`,
  'import.nothingRead': ({ problems }) =>
    `Jag hittade inga löften eller aktiviteter i texten${problems.length > 0 ? ` (${problemList(problems)})` : ''}. Klistra in texten som den är publicerad, med rubriken "Medborgarlöfte «år»" och punktlistorna. ${NOTHING_SAVED}`,
  'import.drafted': drafted,
  'import.draftFallback': ({ title, activities }) => `Utkast: ${title}, ${activities} aktiviteter.`,
  'import.unreadable': () => `Kortet skickade något jag inte kan läsa. Skriv /importera igen. ${NOTHING_SAVED}`,
  'import.pasteFirst': () => 'Klistra in texten i rutan först.',
  'import.draftGone': () => `Utkastet finns inte längre. Skriv /importera igen. ${NOTHING_SAVED}`,
  'import.draftClosed': ({ title, saved }) => `Utkastet till ${title} är redan ${saved ? 'sparat' : 'slängt'}.`,
  'import.noSuchActivity': () => `Aktiviteten finns inte i utkastet. ${NOTHING_SAVED}`,
  'import.alreadyClosed': () => 'Utkastet är redan stängt.',
  'import.cancelled': ({ title }) => `Utkastet till ${title} är slängt. ${NOTHING_SAVED}`,
  'import.editNotSaved': ({ problem }) => `${render(importTexts, problem)} Ändringen är inte sparad.`,
  'import.saveBlocked': ({ conflict }) =>
    `${render(importTexts, conflict)} ${NOTHING_SAVED} Ändra perioden i texten och läs in den igen, eller Avbryt.`,
  'import.saveFailed': ({ title, reason }) => `${title} kunde inte sparas: ${reason}. ${NOTHING_SAVED}`,
  'import.saved': ({ title, start, end, promises, activities, year }) =>
    `✅ ${title} är sparat (${start} – ${end}) med ${promises} löften och ${activities} aktiviteter. Skriv /status ${year} för läget.`,
};
