import { join, resolve } from 'node:path';

/** `--store`, else `NSM_STORE`, else `<user data dir>/nsm/store.json` (XDG_DATA_HOME honoured). */
export async function resolveStorePath(flag: string | undefined, env: NodeJS.ProcessEnv): Promise<string> {
  if (flag) return resolve(flag);
  if (env.NSM_STORE) return resolve(env.NSM_STORE);
  const { default: envPaths } = await import('env-paths');
  return join(envPaths('nsm', { suffix: '' }).data, 'store.json');
}

/** The folder beside the store that holds its last good states and the undo journal. */
export function backupsDir(storePath: string): string {
  return `${storePath}.backups`;
}

export function lockPath(storePath: string): string {
  return `${storePath}.lock`;
}
