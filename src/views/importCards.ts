// Cards for /importera: the paste form, the draft (one row per activity with "Ändra", "Spara" and
// "Avbryt" for the whole draft, paged so a long text stays under Teams' 28 KB), and the small form
// that changes one activity.
import type { Activity } from '../domain/agreement.js';
import type { ImportDraft } from '../domain/importDraft.js';
import { expandCard, type AdaptiveCard } from './cards.js';
import { targetText } from './followUpTexts.js';
import { pageOf } from './paging.js';
import { doubtText } from './importDoubtTexts.js';

const IMPORT_ROWS_PER_PAGE = 8;
export const MAX_IMPORT_LENGTH = 20_000;

type ImportSubmit =
  | { verb: 'import.page'; draftId: string; page: number }
  | { verb: 'import.edit'; draftId: string; activityId: string; page: number }
  | { verb: 'import.editSave'; draftId: string; activityId: string; page: number }
  | { verb: 'import.back'; draftId: string; page: number }
  | { verb: 'import.period'; draftId: string; page: number }
  | { verb: 'import.agreementEdit'; draftId: string; page: number }
  | { verb: 'import.agreementSave'; draftId: string; page: number }
  | { verb: 'import.remove'; draftId: string; activityId: string; page: number; confirmed?: boolean }
  | { verb: 'import.save'; draftId: string }
  | { verb: 'import.cancel'; draftId: string }
  | { verb: 'import.text' };

const FIELD_TEXT: Record<string, string> = {
  period: 'Perioden',
  municipality: 'Kommunen',
  policeArea: 'Lokalpolisområdet',
  promises: 'Löftena',
  parties: 'Parter',
  target: 'Mål',
  places: 'Platser',
  promiseIds: 'Löfte',
};

/** Spara on a draft whose text named no period. */
export const PERIOD_FIRST =
  'Texten anger ingen period, så utkastet kan inte sparas än. Skriv perioden i rutan Period på kortet (t.ex. 2024 eller 2024-07-01 – 2025-06-30) och tryck Sätt period. Inget har sparats.';

/** "Sätt period" with something that is no period. */
export function periodNotRead(typed: string): string {
  const shown = typed.trim().length > 0 ? `"${typed.trim().slice(0, 60)}"` : 'Rutan';
  return `${shown} går inte att läsa som en period. Skriv t.ex. 2024, 2023-2024 eller 2024-07-01 – 2025-06-30. Perioden är inte ändrad.`;
}

// The text not read is shown so the coordinator sees what the import left out; a long text is cut
// so the card stays under Teams' size limit.
const UNUSED_SHOWN = 12;
const UNUSED_CHARS = 200;

function unusedLines(unused: readonly string[]): string[] {
  const shown = unused
    .slice(0, UNUSED_SHOWN)
    .map((u) => `"${u.length > UNUSED_CHARS ? `${u.slice(0, UNUSED_CHARS)}…` : u}"`);
  return unused.length > UNUSED_SHOWN ? [...shown, `… och ${unused.length - UNUSED_SHOWN} stycken till.`] : shown;
}

interface DraftRow {
  name: string;
  facts: { title: string; value: string }[];
  doubt: string;
  edit: ImportSubmit | null;
}

interface ImportDraftCardData {
  heading: string;
  meta: string;
  notice: string;
  doubts: string[];
  periodForm: ImportSubmit | null;
  unusedTitle: string;
  unused: string[];
  rows: DraftRow[];
  pageText: string;
  more: ImportSubmit | null;
  first: ImportSubmit | null;
  save: ImportSubmit | null;
  cancel: ImportSubmit | null;
  editAgreement: ImportSubmit | null;
  closedText: string;
}

function mark(doubt: unknown): string {
  return doubt ? ' ⚠' : '';
}

function row(draft: ImportDraft, a: Activity, page: number, open: boolean): DraftRow {
  const d = draft.activityDoubts[a.id] ?? {};
  const promiseNumbers = a.promiseIds
    .map((id) => draft.agreement.promises.findIndex((p) => p.id === id) + 1)
    .join(', ');
  return {
    name: a.name,
    facts: [
      { title: 'Parter', value: `${a.parties.join(', ')}${mark(d.parties)}` },
      { title: 'Mål', value: `${targetText(a)}${mark(d.target)}` },
      { title: 'Platser', value: `${a.places.length > 0 ? a.places.join(', ') : '–'}${mark(d.places)}` },
      { title: 'Löfte', value: `${promiseNumbers}${mark(d.promiseIds)}` },
    ],
    doubt: Object.entries(d)
      .map(([field, reason]) => `${FIELD_TEXT[field] ?? field}: ${doubtText(reason)}`)
      .join(' · '),
    edit: open ? { verb: 'import.edit', draftId: draft.id, activityId: a.id, page } : null,
  };
}

/**
 * The draft as a card, one page of activities (IMPORT_ROWS_PER_PAGE) at a time. `warnings` are
 * shown above the rows (e.g. a period that overlaps an agreement already there).
 */
export function importDraftCard(draft: ImportDraft, page: number, warnings: readonly string[] = []): AdaptiveCard {
  const a = draft.agreement;
  const open = draft.status === 'open';
  const p = pageOf(a.activities, page, IMPORT_ROWS_PER_PAGE);
  const promises = a.promises.map((x, i) => `${i + 1}. ${x.text}`).join(' · ');
  // A working copy of a saved agreement (/medborgarlöfte ändra) reads as a change, not an import.
  const change = draft.editOf !== undefined;
  const data: ImportDraftCardData = {
    heading: change
      ? `${open ? 'Ändra' : draft.status === 'saved' ? 'Ändrat' : 'Slängd ändring'}: ${a.title}`
      : `${open ? 'Utkast' : draft.status === 'saved' ? 'Sparat' : 'Slängt utkast'}: ${a.title}`,
    meta: `${draft.periodMissing ? 'Period saknas' : `${a.period.start} – ${a.period.end}`} · ${a.municipality} · ${a.policeArea} · ${a.activities.length} aktiviteter · Löften: ${promises}`,
    notice: !open
      ? ''
      : change
        ? 'Det här är en arbetskopia: inget ändras i medborgarlöftet förrän du trycker Spara. Ändra det som ska ändras, tryck sedan Spara; Avbryt slänger ändringarna.'
        : 'Inget är sparat än. Granska raderna: ⚠ betyder att jag är osäker. Ändra det som är fel, tryck sedan Spara.',
    doubts: [
      ...warnings,
      ...Object.entries(draft.doubts).map(([field, reason]) => `${FIELD_TEXT[field] ?? field}: ${doubtText(reason)}`),
    ],
    periodForm: open && draft.periodMissing ? { verb: 'import.period', draftId: draft.id, page: p.page } : null,
    unusedTitle: (draft.unused ?? []).length > 0 ? 'Text som inte lästes in:' : '',
    unused: unusedLines(draft.unused ?? []),
    rows: p.items.map((x) => row(draft, x, p.page, open)),
    pageText: p.pages > 1 ? `Visar ${p.first}–${p.last} av ${p.total} aktiviteter.` : '',
    more: p.page + 1 < p.pages ? { verb: 'import.page', draftId: draft.id, page: p.page + 1 } : null,
    first: p.page > 0 ? { verb: 'import.page', draftId: draft.id, page: 0 } : null,
    save: open ? { verb: 'import.save', draftId: draft.id } : null,
    cancel: open ? { verb: 'import.cancel', draftId: draft.id } : null,
    editAgreement: open ? { verb: 'import.agreementEdit', draftId: draft.id, page: p.page } : null,
    closedText: draft.closed ? `${draft.status === 'saved' ? 'Sparat' : 'Slängt'} av ${draft.closed.by.name}.` : '',
  };
  return expandCard('import-draft', data);
}

interface ImportActivityCardData {
  text: string;
  error: string;
  name: string;
  parties: string;
  places: string;
  target: string;
  count: string;
  unit: string;
  promiseIds: string;
  promiseChoices: { title: string; value: string }[];
  keywords: string;
  save: ImportSubmit;
  back: ImportSubmit;
  remove: ImportSubmit;
  question: string;
  confirmRemove: ImportSubmit | null;
}

/**
 * The small form behind "Ändra": name, parties, places, target, promises and keywords of one
 * activity, and "Ta bort aktiviteten". With `removal`, the question asked before an activity with
 * entries is removed, and its "Ta bort ändå" button.
 */
export function importActivityCard(
  draft: ImportDraft,
  activity: Activity,
  page: number,
  error = '',
  removal?: { question: string; confirm: boolean },
): AdaptiveCard {
  const t = activity.target;
  const data: ImportActivityCardData = {
    text: activity.text,
    error,
    name: activity.name,
    parties: activity.parties.join(', '),
    places: activity.places.join(', '),
    target: t.kind === 'recurring' ? t.rhythm : t.kind,
    count: t.kind === 'count' ? String(t.count) : '',
    unit: t.kind === 'count' ? t.unit : '',
    promiseIds: activity.promiseIds.join(','),
    promiseChoices: draft.agreement.promises.map((p, i) => ({
      title: `${i + 1}. ${p.text.length > 80 ? `${p.text.slice(0, 80)}…` : p.text}`,
      value: p.id,
    })),
    keywords: activity.keywords.join(', '),
    save: { verb: 'import.editSave', draftId: draft.id, activityId: activity.id, page },
    back: { verb: 'import.back', draftId: draft.id, page },
    remove: { verb: 'import.remove', draftId: draft.id, activityId: activity.id, page },
    question: removal?.question ?? '',
    confirmRemove: removal?.confirm
      ? { verb: 'import.remove', draftId: draft.id, activityId: activity.id, page, confirmed: true }
      : null,
  };
  return expandCard('import-activity', data);
}

interface ImportAgreementCardData {
  error: string;
  title: string;
  period: string;
  policeArea: string;
  promises: string;
  save: ImportSubmit;
  back: ImportSubmit;
}

/** The period as the form shows it: "2024", "2018-2019", or "2018-07-01 – 2020-06-30". */
function periodText(period: { start: string; end: string }): string {
  const y1 = period.start.slice(0, 4);
  const y2 = period.end.slice(0, 4);
  if (period.start.endsWith('-01-01') && period.end.endsWith('-12-31')) return y1 === y2 ? y1 : `${y1}-${y2}`;
  return `${period.start} – ${period.end}`;
}

/**
 * The form behind "Ändra löften och period": title, period, police area, and the promises one a
 * line, numbered ("2. …" keeps promise 2; a line without a number adds one; a left-out number removes
 * that promise and moves its activities to the one before it).
 */
export function importAgreementCard(draft: ImportDraft, page: number, error = ''): AdaptiveCard {
  const a = draft.agreement;
  const data: ImportAgreementCardData = {
    error,
    title: a.title,
    period: draft.periodMissing ? '' : periodText(a.period),
    policeArea: a.policeArea,
    promises: a.promises.map((p, i) => `${i + 1}. ${p.text}`).join('\n'),
    save: { verb: 'import.agreementSave', draftId: draft.id, page },
    back: { verb: 'import.back', draftId: draft.id, page },
  };
  return expandCard('import-agreement', data);
}

interface ImportFormCardData {
  intro: string;
  error: string;
  maxLength: number;
  submit: ImportSubmit;
}

/** The paste form for /importera without text. */
export function importFormCard(error = ''): AdaptiveCard {
  const data: ImportFormCardData = {
    intro:
      'Klistra in områdets medborgarlöfte som det är publicerat, med löften och aktiviteter. Jag gör ett utkast som du granskar; inget blir gällande förrän du trycker Spara.',
    error,
    maxLength: MAX_IMPORT_LENGTH,
    submit: { verb: 'import.text' },
  };
  return expandCard('import-form', data);
}
