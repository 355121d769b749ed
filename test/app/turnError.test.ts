// What a user reads when a turn fails: a command that only reads says nothing was changed; one that
// may have stored something points to /mina.
import { expect } from 'chai';
import { harness, readable } from '../support/harness.js';
import { fileStoreOnly } from '../support/storeBackend.js';

const MAY_HAVE_STORED =
  'Något gick fel hos mig, så jag kan inte lova att det sparades. Skriv /mina för att se vad som finns, och försök igen om en stund.';
const READ_ONLY = 'Något gick fel hos mig, så jag kan inte svara just nu. Inget har ändrats; försök igen om en stund.';

describe('a failing turn', () => {
  it('answers a read-only command without the saving worry, and a log with it', async function () {
    fileStoreOnly(this);
    const h = await harness();
    expect(readable(await h.say('/logga gemensam krogtillsyn 2020-03-14'))).to.include('1 av 4');
    // What an unreadable day in the store did to the figures (RangeError from the calendar).
    h.store.logOf = () => {
      throw new RangeError('ogiltigt datum: "2020-02-31"');
    };
    for (const command of ['/status ssg', '/sammanfattning år 2020', '/mina']) {
      expect(readable(await h.say(command)), command).to.equal(READ_ONLY);
    }
    expect(readable(await h.say('/logga gemensam krogtillsyn 2020-03-15'))).to.equal(MAY_HAVE_STORED);
    expect(h.logger.lines.filter((l) => l.msg === 'turn failed')).to.have.length(4);
  });
});
