// Timing for bench/run.mjs: whole-process wall time of one command run, a case measured
// alternately with its floor (case, floor, case, floor, ...), and peak memory in a separate run.
// A command is `{ file, args, env }`; a case or floor gives one per run index, `(i) => command`.

import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { CACHE, PEAK_RSS } from './paths.mjs';

/** A command that did not exit 0: the benchmark stops and says why. */
export class CommandFailed extends Error {
  constructor(command, result) {
    const why = result.error
      ? result.error.message
      : result.signal
        ? `signal ${result.signal}`
        : `exit ${result.status}`;
    const stderr = result.stderr?.toString().trim();
    super(
      `command failed (${why}): ${[command.file, ...command.args].join(' ')}${stderr ? `\n${stderr}` : ''}`,
    );
  }
}

/**
 * Runs a command once without a terminal (stdin from /dev/null, output to pipes) and returns its
 * wall time in milliseconds, from spawn to exit. Throws CommandFailed unless it exits 0.
 */
export function timeOnce(command) {
  const started = process.hrtime.bigint();
  const result = spawnSync(command.file, command.args, {
    env: command.env,
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 1 << 30,
  });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.error || result.status !== 0) throw new CommandFailed(command, result);
  return ms;
}

export function median(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * Measures a case against its floor: `warmups` untimed pairs, then `runs` timed pairs, each pair
 * the case then the floor, so both see the same state of the machine. `nextCase` and `nextFloor`
 * give the command of each run (a write case changes its arguments from run to run). The first
 * warm-up of the case, untimed anyway, is the separate run that measures its peak memory
 * (Node commands only; `peakMb` is null for others).
 */
export function measurePair(nextCase, nextFloor, { warmups, runs }) {
  let peakMb = null;
  for (let i = 0; i < warmups; i++) {
    const command = nextCase();
    if (i === 0 && command.file === process.execPath) peakMb = peakRssMb(command);
    else timeOnce(command);
    timeOnce(nextFloor());
  }
  const caseSamples = [];
  const floorSamples = [];
  for (let i = 0; i < runs; i++) {
    caseSamples.push(timeOnce(nextCase()));
    floorSamples.push(timeOnce(nextFloor()));
  }
  return { caseSamples, floorSamples, peakMb };
}

/**
 * Measures one case on several stores against one floor, round after round: each store's command
 * in turn, then the floor, so that every store sees the same state of the machine and their times
 * compare. Warm-ups as in measurePair; returns each store's samples and peak memory.
 */
export function measureAcross(nextCases, nextFloor, { warmups, runs }) {
  const peakMb = nextCases.map(() => null);
  for (let i = 0; i < warmups; i++) {
    nextCases.forEach((next, k) => {
      const command = next();
      if (i === 0 && command.file === process.execPath) peakMb[k] = peakRssMb(command);
      else timeOnce(command);
    });
    timeOnce(nextFloor());
  }
  const samples = nextCases.map(() => []);
  const floorSamples = [];
  for (let i = 0; i < runs; i++) {
    nextCases.forEach((next, k) => samples[k].push(timeOnce(next())));
    floorSamples.push(timeOnce(nextFloor()));
  }
  return { samples, floorSamples, peakMb };
}

/**
 * The peak resident set size of a Node command, in MB, from a separate untimed run with
 * bench/peak-rss.cjs preloaded. `command.args` must start with the script Node runs.
 */
export function peakRssMb(command) {
  const file = join(CACHE, `peak-rss-${process.pid}.txt`);
  rmSync(file, { force: true });
  timeOnce({
    file: command.file,
    args: ['--require', PEAK_RSS, ...command.args],
    env: { ...command.env, NSM_BENCH_RSS_FILE: file },
  });
  const kb = Number(readFileSync(file, 'utf8'));
  rmSync(file, { force: true });
  return kb / 1024;
}
