// What /medborgarlöfte ändra says: how to use it, the working copy's intro, the question before an
// activity with entries is removed, and why a change could not be saved.
import type { AgreementEditProblem } from '../domain/agreementEdit.js';
import { formatSwedishDate } from '../domain/calendar.js';

export const AGREEMENT_EDIT_USAGE =
  'Skriv /medborgarlöfte ändra för att ändra det medborgarlöfte som gäller nu, eller /medborgarlöfte ändra 2020 för ett visst år.';

export const AGREEMENT_EDIT_PERSONAL_ONLY =
  'Medborgarlöftet ändras i chatten med mig, inte här. Skriv /medborgarlöfte ändra till mig direkt.';

/** No agreement for what was typed after "ändra". */
export function agreementEditNotFound(typed: string, known: string): string {
  return `Det finns inget medborgarlöfte ${typed ? `"${typed.slice(0, 40)}"` : 'som gäller nu'}. Kända: ${known}.`;
}

/** The working copy's card, in words (the fallback where cards are not shown). */
export function agreementEditFallback(title: string, activities: number): string {
  return `Ändra ${title}: ${activities} aktiviteter.`;
}

/** The saved working copy's card, in words. */
export function agreementChangedFallback(title: string): string {
  return `${title} är ändrat.`;
}

/** Above the working copy's card. */
export function agreementEditIntro(title: string): string {
  return `Här är ${title} att ändra. Inget ändras förrän du trycker Spara; Avbryt slänger ändringarna.`;
}

/** "Ta bort" on an activity that has entries. */
export function removeActivityQuestion(count: number): string {
  return `Aktiviteten har ${count} ${count === 1 ? 'insats' : 'insatser'}. Ta bort ändå? Insatserna sparas men räknas inte längre, och ingen kan logga på aktiviteten.`;
}

export const LAST_ACTIVITY = 'Ett medborgarlöfte måste ha minst en aktivitet, så den sista kan inte tas bort.';

/** Spara refused: why, in Swedish; the working copy stays open. */
export function agreementEditProblemText(problem: AgreementEditProblem): string {
  switch (problem.code) {
    case 'unchanged':
      return 'Inget är ändrat, så det finns inget att spara.';
    case 'entriesOutside':
      return problem.count === 1
        ? `1 insats ligger utanför den nya perioden (${formatSwedishDate(problem.first)}). Den skulle inte höra till något medborgarlöfte, så perioden kan inte ändras så. Flytta eller ta bort den insatsen först, eller välj en period som rymmer den. Inget har ändrats.`
        : `${problem.count} insatser ligger utanför den nya perioden (den första ${formatSwedishDate(problem.first)}). De skulle inte höra till något medborgarlöfte, så perioden kan inte ändras så. Flytta eller ta bort de insatserna först, eller välj en period som rymmer dem. Inget har ändrats.`;
    case 'overlap':
      return `Perioden överlappar ${problem.other.title} (${problem.other.start} – ${problem.other.end}): det går inte att spara. Inget har ändrats.`;
  }
}

export const AGREEMENT_CHANGED_MEANWHILE =
  'Medborgarlöftet har ändrats av någon annan sedan du öppnade kortet. Skriv /medborgarlöfte ändra igen för att börja från det som gäller nu. Inget har ändrats.';

/** After Spara of a working copy. */
export function agreementEditSaved(title: string, changes: number, year: string, audited = true): string {
  const where = audited
    ? ', alla i /historik'
    : '; historiken kunde inte skrivas, så de syns inte i /historik. Be den som driver boten titta i loggen';
  return `✅ Ändringarna i ${title} är sparade (${changes} ${changes === 1 ? 'ändring' : 'ändringar'}${where}). Skriv /status ${year} för läget.`;
}

/** Spara failed in the store (a write error, or a refusal it found itself). */
export function agreementEditFailed(title: string, reason: string): string {
  return `${title} kunde inte ändras: ${reason}. Inget har ändrats.`;
}
