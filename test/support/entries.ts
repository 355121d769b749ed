// A plain stored entry for store tests: Anna's gemensam krogtillsyn on 14 March 2020, numbered.
import type { Entry } from '../../src/domain/entry.js';

/** Entry `e<n>` of jonkoping-2020 (one occasion, 14 March 2020), with `overrides` on top. */
export function sampleEntry(n: number, overrides: Partial<Entry> = {}): Entry {
  return {
    id: `e${n}`,
    agreementId: 'jonkoping-2020',
    activityId: 'gemensam-krogtillsyn',
    date: '2020-03-14',
    count: 1,
    by: { id: 'aad-anna', name: 'Anna' },
    loggedAt: '2020-03-14T18:00:00.000Z',
    ...overrides,
  };
}
