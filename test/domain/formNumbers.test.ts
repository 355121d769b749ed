// Issue 9: the log form's optional Deltagare and Timmar, read as typed.
import { expect } from 'chai';
import fc from 'fast-check';
import { readFormHours, readFormParticipants } from '../../src/domain/formNumbers.js';
import { MAX_HOURS, MAX_PARTICIPANTS } from '../../src/domain/logRequest.js';
import { render } from '../../src/views/catalogue.js';
import { logFormTexts } from '../../src/views/logFormTexts.js';

describe('log form numbers (Deltagare, Timmar)', () => {
  it('reads participants as a whole number, empty as none, and refuses the rest in Swedish', () => {
    expect(readFormParticipants(undefined)).to.deep.equal({ ok: true, value: undefined });
    expect(readFormParticipants('  ')).to.deep.equal({ ok: true, value: undefined });
    expect(readFormParticipants('7')).to.deep.equal({ ok: true, value: 7 });
    expect(readFormParticipants(12)).to.deep.equal({ ok: true, value: 12 });
    for (const bad of ['0', '-3', '2,5', 'sju', String(MAX_PARTICIPANTS + 1), 1.5]) {
      const read = readFormParticipants(bad);
      expect(read.ok, String(bad)).to.equal(false);
      expect(read.ok ? '' : render(logFormTexts, read.problem))
        .to.include('Deltagare')
        .and.include('heltal från 1');
    }
  });

  it('reads hours with a decimal comma or point, empty as none, and refuses the rest in Swedish', () => {
    expect(readFormHours('')).to.deep.equal({ ok: true, value: undefined });
    expect(readFormHours('1,5')).to.deep.equal({ ok: true, value: 1.5 });
    expect(readFormHours('1.5')).to.deep.equal({ ok: true, value: 1.5 });
    expect(readFormHours('2 h')).to.deep.equal({ ok: true, value: 2 });
    expect(readFormHours(3)).to.deep.equal({ ok: true, value: 3 });
    for (const bad of ['0', '25', 'två', '1,5,5', '-1', '19-21']) {
      const read = readFormHours(bad);
      expect(read.ok, bad).to.equal(false);
      expect(read.ok ? '' : render(logFormTexts, read.problem))
        .to.include('Timmar')
        .and.include(`högst ${MAX_HOURS} timmar`);
    }
  });

  it('any string: a value is in range, or there is a Swedish error; never a number outside the range', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.stringMatching(/^\d{1,3}([.,]\d{1,3})?( ?h)?$/u)), (typed) => {
        const hours = readFormHours(typed);
        if (hours.ok && hours.value !== undefined) expect(hours.value).to.be.greaterThan(0).and.at.most(MAX_HOURS);
        if (!hours.ok) expect(render(logFormTexts, hours.problem)).to.match(/^Timmar /u);
        const people = readFormParticipants(typed);
        if (people.ok && people.value !== undefined) {
          expect(Number.isInteger(people.value) && people.value >= 1 && people.value <= MAX_PARTICIPANTS).to.equal(
            true,
          );
        }
      }),
    );
  });
});
