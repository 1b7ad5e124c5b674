import { readFile, unlink } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Low, type Adapter } from 'lowdb';
import type { Context } from '../context.js';
import { storeProblem, type Store } from '../domain/schema.js';
import { RuleError, StoreUnreadableError } from '../errors.js';
import { makeFolders, writeFileDurably } from './durable.js';
import { fsError } from './fs-errors.js';
import {
  BACKUPS_KEPT,
  findBackup,
  hashOf,
  readJournal,
  saveBackup,
  writeJournal,
  type JournalEntry,
} from './history.js';
import { withStoreLock } from './lock.js';
import { parseStore } from './parse.js';
import { readStoreFile } from './read.js';

export function serializeStore(store: Store): string {
  return JSON.stringify(store) + '\n';
}

/** Reads the store file's text; a missing file is an error that says how to create one. */
export async function readStoreText(storePath: string): Promise<string> {
  try {
    return await readStoreFile(storePath);
  } catch (error) {
    if (error instanceof StoreUnreadableError) throw error;
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new StoreUnreadableError(
        `there is no store at ${storePath}`,
        'create one with: nsm init (or point --store or NSM_STORE at an existing store)',
      );
    }
    throw fsError(error, storePath, 'read');
  }
}

async function readTextIfAny(storePath: string): Promise<string | null> {
  try {
    return await readStoreFile(storePath);
  } catch (error) {
    if (error instanceof StoreUnreadableError) throw error;
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw fsError(error, storePath, 'write');
  }
}

/**
 * Writes a new state of the store while its lock is held: the state it replaces becomes a backup,
 * the new bytes replace the file durably, and the journal records the change for `nsm undo`.
 */
async function commit(
  ctx: Context,
  previous: string | null,
  next: string,
  stillHeld: () => void,
): Promise<JournalEntry> {
  const path = ctx.storePath;
  try {
    const journal = await readJournal(path);
    const seq = journal.nextSeq++;
    const backup = previous === null ? null : await saveBackup(path, seq, previous);
    stillHeld();
    await writeFileDurably(path, next);
    const entry = {
      seq,
      at: ctx.now().toISOString(),
      command: ctx.commandLine,
      backup,
      afterHash: hashOf(next),
    };
    journal.entries.push(entry);
    await writeJournal(path, journal);
    return entry;
  } catch (error) {
    throw fsError(error, path, 'write');
  }
}

/** The lowdb adapter: validated reads and durable, journaled writes of one JSON file. */
class StoreFile implements Adapter<Store> {
  bytesRead: string | null = null;
  constructor(
    private readonly ctx: Context,
    private readonly stillHeld: () => void,
  ) {}

  async read(): Promise<Store> {
    this.bytesRead = await readStoreText(this.ctx.storePath);
    return parseStore(this.bytesRead, this.ctx.storePath);
  }

  async write(store: Store): Promise<void> {
    const problem = storeProblem(store);
    if (problem) throw new Error(`refusing to write an invalid store: ${problem}`);
    const next = serializeStore(store);
    if (next === this.bytesRead) return;
    await commit(this.ctx, this.bytesRead, next, this.stillHeld);
  }
}

/** Reads the store for a command that only looks (no lock: writers replace the file atomically). */
export async function loadStore(ctx: Context): Promise<Store> {
  return parseStore(await readStoreText(ctx.storePath), ctx.storePath);
}

/** The same, or null when there is no store file yet (the home screen then says how to start). */
export async function loadStoreIfAny(ctx: Context): Promise<Store | null> {
  let text: string;
  try {
    text = await readStoreFile(ctx.storePath);
  } catch (error) {
    if (error instanceof StoreUnreadableError) throw error;
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw fsError(error, ctx.storePath, 'read');
  }
  return parseStore(text, ctx.storePath);
}

/**
 * The one way to change the store: lock, read, validate, migrate, apply `change`, write durably,
 * release. If `change` throws, nothing is written.
 */
export async function changeStore<T>(ctx: Context, change: (store: Store) => T | Promise<T>): Promise<T> {
  return withStoreLock(ctx.storePath, ctx.env, async (stillHeld) => {
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
  return withStoreLock(ctx.storePath, ctx.env, async (stillHeld) => {
    const current = await readTextIfAny(ctx.storePath);
    return commit(ctx, current, next(current), stillHeld);
  });
}

/** Puts back the state before the last recorded change, keeping the current state as a backup. */
export async function undoLastChange(ctx: Context): Promise<JournalEntry> {
  return withStoreLock(ctx.storePath, ctx.env, async (stillHeld) => {
    const current = await readStoreText(ctx.storePath);
    const journal = await readJournal(ctx.storePath);
    const last = journal.entries.at(-1);
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
    const previous = await readFile(backup.path, 'utf8');
    const next = keepingIdCounters(previous, backup.path, current);
    try {
      const seq = journal.nextSeq++;
      // The backup being put back becomes the store, so it gives up its place to the state it
      // replaces; pruning the oldest instead would cut off the very states further undos need.
      await saveBackup(ctx.storePath, seq, current, BACKUPS_KEPT + 1);
      stillHeld();
      await writeFileDurably(ctx.storePath, next);
      journal.entries.pop();
      // The change before is now the last one; its state is what was just written.
      const now = journal.entries.at(-1);
      if (now && next !== previous) now.afterHash = hashOf(next);
      await writeJournal(ctx.storePath, journal);
      await unlink(backup.path).catch(() => {});
    } catch (error) {
      throw fsError(error, ctx.storePath, 'write');
    }
    return last;
  });
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
