// The store check of a folder (validateStoreDir), run in a child process by checkStoreDirApart:
// the store it opens lives in that process's memory, all of it given back when it ends. Run any
// other way it answers nothing, which its parent reports as a failed check.
import { validateStoreDir } from './backups.js';

const dir = process.argv[2];
if (dir !== undefined && process.send) process.send(await validateStoreDir(dir), () => process.disconnect());
