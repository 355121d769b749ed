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

  it('selects PostgreSQL with DATABASE_URL (pool of 10 unless DATABASE_POOL_MAX), the file store without it', () => {
    expect(loadConfig({}).database).to.equal(undefined);
    expect(loadConfig({ DATABASE_URL: ' ' }).database).to.equal(undefined);
    expect(loadConfig({ DATABASE_URL: 'postgres://bot:pw@db:5432/mlb' }).database).to.deep.equal({
      url: 'postgres://bot:pw@db:5432/mlb',
      poolMax: 10,
    });
    expect(
      loadConfig({ DATABASE_URL: 'postgresql://db/mlb?sslmode=require', DATABASE_POOL_MAX: '4' }).database,
    ).to.deep.equal({ url: 'postgresql://db/mlb?sslmode=require', poolMax: 4 });
  });

  it('refuses a DATABASE_URL that is no postgres:// address without repeating it (it may hold a password)', () => {
    for (const url of ['mysql://bot:hemligt@db/x', 'hemligt'])
      expect(() => loadConfig({ DATABASE_URL: url }))
        .to.throw(ConfigError, 'DATABASE_URL')
        .with.property('message')
        .that.does.not.include('hemligt');
    expect(() => loadConfig({ DATABASE_URL: 'postgres://db/x', DATABASE_POOL_MAX: '0' })).to.throw(
      ConfigError,
      'DATABASE_POOL_MAX',
    );
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

describe('configuration: where the bot listens and whose keys it trusts', () => {
  it('listens on 127.0.0.1 only in local trial, unless HOST says otherwise', () => {
    expect(loadConfig({}).host).to.equal('127.0.0.1');
    expect(loadConfig({ HOST: '0.0.0.0' }).host).to.equal('0.0.0.0');
    expect(loadConfig({ MicrosoftAppId: 'app' }).host).to.equal(undefined);
    expect(loadConfig({ MicrosoftAppId: 'app', HOST: '10.0.0.5' }).host).to.equal('10.0.0.5');
  });

  it('reads BotOpenIdMetadata: https anywhere, http only on this machine, and only with an app id', () => {
    expect(
      loadConfig({
        MicrosoftAppId: 'app',
        BotOpenIdMetadata: 'https://login.example.se/v1/.well-known/openidconfiguration',
      }).auth?.openIdMetadataUrl,
    ).to.equal('https://login.example.se/v1/.well-known/openidconfiguration');
    expect(
      loadConfig({ MicrosoftAppId: 'app', BotOpenIdMetadata: 'http://127.0.0.1:4000/openid' }).auth?.openIdMetadataUrl,
    ).to.equal('http://127.0.0.1:4000/openid');
    expect(() => loadConfig({ MicrosoftAppId: 'app', BotOpenIdMetadata: 'http://keys.example.se/openid' })).to.throw(
      ConfigError,
      /BotOpenIdMetadata/u,
    );
    expect(() => loadConfig({ BotOpenIdMetadata: 'https://login.example.se/openid' })).to.throw(
      ConfigError,
      /bara med MicrosoftAppId/u,
    );
  });
});
