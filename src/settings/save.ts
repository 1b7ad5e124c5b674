import { realpath } from 'node:fs/promises';
import { dirname } from 'node:path';
import { WriteError } from '../errors.js';
import { makeFolders, writeFileDurably } from '../store/durable.js';
import { fsError } from '../store/fs-errors.js';
import { configPath, type Settings } from './file.js';

/**
 * Replaces the settings file atomically (a temporary file beside it, fsynced, renamed over it),
 * mode 0600 in a folder created 0700: settings may name private paths. Returns the path written.
 */
export async function saveSettings(env: NodeJS.ProcessEnv, settings: Settings): Promise<string> {
  const path = configPath(env);
  const target = await followLink(path);
  try {
    await makeFolders(dirname(target), 0o700);
    await writeFileDurably(target, JSON.stringify(settings, null, 2) + '\n');
  } catch (error) {
    throw new WriteError(
      fsError(error, path, 'write').message,
      'nothing was changed; fix the permissions of its folder, or point NSM_CONFIG at another file',
    );
  }
  return path;
}

/** A settings file kept as a link (dotfile managers do this) is written where it points, keeping the link. */
async function followLink(path: string): Promise<string> {
  try {
    return await realpath(path);
  } catch {
    return path;
  }
}
