// Conformance: one area's entries and their audit records, occasions, versions and isolation.
import { expect } from 'chai';
import { occasionsOf } from '../../../src/domain/occasion.js';
import { latestEntryBy } from '../../../src/domain/recordRules.js';
import { dayTotals } from '../../../src/domain/status.js';
import type { MakeStore } from './index.js';
import { ANNA, AT, BERIT, H2020, J2020, audited, entry, freshStore } from './fixtures.js';

const removal = { by: ANNA, at: AT.toISOString(), reason: 'undo' as const };
const change = { by: ANNA, at: '2020-03-15T08:00:00.000Z', reason: 'edit' as const };

export function recordConformance(makeStore: MakeStore): void {
  describe('records of an area', () => {
    const store = freshStore(makeStore);

    it('shows an area only its own agreements and entries', async () => {
      const { port } = store();
      await port.records('jonkoping').addEntry(entry('j1', { sourceId: 'msg:1' }), audited('entry.logged', 'j1'));
      await port.records('habo').addEntry(entry('h1', {}, 'habo-2020'), audited('entry.logged', 'h1', 'habo-2020'));
      const habo = port.records('habo');
      expect((await habo.agreements()).map((a) => a.id)).to.deep.equal(['habo-2020']);
      expect(await habo.agreement('jonkoping-2020')).to.equal(undefined);
      expect(await habo.entries('jonkoping-2020')).to.deep.equal([]);
      expect(await habo.completions('jonkoping-2020')).to.deep.equal([]);
      expect((await habo.allEntries()).map((e) => e.id)).to.deep.equal(['h1']);
      expect(await habo.findBySource('msg:1')).to.equal(undefined);
      expect(await habo.dayTotals('jonkoping-2020', 'gemensam-krogtillsyn')).to.deep.equal([]);
      expect(await habo.occasionsOn('jonkoping-2020', 'gemensam-krogtillsyn', '2020-03-14')).to.deep.equal([]);
      expect((await habo.entriesTouchedBy(ANNA.id)).map((e) => e.id)).to.deep.equal(['h1']);
    });

    it("refuses changes to another area's agreement and stores nothing", async () => {
      const { port } = store();
      const habo = port.records('habo');
      const jkpg = port.records('jonkoping');
      await jkpg.addEntry(entry('j1', { note: 'lugnt' }), audited('entry.logged', 'j1'));
      const before = await port.audit.read();
      const attempts: (() => Promise<unknown>)[] = [
        () => habo.addEntry(entry('x1'), audited('entry.logged', 'x1')),
        () => habo.removeEntry('jonkoping-2020', 'j1', removal, audited('entry.undone', 'j1')),
        () =>
          habo.editEntry('jonkoping-2020', 'j1', { ...entry('j1'), count: 5 }, change, audited('entry.edited', 'j1')),
        () => habo.restoreEntry('jonkoping-2020', 'j1', change, audited('entry.restored', 'j1')),
        () =>
          habo.addCompletion(
            'jonkoping-2020',
            { activityId: 'ssg', date: '2020-03-14', by: ANNA, at: AT.toISOString() },
            audited('milestone.done', 'j1'),
          ),
      ];
      for (const attempt of attempts) {
        let refused = false;
        await attempt().catch(() => (refused = true));
        expect(refused, attempt.toString()).to.equal(true);
      }
      expect(
        await habo.clearNotes(
          { entryId: 'j1' },
          { at: AT.toISOString(), reason: 'coordinator' },
          {
            at: AT.toISOString(),
            by: ANNA,
            via: 'chat',
            action: 'note.cleared',
          },
        ),
      ).to.deep.equal([]);
      expect(await jkpg.entries('jonkoping-2020')).to.deep.equal([entry('j1', { note: 'lugnt' })]);
      expect(await jkpg.completions('jonkoping-2020')).to.deep.equal([]);
      expect(await port.audit.read()).to.deep.equal(before);
    });

    it('stores an entry with its audit record, and a second one from the same message as a duplicate without one', async () => {
      const { port } = store();
      const jkpg = port.records('jonkoping');
      const first = await jkpg.addEntry(entry('e1', { sourceId: 'msg:1' }), audited('entry.logged', 'e1'));
      expect(first).to.deep.equal({ stored: true, entry: entry('e1', { sourceId: 'msg:1' }) });
      const again = await jkpg.addEntry(entry('e2', { sourceId: 'msg:1', count: 9 }), audited('entry.logged', 'e2'));
      expect(again).to.deep.equal({ stored: false, entry: entry('e1', { sourceId: 'msg:1' }), reason: 'duplicate' });
      expect((await jkpg.entries('jonkoping-2020')).map((e) => e.id)).to.deep.equal(['e1']);
      expect((await jkpg.findBySource('msg:1'))?.id).to.equal('e1');
      expect((await port.audit.read({ entryId: 'e1' })).map((r) => r.action)).to.deep.equal(['entry.logged']);
      expect(await port.audit.read({ entryId: 'e2' })).to.deep.equal([]);
    });

    it('stores one of two entries from the same message sent at once', async () => {
      const { port } = store();
      const jkpg = port.records('jonkoping');
      const results = await Promise.all(
        ['c1', 'c2', 'c3'].map((id) => jkpg.addEntry(entry(id, { sourceId: 'msg:same' }), audited('entry.logged', id))),
      );
      expect(results.filter((r) => r.stored)).to.have.length(1);
      expect(await jkpg.entries('jonkoping-2020')).to.have.length(1);
      expect(
        (await port.audit.read({ agreementId: 'jonkoping-2020' })).filter((r) => r.action === 'entry.logged'),
      ).to.have.length(1);
    });

    it('removes an entry once, keeps it as removed, and audits the removal', async () => {
      const { port } = store();
      const jkpg = port.records('jonkoping');
      await jkpg.addEntry(entry('e1'), audited('entry.logged', 'e1'));
      const removed = await jkpg.removeEntry('jonkoping-2020', 'e1', removal, audited('entry.undone', 'e1'));
      expect(removed).to.deep.equal(entry('e1', { removed: removal }));
      expect(await jkpg.removeEntry('jonkoping-2020', 'e1', removal, audited('entry.undone', 'e1'))).to.equal(
        undefined,
      );
      expect(await jkpg.removeEntry('jonkoping-2020', 'nope', removal, audited('entry.undone', 'nope'))).to.equal(
        undefined,
      );
      expect(await jkpg.entries('jonkoping-2020')).to.deep.equal([entry('e1', { removed: removal })]);
      expect((await port.audit.read({ entryId: 'e1' })).map((r) => r.action)).to.deep.equal([
        'entry.logged',
        'entry.undone',
      ]);
      expect(await port.audit.read({ entryId: 'nope' })).to.deep.equal([]);
    });

    it('removes an entry once when two removals come at once', async () => {
      const { port } = store();
      const jkpg = port.records('jonkoping');
      await jkpg.addEntry(entry('e1'), audited('entry.logged', 'e1'));
      const results = await Promise.all(
        [1, 2, 3].map(() => jkpg.removeEntry('jonkoping-2020', 'e1', removal, audited('entry.undone', 'e1'))),
      );
      expect(results.filter((r) => r !== undefined)).to.have.length(1);
      expect((await port.audit.read({ entryId: 'e1' })).map((r) => r.action)).to.deep.equal([
        'entry.logged',
        'entry.undone',
      ]);
    });

    it('edits an active entry keeping what it said in its history, and restores a removed one', async () => {
      const { port } = store();
      const jkpg = port.records('jonkoping');
      await jkpg.addEntry(entry('e1', { place: 'Torget' }), audited('entry.logged', 'e1'));
      const fields = { activityId: 'gemensam-krogtillsyn', date: '2020-03-15', count: 2, note: 'två pass' };
      const edited = await jkpg.editEntry('jonkoping-2020', 'e1', fields, change, audited('entry.edited', 'e1'));
      expect(edited).to.deep.include({ date: '2020-03-15', count: 2, note: 'två pass', occasionId: 'e1' });
      expect(edited?.place).to.equal(undefined);
      expect(edited?.history).to.deep.equal([
        { ...change, before: { activityId: 'gemensam-krogtillsyn', date: '2020-03-14', place: 'Torget', count: 1 } },
      ]);
      expect(await jkpg.entries('jonkoping-2020')).to.deep.equal([edited]);

      await jkpg.removeEntry('jonkoping-2020', 'e1', removal, audited('entry.undone', 'e1'));
      expect(await jkpg.editEntry('jonkoping-2020', 'e1', fields, change, audited('entry.edited', 'e1'))).to.equal(
        undefined,
      );
      const restored = await jkpg.restoreEntry(
        'jonkoping-2020',
        'e1',
        { by: BERIT, at: '2020-03-16T08:00:00.000Z' },
        audited('entry.restored', 'e1'),
      );
      expect(restored?.removed).to.equal(undefined);
      expect(restored?.history?.at(-1)).to.deep.include({ reason: 'restored', removed: removal });
      expect(
        await jkpg.restoreEntry(
          'jonkoping-2020',
          'e1',
          { by: BERIT, at: '2020-03-16T08:00:00.000Z' },
          audited('entry.restored', 'e1'),
        ),
      ).to.equal(undefined);
      expect((await jkpg.entries('jonkoping-2020'))[0]).to.deep.equal(restored);
      expect((await port.audit.read({ entryId: 'e1' })).map((r) => r.action)).to.deep.equal([
        'entry.logged',
        'entry.edited',
        'entry.undone',
        'entry.restored',
      ]);
    });

    it('refuses an edit that does not validate and stores nothing', async () => {
      const { port } = store();
      const jkpg = port.records('jonkoping');
      await jkpg.addEntry(entry('e1'), audited('entry.logged', 'e1'));
      let refused = false;
      await jkpg
        .editEntry(
          'jonkoping-2020',
          'e1',
          { activityId: 'gemensam-krogtillsyn', date: '2020-03-14', count: -1 },
          change,
          audited('entry.edited', 'e1'),
        )
        .catch(() => (refused = true));
      expect(refused).to.equal(true);
      expect(await jkpg.entries('jonkoping-2020')).to.deep.equal([entry('e1')]);
      expect((await port.audit.read({ entryId: 'e1' })).map((r) => r.action)).to.deep.equal(['entry.logged']);
    });

    it('refuses a removal that does not validate and stores nothing', async () => {
      const { port } = store();
      const jkpg = port.records('jonkoping');
      await jkpg.addEntry(entry('e1'), audited('entry.logged', 'e1'));
      // A removal without its reason: what a stored entry may never hold.
      const invalid = { at: AT.toISOString(), by: ANNA } as unknown as typeof removal;
      let refused = false;
      await jkpg
        .removeEntry('jonkoping-2020', 'e1', invalid, audited('entry.undone', 'e1'))
        .catch(() => (refused = true));
      expect(refused).to.equal(true);
      expect(await jkpg.entries('jonkoping-2020')).to.deep.equal([entry('e1')]);
      expect((await port.audit.read({ entryId: 'e1' })).map((r) => r.action)).to.deep.equal(['entry.logged']);
    });

    it('stores completions with their audit record', async () => {
      const { port } = store();
      const jkpg = port.records('jonkoping');
      const done = { activityId: 'ssg', date: '2020-03-14', by: ANNA, at: AT.toISOString() };
      await jkpg.addCompletion('jonkoping-2020', done, {
        at: AT.toISOString(),
        by: ANNA,
        via: 'card',
        action: 'milestone.done',
        agreementId: 'jonkoping-2020',
        activityId: 'ssg',
      });
      expect(await jkpg.completions('jonkoping-2020')).to.deep.equal([done]);
      expect((await port.audit.read({ agreementId: 'jonkoping-2020' })).map((r) => r.action)).to.include(
        'milestone.done',
      );
      expect((await port.audit.read({ areaId: 'habo' })).map((r) => r.action)).not.to.include('milestone.done');
    });

    it('clears notes by entry or by date, with one audit record per agreement naming the entries', async () => {
      const { port } = store();
      const jkpg = port.records('jonkoping');
      await jkpg.addEntry(entry('e1', { note: 'a', date: '2020-02-01' }), audited('entry.logged', 'e1'));
      await jkpg.addEntry(entry('e2', { note: 'b', date: '2020-03-01' }), audited('entry.logged', 'e2'));
      await jkpg.addEntry(entry('e3', { date: '2020-01-01' }), audited('entry.logged', 'e3'));
      await jkpg.addEntry(entry('e4', { note: 'd', date: '2020-05-01' }), audited('entry.logged', 'e4'));
      const cleared = { at: '2020-06-01T00:00:00.000Z', reason: 'retention' as const };
      const base = { at: cleared.at, by: ANNA, via: 'system' as const, action: 'note.cleared' as const };
      const out = await jkpg.clearNotes({ before: '2020-04-01' }, cleared, base);
      expect(out.map((e) => e.id).sort()).to.deep.equal(['e1', 'e2']);
      for (const e of out) expect(e).to.deep.include({ noteCleared: cleared }).and.not.have.property('note');
      const records = (await port.audit.read({ agreementId: 'jonkoping-2020' })).filter(
        (r) => r.action === 'note.cleared',
      );
      expect(records).to.have.length(1);
      expect(records[0]?.entryIds?.slice().sort()).to.deep.equal(['e1', 'e2']);
      expect(records[0]).to.not.have.property('entryId');
      expect((await port.audit.read({ entryId: 'e2' })).map((r) => r.action)).to.deep.equal([
        'entry.logged',
        'note.cleared',
      ]);
      expect(await jkpg.clearNotes({ before: '2020-04-01' }, cleared, base)).to.deep.equal([]);
      expect((await jkpg.clearNotes({ entryId: 'e4' }, cleared, base)).map((e) => e.id)).to.deep.equal(['e4']);
      const stored = await jkpg.entries('jonkoping-2020');
      expect(stored.filter((e) => e.note !== undefined)).to.deep.equal([]);
      expect(stored.find((e) => e.id === 'e3')).to.deep.equal(entry('e3', { date: '2020-01-01' }));
      const clearings = (await port.audit.read()).filter((r) => r.action === 'note.cleared');
      expect(clearings).to.have.length(2);
      // One entry's clearing names it, as an edit does (the export's "ändrad av" reads entryId).
      expect(clearings[1]).to.deep.include({ entryId: 'e4', entryIds: ['e4'] });
    });

    it('answers occasionsOn and dayTotals as the domain does over its entries', async () => {
      const { port } = store();
      const jkpg = port.records('jonkoping');
      const logs = [
        entry('o1', { date: '2020-03-20', count: 2 }),
        entry('o2', { date: '2020-03-14', by: BERIT, occasionId: 'o3' }),
        entry('o3', { date: '2020-03-14', place: 'Torget' }),
        entry('o4', { date: '2020-03-14', count: 3, participants: 4 }),
        entry('o5', { date: '2020-03-14', activityId: 'ssg' }),
        entry('o6', { date: '2020-02-01' }),
      ];
      for (const e of logs) await jkpg.addEntry(e, audited('entry.logged', e.id));
      await jkpg.removeEntry('jonkoping-2020', 'o4', removal, audited('entry.undone', 'o4'));
      await jkpg.removeEntry('jonkoping-2020', 'o3', removal, audited('entry.undone', 'o3'));
      const entries = await jkpg.entries('jonkoping-2020');
      for (const activityId of ['gemensam-krogtillsyn', 'ssg', 'sig']) {
        const expected = dayTotals(entries, 'jonkoping-2020', activityId).sort((a, b) => a.date.localeCompare(b.date));
        expect(await jkpg.dayTotals('jonkoping-2020', activityId), activityId).to.deep.equal(expected);
        for (const date of ['2020-02-01', '2020-03-14', '2020-03-20', '2020-04-01']) {
          const day = occasionsOf(entries).filter((o) => o.activityId === activityId && o.date === date);
          expect(await jkpg.occasionsOn('jonkoping-2020', activityId, date), `${activityId} ${date}`).to.deep.equal(
            day,
          );
        }
      }
      expect(
        (await jkpg.occasionsOn('jonkoping-2020', 'gemensam-krogtillsyn', '2020-03-14')).map((o) => o.id),
      ).to.deep.equal(['o3']);
    });

    it('answers occasionsOn with the entries as they are now, after edits, note clearings and restores', async () => {
      const { port } = store();
      const jkpg = port.records('jonkoping');
      const logs = [
        entry('p1', { note: 'lugnt på torget' }),
        entry('p2', { by: BERIT, occasionId: 'p1', note: 'två ordningsvakter' }),
        entry('p3', { count: 2 }),
        entry('p4', { date: '2020-03-15' }),
      ];
      for (const e of logs) await jkpg.addEntry(e, audited('entry.logged', e.id));
      const edit = (id: string, fields: { date: string; count: number }) =>
        jkpg.editEntry(
          'jonkoping-2020',
          id,
          { activityId: 'gemensam-krogtillsyn', ...fields },
          change,
          audited('entry.edited', id),
        );
      // The first entry of the first occasion changes: it stays first, with its occasion first.
      await edit('p1', { date: '2020-03-14', count: 3 });
      // An entry moved away and back again stands where it was stored, not where it came back.
      await edit('p4', { date: '2020-03-14', count: 1 });
      await edit('p3', { date: '2020-03-16', count: 2 });
      await edit('p3', { date: '2020-03-14', count: 2 });
      await jkpg.removeEntry('jonkoping-2020', 'p2', removal, audited('entry.undone', 'p2'));
      await jkpg.restoreEntry('jonkoping-2020', 'p2', change, audited('entry.restored', 'p2'));
      await jkpg.clearNotes(
        { before: '2020-03-15' },
        { at: AT.toISOString(), reason: 'retention' },
        { at: AT.toISOString(), by: ANNA, via: 'system', action: 'note.cleared' },
      );
      const entries = await jkpg.entries('jonkoping-2020');
      expect(entries.filter((e) => e.note !== undefined)).to.deep.equal([]);
      const occasions = await jkpg.occasionsOn('jonkoping-2020', 'gemensam-krogtillsyn', '2020-03-14');
      expect(occasions).to.deep.equal(occasionsOf(entries.filter((e) => e.date === '2020-03-14')));
      expect(occasions.map((o) => [o.id, o.count, o.entries.map((e) => e.id)])).to.deep.equal([
        ['p1', 3, ['p1', 'p2']],
        ['p3', 2, ['p3']],
        ['p4', 1, ['p4']],
      ]);
      expect(occasions.flatMap((o) => o.entries).filter((e) => e.note !== undefined)).to.deep.equal([]);
    });

    it("lists the entries a person logged or removed, in the area's order", async () => {
      const { port } = store();
      const jkpg = port.records('jonkoping');
      await jkpg.addEntry(entry('a1'), audited('entry.logged', 'a1'));
      await jkpg.addEntry(entry('b1', { by: BERIT }), audited('entry.logged', 'b1'));
      await jkpg.addEntry(entry('b2', { by: BERIT }), audited('entry.logged', 'b2'));
      await jkpg.removeEntry('jonkoping-2020', 'b2', removal, audited('entry.undone', 'b2'));
      expect((await jkpg.entriesTouchedBy(ANNA.id)).map((e) => e.id)).to.deep.equal(['a1', 'b2']);
      expect((await jkpg.entriesTouchedBy(BERIT.id)).map((e) => e.id)).to.deep.equal(['b1', 'b2']);
      expect((await jkpg.allEntries()).map((e) => e.id)).to.deep.equal(['a1', 'b1', 'b2']);
    });

    it("gives a person's latest active entry: by loggedAt, then the area's order, through removal and restore", async () => {
      const { port } = store();
      const jkpg = port.records('jonkoping');
      const at = (minute: number) => `2020-03-14T18:0${minute}:00.000Z`;
      const latest = async (): Promise<string | undefined> => {
        const found = await jkpg.latestEntryBy(ANNA.id);
        // The one definition, over what the area holds.
        expect(found).to.deep.equal(latestEntryBy(await jkpg.allEntries(), ANNA.id));
        return found?.id;
      };
      expect(await latest()).to.equal(undefined);
      await jkpg.addEntry(entry('a1', { loggedAt: at(1) }), audited('entry.logged', 'a1'));
      expect(await latest()).to.equal('a1');
      // Stored later, logged earlier (a form sent late): not the latest.
      await jkpg.addEntry(entry('a0', { loggedAt: at(0) }), audited('entry.logged', 'a0'));
      expect(await latest()).to.equal('a1');
      // Logged in the same millisecond: the one stored later.
      await jkpg.addEntry(entry('a2', { loggedAt: at(1), count: 2 }), audited('entry.logged', 'a2'));
      expect(await latest()).to.equal('a2');
      // Someone else's, and one of theirs Anna removed, are not hers.
      await jkpg.addEntry(entry('b1', { by: BERIT, loggedAt: at(5) }), audited('entry.logged', 'b1'));
      await jkpg.removeEntry('jonkoping-2020', 'b1', removal, audited('entry.undone', 'b1'));
      expect(await latest()).to.equal('a2');
      await jkpg.removeEntry('jonkoping-2020', 'a2', removal, audited('entry.undone', 'a2'));
      expect(await latest()).to.equal('a1');
      await jkpg.restoreEntry('jonkoping-2020', 'a2', change, audited('entry.restored', 'a2'));
      expect(await latest()).to.equal('a2');
      await jkpg.editEntry('jonkoping-2020', 'a2', { ...entry('a2'), count: 4 }, change, audited('entry.edited', 'a2'));
      expect((await jkpg.latestEntryBy(ANNA.id))?.count).to.equal(4);
      // Another area's entry is not this area's latest.
      await port
        .records('habo')
        .addEntry(entry('h1', { loggedAt: at(9) }, 'habo-2020'), audited('entry.logged', 'h1', 'habo-2020'));
      expect(await latest()).to.equal('a2');
      expect((await port.records('habo').latestEntryBy(ANNA.id))?.id).to.equal('h1');
      // The same millisecond in a later agreement of the area: later in the area's order.
      const y2021 = {
        ...structuredClone(J2020),
        id: 'jonkoping-2021',
        period: { start: '2021-01-01', end: '2021-12-31' },
      };
      await port.areas.addAgreement(y2021, {
        at: AT.toISOString(),
        by: ANNA,
        via: 'chat',
        action: 'agreement.created',
        agreementId: y2021.id,
      });
      await jkpg.addEntry(
        entry('y1', { loggedAt: at(1), date: '2021-03-14' }, y2021.id),
        audited('entry.logged', 'y1', y2021.id),
      );
      expect(await latest()).to.equal('y1');
      await jkpg.removeEntry(y2021.id, 'y1', removal, audited('entry.undone', 'y1', y2021.id));
      expect(await latest()).to.equal('a2');
    });

    it("changes an area's version on every change of it, and not on another area's", async () => {
      const { port } = store();
      const jkpg = port.records('jonkoping');
      const habo = port.records('habo');
      const versions = new Set<string>([await jkpg.version()]);
      const haboVersion = await habo.version();
      const changed = async (what: string) => {
        const v = await jkpg.version();
        expect(versions.has(v), `version after ${what}`).to.equal(false);
        versions.add(v);
      };
      await jkpg.addEntry(entry('v1', { note: 'n' }), audited('entry.logged', 'v1'));
      await changed('addEntry');
      await jkpg.editEntry(
        'jonkoping-2020',
        'v1',
        { ...entry('v1'), note: 'n', count: 2 },
        change,
        audited('entry.edited', 'v1'),
      );
      await changed('editEntry');
      await jkpg.removeEntry('jonkoping-2020', 'v1', removal, audited('entry.undone', 'v1'));
      await changed('removeEntry');
      await jkpg.restoreEntry(
        'jonkoping-2020',
        'v1',
        { by: ANNA, at: AT.toISOString() },
        audited('entry.restored', 'v1'),
      );
      await changed('restoreEntry');
      await jkpg.addCompletion(
        'jonkoping-2020',
        { activityId: 'ssg', date: '2020-03-14', by: ANNA, at: AT.toISOString() },
        audited('milestone.done', 'v1'),
      );
      await changed('addCompletion');
      await jkpg.clearNotes(
        { entryId: 'v1' },
        { at: AT.toISOString(), reason: 'coordinator' },
        { at: AT.toISOString(), by: ANNA, via: 'chat', action: 'note.cleared' },
      );
      await changed('clearNotes');
      await port.areas.updateArea(
        'jonkoping',
        { kind: 'coordinatorAdded', who: 'aad-new' },
        { by: ANNA, at: AT, via: 'chat' },
      );
      await changed('updateArea');
      await port.areas.bind('conversation', 'conv-v', 'jonkoping', { by: ANNA, at: AT, via: 'chat' });
      await changed('bind');
      await port.areas.changeAgreement({ ...J2020, title: 'Nytt namn' }, { by: ANNA, at: AT, via: 'chat' }, []);
      await changed('changeAgreement');
      await port.areas.addAgreement(
        { ...structuredClone(J2020), id: 'jonkoping-2021', period: { start: '2021-01-01', end: '2021-12-31' } },
        { at: AT.toISOString(), by: ANNA, via: 'chat', action: 'agreement.created', agreementId: 'jonkoping-2021' },
      );
      await changed('addAgreement');
      expect(await habo.version()).to.equal(haboVersion);
      // Another area's change leaves this one's version.
      const now = await jkpg.version();
      await habo.addEntry(entry('h1', {}, H2020.id), audited('entry.logged', 'h1', H2020.id));
      expect(await jkpg.version()).to.equal(now);
      expect(await habo.version()).not.to.equal(haboVersion);
    });

    it('answers reads with copies: changing one changes nothing stored', async () => {
      const { port } = store();
      const jkpg = port.records('jonkoping');
      const added = await jkpg.addEntry(entry('e1'), audited('entry.logged', 'e1'));
      added.entry.count = 99;
      const [read] = await jkpg.entries('jonkoping-2020');
      if (read) read.count = 77;
      const [agreement] = await jkpg.agreements();
      if (agreement) agreement.title = 'ändrad';
      const [record] = await port.audit.read({ entryId: 'e1' });
      if (record) record.action = 'entry.removed';
      expect(await jkpg.entries('jonkoping-2020')).to.deep.equal([entry('e1')]);
      expect((await jkpg.agreement('jonkoping-2020'))?.title).to.equal(J2020.title);
      expect((await port.audit.read({ entryId: 'e1' }))[0]?.action).to.equal('entry.logged');
    });
  });
}
