// Kills a process that is logging while its journal is being folded, then opens the store again:
// every entry acknowledged before the kill must be there, once, and so must its audit record.
import { expect } from 'chai';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { fileStorage } from '../../src/store/storage.js';
import { Store } from '../../src/store/store.js';
import { tempDir } from '../support/harness.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Runs the logger until it has started `folds` folds, kills it there, and returns the acknowledged ids. */
function logUntilKilled(dir: string, prefix: string, folds: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/fixtures/logUntilKilled.ts', dir, prefix], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const acked: string[] = [];
    let seen = 0;
    let buffer = '';
    let errors = '';
    child.stderr.on('data', (d: Buffer) => (errors += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      buffer += d.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) {
        if (line.startsWith('ack ')) acked.push(line.slice(4));
        if (line === 'fold' && ++seen === folds) child.kill('SIGKILL');
      }
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.on('exit', (_code, signal) => {
      clearTimeout(timer);
      if (signal !== 'SIGKILL' || seen < folds) reject(new Error(`logger ended with ${signal}:\n${errors}`));
      else resolve(acked);
    });
  });
}

describe('Store after a crash during folding (SIGKILL)', function () {
  this.timeout(120_000);

  it('keeps every acknowledged entry and its audit record, once, through kills in the middle of folds', async () => {
    const dir = tempDir();
    const acknowledged: string[] = [];
    for (const [round, folds] of [2, 5, 9].entries()) {
      acknowledged.push(...(await logUntilKilled(dir, `r${round}`, folds)));
      const store = await Store.open(fileStorage(dir), []);
      const ids = store.entries('jonkoping-2020').map((e) => e.id);
      expect(new Set(ids).size, 'no entry twice').to.equal(ids.length);
      const missing = acknowledged.filter((id) => !ids.includes(id));
      expect(missing, `acknowledged but lost after round ${round}`).to.deep.equal([]);
      const audited = (await store.audit.read()).flatMap((r) =>
        r.action === 'entry.logged' && r.entryId ? [r.entryId] : [],
      );
      expect(new Set(audited).size, 'no audit record twice').to.equal(audited.length);
      const unaudited = acknowledged.filter((id) => !audited.includes(id));
      expect(unaudited, `acknowledged without its audit record after round ${round}`).to.deep.equal([]);
      await store.settled();
    }
    expect(acknowledged.length).to.be.greaterThan(50);
  });
});
