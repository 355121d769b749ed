// How one proactive send is retried. Teams throttles with 429, sometimes with a Retry-After
// header; botbuilder's own client retries only when that header is present, so the policy here
// covers the rest: Retry-After when given, else exponential backoff with jitter; 5xx and
// timeouts retried the same way; 403/404 and other refusals never retried. Time comes in through
// `now` and `sleep`, randomness through `random`, so every rule can be tested without waiting.
import type { DeliveryResult } from '../app/notifier.js';

export interface RetryPolicy {
  /** Attempts in all, the first one included. */
  maxAttempts: number;
  /** The first backoff; each further one doubles, up to maxDelayMs. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** A Retry-After longer than this is not waited for here; the scheduler tries again later. */
  maxRetryAfterMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = Object.freeze({
  maxAttempts: 6,
  baseDelayMs: 1_000,
  maxDelayMs: 60_000,
  maxRetryAfterMs: 5 * 60_000,
});

/** Milliseconds to wait from a Retry-After header: delta-seconds or an HTTP date; undefined if unreadable. */
export function retryAfterMs(header: string | undefined, now: Date): number | undefined {
  if (header === undefined) return undefined;
  const value = header.trim();
  if (/^\d+$/u.test(value)) return Number(value) * 1000;
  if (/^\d+\.\d+$/u.test(value)) return Math.ceil(Number(value) * 1000);
  const at = Date.parse(value);
  if (Number.isNaN(at) || !/[a-z]/iu.test(value)) return undefined;
  return Math.max(0, at - now.getTime());
}

/**
 * "Equal jitter": half the exponential step for sure, the other half at random, so clients that
 * failed together do not come back together, and no retry is immediate.
 */
export function backoffMs(failures: number, policy: RetryPolicy, random: () => number): number {
  const step = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, failures - 1));
  return Math.round(step / 2 + (step / 2) * Math.min(1, Math.max(0, random())));
}

export type RetryDecision = { retry: true; delayMs: number } | { retry: false };

/** What to do after attempt number `attempt` (1-based) ended with `result`. */
export function decideRetry(
  result: DeliveryResult,
  attempt: number,
  policy: RetryPolicy,
  now: Date,
  random: () => number,
): RetryDecision {
  if (result.kind !== 'throttled' && result.kind !== 'transient') return { retry: false };
  if (attempt >= policy.maxAttempts) return { retry: false };
  const told = retryAfterMs(result.retryAfter, now);
  if (told !== undefined) return told <= policy.maxRetryAfterMs ? { retry: true, delayMs: told } : { retry: false };
  return { retry: true, delayMs: backoffMs(attempt, policy, random) };
}

export interface RetryDeps {
  policy: RetryPolicy;
  now: () => Date;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
  /** Checked before every retry: false stops (the subscription ended meanwhile, the process is stopping). */
  proceed?: () => boolean | Promise<boolean>;
  onRetry?: (info: { attempt: number; result: DeliveryResult; delayMs: number }) => void;
}

export interface RetryOutcome {
  result: DeliveryResult;
  attempts: number;
  /** True when `proceed` said stop before the policy gave up. */
  cancelled: boolean;
}

export async function withRetry(attempt: () => Promise<DeliveryResult>, deps: RetryDeps): Promise<RetryOutcome> {
  for (let n = 1; ; n++) {
    const result = await attempt();
    const decision = decideRetry(result, n, deps.policy, deps.now(), deps.random);
    if (!decision.retry) return { result, attempts: n, cancelled: false };
    deps.onRetry?.({ attempt: n, result, delayMs: decision.delayMs });
    await deps.sleep(decision.delayMs);
    if (deps.proceed && !(await deps.proceed())) return { result, attempts: n, cancelled: true };
  }
}
