// The retry policy for one proactive send: Retry-After, exponential backoff with jitter, what is
// never retried, and when it gives up. Time is injected: nothing here waits.
import { expect } from 'chai';
import fc from 'fast-check';
import type { DeliveryResult } from '../../src/app/notifier.js';
import { backoffMs, decideRetry, DEFAULT_RETRY_POLICY, retryAfterMs, withRetry } from '../../src/scheduler/retry.js';

const NOW = new Date('2026-11-26T06:30:00Z');
const policy = DEFAULT_RETRY_POLICY;
const sent: DeliveryResult = { kind: 'sent', activityId: 'a1' };
const throttled = (retryAfter?: string): DeliveryResult =>
  retryAfter === undefined ? { kind: 'throttled', status: 429 } : { kind: 'throttled', status: 429, retryAfter };
const serverError: DeliveryResult = { kind: 'transient', status: 500, detail: 'boom' };

function run(results: DeliveryResult[], proceed?: () => boolean) {
  const waits: number[] = [];
  let calls = 0;
  const outcome = withRetry(
    async () => {
      const r = results[Math.min(calls, results.length - 1)];
      calls++;
      if (!r) throw new Error('no result scripted');
      return r;
    },
    {
      policy,
      now: () => NOW,
      sleep: async (ms) => void waits.push(ms),
      random: () => 0.5,
      ...(proceed ? { proceed } : {}),
    },
  );
  return outcome.then((o) => ({ ...o, waits, calls }));
}

describe('retry policy', () => {
  describe('retryAfterMs', () => {
    it('reads delta-seconds and HTTP dates', () => {
      expect(retryAfterMs('2', NOW)).to.equal(2000);
      expect(retryAfterMs(' 0 ', NOW)).to.equal(0);
      expect(retryAfterMs('1.5', NOW)).to.equal(1500);
      expect(retryAfterMs('Thu, 26 Nov 2026 06:30:10 GMT', NOW)).to.equal(10_000);
      expect(retryAfterMs('Thu, 26 Nov 2026 06:29:00 GMT', NOW)).to.equal(0);
    });
    it('ignores what it cannot read', () => {
      for (const bad of [undefined, '', 'soon', '-3', '2026-11-26'])
        expect(retryAfterMs(bad, NOW), String(bad)).to.equal(undefined);
    });
  });

  describe('backoffMs', () => {
    it('property: between half and all of base·2^(n−1), capped', () => {
      fc.assert(
        fc.property(fc.integer({ min: 1, max: 30 }), fc.double({ min: 0, max: 1, noNaN: true }), (failures, r) => {
          const step = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (failures - 1));
          const delay = backoffMs(failures, policy, () => r);
          expect(delay).to.be.at.least(Math.floor(step / 2));
          expect(delay).to.be.at.most(step);
        }),
      );
    });
    it('grows: 1 s, 2 s, 4 s … steps', () => {
      expect([1, 2, 3, 4].map((n) => backoffMs(n, policy, () => 1))).to.deep.equal([1000, 2000, 4000, 8000]);
      expect(backoffMs(20, policy, () => 1)).to.equal(policy.maxDelayMs);
    });
  });

  describe('decideRetry', () => {
    it('never retries a delivery, a 403/404 or another refusal', () => {
      expect(decideRetry(sent, 1, policy, NOW, Math.random)).to.deep.equal({ retry: false });
      expect(decideRetry({ kind: 'gone', status: 403, detail: '' }, 1, policy, NOW, Math.random)).to.deep.equal({
        retry: false,
      });
      expect(decideRetry({ kind: 'rejected', status: 400, detail: '' }, 1, policy, NOW, Math.random)).to.deep.equal({
        retry: false,
      });
    });
    it('waits exactly Retry-After on 429, and backs off with jitter without it', () => {
      expect(decideRetry(throttled('3'), 1, policy, NOW, () => 0)).to.deep.equal({ retry: true, delayMs: 3000 });
      expect(decideRetry(throttled(), 1, policy, NOW, () => 0)).to.deep.equal({ retry: true, delayMs: 500 });
      expect(decideRetry(throttled(), 3, policy, NOW, () => 1)).to.deep.equal({ retry: true, delayMs: 4000 });
    });
    it('retries 5xx and timeouts, honouring a Retry-After on a 503', () => {
      expect(decideRetry(serverError, 1, policy, NOW, () => 1)).to.deep.equal({ retry: true, delayMs: 1000 });
      expect(
        decideRetry({ kind: 'transient', detail: 'no answer within 15000 ms' }, 2, policy, NOW, () => 1),
      ).to.deep.equal({ retry: true, delayMs: 2000 });
      expect(
        decideRetry({ kind: 'transient', status: 503, retryAfter: '7', detail: '' }, 1, policy, NOW, () => 1),
      ).to.deep.equal({ retry: true, delayMs: 7000 });
    });
    it('gives up after maxAttempts, or when told to wait longer than it will here', () => {
      expect(decideRetry(serverError, policy.maxAttempts, policy, NOW, () => 1)).to.deep.equal({ retry: false });
      expect(decideRetry(throttled(String(policy.maxRetryAfterMs / 1000 + 1)), 1, policy, NOW, () => 1)).to.deep.equal({
        retry: false,
      });
    });
  });

  describe('withRetry', () => {
    it('429 then 200: one wait of Retry-After, two attempts', async () => {
      const o = await run([throttled('2'), sent]);
      expect(o).to.deep.include({ attempts: 2, calls: 2, cancelled: false, waits: [2000] });
      expect(o.result).to.deep.equal(sent);
    });
    it('500 twice then 200: backs off 1 s then 2 s steps (half fixed, half random)', async () => {
      const o = await run([serverError, serverError, sent]);
      expect(o.waits).to.deep.equal([750, 1500]);
      expect(o.result.kind).to.equal('sent');
    });
    it('403: one attempt, no wait', async () => {
      const o = await run([{ kind: 'gone', status: 403, detail: 'BotNotInConversationRoster' }]);
      expect(o).to.deep.include({ attempts: 1, waits: [] });
    });
    it('500 for ever: stops after maxAttempts with the last result', async () => {
      const o = await run([serverError]);
      expect(o.attempts).to.equal(policy.maxAttempts);
      expect(o.waits).to.have.length(policy.maxAttempts - 1);
      expect(o.result).to.deep.equal(serverError);
    });
    it('stops waiting when proceed says no (the subscription ended meanwhile)', async () => {
      const o = await run([throttled('1')], () => false);
      expect(o).to.deep.include({ attempts: 1, calls: 1, cancelled: true });
    });
  });
});
