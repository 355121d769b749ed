// npm start: runs the built bot (dist/main.js). It compiles first only when dist/ is missing or
// older than a source file, so an ordinary start never waits for the TypeScript compiler.
// Plain JavaScript on purpose: it must run before anything is built.
//
// It also starts the bot with V8 settings that keep its memory near what it holds (README, Node.js):
// by default V8 lets the heap grow to about four times what was live after each full collection
// and keeps 16 MB young-generation halves, so a store of 100,000 entries (~70 MB live) ran at
// 600 MB RSS; with these, ~250 MB, at a cost in speed (bench/results/memory.md). BOT_NODE_FLAGS
// (space-separated) replaces the defaults; empty means none. A flag already on the command line or
// in NODE_OPTIONS wins. The heap's size is not capped: NODE_OPTIONS (--max-old-space-size=…) does
// that where the host wants a limit.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const DEFAULT_FLAGS = ['--optimize-for-size', '--max-semi-space-size=1', '--heap-growing-percent=20'];
const wanted = (process.env.BOT_NODE_FLAGS?.split(/\s+/) ?? DEFAULT_FLAGS).filter((f) => f.length > 0);
const flagName = (flag) => flag.split('=')[0].replaceAll('_', '-');
// NODE_OPTIONS counts as the command line: a semi-space size the host set there is kept.
const given = [...process.execArgv, ...(process.env.NODE_OPTIONS?.split(/\s+/) ?? [])];
const present = new Set(given.map(flagName));
const missing = wanted.filter((flag) => !present.has(flagName(flag)));
// V8 reads these when it sets up the heap: they must be on the command line of the process. exec
// (same process id, so a supervisor's signals still reach the bot) runs this script again with
// them; where Node has no process.execve (Node 22 before 22.15) the bot runs without them.
if (missing.length > 0 && typeof process.execve === 'function') {
  // glibc's allocator keeps one arena per thread that ever allocated: two bound what the worker
  // threads (file system, compression) keep. And after the start has freed its large read buffers
  // (the entries and audit files, tens of MB), glibc would raise its mmap threshold to their size
  // and serve later allocations from a heap it seldom gives back: a fixed threshold (128 KiB, its
  // default) keeps large blocks mapped, so freeing them returns them (~20 MB less RSS measured).
  const env = { MALLOC_ARENA_MAX: '2', MALLOC_MMAP_THRESHOLD_: '131072', ...process.env };
  process.execve(
    process.execPath,
    [process.execPath, ...process.execArgv, ...missing, fileURLToPath(import.meta.url), ...process.argv.slice(2)],
    env,
  );
}

const root = fileURLToPath(new URL('../', import.meta.url));
const entry = path.join(root, 'dist', 'main.js');

/** The newest modification time (ms) of the files that go into dist/. */
function newestSource() {
  let newest = 0;
  const visit = (dir) => {
    for (const item of readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, item.name);
      if (item.isDirectory()) visit(file);
      else newest = Math.max(newest, statSync(file).mtimeMs);
    }
  };
  visit(path.join(root, 'src'));
  for (const file of ['tsconfig.json', 'tsconfig.build.json', 'package-lock.json']) {
    newest = Math.max(newest, statSync(path.join(root, file)).mtimeMs);
  }
  return newest;
}

const stale = !existsSync(entry) || statSync(entry).mtimeMs < newestSource();
if (stale) {
  console.error('dist/ saknas eller är äldre än src/: bygger först (npm run build) …');
  const tsc = path.join(root, 'node_modules', 'typescript7', 'bin', 'tsc');
  const built = spawnSync(process.execPath, [tsc, '-p', path.join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status ?? 1);
}
await import(pathToFileURL(entry).href);
