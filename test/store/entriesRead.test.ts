// An entries file as the store writes it (one entry per line) is read entry by entry; what it
// reads, and what it refuses and how the refusal reads, is the same as reading the file whole.
import { expect } from 'chai';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { checkEntriesJson } from '../../src/store/entriesLog.js';
import { fileStorage, StoreFileError } from '../../src/store/storage.js';
import { Store } from '../../src/store/store.js';
import { bundledAgreements } from '../support/fakes.js';
import { tempDir } from '../support/harness.js';

const seed = await bundledAgreements();
const entry = (n: number) => ({
  id: `e${n}`,
  agreementId: 'jonkoping-2020',
  activityId: 'gemensam-krogtillsyn',
  date: '2020-03-14',
  place: 'Öxnehaga',
  count: n,
  note: `anteckning ${n}`,
  by: { id: 'aad-anna', name: 'Anna' },
  loggedAt: '2020-03-14T18:00:00.000Z',
});

/** A closed store with three entries, folded: entries-jonkoping-2020.json as the store writes it. */
async function storeWithThree(): Promise<{ dir: string; file: string }> {
  const dir = tempDir('mlb-entries-read-');
  const store = await Store.open(fileStorage(dir), seed);
  for (const n of [1, 2, 3]) await store.addEntry(entry(n));
  await store.close();
  return { dir, file: path.join(dir, 'entries-jonkoping-2020.json') };
}

async function refusal(dir: string): Promise<string> {
  const error = await Store.open(fileStorage(dir), seed).catch((e: unknown) => e);
  expect(error).to.be.instanceOf(StoreFileError);
  return (error as StoreFileError).message;
}

describe('an entries file read entry by entry', () => {
  it('reads the entries as the whole file says them, in order', async () => {
    const { dir, file } = await storeWithThree();
    const text = readFileSync(file, 'utf8');
    expect(text.split('\n').filter((l) => l.startsWith('    {'))).to.have.length(3);
    const store = await Store.open(fileStorage(dir), seed);
    expect(store.entries('jonkoping-2020')).to.deep.equal((JSON.parse(text) as { entries: unknown[] }).entries);
    expect(() => checkEntriesJson(text)).not.to.throw();
  });

  it('refuses an invalid entry with the same words as a whole read, naming its number and id', async () => {
    const { dir, file } = await storeWithThree();
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.replace('"count":2', '"count":-2'));
    const lineWise = await refusal(dir);
    expect(lineWise).to.include('vid entries.1.count (insats nr 2, id e2)');
    // The same document on one line (another layout) is read whole: the same message.
    writeFileSync(file, JSON.stringify(JSON.parse(text.replace('"count":2', '"count":-2'))));
    expect(await refusal(dir)).to.equal(lineWise);
  });

  it('refuses a file whose entries lines lack a comma, as JSON does', async () => {
    const { dir, file } = await storeWithThree();
    const broken = readFileSync(file, 'utf8').replace(/,\n {4}\{"id":"e2"/, '\n    {"id":"e2"');
    writeFileSync(file, broken);
    expect(() => checkEntriesJson(broken)).to.throw(SyntaxError);
    expect(await refusal(dir)).to.include('ogiltig JSON');
  });
});
