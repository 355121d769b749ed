import { rendersEveryCode } from '../support/catalogue.js';
import { startupTexts } from '../../src/views/startupTexts.js';

rendersEveryCode('startup', startupTexts, {
  'startup.refused': { code: 'startup.refused', reason: 'MicrosoftAppType=SingleTenant kräver MicrosoftAppTenantId.' },
  'startup.known': {
    code: 'startup.known',
    description: 'Boten saknar behörighet till en fil eller mapp.',
    path: '/sys/fs/x',
  },
  'startup.failed': { code: 'startup.failed' },
});
