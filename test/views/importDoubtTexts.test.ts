import { expect } from 'chai';
import { doubtText, importDoubtTexts } from '../../src/views/importDoubtTexts.js';
import { rendersEveryCode } from '../support/catalogue.js';

rendersEveryCode('import doubts', importDoubtTexts, {
  'doubt.noMunicipality': { code: 'doubt.noMunicipality' },
  'doubt.noPoliceArea': { code: 'doubt.noPoliceArea' },
  'doubt.noPeriod': { code: 'doubt.noPeriod' },
  'doubt.noPromises': { code: 'doubt.noPromises' },
  'doubt.promisesAreActivities': { code: 'doubt.promisesAreActivities' },
  'doubt.unknownParty': { code: 'doubt.unknownParty', subject: 'Föreningen' },
  'doubt.noPlaces': { code: 'doubt.noPlaces' },
  'doubt.timesPerYear': { code: 'doubt.timesPerYear', times: 2, years: 2 },
  'doubt.timesPerTerm': { code: 'doubt.timesPerTerm', times: 2 },
  'doubt.noUnit': { code: 'doubt.noUnit' },
  'doubt.unitPerYear': { code: 'doubt.unitPerYear', count: 900, unit: 'timmar', years: 2 },
  'doubt.condition': { code: 'doubt.condition', condition: 'minst 20 procent' },
  'doubt.patrolMonthly': { code: 'doubt.patrolMonthly' },
  'doubt.noTarget': { code: 'doubt.noTarget' },
  'doubt.promiseByOrder': { code: 'doubt.promiseByOrder' },
  'doubt.everyPromise': { code: 'doubt.everyPromise' },
});

describe('doubtText', () => {
  it('joins a field’s reasons, and shows a reason stored as a sentence before the codes as it is', () => {
    expect(doubtText([{ code: 'doubt.noUnit' }, { code: 'doubt.condition', condition: '20 procent' }])).to.equal(
      'enheten står inte i texten; villkoret "20 procent" står kvar i texten och räknas inte',
    );
    expect(doubtText('kommunens namn står inte i texten')).to.equal('kommunens namn står inte i texten');
  });
});
