// Issue 9, through the whole app: what people type is what gets stored, or they are asked.
// The bot's day is Monday 1 June 2020, as in the examples.
import { expect } from 'chai';
import { followUp } from '../../src/domain/followUp.js';
import { entriesCsv } from '../../src/report/csv.js';
import { outcomeText } from '../../src/views/followUpTexts.js';
import { cardsOf, harness, readable, submitActions } from '../support/harness.js';

const NOW = '2020-06-01T12:00:00+02:00';
const active = async (h: Awaited<ReturnType<typeof harness>>) =>
  (await h.records.allEntries()).filter((e) => !e.removed);

describe('issue 9: typed dates, counts and participants', () => {
  const dated: [string, string][] = [
    ['/logga gemensam krogtillsyn den 14:e mars', '2020-03-14'],
    ['/logga gemensam krogtillsyn 14:e mars', '2020-03-14'],
    ['/logga gemensam krogtillsyn 1:a juni', '2020-06-01'],
    ['/logga gemensam krogtillsyn 2:a', '2020-05-02'],
    ['/logga gemensam krogtillsyn förra fredagen', '2020-05-29'],
    ['/logga gemensam krogtillsyn fredagen den 29 maj', '2020-05-29'],
    ['/logga gemensam krogtillsyn i lördags natt', '2020-05-30'],
    ['/logga gemensam krogtillsyn 14.3', '2020-03-14'],
    ['/logga gemensam krogtillsyn 14/3-20', '2020-03-14'],
  ];
  for (const [typed, date] of dated) {
    it(`"${typed}" is stored on ${date} with no note`, async () => {
      const h = await harness({ now: NOW });
      await h.say(typed);
      const [entry, ...rest] = await active(h);
      expect(rest).to.have.length(0);
      expect(entry).to.include({ activityId: 'gemensam-krogtillsyn', date, count: 1 });
      expect(entry?.note).to.equal(undefined);
    });
  }

  for (const [typed, days] of [
    ['/logga gemensam krogtillsyn förra veckan', 7],
    ['/logga gemensam krogtillsyn i helgen', 3],
  ] as const) {
    it(`"${typed}" asks which day with a card of ${days} days; one click logs that day`, async () => {
      const h = await harness({ now: NOW });
      const replies = await h.say(typed);
      expect(await active(h), 'nothing stored before the choice').to.have.length(0);
      const [card] = cardsOf(replies);
      expect(JSON.stringify(card)).to.include('Vilken dag menar du?');
      const buttons = submitActions(card);
      expect(buttons).to.have.length(days);
      expect(buttons.every((b) => typeof b.date === 'string' && b.date < '2020-06-01')).to.equal(true);
      const saturday = buttons.find((b) => b.date === '2020-05-30');
      expect(readable(await h.submit(saturday))).to.include('30 maj 2020');
      expect((await active(h)).map((e) => e.date)).to.deep.equal(['2020-05-30']);
    });
  }

  it('"imorgon" is refused as a future day', async () => {
    const h = await harness({ now: NOW });
    const shown = readable(await h.say('/logga gemensam krogtillsyn imorgon'));
    expect(shown).to.include('2 juni 2020 har inte varit än');
    expect(await active(h)).to.have.length(0);
  });

  it('a compact "200314" is asked about, with both readings', async () => {
    const h = await harness({ now: NOW });
    const replies = await h.say('/logga gemensam krogtillsyn 200314');
    expect(await active(h)).to.have.length(0);
    const shown = readable(replies);
    expect(shown).to.include('Vilken dag menar du?');
    // 20 March 2014 has no agreement, so only 14 March 2020 is offered.
    expect(submitActions(cardsOf(replies)[0]).map((b) => b.date)).to.deep.equal(['2020-03-14']);
  });

  it('a date-like word that is no date is refused about dates', async () => {
    const h = await harness({ now: NOW });
    const shown = readable(await h.say('/logga gemensam krogtillsyn 32.13'));
    expect(shown).to.include('14/3 eller 14 mars');
    expect(shown).to.not.include('Antalet');
    expect(await active(h)).to.have.length(0);
  });

  it('times of day become hours: "kl 19-21", "19.00–21.00"', async () => {
    const h = await harness({ now: NOW });
    await h.say('/logga torsdagsmöte kl 19-21');
    await h.say('/logga ssg igår 19.00–21.00');
    expect((await active(h)).map((e) => [e.activityId, e.hours, e.note])).to.deep.equal([
      ['torsdagsmote', 2, undefined],
      ['ssg', 2, undefined],
    ]);
  });

  it('a question card repeats the hours and participants it will log, so nothing typed seems lost', async () => {
    const h = await harness({ now: NOW });
    const replies = await h.say('/logga krogtillsyn igår kl 19-21 6 deltagare');
    expect(await active(h)).to.have.length(0);
    expect(readable(replies)).to.include('31 maj 2020 · 2 timmar · 6 deltagare');
    expect(submitActions(cardsOf(replies)[0]).every((b) => b.hours === 2 && b.participants === 6)).to.equal(true);
  });

  it('counts with occasion words and number words; "3 krogar" stays in the note with count 1', async () => {
    const h = await harness({ now: NOW });
    for (const [i, typed] of [
      'gemensam krogtillsyn 3 st',
      'gemensam krogtillsyn tre tillfällen',
      'gemensam krogtillsyn fyra gånger',
      'gemensam krogtillsyn två st',
      'gemensam krogtillsyn en gång',
      'gemensam krogtillsyn x3',
      'gemensam krogtillsyn 3 krogtillsyner',
      'sig 2 ärenden',
      'gemensam krogtillsyn 3 krogar',
      'polisens enkät 14 svar',
    ].entries()) {
      // A day each: the same activity, day and place twice in a row would be asked about first.
      await h.say(`/logga ${typed} 2020-05-${String(10 + i).padStart(2, '0')}`);
    }
    expect((await active(h)).map((e) => [e.count, e.note])).to.deep.equal([
      [3, undefined],
      [3, undefined],
      [4, undefined],
      [2, undefined],
      [1, undefined],
      [3, undefined],
      [3, undefined],
      [2, undefined],
      [1, '3 krogar'],
      [1, '14 svar'],
    ]);
  });

  it('"6 deltagare" is the participants field: on the card, in /mina, in the CSV', async () => {
    const h = await harness({ now: NOW });
    // A day each: the same activity, day and place twice in a row would be asked about first.
    for (const [p, day] of [
      ['6 pers', 'igår'],
      ['6 personer', 'i förrgår'],
      ['6 deltagare', 'i torsdags'],
    ]) {
      const shown = readable(await h.say(`/logga torsdagsmöte ${day} ${p}`));
      expect(shown, p).to.include('6 deltagare');
    }
    expect((await active(h)).map((e) => e.participants)).to.deep.equal([6, 6, 6]);
    expect((await active(h)).every((e) => e.note === undefined)).to.equal(true);
    expect(readable(await h.say('/mina'))).to.include('6 deltagare');
    const agreement = await h.records.agreement('jonkoping-2020');
    if (!agreement) throw new Error('no agreement');
    const csv = entriesCsv([{ agreement, entries: await active(h) }], { start: '2020-01-01', end: '2020-12-31' });
    const [header, first] = csv.replace(/^\uFEFF/u, '').split('\r\n');
    const columns = header?.split(';') ?? [];
    expect(first?.split(';')[columns.indexOf('deltagare')]).to.equal('6');
  });

  it('the follow-up adds the participants up: "12 deltagare"', async () => {
    const h = await harness({ now: NOW });
    await h.say('/logga torsdagsmöte i torsdags 6 deltagare');
    await h.say('/logga torsdagsmöte igår sex deltagare');
    const agreement = await h.records.agreement('jonkoping-2020');
    if (!agreement) throw new Error('no agreement');
    const f = followUp(agreement, await h.records.entries(agreement.id), [], { year: 2020, tertial: 2 }, '2020-06-01');
    const meeting = f.promises.flatMap((p) => p.activities).find((a) => a.activity.id === 'torsdagsmote');
    if (!meeting) throw new Error('no torsdagsmöte in the follow-up');
    expect(meeting.tertial.participants).to.equal(12);
    expect(outcomeText(meeting)).to.include('12 deltagare');
  });
});
