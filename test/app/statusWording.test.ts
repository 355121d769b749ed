// What reads oddly, read as a user reads it: a status is said once, never doubled ("ej påbörjad
// (ej påbörjad)"), and a confirmation's figures say what they count.
import { expect } from 'chai';
import { cardOf, cardTexts, harness, replyText } from '../support/cardsHarness.js';

describe('status wording a user reads', () => {
  it('/ångra of a milestone’s only entry says "inte påbörjad" once', async () => {
    const h = await harness('2020-03-14');
    expect(replyText((await h.say('/logga enkätundersökning 2020-03-10'))[0])).to.include(
      'Medborgarlöfte 2020: pågående (i fas).',
    );
    const undone = (await h.say('/ångra')).map(replyText).join('\n');
    expect(undone).to.include('Medborgarlöfte 2020: inte påbörjad.');
    expect(undone).not.to.match(/påbörjad \(.*påbörjad\)/u);
  });

  it('/status for one milestone with nothing logged says its status once', async () => {
    const h = await harness('2020-03-14');
    const text = replyText((await h.say('/status enkätundersökning'))[0]);
    expect(text).to.include('⚪ **Polisens enkätundersökning**: inte påbörjad (inget loggat än).');
    expect(text.match(/påbörjad/gu)).to.have.length(1);
  });

  it('the /status card shows a milestone’s "inte påbörjad" once per row, and a done one with its date', async () => {
    const h = await harness('2020-03-14');
    const texts = cardTexts(cardOf((await h.say('/status'))[0]).card);
    const at = texts.indexOf('Polisens enkätundersökning');
    const row = texts.slice(at, texts.findIndex((t, i) => i > at && t.startsWith(' · ')) + 1).join(' | ');
    expect(row.match(/inte påbörjad/gu), row).to.have.length(1);
    expect(row).to.include('⚪ inte påbörjad');
  });

  it('logging a monthly activity for the first time in March: "aktiv 1 av 3 månader hittills", not red', async () => {
    const h = await harness('2020-03-14');
    const before = replyText((await h.say('/status ssg'))[0]);
    expect(before).to.include('aktiv 0 av 3 månader hittills – något efter');
    const logged = replyText((await h.say('/logga ssg 2020-03-14'))[0]);
    expect(logged).to.include('Medborgarlöfte 2020: aktiv 1 av 3 månader hittills (något efter).');
    expect(logged).not.to.include('långt efter');
  });
});
