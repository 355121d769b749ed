import { expect } from 'chai';
import { redactedUrl } from '../../../src/store/postgres/db.js';

describe('DATABASE_URL as messages and logs show it', () => {
  it('hides the password after the user and in the query, and keeps where it points', () => {
    const shown = redactedUrl(
      'postgres://bot:S3cret@db.example:5432/mlb?password=Other&sslpassword=Third&sslmode=require',
    );
    expect(shown).to.not.match(/S3cret|Other|Third/u);
    expect(shown).to.include('bot:***@db.example:5432/mlb');
    expect(shown).to.include('sslmode=require');
  });

  it('says so when it is not a URL, without repeating it', () => {
    expect(redactedUrl('not a url S3cret')).to.equal('(DATABASE_URL is not a URL)');
  });
});
