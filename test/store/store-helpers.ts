import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { expect } from 'vitest';
import { BIN, NOW, nsm, type Run } from '../helpers/cli.js';
import { nsmIn } from '../helpers/in-process.js';

/** True when running as root, where folder permissions do not stop writes. */
export const IS_ROOT = typeof process.getuid === 'function' && process.getuid() === 0;

/** The unprivileged account the permission tests drop to when they run as root (nobody). */
export const NOBODY = 65534;

/**
 * Runs nsm as an ordinary user: as root, through setpriv as `nobody` (root ignores file modes,
 * so permission refusals can only be seen from another account); otherwise as this user.
 */
export function nsmUnprivileged(args: string[], store: string): Run {
  if (!IS_ROOT) return nsm(args, { store });
  // HOME is still root's, whose settings file `nobody` may not even look for: point it nowhere,
  // as a real user's own (absent) settings file would be.
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NSM_NOW: NOW,
    NO_COLOR: '1',
    NSM_STORE: store,
    NSM_CONFIG: '/nonexistent/nsm-test-config.json',
  };
  delete env.NODE_ENV;
  const result = spawnSync(
    'setpriv',
    [`--reuid=${NOBODY}`, `--regid=${NOBODY}`, '--clear-groups', process.execPath, BIN, ...args],
    { env, input: '', encoding: 'utf8' },
  );
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

export interface StoreJson {
  schemaVersion: number;
  nextId: Record<string, number>;
  ncos: Array<{ id: string; shield: string; name: string }>;
  sectors: Array<{ id: unknown }>;
  [key: string]: unknown;
}

/** Parses the store file straight from disk (throws if it is not JSON). */
export function readStore(store: string): StoreJson {
  return JSON.parse(readFileSync(store, 'utf8')) as StoreJson;
}

export function ncoCount(store: string): number {
  return readStore(store).ncos.length;
}

/** The arguments of an `nco add` with a shield no other call of this helper uses. */
export function addArgs(shield: number, precinct = 75): string[] {
  return [
    'nco',
    'add',
    '--name',
    `Officer ${shield}`,
    '--shield',
    String(shield),
    '--precinct',
    String(precinct),
  ];
}

/** Adds an NCO in-process (a setup step; the tests about processes spawn their own writers). */
export async function addNco(store: string, shield: number): Promise<Run> {
  const run = await nsmIn(addArgs(shield), { store });
  if (run.status !== 0) throw new Error(`nco add ${shield} failed (${run.status}): ${run.stderr}`);
  return run;
}

/** Asserts the contract's failure shape: the exit code and exactly one line `nsm: <what> — <how>`. */
export function expectFailure(run: Run, code: number, what: RegExp): void {
  expect(run.status, run.stderr).toBe(code);
  expect(run.stderr).toMatch(/^nsm: [^\n]+ — [^\n]+\n$/);
  expect(run.stderr).toMatch(what);
  expect(run.stderr).not.toMatch(/internal error|\bat .*\.js:\d+/);
}

/** Every file beside the store (recursively one level into folders) with its bytes: a failing command must not change any. */
export function snapshot(store: string): Map<string, string> {
  const dir = dirname(store);
  const out = new Map<string, string>();
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      for (const inner of readdirSync(path))
        out.set(`${name}/${inner}`, readFileSync(join(path, inner)).toString('base64'));
    } else {
      out.set(name, readFileSync(path).toString('base64'));
    }
  }
  return out;
}

export function backupNames(store: string): string[] {
  const dir = `${store}.backups`;
  return existsSync(dir)
    ? readdirSync(dir)
        .filter((n) => /^\d{6,}\.json$/.test(n))
        .sort()
    : [];
}

/**
 * Runs the built nsm like `nsm()` from the e2e helper, but gives up after `ms` (a hang is a failure,
 * not a stuck test run) and can set the umask the child starts with.
 */
export function nsmWithin(
  args: string[],
  store: string,
  ms: number,
  umask?: string,
): Run & { timedOut: boolean } {
  const env: NodeJS.ProcessEnv = { ...process.env, NSM_NOW: NOW, NO_COLOR: '1', NSM_STORE: store };
  delete env.NODE_ENV;
  const [command, argv] =
    umask === undefined
      ? [process.execPath, [BIN, ...args]]
      : ['/bin/sh', ['-c', `umask ${umask} && exec "$0" "$@"`, process.execPath, BIN, ...args]];
  const result = spawnSync(command, argv, {
    env,
    input: '',
    encoding: 'utf8',
    timeout: ms,
    killSignal: 'SIGKILL',
  });
  const timedOut = (result.error as NodeJS.ErrnoException | undefined)?.code === 'ETIMEDOUT';
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, timedOut };
}
