#!/usr/bin/env node
// The long form of the reliability battery (issue #11): runs test/reliability with
// NSM_RELIABILITY=long, then prints the figures each test recorded as one table.
// Usage: npm run test:reliability [-- <test names, e.g. kills writers>]
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
// Its own file: an `npm test` running meanwhile clears only the fast form's figures.
const figures = resolve(root, '.reliability/long-figures.jsonl');
rmSync(figures, { force: true });
const started = Date.now();
const run = spawnSync(
  process.execPath,
  [resolve(root, 'node_modules/vitest/vitest.mjs'), 'run', ...files(process.argv.slice(2))],
  {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NSM_RELIABILITY: 'long', NSM_RELIABILITY_FIGURES: figures },
  },
);
const minutes = ((Date.now() - started) / 60_000).toFixed(1);

/** The whole battery, or the named parts of it (`kills` is test/reliability/kills.test.ts). */
function files(names) {
  if (names.length === 0) return ['test/reliability'];
  return names.map((n) =>
    n.startsWith('-') ? n : `test/reliability/${n.replace(/(\.test\.ts)?$/, '.test.ts')}`,
  );
}

const rows = existsSync(figures)
  ? readFileSync(figures, 'utf8')
      .trim()
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line))
  : [];
const order = (id) => Number(id.slice(1));
rows.sort((a, b) => order(a.id) - order(b.id));
const width = Math.max(6, ...rows.map((r) => r.name.length));
console.log(
  `\nReliability battery, long form (Node ${process.versions.node}, ${minutes} min, exit ${run.status}):\n`,
);
console.log(`| test | ${'figure'.padEnd(width)} | value |`);
console.log(`|---|${'-'.repeat(width + 2)}|---|`);
for (const r of rows) console.log(`| ${r.id} | ${r.name.padEnd(width)} | ${r.value} |`);
process.exit(run.status ?? 1);
