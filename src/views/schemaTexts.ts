// The words for what our schemas refuse (src/domain/agreement.ts, area.ts, responsible.ts): read by
// the operator in a store or config problem, by a coordinator when an imported draft does not hold.
import type { SchemaIssue } from '../domain/schemaIssue.js';
import { render, type Catalogue } from './catalogue.js';

type SchemaText =
  | { code: 'schema.dateForm' }
  | { code: 'schema.dateNotInCalendar' }
  | { code: 'schema.idForm' }
  | { code: 'schema.areaIdForm' }
  | { code: 'schema.periodReversed' }
  | { code: 'schema.promiseIdTwice' }
  | { code: 'schema.activityIdTwice' }
  | { code: 'schema.unknownPromise'; promiseId: string }
  | { code: 'schema.responsibleUnnamed' };

const idForm = 'id ska vara små bokstäver a-z, siffror och bindestreck';

/** Every sentence of the schemas, by code. */
export const schemaTexts: Catalogue<SchemaText> = {
  'schema.dateForm': () => 'datum ska skrivas ÅÅÅÅ-MM-DD',
  'schema.dateNotInCalendar': () => 'datumet finns inte i kalendern',
  'schema.idForm': () => idForm,
  'schema.areaIdForm': () => `${idForm}, t.ex. habo`,
  'schema.periodReversed': () => 'perioden slutar före den börjar',
  'schema.promiseIdTwice': () => 'två löften har samma id',
  'schema.activityIdTwice': () => 'två aktiviteter har samma id',
  'schema.unknownPromise': ({ promiseId }) => `okänt löfte "${promiseId}"`,
  'schema.responsibleUnnamed': () => 'en ansvarig behöver ett id eller en UPN',
};

/**
 * The words for one schema issue: our code's sentence, with its values from `params`; zod's own
 * message (not a code of ours) as zod wrote it.
 */
export function schemaIssueText(issue: SchemaIssue): string {
  if (!Object.hasOwn(schemaTexts, issue.message)) return issue.message;
  return render(schemaTexts, { ...issue.params, code: issue.message } as SchemaText);
}

/** The words for the first of `issues` (the one a refusal names), or `none` when there is none. */
export function firstIssueText(issues: readonly SchemaIssue[], none: string): string {
  const [first] = issues;
  return first ? schemaIssueText(first) : none;
}
