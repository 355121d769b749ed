// What the store says about its files, its refusals and its own records: read by the operator (in
// "Kan inte starta: …", npm run store:check, the tools) and by coordinators where a refusal reaches a
// reply. The store picks the code and its values; the words are here.
import type { AgreementConflictError } from '../domain/agreement.js';
import type { EntryAgreementProblem } from '../domain/entry.js';
import { render, type Catalogue } from './catalogue.js';

/** A problem found in a store file, on a line of a journal or log, or in a snapshot. */
type StoreFileProblem =
  | { code: 'file.form'; at?: string; message?: string }
  | { code: 'file.areaListedTwice' }
  | { code: 'file.bindingTwice' }
  | { code: 'file.areaMissing' }
  | { code: 'file.ofOtherArea'; found: string; expected: string }
  | { code: 'file.agreementInTwoAreas'; agreementId: string; otherArea: string }
  | { code: 'file.entryTwice'; entryId: string; index: number }
  /** Which entry, counted from 1 for a person mending the file by hand; `index` counts from 0. */
  | { code: 'file.entryNumber'; index: number; entryId?: string }
  | { code: 'file.entryProblem'; index: number; problem: string }
  | { code: 'line.notJson'; line: number; reason: string }
  | { code: 'line.notValidJson'; line: number; reason: string }
  | { code: 'line.form'; line: number; at?: string; message?: string }
  | { code: 'line.journalForm'; line: number; at: string; message: string }
  | { code: 'line.gap'; line: number; seq: number; expected: number }
  | { code: 'line.problem'; line: number; problem: string }
  | { code: 'check.noStore' }
  | { code: 'check.unreadable'; reason: string }
  | { code: 'check.tornLine' }
  | { code: 'check.manifestUnreadable'; reason: string }
  | { code: 'check.missingInSnapshot' }
  | { code: 'check.changed' }
  | { code: 'check.notListed' };

/** A change the store refuses, or a failure it reports (the message of its named error). */
type StoreRefusal =
  | { code: 'refused.agreementOfOtherArea'; agreementId: string; area: string; expected: string }
  | { code: 'refused.agreementNotOfArea'; area: string; expected: string }
  | { code: 'refused.sameAgreementId' }
  | { code: 'refused.overlap'; first: string; second: string }
  | { code: 'refused.periodOverlaps'; other: string }
  | { code: 'refused.areaExists'; areaId: string }
  | { code: 'refused.unknownArea'; areaId: string }
  | { code: 'refused.unknownAgreement'; agreementId: string }
  | { code: 'refused.unknownAgreementInArea'; agreementId: string; areaId: string }
  | { code: 'refused.agreementBelongsTo'; agreementId: string; area: string }
  | { code: 'refused.agreementExists'; agreementId: string }
  | { code: 'refused.periodOfOverlaps'; agreementId: string; other: string }
  | { code: 'refused.entryExists'; entryId: string }
  | { code: 'refused.entryMissing'; entryId: string }
  | EntryAgreementProblem
  | { code: 'failed.fileUnreadable'; file: string; reason: string }
  | { code: 'failed.locked'; pid: number; file: string }
  | { code: 'failed.journalNotRestored'; label: string; reason: string }
  | { code: 'failed.readOnly'; label: string }
  | { code: 'failed.snapshot'; dir: string; problems: string }
  | { code: 'failed.unreadableReference'; reason: string }
  | { code: 'restore.noSnapshots'; dir: string }
  | { code: 'restore.notFound'; given: string; dir: string }
  | { code: 'restore.snapshotFails'; dir: string }
  | { code: 'restore.resultFails'; setAside: string };

/** The details of the store's own history and audit lines. */
type StoreRecordText =
  | { code: 'record.upgraded' }
  | { code: 'record.created' }
  | { code: 'record.movedFrom'; label: string; areaId: string }
  | { code: 'record.erased'; pseudonym: string; total: number };

export type StoreText = StoreFileProblem | StoreRefusal | StoreRecordText;

const formProblem = (at: string | undefined, message: string | undefined) =>
  `stämmer inte med formatet${at ? ` vid ${at}` : ''}: ${message ?? 'okänt fel'}`;

const entryNumber = (index: number, entryId?: string) => `(insats nr ${index + 1}${entryId ? `, id ${entryId}` : ''})`;

const fileProblems: Catalogue<StoreFileProblem> = {
  'file.form': ({ at, message }) => `innehållet ${formProblem(at, message)}`,
  'file.areaListedTwice': () => 'ett område står två gånger',
  'file.bindingTwice': () => 'en konversation är bunden två gånger',
  'file.areaMissing': () => 'filen saknas, men areas.json nämner området',
  'file.ofOtherArea': ({ found, expected }) => `filen gäller området "${found}", inte "${expected}"`,
  'file.agreementInTwoAreas': ({ agreementId, otherArea }) =>
    `medborgarlöftet ${agreementId} finns också i området ${otherArea}`,
  'file.entryTwice': ({ entryId, index }) => `insatsen ${entryId} finns två gånger (entries.${index})`,
  'file.entryNumber': ({ index, entryId }) => entryNumber(index, entryId),
  'file.entryProblem': ({ index, problem }) => `entries.${index} ${entryNumber(index)}: ${problem}`,
  'line.notJson': ({ line, reason }) => `rad ${line} är inte JSON (${reason})`,
  'line.notValidJson': ({ line, reason }) => `rad ${line} är inte giltig JSON (${reason})`,
  'line.form': ({ line, at, message }) => `rad ${line} ${formProblem(at, message)}`,
  'line.journalForm': ({ line, at, message }) => `rad ${line} stämmer inte med formatet: ${at} ${message}`,
  'line.gap': ({ line, seq, expected }) => `rad ${line} har nummer ${seq}, väntat ${expected}: rader saknas`,
  'line.problem': ({ line, problem }) => `rad ${line}: ${problem}`,
  'check.noStore': () => 'filen saknas: här finns ingen lagring',
  'check.unreadable': ({ reason }) => `kan inte läsas (${reason})`,
  'check.tornLine': () => 'sista raden är avbruten (den tas bort när boten startar)',
  'check.manifestUnreadable': ({ reason }) => `saknas eller kan inte läsas (${reason})`,
  'check.missingInSnapshot': () => 'filen saknas i säkerhetskopian',
  'check.changed': () => 'innehållet har ändrats sedan kopian togs (kontrollsumman stämmer inte)',
  'check.notListed': () => 'filen finns inte i säkerhetskopians förteckning',
};

const refusals: Catalogue<StoreRefusal> = {
  'refused.agreementOfOtherArea': ({ agreementId, area, expected }) =>
    `${agreementId} hör till området "${area}", inte "${expected}"`,
  'refused.agreementNotOfArea': ({ area, expected }) => `medborgarlöftet hör till området ${area}, inte ${expected}`,
  'refused.sameAgreementId': () => 'två medborgarlöften har samma id',
  'refused.overlap': ({ first, second }) => `${first} och ${second} har överlappande perioder`,
  'refused.periodOverlaps': ({ other }) => `perioden överlappar ${other}`,
  'refused.areaExists': ({ areaId }) => `området ${areaId} finns redan`,
  'refused.unknownArea': ({ areaId }) => `okänt område ${areaId}`,
  'refused.unknownAgreement': ({ agreementId }) => `okänt medborgarlöfte ${agreementId}`,
  'refused.unknownAgreementInArea': ({ agreementId, areaId }) =>
    `okänt medborgarlöfte ${agreementId} i området ${areaId}`,
  'refused.agreementBelongsTo': ({ agreementId, area }) => `medborgarlöftet ${agreementId} hör till området ${area}`,
  'refused.agreementExists': ({ agreementId }) => `medborgarlöftet ${agreementId} finns redan`,
  'refused.periodOfOverlaps': ({ agreementId, other }) => `perioden för ${agreementId} överlappar ${other}`,
  'refused.entryExists': ({ entryId }) => `insatsen ${entryId} finns redan`,
  'refused.entryMissing': ({ entryId }) => `insatsen ${entryId} finns inte`,
  'refused.entryOfOtherAgreement': ({ entryId, agreementId, expected }) =>
    `insatsen ${entryId} hör till medborgarlöftet "${agreementId}", inte "${expected}"`,
  'refused.entryUnknownActivity': ({ entryId, activityId, agreementId }) =>
    `insatsen ${entryId} gäller aktiviteten "${activityId}", som inte finns i medborgarlöftet ${agreementId}`,
  'refused.entryOutsidePeriod': ({ entryId, date, start, end }) =>
    `insatsen ${entryId} har datumet ${date}, utanför medborgarlöftets period ${start}–${end}`,
  'failed.fileUnreadable': ({ file, reason }) =>
    `Lagringsfilen ${file} kan inte läsas: ${reason}. Filen har lämnats orörd; rätta eller flytta den och starta igen.`,
  'failed.locked': ({ pid, file }) =>
    `Lagringsmappen används redan av process ${pid} (${file}). Stoppa den först; två processer på samma filer skulle skriva över varandras insatser.`,
  'failed.journalNotRestored': ({ label, reason }) =>
    `${label}: skrivningen misslyckades och filen kunde inte återställas (${reason}); starta om boten`,
  'failed.readOnly': ({ label }) => `${label}: skrivs aldrig av ett läsverktyg`,
  'failed.snapshot': ({ dir, problems }) => `säkerhetskopian ${dir} klarade inte kontrollen: ${problems}`,
  'failed.unreadableReference': ({ reason }) => `okänd konversationsreferens: ${reason}`,
  'restore.noSnapshots': ({ dir }) => `Det finns inga säkerhetskopior i ${dir}.`,
  'restore.notFound': ({ given, dir }) =>
    `Hittar ingen säkerhetskopia "${given}" (varken som mapp eller i ${dir}). npm run store:check listar dem.`,
  'restore.snapshotFails': ({ dir }) => `Säkerhetskopian ${dir} klarar inte kontrollen; inget har ändrats.`,
  'restore.resultFails': ({ setAside }) =>
    `Återställningen gav en lagring som inte klarar kontrollen (de ersatta filerna finns i ${setAside}).`,
};

const records: Catalogue<StoreRecordText> = {
  'record.upgraded': () => 'från agreements.json, med ALLOWED_TENANTS och COORDINATORS',
  'record.created': () => 'med de medföljande medborgarlöftena',
  'record.movedFrom': ({ label, areaId }) => `${label} (nu ${areaId})`,
  'record.erased': ({ pseudonym, total }) => `ersatt med ${pseudonym} i ${total} poster`,
};

/** Every sentence of the store, by code. */
export const storeTexts: Catalogue<StoreText> = { ...fileProblems, ...refusals, ...records };

/** The sentence for one of the store's codes. */
export function storeText(text: StoreText): string {
  return render(storeTexts, text);
}

/** An agreement refused for its id or its period (AgreementConflictError), in words. */
export function agreementConflictText(
  error: Pick<AgreementConflictError, 'reason' | 'agreementId' | 'conflictsWith'>,
): string {
  return error.reason === 'duplicate'
    ? storeText({ code: 'refused.agreementExists', agreementId: error.agreementId })
    : storeText({ code: 'refused.periodOverlaps', other: error.conflictsWith });
}
