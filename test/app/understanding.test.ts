// Issue 9, "understanding more": logs without the command word, typos, and small talk, through
// the whole app. The bot's day is Monday 1 June 2020.
import { expect } from 'chai';
import { cardsOf, harness, readable, submitActions } from '../support/harness.js';

const NOW = '2020-06-01T12:00:00+02:00';
const active = async (h: Awaited<ReturnType<typeof harness>>) =>
  (await h.records.allEntries()).filter((e) => !e.removed);

describe('issue 9: understanding more', () => {
  it('"fotpatrullering öxnehaga igår 2h" in a personal chat is a log', async () => {
    const h = await harness({ now: NOW });
    const shown = readable(await h.say('fotpatrullering öxnehaga igår 2h'));
    expect(shown).to.include('Loggat');
    expect(await active(h)).to.have.length(1);
    expect((await active(h))[0]).to.include({
      activityId: 'fotpatrullering-oxnehaga',
      place: 'Öxnehaga',
      date: '2020-05-31',
      hours: 2,
    });
  });

  it('in a channel it is a log when the bot is @mentioned, otherwise a hint', async () => {
    const h = await harness({ now: NOW });
    const hint = readable(await h.say('gemensam krogtillsyn igår', { kind: 'channel' }));
    expect(hint).to.include('Menade du /logga');
    expect(await active(h)).to.have.length(0);
    const logged = readable(
      await h.app.handle({
        user: { id: '29:anna', name: 'Anna Andersson', aadObjectId: 'aad-anna' },
        conversation: { id: 'conv-channel', kind: 'channel' },
        activityId: 'mentioned-1',
        text: 'gemensam krogtillsyn igår',
        mentionsBot: true,
      }),
    );
    expect(logged).to.include('Loggat');
    expect((await active(h)).map((e) => e.activityId)).to.deep.equal(['gemensam-krogtillsyn']);
  });

  it('a one-letter typo in an activity still matches: "fotpatrulering"', async () => {
    const h = await harness({ now: NOW });
    await h.say('/logga fotpatrulering Öxnehaga igår');
    expect((await active(h)).map((e) => [e.activityId, e.note])).to.deep.equal([
      ['fotpatrullering-oxnehaga', undefined],
    ]);
  });

  it('a one-letter typo in a command still matches: "loga"', async () => {
    const h = await harness({ now: NOW });
    await h.say('loga gemensam krogtillsyn igår');
    expect((await active(h)).map((e) => e.activityId)).to.deep.equal(['gemensam-krogtillsyn']);
  });

  it('suggestions are buttons that log with the same date, place and note, and never repeat the typo', async () => {
    const h = await harness({ now: NOW });
    const replies = await h.say('/logga trosdagsmöte igår 6 deltagare: bra möte');
    expect(await active(h)).to.have.length(0);
    const shown = readable(replies);
    expect(shown).to.not.include('trosdagsmöte');
    const buttons = submitActions(cardsOf(replies)[0]);
    const meeting = buttons.find((b) => b.activityId === 'torsdagsmote');
    expect(meeting).to.include({ date: '2020-05-31', note: 'bra möte', participants: 6 });
    await h.submit(meeting);
    expect((await active(h))[0]).to.include({ activityId: 'torsdagsmote', date: '2020-05-31', note: 'bra möte' });
  });

  for (const [typed, pointer] of [
    ['hej', '/hjälp'],
    ['tack', '/hjälp'],
    ['hur ligger vi till?', '/status'],
  ] as const) {
    it(`"${typed}" gets a short friendly answer pointing to ${pointer}`, async () => {
      const h = await harness({ now: NOW });
      const shown = readable(await h.say(typed));
      expect(shown).to.include(pointer);
      expect(shown).to.not.include('känner inte igen');
      expect(await active(h)).to.have.length(0);
    });
  }
});
