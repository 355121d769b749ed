// Issue 20, "Corrections in words": right after a log, "nej det var i tisdags" and the like change
// that entry through the same edit as Ändra; while a question card is open, they answer it.
import { expect } from 'chai';
import { BERIT, cardsOf, harness, readable, submitActions, type Harness } from '../support/harness.js';

// BOT_TODAY=2020-10-15, a Thursday: "i tisdags" is 13 October, "i fredags" 9 October.
const NOW = '2020-10-15T12:00:00+02:00';
const active = async (h: Harness) => (await h.records.allEntries()).filter((e) => !e.removed);
const only = async (h: Harness) => {
  const [entry, ...more] = await active(h);
  if (!entry || more.length > 0) throw new Error(`expected one entry, got ${(await active(h)).length}`);
  return entry;
};
const minutesLater = (h: Harness, minutes: number) => {
  h.clock.now = new Date(h.clock.now.getTime() + minutes * 60_000);
};

describe('issue 20: corrections in words', () => {
  const examples: [string, Record<string, unknown>][] = [
    ['nej det var i tisdags', { date: '2020-10-13' }],
    ['fel dag, det var igår', { date: '2020-10-14' }],
    ['ändra till 3 pers', { participants: 3 }],
    ['nej, 2 tillfällen', { count: 2 }],
    ['fel plats, Österängen', { place: 'Österängen' }],
  ];
  for (const [said, change] of examples) {
    it(`"${said}" right after a log changes that entry, answered as an edit (✏️ Ändrat, Ångra)`, async () => {
      const h = await harness({ now: NOW });
      await h.say('/logga gemensam krogtillsyn Öxnehaga');
      const before = await only(h);
      minutesLater(h, 5);
      const replies = await h.say(said);
      expect(replies[0]?.kind).to.equal('card');
      expect(readable(replies)).to.include('✏️ Ändrat').and.include('"title":"Ångra"');
      const after = await only(h);
      expect(after.id).to.equal(before.id);
      expect(after).to.deep.include(change);
      expect(after.history?.map((c) => c.reason)).to.deep.equal(['edit']);
      expect(after.history?.[0]?.before).to.deep.include({ date: '2020-10-15', count: 1, place: 'Öxnehaga' });
      const audit = (await h.port.audit.read()).filter((r) => r.action === 'entry.edited');
      expect(audit).to.have.length(1);
      expect(audit[0]).to.deep.include({ entryId: after.id, via: 'chat', detail: 'rättat i chatten' });
    });
  }

  it('a correction that changes nothing says so and writes nothing', async () => {
    const h = await harness({ now: NOW });
    await h.say('/logga gemensam krogtillsyn igår');
    expect(readable(await h.say('nej, igår'))).to.include('Inget att ändra');
    expect((await only(h)).history).to.equal(undefined);
  });

  it('"nej" alone asks once what to change, with the entry\'s Ändra form; nothing changes', async () => {
    const h = await harness({ now: NOW });
    await h.say('/logga gemensam krogtillsyn igår');
    const replies = await h.say('nej');
    expect(readable(replies.slice(0, 1))).to.match(/^Vad ska ändras i Gemensam krogtillsyn/u);
    expect(readable(replies)).to.include('Ändra insats');
    expect(submitActions(cardsOf(replies)[0])[0]).to.deep.include({ entryId: (await only(h)).id });
    expect(readable(await h.say('fel dag'))).to.include('"fel dag, det var igår"');
    expect((await only(h)).history).to.equal(undefined);
  });

  it('with nothing logged in the last 15 minutes, a correction gets a clear answer pointing to /mina', async () => {
    const h = await harness({ now: NOW });
    const nothing = readable(await h.say('nej det var i tisdags'));
    expect(nothing).to.include('inget att rätta').and.include('/mina');
    await h.say('/logga gemensam krogtillsyn igår');
    minutesLater(h, 16);
    expect(readable(await h.say('fel dag, det var i tisdags'))).to.include('de senaste 15 minuterna');
    expect((await only(h)).date).to.equal('2020-10-14');
  });

  it("nothing changes someone else's entry, nor one logged in another conversation", async () => {
    const h = await harness({ now: NOW });
    await h.say('/logga gemensam krogtillsyn igår', { kind: 'channel' });
    expect(readable(await h.say('nej, i tisdags', { user: BERIT, kind: 'channel' }))).to.include('inget att rätta');
    // Anna's own correction, but in her personal chat: the entry was typed in the channel.
    expect(readable(await h.say('nej, i tisdags'))).to.include('inget att rätta');
    expect((await only(h)).date).to.equal('2020-10-14');
    expect(readable(await h.say('nej, i tisdags', { kind: 'channel' }))).to.include('✏️ Ändrat');
    expect((await only(h)).date).to.equal('2020-10-13');
  });

  it("a future day or another agreement's day is refused, and the entry stays", async () => {
    const h = await harness({ now: NOW });
    await h.say('/logga gemensam krogtillsyn igår');
    expect(readable(await h.say('nej, imorgon')))
      .to.include('har inte varit än')
      .and.include('Insatsen är oförändrad');
    expect(readable(await h.say('fel dag, 2019-12-30'))).to.include('Medborgarlöfte 2018-2019');
    expect((await only(h)).date).to.equal('2020-10-14');
  });

  it('"nej, i fredags" answers the open "Vilken dag menar du?" card, as the message it answers', async () => {
    const h = await harness({ now: NOW });
    const asked = await h.say('/logga gemensam krogtillsyn förra veckan', { activityId: 'msg-week' });
    expect(readable(asked)).to.include('Vilken dag menar du?');
    expect(await active(h)).to.have.length(0);
    const replies = await h.say('nej, i fredags');
    expect(readable(replies)).to.include('✅ Loggat');
    expect(await only(h)).to.deep.include({ date: '2020-10-09', sourceId: 'message:personal-29:anna:msg-week' });
    // The question is answered: a correction now changes the entry it made.
    expect(readable(await h.say('nej, 2 tillfällen'))).to.include('✏️ Ändrat');
    expect((await only(h)).count).to.equal(2);
  });

  it('the day alone ("i fredags") answers an open day question, but corrects nothing after a log', async () => {
    const h = await harness({ now: NOW });
    await h.say('/logga ssg i helgen');
    expect(readable(await h.say('i lördags'))).to.include('✅ Loggat');
    expect((await only(h)).date).to.equal('2020-10-10');
    expect(readable(await h.say('i fredags'))).to.include('Jag känner inte igen');
    expect((await only(h)).date).to.equal('2020-10-10');
  });

  it('"nej, i fredags" on the open activity question asks again with Friday; a click logs Friday', async () => {
    const h = await harness({ now: NOW });
    const asked = await h.say('/logga krogtillsyn igår');
    expect(readable(asked)).to.include('Vilken aktivitet menar du?').and.include('14 oktober 2020');
    const again = await h.say('nej, i fredags');
    expect(readable(again)).to.include('Vilken aktivitet menar du?').and.include('9 oktober 2020');
    expect(await active(h)).to.have.length(0);
    const choice = submitActions(cardsOf(again)[0]).find((d) => d.activityId === 'gemensam-krogtillsyn');
    expect(readable(await h.submit(choice))).to.include('✅ Loggat');
    expect(await only(h)).to.deep.include({ activityId: 'gemensam-krogtillsyn', date: '2020-10-09' });
  });

  it('"nej" answers "Logga igen?" as Avbryt; "nej, i fredags" logs the same on Friday instead', async () => {
    const h = await harness({ now: NOW });
    await h.say('/logga gemensam krogtillsyn igår');
    minutesLater(h, 2);
    expect(readable(await h.say('/logga gemensam krogtillsyn igår'))).to.include('logga igen?');
    const cancelled = await h.say('nej');
    expect(cancelled[0]?.kind).to.equal('card');
    expect(readable(cancelled)).to.include('Inget nytt loggat');
    expect(await active(h)).to.have.length(1);
    expect((await only(h)).history).to.equal(undefined);

    minutesLater(h, 1);
    const asked = await h.say('/logga gemensam krogtillsyn igår', { activityId: 'msg-again' });
    expect(readable(asked)).to.include('logga igen?');
    expect(readable(await h.say('nej, det var i fredags'))).to.include('✅ Loggat');
    expect((await active(h)).map((e) => e.date).sort()).to.deep.equal(['2020-10-09', '2020-10-14']);
    expect((await active(h)).find((e) => e.date === '2020-10-09')?.sourceId).to.equal(
      'message:personal-29:anna:msg-again',
    );
  });

  it('an open question is about the latest thing: an entry logged after it is what gets corrected', async () => {
    const h = await harness({ now: NOW });
    await h.say('/logga krogtillsyn igår');
    minutesLater(h, 1);
    await h.say('/logga ssg igår');
    expect(readable(await h.say('nej, i tisdags'))).to.include('✏️ Ändrat');
    expect(await only(h)).to.deep.include({ activityId: 'ssg', date: '2020-10-13' });
  });
});
