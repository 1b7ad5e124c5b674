import { lstatSync, readlinkSync, realpathSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { UsageError } from '../errors.js';

/** Where the store path came from: the demo builds in the user's store only when --store names it. */
export type StoreSource = 'flag' | 'env' | 'setting' | 'default';

/**
 * `--store`, else `NSM_STORE`, else the `store` setting, else `<user data dir>/nsm/store.json`
 * (XDG_DATA_HOME honoured).
 */
export async function locateStore(
  flag: string | undefined,
  env: NodeJS.ProcessEnv,
  setting?: string,
): Promise<{ path: string; source: StoreSource }> {
  if (flag) return { path: fileOrDatabase(flag), source: 'flag' };
  if (env.NSM_STORE) return { path: fileOrDatabase(env.NSM_STORE), source: 'env' };
  if (setting) return { path: fileOrDatabase(setting), source: 'setting' };
  const { default: envPaths } = await import('env-paths');
  return {
    path: followLinks(join(envPaths('nsm', { suffix: '' }).data, 'store.json')),
    source: 'default',
  };
}

/** A store file's real path, or a PostgreSQL store's URL as it was given. */
function fileOrDatabase(store: string): string {
  return isDatabaseUrl(store) ? store : followLinks(resolve(store));
}

/** A store given as a URL rather than a file: `postgres://…` or `postgresql://…`. */
export function isDatabaseUrl(store: string): boolean {
  return /^postgres(ql)?:\/\//i.test(store);
}

/**
 * A database URL as it may be shown or recorded: its password (if it holds one rather than
 * PGPASSWORD or ~/.pgpass) replaced by ***. Other text is returned as it is.
 */
export function withoutPassword(text: string): string {
  return text.replace(/^(postgres(?:ql)?:\/\/[^:@/]*):[^@/]*@/i, '$1:***@');
}

/** The refusal of a command that works on a JSON store file only, given a PostgreSQL store. */
export function fileStoreOnly(storePath: string, path: readonly string[]): UsageError {
  return new UsageError(
    `nsm ${path.join(' ')} works on a JSON store file, not on a PostgreSQL store (${withoutPassword(storePath)})`,
    'copy the database to a file to use it there: nsm store copy --to <file.json>',
  );
}

/**
 * A store reached through a symbolic link is the file the link points to: nsm reads and writes it
 * there, and keeps its lock and backups beside it, so every path to one store shares one lock and
 * the link stays a link. A link to a file not yet created (nsm init) leads to where it would be.
 * Found at once rather than through promises: every command starts here.
 */
export function followLinks(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    // Missing: follow what links there are by hand, so init creates the file a link names.
  }
  let current = path;
  for (let hops = 0; hops < 40; hops++) {
    try {
      if (!lstatSync(current).isSymbolicLink()) return current;
      current = resolve(dirname(current), readlinkSync(current));
    } catch {
      // The rest of the path is missing: the folders are created (or refused) when writing.
      const parent = dirname(current);
      if (parent === current) return current;
      try {
        return join(realpathSync(parent), current.slice(parent.length + 1));
      } catch {
        return current;
      }
    }
  }
  return current;
}

export async function resolveStorePath(
  flag: string | undefined,
  env: NodeJS.ProcessEnv,
  setting?: string,
): Promise<string> {
  return (await locateStore(flag, env, setting)).path;
}

/** The folder beside the store that holds its last good states and the undo journal. */
export function backupsDir(storePath: string): string {
  return `${storePath}.backups`;
}

export function lockPath(storePath: string): string {
  return `${storePath}.lock`;
}
