// Where the benchmark keeps things, and the fixed settings every run shares (bench/run.mjs).

import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/** The repository root (this file is bench/lib/paths.mjs). */
export const REPO = fileURLToPath(new URL('../../', import.meta.url));
/** The cache of generated stores, reused between runs; ignored by git. */
export const CACHE = join(REPO, '.bench');
/** Private copies of stores that write cases change, and their floors' scratch files. */
export const WORK = join(CACHE, 'work');
/** Files that commands write (calendars, PDFs). */
export const OUT = join(CACHE, 'out');
/** A settings file that does not exist, so no user setting changes what a command does. */
export const NO_CONFIG = join(CACHE, 'no-such-config.json');

export const BIN = join(REPO, 'bin', 'nsm.js');
export const GENERATOR = join(REPO, 'bench', 'generate.mjs');
export const PARSE_FLOOR = join(REPO, 'bench', 'floors', 'parse.mjs');
export const WRITE_FLOOR = join(REPO, 'bench', 'floors', 'write.mjs');
export const PEAK_RSS = join(REPO, 'bench', 'peak-rss.cjs');

/** The benchmark's "now", as the stores are generated for it (NSM_NOW of every run). */
export const NOW = '2026-11-26T17:00:00Z';

/** How much a database case's time may grow from one scale to the next: run-to-run noise, no more. */
export const FLAT = 1.25;
