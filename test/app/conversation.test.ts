// What users see, turn by turn, through the whole app on a real or in-memory store.
import { expect } from 'chai';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileStorage } from '../../src/store/storage.js';
import { ANNA, BERIT, SAMORDNARE, cardsOf, harness, readable, submitActions, tempDir } from '../support/harness.js';
import { fileStoreOnly } from '../support/storeBackend.js';

const activeEntries = async (h: Awaited<ReturnType<typeof harness>>) =>
  (await h.records.allEntries()).filter((e) => !e.removed);

describe('conversation: logging', () => {
  it('logs a joint inspection and confirms with the activity, date and "N av M"', async () => {
    const h = await harness({ now: '2020-06-15T10:00:00+02:00' });
    const replies = await h.say('/logga gemensam krogtillsyn 2020-03-14');
    const shown = readable(replies);
    expect(shown).to.include('Gemensam krogtillsyn');
    expect(shown).to.include('14 mars 2020');
    expect(shown).to.include('1 av 4 tillfällen');
    const [stored] = await activeEntries(h);
    expect(stored).to.include({
      agreementId: 'jonkoping-2020',
      activityId: 'gemensam-krogtillsyn',
      date: '2020-03-14',
      count: 1,
    });
    expect(stored?.by).to.deep.equal({ id: 'aad-anna', name: 'Anna Andersson' });
  });

  it('reads place, date word, count and hours, and keeps the rest as the note', async () => {
    const h = await harness({ now: '2020-06-15T10:00:00+02:00' });
    const shown = readable(await h.say('/logga fotpatrullering Öxnehaga 2 h igår lugnt, pratade med 3 ungdomar'));
    expect(shown).to.include('Fotpatrullering');
    const [stored] = await activeEntries(h);
    expect(stored).to.include({
      activityId: 'fotpatrullering-oxnehaga',
      place: 'Öxnehaga',
      date: '2020-06-14',
      hours: 2,
      count: 1,
      note: 'lugnt, pratade med 3 ungdomar',
    });
  });

  it('works without the slash, in any case, without å/ä/ö', async () => {
    const h = await harness({ now: '2020-06-15T10:00:00+02:00' });
    await h.say('LOGGA gemensam krogtillsyn i forrgar');
    expect((await activeEntries(h))[0]?.date).to.equal('2020-06-13');
  });

  it('answers the ambiguous "krogtillsyn" with a card of candidates and logs only the clicked one', async () => {
    const h = await harness({ now: '2020-06-15T10:00:00+02:00' });
    const replies = await h.say('/logga krogtillsyn 2020-05-01');
    const [card] = cardsOf(replies);
    expect(card, 'a card with the candidates').to.exist;
    expect(await activeEntries(h), 'nothing logged before the choice').to.have.length(0);
    const choices = submitActions(card);
    expect(choices.map((c) => c.activityId)).to.have.members(['gemensam-krogtillsyn', 'krogtillsyn-natthelger']);

    const joint = choices.find((c) => c.activityId === 'gemensam-krogtillsyn');
    const confirmation = readable(await h.submit(joint));
    expect(confirmation).to.include('Gemensam krogtillsyn');
    expect(confirmation).to.include('1 av 4');
    expect(await activeEntries(h)).to.have.length(1);
    expect((await activeEntries(h))[0]).to.include({ activityId: 'gemensam-krogtillsyn', date: '2020-05-01' });

    // A second click on the same card (or a redelivered click) logs nothing more.
    const again = readable(await h.submit(joint));
    expect(again).to.include('redan loggat');
    expect(await activeEntries(h)).to.have.length(1);
  });

  it('offers the log form when no activity is given, and the form logs', async () => {
    const h = await harness({ now: '2020-06-15T10:00:00+02:00' });
    const [form] = cardsOf(await h.say('/logga'));
    expect(JSON.stringify(form)).to.include('Skriv inga personuppgifter');
    const [submit] = submitActions(form);
    expect(submit?.verb).to.equal('log.form');
    const shown = readable(
      await h.submit({ ...submit, activityId: 'sig', date: '2020-06-01', place: 'Öxnehaga', count: '2', note: '' }),
    );
    expect(shown).to.include('2 av 2 ärenden');
    expect((await activeEntries(h))[0]).to.include({
      activityId: 'sig',
      count: 2,
      place: 'Öxnehaga',
      date: '2020-06-01',
    });
  });

  it('refuses a form with a future date and shows the form again with the error', async () => {
    const h = await harness({ now: '2020-06-15T10:00:00+02:00' });
    const [form] = cardsOf(await h.say('/logga'));
    const [submit] = submitActions(form);
    const replies = await h.submit({ ...submit, activityId: 'sig', date: '2020-13-01', count: '1' });
    expect(readable(replies)).to.include('2020-13-01').and.to.include('finns inte');
    expect(cardsOf(replies)).to.have.length(1);
    expect(await activeEntries(h)).to.have.length(0);
  });

  it('suggests close activities for a word two letters off and stores nothing', async () => {
    const h = await harness({ now: '2020-06-15T10:00:00+02:00' });
    const shown = readable(await h.say('/logga trosdagsmöte'));
    expect(shown).to.include('Torsdagsmöte');
    expect(shown).to.include('inget är loggat förrän du har valt');
    expect(await h.records.allEntries()).to.have.length(0);
  });

  it('refuses future dates and dates outside every agreement', async () => {
    const h = await harness({ now: '2020-06-15T10:00:00+02:00' });
    expect(readable(await h.say('/logga sig 2020-07-01'))).to.include('har inte varit än');
    expect(readable(await h.say('/logga sig 2017-03-01'))).to.include('Inget medborgarlöfte gäller 1 mars 2017');
    expect(await h.records.allEntries()).to.have.length(0);
  });

  it('stores a message that Teams delivers twice only once', async () => {
    const h = await harness({ now: '2020-06-15T10:00:00+02:00' });
    const first = readable(await h.say('/logga sig', { activityId: 'teams-1' }));
    const second = readable(await h.say('/logga sig', { activityId: 'teams-1' }));
    expect(first).to.include('Loggat');
    expect(second).to.include('redan loggat');
    expect(await activeEntries(h)).to.have.length(1);
  });
});

describe('conversation: personal data and odd input', () => {
  const personnummer = ['811218-9876', '19811218-9876', '8112189876', '811218+9876', '701063-2391'];
  for (const pnr of personnummer) {
    it(`refuses a note with ${pnr} and stores nothing`, async () => {
      const h = await harness({ now: '2020-06-15T10:00:00+02:00' });
      const shown = readable(await h.say(`/logga sig Öxnehaga pojke ${pnr} hördes`));
      expect(shown).to.match(/personnummer|samordningsnummer/);
      expect(shown).to.include('Inget har sparats');
      expect(shown).not.to.include(pnr);
      expect(await h.records.allEntries()).to.have.length(0);
    });
  }

  const odd: [string, string][] = [
    ['empty text', ''],
    ['only spaces', '   '],
    ['20,000 characters', `/logga sig ${'a'.repeat(20_000)}`],
    ['emoji', '🙂🚓'],
    ['a date that does not exist', '/logga sig 2020-02-30'],
    ['a negative count', '/logga sig -3'],
    ['a zero count', '/logga sig 0 st'],
    ['an absurd count', '/logga sig 1000000'],
    ['a slash alone', '/'],
    ['markup', '<script>alert(1)</script>'],
    ['an unknown command', '/radera allt'],
    ['two dates', '/logga sig igår 2020-03-01'],
  ];
  for (const [name, input] of odd) {
    it(`answers ${name} and stores nothing`, async () => {
      const h = await harness({ now: '2020-06-15T10:00:00+02:00' });
      const replies = await h.say(input);
      expect(replies.length).to.be.greaterThan(0);
      expect(readable(replies).trim().length).to.be.greaterThan(10);
      expect(await h.records.allEntries()).to.have.length(0);
    });
  }

  it('answers card submits it cannot read, and stores nothing', async () => {
    const h = await harness({ now: '2020-06-15T10:00:00+02:00' });
    for (const value of [
      { verb: 'log.choose' },
      {
        verb: 'log.choose',
        requestId: 'r',
        agreementId: 'jonkoping-2020',
        activityId: 'sig',
        date: '2020-02-30',
        count: 1,
      },
      { verb: 'nope' },
      { verb: 'log.form' },
      {
        verb: 'log.choose',
        requestId: 'r',
        agreementId: 'jonkoping-2020',
        activityId: 'sig',
        date: '2020-03-01',
        count: 1,
        note: 'pnr 811218-9876',
      },
    ]) {
      const replies = await h.submit(value);
      expect(readable(replies).length, JSON.stringify(value)).to.be.greaterThan(10);
    }
    expect(await h.records.allEntries()).to.have.length(0);
  });
});

describe('conversation: /mina and /ångra', () => {
  it("lists my entries, not others'", async () => {
    const h = await harness({ now: '2020-06-15T10:00:00+02:00' });
    await h.say('/logga sig 2020-03-01');
    await h.say('/logga torsdagsmöte 2020-03-05', { user: BERIT });
    const mine = readable(await h.say('/mina'));
    expect(mine).to.include('SIG');
    expect(mine).to.include('1 mars 2020');
    expect(mine).not.to.include('5 mars 2020');
  });

  it('/ångra takes back my latest entry, keeps it audited, and a redelivered /ångra takes nothing more', async () => {
    const h = await harness({ now: '2020-06-15T10:00:00+02:00' });
    await h.say('/logga gemensam krogtillsyn 2020-03-14');
    h.clock.now = new Date('2020-06-15T10:05:00+02:00');
    await h.say('/logga gemensam krogtillsyn 2020-04-14');
    await h.say('/logga sig 2020-04-20', { user: BERIT });
    const undo = readable(await h.say('/ångra', { activityId: 'undo-1' }));
    expect(undo).to.include('14 april 2020');
    expect(undo).to.include('1 av 4');
    const again = readable(await h.say('/angra', { activityId: 'undo-1' }));
    expect(again).to.include('Redan borttaget');
    const removed = (await h.records.allEntries()).filter((e) => e.removed);
    expect(removed).to.have.length(1);
    expect(removed[0]?.removed).to.deep.include({ reason: 'undo', by: { id: 'aad-anna', name: 'Anna Andersson' } });
    expect((await h.records.allEntries()).filter((e) => !e.removed).map((e) => e.date)).to.have.members([
      '2020-03-14',
      '2020-04-20',
    ]);
  });

  it('/ångra with nothing to undo says so', async () => {
    const h = await harness();
    expect(readable(await h.say('/ångra'))).to.include('ingen loggad insats');
  });
});

describe('conversation: /status', () => {
  it('shows the agreement, each promise, its activities and "N av M"', async () => {
    const h = await harness({ now: '2020-06-15T10:00:00+02:00' });
    for (const d of ['2020-02-01', '2020-03-01', '2020-04-01']) await h.say(`/logga gemensam krogtillsyn ${d}`);
    const [card] = cardsOf(await h.say('/status 2020'));
    const json = JSON.stringify(card);
    expect(json).to.include('Medborgarlöfte 2020');
    expect(json).to.include('Identifiera och arbeta förebyggande på otrygga platser i Jönköpings kommun');
    expect(json).to.include('3 av 4 tillfällen');
    expect(json).to.include('senast loggad 1 april 2020');
  });

  it('names the final state of a past agreement, and answers for a missing year', async () => {
    const h = await harness({ now: '2021-02-01T10:00:00+01:00' });
    const json = JSON.stringify(cardsOf(await h.say('/status 2020'))[0]);
    expect(json).to.include('Perioden är slut');
    expect(json).to.include('långt efter');
    expect(readable(await h.say('/status 2017'))).to.include('Det finns inget medborgarlöfte för 2017');
  });

  it("shows one activity's status by name", async () => {
    const h = await harness({ now: '2020-06-15T10:00:00+02:00' });
    await h.say('/logga sig 2020-05-01');
    expect(readable(await h.say('/status sig'))).to.include('1 av 2 ärenden');
  });
});

describe('conversation: coordinators', () => {
  it("a coordinator makes this year's agreement from 2020, and an undated log counts on it", async () => {
    const h = await harness({ now: '2026-11-24T09:00:00+01:00', coordinators: ['aad-sam'] });
    expect(readable(await h.say('/logga gemensam krogtillsyn'))).to.include(
      'Inget medborgarlöfte gäller 24 november 2026',
    );

    const refused = readable(await h.say('/nytt-medborgarlöfte 2026 från 2020', { user: ANNA }));
    expect(refused).to.include('samordnare');
    expect(await h.records.agreements()).to.have.length(2);

    const made = readable(await h.say('/nytt-medborgarlöfte 2026 från 2020', { user: SAMORDNARE }));
    expect(made).to.include('Medborgarlöfte 2026 är skapat');
    const created = await h.records.agreement('jonkoping-2026');
    expect(created?.period).to.deep.equal({ start: '2026-01-01', end: '2026-12-31' });
    expect(created?.copiedFrom).to.equal('jonkoping-2020');
    expect(created?.activities).to.have.length(11);

    const logged = readable(await h.say('/logga gemensam krogtillsyn'));
    expect(logged).to.include('1 av 4 tillfällen');
    expect((await h.records.entries('jonkoping-2026'))[0]).to.include({
      date: '2026-11-24',
      activityId: 'gemensam-krogtillsyn',
    });
    expect(JSON.stringify(cardsOf(await h.say('/status'))[0])).to.include('1 av 4 tillfällen');

    expect(readable(await h.say('/nytt-medborgarlöfte 2026 från 2020', { user: SAMORDNARE }))).to.include(
      'finns redan',
    );
  });

  it('/klar marks a milestone done for coordinators only', async () => {
    const h = await harness({ now: '2020-06-15T10:00:00+02:00' });
    expect(readable(await h.say('/klar grannsamverkan', { user: ANNA }))).to.include('samordnare');
    expect(await h.records.completions('jonkoping-2020')).to.have.length(0);
    expect(readable(await h.say('/klar grannsamverkan', { user: SAMORDNARE }))).to.include('genomförd');
    expect((await h.records.completions('jonkoping-2020'))[0]).to.include({
      activityId: 'grannsamverkan',
      date: '2020-06-15',
    });
    expect(readable(await h.say('/klar grannsamverkan', { user: SAMORDNARE }))).to.include('redan markerad');
    expect(readable(await h.say('/klar gemensam krogtillsyn', { user: SAMORDNARE }))).to.include(
      'inte en engångsaktivitet',
    );
    const json = JSON.stringify(cardsOf(await h.say('/status'))[0]);
    expect(json).to.include('genomförd 15 juni 2020');
  });

  it('nobody is a coordinator when COORDINATORS is empty', async () => {
    const h = await harness({ now: '2020-06-15T10:00:00+02:00', coordinators: [] });
    expect(readable(await h.say('/klar grannsamverkan', { user: SAMORDNARE }))).to.include('samordnare');
  });

  it('matches a coordinator by UPN when one is configured', async () => {
    const h = await harness({ now: '2020-06-15T10:00:00+02:00', coordinators: ['sam@jonkoping.se'] });
    const replies = await h.app.handle({
      user: { id: '29:x', name: 'Sam', aadObjectId: 'aad-x', resolveUpn: async () => 'Sam@Jonkoping.se' },
      conversation: { id: 'c', kind: 'personal' },
      text: '/klar grannsamverkan',
    });
    expect(readable(replies)).to.include('✅');
  });
});

describe('conversation: a restart on the same STORE_DIR', () => {
  it('shows the same "3 av 4" after a restart, and the files hold the entries', async function () {
    fileStoreOnly(this);
    const dir = tempDir();
    const before = await harness({ now: '2020-06-15T10:00:00+02:00', storage: fileStorage(dir) });
    for (const d of ['2020-02-01', '2020-03-01', '2020-04-01']) await before.say(`/logga gemensam krogtillsyn ${d}`);
    const after = await harness({ now: '2020-06-15T10:00:00+02:00', storage: fileStorage(dir) });
    expect(JSON.stringify(cardsOf(await after.say('/status 2020'))[0])).to.include('3 av 4 tillfällen');
    expect(readdirSync(dir)).to.include('entries-jonkoping-2020.json');
    const file = JSON.parse(readFileSync(path.join(dir, 'entries-jonkoping-2020.json'), 'utf8'));
    expect(file.entries).to.have.length(3);
  });
});

describe('conversation: help and unknown input', () => {
  it('/hjälp lists every command with an example', async () => {
    const h = await harness();
    const shown = readable(await h.say('/hjälp'));
    for (const c of ['/logga', '/status', '/mina', '/ångra', '/klar', '/nytt-medborgarlöfte', '/medborgarlöfte ändra'])
      expect(shown).to.include(c);
  });

  it('suggests the closest command for a typo, and /logga for a bare activity', async () => {
    const h = await harness({ now: '2020-06-15T10:00:00+02:00' });
    expect(readable(await h.say('/statsu'))).to.include('/status');
    // In a channel without a mention it is a hint; in a personal chat it is a log (here: which activity?).
    expect(readable(await h.say('krogtillsyn igår', { kind: 'channel' }))).to.include('/logga krogtillsyn igår');
    expect(readable(await h.say('krogtillsyn igår'))).to.include('Vilken aktivitet menar du?');
  });

  it('answers with a short error when something breaks inside, and logs it', async function () {
    fileStoreOnly(this);
    const h = await harness({ now: '2020-06-15T10:00:00+02:00' });
    const inArea = h.store.inArea.bind(h.store);
    h.store.inArea = (areaId) =>
      Object.assign(inArea(areaId), { addEntry: () => Promise.reject(new Error('disk full')) });
    const shown = readable(await h.say('/logga sig'));
    expect(shown).to.include('Något gick fel');
    expect(h.logger.lines.some((r) => r.level === 'error' && r.msg === 'turn failed')).to.equal(true);
  });
});

describe('conversation: shared cards in a channel, and closing a year', () => {
  it("a colleague's submit of the same shared form is their own entry, not a duplicate", async () => {
    const h = await harness({ now: '2020-06-15T10:00:00+02:00' });
    const [form] = cardsOf(await h.say('/logga'));
    const [submit] = submitActions(form);
    await h.submit({ ...submit, activityId: 'sig', date: '2020-06-01', count: '1' }, { user: ANNA });
    const berit = readable(
      await h.submit({ ...submit, activityId: 'torsdagsmote', date: '2020-06-04', count: '1' }, { user: BERIT }),
    );
    expect(berit).to.include('Torsdagsmöte');
    expect((await activeEntries(h)).map((e) => [e.by.id, e.activityId])).to.have.deep.members([
      ['aad-anna', 'sig'],
      ['aad-berit', 'torsdagsmote'],
    ]);
    // Anna's second click is still a duplicate.
    await h.submit({ ...submit, activityId: 'sig', date: '2020-06-01', count: '1' }, { user: ANNA });
    expect(await activeEntries(h)).to.have.length(2);
  });

  it('never echoes a personnummer back, whatever the command', async () => {
    const h = await harness({ now: '2020-06-15T10:00:00+02:00' });
    for (const input of ['/status pojke 811218-9876', 'krogtillsyn 811218-9876', '/klar 8112189876']) {
      const shown = readable(await h.say(input, { user: SAMORDNARE }));
      expect(shown, input).to.include('personnummer');
      expect(shown, input).not.to.match(/811218-?9876/u);
    }
    const [form] = cardsOf(await h.say('/logga'));
    const [submit] = submitActions(form);
    const replies = await h.submit({ ...submit, date: '2020-06-01', count: '1', note: 'pojke 811218-9876' });
    expect(readable(replies)).not.to.include('811218-9876');
    expect(await h.records.allEntries()).to.have.length(0);
  });

  it("/klar in January closes the milestone in last year's agreement, dated its last day", async () => {
    const h = await harness({ now: '2021-01-10T10:00:00+01:00' });
    expect(readable(await h.say('/klar grannsamverkan', { user: SAMORDNARE }))).to.include('31 december 2020');
    expect((await h.records.completions('jonkoping-2020'))[0]).to.include({
      activityId: 'grannsamverkan',
      date: '2020-12-31',
    });
    expect(JSON.stringify(cardsOf(await h.say('/status 2020'))[0])).to.include('genomförd 31 december 2020');
  });

  it('/klar with a keyword two milestones share names a word for each', async () => {
    const h = await harness({ now: '2020-06-15T10:00:00+02:00' });
    const shown = readable(await h.say('/klar enkät', { user: SAMORDNARE }));
    expect(shown).to.include('/klar enkätundersökning');
    expect(shown).to.include('/klar trivs i jkpg');
    expect(await h.records.completions('jonkoping-2020')).to.have.length(0);
  });
});
