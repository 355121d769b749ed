// The night's housekeeping on the wall clock, at 03:00 Swedish time (a quiet hour for the meetings
// and the Thursday summaries): the file store's snapshot, with the snapshots older than the kept
// days removed, then the note retention. What a snapshot is belongs to the store: main.ts hands in
// its snapshot and prune operations; a database store has none (its backups are the database's).
import { Cron } from 'croner';
import type { Logger } from '../app/ports.js';
import { failureFields } from '../errors/classify.js';

/** What one night's snapshot did, for the log. */
export interface NightlySnapshotDone {
  dir: string;
  files: number;
  /** Older snapshots removed after it. */
  removed: number;
}

export interface NightlyBackupOptions {
  /** Takes tonight's snapshot at `now` and prunes the old ones; rejects when the snapshot failed. Absent: no snapshot. */
  snapshot?: (now: Date) => Promise<NightlySnapshotDone>;
  logger: Logger;
  now?: () => Date;
  /** The night's other housekeeping (note retention), after the snapshot. */
  afterSnapshot?: () => Promise<void>;
}

/** Takes one snapshot and prunes old ones; logs, never throws. */
async function nightlySnapshot(options: NightlyBackupOptions): Promise<void> {
  const now = options.now?.() ?? new Date();
  if (!options.snapshot) return;
  try {
    const done = await options.snapshot(now);
    options.logger.info({ snapshot: done.dir, files: done.files, removed: done.removed }, 'nightly snapshot taken');
  } catch (error) {
    options.logger.error(
      { err: error, ...failureFields(error) },
      'NIGHTLY SNAPSHOT FAILED: the store has no fresh backup; npm run store:check',
    );
  }
}

export function startNightlyBackups(options: NightlyBackupOptions): { stop(): void } {
  const job = new Cron('0 0 3 * * *', { timezone: 'Europe/Stockholm' }, () => {
    void nightlySnapshot(options).then(() => options.afterSnapshot?.());
  });
  return { stop: () => job.stop() };
}
