import { rendersEveryCode } from '../support/catalogue.js';
import { configTexts } from '../../src/views/configTexts.js';

rendersEveryCode('config', configTexts, {
  'config.invalid': { code: 'config.invalid', issues: 'PORT: Too big' },
  'config.databaseUrlForm': { code: 'config.databaseUrlForm' },
  'config.metadataUrlForm': { code: 'config.metadataUrlForm' },
  'config.publicUrlForm': { code: 'config.publicUrlForm' },
  'config.secretTooShort': { code: 'config.secretTooShort' },
  'config.dateForm': { code: 'config.dateForm' },
  'config.productionWithoutAppId': { code: 'config.productionWithoutAppId' },
  'config.productionWithoutSecret': { code: 'config.productionWithoutSecret' },
  'config.todayInProduction': { code: 'config.todayInProduction' },
  'config.singleTenantWithoutTenant': { code: 'config.singleTenantWithoutTenant' },
  'config.metadataOnAgents': { code: 'config.metadataOnAgents' },
  'config.metadataWithoutAppId': { code: 'config.metadataWithoutAppId' },
});
