// Snapshots on the wall clock: every night at 03:00 Swedish time (a quiet hour for the meetings and
// the Thursday summaries), then snapshots older than the kept days are removed.
import { Cron } from 'croner';
import type { Logger } from '../app/ports.js';
import { pruneSnapshots, takeSnapshot } from '../store/backups.js';

export interface NightlyBackupOptions {
  storeDir: string;
  keepDays: number;
  /** Store.betweenWrites of the running store. */
  betweenWrites: <T>(read: () => Promise<T>) => Promise<T>;
  logger: Logger;
  now?: () => Date;
  /** The night's other housekeeping (note retention), after the snapshot. */
  afterSnapshot?: () => Promise<void>;
}

/** Takes one snapshot and prunes old ones; logs, never throws. */
async function nightlySnapshot(options: NightlyBackupOptions): Promise<void> {
  const now = options.now?.() ?? new Date();
  try {
    const snapshot = await takeSnapshot(options.storeDir, 'nightly', { now, betweenWrites: options.betweenWrites });
    const removed = await pruneSnapshots(options.storeDir, options.keepDays, now);
    options.logger.info(
      { snapshot: snapshot.dir, files: snapshot.manifest.files.length, removed: removed.length },
      'nightly snapshot taken',
    );
  } catch (error) {
    options.logger.error({ err: error }, 'NIGHTLY SNAPSHOT FAILED: the store has no fresh backup; npm run store:check');
  }
}

export function startNightlyBackups(options: NightlyBackupOptions): { stop(): void } {
  const job = new Cron('0 0 3 * * *', { timezone: 'Europe/Stockholm' }, () => {
    void nightlySnapshot(options).then(() => options.afterSnapshot?.());
  });
  return { stop: () => job.stop() };
}
