import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/**
 * The reliability battery (issue #11) runs in two forms: a fast one inside `npm test`, and a long
 * one behind `npm run test:reliability` (NSM_RELIABILITY=long), which also prints every figure.
 */
export const LONG = process.env.NSM_RELIABILITY === 'long';

/** `fast` in `npm test`, `long` in `npm run test:reliability`. */
export function scale<T>(fast: T, long: T): T {
  return LONG ? long : fast;
}

/** Where figures go: one JSON line each, read back by scripts/reliability-table.mjs. */
export const FIGURES_FILE = resolve(
  process.env.NSM_RELIABILITY_FIGURES ?? resolve(import.meta.dirname, '../../.reliability/figures.jsonl'),
);

/**
 * Records a figure of the battery, e.g. figure('R1', 'lock wait p95', '412 ms'). In the fast
 * form figures are still recorded (the file is overwritten by each long run's table script).
 */
export function figure(id: string, name: string, value: string | number): void {
  mkdirSync(dirname(FIGURES_FILE), { recursive: true });
  appendFileSync(
    FIGURES_FILE,
    JSON.stringify({ id, name, value: String(value), form: LONG ? 'long' : 'fast' }) + '\n',
  );
}
