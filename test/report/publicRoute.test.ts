// GET /loften/<area>: on only with PUBLIC_PAGES=on, cacheable with an ETag, embeddable, and made
// from figures and published comments only.
import { fileStorePort } from '../../src/store/filePort.js';
import { expect } from 'chai';
import { loadConfig } from '../../src/config.js';
import { NO_SUCH_AREA, answerPublicPage } from '../../src/report/publicRoute.js';
import { createServer } from '../../src/server.js';
import { APPROVED_COMMENT, fixtureEntries, fixtureStore, publishFixture } from '../fixtures/followUpStore.js';
import { CapturingLogger } from '../support/fakes.js';

const NOW = new Date('2020-06-01T08:00:00Z');
const NOTES = fixtureEntries().flatMap((e) => (e.note ? [e.note] : []));

async function serve(publicPages: boolean) {
  const store = await fixtureStore();
  const server = createServer({
    bot: {
      authenticate: () => Promise.reject(new Error('GET /loften must not reach the bot')),
      process: () => Promise.reject(new Error('GET /loften must not reach the bot')),
    },
    logger: new CapturingLogger(),
    health: () => ({}),
    ...(publicPages ? { publicPages: { port: fileStorePort(store), now: () => NOW } } : {}),
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${server.address().port}`;
  return { base, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

describe('public page route', () => {
  it('is off by default (PUBLIC_PAGES), and then /loften/jonkoping is 404', async () => {
    expect(loadConfig({}).publicPages).to.equal(undefined);
    expect(loadConfig({ PUBLIC_PAGES: 'on' }).publicPages).to.equal(true);
    expect(() => loadConfig({ PUBLIC_PAGES: 'ja' })).to.throw(/PUBLIC_PAGES/u);
    const off = await serve(false);
    try {
      expect((await fetch(`${off.base}/loften/jonkoping`)).status).to.equal(404);
    } finally {
      await off.close();
    }
  });

  it('serves the page with an ETag, answers 304 to If-None-Match, and 404 for an unknown area', async () => {
    const on = await serve(true);
    try {
      const res = await fetch(`${on.base}/loften/jonkoping`);
      expect(res.status).to.equal(200);
      expect(res.headers.get('content-type')).to.equal('text/html; charset=utf-8');
      expect(res.headers.get('cache-control')).to.equal('public, max-age=300');
      expect(res.headers.get('content-security-policy')).to.include("frame-ancestors 'self'");
      const etag = res.headers.get('etag') ?? '';
      expect(etag).to.match(/^"[\w-]{27}"$/u);
      const html = await res.text();
      expect(html).not.to.include('<script');
      const again = await fetch(`${on.base}/loften/jonkoping`, { headers: { 'If-None-Match': etag } });
      expect(again.status).to.equal(304);
      expect(await again.text()).to.equal('');
      expect((await fetch(`${on.base}/loften/jonkoping`, { headers: { 'If-None-Match': '"other"' } })).status).to.equal(
        200,
      );
      for (const path of ['/loften/stockholm', '/loften/..%2F..', '/loften/%E0%A4%A', '/loften/JONKOPING']) {
        const missing = await fetch(`${on.base}${path}`);
        expect(missing.status, path).to.equal(404);
      }
      expect(await (await fetch(`${on.base}/loften/stockholm`)).text()).to.equal(NO_SUCH_AREA);
    } finally {
      await on.close();
    }
  });

  it('the embeddable variant may be framed anywhere and has no page chrome', async () => {
    const store = await fixtureStore();
    const page = await answerPublicPage(
      { port: fileStorePort(store), now: () => NOW },
      '/loften/jonkoping',
      '?inbaddad=1',
    );
    expect(page.status).to.equal(200);
    expect(page.headers['Content-Security-Policy']).to.include('frame-ancestors *');
    expect(page.body).not.to.include('<footer>');
    expect(page.headers.ETag).not.to.equal(
      (await answerPublicPage({ port: fileStorePort(store), now: () => NOW }, '/loften/jonkoping', '')).headers.ETag,
    );
  });

  it('shows the published comments of a tertial once published, and never a note', async () => {
    const store = await fixtureStore();
    const before = (await answerPublicPage({ port: fileStorePort(store), now: () => NOW }, '/loften/jonkoping', ''))
      .body;
    expect(before).to.include('Ingen tertialuppföljning är publicerad än.');
    await publishFixture(store, { year: 2020, tertial: 1 }, new Date('2020-05-05T08:00:00Z'));
    const after = (await answerPublicPage({ port: fileStorePort(store), now: () => NOW }, '/loften/jonkoping', ''))
      .body;
    expect(after).to.include('<h3>Tertial 1 2020</h3>');
    expect(after).to.include(APPROVED_COMMENT);
    for (const note of NOTES) expect(after).not.to.include(note.slice(0, 15));
  });
});
