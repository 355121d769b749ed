// Why the importer is unsure of a field, in the words the draft card and `npm run import` show
// beside it ("Mål: inget mål i texten: pågående arbete").
import type { ImportDoubt } from '../domain/import/doubts.js';
import { type Catalogue, render } from './catalogue.js';

/** The Swedish for every reason the importer gives for being unsure. */
export const importDoubtTexts: Catalogue<ImportDoubt> = {
  'doubt.noMunicipality': () => 'kommunens namn står inte i texten',
  'doubt.noPoliceArea': () => 'lokalpolisområdets namn står inte i texten',
  'doubt.noPeriod': () => 'texten anger ingen period: välj perioden innan utkastet sparas',
  'doubt.noPromises': () => 'inga löften i texten: ett löfte med rubrikens namn',
  'doubt.promisesAreActivities': () => 'varje löfte är också sin egen aktivitet (texten har inga separata aktiviteter)',
  'doubt.unknownParty': ({ subject }) => `"${subject}" är ingen känd part: ärvda parter`,
  'doubt.noPlaces': () => 'texten pekar på "områdena" men löftet nämner inga platser',
  'doubt.timesPerYear': ({ times, years }) => `${times} gånger per år × ${years} år`,
  'doubt.timesPerTerm': ({ times }) => `${times} gånger per termin, två terminer per år`,
  'doubt.noUnit': () => 'enheten står inte i texten',
  'doubt.unitPerYear': ({ count, unit, years }) => `${count} ${unit} per år × ${years} år`,
  'doubt.condition': ({ condition }) => `villkoret "${condition}" står kvar i texten och räknas inte`,
  'doubt.patrolMonthly': () => 'ingen takt i texten: patrullering räknas varje månad',
  'doubt.noTarget': () => 'inget mål i texten: pågående arbete',
  'doubt.promiseByOrder': () => 'löftet är valt efter ordningen i listan',
  'doubt.everyPromise': () => 'gemensam lägesbild eller samordning: kopplad till alla löften',
};

/**
 * A field's reasons as one text, "; " between them. A draft stored before the reasons were codes
 * holds its reason as the sentence itself, shown as it is.
 */
export function doubtText(doubt: string | readonly ImportDoubt[]): string {
  return typeof doubt === 'string' ? doubt : doubt.map((d) => render(importDoubtTexts, d)).join('; ');
}
