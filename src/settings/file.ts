import { closeSync, constants, fstatSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from '../errors.js';

/** Settings as typed by `nsm config set`: each value is checked when it is set and when it is used. */
export type Settings = Readonly<Record<string, string>>;

/** `NSM_CONFIG`, else `$XDG_CONFIG_HOME/nsm/config.json`, else `~/.config/nsm/config.json`. */
export function configPath(env: NodeJS.ProcessEnv): string {
  if (env.NSM_CONFIG) return env.NSM_CONFIG;
  const base = env.XDG_CONFIG_HOME || join(env.HOME ?? '.', '.config');
  return join(base, 'nsm', 'config.json');
}

/** Reads the settings; a missing file is no settings, a damaged one an error naming it. */
export async function loadSettings(env: NodeJS.ProcessEnv): Promise<Settings> {
  const path = configPath(env);
  let text: string;
  try {
    text = readRegularFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw new UsageError(
      `cannot read the settings file ${path}: ${(error as Error).message}`,
      'fix its permissions, or set NSM_CONFIG to another file',
    );
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = null;
  }
  if (
    typeof parsed !== 'object' ||
    parsed === null ||
    Array.isArray(parsed) ||
    !Object.values(parsed).every((v) => typeof v === 'string')
  )
    throw new UsageError(
      `the settings file ${path} is damaged (not a JSON object of text values)`,
      'fix it by hand or move it away; nsm does not rewrite it',
    );
  return parsed as Settings;
}

/**
 * The text of a regular file. Opening never waits, so a FIFO given as the settings file (which a
 * plain read would wait on forever, deaf to Ctrl-C) is refused instead; so are folders and devices.
 * Read at once, not through promises: every command reads it before anything else can run.
 */
function readRegularFile(path: string): string {
  const fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile())
      throw new Error(
        stats.isDirectory() ? 'it is a folder' : 'it is not a regular file (a FIFO or a device)',
      );
    return readFileSync(fd, 'utf8');
  } finally {
    closeSync(fd);
  }
}
