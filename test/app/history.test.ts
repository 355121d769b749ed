// The audit trail as a coordinator reads it: /historik, after logging, undoing, /klar and subscribing.
import { expect } from 'chai';
import type { StorePort } from '../../src/app/port/index.js';
import { newId, turnInput } from '../support/fakes.js';
import { ANNA, BERIT, cardsOf, harness, readable, SAMORDNARE, submitActions } from '../support/harness.js';
import { fileStoreOnly } from '../support/storeBackend.js';
import { testBot } from '../support/testBot.js';

/** The audit records of what people did (the bundled agreements seeded at first start are the bot's). */
const changesBy = async (store: StorePort) => (await store.audit.read()).filter((r) => r.via !== 'system');

describe('/historik and the audit log', () => {
  it('records the seeding of the bundled agreements as the bot’s own change', async () => {
    const h = await harness();
    expect((await h.port.audit.read()).map((r) => [r.action, r.agreementId, r.via, r.detail])).to.deep.equal([
      ['agreement.created', 'jonkoping-2018-2019', 'system', 'bundled'],
      ['agreement.created', 'jonkoping-2020', 'system', 'bundled'],
    ]);
  });

  it('records a log and an undo with who, when and from where, and shows them newest first', async () => {
    const h = await harness();
    await h.say('/logga gemensam krogtillsyn 2020-03-14 HEMLIG-ANTECKNING');
    h.clock.now = new Date('2020-06-15T10:05:00+02:00');
    await h.say('/logga gemensam krogtillsyn 2020-04-02', { user: BERIT });
    h.clock.now = new Date('2020-06-15T10:09:00+02:00');
    await h.say('/ångra', { user: BERIT });

    const records = await changesBy(h.port);
    expect(records.map((r) => [r.action, r.by.name, r.via])).to.deep.equal([
      ['entry.logged', ANNA.name, 'chat'],
      ['entry.logged', BERIT.name, 'chat'],
      ['entry.undone', BERIT.name, 'chat'],
    ]);
    expect(records[0]).to.deep.include({ at: '2020-06-15T08:00:00.000Z', activityId: records[1]?.activityId });
    // The note's text is the entry's, never the audit record's.
    expect(JSON.stringify(records)).not.to.include('HEMLIG');

    const shown = readable(await h.say('/historik gemensam krogtillsyn', { user: SAMORDNARE }));
    expect(shown).to.include('Historik: ');
    const lines = shown.split('\n').filter((l) => l.startsWith('• '));
    expect(lines).to.deep.equal([
      '• 15 juni 2020 10:09 – Berit Berg ångrade insatsen 2 april 2020, 1 tillfälle i chatten',
      '• 15 juni 2020 10:05 – Berit Berg loggade 2 april 2020, 1 tillfälle i chatten',
      '• 15 juni 2020 10:00 – Anna Andersson loggade 14 mars 2020, 1 tillfälle i chatten',
    ]);
    expect(shown).not.to.include('HEMLIG');
  });

  it('shows what a log held beyond date and count: place, hours and participants, never the note', async () => {
    const h = await harness();
    await h.say('/logga fotpatrullering Öxnehaga 2020-03-14 kl 19-20.30 6 pers HEMLIG-ANTECKNING');
    const lines = readable(await h.say('/historik fotpatrullering öxnehaga', { user: SAMORDNARE }))
      .split('\n')
      .filter((l) => l.startsWith('• '));
    expect(lines).to.deep.equal([
      '• 15 juni 2020 10:00 – Anna Andersson loggade 14 mars 2020, 1 gång, i Öxnehaga, 1,5 timmar, 6 deltagare i chatten',
    ]);
    expect(lines.join('\n')).not.to.include('HEMLIG');
  });

  it('is for coordinators only', async () => {
    const h = await harness();
    expect(readable(await h.say('/historik'))).to.include('bara en samordnare');
  });

  it('records a card submit as "card" and /klar, and lists the latest changes of every kind', async () => {
    const h = await harness();
    const [form] = await h.say('/logga');
    const formId = (cardsOf(form ? [form] : [])[0]?.actions as { data: { formId: string } }[])[0]!.data.formId;
    await h.submit({
      verb: 'log.form',
      formId,
      activityId: 'gemensam-krogtillsyn',
      date: '2020-05-29',
      place: '',
      otherPlace: '',
      count: '2',
      note: '',
    });
    await h.say('/klar grannsamverkan', { user: SAMORDNARE });
    expect((await changesBy(h.port)).map((r) => [r.action, r.via])).to.deep.equal([
      ['entry.logged', 'card'],
      ['milestone.done', 'chat'],
    ]);
    const shown = readable(await h.say('/historik', { user: SAMORDNARE }));
    expect(shown).to.include('Senaste ändringarna');
    expect(shown).to.include('Sam Samordnare markerade');
    expect(shown).to.include('som genomförd 15 juni 2020');
    expect(shown).to.include('Anna Andersson loggade 29 maj 2020, 2 tillfällen (Gemensam krogtillsyn) med ett kort');
  });

  it('records subscribing, changing and ending a subscription', async () => {
    const { port, app } = await testBot({ now: '2026-11-25T09:00:00Z', newId });
    await app.handle(turnInput('/prenumerera'));
    await app.handle(turnInput('/prenumerera måndag 08:00'));
    await app.handle(turnInput('/avprenumerera'));
    const records = await changesBy(port);
    expect(records.map((r) => r.action)).to.deep.equal([
      'subscription.created',
      'subscription.changed',
      'subscription.ended',
    ]);
    expect(records[1]?.changes).to.deep.equal({ weekday: { from: 4, to: 1 }, time: { from: '07:30', to: '08:00' } });
    expect(
      records.every(
        (r) => r.subscriptionId === records[0]?.subscriptionId && r.conversationId === '19:ssg@thread.tacv2',
      ),
    ).to.equal(true);
  });

  it('shows a Teams edit, an Ändra, a deleted message kept, and an undo with who, when and what changed', async () => {
    const h = await harness();
    const conversation = { id: 'personal-29:anna', kind: 'personal' as const };
    const at = (time: string) => (h.clock.now = new Date(`2020-06-15T${time}:00+02:00`));
    await h.say('/logga gemensam krogtillsyn 2020-03-14', { activityId: 'm-1' });
    at('10:01');
    await h.app.handle({
      user: ANNA,
      conversation,
      activityId: 'm-1',
      text: '/logga gemensam krogtillsyn 2020-03-15',
      event: 'edited',
    });
    at('10:02');
    const edit = submitActions(cardsOf(await h.say('/mina'))[0]).find((b) => b.verb === 'entry.edit');
    const [save] = submitActions(cardsOf(await h.submit(edit))[0]);
    await h.submit({ ...save, activityId: 'gemensam-krogtillsyn', date: '2020-03-15', count: '3', note: 'HEMLIG' });
    at('10:03');
    const deleted = await h.app.handle({ user: ANNA, conversation, activityId: 'm-1', text: '', event: 'deleted' });
    at('10:04');
    await h.submit(submitActions(cardsOf(deleted)[0]).find((b) => b.verb === 'entry.restore'));
    at('10:05');
    await h.say('/ångra');

    const shown = readable(await h.say('/historik gemensam krogtillsyn', { user: SAMORDNARE }));
    const lines = shown.split('\n').filter((l) => l.startsWith('• '));
    expect(lines).to.deep.equal([
      '• 15 juni 2020 10:05 – Anna Andersson ångrade insatsen 15 mars 2020, 3 tillfällen i chatten',
      '• 15 juni 2020 10:04 – Anna Andersson behöll insatsen 15 mars 2020, 3 tillfällen efter att meddelandet togs bort med ett kort',
      '• 15 juni 2020 10:03 – Anna Andersson tog bort insatsen 15 mars 2020, 3 tillfällen genom att ta bort sitt meddelande i chatten',
      '• 15 juni 2020 10:02 – Anna Andersson ändrade insatsen 15 mars 2020, 3 tillfällen med ett kort: antal 1 → 3 tillfällen; anteckning ändrad',
      '• 15 juni 2020 10:01 – Anna Andersson ändrade insatsen 15 mars 2020, 3 tillfällen genom att redigera sitt meddelande i chatten: datum 14 mars 2020 → 15 mars 2020',
      '• 15 juni 2020 10:00 – Anna Andersson loggade 14 mars 2020, 1 tillfälle i chatten',
    ]);
    expect(shown).not.to.include('HEMLIG');
  });

  it('pages a long history with "sida N"', async () => {
    const h = await harness();
    for (let day = 1; day <= 20; day++)
      await h.say(`/logga gemensam krogtillsyn 2020-02-${String(day).padStart(2, '0')}`);
    const first = readable(await h.say('/historik gemensam krogtillsyn', { user: SAMORDNARE }));
    expect(first).to.include('Visar 1–15 av 20, nyast först.');
    expect(first).to.include('/historik gemensam krogtillsyn sida 2');
    const second = readable(await h.say('/historik gemensam krogtillsyn sida 2', { user: SAMORDNARE }));
    expect(second).to.include('Visar 16–20 av 20');
    expect(second).to.include('1 februari 2020');
  });

  it('keeps the audit log across a restart on the same storage', async function () {
    fileStoreOnly(this);
    const h = await harness();
    await h.say('/logga gemensam krogtillsyn 2020-03-14');
    const again = await harness({ storage: h.storage });
    expect((await changesBy(again.port)).map((r) => r.action)).to.deep.equal(['entry.logged']);
  });

  it('/historik fotpatrullering (two activities) suggests commands that each name one, and each works', async () => {
    const h = await harness();
    await h.say('/logga fotpatrullering öxnehaga 2020-03-14');
    const asked = readable(await h.say('/historik fotpatrullering', { user: SAMORDNARE }));
    const options = asked.split('\n').filter((l) => l.startsWith('• '));
    expect(options).to.deep.equal([
      '• /historik fotpatrullering krogtillsyn – Fotpatrullering och krogtillsyn natthelger',
      '• /historik fotpatrullering öxnehaga – Fotpatrullering Öxnehaga',
    ]);
    for (const option of options) {
      const [command = '', name = ''] = option.slice(2).split(' – ');
      expect(command).not.to.equal('/historik fotpatrullering');
      expect(readable(await h.say(command, { user: SAMORDNARE }))).to.include(`**Historik: ${name}**`);
    }
    // Nothing matched: the closest activities, each as a command that works.
    const typo = readable(await h.say('/historik fotpatrulering', { user: SAMORDNARE }));
    expect(typo).not.to.include('Jag hittar ingen');
    const unknown = readable(await h.say('/historik blomvattning', { user: SAMORDNARE }));
    expect(unknown).to.include('Jag hittar ingen aktivitet "blomvattning" i Medborgarlöfte 2020.');
    expect(unknown).to.include('/historik utan aktivitet');
  });

  it('says area and coordinator changes in Swedish: no English action word in /historik', async function () {
    fileStoreOnly(this);
    const h = await harness();
    const by = { by: { id: 'aad-op', name: 'Operatören' }, at: new Date('2020-06-15T08:00:00Z') };
    await h.store.updateArea(
      'jonkoping',
      () => ({ action: 'tenantsSet', detail: 'tenants: tenant-1, tenant-2; samordnare: aad-sam' }),
      by,
    );
    await h.store.updateArea('jonkoping', () => ({ action: 'coordinatorAdded', detail: 'Berit Berg' }), by);
    await h.store.updateArea('jonkoping', () => ({ action: 'coordinatorRemoved', detail: 'Berit Berg' }), by);
    await h.say('/prenumerera', { user: SAMORDNARE });
    await h.say('/avprenumerera', { user: SAMORDNARE });
    const shown = readable(await h.say('/historik', { user: SAMORDNARE }));
    const lines = shown.split('\n').filter((l) => l.startsWith('• '));
    expect(lines).to.include.members([
      '• 15 juni 2020 10:00 – Operatören ändrade områdets organisationer (organisationer: tenant-1, tenant-2; samordnare: aad-sam) från kommandoraden',
      '• 15 juni 2020 10:00 – Operatören lade till en samordnare (Berit Berg) från kommandoraden',
      '• 15 juni 2020 10:00 – Operatören tog bort en samordnare (Berit Berg) från kommandoraden',
    ]);
    expect(shown).not.to.match(
      /\b(created|changed|resumed|ended|paused|tenantsSet|coordinator\w*|unsubscribed|uninstalled|tenants)\b/u,
    );
  });
});
