import { agreementTexts } from '../../src/views/agreementTexts.js';
import { rendersEveryCode } from '../support/catalogue.js';

rendersEveryCode('missing agreement', agreementTexts, {
  'agreement.createHint': { code: 'agreement.createHint', year: 2021, from: '2020' },
  'agreement.noneYet': { code: 'agreement.noneYet', year: 2021, from: undefined },
  'agreement.noneForYear': { code: 'agreement.noneForYear', year: 2019, known: '2020, 2021' },
});
