// Conformance: one person's data (the GDPR tool). The export finds their entries, audit records,
// subscriptions and reminders and nothing of anyone else; the erasure leaves no trace of their id or
// name, keeps the figures, and records itself once.
import { expect } from 'chai';
import type { StorePort } from '../../../src/app/port/index.js';
import type { MakeStore } from './index.js';
import { ANNA, AT, BERIT, audited, entry, freshStore, type Seeded } from './fixtures.js';

const OPERATOR = { by: { id: 'cli:dpo', name: 'dpo' }, at: new Date('2020-06-01T08:00:00.000Z'), via: 'cli' as const };
const PSEUDONYM = { id: 'anonym-0123456789ab', name: 'Borttagen person' };
const annaInTeams = { aadObjectId: ANNA.id, name: ANNA.name };

/** Anna logs twice (once from her personal chat) and removes one; Berit logs once; both subscribe a chat; Anna is reminded. */
async function twoPeople(port: StorePort): Promise<void> {
  const jkpg = port.records('jonkoping');
  await jkpg.addEntry(entry('a1', { note: 'Annas anteckning', sourceId: 'message:personal-anna:m1' }), {
    ...audited('entry.logged', 'a1'),
    conversationId: 'personal-anna',
  });
  await jkpg.addEntry(entry('a2', { date: '2020-03-15', count: 2 }), audited('entry.logged', 'a2'));
  await jkpg.addEntry(entry('b1', { by: BERIT, note: 'Beritas anteckning' }), {
    ...audited('entry.logged', 'b1'),
    by: BERIT,
  });
  await jkpg.removeEntry(
    'jonkoping-2020',
    'a2',
    { at: AT.toISOString(), by: ANNA, reason: 'remove' },
    audited('entry.removed', 'a2'),
  );
  const subscribe = (conversationId: string, by: typeof ANNA, id: string) =>
    port.subscriptions.subscribe(
      {
        conversation: { id: conversationId, kind: 'personal' },
        areaId: 'jonkoping',
        reference: { conversation: { id: conversationId } },
        schedule: { weekday: 4, time: '07:30' },
        by,
        at: AT,
        newId: () => id,
      },
      { at: AT.toISOString(), by, via: 'chat', conversationId },
    );
  await subscribe('personal-anna', ANNA, 'sub-anna');
  await subscribe('personal-berit', BERIT, 'sub-berit');
  await port.reminders.setOff(annaInTeams, true, AT, {
    at: AT.toISOString(),
    by: ANNA,
    via: 'chat',
    action: 'reminders.changed',
    conversationId: 'personal-anna',
  });
}

/** Everything the port reads, as text: where a trace of a person would show. */
async function everything(port: StorePort): Promise<string> {
  const areas = await port.areas.areas();
  const parts: unknown[] = [
    areas,
    await port.audit.read(),
    await port.subscriptions.all(),
    await port.reminders.all(),
    await port.publications.all(),
  ];
  for (const area of areas) {
    parts.push(await port.areas.history(area.id), await port.records(area.id).allEntries());
    for (const a of await port.records(area.id).agreements()) parts.push(await port.records(area.id).completions(a.id));
  }
  return JSON.stringify(parts);
}

/** The port to read after an erasure: a store that keeps its data across a restart is read reopened too. */
const afterErasure = async (made: Seeded): Promise<StorePort> => (made.reopen ? made.reopen() : made.port);

export function personalDataConformance(makeStore: MakeStore): void {
  describe('personal data (GDPR export and erasure)', () => {
    const store = freshStore(makeStore);

    it('export: the person’s entries, audit records, subscriptions and reminders, with their name; nothing of anyone else', async () => {
      const { port } = store();
      await twoPeople(port);
      const found = await port.personalData.find(ANNA.id);
      expect(found.names).to.deep.equal([ANNA.name]);
      const kinds = new Set(found.records.map((r) => r.kind));
      expect([...kinds]).to.include.members(['entry', 'subscription', 'reminder']);
      const entryIds = found.records
        .filter((r) => r.kind === 'entry')
        .map((r) => r.record as { id?: string; entry?: { id: string }; entryId?: string })
        .map((r) => r.id ?? r.entry?.id ?? r.entryId)
        .sort();
      // The file store may show an entry as its journal's lines (logging it, removing it): the ids are hers.
      expect([...new Set(entryIds)]).to.deep.equal(['a1', 'a2']);
      // Her entries' records (a store may also keep records of her subscribing and her reminder choice).
      const ofEntries = found.audit.filter((r) => r.entryId !== undefined);
      expect(ofEntries.map((r) => `${r.action} ${r.entryId}`).sort()).to.deep.equal([
        'entry.logged a1',
        'entry.logged a2',
        'entry.removed a2',
      ]);
      const text = JSON.stringify(found);
      expect(text).to.include('Annas anteckning');
      expect(text).not.to.include(BERIT.id);
      expect(text).not.to.include('Beritas anteckning');
      for (const r of found.records) expect(r.where).to.be.a('string').and.not.equal('');
    });

    it('export of someone the store does not know: nothing', async () => {
      const { port } = store();
      await twoPeople(port);
      expect(await port.personalData.find('aad-nobody')).to.deep.equal({ names: [], records: [], audit: [] });
    });

    it('erase: no trace of the id, the name or the personal chat; the same figures; Berit untouched; recorded once', async () => {
      const made = store();
      await twoPeople(made.port);
      const totals = await made.port.records('jonkoping').dayTotals('jonkoping-2020', 'gemensam-krogtillsyn');
      const counts = await made.port.personalData.erase(ANNA.id, PSEUDONYM, OPERATOR);
      expect(counts.total).to.be.greaterThan(0);
      const port = await afterErasure(made);
      const text = await everything(port);
      expect(text).not.to.include(ANNA.id);
      expect(text).not.to.include(`"${ANNA.name}"`);
      expect(text).not.to.include('personal-anna');
      expect(text).to.include(PSEUDONYM.id);
      expect(text).to.include(BERIT.id);
      expect(text).to.include('personal-berit');
      expect(await port.records('jonkoping').dayTotals('jonkoping-2020', 'gemensam-krogtillsyn')).to.deep.equal(totals);
      const entries = await port.records('jonkoping').allEntries();
      expect(entries.map((e) => [e.id, e.by.id, e.count])).to.deep.equal([
        ['a1', PSEUDONYM.id, 1],
        ['a2', PSEUDONYM.id, 2],
        ['b1', BERIT.id, 1],
      ]);
      expect(entries[0]?.note).to.equal('Annas anteckning');
      expect(await port.personalData.find(ANNA.id)).to.deep.equal({ names: [], records: [], audit: [] });
      const erased = (await port.audit.read()).filter((r) => r.action === 'person.erased');
      expect(erased).to.have.length(1);
      expect(erased[0]).to.deep.include({ by: OPERATOR.by, via: 'cli', at: OPERATOR.at.toISOString() });
      expect(erased[0]?.detail).to.include(PSEUDONYM.id);

      const again = await port.personalData.erase(ANNA.id, PSEUDONYM, OPERATOR);
      expect(again.total).to.equal(0);
      expect((await port.audit.read()).filter((r) => r.action === 'person.erased')).to.have.length(1);
    });

    it('erase moves the version of an area whose records changed', async () => {
      const made = store();
      await twoPeople(made.port);
      const before = await made.port.records('jonkoping').version();
      await made.port.personalData.erase(ANNA.id, PSEUDONYM, OPERATOR);
      const port = await afterErasure(made);
      // A store that reopens may number versions anew: compared in the same process only.
      if (port === made.port) expect(await port.records('jonkoping').version()).not.to.equal(before);
    });
  });
}
