import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import { StoreUnreadableError } from '../errors.js';

/**
 * The text of the store file, which must be a regular file. Opening never waits: a FIFO or a
 * device given as the store (which a plain read would wait on forever) is refused with exit 6.
 */
export async function readStoreFile(storePath: string): Promise<string> {
  const file = await open(storePath, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const stats = await file.stat();
    // A folder fails as reading one always has (EISDIR), which callers already explain.
    if (stats.isDirectory())
      throw Object.assign(new Error(`EISDIR: ${storePath} is a folder`), { code: 'EISDIR' });
    if (!stats.isFile())
      throw new StoreUnreadableError(
        `${storePath} is not a store file but ${stats.isFIFO() ? 'a FIFO (named pipe)' : 'a device or socket'}`,
        'point --store or NSM_STORE at the store file itself (nsm init creates one)',
      );
    return await file.readFile('utf8');
  } finally {
    await file.close();
  }
}
