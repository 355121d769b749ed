// The PostgreSQL store and the file store, given the same changes through the port, hold the same
// entries, day totals, occasions and audit trail: random sequences of logs (some redelivered, some
// joining an occasion), removals, edits, restores and note clearings.
import { expect } from 'chai';
import fc from 'fast-check';
import type { Agreement } from '../../../src/domain/agreement.js';
import type { NewAuditRecord } from '../../../src/domain/audit.js';
import type { AreaRecords, StorePort } from '../../../src/app/port/index.js';
import { fileStorePort } from '../../../src/store/filePort.js';
import { openPostgresStore, type PostgresStore } from '../../../src/store/postgres/index.js';
import { MemoryStorage } from '../../../src/store/storage.js';
import { Store } from '../../../src/store/store.js';
import { sampleEntry } from '../../support/entries.js';
import { bundledAgreements } from '../../support/fakes.js';
import { freshDatabase } from './database.js';

const anna = { id: 'aad-anna', name: 'Anna' };
const ACTIVITIES = ['gemensam-krogtillsyn', 'grannsamverkan'] as const;
const DAYS = ['2020-03-14', '2020-03-15', '2020-03-16'] as const;

type Op =
  | { op: 'add'; n: number; activity: number; day: number; count: number; source: number; join: boolean; note: boolean }
  | { op: 'remove' | 'restore' | 'clearNote'; n: number }
  | { op: 'edit'; n: number; count: number; day: number };

const opArbitrary: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    op: fc.constant('add' as const),
    n: fc.integer({ min: 1, max: 8 }),
    activity: fc.integer({ min: 0, max: 1 }),
    day: fc.integer({ min: 0, max: 2 }),
    count: fc.integer({ min: 1, max: 4 }),
    source: fc.integer({ min: 1, max: 6 }),
    join: fc.boolean(),
    note: fc.boolean(),
  }),
  fc.record({
    op: fc.constantFrom('remove' as const, 'restore' as const, 'clearNote' as const),
    n: fc.integer({ min: 1, max: 8 }),
  }),
  fc.record({
    op: fc.constant('edit' as const),
    n: fc.integer({ min: 1, max: 8 }),
    count: fc.integer({ min: 1, max: 4 }),
    day: fc.integer({ min: 0, max: 2 }),
  }),
);

const audit = (action: NewAuditRecord['action'], agreementId: string, entryId: string): NewAuditRecord => ({
  at: '2020-03-20T10:00:00.000Z',
  by: anna,
  via: 'chat',
  action,
  agreementId,
  entryId,
});

/** Applies one change; what the port answered, as plain data to compare. */
async function apply(records: AreaRecords, agreementId: string, op: Op, step: number): Promise<unknown> {
  const id = `e${op.n}`;
  const at = `2020-03-20T10:${String(step).padStart(2, '0')}:00.000Z`;
  switch (op.op) {
    case 'add': {
      const result = await records
        .addEntry(
          sampleEntry(op.n, {
            id: `${id}-${step}`,
            agreementId,
            activityId: ACTIVITIES[op.activity]!,
            date: DAYS[op.day]!,
            count: op.count,
            sourceId: `m${op.source}`,
            ...(op.join ? { occasionId: 'e1-0' } : {}),
            ...(op.note ? { note: 'anteckning' } : {}),
          }),
          audit('entry.logged', agreementId, `${id}-${step}`),
        )
        .catch((e: Error) => e.name);
      return typeof result === 'string' ? result : { stored: result.stored, id: result.entry.id };
    }
    case 'remove':
    case 'restore':
    case 'edit': {
      const target = (await records.entries(agreementId)).find((e) => e.id.startsWith(`${id}-`));
      if (!target) return 'none';
      if (op.op === 'remove')
        return (
          await records.removeEntry(
            agreementId,
            target.id,
            { by: anna, at, reason: 'messageDeleted' },
            audit('entry.removed', agreementId, target.id),
          )
        )?.id;
      if (op.op === 'restore')
        return (
          await records.restoreEntry(
            agreementId,
            target.id,
            { by: anna, at },
            audit('entry.restored', agreementId, target.id),
          )
        )?.id;
      if (op.op !== 'edit') return 'none';
      return (
        await records.editEntry(
          agreementId,
          target.id,
          { activityId: target.activityId, date: DAYS[op.day]!, count: op.count },
          { by: anna, at, reason: 'edit' },
          audit('entry.edited', agreementId, target.id),
        )
      )?.id;
    }
    case 'clearNote': {
      const target = (await records.entries(agreementId)).find((e) => e.id.startsWith(`${id}-`));
      if (!target) return 'none';
      const cleared = await records.clearNotes(
        { entryId: target.id },
        { at, reason: 'coordinator', by: anna },
        { at, by: anna, via: 'card', action: 'note.cleared' },
      );
      return cleared.map((e) => e.id);
    }
  }
}

/** What a user or a report sees of the area: entries, each day's totals and occasions, the audit trail's actions. */
async function seen(port: StorePort, records: AreaRecords, agreementId: string): Promise<unknown> {
  const entries = await records.entries(agreementId);
  const perActivity = await Promise.all(
    ACTIVITIES.map(async (activity) => ({
      // The port says date order; the file store gives them in the order first logged.
      days: [...(await records.dayTotals(agreementId, activity))].sort((a, b) => a.date.localeCompare(b.date)),
      occasions: await Promise.all(DAYS.map((d) => records.occasionsOn(agreementId, activity, d))),
    })),
  );
  const trail = (await port.audit.read({ agreementId })).map((r) => [r.action, r.entryId, r.entryIds]);
  return { entries, perActivity, trail };
}

describe('PostgreSQL store: the same as the file store', () => {
  const database = freshDatabase();
  let pgStore: PostgresStore;
  let template: Agreement;
  let run = 0;

  before(async () => {
    pgStore = await openPostgresStore({ url: database.url() });
    template = (await bundledAgreements()).find((a) => a.id === 'jonkoping-2020')!;
  });
  after(async () => {
    await pgStore?.close();
  });

  it('answers and stores the same for any sequence of changes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArbitrary, { minLength: 1, maxLength: 14 }), async (ops) => {
        const areaId = `x${++run}`;
        const agreement: Agreement = { ...structuredClone(template), id: `${areaId}-2020`, area: areaId };
        const file = fileStorePort(await Store.open(new MemoryStorage(), [agreement]));
        await pgStore.areas.addArea(
          { id: areaId, name: 'Område', policeArea: 'Polis', tenants: [], coordinators: [] },
          [agreement],
          { by: anna, at: new Date('2020-03-01T00:00:00Z'), via: 'cli' },
        );
        const fileRecords = file.records(areaId);
        const pgRecords = pgStore.records(areaId);
        for (const [step, op] of ops.entries()) {
          const [a, b] = [
            await apply(fileRecords, agreement.id, op, step),
            await apply(pgRecords, agreement.id, op, step),
          ];
          expect(b, `step ${step}: ${JSON.stringify(op)}`).to.deep.equal(a);
        }
        const fileSeen = (await seen(file, fileRecords, agreement.id)) as { trail: unknown[] };
        const pgSeen = (await seen(pgStore, pgRecords, agreement.id)) as { trail: unknown[] };
        // The file store's seeding records the agreement's creation; the PostgreSQL area was added by hand.
        fileSeen.trail = fileSeen.trail.filter((r) => (r as string[])[0] !== 'agreement.created');
        expect(pgSeen).to.deep.equal(fileSeen);
      }),
      { numRuns: 25 },
    );
  });
});
