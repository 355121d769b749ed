// The store check of a folder (validateStoreDir), run in a child process by checkStoreDirApart:
// the store it opens lives in that process's memory, all of it given back when it ends.
import { validateStoreDir } from './backups.js';

const dir = process.argv[2];
if (dir === undefined || !process.send) throw new Error('usage: fork(checkProcess, [dir])');
process.send(await validateStoreDir(dir), () => process.disconnect());
