// Issue 9, corrections: Ångra on the confirmation, Ändra and Ta bort in /mina, a second /ångra.
import { expect } from 'chai';
import { BERIT, cardsOf, harness, readable, submitActions } from '../support/harness.js';

const NOW = '2020-06-01T12:00:00+02:00';
const active = async (h: Awaited<ReturnType<typeof harness>>) =>
  (await h.records.allEntries()).filter((e) => !e.removed);

function button(replies: Parameters<typeof cardsOf>[0], title: string): Record<string, unknown> {
  const card = cardsOf(replies)[0];
  const found: Record<string, unknown>[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const o = node as Record<string, unknown>;
      if (o.type === 'Action.Submit' && o.title === title) found.push(o.data as Record<string, unknown>);
      Object.values(o).forEach(walk);
    }
  };
  walk(card);
  const [first] = found;
  if (!first) throw new Error(`no "${title}" button`);
  return first;
}

describe('issue 9: corrections', () => {
  it('the confirmation has an Ångra button; the card of the undone entry says so', async () => {
    const h = await harness({ now: NOW });
    const logged = await h.say('/logga gemensam krogtillsyn igår');
    const undo = button(logged, 'Ångra');
    const replies = await h.submit(undo);
    expect(replies[0]?.kind).to.equal('replaceCard');
    const shown = readable(replies);
    expect(shown).to.include('↩️ Ångrat');
    expect(shown).to.include('finns kvar i historiken');
    expect(shown).to.not.include('"title":"Ångra"');
    expect(await active(h)).to.have.length(0);
    expect((await h.records.allEntries())[0]?.removed?.reason).to.equal('undo');
    expect((await h.port.audit.read()).map((r) => r.action)).to.include('entry.undone');
    // A second click answers the same, and removes nothing more.
    expect(readable(await h.submit(undo))).to.include('↩️ Ångrat');
  });

  it('the confirmation says /ångra only where it takes back this entry; an entry taken back is shown as such', async () => {
    const h = await harness({ now: NOW });
    const first = await h.say('/logga gemensam krogtillsyn igår', { activityId: 'msg-1' });
    expect(readable(first)).to.include('Fel? Tryck Ångra, eller skriv /ångra.');
    expect(first[0]?.kind === 'card' && first[0].fallbackText).to.include('Fel? Skriv /ångra.');
    await h.say('/logga ssg igår');
    // Delivered again: the entry is no longer the latest, so /ångra would take back another one.
    const again = await h.say('/logga gemensam krogtillsyn igår', { activityId: 'msg-1' });
    expect(readable(again)).to.include('Det här var redan loggat').and.include('Fel? Tryck Ångra.');
    expect(readable(again)).to.not.include('skriv /ångra');
    expect(again[0]?.kind === 'card' && again[0].fallbackText).to.include('Fel? Ta bort den i /mina.');
    await h.submit(button(first, 'Ångra'));
    const afterUndo = await h.say('/logga gemensam krogtillsyn igår', { activityId: 'msg-1' });
    expect(readable(afterUndo)).to.include('↩️ Ångrat').and.not.include('"title":"Ångra"');
    expect(afterUndo[0]?.kind === 'card' && afterUndo[0].fallbackText).to.include('är ångrat');
    expect(await active(h)).to.have.length(1);
  });

  it('only the one who logged an entry can take it back', async () => {
    const h = await harness({ now: NOW });
    const undo = button(await h.say('/logga gemensam krogtillsyn igår'), 'Ångra');
    const shown = readable(await h.submit(undo, { user: BERIT }));
    expect(shown).to.include('Bara Anna Andersson');
    expect(await active(h)).to.have.length(1);
  });

  it('/mina lists entries by the date of the work, each with Ändra and Ta bort', async () => {
    const h = await harness({ now: NOW });
    await h.say('/logga gemensam krogtillsyn 14 mars');
    await h.say('/logga torsdagsmöte igår');
    await h.say('/logga ssg 2020-04-02');
    const card = cardsOf(await h.say('/mina'))[0];
    const json = JSON.stringify(card);
    const order = ['Torsdagsmöte', 'SSG-möte', 'Gemensam krogtillsyn'].map((n) => json.indexOf(n));
    expect(order).to.deep.equal([...order].sort((a, b) => a - b));
    const buttons = submitActions(card);
    expect(buttons.filter((b) => b.verb === 'entry.edit')).to.have.length(3);
    expect(buttons.filter((b) => b.verb === 'entry.remove')).to.have.length(3);
  });

  it('Ta bort in /mina removes the entry, says so, and shows the list without it', async () => {
    const h = await harness({ now: NOW });
    await h.say('/logga torsdagsmöte igår');
    await h.say('/logga ssg 2020-04-02');
    const mine = await h.say('/mina');
    const remove = submitActions(cardsOf(mine)[0]).find((b) => b.verb === 'entry.remove');
    const replies = await h.submit(remove);
    expect(readable(replies)).to.include('Borttaget: Torsdagsmöte Öxnehaga, 31 maj 2020');
    expect((await active(h)).map((e) => e.activityId)).to.deep.equal(['ssg']);
    expect((await h.records.allEntries()).find((e) => e.activityId === 'torsdagsmote')?.removed?.reason).to.equal(
      'remove',
    );
  });

  it('Ändra opens the form filled in; saving changes the entry and keeps the old one in its history', async () => {
    const h = await harness({ now: NOW });
    await h.say('/logga gemensam krogtillsyn igår 2 st: lugnt');
    const edit = submitActions(cardsOf(await h.say('/mina'))[0]).find((b) => b.verb === 'entry.edit');
    const form = cardsOf(await h.submit(edit))[0];
    const json = JSON.stringify(form);
    expect(json).to.include('Ändra insats');
    expect(json).to.include('"value":"2020-05-31"');
    expect(json).to.include('"value":"lugnt"');
    const save = submitActions(form)[0];
    const replies = await h.submit({
      ...save,
      activityId: 'gemensam-krogtillsyn',
      date: '2020-05-30',
      count: '3',
      note: 'lugnt, tre krogar',
    });
    expect(readable(replies)).to.include('✏️ Ändrat');
    const [entry, ...others] = await h.records.allEntries();
    expect(others).to.have.length(0);
    expect(entry).to.include({ date: '2020-05-30', count: 3, note: 'lugnt, tre krogar' });
    expect(entry?.history).to.have.length(1);
    expect(entry?.history?.[0]).to.deep.include({
      reason: 'edit',
      by: { id: 'aad-anna', name: 'Anna Andersson' },
    });
    expect(entry?.history?.[0]?.before).to.deep.include({ date: '2020-05-31', count: 2, note: 'lugnt' });
    expect(
      (await h.port.audit.read()).filter((r) => r.action === 'entry.edited' && r.entryId === entry?.id),
    ).to.have.length(1);
  });

  it('a second /ångra within a minute asks before it removes an older entry', async () => {
    const h = await harness({ now: NOW });
    await h.say('/logga torsdagsmöte igår');
    await h.say('/logga ssg igår');
    expect(readable(await h.say('/ångra'))).to.include('Borttaget');
    const asked = await h.say('/ångra');
    expect(readable(asked)).to.include('Ta bort även den här?');
    expect((await active(h)).map((e) => e.activityId)).to.deep.equal(['torsdagsmote']);
    await h.submit(button(asked, 'Ta bort'));
    expect(await active(h)).to.have.length(0);
    // A minute later, /ångra removes without asking.
    await h.say('/logga torsdagsmöte i förrgår');
    h.clock.now = new Date(h.clock.now.getTime() + 61_000);
    expect(readable(await h.say('/ångra'))).to.include('Borttaget');
    expect(await active(h)).to.have.length(0);
  });
});
