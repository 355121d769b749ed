// REPORT_SECRET and PUBLIC_URL: what the document links need from the environment.
import { expect } from 'chai';
import { ConfigError, loadConfig } from '../src/config.js';

const SECRET = 'a'.repeat(32);

describe('configuration of document links', () => {
  it('takes REPORT_SECRET and PUBLIC_URL', () => {
    const c = loadConfig({ REPORT_SECRET: SECRET, PUBLIC_URL: 'https://bot.example.se' });
    expect(c.reportSecret).to.equal(SECRET);
    expect(c.publicUrl).to.equal('https://bot.example.se');
  });

  it('runs without a secret for local trial (main.ts then makes one per process)', () => {
    expect(loadConfig({}).reportSecret).to.equal(undefined);
  });

  it('refuses to start in production without REPORT_SECRET', () => {
    expect(() =>
      loadConfig({ NODE_ENV: 'production', MicrosoftAppId: '00000000-0000-0000-0000-000000000001' }),
    ).to.throw(ConfigError, /REPORT_SECRET saknas/u);
    expect(() =>
      loadConfig({
        NODE_ENV: 'production',
        MicrosoftAppId: '00000000-0000-0000-0000-000000000001',
        REPORT_SECRET: SECRET,
      }),
    ).not.to.throw();
  });

  it('refuses a short secret and a PUBLIC_URL that is not an http(s) address', () => {
    expect(() => loadConfig({ REPORT_SECRET: 'hemligt' })).to.throw(
      ConfigError,
      /REPORT_SECRET: ska vara minst 32 tecken/u,
    );
    expect(() => loadConfig({ PUBLIC_URL: 'bot.example.se' })).to.throw(ConfigError, /PUBLIC_URL: ska vara en adress/u);
    expect(loadConfig({ PUBLIC_URL: 'http://localhost:3978/bot' }).publicUrl).to.equal('http://localhost:3978/bot');
  });
});
