import { mkdirSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

export interface LockOwnerFields {
  pid: number;
  host?: string;
  since?: string;
  command?: string;
  token?: string;
  started?: string;
}

/**
 * Puts a lock at `<store>.lock` as an nsm with these fields would hold it (this host by default):
 * a folder with one file, `owner-<token>`, that says who holds it. Returns the owner file's path.
 */
export function writeLock(store: string, owner: LockOwnerFields): string {
  const full = {
    host: hostname(),
    since: new Date().toISOString(),
    command: 'nsm nco add',
    token: `${Math.random().toString(16).slice(2)}`,
    ...owner,
  };
  mkdirSync(`${store}.lock`, { mode: 0o700 });
  const file = join(`${store}.lock`, `owner-${full.token}`);
  writeFileSync(file, JSON.stringify(full) + '\n', { mode: 0o600 });
  return file;
}
