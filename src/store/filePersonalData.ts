// The GDPR export and erasure over the store folder's files (personalRecords.ts), as the port's
// PersonalData. The erasure rewrites the files themselves: the caller holds the folder's lock, and
// no Store in this process may write its memory back over them (open it read-only, or close it
// first: `beforeErase`).
import type { ErasureCounts, FoundPersonalData, PersonalData, PersonalRecordKind } from '../app/port/index.js';
import { findPerson, replacePerson } from './personalRecords.js';
import { CodedError } from '../errors/codedError.js';
import { storeText } from '../views/storeTexts.js';

/** The kind of `record`, at `path` in the store file `file` (a journal's line is a change: its `op` says). */
function kindOf(file: string, path: string, record: unknown): PersonalRecordKind {
  if (file.startsWith('entries-'))
    return path.startsWith('completions') || (record as { op?: string }).op === 'complete' ? 'completion' : 'entry';
  if (file.startsWith('area-') || file === 'areas.json') return 'area';
  const byFile: Record<string, PersonalRecordKind> = {
    'subscriptions.json': 'subscription',
    'meetings.json': 'meeting',
    'reminders.json': 'reminder',
    'publications.json': 'publication',
    'import-drafts.json': 'importDraft',
    'agreements.json': 'agreement',
  };
  return byFile[file] ?? 'other';
}

/**
 * The person's data in the store folder `storeDir`. `beforeErase` runs before the files are
 * rewritten (closing a writable Store open on the folder, so that it writes nothing after).
 */
export function filePersonalData(storeDir: string, beforeErase: () => Promise<void> = async () => {}): PersonalData {
  return {
    async find(personId): Promise<FoundPersonalData> {
      const found = await findPerson(storeDir, personId);
      return {
        names: found.names,
        records: found.records.map((r) => ({
          kind: kindOf(r.file, r.path, r.record),
          where: `${r.file} ${r.path}`,
          record: r.record,
        })),
        audit: found.audit,
      };
    },
    async erase(personId, pseudonym, by): Promise<ErasureCounts> {
      await beforeErase();
      const places = await replacePerson(storeDir, personId, pseudonym, (total) => ({
        at: by.at.toISOString(),
        by: by.by,
        via: by.via,
        action: 'person.erased',
        detail: storeText({ code: 'record.erased', pseudonym: pseudonym.id, total }),
      }));
      return { places, total: Object.values(places).reduce((a, b) => a + b, 0) };
    },
  };
}

/** A GDPR request put to a file store opened without its folder's name. */
class PersonalDataElsewhereError extends CodedError {
  override name = 'PersonalDataElsewhereError';
  readonly code = 'store.personalDataElsewhere';
  constructor() {
    super('the file store answers GDPR requests through npm run gdpr, on its folder');
  }
}

/** For a file store opened without its folder's name: the GDPR requests are npm run gdpr's, on the folder. */
export const noPersonalData: PersonalData = {
  find: () => Promise.reject(new PersonalDataElsewhereError()),
  erase: () => Promise.reject(new PersonalDataElsewhereError()),
};
