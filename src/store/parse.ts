import { SCHEMA_VERSION, schemaProblem, storeProblem, type Store } from '../domain/schema.js';
import { StoreUnreadableError } from '../errors.js';
import { backupsDir } from './paths.js';
import { migrate } from './migrations.js';

export function recoveryHint(storePath: string): string {
  return `nothing was changed; see the backups with: nsm doctor (they are in ${backupsDir(storePath)}), put one back with nsm doctor --restore <backup>`;
}

/**
 * Turns the bytes of a store file into a valid, current Store, or explains what is wrong.
 * An older format is migrated in memory; it reaches the disk only with the next change.
 * `lenient` (for nsm doctor) checks the shape only, so duplicates and broken references can be listed.
 * `checked` says the text is a store nsm checked in full before writing it (see checked.ts).
 */
export function parseStore(
  text: string,
  storePath: string,
  { lenient = false, checked = false } = {},
): Store {
  const fail = (what: string) => new StoreUnreadableError(`${storePath} ${what}`, recoveryHint(storePath));
  if (text.trim() === '') throw fail('is empty, so it is not an nsm store');
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw fail(
      `is not valid JSON (${(error as Error).message}); it may have been cut short or edited by hand`,
    );
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw fail('holds JSON that is not an nsm store (expected an object with a schemaVersion)');
  }
  const version = (data as Record<string, unknown>).schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw fail('holds JSON that is not an nsm store (no valid schemaVersion)');
  }
  if (version > SCHEMA_VERSION) {
    throw new StoreUnreadableError(
      `${storePath} was written by a newer nsm (store format ${version}; this nsm reads up to ${SCHEMA_VERSION})`,
      'upgrade nsm to use it; the file was not changed',
    );
  }
  if (checked && version === SCHEMA_VERSION) return data as Store;
  const current = version < SCHEMA_VERSION ? migrate(data as Record<string, unknown>, version) : data;
  const problem = lenient ? schemaProblem(current) : storeProblem(current);
  if (problem) throw fail(`does not validate as an nsm store (${problem})`);
  return current as Store;
}
