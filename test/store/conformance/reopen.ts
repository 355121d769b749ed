// Conformance for stores that keep their data across a restart: what was acknowledged before a
// clean close reads the same after the store is opened again.
import { expect } from 'chai';
import { setupAudit } from '../../support/audit.js';
import type { StorePort } from '../../../src/app/port/index.js';
import type { MakeStore } from './index.js';
import { ANNA, AT, CHANGE_BY, audited, entry, freshStore } from './fixtures.js';

/** Everything the port reads, for comparing two openings of the same data. */
async function everything(port: StorePort) {
  const areas = await port.areas.areas();
  const perArea = await Promise.all(
    areas.map(async (a) => {
      const records = port.records(a.id);
      const agreements = await records.agreements();
      return {
        area: a,
        history: await port.areas.history(a.id),
        agreements,
        entries: await records.allEntries(),
        completions: await Promise.all(agreements.map((x) => records.completions(x.id))),
      };
    }),
  );
  return {
    perArea,
    binding: await port.areas.binding('conversation', 'c1'),
    audit: await port.audit.read(),
    subscriptions: await port.subscriptions.all(),
    meetings: await port.meetings.active(),
    people: await port.reminders.all(),
    notices: [...(await port.reminders.noticesSent('jonkoping'))],
    trusted: await port.serviceUrls.isTrusted('t1', 'https://smba.trafficmanager.net/emea'),
  };
}

export function reopenConformance(makeStore: MakeStore): void {
  describe('after a close and a reopen', () => {
    const store = freshStore(makeStore);

    it('reads the same data as before', async function () {
      const made = store();
      if (!made.reopen) this.skip();
      const { port } = made;
      const jkpg = port.records('jonkoping');
      await jkpg.addEntry(entry('e1', { sourceId: 'msg:1', note: 'anteckning' }), audited('entry.logged', 'e1'));
      await jkpg.addEntry(entry('e2'), audited('entry.logged', 'e2'));
      await jkpg.removeEntry(
        'jonkoping-2020',
        'e2',
        { by: ANNA, at: AT.toISOString(), reason: 'undo' },
        audited('entry.undone', 'e2'),
      );
      await jkpg.editEntry(
        'jonkoping-2020',
        'e1',
        { ...entry('e1'), count: 3, note: 'ny' },
        { by: ANNA, at: AT.toISOString(), reason: 'edit' },
        audited('entry.edited', 'e1'),
      );
      await jkpg.addCompletion(
        'jonkoping-2020',
        { activityId: 'ssg', date: '2020-03-14', by: ANNA, at: AT.toISOString() },
        audited('milestone.done', 'e1'),
      );
      await port.areas.updateArea('jonkoping', { kind: 'coordinatorAdded', who: 'aad-ny' }, CHANGE_BY);
      await port.areas.bind('conversation', 'c1', 'habo', CHANGE_BY);
      await port.subscriptions.subscribe(
        {
          conversation: { id: 'c1', kind: 'channel' },
          reference: { r: 1 },
          schedule: { weekday: 4, time: '07:30' },
          by: ANNA,
          at: AT,
          newId: () => 'sub-1',
        },
        setupAudit(),
      );
      await port.meetings.set(
        {
          conversationId: 'c1',
          areaId: 'habo',
          reference: {},
          weekday: 2,
          time: '09:00',
          activityId: 'ssg',
          since: AT.toISOString(),
          by: ANNA,
        },
        () => 'meet-1',
        setupAudit('meeting.changed'),
      );
      await port.reminders.claim({ id: '29:anna', name: 'Anna' }, '2020-W12', AT);
      await port.reminders.claimNotice('jonkoping', '2020-T1-ended', AT);
      await port.serviceUrls.trust('t1', 'https://smba.trafficmanager.net/emea/', AT);
      await port.settled();
      const before = await everything(port);
      const reopened = await made.reopen();
      made.port = reopened;
      expect(await everything(reopened)).to.deep.equal(before);
      expect((await reopened.records('jonkoping').findBySource('msg:1'))?.id).to.equal('e1');
      const again = await reopened
        .records('jonkoping')
        .addEntry(entry('e9', { sourceId: 'msg:1' }), audited('entry.logged', 'e9'));
      expect(again.stored).to.equal(false);
    });
  });
}
