// What every job that posts on its own (weekly cards, reminders, agenda cards) is given.
import type { Notifier } from '../app/notifier.js';
import type { Clock, Logger } from '../app/ports.js';
import type { StorePort } from '../app/port/index.js';
import type { RetryPolicy } from './retry.js';

/** The store, the clock, where to post and where to log; sleep, random and retryPolicy replaceable in tests. */
export interface ProactiveJobDeps {
  port: StorePort;
  clock: Clock;
  notifier: Notifier;
  logger: Logger;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  retryPolicy?: RetryPolicy;
}
