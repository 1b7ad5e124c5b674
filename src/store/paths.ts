import { join, resolve } from 'node:path';

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
  if (flag) return { path: resolve(flag), source: 'flag' };
  if (env.NSM_STORE) return { path: resolve(env.NSM_STORE), source: 'env' };
  if (setting) return { path: resolve(setting), source: 'setting' };
  const { default: envPaths } = await import('env-paths');
  return { path: join(envPaths('nsm', { suffix: '' }).data, 'store.json'), source: 'default' };
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
