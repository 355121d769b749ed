// The reviewed agreements shipped in data/agreements/, used to seed a new store.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { agreementSchema, type Agreement } from '../domain/agreement.js';
import { StoreFileError } from './storage.js';
import { schemaIssueText } from '../views/schemaTexts.js';

export async function loadBundledAgreements(dir: string): Promise<Agreement[]> {
  const names = (await readdir(dir)).filter((n) => n.endsWith('.json')).sort();
  const agreements: Agreement[] = [];
  for (const name of names) {
    const file = path.join(dir, name);
    let raw: unknown;
    try {
      raw = JSON.parse(await readFile(file, 'utf8'));
    } catch (error) {
      throw new StoreFileError(file, (error as Error).message);
    }
    const parsed = agreementSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new StoreFileError(file, `${issue?.path.join('.') ?? ''}: ${issue ? schemaIssueText(issue) : 'ogiltig'}`);
    }
    agreements.push(parsed.data);
  }
  return agreements;
}
