// A store written before occasions (test/fixtures/stores/before-occasions, made by that code): each
// of its entries is an occasion of its own. What was stored is what was logged, so two people's
// entries of the same joint inspection stay two; nothing is merged or rewritten on load.
import { cpSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import { occasionsOf } from '../../src/domain/occasion.js';
import { renderEntriesCsv } from '../../src/report/reports.js';
import { fileStorage } from '../../src/store/storage.js';
import { cardsOf, harness, readable, SAMORDNARE, submitActions, tempDir } from '../support/harness.js';

const FIXTURE = fileURLToPath(new URL('../fixtures/stores/before-occasions/', import.meta.url));
const JOHAN = { id: '29:johan', name: 'Johan Berg', aadObjectId: 'aad-johan' };

describe('a store from before occasions', () => {
  it('loads with every entry an occasion of its own, counted as before, and is not rewritten', async () => {
    const dir = tempDir('occ-upgrade-');
    cpSync(FIXTURE, dir, { recursive: true });
    const file = path.join(dir, 'entries-jonkoping-2020.json');
    expect(readFileSync(file, 'utf8')).not.to.include('occasionId');

    const h = await harness({ now: '2020-10-15T10:00:00+02:00', storage: fileStorage(dir), idPrefix: 'new' });
    const entries = h.store.entries('jonkoping-2020');
    const live = entries.filter((e) => !e.removed);
    expect(live).to.have.length(6);
    expect(occasionsOf(entries).map((o) => o.id)).to.deep.equal(live.map((e) => e.id));
    // Anna's and Berit's entries of 13 October, and 2 tillfällen on 2 October: 4, as before.
    expect(readable(await h.say('/status gemensam krogtillsyn', { user: SAMORDNARE }))).to.include('4 av 4 tillfällen');
    const csv = renderEntriesCsv(h.store, 2020, { start: '2020-01-01', end: '2020-12-31' }).body.toString('utf8');
    const numbers = csv
      .split('\r\n')
      .slice(1, -1)
      .map((l) => l.split(';').at(-1));
    expect(numbers).to.deep.equal(['1', '2', '3', '4', '5', '6', '7']);

    // Someone new is asked about the stored occasion; a yes joins it and counts nothing more.
    const asked = await h.say('/logga gemensam krogtillsyn Öxnehaga 13/10', { user: JOHAN });
    expect(readable(asked)).to.include('har redan loggat Gemensam krogtillsyn 13 oktober i Öxnehaga. Var du med där?');
    expect(readable(await h.submit(submitActions(cardsOf(asked)[0])[0], { user: JOHAN }))).to.include('✅ Loggat');
    expect(readable(await h.say('/status gemensam krogtillsyn', { user: SAMORDNARE }))).to.include('4 av 4 tillfällen');
    await h.store.close();

    // The old entries are as they were; only the new one names an occasion.
    const after = JSON.parse(readFileSync(file, 'utf8')) as { entries: { id: string; occasionId?: string }[] };
    const named = after.entries.filter((e) => e.occasionId !== undefined);
    expect(named).to.have.length(1);
    expect(['id-1', 'id-2']).to.include(named[0]?.occasionId);
    expect(after.entries).to.have.length(8);
  });
});
