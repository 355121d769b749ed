// Which days a target counts: weekend nights count Friday to Sunday, everything else every day;
// the status counts a weekend exactly when this says the day counts.
import { readFileSync } from 'node:fs';
import { expect } from 'chai';
import fc from 'fast-check';
import { agreementSchema, type Activity } from '../../src/domain/agreement.js';
import { addDays, isoWeekday } from '../../src/domain/calendar.js';
import { whyNotCounted } from '../../src/domain/counting.js';
import { periodsCovered } from '../../src/domain/status.js';

const agreement = agreementSchema.parse(
  JSON.parse(readFileSync(new URL('../../data/agreements/jonkoping-2020.json', import.meta.url), 'utf8')),
);
const activity = (id: string): Activity => {
  const found = agreement.activities.find((a) => a.id === id);
  if (!found) throw new Error(id);
  return found;
};

describe('counting.whyNotCounted', () => {
  it('a Wednesday does not count for weekend nights; Friday, Saturday and Sunday do', () => {
    const nights = activity('krogtillsyn-natthelger');
    expect(whyNotCounted(nights, '2020-10-14')).to.deep.equal({ reason: 'weekendNightsOnly', weekday: 3 });
    expect(whyNotCounted(nights, '2020-10-15')).to.deep.equal({ reason: 'weekendNightsOnly', weekday: 4 });
    for (const day of ['2020-10-09', '2020-10-10', '2020-10-11'])
      expect(whyNotCounted(nights, day), day).to.equal(undefined);
  });

  it('count, weekly, monthly and milestone targets count every day', () => {
    const day = fc.integer({ min: 0, max: 365 }).map((n) => addDays('2020-01-01', n));
    fc.assert(
      fc.property(
        day,
        fc.constantFrom('gemensam-krogtillsyn', 'torsdagsmote', 'ssg', 'sig', 'grannsamverkan'),
        (d, id) => {
          expect(whyNotCounted(activity(id), d)).to.equal(undefined);
        },
      ),
    );
  });

  it('an entry on a day that counts covers a weekend in the status; one on a day that does not, none', () => {
    const nights = activity('krogtillsyn-natthelger');
    const day = fc.integer({ min: 0, max: 360 }).map((n) => addDays('2020-01-01', n));
    fc.assert(
      fc.property(day, (d) => {
        const covered = periodsCovered('weekendNights', [d], '2020-01-01', '2020-12-31').covered;
        expect(covered, `${d} (weekday ${isoWeekday(d)})`).to.equal(whyNotCounted(nights, d) ? 0 : 1);
      }),
    );
  });
});
