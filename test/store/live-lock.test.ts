import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, environment, initializedStore, nsm, nsmAsync, type Run } from '../helpers/cli.js';
import { writeLock } from '../helpers/lock.js';
import { nsmIn } from '../helpers/in-process.js';
import { addArgs, expectFailure, readStore, snapshot } from './store-helpers.js';

/** A pid that named a process a moment ago and names none now. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
    encoding: 'utf8',
  });
  return Number(child.stdout);
}

/** Starts `nco add` and pauses it (SIGSTOP) the moment it holds the store's lock. */
async function pausedHoldingTheLock(store: string, shield: number) {
  const env = environment({ store });
  const child = spawn(process.execPath, [BIN, ...addArgs(shield)], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  const done = new Promise<Run>((resolve) =>
    child.on('close', (status) => resolve({ status, stdout, stderr })),
  );
  const lock = `${store}.lock`;
  const deadline = Date.now() + 10_000;
  // Polled without yielding, so the writer is caught inside its change, not after it.
  while (!existsSync(lock)) {
    if (Date.now() > deadline) throw new Error(`the writer never took the lock: ${stderr}`);
  }
  child.kill('SIGSTOP');
  return { pid: child.pid!, resume: () => child.kill('SIGCONT'), done };
}

describe('a live owner keeps its lock', () => {
  it('a writer paused while it holds the lock (Ctrl-Z, a suspended laptop) loses nothing: the other waits and gives up with exit 5, naming it', async () => {
    const store = initializedStore();
    const a = await pausedHoldingTheLock(store, 501);
    try {
      // Longer than nsm 0.5 waited before it took a lock over as stale (4 s).
      const b = await nsmAsync(addArgs(502), { store, env: { NSM_LOCK_TIMEOUT_MS: '5000' } });
      expectFailure(b, 5, new RegExp(`"nsm nco add" \\(process ${a.pid} on this machine\\) holds its lock`));
      expect(b.stderr).toContain(`kill ${a.pid}`);
    } finally {
      a.resume();
    }
    const run = await a.done;
    expect(run.status, run.stderr).toBe(0);
    // The write that was acknowledged is there, once, and the refused one is not.
    const shields = readStore(store).ncos.map((n) => n.shield);
    expect(shields).toEqual(['501']);
    expect(run.stdout).toContain(readStore(store).ncos[0]!.id);
    expect(existsSync(`${store}.lock`)).toBe(false);
  }, 60_000);

  it('a lock whose owner died is taken over at once', () => {
    const store = initializedStore();
    writeLock(store, { pid: deadPid() });
    const started = Date.now();
    const run = nsm(addArgs(1), { store, env: { NSM_LOCK_TIMEOUT_MS: '8000' } });
    expect(run.status, run.stderr).toBe(0);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(readStore(store).ncos).toHaveLength(1);
    expect(existsSync(`${store}.lock`)).toBe(false);
  });

  it("a lock whose pid now names another process (a reused pid) counts as its owner's death", () => {
    const store = initializedStore();
    // This test process is alive, but it started at another moment than the lock says.
    writeLock(store, { pid: process.pid, started: '1' });
    const run = nsm(addArgs(1), { store, env: { NSM_LOCK_TIMEOUT_MS: '8000' } });
    expect(run.status, run.stderr).toBe(0);
  });

  it('a lock held on another machine is never broken: exit 5 names the machine and how to clear it', async () => {
    const store = initializedStore();
    writeLock(store, { pid: deadPid(), host: 'laptop-of-sgt-diaz' });
    const before = snapshot(store);
    const run = await nsmAsync(addArgs(1), { store, env: { NSM_LOCK_TIMEOUT_MS: '300' } });
    expectFailure(run, 5, /process \d+ on laptop-of-sgt-diaz\) holds its lock/);
    expect(run.stderr).toContain(`if no nsm runs on laptop-of-sgt-diaz any more, remove ${store}.lock`);
    expect(snapshot(store)).toEqual(before);
  });

  it('the lock is a folder and an owner file only its owner may read, with no argument of the command in it', async () => {
    const store = initializedStore();
    const a = await pausedHoldingTheLock(store, 777);
    try {
      const lock = `${store}.lock`;
      expect(statSync(lock).mode & 0o777).toBe(0o700);
      const [name, ...more] = readdirSync(lock);
      expect(more).toEqual([]);
      expect(name).toMatch(/^owner-[0-9a-f]{24}$/);
      expect(statSync(join(lock, name!)).mode & 0o777).toBe(0o600);
      const owner = JSON.parse(readFileSync(join(lock, name!), 'utf8')) as Record<string, unknown>;
      expect(owner).toMatchObject({ pid: a.pid, command: 'nsm nco add' });
      // The arguments were --name 'Officer 777' --shield 777: the name cannot appear by chance in
      // the token, the pid or the times, as the digits 777 can (a token a177755d… once did).
      expect(JSON.stringify(owner)).not.toContain('Officer');
    } finally {
      a.resume();
    }
    expect((await a.done).status).toBe(0);
  }, 30_000);

  it('an owner file that is not an nsm lock is reported, not taken for a lock', async () => {
    const store = initializedStore();
    writeFileSync(writeLock(store, { pid: process.pid }), '{"pid": "not a number"}');
    const run = await nsmAsync(addArgs(1), { store });
    expectFailure(run, 7, /is in the way: .* this is a folder whose owner file is not an nsm lock/);
  });

  it('waiters that find the same dead lock never remove a live one: many at once, one lock, nothing lost', async () => {
    const store = initializedStore();
    writeLock(store, { pid: deadPid() });
    const runs = await Promise.all(
      [...Array(6).keys()].map((i) =>
        nsmAsync(addArgs(600 + i), { store, env: { NSM_LOCK_TIMEOUT_MS: '30000' } }),
      ),
    );
    for (const run of runs) expect(run.status, run.stderr).toBe(0);
    const ncos = readStore(store).ncos;
    expect(ncos.map((n) => n.shield).sort()).toEqual(['600', '601', '602', '603', '604', '605']);
    expect(new Set(ncos.map((n) => n.id)).size).toBe(6);
    expect(existsSync(`${store}.lock`)).toBe(false);
  }, 60_000);
});

describe('a lock left by a process that ended', () => {
  it('doctor reports it as a warning, and the next change takes it over', async () => {
    const store = initializedStore();
    writeLock(store, { pid: deadPid(), command: 'nsm meeting schedule' });
    const doctor = await nsmIn(['doctor', '--json'], { store });
    expect(doctor.status, doctor.stderr).toBe(0);
    const findings = (
      JSON.parse(doctor.stdout) as { findings: Array<{ level: string; code: string; message: string }> }
    ).findings;
    const finding = findings.find((f) => f.code === 'abandoned-lock');
    expect(finding?.level).toBe('warning');
    expect(finding?.message).toMatch(
      /left by "nsm meeting schedule" \(process \d+, since .*-0[45]:00\), which has ended/,
    );
    expect((await nsmIn(addArgs(1), { store })).status).toBe(0);
    expect(existsSync(`${store}.lock`)).toBe(false);
  });

  it('a live holder is not reported as abandoned', async () => {
    const store = initializedStore();
    writeLock(store, { pid: process.pid, started: undefined });
    const doctor = await nsmIn(['doctor', '--json'], { store });
    expect(doctor.stdout).not.toContain('abandoned-lock');
  });
});
