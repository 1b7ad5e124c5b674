import { mkdir, open, readdir, rename, stat, unlink } from 'node:fs/promises';
import { createHash, randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export interface DurableWriteOptions {
  /**
   * Runs after the new bytes are safely on disk, just before they replace the file: may refuse
   * (throw), or decline (return false: nothing is replaced). Gets the sha256 (hex) of the bytes,
   * taken as they were written, and their number.
   */
  beforeReplacing?: (written: { sha256: string; size: number }) => Promise<boolean | void>;
}

/** Text is encoded and written a slice at a time: a city's store is never all in memory twice. */
const SLICE = 8 * 1024 * 1024;

/** What can be written: bytes, text, or text in parts (a store as it is serialized). */
export type Content = string | Uint8Array | Iterable<string>;

/** The UTF-8 bytes of `data`, a slice of about SLICE characters at a time. */
function* encoded(data: Content): Generator<Uint8Array> {
  if (data instanceof Uint8Array) yield data;
  else if (typeof data === 'string') yield* encoded([data]);
  else {
    let pending: string[] = [];
    let length = 0;
    for (const part of data) {
      // A part longer than a slice is cut, never inside a surrogate pair.
      for (let start = 0; start < part.length;) {
        let end = Math.min(start + SLICE - length, part.length);
        const last = part.charCodeAt(end - 1);
        if (end < part.length && last >= 0xd800 && last <= 0xdbff) end++;
        pending.push(start === 0 && end === part.length ? part : part.slice(start, end));
        length += end - start;
        start = end;
        if (length >= SLICE) {
          yield Buffer.from(pending.join(''));
          pending = [];
          length = 0;
        }
      }
    }
    if (length > 0) yield Buffer.from(pending.join(''));
  }
}

/**
 * Replaces `path` with `bytes` so that a crash at any moment leaves either the old or the new
 * content: write a uniquely named temporary file (mode 0600) beside it, fsync it, rename it over the target,
 * then fsync the folder so the rename itself survives a power cut. Returns the inode of the new
 * file, which tells whether `path` is still the file this call put there.
 */
export async function writeFileDurably(
  path: string,
  bytes: Content,
  options: DurableWriteOptions = {},
): Promise<bigint | null> {
  const dir = dirname(path);
  const temp = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  // A process ended by a signal mid-write (it exits from the handler) takes its temporary file with it.
  const removeTemp = () => rmSync(temp, { force: true });
  process.on('exit', removeTemp);
  let ino: bigint;
  try {
    const file = await open(temp, 'wx', 0o600);
    const hash = createHash('sha256');
    let size = 0;
    try {
      for (const chunk of encoded(bytes)) {
        hash.update(chunk);
        size += chunk.length;
        for (let done = 0; done < chunk.length;)
          done += (await file.write(chunk, done, chunk.length - done)).bytesWritten;
      }
      await file.sync();
      ({ ino } = await file.stat({ bigint: true }));
    } finally {
      await file.close();
    }
    if ((await options.beforeReplacing?.({ sha256: hash.digest('hex'), size })) === false) {
      await unlink(temp);
      return null;
    }
    await rename(temp, path);
  } catch (error) {
    await unlink(temp).catch(() => {});
    throw error;
  } finally {
    process.off('exit', removeTemp);
  }
  await syncFolder(dir).catch((error: unknown) => {
    throw new UnconfirmedWrite(path, error);
  });
  return ino;
}

/** The file was replaced, but syncing its folder failed: the new content may not survive a power cut. */
export class UnconfirmedWrite extends Error {
  constructor(
    readonly path: string,
    cause: unknown,
  ) {
    super(`${path} was replaced, but its folder could not be synced: ${(cause as Error).message}`, { cause });
  }
}

export async function syncFolder(dir: string): Promise<void> {
  const folder = await open(dir, 'r');
  try {
    await folder.sync();
  } finally {
    await folder.close();
  }
}

/** Whether the process `pid` (a number as text) is gone from this machine. */
export function processGone(pid: string | undefined): boolean {
  if (!pid || !/^\d+$/.test(pid)) return false;
  try {
    process.kill(Number(pid), 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/**
 * The temporary files beside `path` left by writes to it that were cut off (their process is gone):
 * named `.<name>.<pid>.<random>.tmp`, as writeFileDurably and the output writer name them.
 */
export async function deadWritersTemps(path: string): Promise<string[]> {
  const prefix = `.${basename(path)}.`;
  const names = await readdir(dirname(path)).catch(() => [] as string[]);
  return names
    .filter(
      (n) => n.startsWith(prefix) && n.endsWith('.tmp') && processGone(n.slice(prefix.length).split('.')[0]),
    )
    .map((n) => join(dirname(path), n));
}

/** Leftover temporary files of interrupted writes, as named by writeFileDurably. */
export function isTemporaryName(storeBase: string, name: string): boolean {
  return name.startsWith(`.${storeBase}.`) && name.endsWith('.tmp');
}

/**
 * `mkdir -p` that cannot spin: Node's recursive mkdir loops forever when a parent exists but
 * answers ENOENT for its children (under /proc, for one). Creates each missing folder in turn instead,
 * with `mode` (before the umask).
 */
export async function makeFolders(dir: string, mode = 0o700): Promise<void> {
  const missing: string[] = [];
  for (let folder = dir; ; folder = dirname(folder)) {
    try {
      await stat(folder);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || dirname(folder) === folder) throw error;
      missing.unshift(folder);
    }
  }
  for (const folder of missing) {
    await mkdir(folder, { mode }).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'EEXIST') throw error;
    });
  }
}
