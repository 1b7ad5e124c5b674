import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { inject } from 'vitest';

export const BIN = resolve(import.meta.dirname, '../../bin/nsm.js');
/** Every end-to-end run sees the same instant: Thursday 2026-11-26, noon in New York. */
export const NOW = '2026-11-26T17:00:00Z';

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  store?: string;
  env?: Record<string, string | undefined>;
  input?: string;
}

/** The environment the built nsm runs with: a fixed clock, no colour, the test's store. */
export function environment(options: RunOptions): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NSM_NOW: NOW, NO_COLOR: '1', ...options.env };
  if (options.store) env.NSM_STORE = options.store;
  delete env.NODE_ENV;
  return env;
}

/** Runs the built nsm with a fixed clock; stdin and stdout are pipes, so never a terminal. */
export function nsm(args: string[], options: RunOptions = {}): Run {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    env: environment(options),
    input: options.input ?? '',
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The same, without waiting: for tests that run writers side by side. */
export function nsmAsync(args: string[], options: RunOptions = {}): Promise<Run> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: environment(options),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (status) => done({ status, stdout, stderr }));
  });
}

/** A store path in a new temporary folder (the file itself does not exist yet). */
export function tempStore(): string {
  return join(mkdtempSync(join(tmpdir(), 'nsm-test-')), 'store.json');
}

/**
 * A temporary store created by `nsm init` with the reference data. The test run's global setup
 * (helpers/global-setup.ts) runs that init once; each call copies its folder (the store and the
 * journal that records the init), which is byte for byte what a fresh init at NOW writes.
 */
export function initializedStore(): string {
  const store = tempStore();
  const template = inject('nsmInitTemplate');
  if (template) {
    cpSync(template, join(store, '..'), { recursive: true });
    return store;
  }
  const run = nsm(['init'], { store });
  if (run.status !== 0) throw new Error(`nsm init failed: ${run.stderr}`);
  return store;
}

export function json<T = unknown>(run: Run): T {
  if (run.status !== 0) throw new Error(`exit ${run.status}: ${run.stderr}`);
  return JSON.parse(run.stdout) as T;
}

export function bytes(path: string): Buffer {
  return readFileSync(path);
}
