// The audit record of a new entry holds every field the entry has (README: audit records hold the
// fields that changed), and of a note only that there is one.
import { expect } from 'chai';
import { ANNA, harness } from '../support/harness.js';

describe('the audit record of logging an entry', () => {
  it('holds activity, date, place, count, hours and participants, and of the note only that it is there', async () => {
    const h = await harness();
    await h.say('/logga fotpatrullering Öxnehaga 2020-06-14 3 ggr 2 h 6 deltagare HEMLIG-ANTECKNING');
    const [entry] = await h.records.entriesTouchedBy(ANNA.aadObjectId);
    expect(entry).to.deep.include({ place: 'Öxnehaga', count: 3, hours: 2, participants: 6 });
    const logged = (await h.port.audit.read()).filter((r) => r.action === 'entry.logged');
    expect(logged).to.have.length(1);
    expect(logged[0]?.changes).to.deep.equal({
      activityId: { to: entry?.activityId },
      date: { to: '2020-06-14' },
      place: { to: 'Öxnehaga' },
      count: { to: 3 },
      hours: { to: 2 },
      participants: { to: 6 },
      note: {},
    });
    expect(JSON.stringify(logged)).not.to.include('HEMLIG');
  });

  it('names only the fields the entry has', async () => {
    const h = await harness();
    await h.say('/logga gemensam krogtillsyn 2020-03-14');
    const logged = (await h.port.audit.read()).filter((r) => r.action === 'entry.logged');
    expect(logged[0]?.changes).to.deep.equal({
      activityId: { to: 'gemensam-krogtillsyn' },
      date: { to: '2020-03-14' },
      count: { to: 1 },
    });
  });
});
