// A coordinator clears one entry's note in chat: the entry and its figures stay, the clearing is audited.
import { expect } from 'chai';
import { ANNA, BERIT, cardsOf, harness, readable, SAMORDNARE, submitActions } from '../support/harness.js';

describe('/rensa-anteckning', () => {
  it('clears the one note of that day, keeps the entry, and records who did it', async () => {
    const h = await harness();
    await h.say('/logga gemensam krogtillsyn 2020-03-14 stod fel namn här');
    const before = readable(await h.say('/status 2020', { user: SAMORDNARE }));
    expect(readable(await h.say('/rensa-anteckning gemensam krogtillsyn 2020-03-14'))).to.include('bara en samordnare');
    const answer = readable(await h.say('/rensa-anteckning gemensam krogtillsyn 2020-03-14', { user: SAMORDNARE }));
    expect(answer).to.include('Anteckningen är borttagen');
    const [entry] = (await h.records.allEntries()).filter((e) => e.date === '2020-03-14');
    expect(entry?.note).to.equal(undefined);
    expect(entry?.noteCleared).to.deep.include({
      reason: 'coordinator',
      by: { id: SAMORDNARE.aadObjectId, name: SAMORDNARE.name },
    });
    expect(readable(await h.say('/status 2020', { user: SAMORDNARE }))).to.equal(before);
    const audited = (await h.port.audit.read()).filter((r) => r.action === 'note.cleared');
    expect(audited.map((r) => [r.by.name, r.via, r.entryId])).to.deep.equal([[SAMORDNARE.name, 'chat', entry?.id]]);
    expect(JSON.stringify(await h.port.audit.read())).not.to.include('stod fel namn');
    expect(readable(await h.say('/historik gemensam krogtillsyn', { user: SAMORDNARE }))).to.include(
      'rensade anteckningen',
    );
  });

  it('asks which one when several entries that day have notes, and clears the one named by nr', async () => {
    const h = await harness();
    await h.say('/logga gemensam krogtillsyn 2020-03-14 första', { user: ANNA });
    // Another inspection that day: Berit answers that it was not the one Anna logged.
    const asked0 = await h.say('/logga gemensam krogtillsyn 2020-03-14 andra', { user: BERIT });
    await h.submit(submitActions(cardsOf(asked0)[0])[1], { user: BERIT });
    const asked = readable(await h.say('/rensa-anteckning gemensam krogtillsyn 2020-03-14', { user: SAMORDNARE }));
    expect(asked).to.include('2 insatser');
    expect(asked).to.include('nr N');
    await h.say('/rensa-anteckning gemensam krogtillsyn 2020-03-14 nr 2', { user: SAMORDNARE });
    const notes = (await h.records.allEntries()).filter((e) => e.date === '2020-03-14').map((e) => e.note ?? null);
    expect(notes).to.deep.equal(['första', null]);
  });
});
