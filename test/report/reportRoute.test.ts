// The document links as a browser follows them: through the real restify server on loopback.
import { fileStorePort } from '../../src/store/filePort.js';
import { expect } from 'chai';
import fc from 'fast-check';
import { createReportLinks } from '../../src/report/links.js';
import {
  NOT_FOUND,
  NOT_PUBLISHED,
  REFUSED,
  answerReportRequest,
  type ReportRouteDeps,
} from '../../src/report/reportRoute.js';
import { areaKey, signQuery } from '../../src/report/signedLink.js';
import { createServer } from '../../src/server.js';
import type { Store } from '../../src/store/store.js';
import { TEST_SECRET } from '../fixtures/appHarness.js';
import { CapturingLogger, type LogLine } from '../support/fakes.js';
import { fixtureStore, publishFixture } from '../fixtures/followUpStore.js';
import { pdfText } from './pdfText.js';

const MAY_10 = new Date('2020-05-10T08:00:00Z');

describe('document links over HTTP', () => {
  let store: Store;
  let base = '';
  let now = MAY_10;
  let close: () => Promise<void>;
  const logs: LogLine[] = [];
  let deps: ReportRouteDeps;

  before(async () => {
    store = await fixtureStore();
    await publishFixture(store, { year: 2020, tertial: 1 }, new Date('2020-05-05T08:00:00Z'));
    deps = { port: fileStorePort(store), secret: TEST_SECRET, now: () => now, logger: new CapturingLogger(logs) };
    // The Bot Framework parts are not reached by GET /rapport; the route must not need them.
    const server = createServer({
      bot: {
        authenticate: () => Promise.reject(new Error('GET /rapport must not reach the bot')),
        process: () => Promise.reject(new Error('GET /rapport must not reach the bot')),
      },
      logger: new CapturingLogger(logs),
      health: () => ({}),
      reports: deps,
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${server.address().port}`;
    close = () => new Promise((resolve) => server.close(() => resolve()));
  });
  after(() => close());
  beforeEach(() => {
    now = MAY_10;
  });

  const links = () => createReportLinks({ secret: TEST_SECRET, publicUrl: base });

  it('a fresh link serves the PDF with the published title, the activities and "påbörjad"', async () => {
    const res = await fetch(
      links().followUp({ areaId: 'jonkoping', agreementId: 'jonkoping-2020', year: 2020, tertial: 1 }, now).pdf,
    );
    expect(res.status).to.equal(200);
    expect(res.headers.get('content-type')).to.equal('application/pdf');
    expect(res.headers.get('content-disposition')).to.equal('inline; filename="uppfoljning-jonkoping-2020-t1.pdf"');
    expect(res.headers.get('cache-control')).to.equal('private, no-store');
    const text = (await pdfText(Buffer.from(await res.arrayBuffer()))).pages.join('\n');
    expect(text).to.include('Uppföljning av medborgarlöfte för Jönköpings kommun, tertial 1 2020');
    expect(text).to.include('Gemensam krogtillsyn');
    expect(text).to.include('inte påbörjad');
  });

  it('serves the web page and the CSV', async () => {
    const html = await fetch(
      links().followUp({ areaId: 'jonkoping', agreementId: 'jonkoping-2020', year: 2020, tertial: 1 }, now).html,
    );
    expect(html.status).to.equal(200);
    expect(html.headers.get('content-type')).to.equal('text/html; charset=utf-8');
    expect(html.headers.get('content-security-policy')).to.include("default-src 'none'");
    expect(await html.text()).to.include(
      '<h1>Uppföljning av medborgarlöfte för Jönköpings kommun, tertial 1 2020</h1>',
    );

    const csv = await fetch(links().entries({ areaId: 'jonkoping', year: 2020 }, now).csv);
    expect(csv.status).to.equal(200);
    expect(csv.headers.get('content-disposition')).to.equal('attachment; filename="insatser-2020.csv"');
    const bytes = Buffer.from(await csv.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).to.deep.equal([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).to.include(';Anna Andersson;');
  });

  it('refuses a tampered, an unsigned and an expired link with 403 and a Swedish text', async () => {
    const pdf = new URL(
      links().followUp({ areaId: 'jonkoping', agreementId: 'jonkoping-2020', year: 2020, tertial: 1 }, now).pdf,
    );
    const tampered = new URL(pdf);
    tampered.searchParams.set('tertial', '2');
    const unsigned = new URL(pdf);
    unsigned.searchParams.delete('sig');
    unsigned.searchParams.delete('expires');
    for (const url of [tampered, unsigned, new URL(`${base}/rapport/insatser?year=2020&format=csv`)]) {
      const res = await fetch(url);
      expect(res.status, url.search).to.equal(403);
      expect(res.headers.get('content-type')).to.equal('text/plain; charset=utf-8');
      expect(await res.text()).to.equal(REFUSED);
    }
    now = new Date(MAY_10.getTime() + 7 * 24 * 3600 * 1000);
    const expired = await fetch(pdf);
    expect(expired.status).to.equal(403);
    expect(
      logs.filter((l) => l.msg === 'report link refused').map((l) => (l.obj as { reason: string }).reason),
    ).to.include.members(['badSignature', 'unsigned', 'expired']);
  });

  it('answers 404 for an unknown report, and for a valid link to something not there', async () => {
    expect((await fetch(`${base}/rapport/okand`)).status).to.equal(404);
    const gone = links().followUp({ areaId: 'jonkoping', agreementId: 'finns-inte', year: 2020, tertial: 1 }, now).pdf;
    const res = await fetch(gone);
    expect(res.status).to.equal(404);
    expect(await res.text()).to.equal(NOT_FOUND);
    const future = links().followUp(
      { areaId: 'jonkoping', agreementId: 'jonkoping-2020', year: 2020, tertial: 3 },
      now,
    ).pdf;
    expect((await fetch(future)).status).to.equal(404);
    // T2 has begun but nobody has published it: no document.
    now = new Date('2020-06-10T08:00:00Z');
    const unpublished = await fetch(
      links().followUp({ areaId: 'jonkoping', agreementId: 'jonkoping-2020', year: 2020, tertial: 2 }, now).html,
    );
    expect(unpublished.status).to.equal(404);
    expect(await unpublished.text()).to.equal(NOT_PUBLISHED);
    now = MAY_10;
    const badParams = `${base}/rapport/uppfoljning?${signQuery(areaKey(TEST_SECRET, 'jonkoping'), '/rapport/uppfoljning', { area: 'jonkoping', agreement: 'jonkoping-2020', year: '2020', tertial: '9', format: 'pdf' }, new Date(MAY_10.getTime() + 60_000))}`;
    expect((await fetch(badParams)).status).to.equal(404);
  });

  it('never answers anything but 200, 403 or 404, whatever the query', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('/rapport/uppfoljning', '/rapport/insatser', '/rapport/x'),
        fc.string({ maxLength: 80 }),
        async (path, query) => {
          const answer = await answerReportRequest(deps, path, query);
          expect([200, 403, 404]).to.include(answer.status);
        },
      ),
      { numRuns: 200 },
    );
    for (const q of ['%', '?sig=%ZZ&expires=1', 'sig=&expires=', 'a=1&a=2', '__proto__=x&sig=y&expires=9']) {
      const res = await fetch(`${base}/rapport/uppfoljning?${q}`);
      expect(res.status, q).to.be.oneOf([403, 404]);
    }
  });
});
