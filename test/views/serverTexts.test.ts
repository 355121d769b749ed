import { rendersEveryCode } from '../support/catalogue.js';
import { serverTexts } from '../../src/views/serverTexts.js';

rendersEveryCode('server', serverTexts, {
  'server.unauthorized': { code: 'server.unauthorized' },
  'server.activityRefused': { code: 'server.activityRefused' },
  'server.reportFailed': { code: 'server.reportFailed' },
  'server.pageFailed': { code: 'server.pageFailed' },
  'server.storeNotReady': { code: 'server.storeNotReady', timeoutMs: 2000 },
});
