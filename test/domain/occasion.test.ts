// The occasion model (src/domain/occasion.ts): one time the work was done, however many people log
// it. What the status card, the summaries, the follow-up and the CSV count.
import { expect } from 'chai';
import fc from 'fast-check';
import type { Entry, Person } from '../../src/domain/entry.js';
import {
  occasionParticipants,
  occasionToJoin,
  occasionTotal,
  occasionsOf,
  samePlace,
  type OccasionDraft,
} from '../../src/domain/occasion.js';

const JOHAN: Person = { id: 'aad-johan', name: 'Johan Berg' };
const LINA: Person = { id: 'aad-lina', name: 'Lina Ek' };
const OLLE: Person = { id: 'aad-olle', name: 'Olle Ström' };

let n = 0;
function entry(by: Person, over: Partial<Entry> = {}): Entry {
  n++;
  return {
    id: `e${n}`,
    agreementId: 'jonkoping-2020',
    activityId: 'gemensam-krogtillsyn',
    date: '2020-10-13',
    place: 'Öxnehaga',
    count: 1,
    by,
    loggedAt: `2020-10-13T20:${String(n % 60).padStart(2, '0')}:00.000Z`,
    ...over,
  };
}

const draft: OccasionDraft = {
  agreementId: 'jonkoping-2020',
  activityId: 'gemensam-krogtillsyn',
  date: '2020-10-13',
  place: 'Öxnehaga',
};

describe('occasions (tillfällen)', () => {
  it('an entry without an occasion id (stored before occasions) is an occasion of its own: never merged', () => {
    const a = entry(JOHAN);
    const b = entry(LINA);
    const occasions = occasionsOf([a, b]);
    expect(occasions.map((o) => o.id)).to.deep.equal([a.id, b.id]);
    expect(occasionTotal(occasions)).to.equal(2);
  });

  it('a joining entry makes one occasion with both people; it counts once', () => {
    const first = entry(JOHAN, { occasionId: 'x' });
    const joined = entry(LINA, { occasionId: 'x' });
    const [only, ...rest] = occasionsOf([first, joined]);
    expect(rest).to.have.length(0);
    expect(only).to.deep.include({ id: 'x', count: 1, participants: 2, place: 'Öxnehaga' });
    expect(only?.people.map((p) => p.name)).to.deep.equal(['Johan Berg', 'Lina Ek']);
  });

  it('the count is the largest given: "3 tillfällen" from the first logger is three, joiners add nothing', () => {
    const first = entry(JOHAN, { occasionId: 'x', count: 3 });
    const joined = entry(LINA, { occasionId: 'x', count: 1 });
    expect(occasionTotal(occasionsOf([first, joined]))).to.equal(3);
  });

  it('participants are never added up: the largest given, or the people who logged it if more', () => {
    const six = entry(JOHAN, { occasionId: 'x', participants: 6 });
    const eight = entry(LINA, { occasionId: 'x', participants: 8 });
    const none = entry(OLLE, { occasionId: 'x' });
    expect(occasionsOf([six, eight, none])[0]?.participants).to.equal(8);
    expect(
      occasionsOf([
        entry(JOHAN, { occasionId: 'y', participants: 2 }),
        entry(LINA, { occasionId: 'y' }),
        entry(OLLE, { occasionId: 'y' }),
      ])[0]?.participants,
    ).to.equal(3);
    expect(occasionsOf([entry(JOHAN)])[0]?.participants).to.equal(undefined);
    expect(occasionParticipants(undefined, 1)).to.equal(undefined);
    expect(occasionParticipants(undefined, 2)).to.equal(2);
    expect(occasionParticipants(30, 3)).to.equal(30);
  });

  it('hours are how long the work took: the largest given', () => {
    const o = occasionsOf([entry(JOHAN, { occasionId: 'x', hours: 2 }), entry(LINA, { occasionId: 'x', hours: 1.5 })]);
    expect(o[0]?.hours).to.equal(2);
  });

  it('the occasion remains while any of its entries does: its first entry taken back, it still counts once', () => {
    const first = entry(JOHAN, { id: 'x', occasionId: 'x' });
    const joined = entry(LINA, { occasionId: 'x' });
    const removed = { ...first, removed: { by: JOHAN, at: '2020-10-14T08:00:00.000Z', reason: 'undo' as const } };
    const occasions = occasionsOf([removed, joined]);
    expect(occasions).to.have.length(1);
    expect(occasions[0]?.people).to.deep.equal([LINA]);
    expect(occasionTotal(occasions)).to.equal(1);
    expect(occasionsOf([removed])).to.have.length(0);
  });

  it('an entry moved to another day is not part of the occasion it joined', () => {
    const first = entry(JOHAN, { occasionId: 'x' });
    const moved = entry(LINA, { occasionId: 'x', date: '2020-10-12' });
    expect(occasionsOf([first, moved])).to.have.length(2);
  });

  it('finds the occasion someone else logged: same activity and day, the same place when both name one', () => {
    const occasions = occasionsOf([entry(JOHAN, { occasionId: 'x' })]);
    expect(occasionToJoin(occasions, draft, LINA.id)?.id).to.equal('x');
    expect(occasionToJoin(occasions, { ...draft, place: 'oxnehaga' }, LINA.id)?.id).to.equal('x');
    expect(occasionToJoin(occasions, { ...draft, place: undefined }, LINA.id)?.id).to.equal('x');
    expect(occasionToJoin(occasions, { ...draft, place: 'Österängen' }, LINA.id)).to.equal(undefined);
    expect(occasionToJoin(occasions, { ...draft, date: '2020-10-12' }, LINA.id)).to.equal(undefined);
    expect(occasionToJoin(occasions, { ...draft, activityId: 'ssg' }, LINA.id)).to.equal(undefined);
    // One's own occasion is the "logga igen?" question, not this one.
    expect(occasionToJoin(occasions, draft, JOHAN.id)).to.equal(undefined);
    expect(samePlace(undefined, 'Öxnehaga')).to.equal(true);
    expect(samePlace('ÖXNEHAGA', 'oxnehaga')).to.equal(true);
  });

  it('of several occasions that day, offers the one logged last', () => {
    const early = entry(JOHAN, { occasionId: 'a', loggedAt: '2020-10-13T18:00:00.000Z' });
    const late = entry(LINA, { occasionId: 'b', loggedAt: '2020-10-13T22:00:00.000Z' });
    expect(occasionToJoin(occasionsOf([early, late]), draft, OLLE.id)?.id).to.equal('b');
  });

  // What the app does with each log: find the occasion to join, and join it unless the person says no.
  function simulate(logs: readonly { person: number; count: number; participants?: number; saysOther: boolean }[]) {
    const entries: Entry[] = [];
    logs.forEach((log, i) => {
      const person = { id: `p${log.person}`, name: `Person ${log.person}` };
      const found = occasionToJoin(occasionsOf(entries), draft, person.id);
      const id = `log${i}`;
      entries.push(
        entry(person, {
          id,
          occasionId: found && !log.saysOther ? found.id : id,
          count: log.count,
          loggedAt: `2020-10-13T20:00:${String(i % 60).padStart(2, '0')}.${String(i).padStart(3, '0')}Z`,
          ...(log.participants !== undefined ? { participants: log.participants } : {}),
        }),
      );
    });
    return occasionsOf(entries);
  }

  const logs = (saysOther: fc.Arbitrary<boolean>) =>
    fc.uniqueArray(fc.integer({ min: 0, max: 50 }), { minLength: 1, maxLength: 12 }).chain((people) =>
      fc.tuple(
        ...people.map((person) =>
          fc.record({
            person: fc.constant(person),
            count: fc.integer({ min: 1, max: 4 }),
            participants: fc.option(fc.integer({ min: 1, max: 40 }), { nil: undefined }),
            saysOther,
          }),
        ),
      ),
    );

  it('property: any number of people logging the same activity, day and place make one occasion', () => {
    fc.assert(
      fc.property(logs(fc.constant(false)), (all) => {
        const occasions = simulate(all);
        expect(occasions).to.have.length(1);
        const [only] = occasions;
        expect(only?.people).to.have.length(all.length);
        expect(only?.count).to.equal(Math.max(...all.map((l) => l.count)));
        const given = all.flatMap((l) => (l.participants === undefined ? [] : [l.participants]));
        // Never summed: the largest given, or the people who logged it.
        const expected =
          given.length === 0 ? (all.length > 1 ? all.length : undefined) : Math.max(...given, all.length);
        expect(only?.participants).to.equal(expected);
      }),
    );
  });

  it('property: … unless one of them says it was another: each "no" is one more occasion, never more', () => {
    fc.assert(
      fc.property(logs(fc.boolean()), (all) => {
        const occasions = simulate(all);
        // The first logger is never asked; everyone after says yes or no.
        const noes = all.slice(1).filter((l) => l.saysOther).length;
        expect(occasions).to.have.length(1 + noes);
        // Every person is in exactly one occasion, and nobody is counted twice.
        expect(occasions.reduce((sum, o) => sum + o.people.length, 0)).to.equal(all.length);
        const largest = Math.max(...all.map((l) => l.participants ?? 0), all.length);
        for (const o of occasions) expect(o.participants ?? 0).to.be.at.most(largest);
      }),
    );
  });
});
