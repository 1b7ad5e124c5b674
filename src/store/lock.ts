import lockfile from 'proper-lockfile';
import { StoreBusyError, WriteError } from '../errors.js';
import { lockPath } from './paths.js';
import { fsError } from './fs-errors.js';

/** How long a writer waits for another nsm to finish (NSM_LOCK_TIMEOUT_MS overrides it). */
const DEFAULT_WAIT_MS = 10_000;
/** A lock not refreshed for this long belongs to a process that died, and is taken over. */
const STALE_MS = 4_000;

/**
 * Runs `fn` holding the store's inter-process lock (a `<store>.lock` folder, refreshed while held).
 * `stillHeld` lets the writer check, just before it renames, that its lock was not taken over.
 */
export async function withStoreLock<T>(
  storePath: string,
  env: NodeJS.ProcessEnv,
  fn: (stillHeld: () => void) => Promise<T>,
): Promise<T> {
  const waitMs = Number(env.NSM_LOCK_TIMEOUT_MS) || DEFAULT_WAIT_MS;
  const deadline = Date.now() + waitMs;
  let compromised = false;
  let release: () => Promise<void>;
  for (;;) {
    try {
      release = await lockfile.lock(storePath, {
        realpath: false,
        lockfilePath: lockPath(storePath),
        stale: STALE_MS,
        update: 1_000,
        retries: 0,
        onCompromised: () => {
          compromised = true;
        },
      });
      break;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // The lock is a folder nsm makes and removes; anything else there is not nsm's doing.
      if (code === 'ENOTDIR' || code === 'ENOTEMPTY')
        throw new WriteError(
          `${lockPath(storePath)} is in the way: the store's lock should be an empty folder, and this is ${code === 'ENOTEMPTY' ? 'a folder with files in it' : 'a file'}`,
          `if no nsm is running, move it away (mv ${lockPath(storePath)} ${lockPath(storePath)}.old) and run the command again`,
        );
      if (code !== 'ELOCKED') throw fsError(error, storePath, 'write');
      if (Date.now() >= deadline) {
        throw new StoreBusyError(
          `the store is busy: another nsm has been changing ${storePath} for over ${Math.round(waitMs / 1000)} s`,
          'try again in a moment; if no other nsm is running, the lock clears itself within a few seconds',
        );
      }
      await new Promise((r) => setTimeout(r, 20 + Math.random() * 60));
    }
  }
  try {
    return await fn(() => {
      if (compromised) {
        throw new StoreBusyError(
          'the store lock was taken over by another nsm while this change was being made',
          'nothing was written; run the command again',
        );
      }
    });
  } finally {
    await release().catch(() => {});
  }
}
