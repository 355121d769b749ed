// Bindings: binding to a new area takes the binding from the old one, and the latest binding wins.
import { expect } from 'chai';
import fc from 'fast-check';
import { bindingOf, moveBinding, type StoredBinding } from '../../src/domain/binding.js';

const ANNA = { id: 'aad-anna', name: 'Anna' };

describe('binding moves', () => {
  it('moves a binding: the new area holds it, the old one loses it', () => {
    const areas = [
      {
        areaId: 'a',
        bindings: [{ target: 'conversation' as const, id: 'c1', by: ANNA, at: '2020-01-01T00:00:00.000Z' }],
      },
      { areaId: 'b', bindings: [] },
    ];
    const move = moveBinding(areas, {
      target: 'conversation',
      id: 'c1',
      areaId: 'b',
      by: ANNA,
      at: new Date('2020-02-01T00:00:00Z'),
    });
    expect(move.unboundFrom).to.deep.equal(['a']);
    expect(move.bindings.get('a')).to.deep.equal([]);
    expect(move.bindings.get('b')?.map((b) => b.id)).to.deep.equal(['c1']);
    expect(areas[0]?.bindings).to.have.length(1);
  });

  it('reads the latest binding when two areas claim it', () => {
    const at = (d: string): StoredBinding => ({ target: 'team', id: 't', by: ANNA, at: d });
    expect(
      bindingOf(
        [
          { areaId: 'a', bindings: [at('2020-03-01T00:00:00.000Z')] },
          { areaId: 'b', bindings: [at('2020-02-01T00:00:00.000Z')] },
        ],
        'team',
        't',
      ),
    ).to.deep.equal({ areaId: 'a', at: '2020-03-01T00:00:00.000Z' });
    expect(bindingOf([], 'team', 't')).to.equal(undefined);
  });

  it('after any sequence of binds, each conversation is held by one area: the last it was bound to', () => {
    const bind = fc.record({ id: fc.constantFrom('c1', 'c2', 'c3'), areaId: fc.constantFrom('a', 'b', 'c') });
    fc.assert(
      fc.property(fc.array(bind, { maxLength: 30 }), (binds) => {
        const areas = new Map<string, StoredBinding[]>([
          ['a', []],
          ['b', []],
          ['c', []],
        ]);
        const last = new Map<string, string>();
        binds.forEach((b, i) => {
          const move = moveBinding(
            [...areas].map(([areaId, bindings]) => ({ areaId, bindings })),
            { target: 'conversation', id: b.id, areaId: b.areaId, by: ANNA, at: new Date(Date.UTC(2020, 0, 1, 0, i)) },
          );
          for (const [areaId, bindings] of move.bindings) areas.set(areaId, bindings);
          last.set(b.id, b.areaId);
        });
        for (const [id, areaId] of last) {
          const holders = [...areas].filter(([, bs]) => bs.some((x) => x.id === id)).map(([a]) => a);
          expect(holders).to.deep.equal([areaId]);
          const all = [...areas].map(([a, bindings]) => ({ areaId: a, bindings }));
          expect(bindingOf(all, 'conversation', id)?.areaId).to.equal(areaId);
        }
      }),
    );
  });
});
