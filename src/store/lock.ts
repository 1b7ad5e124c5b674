import { randomBytes } from 'node:crypto';
import { readFileSync, rmSync, rmdirSync, unlinkSync } from 'node:fs';
import {
  access,
  mkdir,
  readFile,
  readdir,
  rename,
  rm,
  rmdir,
  stat,
  unlink,
  writeFile,
} from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { StoreBusyError, WriteError } from '../errors.js';
import { lockPath } from './paths.js';
import { processGone } from './durable.js';
import { fsError } from './fs-errors.js';

/** How long a writer waits for another nsm to finish (NSM_LOCK_TIMEOUT_MS overrides it). */
const DEFAULT_WAIT_MS = 10_000;
/**
 * nsm 0.5 and older locked with an empty folder whose mtime its owner refreshed every second; one
 * left unrefreshed this long was abandoned by a process that died.
 */
const OLD_FOLDER_LOCK_STALE_MS = 10_000;

/** Who holds the lock: the owner file in `<store>.lock`, written before the folder appears there. */
export interface LockOwner {
  pid: number;
  host: string;
  /** When the lock was taken (ISO instant). */
  since: string;
  /** The command's first words (never its arguments, which may hold private text). */
  command: string;
  /** Unique to this taking of the lock: tells a holder its lock from a later one. */
  token: string;
  /** The kernel's start time of the process (Linux), so a reused pid does not pass for the owner. */
  started?: string;
}

/** The lock this process holds, if any: released on the way out when a signal ends the process. */
let held: { path: string; token: string } | null = null;
/** The would-be lock folder this process is making beside the lock, if any (removed on the way out too). */
let taking: string | null = null;

const OWNER_PREFIX = 'owner-';
const ownerFile = (path: string, token: string) => join(path, `${OWNER_PREFIX}${token}`);

/**
 * Runs `fn` holding the store's inter-process lock, `<store>.lock`: a folder holding one file,
 * `owner-<token>`, that says who holds it. The folder is made whole beside it and renamed into
 * place, which succeeds only where no lock is (or an empty folder, a lock being removed).
 *
 * A live owner's lock is never broken (git's rule): a writer paused for minutes (Ctrl-Z, a suspended
 * laptop, a storage stall) still owns the store when it resumes. Only a lock whose owner is provably
 * dead (on this machine, and its process gone) is taken over; otherwise the waiter gives up after
 * the wait with exit 5, naming the holder. Taking over removes the dead owner's file by its token,
 * so two waiters that found the same dead lock can never remove a live one. `stillHeld` lets the
 * writer check, just before it replaces the store, that the lock is still its own.
 */
export async function withStoreLock<T>(
  storePath: string,
  env: NodeJS.ProcessEnv,
  command: string,
  fn: (stillHeld: () => Promise<void>) => Promise<T>,
): Promise<T> {
  const path = lockPath(storePath);
  const waitMs = Number(env.NSM_LOCK_TIMEOUT_MS) || DEFAULT_WAIT_MS;
  const owner = newOwner(command);
  // Set before the lock is taken: a signal right after the rename that takes it must release it.
  held = { path, token: owner.token };
  process.on('exit', releaseHeldLockNow);
  try {
    await acquire(path, owner, Date.now() + waitMs, waitMs, storePath);
    return await fn(async () => {
      try {
        await access(ownerFile(path, owner.token));
      } catch {
        throw new StoreBusyError(
          'the store lock was taken away from this nsm while it was making its change',
          'nothing was written; run the command again',
        );
      }
    });
  } finally {
    held = null;
    process.off('exit', releaseHeldLockNow);
    await removeLock(path, owner.token);
  }
}

/**
 * Releases the lock this process holds or is taking, synchronously, as the process exits (a signal
 * ends it in the middle of a change). Whatever write was under way has replaced the store already
 * or never will. Only this process's owner file is removed, and the folder only if that empties it.
 */
export function releaseHeldLockNow(): void {
  if (!held) return;
  try {
    unlinkSync(ownerFile(held.path, held.token));
    rmdirSync(held.path);
  } catch {
    // Not taken yet, or already gone: nothing to release.
  }
  if (taking) rmSync(taking, { recursive: true, force: true });
  held = null;
}

/**
 * The owner of a lock left behind by a process that has ended (on this machine), or null when
 * there is no such lock: for `nsm doctor`, which only looks (the next change takes it over).
 */
export async function abandonedLock(storePath: string): Promise<LockOwner | null> {
  try {
    const holder = await inspect(lockPath(storePath));
    return typeof holder === 'object' && isDead(holder) ? holder : null;
  } catch {
    return null;
  }
}

function newOwner(command: string): LockOwner {
  return {
    pid: process.pid,
    host: hostname(),
    since: new Date().toISOString(),
    command,
    token: randomBytes(12).toString('hex'),
    started: processStart(process.pid),
  };
}

async function acquire(
  path: string,
  owner: LockOwner,
  deadline: number,
  waitMs: number,
  storePath: string,
): Promise<void> {
  for (;;) {
    if (await tryToTake(path, owner)) return;
    const holder = await inspect(path);
    if (holder === 'gone') continue;
    if (holder !== 'old-nsm' && isDead(holder)) {
      await removeLock(path, holder.token);
      continue;
    }
    if (Date.now() >= deadline) throw busy(holder === 'old-nsm' ? null : holder, path, waitMs, storePath);
    await new Promise((r) => setTimeout(r, 20 + Math.random() * 60));
  }
}

/** Makes the lock folder with the owner's file in it beside the lock, then renames it into place. */
async function tryToTake(path: string, owner: LockOwner): Promise<boolean> {
  const temp = `${path}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  taking = temp;
  try {
    await mkdir(temp, { mode: 0o700 });
    await writeFile(ownerFile(temp, owner.token), JSON.stringify(owner) + '\n', { mode: 0o600, flag: 'wx' });
  } catch (error) {
    await rm(temp, { recursive: true, force: true }).catch(() => {});
    throw fsError(error, path, 'write');
  }
  try {
    await rename(temp, path);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOTEMPTY' || code === 'EEXIST') return false;
    if (code === 'ENOTDIR') throw inTheWay(path, 'a file');
    throw fsError(error, path, 'write');
  } finally {
    await rm(temp, { recursive: true, force: true }).catch(() => {});
    taking = null;
  }
}

/**
 * What is at the lock's place: its owner; 'gone' when it vanished meanwhile (or was an old nsm's
 * abandoned lock folder, now cleared); 'old-nsm' when an nsm 0.5 or older holds it (an empty
 * folder, kept fresh). Anything else there is not nsm's doing, and is reported with how to clear it.
 */
async function inspect(path: string): Promise<LockOwner | 'gone' | 'old-nsm'> {
  let names: string[];
  try {
    names = await readdir(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return 'gone';
    if (code === 'ENOTDIR') throw inTheWay(path, 'a file');
    throw fsError(error, path, 'write');
  }
  const owners = names.filter((n) => n.startsWith(OWNER_PREFIX));
  if (owners.length === 0 && names.length > 0) throw inTheWay(path, 'a folder with files in it');
  if (owners.length === 0) return emptyFolder(path);
  if (owners.length > 1 || names.length > 1) throw inTheWay(path, 'a folder with files in it');
  try {
    const owner = JSON.parse(await readFile(join(path, owners[0]!), 'utf8')) as Partial<LockOwner>;
    if (
      typeof owner?.pid === 'number' &&
      typeof owner.host === 'string' &&
      `${OWNER_PREFIX}${owner.token}` === owners[0]
    )
      return owner as LockOwner;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'gone';
    if (!(error instanceof SyntaxError)) throw fsError(error, path, 'write');
  }
  throw inTheWay(path, 'a folder whose owner file is not an nsm lock');
}

/**
 * An empty lock folder: a lock being removed this instant, or an nsm 0.5 or older's lock (it kept
 * an empty folder's time fresh). One left unrefreshed long enough was abandoned, and is removed.
 */
async function emptyFolder(path: string): Promise<'gone' | 'old-nsm'> {
  let info;
  try {
    info = await stat(path);
  } catch {
    return 'gone';
  }
  if (Date.now() - info.mtimeMs < OLD_FOLDER_LOCK_STALE_MS) return 'old-nsm';
  await rmdir(path).catch(() => {});
  return 'gone';
}

function inTheWay(path: string, what: string): WriteError {
  return new WriteError(
    `${path} is in the way: the store's lock should be a folder nsm makes and removes, holding one owner file, and this is ${what}`,
    `if no nsm is running, move it away (mv ${path} ${path}.old) and run the command again`,
  );
}

/** Provably dead: it ran on this machine, and its process is gone (or its pid now names another). */
function isDead(owner: LockOwner): boolean {
  if (owner.host !== hostname()) return false;
  if (processGone(String(owner.pid))) return true;
  const started = processStart(owner.pid);
  return owner.started !== undefined && started !== undefined && started !== owner.started;
}

/**
 * Removes the lock of the owner with `token` (this process's on release, a dead owner's on taking
 * over): its owner file by name, so only that owner's (a lock taken since has another token), then
 * the folder, which only goes if nothing else is in it.
 */
async function removeLock(path: string, token: string): Promise<void> {
  await unlink(ownerFile(path, token)).catch(() => {});
  await rmdir(path).catch(() => {});
}

function busy(holder: LockOwner | null, path: string, waitMs: number, storePath: string): StoreBusyError {
  const waited = `${Math.round(waitMs / 1000)} s`;
  if (!holder)
    return new StoreBusyError(
      `the store is busy: an older nsm is changing ${storePath} (its lock folder ${path} is being kept fresh); waited ${waited}`,
      'try again when it finishes',
    );
  const where = holder.host === hostname() ? 'on this machine' : `on ${holder.host}`;
  const since = Number.isNaN(Date.parse(holder.since))
    ? ''
    : `, for ${Math.max(1, Math.round((Date.now() - Date.parse(holder.since)) / 1000))} s`;
  const fix =
    holder.host === hostname()
      ? `try again when it finishes; if process ${holder.pid} is stuck or stopped (Ctrl-Z), end it (kill ${holder.pid}) and nsm takes the lock over at once`
      : `try again when it finishes; if no nsm runs on ${holder.host} any more, remove ${path}`;
  return new StoreBusyError(
    `the store is busy: "${holder.command}" (process ${holder.pid} ${where}) holds its lock${since}; waited ${waited}`,
    fix,
  );
}

/** The process's start time in clock ticks since boot (Linux), or undefined where unknown. */
function processStart(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}
