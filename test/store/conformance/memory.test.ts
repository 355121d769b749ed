// The memory store passes the store conformance suite.
import { createMemoryStore } from '../../../src/store/memoryStore.js';
import { storeConformance } from './index.js';

storeConformance('the memory store', async () => {
  const port = await createMemoryStore();
  return { port, close: () => port.close() };
});
