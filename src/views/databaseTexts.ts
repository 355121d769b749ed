// What the operator reads when PostgreSQL (DATABASE_URL) cannot be used: at the start, in the
// command-line tools and as the readiness reason. The address is shown without its password; the
// server's own words are quoted as they came.
import { render, type Catalogue } from './catalogue.js';

/** Why the database named by DATABASE_URL is not usable; `url` without the password. */
export type DatabaseProblem =
  { code: 'database.notOpened'; url: string; reason: string } | { code: 'database.noAnswer'; url: string };

export const databaseTexts: Catalogue<DatabaseProblem> = {
  'database.notOpened': ({ url, reason }) =>
    `DATABASE_URL: PostgreSQL på ${url} kunde inte öppnas. Servern svarade: ${reason}`,
  'database.noAnswer': ({ url }) => `PostgreSQL på ${url} svarar inte.`,
};

/** The operator's line for a database problem. */
export function databaseText(problem: DatabaseProblem): string {
  return render(databaseTexts, problem);
}
