// The memory store passes the store conformance suite, and starts with the areas it is given.
import { expect } from 'chai';
import { SYSTEM_ACTOR } from '../../../src/domain/audit.js';
import { createMemoryStore } from '../../../src/store/memoryStore.js';
import { AT, H2020, HABO } from './fixtures.js';
import { storeConformance } from './index.js';

storeConformance('the memory store', async () => {
  const port = await createMemoryStore();
  return { port, close: () => port.close() };
});

describe('createMemoryStore with areas to start with', () => {
  it('holds them as added by the system, with their agreements and nothing else', async () => {
    const port = await createMemoryStore({ areas: [{ area: HABO, agreements: [H2020] }], seededAt: AT });
    expect((await port.areas.areas()).map((a) => a.id)).to.deep.equal(['habo']);
    expect((await port.records('habo').agreements()).map((a) => a.id)).to.deep.equal(['habo-2020']);
    expect(await port.areas.history('habo')).to.deep.equal([
      { at: AT.toISOString(), by: SYSTEM_ACTOR, action: 'created', detail: 'habo-2020' },
    ]);
    expect(await port.records('habo').allEntries()).to.deep.equal([]);
  });
});
