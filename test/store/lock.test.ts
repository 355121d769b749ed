// The start lock: one process per STORE_DIR, taken over from a process that is gone or a zombie.
import { expect } from 'chai';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { lockStoreDir, StoreLockedError } from '../../src/store/lock.js';
import { tempDir } from '../support/harness.js';

/** State letter of a Linux process (proc(5)), or undefined. */
function state(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
  } catch {
    return undefined;
  }
}

describe('the store lock', () => {
  it('refuses while a live process holds it, and is released', () => {
    const dir = tempDir();
    const sleeper = spawn('sleep', ['30']);
    try {
      writeFileSync(path.join(dir, '.lock'), String(sleeper.pid));
      expect(() => lockStoreDir(dir)).to.throw(StoreLockedError, `process ${sleeper.pid}`);
    } finally {
      sleeper.kill();
    }
    const other = tempDir();
    const release = lockStoreDir(other);
    expect(readFileSync(path.join(other, '.lock'), 'utf8')).to.equal(String(process.pid));
    release();
    expect(existsSync(path.join(other, '.lock'))).to.equal(false);
  });

  it('takes over a lock whose process is gone', () => {
    const dir = tempDir();
    // A pid above the kernel's default pid_max is never a running process.
    writeFileSync(path.join(dir, '.lock'), '4194304');
    lockStoreDir(dir)();
  });

  it('takes over a lock whose process is a zombie nobody has reaped yet', async function () {
    if (!existsSync('/proc/self/stat')) this.skip();
    // sh starts a child that exits at once, then becomes `sleep`, which never reaps it: a zombie.
    const parent = spawn('sh', ['-c', 'sleep 0 & echo $!; exec sleep 30'], { stdio: ['ignore', 'pipe', 'ignore'] });
    try {
      const zombie = await new Promise<number>((resolve) =>
        parent.stdout.once('data', (d: Buffer) => resolve(Number.parseInt(d.toString(), 10))),
      );
      // Wait (without a time limit of our own: mocha's is the bound) until the child has exited.
      while (state(zombie) !== 'Z') await new Promise((resolve) => setTimeout(resolve, 20));
      const dir = tempDir();
      writeFileSync(path.join(dir, '.lock'), String(zombie));
      const release = lockStoreDir(dir);
      expect(readFileSync(path.join(dir, '.lock'), 'utf8')).to.equal(String(process.pid));
      release();
    } finally {
      parent.kill();
    }
  });
});
