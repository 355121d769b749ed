import { rendersEveryCode } from '../support/catalogue.js';
import { databaseTexts } from '../../src/views/databaseTexts.js';

rendersEveryCode('database', databaseTexts, {
  'database.notOpened': {
    code: 'database.notOpened',
    url: 'postgres://bot@127.0.0.1:5432/nosuchdb',
    reason: 'database "nosuchdb" does not exist',
  },
  'database.noAnswer': { code: 'database.noAnswer', url: 'postgres://bot@127.0.0.1:5432/bot' },
});
