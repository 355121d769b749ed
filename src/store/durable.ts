// The two steps every durable write of the store is made of. A rename or a new file is only on disk
// once its folder is flushed too, and the data only once the file is (rename(2) and fsync(2)).
import { open, rename } from 'node:fs/promises';
import path from 'node:path';

/** Flushes a file or a folder to disk (fsync). Rejects with the file system's error. */
export async function syncPath(p: string): Promise<void> {
  const handle = await open(p, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Replaces `filename` with `text` (UTF-8) atomically and durably: a temp file beside it is written and
 * flushed, renamed over the old one, and the folder flushed. A crash leaves the old file or the new one,
 * never a mix. Rejects with the file system's error; the old file is then untouched.
 */
export async function writeDurably(filename: string, text: string): Promise<void> {
  const temp = path.join(path.dirname(filename), `.${path.basename(filename)}.tmp`);
  const file = await open(temp, 'w');
  try {
    await file.writeFile(text, 'utf8');
    await file.sync();
  } finally {
    await file.close();
  }
  await rename(temp, filename);
  await syncPath(path.dirname(filename));
}
