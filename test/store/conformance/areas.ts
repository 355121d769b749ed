// Conformance: areas, their settings and history, agreements, and bindings.
import { expect } from 'chai';
import type { AreaChangeRefusal } from '../../../src/domain/areaChange.js';
import type { MakeStore } from './index.js';
import { ANNA, AT, CHANGE_BY, H2020, HABO, J2020, JKPG, audited, entry, freshStore } from './fixtures.js';

const later = (minutes: number) => ({ ...CHANGE_BY, at: new Date(AT.getTime() + minutes * 60_000) });

export function areaConformance(makeStore: MakeStore): void {
  describe('areas, agreements and bindings', () => {
    const store = freshStore(makeStore);

    it('lists the seeded areas with their history', async () => {
      const { port } = store();
      expect((await port.areas.areas()).map((a) => a.id).sort()).to.deep.equal(['habo', 'jonkoping']);
      expect(await port.areas.area('habo')).to.deep.equal(HABO);
      expect(await port.areas.area('nowhere')).to.equal(undefined);
      expect((await port.areas.history('habo')).map((h) => h.action)).to.deep.equal(['created']);
    });

    it('refuses an area whose id is taken, or whose agreement id is used elsewhere, and stores nothing', async () => {
      const { port } = store();
      const audit = await port.audit.read();
      const attempts = [
        () => port.areas.addArea({ ...HABO, name: 'Annat' }, [], CHANGE_BY),
        () => port.areas.addArea({ ...HABO, id: 'tranas' }, [{ ...H2020, area: 'tranas' }], CHANGE_BY),
        () =>
          port.areas.addArea(
            { ...HABO, id: 'aneby' },
            [
              { ...H2020, id: 'aneby-1', area: 'aneby' },
              { ...H2020, id: 'aneby-2', area: 'aneby' },
            ],
            CHANGE_BY,
          ),
      ];
      for (const attempt of attempts) {
        let refused = false;
        await attempt().catch(() => (refused = true));
        expect(refused).to.equal(true);
      }
      expect((await port.areas.areas()).map((a) => a.id).sort()).to.deep.equal(['habo', 'jonkoping']);
      expect((await port.areas.area('habo'))?.name).to.equal(HABO.name);
      expect(await port.audit.read()).to.deep.equal(audit);
    });

    it('applies a settings change with its history line and audit record', async () => {
      const { port } = store();
      const result = await port.areas.updateArea('jonkoping', { kind: 'coordinatorAdded', who: 'aad-new' }, CHANGE_BY);
      expect(result).to.deep.include({ ok: true, action: 'coordinatorAdded' });
      expect((await port.areas.area('jonkoping'))?.coordinators).to.deep.equal(['aad-sam', 'aad-new']);
      expect((await port.areas.history('jonkoping')).at(-1)).to.deep.include({ action: 'coordinatorAdded', by: ANNA });
      const records = await port.audit.read({ areaId: 'jonkoping' });
      expect(records.at(-1)).to.deep.include({ action: 'coordinators.changed', areaId: 'jonkoping', via: 'chat' });
      expect((await port.audit.read({ areaId: 'habo' })).some((r) => r.action === 'coordinators.changed')).to.equal(
        false,
      );
    });

    it('stores nothing for a refused settings change, and keeps the version', async () => {
      const { port } = store();
      const version = await port.records('jonkoping').version();
      const audit = await port.audit.read();
      const history = await port.areas.history('jonkoping');
      const refusals = [
        { kind: 'coordinatorAdded' as const, who: 'AAD-SAM' },
        { kind: 'coordinatorRemoved' as const, who: 'aad-sam' },
        { kind: 'coordinatorRemoved' as const, who: 'aad-nobody' },
        { kind: 'settingsSet' as const },
      ];
      const codes: AreaChangeRefusal['code'][] = [];
      for (const change of refusals) {
        const result = await port.areas.updateArea('jonkoping', change, CHANGE_BY);
        if (!result.ok) codes.push(result.code);
      }
      expect(codes).to.deep.equal(['coordinator.already', 'coordinator.last', 'coordinator.notOne', 'unchanged']);
      expect(await port.areas.area('jonkoping')).to.deep.equal(JKPG);
      expect(await port.areas.history('jonkoping')).to.deep.equal(history);
      expect(await port.audit.read()).to.deep.equal(audit);
      expect(await port.records('jonkoping').version()).to.equal(version);
    });

    it('adds an agreement to its area with its audit record, and refuses a taken id or an overlapping period', async () => {
      const { port } = store();
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
      expect((await port.records('jonkoping').agreements()).map((a) => a.id)).to.deep.equal([
        'jonkoping-2020',
        'jonkoping-2021',
      ]);
      expect((await port.records('habo').agreements()).map((a) => a.id)).to.deep.equal(['habo-2020']);
      expect((await port.audit.read({ agreementId: 'jonkoping-2021' })).map((r) => r.action)).to.deep.equal([
        'agreement.created',
      ]);
      const before = await port.audit.read();
      for (const refused of [
        { ...y2021, area: 'habo' },
        { ...y2021, id: 'jonkoping-2021b', period: { start: '2021-06-01', end: '2022-05-31' } },
      ]) {
        let threw = false;
        await port.areas
          .addAgreement(refused, {
            at: AT.toISOString(),
            by: ANNA,
            via: 'chat',
            action: 'agreement.created',
            agreementId: refused.id,
          })
          .catch(() => (threw = true));
        expect(threw, refused.id).to.equal(true);
      }
      expect((await port.records('habo').agreements()).map((a) => a.id)).to.deep.equal(['habo-2020']);
      expect((await port.records('jonkoping').agreements()).map((a) => a.id)).to.have.length(2);
      expect(await port.audit.read()).to.deep.equal(before);
    });

    it('lets areas overlap each other: the same period in two areas is fine', async () => {
      const { port } = store();
      expect((await port.records('habo').agreement('habo-2020'))?.period).to.deep.equal(J2020.period);
    });

    it('changes an agreement with its audit records, and refuses one that would leave an entry outside it', async () => {
      const { port } = store();
      const jkpg = port.records('jonkoping');
      await jkpg.addEntry(entry('e1', { date: '2020-11-01' }), audited('entry.logged', 'e1'));
      const fieldRecord = {
        at: AT.toISOString(),
        by: ANNA,
        via: 'chat' as const,
        action: 'agreement.changed' as const,
        agreementId: J2020.id,
        detail: 'title',
      };
      await port.areas.changeAgreement({ ...J2020, title: 'Nytt namn' }, CHANGE_BY, [fieldRecord]);
      expect((await jkpg.agreement(J2020.id))?.title).to.equal('Nytt namn');
      expect((await port.audit.read({ agreementId: J2020.id })).map((r) => r.action)).to.include('agreement.changed');
      expect((await port.areas.history('jonkoping')).at(-1)).to.deep.include({
        action: 'agreementChanged',
        detail: J2020.id,
      });

      const before = await port.audit.read();
      const version = await jkpg.version();
      for (const refused of [
        { ...J2020, period: { start: '2020-01-01', end: '2020-06-30' } },
        { ...J2020, activities: J2020.activities.filter((a) => a.id !== 'gemensam-krogtillsyn') },
        { ...H2020, title: 'från fel område', area: 'jonkoping' },
      ]) {
        let threw = false;
        await port.areas.changeAgreement(refused, CHANGE_BY, [fieldRecord]).catch(() => (threw = true));
        expect(threw).to.equal(true);
      }
      expect((await jkpg.agreement(J2020.id))?.period).to.deep.equal(J2020.period);
      expect((await jkpg.agreement(J2020.id))?.activities).to.deep.equal(J2020.activities);
      expect((await port.records('habo').agreement(H2020.id))?.title).to.equal(H2020.title);
      expect(await port.audit.read()).to.deep.equal(before);
      expect(await jkpg.version()).to.equal(version);
    });

    it('moves a binding between areas: binding to a new area unbinds it from the old one', async () => {
      const { port } = store();
      expect(await port.areas.binding('conversation', 'c1')).to.equal(undefined);
      await port.areas.bind('conversation', 'c1', 'jonkoping', later(1));
      expect(await port.areas.binding('conversation', 'c1')).to.deep.equal({
        areaId: 'jonkoping',
        at: later(1).at.toISOString(),
      });
      await port.areas.bind('conversation', 'c1', 'habo', later(2));
      expect(await port.areas.binding('conversation', 'c1')).to.deep.equal({
        areaId: 'habo',
        at: later(2).at.toISOString(),
      });
      expect((await port.areas.history('jonkoping')).map((h) => h.action)).to.include.members(['bound', 'unbound']);
      expect((await port.areas.history('habo')).at(-1)?.action).to.equal('bound');
      expect(
        (await port.audit.read({ areaId: 'jonkoping' })).filter((r) => r.action === 'binding.changed'),
      ).to.have.length(2);
      expect((await port.audit.read({ areaId: 'habo' })).filter((r) => r.action === 'binding.changed')).to.have.length(
        1,
      );
      // A team's binding is a binding of its own.
      expect(await port.areas.binding('team', 'c1')).to.equal(undefined);
      // Binding back wins again, however often it moves.
      await port.areas.bind('conversation', 'c1', 'jonkoping', later(3));
      expect((await port.areas.binding('conversation', 'c1'))?.areaId).to.equal('jonkoping');
    });
  });
}
