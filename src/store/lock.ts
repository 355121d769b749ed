// One process per STORE_DIR. Two bots on the same files would each write their own copy of an
// agreement's entries over the other's, silently losing what the other acknowledged.
import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import path from 'node:path';

export class StoreLockedError extends Error {
  constructor(
    readonly file: string,
    readonly pid: number,
  ) {
    super(
      `Lagringsmappen används redan av process ${pid} (${file}). Stoppa den först; två processer på samma filer skulle skriva över varandras insatser.`,
    );
    this.name = 'StoreLockedError';
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes the lock (a stale one from a dead process is taken over); returns its release. */
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
