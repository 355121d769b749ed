import { expect } from 'chai';
import fc from 'fast-check';
import { givenDetails } from '../../src/domain/entry.js';

describe('givenDetails: the optional details of a log, as an entry stores them', () => {
  it('keeps what was given and leaves out an empty place or note and undefined numbers', () => {
    expect(givenDetails({ place: 'Öxnehaga', hours: 2, participants: 6, note: 'lugn kväll' })).to.deep.equal({
      place: 'Öxnehaga',
      hours: 2,
      participants: 6,
      note: 'lugn kväll',
    });
    const none = givenDetails({ place: '', hours: undefined, participants: undefined, note: '' });
    expect(none).to.deep.equal({});
    expect(JSON.stringify({ count: 1, ...none })).to.equal('{"count":1}');
  });

  it('never holds a key whose value is undefined or empty, and never changes a given value', () => {
    const optionalText = fc.option(fc.string(), { nil: undefined });
    const optionalNumber = fc.option(fc.integer({ min: 1, max: 1000 }), { nil: undefined });
    fc.assert(
      fc.property(optionalText, optionalNumber, optionalNumber, optionalText, (place, hours, participants, note) => {
        const details = givenDetails({ place, hours, participants, note });
        for (const value of Object.values(details)) expect(value === undefined || value === '').to.equal(false);
        if (place) expect(details.place).to.equal(place);
        if (hours !== undefined) expect(details.hours).to.equal(hours);
        if (participants !== undefined) expect(details.participants).to.equal(participants);
        if (note) expect(details.note).to.equal(note);
      }),
    );
  });
});
