// Issue 9: logging the same activity, day and place twice in a row asks "redan loggat idag, logga igen?".
import { expect } from 'chai';
import { BERIT, cardsOf, harness, readable, submitActions, type Harness, buttonData } from '../support/harness.js';

const NOW = '2020-06-01T12:00:00+02:00';
const active = async (h: Harness) => (await h.records.allEntries()).filter((e) => !e.removed);

const button = buttonData;

describe('issue 9: the same activity, day and place twice in a row', () => {
  it('asks before logging it again; Logga igen logs it once, in place of the question', async () => {
    const h = await harness({ now: NOW });
    await h.say('/logga gemensam krogtillsyn Öxnehaga 2 st');
    const asked = await h.say('/logga gemensam krogtillsyn öxnehaga 2 st lugnt');
    expect(readable(asked)).to.include('Redan loggat idag – logga igen?');
    expect(asked[0]?.kind === 'card' ? asked[0].fallbackText : '').to.include('Redan loggat idag – logga igen?');
    expect(await active(h)).to.have.length(1);
    const again = button(asked, 'Logga igen');
    expect(again).to.deep.include({ activityId: 'gemensam-krogtillsyn', date: '2020-06-01', count: 2, note: 'lugnt' });
    button(asked, 'Avbryt');

    const logged = await h.submit(again);
    expect(logged[0]?.kind).to.equal('replaceCard');
    expect(readable(logged)).to.include('✅ Loggat');
    expect(await active(h)).to.have.length(2);
    expect((await active(h))[1]).to.include({ count: 2, note: 'lugnt', date: '2020-06-01' });
    // A second click logs nothing more.
    await h.submit(again);
    expect(await active(h)).to.have.length(2);
  });

  it('Avbryt stores nothing and says so in place of the question', async () => {
    const h = await harness({ now: NOW });
    await h.say('/logga ssg igår');
    const asked = await h.say('/logga ssg igår');
    expect(readable(asked)).to.include('Redan loggat 31 maj 2020 – logga igen?');
    const cancelled = await h.submit(button(asked, 'Avbryt'));
    expect(cancelled[0]?.kind).to.equal('replaceCard');
    expect(readable(cancelled)).to.include('Inget nytt loggat').and.not.include('"title":"Logga igen"');
    expect(await active(h)).to.have.length(1);
  });

  it("a colleague's Logga igen or Avbryt answers nothing and stores nothing", async () => {
    const h = await harness({ now: NOW });
    await h.say('/logga ssg igår');
    const asked = await h.say('/logga ssg igår');
    const again = await h.submit(button(asked, 'Logga igen'), { user: BERIT });
    expect(readable(again)).to.include('Frågan gäller Anna Anderssons insats – bara Anna Andersson kan välja.');
    expect(again[0]?.kind).to.equal('text');
    const cancel = await h.submit(button(asked, 'Avbryt'), { user: BERIT });
    expect(readable(cancel)).to.include('bara Anna Andersson kan välja').and.not.include('Inget nytt loggat');
    expect(await h.records.allEntries()).to.have.length(1);
    await h.submit(button(asked, 'Logga igen'));
    expect(await active(h)).to.have.length(2);
    expect((await active(h))[1]?.by.name).to.equal('Anna Andersson');
  });

  it('does not ask for another day, place or activity, for another person, or after the earlier one was undone', async () => {
    const h = await harness({ now: NOW });
    await h.say('/logga ssg igår');
    for (const typed of [
      '/logga ssg i förrgår',
      '/logga ssg i förrgår Öxnehaga',
      '/logga torsdagsmöte i förrgår Öxnehaga',
    ]) {
      expect(readable(await h.say(typed)), typed).to.include('✅ Loggat');
    }
    // Another person is asked whether it was the same occasion (occasionQuestion), never "logga igen?".
    const berit = await h.say('/logga torsdagsmöte i förrgår Öxnehaga', { user: BERIT });
    expect(readable(berit)).to.include('Var du med där?').and.not.include('logga igen?');
    expect(readable(await h.submit(button(berit, 'Ja, samma tillfälle'), { user: BERIT }))).to.include('✅ Loggat');
    await h.say('/ångra');
    // The latest is now "ssg i förrgår Öxnehaga": the undone torsdagsmöte is not asked about as a
    // repeat; the occasion Berit joined remains, so it is the occasion question.
    const again = await h.say('/logga torsdagsmöte i förrgår Öxnehaga');
    expect(readable(again)).to.include('Berit Berg har redan loggat').and.not.include('logga igen?');
    expect(readable(await h.submit(button(again, 'Ja, samma tillfälle')))).to.include('✅ Loggat');
    expect(await active(h)).to.have.length(5);
  });

  it('a redelivered message is answered with its entry, not asked about', async () => {
    const h = await harness({ now: NOW });
    await h.say('/logga ssg igår', { activityId: 'same' });
    const again = await h.say('/logga ssg igår', { activityId: 'same' });
    expect(readable(again)).to.include('Det här var redan loggat').and.not.include('logga igen?');
    expect(await active(h)).to.have.length(1);
  });

  it('the log form asks too, in place of the form; the same form sent twice is answered with its entry', async () => {
    const h = await harness({ now: NOW });
    const send = async () => {
      const [submit] = submitActions(cardsOf(await h.say('/logga'))[0]);
      return { ...submit, activityId: 'sig', date: '2020-05-31', place: '', otherPlace: '', count: '1', note: '' };
    };
    const first = await send();
    await h.submit(first);
    expect(readable(await h.submit(first))).to.include('Det här var redan loggat');
    const asked = await h.submit(await send());
    expect(asked[0]?.kind).to.equal('replaceCard');
    expect(readable(asked)).to.include('Redan loggat 31 maj 2020 – logga igen?');
    expect(await active(h)).to.have.length(1);
    await h.submit(button(asked, 'Logga igen'));
    expect(await active(h)).to.have.length(2);
  });
});
