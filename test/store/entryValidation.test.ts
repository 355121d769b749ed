// The store refuses, at start and in store:check, an entry whose date is no calendar day, or that
// does not belong to the agreement whose file holds it (its period, its activities, its id).
import { expect } from 'chai';
import fc from 'fast-check';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import { runStoreCli } from '../../src/cli/store.js';
import { isoDateSchema } from '../../src/domain/agreement.js';
import { isValidIsoDate } from '../../src/domain/calendar.js';
import { fileStorage, StoreFileError } from '../../src/store/storage.js';
import { Store } from '../../src/store/store.js';
import { bundledAgreements } from '../support/fakes.js';
import { tempDir } from '../support/harness.js';
import { sampleEntry as entry } from '../support/entries.js';

const seed = await bundledAgreements();

async function storeCheck(dir: string): Promise<{ code: number; out: string }> {
  let out = '';
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      out += chunk.toString();
      done();
    },
  }) as unknown as NodeJS.WriteStream;
  const code = await runStoreCli(['check', '--store', dir], {}, { out: stream, err: stream });
  return { code, out };
}

async function refusal(dir: string): Promise<StoreFileError> {
  try {
    await Store.open(fileStorage(dir), seed);
  } catch (error) {
    expect(error).to.be.instanceOf(StoreFileError);
    return error as StoreFileError;
  }
  throw new Error('expected the store to refuse to open');
}

/** A store with two entries in its entries file (folded at close) and one more in the journal. */
async function storeWithEntries(): Promise<string> {
  const dir = tempDir();
  const first = await Store.open(fileStorage(dir), seed);
  await first.addEntry(entry(1));
  await first.addEntry(entry(2, { date: '2020-05-02' }));
  await first.close();
  const second = await Store.open(fileStorage(dir), seed, { foldMinBytes: Number.POSITIVE_INFINITY });
  await second.addEntry(entry(3, { date: '2020-06-01' }));
  await second.settled();
  return dir;
}

const documentOf = (dir: string) => path.join(dir, 'entries-jonkoping-2020.json');
const journalOf = (dir: string) => path.join(dir, 'entries-jonkoping-2020.journal.jsonl');

/** Changes the first occurrence of `from` in the file, keeping everything else as it was. */
function damage(file: string, from: string, to: string): string {
  const text = readFileSync(file, 'utf8');
  expect(text).to.include(from);
  const damaged = text.replace(from, to);
  writeFileSync(file, damaged);
  return damaged;
}

describe('entries that cannot be right are refused at start and by store:check', () => {
  it('the ISO date schema takes real calendar days only, as the calendar does', () => {
    expect(isoDateSchema.safeParse('2020-02-29').success).to.equal(true);
    expect(isoDateSchema.safeParse('2020-02-31').success).to.equal(false);
    expect(isoDateSchema.safeParse('2021-02-29').success).to.equal(false);
    expect(isoDateSchema.safeParse('2020-13-01').success).to.equal(false);
    expect(isoDateSchema.safeParse('2020-3-1').success).to.equal(false);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 9999 }),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 0, max: 32 }),
        (y, m, d) => {
          const s = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
          expect(isoDateSchema.safeParse(s).success).to.equal(isValidIsoDate(s));
        },
      ),
    );
  });

  it('a store as the bot writes it passes', async () => {
    const dir = await storeWithEntries();
    expect((await storeCheck(dir)).code).to.equal(0);
    const store = await Store.open(fileStorage(dir), seed);
    expect(store.entries('jonkoping-2020').map((e) => e.id)).to.deep.equal(['e1', 'e2', 'e3']);
  });

  it('2020-02-31 in the entries file: the start refuses, the file untouched, and store:check says where', async () => {
    const dir = await storeWithEntries();
    const damaged = damage(documentOf(dir), '"date":"2020-05-02"', '"date":"2020-02-31"');
    const error = await refusal(dir);
    expect(error.file).to.equal(documentOf(dir));
    expect(error.reason).to.include('entries.1.date (insats nr 2, id e2)');
    expect(error.reason).to.include('datumet finns inte i kalendern');
    expect(readFileSync(documentOf(dir), 'utf8')).to.equal(damaged);
    const check = await storeCheck(dir);
    expect(check.code).to.equal(1);
    expect(check.out).to.include(documentOf(dir));
    expect(check.out).to.include('datumet finns inte i kalendern');
    expect(check.out).to.include('insats nr 2, id e2');
  });

  it('2020-02-31 in a journal line: refused with the line', async () => {
    const dir = await storeWithEntries();
    const damaged = damage(journalOf(dir), '"date":"2020-06-01"', '"date":"2020-02-31"');
    const error = await refusal(dir);
    expect(error.file).to.equal(journalOf(dir));
    expect(error.reason).to.match(/^rad 1 /u);
    expect(error.reason).to.include('datumet finns inte i kalendern');
    expect(readFileSync(journalOf(dir), 'utf8')).to.equal(damaged);
    expect((await storeCheck(dir)).code).to.equal(1);
  });

  it('a date outside the agreement’s period, in the file or the journal, is refused naming the entry', async () => {
    const dir = await storeWithEntries();
    const damaged = damage(documentOf(dir), '"date":"2020-05-02"', '"date":"2019-01-20"');
    const error = await refusal(dir);
    expect(error.file).to.equal(documentOf(dir));
    expect(error.reason).to.equal(
      'entries.1 (insats nr 2): insatsen e2 har datumet 2019-01-20, utanför medborgarlöftets period 2020-01-01–2020-12-31',
    );
    expect(readFileSync(documentOf(dir), 'utf8')).to.equal(damaged);
    const check = await storeCheck(dir);
    expect(check.code).to.equal(1);
    expect(check.out).to.include('utanför medborgarlöftets period');

    const other = await storeWithEntries();
    damage(journalOf(other), '"date":"2020-06-01"', '"date":"2021-01-04"');
    const inJournal = await refusal(other);
    expect(inJournal.file).to.equal(journalOf(other));
    expect(inJournal.reason).to.equal(
      'rad 1: insatsen e3 har datumet 2021-01-04, utanför medborgarlöftets period 2020-01-01–2020-12-31',
    );
  });

  it('an activity or agreement the agreement does not have is refused', async () => {
    const dir = await storeWithEntries();
    damage(documentOf(dir), '"activityId":"gemensam-krogtillsyn"', '"activityId":"finns-inte"');
    expect((await refusal(dir)).reason).to.equal(
      'entries.0 (insats nr 1): insatsen e1 gäller aktiviteten "finns-inte", som inte finns i medborgarlöftet jonkoping-2020',
    );
    const other = await storeWithEntries();
    damage(journalOf(other), '"agreementId":"jonkoping-2020"', '"agreementId":"jonkoping-2018-2019"');
    expect((await refusal(other)).reason).to.equal(
      'rad 1: insatsen e3 hör till medborgarlöftet "jonkoping-2018-2019", inte "jonkoping-2020"',
    );
    expect((await storeCheck(other)).code).to.equal(1);
  });
});
