import { writeFileSync } from 'node:fs';
import { fileStorePort } from '../../src/store/filePort.js';
import { answerPublicPage } from '../../src/report/publicRoute.js';
import { renderPublication } from '../../src/report/reports.js';
import { pdfText } from '../report/pdfText.js';
import { fixtureStore, publishFixture } from '../fixtures/followUpStore.js';
import { A2020 } from '../fixtures/followUpStore.js';

it('dumps', async () => {
  const store = await fixtureStore();
  const NOW = new Date('2020-06-01T08:00:00Z');
  const out: string[] = [];
  for (const q of ['', 'inbaddad=1']) out.push((await answerPublicPage({ port: fileStorePort(store), now: () => NOW }, '/loften/jonkoping', q)).body);
  out.push((await answerPublicPage({ port: fileStorePort(store), now: () => NOW }, '/loften/nej', '')).body);
  const pub = await publishFixture(store, { year: 2020, tertial: 1 }, new Date('2020-05-05T08:00:00Z'));
  for (const q of ['', 'inbaddad=1']) out.push((await answerPublicPage({ port: fileStorePort(store), now: () => NOW }, '/loften/jonkoping', q)).body);
  out.push(String((await renderPublication(pub, A2020.area, 'html')).body));
  const pdf = await pdfText((await renderPublication(pub, A2020.area, 'pdf')).body);
  out.push(JSON.stringify(pdf, null, 1));
  writeFileSync(process.env.DUMP_TO!, out.join('\n=====\n'));
});
