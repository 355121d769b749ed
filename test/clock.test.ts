// BOT_TODAY: the shifted clock for tests and demos, and the configuration that guards it.
import { expect } from 'chai';
import fc from 'fast-check';
import { shiftedClock } from '../src/clock.js';
import { ConfigError, loadConfig } from '../src/config.js';
import { stockholmDate } from '../src/domain/calendar.js';

describe('BOT_TODAY', () => {
  it("the shifted clock's Stockholm day is the given day at any real moment, and time runs on", () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 0, 1) }), (ms) => {
        let real = ms;
        const clock = shiftedClock('2020-06-01', () => new Date(real));
        const first = clock.now();
        expect(stockholmDate(first)).to.equal('2020-06-01');
        real += 60_000;
        expect(clock.now().getTime() - first.getTime()).to.equal(60_000);
      }),
      { numRuns: 300 },
    );
  });

  it('gives the same moment whether or not it has just been read, across midnights and summer-time changes', () => {
    const instants = fc.array(fc.integer({ min: Date.UTC(2025, 2, 29), max: Date.UTC(2025, 10, 1) }), {
      minLength: 1,
      maxLength: 20,
    });
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2025, 2, 29), max: Date.UTC(2025, 2, 31) }), instants, (start, reads) => {
        let real = start;
        const warm = shiftedClock('2020-03-28', () => new Date(real));
        for (const ms of reads) {
          let once = start;
          const fresh = shiftedClock('2020-03-28', () => new Date(once));
          once = ms;
          real = ms;
          expect(warm.now().toISOString()).to.equal(fresh.now().toISOString());
        }
      }),
      { numRuns: 200 },
    );
  });

  it('keeps the day through the last hour of a 25-hour real day (summer time ends) and of any shifted day', () => {
    // 2021-10-31 23:00 in Stockholm (CET), 24 hours after its midnight (CEST): found by the property above.
    const real = Date.parse('2021-10-31T22:00:00Z');
    expect(stockholmDate(shiftedClock('2020-06-01', () => new Date(real)).now())).to.equal('2020-06-01');
    // A shifted day of 23 hours (summer time begins) holds a whole 24-hour real day too.
    const late = Date.parse('2026-11-24T22:30:00Z'); // 23:30 in Stockholm
    expect(stockholmDate(shiftedClock('2020-03-29', () => new Date(late)).now())).to.equal('2020-03-29');
  });

  it('turns to the next day when the real day turns', () => {
    let real = Date.parse('2026-11-24T22:30:00Z'); // 23:30 in Stockholm
    const clock = shiftedClock('2020-06-01', () => new Date(real));
    expect(stockholmDate(clock.now())).to.equal('2020-06-01');
    real += 60 * 60_000;
    expect(stockholmDate(clock.now())).to.equal('2020-06-02');
  });

  it('is read from the environment, checked, and refused in production', () => {
    expect(loadConfig({ BOT_TODAY: '2020-06-01' }).today).to.equal('2020-06-01');
    expect(loadConfig({}).today).to.equal(undefined);
    expect(() => loadConfig({ BOT_TODAY: '2020-02-30' })).to.throw(ConfigError, /BOT_TODAY: ska vara ett datum/u);
    expect(() =>
      loadConfig({
        BOT_TODAY: '2020-06-01',
        NODE_ENV: 'production',
        MicrosoftAppId: 'x',
        REPORT_SECRET: 'x'.repeat(32),
      }),
    ).to.throw(ConfigError, /bara till för test och demo/u);
  });
});
