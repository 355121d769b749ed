import { expect } from 'chai';
import { ConfigError, loadConfig } from '../src/config.js';

describe('configuration', () => {
  it('has the documented defaults', () => {
    const config = loadConfig({});
    expect(config).to.deep.include({
      port: 3978,
      storeDir: 'data/store',
      auth: undefined,
      coordinators: [],
      allowedTenants: [],
      logLevel: 'info',
      production: false,
    });
  });

  it('treats empty values (as in a .env template) as not set', () => {
    const config = loadConfig({ PORT: '', MicrosoftAppType: '', MicrosoftAppId: ' ', STORE_DIR: '', COORDINATORS: '' });
    expect(config).to.deep.include({ port: 3978, storeDir: 'data/store', auth: undefined, coordinators: [] });
  });

  it('reads lists and the app registration', () => {
    const config = loadConfig({
      COORDINATORS: 'aad-1, sam@jonkoping.se ,',
      ALLOWED_TENANTS: 't1',
      MicrosoftAppId: 'app',
      MicrosoftAppPassword: 'pw',
      MicrosoftAppType: 'SingleTenant',
      MicrosoftAppTenantId: 't1',
    });
    expect(config.coordinators).to.deep.equal(['aad-1', 'sam@jonkoping.se']);
    expect(config.allowedTenants).to.deep.equal(['t1']);
    expect(config.auth).to.deep.equal({ appId: 'app', appPassword: 'pw', appType: 'SingleTenant', tenantId: 't1' });
  });

  it('refuses what it cannot use, naming the variable', () => {
    expect(() => loadConfig({ PORT: 'abc' })).to.throw(ConfigError, /PORT/u);
    expect(() => loadConfig({ LOG_LEVEL: 'loud' })).to.throw(ConfigError, /LOG_LEVEL/u);
    expect(() => loadConfig({ MicrosoftAppId: 'app', MicrosoftAppType: 'SingleTenant' })).to.throw(
      ConfigError,
      /MicrosoftAppTenantId/u,
    );
    expect(() => loadConfig({ NODE_ENV: 'production' })).to.throw(ConfigError, /MicrosoftAppId saknas/u);
  });
});
