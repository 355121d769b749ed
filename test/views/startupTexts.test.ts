import { rendersEveryCode } from '../support/catalogue.js';
import { startupTexts } from '../../src/views/startupTexts.js';

rendersEveryCode('startup', startupTexts, {
  'startup.refused': { code: 'startup.refused', reason: 'MicrosoftAppType=SingleTenant kräver MicrosoftAppTenantId.' },
  'startup.failed': { code: 'startup.failed' },
});
