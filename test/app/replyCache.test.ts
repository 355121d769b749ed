// /status and /sammanfattning are built once per store state and day: asked again they are the
// same card, and a write or a new day gives a new one.
import { expect } from 'chai';
import { cardOf, cardTexts, harness } from '../support/cardsHarness.js';

describe('cached status and summary cards', () => {
  it('gives the same status card until an entry is logged, and then the new progress', async () => {
    const h = await harness('2020-03-14');
    const first = cardOf((await h.say('/status'))[0]);
    const again = cardOf((await h.say('/status', { id: 'user-erik', name: 'Erik Berg', aadObjectId: 'aad-erik' }))[0]);
    expect(again.card).to.equal(first.card);
    expect(cardTexts(first.card)).to.include('0 av 4 tillfällen');

    await h.say('/logga gemensam krogtillsyn 2020-03-10');
    const after = cardOf((await h.say('/status'))[0]);
    expect(after.card).to.not.equal(first.card);
    expect(cardTexts(after.card)).to.include('1 av 4 tillfällen');
    expect(after.fallbackText).to.not.equal(first.fallbackText);
  });

  it('gives a new status card on the next day', async () => {
    const h = await harness('2020-03-14');
    const first = cardOf((await h.say('/status'))[0]);
    h.setToday('2020-03-15');
    const next = cardOf((await h.say('/status'))[0]);
    expect(cardTexts(first.card)).to.include('Läge 14 mars 2020.');
    expect(cardTexts(next.card)).to.include('Läge 15 mars 2020.');
  });

  it('shows an undone entry gone from the summary', async () => {
    const h = await harness('2020-03-14');
    await h.say('/logga sig Österängen 2020-03-13 2 st');
    expect(cardTexts(cardOf((await h.say('/sammanfattning'))[0]).card)).to.include('2 av 2 ärenden');
    await h.say('/ångra');
    expect(cardTexts(cardOf((await h.say('/sammanfattning'))[0]).card)).to.include('0 av 2 ärenden');
  });
});
