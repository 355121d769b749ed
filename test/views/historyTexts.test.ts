import { historyTexts } from '../../src/views/historyTexts.js';
import { rendersEveryCode } from '../support/catalogue.js';

rendersEveryCode('history', historyTexts, {
  'history.noAgreement': { code: 'history.noAgreement', year: 2019 },
  'history.recentHeading': { code: 'history.recentHeading' },
  'history.activityHeading': {
    code: 'history.activityHeading',
    activity: 'Krogtillsyn',
    agreement: 'Medborgarlöfte 2026',
  },
});
