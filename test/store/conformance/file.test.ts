// The file store, through fileStorePort on a temp folder, passes the store conformance suite.
import { filePersonalData } from '../../../src/store/filePersonalData.js';
import { fileStorePort } from '../../../src/store/filePort.js';
import { ServiceUrlStore } from '../../../src/store/serviceUrls.js';
import { fileStorage } from '../../../src/store/storage.js';
import { Store } from '../../../src/store/store.js';
import { tempDir } from '../../support/harness.js';
import { storeConformance } from './index.js';

storeConformance('the file store', async () => {
  const dir = tempDir('mlb-conformance-');
  const open = async () => {
    const store = await Store.open(fileStorage(dir), []);
    // The erasure rewrites the files: the open Store is closed first, and the suite reads reopened.
    const personalData = filePersonalData(dir, () => store.close());
    return { store, port: fileStorePort(store, await ServiceUrlStore.open(fileStorage(dir)), personalData) };
  };
  let { store, port } = await open();
  return {
    port,
    async reopen() {
      await store.close();
      ({ store, port } = await open());
      return port;
    },
    close: () => store.close(),
  };
});
