import type { Context } from '../context.js';
import type { Store } from '../domain/schema.js';
import { StoreUnreadableError } from '../errors.js';
import { fsError } from './fs-errors.js';
import { parseStore } from './parse.js';
import { wasChecked } from './checked.js';
import { readStoreVersion } from './read.js';
import { isDatabaseUrl } from './paths.js';
import type { StoreSlice } from './slice.js';

/*
 * Reading the store, for the commands that only look. They take no lock (writers replace the file
 * with one rename, so a reader sees the old state or the new, whole) and load nothing of the write
 * path (lock, journal, backups), which most commands never need.
 */

/** Reads the store file's text; a missing file is an error that says how to create one. */
export async function readStoreText(storePath: string): Promise<string> {
  return (await readOrExplain(storePath)).text;
}

async function readOrExplain(storePath: string): Promise<{ text: string; checked: boolean }> {
  const read = await readIfAny(storePath);
  if (read) return read;
  throw new StoreUnreadableError(
    `there is no store at ${storePath}`,
    'create one with: nsm init (or point --store or NSM_STORE at an existing store)',
  );
}

/** The store's text and whether nsm checked that very file when it wrote it; null when there is none. */
async function readIfAny(storePath: string): Promise<{ text: string; checked: boolean } | null> {
  try {
    const { text, stamp } = await readStoreVersion(storePath);
    return { text, checked: await wasChecked(storePath, stamp) };
  } catch (error) {
    if (error instanceof StoreUnreadableError) throw error;
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw fsError(error, storePath, 'read');
  }
}

/**
 * Reads the store for a command that only looks (no lock: writers replace the file atomically).
 * With a slice, a database store reads only that part (see slice.ts).
 */
export async function loadStore(ctx: Context, slice?: StoreSlice): Promise<Store> {
  return loadStoreAt(ctx.storePath, ctx.env, slice);
}

/** The same, for a store path given directly (shell completion reads before there is a context). */
export async function loadStoreAt(
  storePath: string,
  env?: NodeJS.ProcessEnv,
  slice?: StoreSlice,
): Promise<Store> {
  if (isDatabaseUrl(storePath))
    return (await import('./postgres/store.js')).loadDatabaseStore(storePath, env, slice);
  const { text, checked } = await readOrExplain(storePath);
  return parseStore(text, storePath, { checked });
}

/** The same, or null when there is no store file yet (the home screen then says how to start). */
export async function loadStoreIfAny(ctx: Context): Promise<Store | null> {
  if (isDatabaseUrl(ctx.storePath)) return loadStoreAt(ctx.storePath, ctx.env);
  const read = await readIfAny(ctx.storePath);
  return read && parseStore(read.text, ctx.storePath, { checked: read.checked });
}
