// publications.json: drafts and every publication of the follow-up, on disk before the coordinator
// is told, validated on load, and never overwritten when it cannot be read.
import { expect } from 'chai';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileStorage, StoreFileError } from '../../src/store/storage.js';
import { Store } from '../../src/store/store.js';
import { A2018, A2020, APPROVED_COMMENT, fixtureStore, publishFixture } from '../fixtures/followUpStore.js';

const KEY = { agreementId: A2020.id, year: 2020, tertial: 1 as const };

describe('publication store', () => {
  let dir = '';
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'pubs-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('keeps every publication across a restart, who, when and what; the newest is the public one', async () => {
    const store = await fixtureStore(fileStorage(dir));
    await publishFixture(store, KEY, new Date('2020-05-05T08:00:00Z'));
    await publishFixture(store, KEY, new Date('2020-05-20T08:00:00Z'), { sig: 'Andra versionen.' });
    const file = JSON.parse(await readFile(path.join(dir, 'publications.json'), 'utf8')) as {
      publications: { publishedAt: string }[];
    };
    expect(file.publications.map((p) => p.publishedAt)).to.deep.equal([
      '2020-05-05T08:00:00.000Z',
      '2020-05-20T08:00:00.000Z',
    ]);

    const again = await Store.open(fileStorage(dir), []);
    expect(again.publications.all()).to.have.lengthOf(2);
    const latest = again.publications.latest(KEY);
    expect(latest?.publishedAt).to.equal('2020-05-20T08:00:00.000Z');
    expect(latest?.publishedBy.name).to.equal('Anna Andersson');
    expect(latest?.comments).to.deep.equal({ sig: 'Andra versionen.' });
    expect(again.publications.all()[0]?.comments['gemensam-krogtillsyn']).to.equal(APPROVED_COMMENT);
    // Publishing leaves its comments as the draft for the next review.
    expect(again.publications.draft(KEY)?.comments).to.deep.equal({ sig: 'Andra versionen.' });
    expect(again.publications.latest({ ...KEY, tertial: 2 })).to.equal(undefined);
  });

  it('a saved draft replaces the previous draft of the tertial and publishes nothing', async () => {
    const store = await Store.open(fileStorage(dir), [A2018, A2020]);
    const by = { id: 'aad-boss', name: 'Sara' };
    await store.publications.saveDraft({
      ...KEY,
      comments: { sig: 'ett' },
      savedBy: by,
      savedAt: '2020-05-01T08:00:00Z',
    });
    await store.publications.saveDraft({
      ...KEY,
      comments: { sig: 'två' },
      savedBy: by,
      savedAt: '2020-05-02T08:00:00Z',
    });
    const again = await Store.open(fileStorage(dir), []);
    expect(again.publications.draft(KEY)?.comments).to.deep.equal({ sig: 'två' });
    expect(again.publications.all()).to.deep.equal([]);
  });

  it('refuses a comment longer than the limit before anything is written', async () => {
    const store = await Store.open(fileStorage(dir), [A2020]);
    const by = { id: 'aad-boss', name: 'Sara' };
    let error: unknown;
    try {
      await store.publications.saveDraft({
        ...KEY,
        comments: { sig: 'x'.repeat(1001) },
        savedBy: by,
        savedAt: '2020-05-01T08:00:00Z',
      });
    } catch (e) {
      error = e;
    }
    expect(error).to.be.instanceOf(Error);
    expect(await readFile(path.join(dir, 'publications.json'), 'utf8').catch(() => 'absent')).to.equal('absent');
  });

  for (const [what, content] of [
    ['invalid JSON', '{"version": 1, "publications": ['],
    [
      'a publication that does not fit the format',
      JSON.stringify({ version: 1, drafts: [], publications: [{ id: 'x', agreementId: 'a', year: 2020, tertial: 4 }] }),
    ],
    ['an unknown version', JSON.stringify({ version: 2, drafts: [], publications: [] })],
  ] as const) {
    it(`refuses to open with ${what}, naming the file and leaving it untouched`, async () => {
      const file = path.join(dir, 'publications.json');
      await writeFile(file, content);
      let error: unknown;
      try {
        await Store.open(fileStorage(dir), [A2020]);
      } catch (e) {
        error = e;
      }
      expect(error).to.be.instanceOf(StoreFileError);
      expect((error as StoreFileError).file).to.equal(file);
      expect(await readFile(file, 'utf8')).to.equal(content);
      expect(await readFile(path.join(dir, 'areas.json'), 'utf8').catch(() => 'absent')).to.equal('absent');
    });
  }
});
