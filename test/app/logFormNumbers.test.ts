// Issue 9: the log form's Deltagare and Timmar, on a new entry and on Ändra in /mina.
import { expect } from 'chai';
import { cardsOf, harness, readable, submitActions, type Harness } from '../support/harness.js';

const NOW = '2020-06-01T12:00:00+02:00';
type Json = Record<string, unknown>;

function input(card: unknown, id: string): Json {
  const found = (card as { body: Json[] }).body.find((e) => e.id === id);
  if (!found) throw new Error(`no input ${id}`);
  return found;
}

async function openForm(h: Harness, typed = '/logga'): Promise<{ card: unknown; save: Json }> {
  const card = cardsOf(await h.say(typed))[0];
  return { card, save: submitActions(card)[0] as Json };
}

async function openEdit(h: Harness): Promise<{ card: unknown; save: Json }> {
  const edit = submitActions(cardsOf(await h.say('/mina'))[0]).find((b) => b.verb === 'entry.edit');
  const card = cardsOf(await h.submit(edit))[0];
  return { card, save: submitActions(card)[0] as Json };
}

describe('issue 9: Deltagare and Timmar on the log form', () => {
  it('the form offers both, empty; what is typed is stored and shown on the confirmation', async () => {
    const h = await harness({ now: NOW });
    const { card, save } = await openForm(h);
    // No value at all: a renderer shows an empty number input as 0, which the form would then refuse.
    expect(input(card, 'participants')).to.include({ type: 'Input.Number', label: 'Deltagare', min: 1 });
    expect(input(card, 'participants')).to.not.have.property('value');
    expect(input(card, 'hours')).to.include({ type: 'Input.Text', label: 'Timmar', value: '' });
    const replies = await h.submit({
      ...save,
      activityId: 'gemensam-krogtillsyn',
      date: '2020-05-30',
      count: '1',
      participants: '6',
      hours: '1,5',
    });
    expect(readable(replies)).to.include('✅ Loggat').and.include('6 deltagare').and.include('1,5 timmar');
    expect((await h.records.allEntries())[0]).to.include({ participants: 6, hours: 1.5, date: '2020-05-30' });
  });

  it('left empty, nothing is stored for them', async () => {
    const h = await harness({ now: NOW });
    const { save } = await openForm(h);
    await h.submit({ ...save, activityId: 'ssg', date: '2020-05-30', count: '1', participants: '', hours: '' });
    const [entry] = await h.records.allEntries();
    expect(entry).to.not.have.property('participants');
    expect(entry).to.not.have.property('hours');
  });

  for (const [field, typed, said] of [
    ['participants', '0', 'Deltagare "0" går inte att spara'],
    ['participants', '2.5', 'Deltagare "2.5" går inte att spara'],
    ['hours', '25', 'Timmar "25" går inte att spara'],
    ['hours', 'två', 'Timmar "två" går inte att spara'],
  ] as const) {
    it(`${field} "${typed}" is refused in Swedish on the returned form, which keeps the other choices`, async () => {
      const h = await harness({ now: NOW });
      const { save } = await openForm(h);
      const replies = await h.submit({
        ...save,
        activityId: 'gemensam-krogtillsyn',
        date: '2020-05-29',
        place: 'Öxnehaga',
        count: '2',
        participants: '4',
        hours: '2',
        note: 'lugnt',
        [field]: typed,
      });
      const fallback = replies[0]?.kind === 'replaceCard' ? replies[0].fallbackText : '';
      expect(fallback).to.include(said).and.include('Inget har sparats');
      expect(await h.records.allEntries()).to.have.length(0);
      const card = cardsOf(replies)[0];
      expect(replies[0]?.kind).to.equal('replaceCard');
      expect(input(card, 'activityId')).to.include({ value: 'gemensam-krogtillsyn' });
      expect(input(card, 'date')).to.include({ value: '2020-05-29' });
      expect(input(card, 'count')).to.include({ value: 2 });
      expect(input(card, 'note')).to.include({ value: 'lugnt' });
      if (field === 'hours') {
        expect(input(card, 'participants')).to.include({ value: 4 });
        expect(input(card, 'hours')).to.include({ value: typed });
      } else {
        expect(input(card, 'hours')).to.include({ value: '2' });
      }
    });
  }

  it('Ändra shows the entry’s participants and hours; saving them unchanged keeps them, a new value is stored and kept in the history', async () => {
    const h = await harness({ now: NOW });
    await h.say('/logga gemensam krogtillsyn igår 7 pers 1,5 h');
    expect((await h.records.allEntries())[0]).to.include({ participants: 7, hours: 1.5 });
    const first = await openEdit(h);
    expect(input(first.card, 'participants')).to.include({ value: 7 });
    expect(input(first.card, 'hours')).to.include({ value: '1,5' });
    // The user changes only the count; the fields come back as shown.
    await h.submit({
      ...first.save,
      activityId: 'gemensam-krogtillsyn',
      date: '2020-05-31',
      count: '2',
      participants: String(input(first.card, 'participants').value),
      hours: String(input(first.card, 'hours').value),
    });
    expect((await h.records.allEntries())[0]).to.include({ count: 2, participants: 7, hours: 1.5 });

    const second = await openEdit(h);
    await h.submit({
      ...second.save,
      activityId: 'gemensam-krogtillsyn',
      date: '2020-05-31',
      count: '2',
      participants: '9',
      hours: '2',
    });
    const [entry] = await h.records.allEntries();
    expect(entry).to.include({ participants: 9, hours: 2 });
    expect(entry?.history?.[1]?.before).to.deep.include({ participants: 7, hours: 1.5 });
  });

  it('a form sent before the fields existed (no participants or hours in it) keeps the entry’s values', async () => {
    const h = await harness({ now: NOW });
    await h.say('/logga gemensam krogtillsyn igår 7 pers');
    const { save } = await openEdit(h);
    const replies = await h.submit({ ...save, activityId: 'gemensam-krogtillsyn', date: '2020-05-30', count: '1' });
    expect(readable(replies)).to.include('✏️ Ändrat');
    expect((await h.records.allEntries())[0]).to.include({ participants: 7, date: '2020-05-30' });
  });
});
