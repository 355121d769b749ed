// Pacing under Teams' limits, on a fake clock: 7 messages a second per conversation, 30 requests a
// second per tenant, tenants independent.
import { expect } from 'chai';
import { Pacer, TEAMS_LIMITS } from '../../src/scheduler/pacer.js';
import { FakeClock } from '../support/fakes.js';

function pacer() {
  const clock = new FakeClock('2026-11-26T06:30:00Z');
  // Concurrent callers: a sleep resolves when the test's clock passes its wake-up time.
  const sleepers: { until: number; resolve: () => void }[] = [];
  const p = new Pacer(
    TEAMS_LIMITS,
    () => clock.now().getTime(),
    (ms) => new Promise((resolve) => sleepers.push({ until: clock.now().getTime() + ms, resolve })),
  );
  const slots: { key: string; at: number }[] = [];
  const take = async (conversation: string, tenant: string | undefined) => {
    await p.acquire(conversation, tenant);
    slots.push({ key: `${tenant}/${conversation}`, at: clock.now().getTime() });
  };
  /** Runs the callers to the end, moving the clock from one wake-up to the next. */
  const drain = async (all: Promise<void>[]) => {
    const done = Promise.all(all);
    let finished = false;
    void done.then(() => (finished = true));
    while (!finished) {
      await new Promise((r) => setImmediate(r));
      sleepers.sort((a, b) => a.until - b.until);
      const next = sleepers.shift();
      if (!next) continue;
      if (next.until > clock.now().getTime()) clock.set(new Date(next.until));
      next.resolve();
    }
  };
  return { take, drain, slots, start: clock.now().getTime() };
}

/** The most slots in any window of `ms` starting at a slot. */
function busiest(times: number[], ms: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  return Math.max(0, ...sorted.map((t) => sorted.filter((u) => u >= t && u < t + ms).length));
}

describe('Pacer', () => {
  it('lets the first send go at once', async () => {
    const { take, drain, slots, start } = pacer();
    await drain([take('c1', 't1')]);
    expect(slots[0]?.at).to.equal(start);
  });

  it('keeps one conversation at 7 messages a second at most', async () => {
    const { take, drain, slots } = pacer();
    await drain(Array.from({ length: 20 }, () => take('c1', 't1')));
    expect(slots).to.have.length(20);
    expect(
      busiest(
        slots.map((s) => s.at),
        1000,
      ),
    ).to.be.at.most(7);
  });

  it('keeps one tenant at 30 requests a second at most, over many conversations', async () => {
    const { take, drain, slots, start } = pacer();
    await drain(Array.from({ length: 90 }, (_, i) => take(`c${i}`, 't1')));
    expect(
      busiest(
        slots.map((s) => s.at),
        1000,
      ),
    ).to.be.at.most(30);
    // And no slower than it needs to be: 90 requests in about 3 seconds (89 gaps of 34 ms).
    expect(Math.max(...slots.map((s) => s.at)) - start).to.equal(89 * 34);
  });

  it('does not make one tenant wait for another', async () => {
    const { take, drain, slots, start } = pacer();
    await drain([...Array.from({ length: 30 }, (_, i) => take(`a${i}`, 't1')), take('b1', 't2')]);
    expect(slots.find((s) => s.key === 't2/b1')?.at).to.equal(start);
  });
});
