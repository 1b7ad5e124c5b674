import { closeSync, constants, fstatSync, openSync, readFileSync, readSync, type BigIntStats } from 'node:fs';
import { stat } from 'node:fs/promises';
import { StoreBusyError, StoreUnreadableError, WriteError } from '../errors.js';
import { recoveryHint } from './parse.js';

/** Which version of the store file was read: every write replaces the file, so any change shows. */
export interface FileStamp {
  ino: bigint;
  size: bigint;
  mtimeNs: bigint;
  ctimeNs: bigint;
  mode: number;
}

function stampOf(stats: BigIntStats): FileStamp {
  return {
    ino: stats.ino,
    size: stats.size,
    mtimeNs: stats.mtimeNs,
    ctimeNs: stats.ctimeNs,
    mode: Number(stats.mode & 0o7777n),
  };
}

/**
 * The text of the store file and the stamp of the version read. Opening never waits: a FIFO or a
 * device given as the store (which a plain read would wait on forever) is refused with exit 6.
 * `strict` (the default) refuses bytes that are not UTF-8; otherwise they read as U+FFFD.
 * Read at once rather than through promises, which would load a good part of Node's streams first.
 */
export async function readStoreVersion(
  storePath: string,
  strict = true,
): Promise<{ text: string; stamp: FileStamp }> {
  const fd = openSync(storePath, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const stats = fstatSync(fd, { bigint: true });
    // A folder fails as reading one always has (EISDIR), which callers already explain.
    if (stats.isDirectory())
      throw Object.assign(new Error(`EISDIR: ${storePath} is a folder`), { code: 'EISDIR' });
    if (!stats.isFile())
      throw new StoreUnreadableError(
        `${storePath} is not a store file but ${stats.isFIFO() ? 'a FIFO (named pipe)' : 'a device or socket'}`,
        'point --store or NSM_STORE at the store file itself (nsm init creates one)',
      );
    // Node reads and decodes in one step, with no buffer of the whole file for the collector to
    // account for (on a city's store that buffer alone cost a full collection). Bytes that are not
    // UTF-8 become U+FFFD, so text holding U+FFFD is read again, strictly: usually it is damage.
    const text = readFileSync(fd, 'utf8');
    if (strict && text.includes('\uFFFD')) {
      const bytes = Buffer.alloc(Number(stats.size));
      readSync(fd, bytes, 0, bytes.length, 0);
      utf8(bytes, storePath);
    }
    return { text, stamp: stampOf(stats) };
  } finally {
    closeSync(fd);
  }
}

const decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * The store's bytes as text. Bytes that are not UTF-8 (a flipped bit) would otherwise become U+FFFD
 * silently and be written back with the next change: they are damage, refused like any other.
 */
export function utf8(bytes: Uint8Array, storePath: string): string {
  try {
    return decoder.decode(bytes);
  } catch {
    throw new StoreUnreadableError(
      `${storePath} is not valid UTF-8 text, so it is damaged`,
      recoveryHint(storePath),
    );
  }
}

/**
 * Refuses to replace a store that is no longer the version this writer read (or that appeared
 * since it found none): whatever changed it would be lost. Under the lock this never happens
 * between nsm processes; it guards against anything that changes the file without the lock.
 */
export async function checkUnchanged(storePath: string, read: FileStamp | null): Promise<void> {
  const now = await stampNow(storePath);
  const same =
    now === null || read === null ? now === read : sameContent(now, read) && now.ctimeNs === read.ctimeNs;
  if (!same) throw changedMeanwhile(storePath);
}

/**
 * The stamp of the store after nsm hard-linked it among the backups, which changes its ctime and
 * nothing else; any other difference from the version read is refused as checkUnchanged does.
 */
export async function restampAfterLinking(storePath: string, read: FileStamp): Promise<FileStamp> {
  const now = await stampNow(storePath);
  if (now === null || !sameContent(now, read)) throw changedMeanwhile(storePath);
  return now;
}

/** The stamp of the store file as it is now; null when there is none. */
export async function stampNow(storePath: string): Promise<FileStamp | null> {
  try {
    return stampOf(await stat(storePath, { bigint: true }));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    return null;
  }
}

const sameContent = (a: FileStamp, b: FileStamp): boolean =>
  a.ino === b.ino && a.size === b.size && a.mtimeNs === b.mtimeNs;

function changedMeanwhile(storePath: string): StoreBusyError {
  return new StoreBusyError(
    `${storePath} changed while this nsm was making its change (something wrote it without nsm's lock)`,
    'nothing was written over it; run the command again, and check with nsm doctor',
  );
}

/** A store whose owner may not write it (chmod a-w) is not silently replaced. */
export function checkWritable(storePath: string, read: FileStamp | null): void {
  if (read !== null && (read.mode & 0o200) === 0)
    throw new WriteError(
      `${storePath} is read-only (mode ${read.mode.toString(8).padStart(4, '0')}), so nsm will not change it`,
      `if it should change, make it writable with: chmod u+w ${storePath}`,
    );
}
