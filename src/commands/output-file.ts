import { writeFile } from 'node:fs/promises';
import { WriteError } from '../errors.js';

/**
 * Writes an artefact to `-o <file>`; an existing file is replaced only with --force.
 * Returns false when the output goes to stdout instead (no -o, or -o -).
 */
export async function writeOutputFile(
  path: string | undefined,
  content: string | Uint8Array,
  force: boolean,
): Promise<boolean> {
  if (path === undefined || path === '-') return false;
  try {
    await writeFile(path, content, { flag: force ? 'w' : 'wx' });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST')
      throw new WriteError(`${path} already exists`, 'add --force to replace it, or choose another -o file');
    const reason =
      code === 'ENOENT'
        ? 'its folder does not exist'
        : code === 'EISDIR'
          ? 'it is a folder'
          : code === 'EACCES' || code === 'EPERM'
            ? 'permission denied'
            : (error as Error).message;
    throw new WriteError(`cannot write ${path}: ${reason}`, 'choose another -o file');
  }
  return true;
}
