// The log form as a user meets it: what it offers, what a submit stores, and how mistakes come
// back on the card itself instead of as a new message.
import { expect } from 'chai';
import { cardOf, cardTexts, harness } from '../support/cardsHarness.js';

type Json = Record<string, unknown>;

function input(card: unknown, id: string): Json {
  const body = (card as { body: Json[] }).body;
  const found = body.find((e) => e.id === id);
  if (!found) throw new Error(`no input ${id}`);
  return found;
}

describe('the log form', () => {
  it('/logga with nothing else opens the form: activities grouped by promise, today, places, count and the personal-data hint', async () => {
    const h = await harness('2020-06-01');
    const [reply] = await h.say('/logga');
    const { card } = cardOf(reply);
    const choices = (input(card, 'activityId').choices as { title: string; value: string }[]).map((c) => c.title);
    expect(choices[0]).to.equal('Löfte 1 · Polisens enkätundersökning');
    expect(choices).to.include('Löfte 1, 2 · SSG-möte');
    expect(choices[choices.length - 1]).to.match(/^Löfte 2 · /u);
    const firstOfTwo = choices.findIndex((c) => c.startsWith('Löfte 2'));
    expect(choices.slice(firstOfTwo).every((c) => c.startsWith('Löfte 2'))).to.equal(true);
    expect(input(card, 'date')).to.include({ value: '2020-06-01', max: '2020-06-01', min: '2020-01-01' });
    expect((input(card, 'place').choices as { value: string }[]).map((c) => c.value)).to.include.members([
      'Öxnehaga',
      'Österängen',
      'Ekhagen',
    ]);
    expect(input(card, 'otherPlace')).to.include({ label: 'Annan plats' });
    expect(input(card, 'count')).to.include({ value: 1, min: 1 });
    expect(input(card, 'note')).to.include({ placeholder: 'Skriv inga personuppgifter', maxLength: 500 });
  });

  it('a submit stores the entry and replaces the form with the confirmation', async () => {
    const h = await harness('2020-06-01');
    const [form] = await h.say('/logga');
    const formId = (cardOf(form).card.actions as { data: { formId: string } }[])[0]!.data.formId;
    const replies = await h.submit({
      verb: 'log.form',
      formId,
      activityId: 'gemensam-krogtillsyn',
      date: '2020-05-29',
      place: 'Öxnehaga',
      otherPlace: '',
      count: '2',
      note: 'Lugn kväll',
    });
    expect(replies).to.have.length(1);
    const confirmation = cardOf(replies[0]);
    expect(confirmation.replace, 'replaces the submitted form').to.equal(true);
    const texts = cardTexts(confirmation.card);
    expect(texts).to.include.members([
      '✅ Loggat',
      'Gemensam krogtillsyn',
      '29 maj 2020',
      'Öxnehaga',
      '2 tillfällen',
      'Lugn kväll',
      'Anna Lind',
      '2 av 4 tillfällen',
    ]);
    const stored = await h.records.entries('jonkoping-2020');
    expect(stored).to.have.length(1);
    expect(stored[0]).to.include({
      activityId: 'gemensam-krogtillsyn',
      date: '2020-05-29',
      place: 'Öxnehaga',
      count: 2,
      note: 'Lugn kväll',
      sourceId: `form:${formId}:aad-anna`,
    });
  });

  it('"Annan plats" wins over the list; a second submit of the same form logs nothing more', async () => {
    const h = await harness('2020-06-01');
    const submit = {
      verb: 'log.form',
      formId: 'form-1',
      activityId: 'sig',
      date: '2020-05-20',
      place: 'Öxnehaga',
      otherPlace: 'Råslätt',
      count: '1',
    };
    await h.submit(submit);
    const again = await h.submit(submit);
    expect(cardTexts(cardOf(again[0]).card)).to.include('Det här var redan loggat');
    expect(await h.records.entries('jonkoping-2020')).to.have.length(1);
    expect((await h.records.entries('jonkoping-2020'))[0]?.place).to.equal('Råslätt');
  });

  it('a mistake comes back on the form, in place of the one sent, with what was filled in kept', async () => {
    const h = await harness('2020-06-01');
    const replies = await h.submit({
      verb: 'log.form',
      formId: 'form-2',
      activityId: 'sig',
      date: '2020-05-20',
      place: '',
      otherPlace: 'Råslätt',
      count: '0',
      note: 'Två ärenden',
    });
    expect(replies).to.have.length(1);
    const { card, replace, fallbackText } = cardOf(replies[0]);
    expect(replace).to.equal(true);
    expect(cardTexts(card)).to.include('Antalet ska vara ett heltal från 1 till 1000. Inget har sparats.');
    expect(fallbackText).to.equal('Antalet ska vara ett heltal från 1 till 1000. Inget har sparats.');
    expect(input(card, 'count').value, 'the count as typed').to.equal(0);
    expect(input(card, 'activityId').value).to.equal('sig');
    expect(input(card, 'date').value).to.equal('2020-05-20');
    expect(input(card, 'otherPlace').value).to.equal('Råslätt');
    expect(input(card, 'note').value).to.equal('Två ärenden');
    expect(await h.records.entries('jonkoping-2020')).to.have.length(0);
  });

  for (const sent of ['2020-05-20T00:00:00.000Z', '5/20/2020', '20/5/2020', '2020-05-20T00:00:00+02:00']) {
    it(`a card date sent as "${sent}" is read as 20 May 2020`, async () => {
      const h = await harness('2020-06-01');
      await h.submit({ verb: 'log.form', formId: `f-${sent}`, activityId: 'sig', date: sent, count: '1' });
      expect((await h.records.allEntries()).map((e) => e.date)).to.deep.equal(['2020-05-20']);
    });
  }

  for (const [sent, message] of [
    ['maj tjugonde', 'går inte att läsa'],
    ['5/6/2020', 'kan vara 6 maj 2020 eller 5 juni 2020'],
  ] as const) {
    it(`a card date "${sent}" that cannot be read comes back empty with the other choices kept, never as today`, async () => {
      const h = await harness('2020-06-01');
      const replies = await h.submit({
        verb: 'log.form',
        formId: 'f',
        activityId: 'sig',
        date: sent,
        otherPlace: 'Råslätt',
        count: '2',
        note: 'två samtal',
      });
      const { card } = cardOf(replies[0]);
      expect(cardTexts(card).join('\n')).to.contain(message);
      expect(input(card, 'date').value).to.equal('');
      expect(input(card, 'activityId').value).to.equal('sig');
      expect(input(card, 'otherPlace').value).to.equal('Råslätt');
      expect(input(card, 'count').value).to.equal(2);
      expect(input(card, 'note').value).to.equal('två samtal');
      expect(await h.records.allEntries()).to.have.length(0);
    });
  }

  for (const [label, submit, message] of [
    ['no activity', { activityId: '' }, 'Välj en aktivitet.'],
    ['a day that does not exist', { date: '2020-02-30' }, 'Datumet "2020-02-30" finns inte.'],
    ['a future day', { date: '2020-06-02' }, '2 juni 2020 har inte varit än'],
    ['a day no agreement holds', { date: '2017-05-01' }, 'Inget medborgarlöfte gäller 1 maj 2017.'],
    ['an activity of another year', { date: '2019-05-01' }, 'Aktiviteten finns inte i Medborgarlöfte 2018-2019'],
    ['a place over 80 characters', { otherPlace: 'x'.repeat(81) }, 'Platsen får vara högst 80 tecken.'],
    ['a note over 500 characters', { note: 'x'.repeat(501) }, 'Anteckningen får vara högst 500 tecken'],
  ] as const) {
    it(`refuses ${label} on the card and stores nothing`, async () => {
      const h = await harness('2020-06-01');
      const replies = await h.submit({
        verb: 'log.form',
        formId: 'f',
        activityId: 'sig',
        date: '2020-05-20',
        count: '1',
        ...submit,
      });
      const { card, replace } = cardOf(replies[0]);
      expect(replace).to.equal(true);
      expect(cardTexts(card).join('\n')).to.contain(message);
      expect(await h.records.allEntries()).to.have.length(0);
    });
  }

  it('a personnummer in the note is refused on the card, and the note is not shown back', async () => {
    const h = await harness('2020-06-01');
    const replies = await h.submit({
      verb: 'log.form',
      formId: 'f',
      activityId: 'sig',
      date: '2020-05-20',
      count: '1',
      note: 'Pojke 811218-9876 igen',
    });
    const { card } = cardOf(replies[0]);
    const all = JSON.stringify(card);
    expect(all).to.contain('personnummer (811218-****)');
    expect(all).not.to.contain('9876');
    expect(input(card, 'note').value).to.equal('');
    expect(await h.records.allEntries()).to.have.length(0);
  });

  it('a payload that is not a form at all gets a plain answer', async () => {
    const h = await harness('2020-06-01');
    const [reply] = await h.submit({ verb: 'log.form', formId: 42 });
    expect(reply).to.deep.equal({
      kind: 'text',
      text: 'Formuläret skickade något jag inte kan läsa. Skriv /logga för ett nytt. Inget har sparats.',
    });
  });
});

describe('the other cards', () => {
  it('/hjälp is a card with every command, an example each, and buttons to the form and the status', async () => {
    const h = await harness('2020-06-01');
    const [reply] = await h.say('/hjälp');
    const { card, fallbackText } = cardOf(reply);
    const texts = cardTexts(card);
    for (const usage of [
      '/logga «aktivitet» [plats] [datum] [antal] [anteckning]',
      '/status [år | aktivitet]',
      '/sammanfattning [vecka | månad | tertial | år] [år]',
      '/mina',
      '/ångra',
      '/hjälp',
    ]) {
      expect(texts).to.include(usage);
    }
    expect(texts).to.include('T.ex. /logga krogtillsyn, /logga fotpatrullering Öxnehaga 2 h igår');
    expect(fallbackText).to.contain('/sammanfattning');
    const form = await h.submit({ verb: 'command', command: 'logga' });
    expect(cardTexts(cardOf(form[0]).card)).to.include('Logga en insats');
  });

  it('a typed /logga is confirmed with a card: what was stored and where the activity stands', async () => {
    const h = await harness('2020-06-01');
    const [reply] = await h.say('/logga gemensam krogtillsyn 2020-03-14 Öxnehaga 2 h');
    const { card, fallbackText, replace } = cardOf(reply);
    expect(replace).to.equal(false);
    expect(cardTexts(card)).to.include.members([
      '✅ Loggat',
      'Gemensam krogtillsyn',
      '14 mars 2020',
      'Öxnehaga',
      '1 tillfälle',
      '2 timmar',
      'Medborgarlöfte 2020',
      '1 av 4 tillfällen',
      'Fel? Tryck Ångra, eller skriv /ångra.',
    ]);
    expect(fallbackText).to.contain('✅ Loggat: Gemensam krogtillsyn, 14 mars 2020, Öxnehaga, 1 tillfälle, 2 timmar.');
  });

  it('a click on the ambiguity card logs the choice and replaces the card, so the other button is gone', async () => {
    const h = await harness('2020-06-01');
    const [choose] = await h.say('/logga krogtillsyn igår');
    const json = JSON.stringify(cardOf(choose).card);
    const data = JSON.parse(
      json.match(/"data":(\{"verb":"log\.choose"[^}]*"activityId":"gemensam-krogtillsyn"[^}]*\})/u)?.[1] ?? '{}',
    ) as Json;
    const [confirmation] = await h.submit(data);
    expect(cardOf(confirmation).replace).to.equal(true);
    expect(cardTexts(cardOf(confirmation).card)).to.include.members([
      '✅ Loggat',
      'Gemensam krogtillsyn',
      '31 maj 2020',
    ]);
    expect(await h.records.entries('jonkoping-2020')).to.have.length(1);
  });

  it('/mina is a card of my entries, newest first, with notes', async () => {
    const h = await harness('2020-06-01');
    await h.say('/logga sig Öxnehaga 2020-05-02 – orolig förälder');
    await h.say('/logga torsdagsmöte 2020-05-28');
    await h.say('/logga ssg 2020-05-20', { id: 'someone-else', name: 'Erik', aadObjectId: 'aad-erik' });
    const { card } = cardOf((await h.say('/mina'))[0]);
    const texts = cardTexts(card);
    expect(texts).to.include('2 totalt · visar 1–2');
    expect(texts.indexOf('Torsdagsmöte Öxnehaga')).to.be.below(texts.indexOf('SIG-ärenden'));
    expect(texts).to.include('2 maj 2020 · Öxnehaga · 1 ärende');
    expect(texts).to.include('orolig förälder');
    expect(texts).not.to.include('SSG-möte');
  });

  it('/status shows each activity with "N av M", its status in colour and a progress bar of that share', async () => {
    const h = await harness('2020-10-01');
    await h.say('/logga gemensam krogtillsyn 2020-03-14');
    const { card } = cardOf((await h.say('/status 2020'))[0]);
    const json = JSON.stringify(card);
    expect(cardTexts(card)).to.include('1 av 4 tillfällen');
    // 1 of 4 is 25 % filled, coloured by the status (far behind on 1 October: red).
    expect(json).to.match(
      /"width":25,"style":"attention","minHeight":"8px","items":\[\]\},\{"type":"Column","width":75,"style":"emphasis","spacing":"None"/u,
    );
    expect(cardTexts(card)).to.include('🔴 långt efter');
  });
});
