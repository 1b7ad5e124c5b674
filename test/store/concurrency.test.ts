import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, NOW, bytes, initializedStore, json, nsm, nsmAsync } from '../helpers/cli.js';
import { writeLock } from '../helpers/lock.js';
import { nsmIn } from '../helpers/in-process.js';
import {
  addArgs,
  addNco,
  expectFailure,
  ncoCount,
  readStore,
  snapshot,
  type StoreJson,
} from './store-helpers.js';

/** Runs `count` NCO additions one after another, shields from `firstShield` on. */
async function addLoop(store: string, firstShield: number, count: number) {
  const runs = [];
  for (let i = 0; i < count; i++) runs.push(await nsmAsync(addArgs(firstShield + i), { store }));
  return runs;
}

/** Holds `<store>.lock` the way another live nsm would: its owner is this (live) test process. */
function holdLock(store: string): () => void {
  writeLock(store, { pid: process.pid });
  return () => rmSync(`${store}.lock`, { recursive: true, force: true });
}

/** Starts `nco add` and SIGKILLs it after `delayMs`; resolves once it is gone. */
function killedWriter(store: string, shield: number, delayMs: number): Promise<void> {
  return new Promise((done) => {
    const env = { ...process.env, NSM_NOW: NOW, NO_COLOR: '1', NSM_STORE: store };
    const child = spawn(process.execPath, [BIN, ...addArgs(shield)], { env, stdio: 'ignore' });
    const timer = setTimeout(() => child.kill('SIGKILL'), delayMs);
    child.on('exit', () => {
      clearTimeout(timer);
      done();
    });
  });
}

function temporaryFiles(store: string): string[] {
  return readdirSync(dirname(store)).filter(
    (n) => n.startsWith(`.${basename(store)}.`) && n.endsWith('.tmp'),
  );
}

describe('writers side by side', () => {
  it('two processes adding 15 NCOs each at once lose nothing', async () => {
    const store = initializedStore();
    const [a, b] = await Promise.all([addLoop(store, 1000, 15), addLoop(store, 2000, 15)]);
    for (const run of [...a, ...b]) expect(run.status, run.stderr).toBe(0);
    const ncos = readStore(store).ncos;
    expect(ncos).toHaveLength(30);
    expect(new Set(ncos.map((n) => n.id)).size).toBe(30);
    expect(new Set(ncos.map((n) => n.shield))).toEqual(
      new Set([...Array(15).keys()].flatMap((i) => [String(1000 + i), String(2000 + i)])),
    );
    // Each process printed the id it was given, and no id was handed out twice.
    const printed = [...a, ...b].map((r) => r.stdout.trim());
    expect(new Set(printed).size).toBe(30);
    expect((await nsmIn(['doctor'], { store })).status).toBe(0);
  }, 120_000);

  it('readers never see a half-written store while a writer works', async () => {
    const store = initializedStore();
    const writing = addLoop(store, 3000, 8);
    let finished = false;
    void writing.then(() => (finished = true));
    const counts: number[] = [];
    while (!finished) {
      const run = await nsmAsync(['nco', 'list', '--json'], { store });
      expect(run.status, run.stderr).toBe(0);
      counts.push((JSON.parse(run.stdout) as unknown[]).length);
    }
    for (const run of await writing) expect(run.status, run.stderr).toBe(0);
    expect(counts.length).toBeGreaterThan(0);
    expect(counts).toEqual([...counts].sort((x, y) => x - y));
    expect(ncoCount(store)).toBe(8);
  }, 120_000);
});

describe('the store lock', () => {
  it('a lock held by another live nsm makes a write give up with exit 5 and change nothing', async () => {
    const store = initializedStore();
    const release = holdLock(store);
    const before = snapshot(store);
    try {
      const started = Date.now();
      const run = await nsmAsync(addArgs(1), { store, env: { NSM_LOCK_TIMEOUT_MS: '300' } });
      expectFailure(run, 5, /busy/);
      expect(Date.now() - started).toBeLessThan(8_000);
      // The other nsm's lock is left alone, and the store and its backups are untouched.
      expect(existsSync(`${store}.lock`)).toBe(true);
      expect(snapshot(store)).toEqual(before);
      // Readers do not wait for the lock.
      expect(json<unknown[]>(await nsmAsync(['precinct', 'list', '--json'], { store }))).toHaveLength(78);
    } finally {
      release();
    }
  });

  it('a busy lock also refuses init --force, undo and restore', async () => {
    const store = initializedStore();
    await addNco(store, 1);
    const before = bytes(store);
    const release = holdLock(store);
    try {
      const env = { NSM_LOCK_TIMEOUT_MS: '300' };
      expectFailure(await nsmAsync(['init', '--force'], { store, env }), 5, /busy/);
      expectFailure(await nsmAsync(['undo'], { store, env }), 5, /busy/);
      expectFailure(await nsmAsync(['doctor', '--restore', '000002'], { store, env }), 5, /busy/);
      expect(bytes(store).equals(before)).toBe(true);
    } finally {
      release();
    }
  });

  it("an older nsm's lock folder, not refreshed for a minute, is taken over and the write succeeds", () => {
    const store = initializedStore();
    const lock = `${store}.lock`;
    mkdirSync(lock);
    const old = new Date(Date.now() - 60_000);
    utimesSync(lock, old, old);
    const run = nsm(addArgs(1), { store, env: { NSM_LOCK_TIMEOUT_MS: '3000' } });
    expect(run.status, run.stderr).toBe(0);
    expect(ncoCount(store)).toBe(1);
    expect(existsSync(lock)).toBe(false);
  });

  it('the lock is released after a write, so the next one does not wait', async () => {
    const store = initializedStore();
    await addNco(store, 1);
    expect(existsSync(`${store}.lock`)).toBe(false);
    expect(nsm(addArgs(2), { store, env: { NSM_LOCK_TIMEOUT_MS: '300' } }).status).toBe(0);
  });
});

describe('a writer killed part-way', () => {
  it('leaves a store that still reads, holding either the old state or the new one', async () => {
    const store = initializedStore();
    // A large (still valid) store makes each write take long enough for kills to land inside it.
    const padded = readStore(store) as StoreJson & { precincts: Array<{ notes: string | null }> };
    padded.precincts[0]!.notes = 'x'.repeat(30_000_000);
    writeFileSync(store, JSON.stringify(padded));
    // Spread the kills over the whole life of a writer: before, during and after its write
    // (timed on a spawned writer, since the killed ones are processes too).
    const started = Date.now();
    expect(nsm(addArgs(1), { store }).status).toBe(0);
    const lifetime = Math.max(150, Date.now() - started);
    let count = 1;
    for (let i = 0; i < 15; i++) {
      await killedWriter(store, 100 + i, Math.random() * lifetime * 1.2);
      // The killed writer may have died holding the lock: its process is gone, so the next
      // writer takes the lock over at once.
      const now = ncoCount(store);
      expect([count, count + 1]).toContain(now);
      count = now;
      const doctor = json<{ ok: boolean; findings: Array<{ code: string }> }>(
        await nsmIn(['doctor', '--json'], { store }),
      );
      expect(doctor.ok).toBe(true);
      expect(doctor.findings.map((f) => f.code)).not.toContain('unreadable');
      if (temporaryFiles(store).length > 0) {
        expect(doctor.findings.map((f) => f.code)).toContain('leftover-temporary-files');
      }
    }
    // After all that, writing still works and nothing was duplicated.
    await addNco(store, 999);
    const ncos = readStore(store).ncos;
    expect(new Set(ncos.map((n) => n.id)).size).toBe(ncos.length);
    expect(new Set(ncos.map((n) => n.shield)).size).toBe(ncos.length);
  }, 180_000);

  it('doctor reports a leftover temporary file as a warning, not an error', async () => {
    const store = initializedStore();
    const leftover = join(dirname(store), `.${basename(store)}.12345.0123456789ab.tmp`);
    writeFileSync(leftover, '{"schemaVersion": 1, "cut sh');
    const run = await nsmIn(['doctor', '--json'], { store });
    expect(run.status, run.stderr).toBe(0);
    const finding = json<{ findings: Array<{ level: string; code: string; message: string }> }>(
      run,
    ).findings.find((f) => f.code === 'leftover-temporary-files');
    expect(finding?.level).toBe('warning');
    expect(finding?.message).toContain(basename(leftover));
    // The leftover does not stop reads or writes, and the next change clears it away.
    await addNco(store, 1);
    expect(existsSync(leftover)).toBe(false);
  });
});
