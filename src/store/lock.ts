// One process per STORE_DIR. Two bots on the same files would each write their own copy of an
// agreement's entries over the other's, silently losing what the other acknowledged.
import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import path from 'node:path';
import { CodedError } from '../errors/codedError.js';
import { storeText } from '../views/storeTexts.js';

/** Another live process holds the store folder's lock. */
export class StoreLockedError extends CodedError {
  readonly code = 'store.locked';
  constructor(
    readonly file: string,
    readonly pid: number,
  ) {
    super(storeText({ code: 'failed.locked', pid, file }));
    this.name = 'StoreLockedError';
  }
}

/**
 * The state letter of a Linux process from `/proc/<pid>/stat` (R, S, D, Z, X, …; proc(5)), or
 * undefined where there is no /proc or no such process. The command name in parentheses may itself
 * hold spaces and parentheses, so the state is read after the last ')'.
 */
function procState(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) || undefined;
  } catch {
    return undefined;
  }
}

/**
 * Whether the lock's process still runs. A zombie (Z) or dead (X) process has exited and only waits
 * for its parent to reap it, which on a host where nothing reaps at once (a container's PID 1 that is
 * not an init) can take long; signal 0 still reaches such a process, so it is asked about first.
 */
function alive(pid: number): boolean {
  const state = procState(pid);
  if (state === 'Z' || state === 'X') return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes the lock (a stale one from a process that is gone or a zombie is taken over); returns its release. */
export function lockStoreDir(dir: string): () => void {
  const file = path.join(dir, '.lock');
  let holder = Number.NaN;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        try {
          unlinkSync(file);
        } catch {
          // Already gone: nothing to release.
        }
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const pid = Number.parseInt(readFileSync(file, 'utf8'), 10);
      holder = pid;
      if (Number.isInteger(pid) && pid !== process.pid && alive(pid)) throw new StoreLockedError(file, pid);
      unlinkSync(file);
    }
  }
  // Another process took the stale lock over between our attempts: it holds the store now.
  throw new StoreLockedError(file, holder);
}
