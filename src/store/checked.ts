import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { VERSION } from '../version.js';
import { backupsDir } from './paths.js';
import type { FileStamp } from './read.js';

/**
 * Which version of the store file nsm wrote last, after checking every record of it.
 *
 * Every read checks the whole store (its shape, unique ids, references that resolve): on a city's
 * store (about 100 MB) that is a third as long as parsing it. But a store nsm wrote was checked in
 * full just before it was written. So each write notes the file it made (inode, size, change
 * times), and a read that finds that very file skips the checks: any change to a file since, by
 * any program, gives it a new change time (ctime, which no program can set back) or a new inode.
 * Anything else (a store copied in, edited by hand, written by another nsm version) is checked in
 * full. The note is a cache: lost, damaged or unwritable, it only means the checks run.
 */
interface CheckedNote {
  ino: string;
  size: string;
  mtimeNs: string;
  ctimeNs: string;
  /** The nsm that checked it: another version may check other rules. */
  nsm: string;
}

function notePath(storePath: string): string {
  return join(backupsDir(storePath), 'checked.json');
}

function noteOf(stamp: FileStamp): CheckedNote {
  return {
    ino: String(stamp.ino),
    size: String(stamp.size),
    mtimeNs: String(stamp.mtimeNs),
    ctimeNs: String(stamp.ctimeNs),
    nsm: VERSION,
  };
}

/** Whether the store file read (`stamp`) is the one nsm last wrote after checking it. */
export async function wasChecked(storePath: string, stamp: FileStamp): Promise<boolean> {
  try {
    // Read at once: it is a few bytes, and reads of the store are where start-up counts.
    const note = JSON.parse(readFileSync(notePath(storePath), 'utf8')) as Partial<CheckedNote>;
    const now = noteOf(stamp);
    return (
      note.ino === now.ino &&
      note.size === now.size &&
      note.mtimeNs === now.mtimeNs &&
      note.ctimeNs === now.ctimeNs &&
      note.nsm === now.nsm
    );
  } catch {
    return false;
  }
}

/**
 * Notes that the store file now in place (`stamp`, taken after the rename) was checked. Not synced
 * to disk (a note lost in a power cut only means the next read checks in full), but renamed into
 * place, so a reader never sees half a note. Written at once, without giving way to other work: a
 * Ctrl-C is handled before or after, never between the temporary file and its rename.
 */
export function noteChecked(storePath: string, stamp: FileStamp): void {
  const path = notePath(storePath);
  const temp = join(backupsDir(storePath), `.checked.json.${process.pid}.tmp`);
  try {
    writeFileSync(temp, JSON.stringify(noteOf(stamp)) + '\n', { mode: 0o600 });
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}
