// /mina and /ångra read a person's entries from an index, not the year's entries: the index must
// give exactly what filtering every entry gives, after any mix of logging, taking back and reopening.
import { expect } from 'chai';
import fc from 'fast-check';
import type { Entry } from '../../src/domain/entry.js';
import { MemoryStorage } from '../../src/store/storage.js';
import { Store } from '../../src/store/store.js';
import { bundledAgreements } from '../support/fakes.js';

const seed = await bundledAgreements();
const PEOPLE = ['aad-anna', 'aad-berit', 'aad-cecilia'];

const step = fc.oneof(
  fc.record({ kind: fc.constant('log' as const), by: fc.nat(2), agreement: fc.boolean() }),
  fc.record({ kind: fc.constant('undo' as const), by: fc.nat(2), which: fc.nat(30) }),
);

describe('entries by person (the index behind /mina and /ångra)', () => {
  it('equals filtering every entry by who logged or took it back, before and after a restart', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { maxLength: 30 }), async (steps) => {
        const storage = new MemoryStorage();
        const store = await Store.open(storage, seed);
        let n = 0;
        for (const s of steps) {
          const by = { id: PEOPLE[s.by]!, name: PEOPLE[s.by]! };
          if (s.kind === 'log') {
            const agreementId = s.agreement ? 'jonkoping-2020' : 'jonkoping-2018-2019';
            const date = s.agreement ? '2020-03-14' : '2019-03-14';
            await store.addEntry({
              id: `e${++n}`,
              agreementId,
              activityId: store.agreement(agreementId)!.activities[0]!.id,
              date,
              count: 1,
              by,
              loggedAt: `2020-03-14T18:00:${String(n % 60).padStart(2, '0')}.000Z`,
            });
          } else {
            const target = store.allEntries()[s.which % Math.max(1, store.allEntries().length)];
            if (target)
              await store.markRemoved(target.agreementId, target.id, {
                by,
                at: '2020-03-15T10:00:00.000Z',
                reason: 'undo',
              });
          }
        }
        const expected = (s: Store, person: string) =>
          s.allEntries().filter((e: Entry) => e.by.id === person || e.removed?.by.id === person);
        for (const person of PEOPLE) expect(store.entriesTouchedBy(person)).to.deep.equal(expected(store, person));
        await store.close();
        const reopened = await Store.open(storage, seed);
        for (const person of PEOPLE)
          expect(reopened.entriesTouchedBy(person)).to.deep.equal(expected(reopened, person));
      }),
      { numRuns: 40 },
    );
  });
});
