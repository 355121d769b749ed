// The process's clock for weekly summaries: a croner job that ticks every few seconds, aligned to
// the wall clock (so a summary due at 07:30 goes at 07:30:00, not up to a tick late), plus one
// tick at start, which is where a summary missed while the bot was down is caught up.
import { Cron } from 'croner';
import type { Logger } from '../app/ports.js';
import { failureFields } from '../errors/classify.js';

/** A job the ticker runs: the weekly summaries, the reminders. */
interface TickedJob {
  tick(): Promise<unknown>;
  stop(): void;
}

const DEFAULT_TICK_SECONDS = 10;

export interface Ticker {
  stop(): void;
}

function tickPattern(everySeconds: number): string {
  if (!Number.isInteger(everySeconds) || everySeconds < 1 || everySeconds > 60 || 60 % everySeconds !== 0) {
    throw new RangeError(`tick interval must divide 60 seconds, got ${everySeconds}`);
  }
  return everySeconds === 60 ? '0 * * * * *' : `*/${everySeconds} * * * * *`;
}

export function startTicker(
  summaries: TickedJob,
  options: { everySeconds?: number; logger: Logger; name?: string },
): Ticker {
  const run = () => {
    summaries
      .tick()
      .catch((error: unknown) =>
        options.logger.error(
          { err: error, ...failureFields(error), job: options.name ?? 'weeklySummaries' },
          'scheduled tick failed',
        ),
      );
  };
  const job = new Cron(tickPattern(options.everySeconds ?? DEFAULT_TICK_SECONDS), run);
  run();
  return {
    stop() {
      job.stop();
      summaries.stop();
    },
  };
}
