// Issue 9, corrections in Teams: a /logga message edited, deleted or restored, and its entry follows.
import { expect } from 'chai';
import type { MessageEvent, Reply, TurnInput } from '../../src/app/ports.js';
import { withRedeliveryCache } from '../../src/app/redelivery.js';
import { ANNA, BERIT, cardsOf, harness, readable, submitActions, type Harness } from '../support/harness.js';

const NOW = '2020-06-01T12:00:00+02:00';

let seq = 0;

/** A message (or a change to it) in Anna's personal chat, by its Teams id. */
function message(
  id: string,
  text: string,
  options: { event?: MessageEvent; user?: typeof ANNA; kind?: 'personal' | 'channel'; mentionsBot?: boolean } = {},
): TurnInput {
  const kind = options.kind ?? 'personal';
  return {
    user: options.user ?? ANNA,
    conversation: { id: kind === 'personal' ? 'personal-anna' : '19:ssg@thread.tacv2', kind },
    activityId: id,
    text,
    ...(options.event ? { event: options.event } : {}),
    ...(options.mentionsBot ? { mentionsBot: true } : {}),
  };
}

const entries = async (h: Harness) => h.records.allEntries();
const active = async (h: Harness) => (await entries(h)).filter((e) => !e.removed);

function buttons(replies: Reply[]): Record<string, unknown>[] {
  return cardsOf(replies).flatMap((c) => submitActions(c));
}

function titled(replies: Reply[], title: string): Record<string, unknown> | undefined {
  let found: Record<string, unknown> | undefined;
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const o = node as Record<string, unknown>;
      if (o.type === 'Action.Submit' && o.title === title) found ??= o.data as Record<string, unknown>;
      Object.values(o).forEach(walk);
    }
  };
  walk(cardsOf(replies));
  return found;
}

describe('issue 9: a /logga message edited or deleted in Teams', () => {
  describe('edited', () => {
    it('changes the entry from the new text, keeps the change in its history, audits it and shows the corrected card', async () => {
      const h = await harness({ now: NOW });
      await h.app.handle(message(`e${++seq}`, '/logga gemensam krogtillsyn 28/5'));
      const id = `e${++seq}`;
      await h.app.handle(message(id, '/logga gemensam krogtillsyn igår'));
      const edited = await h.app.handle(
        message(id, '/logga gemensam krogtillsyn i förrgår 2 st Öxnehaga lugnt', { event: 'edited' }),
      );
      expect(edited).to.have.length(1);
      expect(edited[0]?.kind).to.equal('card');
      expect(readable(edited)).to.include('✏️ Ändrat').and.include('30 maj 2020').and.include('"title":"Ångra"');
      expect(await entries(h)).to.have.length(2);
      const entry = (await entries(h))[1];
      expect(entry).to.include({ date: '2020-05-30', count: 2, place: 'Öxnehaga', note: 'lugnt' });
      expect(entry?.history).to.have.length(1);
      expect(entry?.history?.[0]).to.deep.include({
        reason: 'messageEdited',
        by: { id: 'aad-anna', name: 'Anna Andersson' },
      });
      expect(entry?.history?.[0]?.before).to.deep.include({ date: '2020-05-31', count: 1 });
      const audit = (await h.port.audit.read()).filter((r) => r.action === 'entry.edited');
      expect(audit).to.have.length(1);
      expect(audit[0]).to.deep.include({ entryId: entry?.id, via: 'chat' });
      expect(audit[0]?.changes).to.deep.include({
        date: { from: '2020-05-31', to: '2020-05-30' },
        count: { from: 1, to: 2 },
        note: {},
      });
      // The first entry is untouched.
      expect((await entries(h))[0]).to.include({ date: '2020-05-28', count: 1 });
      expect((await entries(h))[0]?.history).to.equal(undefined);
    });

    it('the same edit delivered again changes nothing more', async () => {
      const h = await harness({ now: NOW });
      const id = `e${++seq}`;
      await h.app.handle(message(id, '/logga ssg igår'));
      const edit = message(id, '/logga ssg i förrgår', { event: 'edited' });
      await h.app.handle(edit);
      const again = await h.app.handle(edit);
      expect(readable(again)).to.include('Inget att ändra');
      expect(await entries(h)).to.have.length(1);
      expect((await entries(h))[0]?.history).to.have.length(1);
      expect((await h.port.audit.read()).filter((r) => r.action === 'entry.edited')).to.have.length(1);
    });

    it('an edit back and forth acts each time, and a resend while the first is running acts once (redelivery cache)', async () => {
      const h = await harness({ now: NOW });
      const app = withRedeliveryCache(h.app, { now: () => 0 });
      const id = `e${++seq}`;
      await app.handle(message(id, '/logga ssg igår'));
      const toFriday = message(id, '/logga ssg 29/5', { event: 'edited' });
      const [first, resent] = await Promise.all([app.handle(toFriday), app.handle(toFriday)]);
      expect(readable(first)).to.include('✏️ Ändrat');
      // The resend is answered once: by the first.
      expect(resent).to.deep.equal([]);
      expect((await entries(h))[0]?.history).to.have.length(1);
      await app.handle(message(id, '/logga ssg igår', { event: 'edited' }));
      await app.handle(toFriday);
      expect((await entries(h))[0]).to.include({ date: '2020-05-29' });
      expect((await entries(h))[0]?.history?.map((c) => c.before.date)).to.deep.equal([
        '2020-05-31',
        '2020-05-29',
        '2020-05-31',
      ]);
    });

    it('a plain activity-word log follows its edit too', async () => {
      const h = await harness({ now: NOW });
      const id = `e${++seq}`;
      await h.app.handle(message(id, 'gemensam krogtillsyn igår'));
      expect(await active(h)).to.have.length(1);
      await h.app.handle(message(id, 'gemensam krogtillsyn 3 st igår', { event: 'edited' }));
      expect((await active(h))[0]).to.include({ count: 3, date: '2020-05-31' });
    });

    it('a new text that cannot be logged leaves the entry as it was, and says so', async () => {
      const h = await harness({ now: NOW });
      const id = `e${++seq}`;
      await h.app.handle(message(id, '/logga ssg igår'));
      const before = JSON.stringify(await entries(h));
      for (const text of ['/logga ssg imorgon', '/logga ssg 31/2', 'hej', '/status', '/logga']) {
        const replies = await h.app.handle(message(id, text, { event: 'edited' }));
        expect(readable(replies), text).to.include('Insatsen är oförändrad');
      }
      expect(JSON.stringify(await entries(h))).to.equal(before);
      expect((await h.port.audit.read()).filter((r) => r.action === 'entry.edited')).to.have.length(0);
    });

    it('a new text that asks a question asks it, and the answer changes that entry instead of logging another', async () => {
      const h = await harness({ now: NOW });
      const id = `e${++seq}`;
      await h.app.handle(message(id, '/logga ssg igår'));
      const asked = await h.app.handle(message(id, '/logga ssg förra veckan', { event: 'edited' }));
      expect(readable(asked)).to.include('Insatsen är oförändrad').and.include('Vilken dag menar du?');
      const days = buttons(asked);
      expect(days.length).to.be.greaterThan(1);
      const first = (await entries(h))[0];
      expect(days.every((d) => d.entryId === first?.id)).to.equal(true);
      expect(JSON.stringify(cardsOf(asked))).to.include('Ändra till den här dagen');
      expect((await entries(h))[0]).to.include({ date: '2020-05-31' });

      const wednesday = days.find((d) => d.date === '2020-05-27');
      const answered = await h.submit(wednesday);
      expect(answered[0]?.kind).to.equal('replaceCard');
      expect(readable(answered)).to.include('✏️ Ändrat');
      expect(await entries(h)).to.have.length(1);
      expect((await entries(h))[0]).to.include({ date: '2020-05-27' });
      expect((await entries(h))[0]?.history?.[0]?.reason).to.equal('messageEdited');
    });

    it('an edit of a message whose entry was undone says that it changes nothing', async () => {
      const h = await harness({ now: NOW });
      const id = `e${++seq}`;
      await h.app.handle(message(id, '/logga ssg igår'));
      await h.say('/ångra');
      const replies = await h.app.handle(message(id, '/logga ssg i förrgår', { event: 'edited' }));
      expect(readable(replies)).to.include('borttagen').and.include('ändringen gör inget');
      expect((await entries(h))[0]).to.include({ date: '2020-05-31' });
    });

    it('a message that logged nothing: quiet unless its new text is a log, which is then logged', async () => {
      const h = await harness({ now: NOW });
      const id = `e${++seq}`;
      await h.app.handle(message(id, '/status'));
      expect(await h.app.handle(message(id, '/mina', { event: 'edited' }))).to.deep.equal([]);
      expect(await h.app.handle(message(id, 'hej', { event: 'edited' }))).to.deep.equal([]);
      const logged = await h.app.handle(message(id, '/logga ssg igår', { event: 'edited' }));
      expect(readable(logged)).to.include('✅ Loggat');
      expect(await active(h)).to.have.length(1);
      expect((await active(h))[0]?.sourceId).to.equal(`message:personal-anna:${id}`);
      // From then on the message has its entry: a further edit changes it.
      await h.app.handle(message(id, '/logga ssg i förrgår', { event: 'edited' }));
      expect(await active(h)).to.have.length(1);
      expect((await active(h))[0]).to.include({ date: '2020-05-30' });
    });

    it("a message answered with a question: the writer's click stands for the message, so its edit and deletion find the entry", async () => {
      const h = await harness({ now: NOW });
      const id = `e${++seq}`;
      const asked = await h.app.handle(message(id, '/logga krogtillsyn igår'));
      const joint = buttons(asked).find((b) => b.activityId === 'gemensam-krogtillsyn');
      await h.app.handle({ ...message(`click-${id}`, ''), value: joint });
      expect(await active(h)).to.have.length(1);
      expect((await active(h))[0]?.sourceId).to.equal(`message:personal-anna:${id}`);
      // Teams delivers the message again: answered with the entry the click made, not asked again.
      expect(readable(await h.app.handle(message(id, '/logga krogtillsyn igår')))).to.include('redan loggat');
      await h.app.handle(message(id, '/logga gemensam krogtillsyn i förrgår', { event: 'edited' }));
      expect(await active(h)).to.have.length(1);
      expect((await active(h))[0]).to.include({ date: '2020-05-30' });
      await h.app.handle(message(id, '', { event: 'deleted' }));
      expect(await active(h)).to.have.length(0);
    });

    it("a colleague's click on the question stores nothing and says whose it is; the writer's click logs once", async () => {
      const h = await harness({ now: NOW });
      const id = `e${++seq}`;
      const asked = await h.app.handle(
        message(id, '/logga krogtillsyn i förrgår 5 pers', { kind: 'channel', mentionsBot: true }),
      );
      const joint = buttons(asked).find((b) => b.activityId === 'gemensam-krogtillsyn');
      const berits = await h.app.handle({
        ...message(`click-${id}`, '', { kind: 'channel', user: BERIT }),
        value: joint,
      });
      expect(readable(berits)).to.include('Frågan gäller Anna Anderssons insats – bara Anna Andersson kan välja.');
      expect(readable(berits)).to.include('Logga din egen med /logga');
      expect(await entries(h)).to.have.length(0);
      const annas = await h.app.handle({ ...message(`click2-${id}`, '', { kind: 'channel' }), value: joint });
      expect(readable(annas)).to.include('✅ Loggat');
      expect(await active(h)).to.have.length(1);
      expect((await active(h))[0]).to.deep.include({ sourceId: `message:19:ssg@thread.tacv2:${id}`, participants: 5 });
      expect((await active(h))[0]?.by.name).to.equal('Anna Andersson');
      // Berit again, then Anna again: still the one entry.
      await h.app.handle({ ...message(`click3-${id}`, '', { kind: 'channel', user: BERIT }), value: joint });
      await h.app.handle({ ...message(`click4-${id}`, '', { kind: 'channel' }), value: joint });
      expect(await entries(h)).to.have.length(1);
    });

    it("a colleague's click on a card that names no writer's name still says it is someone else's question", async () => {
      const h = await harness({ now: NOW });
      const id = `e${++seq}`;
      const asked = await h.app.handle(message(id, '/logga krogtillsyn igår', { kind: 'channel', mentionsBot: true }));
      const { writerName: _name, ...joint } = buttons(asked).find((b) => b.activityId === 'gemensam-krogtillsyn') ?? {};
      const berits = await h.app.handle({
        ...message(`click-${id}`, '', { kind: 'channel', user: BERIT }),
        value: joint,
      });
      expect(readable(berits)).to.include('Frågan gäller någon annans insats – bara den som skrev kan välja.');
      expect(await entries(h)).to.have.length(0);
    });

    it("a colleague's click on the day question stores nothing", async () => {
      const h = await harness({ now: NOW });
      const id = `e${++seq}`;
      const asked = await h.app.handle(message(id, '/logga ssg förra veckan', { kind: 'channel', mentionsBot: true }));
      expect(readable(asked)).to.include('Vilken dag menar du?');
      const day = buttons(asked)[0];
      expect(day).to.include({ verb: 'log.choose', writer: 'aad-anna' });
      const berits = await h.app.handle({
        ...message(`click-${id}`, '', { kind: 'channel', user: BERIT }),
        value: day,
      });
      expect(readable(berits)).to.include('bara Anna Andersson kan välja');
      expect(await entries(h)).to.have.length(0);
      await h.app.handle({ ...message(`click2-${id}`, '', { kind: 'channel' }), value: day });
      expect(await active(h)).to.have.length(1);
    });

    it("a colleague's click on the question about an edited message leaves the entry as it was", async () => {
      const h = await harness({ now: NOW });
      const id = `e${++seq}`;
      await h.app.handle(message(id, '/logga ssg igår', { kind: 'channel', mentionsBot: true }));
      const asked = await h.app.handle(
        message(id, '/logga krogtillsyn i förrgår', { kind: 'channel', mentionsBot: true, event: 'edited' }),
      );
      const joint = buttons(asked).find((b) => b.activityId === 'gemensam-krogtillsyn');
      expect(joint).to.include({ writer: 'aad-anna' });
      const berits = await h.app.handle({
        ...message(`click-${id}`, '', { kind: 'channel', user: BERIT }),
        value: joint,
      });
      expect(readable(berits)).to.include('bara Anna Andersson kan välja');
      expect((await active(h))[0]).to.include({ activityId: 'ssg', date: '2020-05-31' });
    });

    it('a personnummer in the new text is refused and never shown back; the entry stays', async () => {
      const h = await harness({ now: NOW });
      const id = `e${++seq}`;
      await h.app.handle(message(id, '/logga ssg igår'));
      const replies = await h.app.handle(message(id, '/logga ssg igår 811218-9876 pratade', { event: 'edited' }));
      expect(readable(replies)).to.include('Insatsen är oförändrad').and.not.include('811218-9876');
      expect((await entries(h))[0]?.note).to.equal(undefined);
    });
  });

  describe('deleted', () => {
    it('removes the entry, says so with Behåll insatsen, and a redelivery removes nothing more', async () => {
      const h = await harness({ now: NOW });
      const id = `e${++seq}`;
      await h.app.handle(message(id, '/logga ssg igår'));
      const said = await h.app.handle(message(id, '', { event: 'deleted' }));
      expect(readable(said)).to.include('Meddelandet togs bort, så insatsen är borttagen');
      expect(said[0]?.kind === 'card' ? said[0].fallbackText : '').to.include(
        'Meddelandet togs bort, så insatsen SSG-möte',
      );
      expect(titled(said, 'Behåll insatsen')).to.deep.include({
        verb: 'entry.restore',
        entryId: (await entries(h))[0]?.id,
      });
      expect(await active(h)).to.have.length(0);
      expect((await entries(h))[0]?.removed).to.deep.include({
        reason: 'messageDeleted',
        by: { id: 'aad-anna', name: 'Anna Andersson' },
      });
      const again = await h.app.handle(message(id, '', { event: 'deleted' }));
      expect(readable(again)).to.equal(readable(said));
      const removals = (await h.port.audit.read()).filter((r) => r.action === 'entry.removed');
      expect(removals).to.have.length(1);
      expect(removals[0]?.detail).to.equal('meddelandet borttaget');
    });

    it('Behåll insatsen makes it count again, keeping the removal in its history', async () => {
      const h = await harness({ now: NOW });
      const id = `e${++seq}`;
      await h.app.handle(message(id, '/logga ssg igår'));
      const said = await h.app.handle(message(id, '', { event: 'deleted' }));
      const kept = await h.submit(titled(said, 'Behåll insatsen'));
      expect(kept[0]?.kind).to.equal('replaceCard');
      expect(readable(kept)).to.include('Insatsen räknas igen').and.include('"title":"Ångra"');
      expect(await active(h)).to.have.length(1);
      const [entry] = await entries(h);
      expect(entry?.history?.[0]).to.deep.include({ reason: 'restored' });
      expect(entry?.history?.[0]?.removed).to.deep.include({ reason: 'messageDeleted' });
      expect((await h.port.audit.read()).map((r) => r.action)).to.include('entry.restored');
      // A second click keeps it, once.
      await h.submit(titled(said, 'Behåll insatsen'));
      expect((await h.port.audit.read()).filter((r) => r.action === 'entry.restored')).to.have.length(1);
      // Someone else cannot.
      expect(readable(await h.submit(titled(said, 'Behåll insatsen'), { user: BERIT }))).to.include('Bara Anna');
    });

    it('the same deletion or edit delivered again is answered once; a new event on the message is answered (redelivery cache, as main wires it)', async () => {
      const h = await harness({ now: NOW });
      const app = withRedeliveryCache(h.app, { now: () => 0 });
      const id = `e${++seq}`;
      await app.handle(message(id, '/logga ssg igår'));
      const deletion = message(id, '', { event: 'deleted' });
      const [said, resentAtOnce] = await Promise.all([app.handle(deletion), app.handle(deletion)]);
      expect(readable(said)).to.include('Meddelandet togs bort');
      expect(resentAtOnce).to.deep.equal([]);
      expect(await app.handle(deletion), 'resent later').to.deep.equal([]);
      expect(await active(h)).to.have.length(0);

      const restore = message(id, '/logga ssg igår', { event: 'undeleted' });
      expect(readable(await app.handle(restore))).to.include('Insatsen räknas igen');
      expect(await app.handle(restore)).to.deep.equal([]);
      expect(readable(await app.handle(deletion)), 'deleted again after the restore').to.include(
        'Meddelandet togs bort',
      );
      expect(await app.handle(message(id, '/logga ssg igår', { event: 'undeleted' }))).to.not.deep.equal([]);

      const edit = message(id, '/logga ssg i förrgår', { event: 'edited' });
      expect(readable(await app.handle(edit))).to.include('✏️ Ändrat');
      expect(await app.handle(edit)).to.deep.equal([]);
      expect((await active(h))[0]).to.include({ date: '2020-05-30' });
      expect((await entries(h))[0]?.history?.filter((c) => c.reason === 'messageEdited')).to.have.length(1);
    });

    it('restoring the message in Teams restores the entry', async () => {
      const h = await harness({ now: NOW });
      const id = `e${++seq}`;
      await h.app.handle(message(id, '/logga ssg igår'));
      await h.app.handle(message(id, '', { event: 'deleted' }));
      const back = await h.app.handle(message(id, '/logga ssg igår', { event: 'undeleted' }));
      expect(readable(back)).to.include('Insatsen räknas igen');
      expect(await active(h)).to.have.length(1);
      expect(readable(await h.app.handle(message(id, '/logga ssg igår', { event: 'undeleted' })))).to.include(
        'Meddelandet är tillbaka',
      );
    });

    it('an undone entry is not brought back by Behåll', async () => {
      const h = await harness({ now: NOW });
      const id = `e${++seq}`;
      await h.app.handle(message(id, '/logga ssg igår'));
      await h.say('/ångra');
      const said = await h.app.handle(message(id, '', { event: 'deleted' }));
      expect(readable(said)).to.include('var redan borttagen');
      expect(await active(h)).to.have.length(0);
    });

    it('a message that logged nothing is deleted quietly', async () => {
      const h = await harness({ now: NOW });
      const id = `e${++seq}`;
      await h.app.handle(message(id, '/status'));
      expect(await h.app.handle(message(id, '', { event: 'deleted' }))).to.deep.equal([]);
    });

    it("a moderator deleting someone else's message leaves the entry and says so", async () => {
      const h = await harness({ now: NOW });
      const id = `e${++seq}`;
      await h.app.handle(message(id, '/logga ssg igår', { kind: 'channel', mentionsBot: true }));
      const said = await h.app.handle(message(id, '', { event: 'deleted', kind: 'channel', user: BERIT }));
      expect(readable(said)).to.include('räknas fortfarande').and.include('Anna Andersson');
      expect(await active(h)).to.have.length(1);
    });
  });
});
