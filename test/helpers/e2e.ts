import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect } from 'vitest';
import { BIN, NOW, bytes, json, type Run } from './cli.js';
import { nsmIn } from './in-process.js';

/** Shared assertions for the command tests (run in-process) and the pseudo-terminal runner. */

export interface NcoJson {
  id: string;
  name: string;
  shield: string;
  rank: string;
  precinct: number;
  sector: string | null;
  email: string | null;
  phone: string | null;
  assignments: Array<{ sector: string; from: string; to: string | null }>;
}

/** Runs a command that must fail: the exit code, one `nsm: … — …` line on stderr, nothing on stdout, the store untouched. */
export async function refused(
  args: string[],
  store: string,
  code: number,
  env: Record<string, string | undefined> = {},
): Promise<Run> {
  const before = bytes(store);
  const run = await nsmIn(args, { store, env });
  expectRefusal(run, code);
  expect(bytes(store).equals(before), 'store changed by a failed command').toBe(true);
  return run;
}

/** The shape of every refusal: the exit code, one `nsm: <what> — <how>` line, no stack trace, no stdout. */
export function expectRefusal(run: Run, code: number): void {
  expect(run.status, run.stderr).toBe(code);
  const lines = run.stderr.split('\n').filter((l) => l !== '');
  expect(lines, run.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(/^nsm: \S.* — \S/);
  expect(run.stderr).not.toMatch(/\bat .*\.[jt]s:\d+/); // no stack trace
  expect(run.stdout).toBe('');
}

/** Adds an NCO through the CLI and returns its JSON record. */
export async function addNco(
  store: string,
  name: string,
  shield: string,
  precinct: number | string,
  extra: string[] = [],
): Promise<NcoJson> {
  return json<NcoJson>(
    await nsmIn(
      ['nco', 'add', '--name', name, '--shield', shield, '--precinct', String(precinct), ...extra, '--json'],
      { store },
    ),
  );
}

/** Wait for `expect` in the output, then type `send`. */
export interface PtyStep {
  expect: string;
  send: string;
}

/** Wait for `expect` in the output, then send the command a signal, as `kill` would. */
export interface PtySignalStep {
  expect: string;
  signal: 'SIGINT' | 'SIGTERM';
}

const PTY_RUN = resolve(import.meta.dirname, 'pty-run.py');
const PYTHON = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';

/** A terminal's window size; tests run at 80 × 24 unless they say otherwise. */
export interface WindowSize {
  cols: number;
  rows: number;
}

/**
 * Runs nsm on a real pseudo-terminal of the given window size, answering prompts; returns the
 * terminal output and exit status.
 */
export function onTerminal(
  args: string[],
  store: string,
  steps: Array<PtyStep | PtySignalStep>,
  env: Record<string, string> = {},
  size: WindowSize = { cols: 80, rows: 24 },
): { output: string; status: number; msToExit?: number } {
  const script = join(mkdtempSync(join(tmpdir(), 'nsm-pty-')), 'script.json');
  writeFileSync(
    script,
    JSON.stringify({
      argv: [process.execPath, BIN, ...args],
      env: { NSM_STORE: store, NSM_NOW: NOW, NO_COLOR: '1', NSM_DEBUG: '', ...env },
      steps,
      ...size,
    }),
  );
  const result = spawnSync(PYTHON, [PTY_RUN, script], { encoding: 'utf8', timeout: 60_000 });
  if (result.status !== 0)
    throw new Error(`pty-run.py failed (${result.status}): ${result.stdout}${result.stderr}`);
  const m = /\nEXIT (-?\d+)(?: (\d+))?\n$/.exec(result.stdout);
  if (!m) throw new Error(`pty-run.py printed no exit status: ${result.stdout}`);
  const run = { output: result.stdout.slice(0, m.index), status: Number(m[1]) };
  return m[2] === undefined ? run : { ...run, msToExit: Number(m[2]) };
}

/** The lines of terminal output wider than `width`, once escape sequences are taken out. */
export function linesWiderThan(output: string, width: number): string[] {
  return output
    .replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '')
    .replace(/\r/g, '')
    .split('\n')
    .filter((line) => [...line].length > width);
}
