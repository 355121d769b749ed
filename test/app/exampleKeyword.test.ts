// The example in a hint ("t.ex. /logga …") must itself log, not ask which activity was meant.
import { expect } from 'chai';
import { exampleKeyword } from '../../src/app/agreements.js';
import { harness, readable } from '../support/harness.js';

describe('the example activity word in hints', () => {
  for (const today of ['2019-06-01', '2020-06-01']) {
    it(`names one activity of the agreement in force on ${today}, so following the example logs`, async () => {
      const h = await harness({ now: `${today}T10:00:00+02:00` });
      const word = exampleKeyword(await h.records.agreements(), today);
      const reply = readable(await h.say(`/logga ${word} igår`));
      expect(reply).to.include('Loggat');
      expect(reply).not.to.include('Vilken aktivitet menar du');
    });
  }
});
