// The start lock: one process per STORE_DIR, taken over from a process that is gone or a zombie.
import { AssertionError, expect } from 'chai';
import { spawn, type ChildProcess, type ChildProcessByStdio } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
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

/** How long the zombie test waits for its child to exit: far above any machine's load, yet bounded. */
const ZOMBIE_WAIT_MS = 60_000;

/**
 * Resolves when `pid` is a zombie; rejects once the process is gone (reaped: no zombie to test),
 * `ZOMBIE_WAIT_MS` has passed, or `ended()` says the test is over, so no loop outlives its test.
 */
async function becomesZombie(pid: number, ended: () => boolean): Promise<void> {
  const deadline = Date.now() + ZOMBIE_WAIT_MS;
  for (;;) {
    const now = state(pid);
    if (now === 'Z') return;
    if (now === undefined) expect.fail(`process ${pid} was reaped before it could be seen as a zombie`);
    if (ended() || Date.now() > deadline) expect.fail(`process ${pid} did not become a zombie (state ${now})`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** The pid the shell prints first; rejects when the shell ends or fails before it prints one. */
function firstPid(shell: ChildProcessByStdio<null, Readable, null>): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    shell.stdout.once('data', (d: Buffer) => resolve(Number.parseInt(d.toString(), 10)));
    shell.once('error', reject);
    shell.once('exit', (code) => reject(new AssertionError(`the shell ended (${code}) before naming its child`)));
  });
}

describe('the store lock', () => {
  // Whatever a test started is stopped when it ends, passed, failed or timed out: nothing keeps
  // mocha from exiting.
  const started: ChildProcess[] = [];
  let ended = false;
  beforeEach(() => {
    ended = false;
  });
  afterEach(() => {
    ended = true;
    for (const child of started.splice(0)) child.kill();
  });

  it('refuses while a live process holds it, and is released', () => {
    const dir = tempDir();
    const sleeper = spawn('sleep', ['30']);
    started.push(sleeper);
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
    this.timeout(ZOMBIE_WAIT_MS + 10_000);
    // sh starts a child that exits at once, then becomes `sleep`, which never reaps it: a zombie.
    const parent = spawn('sh', ['-c', 'sleep 0 & echo $!; exec sleep 30'], { stdio: ['ignore', 'pipe', 'ignore'] });
    started.push(parent);
    const zombie = await firstPid(parent);
    await becomesZombie(zombie, () => ended);
    const dir = tempDir();
    writeFileSync(path.join(dir, '.lock'), String(zombie));
    const release = lockStoreDir(dir);
    expect(readFileSync(path.join(dir, '.lock'), 'utf8')).to.equal(String(process.pid));
    release();
  });
});
