import { execFileSync } from 'node:child_process';
import {
  chownSync,
  cpSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import type * as FsPromises from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { expectRefusal } from '../helpers/e2e.js';
import { nsmIn, type InProcessRun } from '../helpers/in-process.js';
import { IS_ROOT, NOBODY, nsmUnprivileged } from '../store/store-helpers.js';
import { figure } from './battery.js';

/**
 * R3: the write fails at each step of the write path. Faults are injected at the file-system seam,
 * in this process: every call of node:fs/promises that changes something (and every open, and the
 * writes and syncs of the handles it returns) is counted. A successful run of each kind of change
 * records its sequence of calls; then each call in turn fails (EIO, ENOSPC, EACCES, EROFS). The
 * steps are found by recording, never listed here, so the test follows the write path as it changes.
 *
 * Pass: one clear line and exit 7 (6 when what failed was reading the store); the store byte-identical
 * with its journal, or, for a fault after the new store is in place, the new state whole and valid
 * and `nsm undo` able to take it back; no temporary file left; the lock released.
 */

interface Call {
  name: string;
  path: string;
}

const seam = vi.hoisted(() => ({
  /** Calls seen since the last reset. */
  calls: [] as Call[],
  /** Fail the call with this index (0-based) with `code`; null: fail nothing. */
  failAt: null as number | null,
  code: 'EIO',
}));

vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof FsPromises>();
  const fault = (name: string, path: unknown) => {
    const index = seam.calls.length;
    seam.calls.push({ name, path: String(path) });
    if (index === seam.failAt)
      throw Object.assign(new Error(`${seam.code}: injected fault, ${name} '${String(path)}'`), {
        code: seam.code,
        syscall: name,
        path: String(path),
      });
  };
  const wrap =
    <A extends unknown[], R>(name: string, fn: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      fault(name, args[0]);
      return fn(...args);
    };
  type Handle = Awaited<ReturnType<typeof real.open>>;
  const handle = (file: Handle, path: unknown): Handle => {
    for (const method of ['writeFile', 'write', 'sync', 'datasync', 'truncate'] as const) {
      const original = file[method].bind(file) as (...args: unknown[]) => Promise<unknown>;
      Object.defineProperty(file, method, {
        value: async (...args: unknown[]) => {
          fault(`handle.${method}`, path);
          return original(...args);
        },
      });
    }
    return file;
  };
  const open = async (...args: Parameters<typeof real.open>) => {
    fault('open', args[0]);
    return handle(await real.open(...args), args[0]);
  };
  const mutating = {
    open,
    writeFile: wrap('writeFile', real.writeFile),
    appendFile: wrap('appendFile', real.appendFile),
    rename: wrap('rename', real.rename),
    mkdir: wrap('mkdir', real.mkdir),
    unlink: wrap('unlink', real.unlink),
    link: wrap('link', real.link),
    rm: wrap('rm', real.rm),
    rmdir: wrap('rmdir', real.rmdir),
    copyFile: wrap('copyFile', real.copyFile),
    chmod: wrap('chmod', real.chmod),
    truncate: wrap('truncate', real.truncate),
  };
  return { ...real, ...mutating, default: { ...real, ...mutating } };
});

const CODES = ['EIO', 'ENOSPC', 'EACCES', 'EROFS'];

/** A small store with a history (init --empty, a precinct, a sector, NCOs, a held meeting). */
let template: string;

beforeAll(async () => {
  const store = join(mkdtempSync(join(tmpdir(), 'nsm-r3-')), 'store.json');
  for (const args of [
    ['init', '--empty'],
    ['precinct', 'add', '75', '--name', '75th Precinct', '--borough', 'Brooklyn'],
    ['sector', 'add', '75A'],
    ['nco', 'add', '--name', 'Maria Lopez', '--shield', '1001', '--precinct', '75'],
    ['nco', 'add', '--name', 'Sam Ortiz', '--shield', '1002', '--precinct', '75'],
  ]) {
    const run = await nsmIn(args, { store });
    if (run.status !== 0) throw new Error(`${args.join(' ')}: ${run.stderr}`);
  }
  template = dirname(store);
});

function copy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'nsm-r3-'));
  cpSync(template, dir, { recursive: true });
  return join(dir, 'store.json');
}

/** Every file under the store's folder: relative path → bytes. */
function files(dir: string, prefix = ''): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory())
      for (const [inner, bytes] of files(path, `${prefix}${name}/`)) out.set(inner, bytes);
    else out.set(`${prefix}${name}`, readFileSync(path));
  }
  return out;
}

/** The store's meaning, without what differs between two runs of one change (meeting UUIDs). */
function meaning(bytes: Buffer): string {
  return bytes.toString('utf8').replace(/"uuid":"[0-9a-f-]{36}"/g, '"uuid":"…"');
}

interface Change {
  name: string;
  args: string[];
  /** Prepares the store (after copying the template), before the change. */
  before?: (store: string) => Promise<void>;
}

const WRITE_ARGS = ['nco', 'add', '--name', 'Kim Park', '--shield', '1003', '--precinct', '75'];

const CHANGES: Change[] = [
  { name: 'nco add', args: ['nco', 'add', '--name', 'Kim Park', '--shield', '1003', '--precinct', '75'] },
  {
    name: 'meeting schedule (a series)',
    args: [
      'meeting',
      'schedule',
      '--sector',
      '75A',
      '--at',
      '2026-12-08 19:00',
      '--repeat',
      'weekly',
      '--count',
      '4',
    ],
  },
  {
    name: 'undo',
    args: ['undo'],
    before: async (store) => void (await nsmIn(['nco', 'assign', 'N1', '75A'], { store })),
  },
  { name: 'init --force', args: ['init', '--empty', '--force'] },
  { name: 'doctor --restore', args: ['doctor', '--restore', '000002'] },
];

async function prepared(change: Change): Promise<string> {
  const store = copy();
  await change.before?.(store);
  return store;
}

async function run(
  args: string[],
  store: string,
  failAt: number | null,
  code = 'EIO',
): Promise<InProcessRun> {
  seam.calls = [];
  seam.failAt = failAt;
  seam.code = code;
  try {
    return await nsmIn(args, { store });
  } finally {
    seam.failAt = null;
  }
}

let faultPoints = 0;

/** What `nsm undo` does next: its exit code and the store it leaves (as meaning). */
async function undoOutcome(store: string): Promise<{ status: number | null; stderr: string; store: string }> {
  const undo = await nsmIn(['undo'], { store, env: { NSM_LOCK_TIMEOUT_MS: '2000' } });
  // The message names the temporary folder; only its shape matters.
  const stderr = undo.status === 0 ? '' : undo.stderr.replace(/\/tmp\/\S+/g, '…');
  return { status: undo.status, stderr, store: meaning(readFileSync(store)) };
}

describe('R3: the write fails at each step of its path', () => {
  it.each(CHANGES)('$name', async (change) => {
    // A successful run records the steps, and what the store becomes.
    const recordStore = await prepared(change);
    const ok = await run(change.args, recordStore, null);
    expect(ok.status, ok.stderr).toBe(0);
    // The steps of the write path: the calls on the store's folder (not on the settings file).
    const indices = seam.calls.flatMap((c, k) => (c.path.startsWith(dirname(recordStore)) ? [k] : []));
    const steps = indices.map((k) => seam.calls[k]!);
    const after = meaning(readFileSync(recordStore));
    // Undo after the change (it keeps the id counters raised, so compare with a clean run's undo).
    const afterUndo = change.name === 'undo' ? null : await undoOutcome(recordStore);
    expect(
      steps.some((c) => c.name === 'rename'),
      'the write path renames',
    ).toBe(true);
    faultPoints += steps.length;

    const failures: string[] = [];
    /** What undo does on the store as it was before the change (the same for every refused fault). */
    let cleanUndo: Awaited<ReturnType<typeof undoOutcome>> | undefined;
    for (let i = 0; i < steps.length; i++) {
      const step = steps[i]!;
      const code = CODES[i % CODES.length]!;
      const where = `${change.name}: ${code} at step ${i + 1}/${steps.length} (${step.name} ${step.path.replace(/.*\//, '')})`;
      const store = await prepared(change);
      const dir = dirname(store);
      const before = files(dir);
      // The calls outside the store's folder come at the same places in every run.
      const result = await run(change.args, store, indices[i]!, code);
      try {
        // The fault really happened at the step recorded (the path did not change under us).
        const failed = seam.calls.filter((c) => c.path.startsWith(dir))[i];
        expect(failed?.name, 'the same step').toBe(step.name);
        // Removing the lock itself failed: the process that holds it ends with the command, and
        // the next nsm takes over a lock whose owner is gone at once (test/store/live-lock.test.ts).
        // Here the owner is this test process, which lives on: take the lock away by hand.
        if (/\.lock(\/|$)/.test(step.path) && /^(unlink|rmdir|rm)$/.test(step.name) && result.status === 0)
          rmSync(`${store}.lock`, { recursive: true, force: true });
        const now = files(dir);
        const storeNow = now.get('store.json');
        const unchanged = storeNow !== undefined && storeNow.equals(before.get('store.json')!);
        if (unchanged) {
          // Refused: one clear line, the contract's code, and the journal as it was (undo must
          // not take back a change that never happened).
          // Exit 6 only when the step that failed was opening something to read it.
          const reading = step.name === 'open' && !step.path.endsWith('.tmp');
          expectRefusal(result, reading && result.status === 6 ? 6 : 7);
          cleanUndo ??= await undoOutcome(await prepared(change));
          const [faulted, clean] = [await undoOutcome(store), cleanUndo];
          expect(`${faulted.status} ${faulted.stderr}`, 'undo after the refusal').toBe(
            `${clean.status} ${clean.stderr}`,
          );
          expect(faulted.store, 'undo after the refusal').toBe(clean.store);
        } else {
          // Past the point of no return: the new state whole and valid, and undo takes it back.
          expect(storeNow && meaning(storeNow), 'the store is neither the old nor the new state').toBe(after);
          expect([0, 7], result.stderr).toContain(result.status);
          expect(result.stderr, 'the change was made: saying otherwise invites a second one').not.toMatch(
            /nothing was changed/,
          );
          if (afterUndo) expect(await undoOutcome(store), 'undo takes the change back').toEqual(afterUndo);
        }
        const names = [...files(dir).keys()];
        expect(
          names.filter((n) => /\.tmp$/.test(n)),
          'temporary files left',
        ).toEqual([]);
        expect(existsSync(`${store}.lock`), 'the lock is still there').toBe(false);
      } catch (error) {
        failures.push(
          `${where}: exit ${result.status} ${result.stderr.trim()} — ${(error as Error).message}`,
        );
      }
    }
    expect(failures).toEqual([]);
  });

  it('records how many fault points it tried', () => {
    expect(faultPoints).toBeGreaterThan(CHANGES.length * 3);
    figure('R3', 'fault points', faultPoints);
  });
});

/**
 * The same faults made real by the machine (as root, folder modes do not stop writes: a file
 * system of a few kilobytes, a read-only mount and immutable files do; permissions are tried as
 * `nobody`). Each: exit 7 naming the cause, the store byte-identical, no temporary file, no lock.
 */
describe('R3: real file-system faults', () => {
  const mounts: string[] = [];
  afterAll(() => {
    for (const dir of mounts) execFileSync('umount', [dir]);
  });

  /** A store on its own tmpfs of `size`, copied from the template. */
  function onTmpfs(size: string): string {
    const dir = mkdtempSync(join(tmpdir(), 'nsm-r3-fs-'));
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size},mode=0700`, 'tmpfs', dir]);
    mounts.push(dir);
    cpSync(template, dir, { recursive: true });
    return join(dir, 'store.json');
  }

  /** Refused: exit 7 naming the cause, the store byte-identical, no temporary file, no lock. */
  function expectUntouched(store: string, before: Map<string, Buffer>, run: InProcessRun, what: RegExp) {
    expectRefusal(run, 7);
    expect(run.stderr).toMatch(what);
    expect(files(dirname(store)).get('store.json')).toEqual(before.get('store.json'));
    expect([...files(dirname(store)).keys()].filter((n) => n.endsWith('.tmp'))).toEqual([]);
    expect(existsSync(`${store}.lock`)).toBe(false);
  }

  it('a full disk (a tmpfs with no room left): exit 7, the store byte-identical', async () => {
    const store = onTmpfs('256k');
    // Fill what is left, so the store fits but a second copy of it (the new state) does not.
    try {
      execFileSync('dd', ['if=/dev/zero', `of=${join(dirname(store), 'filler')}`, 'bs=4k'], {
        stdio: 'ignore',
      });
    } catch {
      // dd stops with "No space left on device": that is the point.
    }
    const before = files(dirname(store));
    expectUntouched(store, before, await nsmIn(WRITE_ARGS, { store }), /disk is full/);
    expect((await nsmIn(['nco', 'list'], { store })).status, 'reads still work').toBe(0);
    // With room again, undo takes back the last change that was made, as if nothing had failed.
    rmSync(join(dirname(store), 'filler'));
    expect(await undoOutcome(store)).toEqual(await undoOutcome(copy()));
  });

  it('a read-only mount: reads work, a change exits 7 naming it, nothing changes', async () => {
    const store = onTmpfs('1m');
    execFileSync('mount', ['-o', 'remount,ro', dirname(store)]);
    const before = files(dirname(store));
    expect((await nsmIn(['nco', 'list'], { store })).status).toBe(0);
    expectUntouched(store, before, await nsmIn(WRITE_ARGS, { store }), /read-only|permission denied/);
    expectUntouched(store, before, await nsmIn(['undo'], { store }), /read-only|permission denied/);
  });

  it('an immutable store file and an immutable folder (chattr +i): exit 7, nothing changes', async () => {
    for (const target of ['store.json', '.']) {
      const store = copy();
      const path = join(dirname(store), target);
      execFileSync('chattr', ['+i', path]);
      try {
        const before = files(dirname(store));
        expectUntouched(store, before, await nsmIn(WRITE_ARGS, { store }), /permission denied/);
      } finally {
        execFileSync('chattr', ['-i', path]);
      }
      expect(await undoOutcome(store), `undo after the refusal (${target})`).toEqual(
        await undoOutcome(copy()),
      );
    }
  });

  it('a store folder its user may not enter: reads exit 6, writes 7, each naming it', () => {
    const store = copy();
    if (IS_ROOT) chownSync(dirname(store), NOBODY, NOBODY);
    const before = files(dirname(store));
    execFileSync('chmod', ['000', dirname(store)]);
    try {
      const read = nsmUnprivileged(['nco', 'list'], store);
      expectRefusal(read, 6);
      expect(read.stderr).toMatch(/permission denied/);
      const write = nsmUnprivileged(WRITE_ARGS, store);
      expect([6, 7]).toContain(write.status);
      expectRefusal(write, write.status!);
      expect(write.stderr).toMatch(/permission denied/);
    } finally {
      execFileSync('chmod', ['700', dirname(store)]);
    }
    expect(files(dirname(store))).toEqual(before);
  });
});
