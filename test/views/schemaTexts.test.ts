import { expect } from 'chai';
import { agreementSchema } from '../../src/domain/agreement.js';
import { schemaIssueText, schemaTexts } from '../../src/views/schemaTexts.js';
import { rendersEveryCode } from '../support/catalogue.js';

rendersEveryCode('schema', schemaTexts, {
  'schema.dateForm': { code: 'schema.dateForm' },
  'schema.dateNotInCalendar': { code: 'schema.dateNotInCalendar' },
  'schema.idForm': { code: 'schema.idForm' },
  'schema.areaIdForm': { code: 'schema.areaIdForm' },
  'schema.periodReversed': { code: 'schema.periodReversed' },
  'schema.promiseIdTwice': { code: 'schema.promiseIdTwice' },
  'schema.activityIdTwice': { code: 'schema.activityIdTwice' },
  'schema.unknownPromise': { code: 'schema.unknownPromise', promiseId: 'p9' },
  'schema.responsibleUnnamed': { code: 'schema.responsibleUnnamed' },
});

describe('schemaIssueText', () => {
  it('says a code of ours with its values', () => {
    expect(schemaIssueText({ message: 'schema.unknownPromise', params: { promiseId: 'p9' } })).to.equal(
      'okänt löfte "p9"',
    );
  });

  it("keeps zod's own message as it is", () => {
    const parsed = agreementSchema.safeParse({ id: 7 });
    const issue = parsed.error?.issues.find((i) => i.path[0] === 'id');
    expect(issue?.message).to.not.match(/^schema\./u);
    expect(issue && schemaIssueText(issue)).to.equal(issue?.message);
  });
});
