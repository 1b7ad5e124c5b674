import { access, readFile, unlink } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Low, type Adapter } from 'lowdb';
import type { Context } from '../context.js';
import { SCHEMA_VERSION, storeProblem, type Store } from '../domain/schema.js';
import { RuleError, StoreUnreadableError, WriteError } from '../errors.js';
import { makeFolders, UnconfirmedWrite, writeFileDurably, type Content } from './durable.js';
import { serializeStore, storeParts } from './serialize.js';
import { fsError, reasonOf } from './fs-errors.js';
import { readStoreText } from './load.js';
import {
  BACKUPS_KEPT,
  findBackup,
  hashOf,
  hashOfFile,
  pruneBackups,
  readJournal,
  removeLeftovers,
  keepBackup,
  settlePendingUndo,
  writeJournal,
  type Journal,
  type JournalEntry,
} from './history.js';
import { noteChecked, wasChecked } from './checked.js';
import { withStoreLock } from './lock.js';
import { parseStore, recoveryHint } from './parse.js';
import { isDatabaseUrl } from './paths.js';
import type { StoreSlice } from './slice.js';
import {
  checkUnchanged,
  checkWritable,
  readStoreVersion,
  stampNow,
  restampAfterLinking,
  type FileStamp,
} from './read.js';

export { serializeStore };

/**
 * The store as read under the lock: its text (null when there is no file yet) and which version of
 * the file it was (the file itself, damaged or not, becomes the backup).
 */
interface ReadState {
  text: string | null;
  stamp: FileStamp | null;
}

/**
 * Reads the store under the lock. For a change the text must be UTF-8 (`strict`); to replace the
 * whole store (init --force, restore), a damaged file is read as it is, to be kept as a backup.
 */
async function readUnderLock(storePath: string, required: boolean, strict = true): Promise<ReadState> {
  try {
    return await readStoreVersion(storePath, strict);
  } catch (error) {
    if (error instanceof StoreUnreadableError) throw error;
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      if (required) await readStoreText(storePath); // says how to create one
      return { text: null, stamp: null };
    }
    throw fsError(error, storePath, required ? 'read' : 'write');
  }
}

/**
 * Writes a new state of the store while its lock is held. In order: the new bytes are written to a
 * temporary file (and hashed as they go); `unlessSame`, if they are what the store holds, nothing
 * more happens (null); the state they replace becomes a backup; the journal records the change
 * (before it happens, so a change that lands is always in the journal: `undo` skips an entry whose
 * change never landed); the new bytes replace the file, if the lock is still ours and the file is
 * still the version read.
 */
async function commit(
  ctx: Context,
  read: ReadState,
  next: Content,
  nextId: Record<string, number> | undefined,
  stillHeld: () => Promise<void>,
  { checked = false, unlessSame = false } = {},
): Promise<JournalEntry | null> {
  const path = ctx.storePath;
  checkWritable(path, read.stamp);
  let entry: JournalEntry | null = null;
  let written: bigint | null;
  try {
    const journal = await readJournal(path);
    written = await replaceDurably(path, next, read, stillHeld, async ({ sha256, size }) => {
      if (unlessSame && read.stamp?.size === BigInt(size) && sha256 === (await hashOfFile(path)))
        return false;
      // An undo cut off part-way is settled by what the store holds (read again: it is rare).
      if (journal.pendingUndo) settlePendingUndo(journal, read.stamp && (await readFile(path)));
      const seq = journal.nextSeq++;
      let backup: string | null = null;
      if (read.stamp !== null) {
        backup = await keepBackup(path, seq);
        read.stamp = await restampAfterLinking(path, read.stamp);
      }
      entry = {
        seq,
        at: ctx.now().toISOString(),
        command: ctx.commandLine,
        backup,
        afterHash: sha256,
        ...(nextId ? { nextId: { ...nextId } } : {}),
      };
      journal.entries.push(entry);
      await writeJournal(path, journal);
      return true;
    });
  } catch (error) {
    throw fsError(error, path, 'write');
  }
  if (written === null) return null;
  if (checked) await noteCheckedFile(path, written);
  await pruneBackups(path).catch(() => {});
  return entry;
}

/**
 * The last step of every write: the new bytes replace the store if the lock is still ours and the
 * file is still the version read. Once the rename is done the change has happened, so a folder
 * sync that fails after it says so rather than "nothing was changed".
 */
async function replaceDurably(
  path: string,
  next: Content,
  read: ReadState,
  stillHeld: () => Promise<void>,
  record: (written: { sha256: string; size: number }) => Promise<boolean> = async () => true,
): Promise<bigint | null> {
  return writeFileDurably(path, next, {
    beforeReplacing: async (written) => {
      if (!(await record(written))) return false;
      await stillHeld();
      await checkUnchanged(path, read.stamp);
    },
  }).catch((error: unknown) => {
    if (!(error instanceof UnconfirmedWrite)) throw error;
    throw new WriteError(
      `the change to ${path} was made, but the disk did not confirm it is saved (${reasonOf(error.cause)})`,
      'check the disk; nsm doctor shows the store, and nsm undo takes the change back',
    );
  });
}

/**
 * Notes that the store now in place, the file `ino` this nsm wrote, was checked in full (so reads
 * can skip the checks, see checked.ts). A note that cannot be made costs nothing but time later.
 */
async function noteCheckedFile(path: string, ino: bigint | null): Promise<void> {
  if (ino === null) return;
  try {
    const stamp = await stampNow(path);
    if (stamp?.ino === ino) noteChecked(path, stamp);
  } catch {
    // only a cache
  }
}

/** The lowdb adapter: validated reads and durable, journaled writes of one JSON file. */
class StoreFile implements Adapter<Store> {
  state: ReadState = { text: null, stamp: null };
  /** Whether the file read is one nsm checked in full when it wrote it (so the read did not). */
  checked = false;
  constructor(
    private readonly ctx: Context,
    private readonly stillHeld: () => Promise<void>,
  ) {}

  async read(): Promise<Store> {
    const path = this.ctx.storePath;
    this.state = await readUnderLock(path, true);
    this.checked = await wasChecked(path, this.state.stamp!);
    const store = parseStore(this.state.text!, path, { checked: this.checked });
    // Not kept while the change is made and written: on a city's store it is 100 MB.
    this.state.text = null;
    return store;
  }

  async write(store: Store): Promise<void> {
    const problem = storeProblem(store);
    // Read without its checks (nsm had checked that file), the store may still have been damaged
    // behind nsm's back in a way its note cannot tell (see checked.ts): it is refused as a read is.
    if (problem && this.checked)
      throw new StoreUnreadableError(
        `${this.ctx.storePath} does not validate as an nsm store (${problem})`,
        recoveryHint(this.ctx.storePath),
      );
    if (problem) throw new Error(`refusing to write an invalid store: ${problem}`);
    await commit(this.ctx, this.state, storeParts(store), store.nextId, this.stillHeld, {
      checked: true,
      unlessSame: true,
    });
  }
}

/**
 * What a replacing text holds: its id counters (undefined when none can be read), and whether it is
 * a valid store of this nsm's format, so that reads of the file nsm writes can skip the checks.
 */
function inspect(text: string): { nextId: Record<string, number> | undefined; valid: boolean } {
  let data: { nextId?: unknown; schemaVersion?: unknown } | null = null;
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed === 'object' && parsed !== null) data = parsed;
  } catch {
    // Not JSON: no counters, not valid.
  }
  const counters = data?.nextId;
  return {
    nextId:
      typeof counters === 'object' && counters !== null ? (counters as Record<string, number>) : undefined,
    valid: data?.schemaVersion === SCHEMA_VERSION && storeProblem(data) === null,
  };
}

/**
 * Runs `fn` holding the store's lock, after clearing what interrupted writers left behind. A
 * change to a store that must exist first checks that it does: a store in a folder that does not
 * exist is "no store here" (exit 6), not a lock that cannot be made.
 */
async function underLock<T>(
  ctx: Context,
  fn: (stillHeld: () => Promise<void>) => Promise<T>,
  storeMustExist = true,
): Promise<T> {
  if (storeMustExist) await access(ctx.storePath).catch(() => readStoreText(ctx.storePath));
  return withStoreLock(ctx.storePath, ctx.env, commandWords(ctx.commandLine), async (stillHeld) => {
    await removeLeftovers(ctx.storePath);
    return fn(stillHeld);
  });
}

/** `nsm nco add` of `nsm nco add --name 'Pat Doe'`: what the lock says is running, nothing private. */
function commandWords(commandLine: string): string {
  const words = commandLine.split(' ');
  const end = words.findIndex((w, i) => i > 0 && !/^[a-z][a-z-]*$/.test(w));
  return words.slice(0, end === -1 ? 3 : Math.min(end, 3)).join(' ');
}

/**
 * The one way to change the store: lock, read, validate, migrate, apply `change`, write durably,
 * release. If `change` throws, nothing is written. With a slice, a database store reads and changes
 * only that part (see slice.ts); `change` must not look outside it.
 */
export async function changeStore<T>(
  ctx: Context,
  change: (store: Store) => T | Promise<T>,
  slice?: StoreSlice,
): Promise<T> {
  if (isDatabaseUrl(ctx.storePath))
    return (await import('./postgres/store.js')).changeDatabaseStore(
      ctx.storePath,
      ctx.commandLine,
      change,
      ctx.env,
      slice,
    );
  return underLock(ctx, async (stillHeld) => {
    const db = new Low<Store>(new StoreFile(ctx, stillHeld), {} as Store);
    await db.read();
    const result = await change(db.data);
    await db.write();
    return result;
  });
}

/**
 * Replaces the whole store (init, demo, restore). The current file, readable or not, is kept as a
 * backup. `next` sees the current text (null when there is none) under the lock, and returns the
 * new text or throws to refuse.
 */
export async function replaceStore(
  ctx: Context,
  next: (current: string | null) => string,
): Promise<JournalEntry> {
  try {
    await makeFolders(dirname(ctx.storePath));
  } catch (error) {
    throw fsError(error, ctx.storePath, 'write');
  }
  return underLock(
    ctx,
    async (stillHeld) => {
      const read = await readUnderLock(ctx.storePath, false, false);
      const text = next(read.text);
      const { nextId, valid } = inspect(text);
      // Without `unlessSame` a commit always writes, so it always has an entry.
      return (await commit(ctx, read, text, nextId, stillHeld, { checked: valid }))!;
    },
    false,
  );
}

/** Puts back the state before the last recorded change, keeping the current state as a backup. */
export async function undoLastChange(ctx: Context): Promise<JournalEntry> {
  return underLock(ctx, async (stillHeld) => {
    const read = await readUnderLock(ctx.storePath, true);
    const current = read.text!;
    const journal = await readJournal(ctx.storePath);
    settlePendingUndo(journal, current);
    const last = await lastLandedChange(ctx.storePath, journal, current);
    if (!last)
      throw new RuleError('there is no recorded change to undo', 'see recent changes with: nsm undo --list');
    if (hashOf(current) !== last.afterHash) {
      throw new RuleError(
        `the store was changed outside nsm after its last recorded change (${last.command})`,
        'nothing was undone; see the backups with nsm doctor and put one back with nsm doctor --restore <backup>',
      );
    }
    if (last.backup === null) {
      throw new RuleError(
        `the last change (${last.command}) created the store; there is nothing before it`,
        'to start over, run: nsm init --force',
      );
    }
    const backup = await findBackup(ctx.storePath, last.backup);
    if (!backup) {
      throw new RuleError(
        `the backup from before "${last.command}" is no longer kept`,
        'only the last 10 states are kept; see them with: nsm doctor',
      );
    }
    checkWritable(ctx.storePath, read.stamp);
    const previous = await readFile(backup.path, 'utf8');
    const next = keepingIdCounters(previous, backup.path, current);
    let written: bigint | null;
    try {
      const seq = journal.nextSeq++;
      // The backup being put back becomes the store, so it gives up its place to the state it
      // replaces; pruning the oldest instead would cut off the very states further undos need.
      await keepBackup(ctx.storePath, seq);
      read.stamp = await restampAfterLinking(ctx.storePath, read.stamp!);
      journal.entries.pop();
      // The change before is now the last one; its state is what is about to be written. The
      // journal says so first, with the undo marked as under way: if the write never lands
      // (killed, disk full), the next nsm to read the journal puts the entry back.
      const now = journal.entries.at(-1);
      journal.pendingUndo = {
        entry: last,
        afterHash: hashOf(next),
        previousAfterHash: now?.afterHash ?? null,
      };
      if (now && next !== previous) now.afterHash = hashOf(next);
      await writeJournal(ctx.storePath, journal);
      written = await replaceDurably(ctx.storePath, next, read, stillHeld);
    } catch (error) {
      throw fsError(error, ctx.storePath, 'write');
    }
    // keepingIdCounters checked the state put back in full.
    await noteCheckedFile(ctx.storePath, written);
    // The undo has landed. Tidying after it may fail without harm: a journal still marking it
    // under way is settled as landed by the next nsm, and a backup left over is pruned later.
    delete journal.pendingUndo;
    await writeJournal(ctx.storePath, journal).catch(() => {});
    await unlink(backup.path).catch(() => {});
    await pruneBackups(ctx.storePath, BACKUPS_KEPT + 1).catch(() => {});
    return last;
  });
}

/**
 * The journal's last change that actually reached the store. The journal records a change just
 * before the store is replaced, so when a write was cut off in between (killed, disk full) its
 * entry names a state that never landed: the store still holds the state its backup holds. Such
 * entries are dropped from the list (in memory; the journal is rewritten by the undo itself).
 */
async function lastLandedChange(
  storePath: string,
  journal: Journal,
  current: string,
): Promise<JournalEntry | undefined> {
  const currentHash = hashOf(current);
  for (;;) {
    const last = journal.entries.at(-1);
    if (!last || last.afterHash === currentHash || last.backup === null) return last;
    const backup = await findBackup(storePath, last.backup);
    const before = backup ? await readFile(backup.path, 'utf8').catch(() => null) : null;
    if (before !== current) return last;
    journal.entries.pop();
  }
}

/**
 * Ids are never reused, even after undo or a restore: an earlier state put back keeps the id
 * counters of the state it replaces. Returns the earlier text itself when no counter had to be
 * raised (or the replaced state cannot be read), so a plain put-back stays byte-identical.
 * Throws StoreUnreadableError when the earlier state is not a valid store.
 */
export function keepingIdCounters(earlier: string, earlierPath: string, replaced: string | null): string {
  const restored = parseStore(earlier, earlierPath);
  let current: Store;
  try {
    if (replaced === null) return earlier;
    current = parseStore(replaced, earlierPath);
  } catch {
    return earlier;
  }
  const counters = restored.nextId as Record<string, number>;
  let raised = false;
  for (const [key, value] of Object.entries(current.nextId as Record<string, number>)) {
    if (value > (counters[key] ?? 0)) {
      counters[key] = value;
      raised = true;
    }
  }
  return raised ? serializeStore(restored) : earlier;
}
