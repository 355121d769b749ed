// The reminder rules as pure functions: a person known by any id, their choices, each week claimed once.
import { expect } from 'chai';
import fc from 'fast-check';
import type { ReminderPerson } from '../../src/domain/reminderRecord.js';
import {
  changePerson,
  claimNotice,
  claimReminderWeek,
  contactIsNews,
  findPerson,
  noteContact,
  pauseUntil,
  reminderSent,
  reported,
  setOff,
  unreachable,
} from '../../src/domain/reminderChange.js';

const AT = new Date('2020-03-16T08:00:00.000Z');
const anna = { id: '29:anna', aadObjectId: 'aad-anna', name: 'Anna' };

describe('reminder transitions', () => {
  it('knows a person by any of their ids and fills in the ids it lacked', () => {
    const first = changePerson([], { id: '29:anna', name: 'Anna' }, setOff(true, AT));
    const second = changePerson(first.records, anna, pauseUntil('2020-04-01'));
    expect(second.records).to.have.length(1);
    expect(second.result).to.deep.include({ userId: '29:anna', aadObjectId: 'aad-anna', pausedUntil: '2020-04-01' });
    expect(findPerson(second.records, { aadObjectId: 'aad-anna' })?.off).to.deep.equal({ at: AT.toISOString() });
    const on = changePerson(second.records, anna, setOff(false, AT)).result;
    expect(on.off).to.equal(undefined);
    expect(on.pausedUntil).to.equal(undefined);
  });

  it('writes a contact only when it tells something new', () => {
    const who = { ...anna, reference: { r: 1 } };
    expect(contactIsNews([], who)).to.equal(true);
    const { records } = changePerson([], who, noteContact(who.reference, who.name, AT));
    expect(contactIsNews(records, who)).to.equal(false);
    expect(contactIsNews(records, { ...who, reference: { r: 2 } })).to.equal(true);
    expect(contactIsNews(records, { ...who, upn: 'anna@x.se' })).to.equal(true);
  });

  it('keeps the first unreachable moment, records who was told, and a send clears it', () => {
    let people: ReminderPerson[] = changePerson([], anna, unreachable(AT, 403)).records;
    people = changePerson(people, anna, unreachable(new Date(AT.getTime() + 1000), 404)).records;
    expect(people[0]?.unreachable).to.deep.equal({ at: AT.toISOString(), status: 403 });
    people = changePerson(people, anna, reported(AT)).records;
    expect(people[0]?.unreachable?.reportedAt).to.equal(AT.toISOString());
    const sent = changePerson(people, anna, reminderSent(AT, { r: 9 })).result;
    expect(sent).to.deep.include({ sentAt: AT.toISOString(), reference: { r: 9 } });
    expect(sent.unreachable).to.equal(undefined);
  });

  it('claims a week only when later than every week claimed before, and a notice once per area', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 53 }), { maxLength: 20 }), (ws) => {
        let people: ReminderPerson[] = [];
        let latest = 0;
        for (const w of ws) {
          const next = claimReminderWeek(people, anna, `2020-W${String(w).padStart(2, '0')}`, AT);
          expect(next.result).to.equal(w > latest);
          if (next.result) latest = w;
          people = next.records;
          expect(people.length).to.be.at.most(1);
        }
      }),
    );
    const first = claimNotice([], 'jonkoping', 'k', AT);
    expect(first.result).to.equal(true);
    expect(claimNotice(first.records, 'jonkoping', 'k', AT).result).to.equal(false);
    expect(claimNotice(first.records, 'habo', 'k', AT).result).to.equal(true);
  });
});
