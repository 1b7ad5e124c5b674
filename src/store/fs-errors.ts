import { NsmError, StoreUnreadableError, WriteError } from '../errors.js';

const REASONS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the file system is read-only',
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is exhausted',
  EISDIR: 'it is a folder, not a file',
  ENOTDIR: 'a part of the path is not a folder',
  ENOENT: 'the folder does not exist',
  EEXIST: 'a file is in the way of a folder nsm needs',
};

/** Why a file-system call failed, in words (the error's own message for an unusual code). */
export function reasonOf(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code ?? '';
  return REASONS[code] ?? (error as Error).message;
}

/** Maps a file-system error on the store to the contract's exit codes: 6 to read, 7 to write. */
export function fsError(error: unknown, path: string, doing: 'read' | 'write'): NsmError {
  if (error instanceof NsmError) return error;
  const code = (error as NodeJS.ErrnoException).code ?? '';
  const reason = reasonOf(error);
  if (doing === 'read') {
    return new StoreUnreadableError(
      `cannot read the store ${path}: ${reason}`,
      code === 'EISDIR'
        ? `give the path of a file, for example --store ${path.replace(/\/$/, '')}/store.json`
        : 'check the path and its permissions (--store or NSM_STORE)',
    );
  }
  return new WriteError(
    `cannot write ${path}: ${reason}`,
    code === 'EISDIR'
      ? `give the path of a file, for example --store ${path.replace(/\/$/, '')}/store.json`
      : 'nothing was changed; choose a writable place with --store or NSM_STORE, or free some space',
  );
}
