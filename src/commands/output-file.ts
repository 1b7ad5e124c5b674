import { randomBytes } from 'node:crypto';
import { link, mkdir, open, realpath, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { rmSync } from 'node:fs';
import { deadWritersTemps } from '../store/durable.js';
import { backupsDir, isDatabaseUrl, lockPath } from '../store/paths.js';
import { UsageError, WriteError } from '../errors.js';
import { cell } from '../render/text.js';

/**
 * Files nsm writes (calendars, agendas, minutes) may be published: a web server may hand one to a
 * subscriber at any moment, so a file is never seen half written. Each is written to a temporary
 * file in the same folder, synced, then renamed over the old one (or, without --force, linked to
 * a name that must not exist yet, which fails instead of replacing). Files are readable by all
 * (0644, even under a permissive umask) unless they hold private text: `mode` 0o600 keeps those to
 * their owner.
 */
export async function writeAtomically(
  path: string,
  content: string | Uint8Array,
  force: boolean,
  fix: string,
  mode = 0o644,
): Promise<void> {
  const existing = await stat(path).catch(() => null);
  if (existing?.isDirectory()) throw new WriteError(`cannot write ${path}: it is a folder`, fix);
  if (existing && !force)
    throw new WriteError(`${path} already exists`, `add --force to replace it, or ${fix}`);
  const dir = dirname(path);
  // What an earlier write of this file left when it was killed goes first; this one's own
  // temporary file goes with the process if a signal ends it.
  for (const leftover of await deadWritersTemps(path)) await unlink(leftover).catch(() => {});
  const temp = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  const removeTemp = () => rmSync(temp, { force: true });
  process.on('exit', removeTemp);
  try {
    const file = await open(temp, 'wx', mode);
    try {
      await file.writeFile(content);
      await file.sync();
    } finally {
      await file.close();
    }
    if (force) await rename(temp, path);
    else await link(temp, path);
  } catch (error) {
    throw cannotWrite(path, error, fix);
  } finally {
    // After a rename the temporary name is gone already; after a link it is a second name.
    await unlink(temp).catch(() => {});
    process.off('exit', removeTemp);
  }
  await syncFolder(dir);
}

/** The folder of `--split`: made when missing (its parent must exist); a file there is an error. */
export async function prepareFolder(folder: string): Promise<void> {
  const found = await stat(folder).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw cannotWrite(folder, error, 'choose another --split folder');
  });
  if (found?.isDirectory()) return;
  if (found)
    throw new WriteError(
      `cannot write into ${folder}: it is a file`,
      'give --split a folder, or -o for one file',
    );
  await mkdir(folder, { mode: 0o755 }).catch((error: unknown) => {
    throw cannotWrite(folder, error, 'create its parent folder first, or choose another --split folder');
  });
}

function cannotWrite(path: string, error: unknown, fix: string): WriteError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EEXIST')
    return new WriteError(`${path} already exists`, `add --force to replace it, or ${fix}`);
  const reason =
    code === 'ENOENT'
      ? 'its folder does not exist'
      : code === 'EISDIR'
        ? 'it is a folder'
        : code === 'ENOTDIR'
          ? 'part of its path is a file'
          : code === 'EACCES' || code === 'EPERM' || code === 'EROFS'
            ? 'permission denied'
            : code === 'ENOSPC'
              ? 'the disk is full'
              : (error as Error).message;
  return new WriteError(`cannot write ${path}: ${reason}`, fix);
}

/** Makes the rename itself durable; best effort, as some file systems cannot sync a folder. */
async function syncFolder(dir: string): Promise<void> {
  const folder = await open(dir, 'r').catch(() => null);
  if (folder === null) return;
  try {
    await folder.sync();
  } catch {
    // The file itself is synced; only the folder entry's durability is left to the system.
  } finally {
    await folder.close();
  }
}

/**
 * An output (`-o`, `--split`) must never land on the store's own files: the store, its backups and
 * undo journal, its lock. Written there, it would replace records without a lock or a backup. Links
 * are resolved first, so another name for the store is refused too. The name itself is checked
 * first (see checkOutputName).
 */
export async function refuseStoreFiles(storePath: string, output: string, flag: string): Promise<void> {
  checkOutputName(output, flag);
  if (isDatabaseUrl(storePath)) return;
  const target = await realTarget(output);
  const store = await realTarget(storePath);
  const own = [store, backupsDir(store), lockPath(store), resolve(storePath), backupsDir(resolve(storePath))];
  if (own.some((p) => target === p || target.startsWith(p + sep)))
    throw new UsageError(
      `${flag} ${output} is nsm's own store file (${storePath} and the files beside it)`,
      `choose another ${flag} file`,
    );
}

/** The real path a name stands for, or would stand for once written: links resolved, folders too. */
async function realTarget(path: string): Promise<string> {
  const absolute = resolve(path);
  const real = await realpath(absolute).catch(() => null);
  if (real !== null) return real;
  const folder = await realpath(dirname(absolute)).catch(() => dirname(absolute));
  return join(folder, basename(absolute));
}

/** Linux's limits: 255 bytes a name, 4,096 a path (macOS allows less of a path, not more). */
const LONGEST_NAME = 255;
const LONGEST_PATH = 4095;

/**
 * A usable file name: not blank (that is not stdout, which is `-`), no control characters or bidi
 * marks (a newline or ESC in a file name breaks scripts and terminals that list it; U+202E makes
 * "gpj.exe" read as "exe.jpg"; a NUL cannot be passed to the system at all), and within the
 * system's length limits, so a slip is a usage error rather than a failed write.
 */
function checkOutputName(output: string, flag: string): void {
  if (output.trim() === '')
    throw new UsageError(
      `${flag} is empty`,
      flag === '--split' ? 'give the folder a name' : `give a file name, or ${flag} - for standard output`,
    );
  if (cell(output) !== output)
    throw new UsageError(
      `${flag} "${output}" has a control character or bidi mark in it`,
      'name it with printable characters only',
    );
  const longest = Math.max(...output.split(sep).map((part) => Buffer.byteLength(part)));
  if (longest > LONGEST_NAME || Buffer.byteLength(output) > LONGEST_PATH)
    throw new UsageError(
      `${flag} names a file ${longest > LONGEST_NAME ? `with a name of ${longest} bytes` : `with a path of ${Buffer.byteLength(output)} bytes`}`,
      `keep each name within ${LONGEST_NAME} bytes and the whole path within ${LONGEST_PATH}`,
    );
}
