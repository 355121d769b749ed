// Issue 25: every code of the log path's catalogues renders, with either ending.
import { expect } from 'chai';
import { rendersEveryCode } from '../support/catalogue.js';
import { ended, logTexts, recordTexts } from '../../src/views/logTexts.js';

rendersEveryCode('record', recordTexts, {
  'record.identityNumber': { code: 'record.identityNumber', kind: 'personnummer', number: '19811218-9876' },
  'record.phoneNumber': { code: 'record.phoneNumber', written: '070-123 45 67' },
  'record.futureDate': { code: 'record.futureDate', date: '2020-06-02' },
  'record.outsideAgreement': { code: 'record.outsideAgreement', date: '2021-01-02', title: 'Medborgarlöfte 2020' },
});

rendersEveryCode('log', logTexts, {
  'log.noAgreement': { code: 'log.noAgreement', date: '2019-05-01', hint: 'Det som finns: 2020.' },
  'log.knownPeriods': { code: 'log.knownPeriods', known: '2020, 2021' },
  'log.noAgreementToday': { code: 'log.noAgreementToday', hint: 'En samordnare kan skapa det.' },
  'log.whichActivity': { code: 'log.whichActivity', example: 'krogtillsyn' },
  'log.whichActivityOrForm': { code: 'log.whichActivityOrForm', example: 'krogtillsyn' },
  'log.unknownActivity': {
    code: 'log.unknownActivity',
    typed: 'xyz',
    title: 'Medborgarlöfte 2020',
    keywords: 'krogtillsyn, fotpatrullering',
  },
  'log.severalActivities': {
    code: 'log.severalActivities',
    typed: 'möte',
    count: 2,
    title: 'Medborgarlöfte 2020',
    editing: false,
  },
  'log.closeActivities': { code: 'log.closeActivities', title: 'Medborgarlöfte 2020', editing: true },
  'log.chooseDay': { code: 'log.chooseDay', question: '"i helgen" är ingen bestämd dag.', editing: false },
  'log.noDayAgreement': { code: 'log.noDayAgreement', question: '"i helgen" är ingen bestämd dag.' },
  'log.dayWithoutActivity': { code: 'log.dayWithoutActivity', question: '"i helgen" är ingen bestämd dag.' },
  'log.dayUnclear': { code: 'log.dayUnclear', question: '"i helgen" är ingen bestämd dag.', words: 'samverkan' },
  'log.dayQuestion': { code: 'log.dayQuestion', question: '"i helgen" är ingen bestämd dag.' },
  'log.formFallback': { code: 'log.formFallback', title: 'Medborgarlöfte 2020' },
});

describe('the endings of an answer that stored nothing', () => {
  const future = { code: 'record.futureDate', date: '2020-06-02' } as const;
  it('say nothing was stored, the entry is unchanged, or nothing', () => {
    expect(ended(recordTexts, future, 'nothingStored')).to.match(/ Inget har sparats\.$/u);
    expect(ended(recordTexts, future, 'unchanged')).to.match(/ Insatsen är oförändrad\.$/u);
    expect(ended(recordTexts, future, 'none')).to.match(/hänt\.$/u);
  });
});
