#!/usr/bin/env node
// Generates a deterministic nsm store for benchmarks: the real 78 precincts and 302 sectors of
// New York City, with officers, quarterly meetings, issues, solutions and approved minutes
// made up by a seeded random source. The same arguments always give the same file, byte for byte.
//
//   node bench/generate.mjs --scale <n> --out <file> [--open-issues <k>]
//
// --scale 1 is the whole city for ten years (about 700 NCOs, 12,000 meetings, 60,000 issues,
// 90,000 solutions); n multiplies the years of meetings (0.1 is one year, 4 is forty), and with
// them the issues, solutions and officer turnover. --open-issues k leaves exactly k issues open
// or in progress. Needs a build (npm run build): it uses nsm's own code from dist/ for the empty
// store, the approved minutes and the final validation (storeProblem); it exits 1 if the store
// does not validate.

import { chmodSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { initialStore } from '../dist/domain/initial-store.js';
import { minutesView } from '../dist/domain/minutes.js';
import { storeProblem } from '../dist/domain/schema.js';
import { loadReference } from '../dist/reference/reference.js';
import { dayOf, stampOf } from './gen/dates.mjs';
import { makeLedger } from './gen/ledger.mjs';
import { makeMeetings } from './gen/meetings.mjs';
import { makeMinutes } from './gen/minutes.mjs';
import { setOutstanding } from './gen/open-issues.mjs';
import { Random } from './gen/random.mjs';
import { makeRoster } from './gen/roster.mjs';

/** The benchmark's "now": the runner sets NSM_NOW to the same instant. */
export const NOW = '2026-11-26T17:00:00Z';
const NOW_STAMP = new Date(NOW).toISOString();
const SEED = 'nsm-bench-1';

/** Reads and checks the command line; exits 2 with a usage line when it is wrong. */
function options() {
  const usage = 'usage: node bench/generate.mjs --scale <n> --out <file> [--open-issues <k>]';
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        scale: { type: 'string', default: '1' },
        out: { type: 'string' },
        'open-issues': { type: 'string' },
      },
    }));
  } catch (error) {
    fail(`${error.message}\n${usage}`, 2);
  }
  const scale = Number(values.scale);
  if (!(scale > 0) || !Number.isFinite(scale)) fail(`--scale must be a positive number\n${usage}`, 2);
  // Scale 16 is about 1.5 GB of JSON, past what one Node string can hold; more would run for hours.
  if (scale > MAX_SCALE) fail(`--scale ${scale} is more than ${MAX_SCALE}\n${usage}`, 2);
  if (!values.out) fail(`missing --out\n${usage}`, 2);
  let openIssues = null;
  if (values['open-issues'] !== undefined) {
    openIssues = Number(values['open-issues']);
    if (!Number.isInteger(openIssues) || openIssues < 0)
      fail(`--open-issues must be a whole number\n${usage}`, 2);
  }
  return { scale, out: resolve(values.out), openIssues };
}

function fail(message, code = 1) {
  process.stderr.write(`generate: ${message}\n`);
  process.exit(code);
}

/** Builds the whole store in memory. */
/** The largest scale: a store of about 1.5 GB. */
const MAX_SCALE = 16;

async function buildStore({ scale, openIssues }) {
  const nowDay = dayOf(NOW);
  const stream = (label) => new Random(SEED, `${label}|${scale}`);
  const store = initialStore(await loadReference(), NOW_STAMP);

  const { drafts: meetings, seriesCount } = makeMeetings({
    store,
    scale,
    nowDay,
    nowStamp: NOW_STAMP,
    random: stream('meetings'),
  });
  // Officers were on the job a while before the first meeting.
  const firstDay = meetings.reduce((first, m) => Math.min(first, m.day), Infinity);
  const roster = makeRoster({ store, scale, firstDay, nowDay, random: stream('roster') });
  store.ncos = roster.ncos;
  store.meetings = meetings.map((m) => m.record);

  const ledger = makeLedger({
    meetings,
    spans: roster.spans,
    nowDay,
    nowStamp: NOW_STAMP,
    random: stream('ledger'),
  });
  if (openIssues !== null) setOutstanding(ledger.issues, openIssues, ledger.lastHeld, stream('open-issues'));
  store.issues = ledger.issues;
  store.solutions = ledger.solutions;
  store.minutes = makeMinutes({
    store,
    meetings,
    minutesView,
    nowDay,
    nowStamp: NOW_STAMP,
    random: stream('minutes'),
  });

  store.nextId = {
    nco: store.ncos.length + 1,
    meeting: store.meetings.length + 1,
    series: seriesCount + 1,
    issue: store.issues.length + 1,
    solution: store.solutions.length + 1,
  };
  // The store was made (nsm init) before its first record, not at the benchmark's "now".
  store.createdAt = stampOf(firstDay - 500, 15 * 60);
  return store;
}

/** Writes the store as nsm does (one line of JSON), readable by the owner only, replacing any old file. */
function writeStore(store, out) {
  const temp = `${out}.${process.pid}.tmp`;
  writeFileSync(temp, JSON.stringify(store) + '\n', { mode: 0o600 });
  chmodSync(temp, 0o600);
  renameSync(temp, out);
  return statSync(out).size;
}

/** The one line printed at the end: where, how big, how many of each record, how long. */
function summary(store, out, bytes, ms) {
  const count = (list, key, value) => list.filter((r) => r[key] === value).length;
  const open = count(store.issues, 'status', 'open') + count(store.issues, 'status', 'in-progress');
  return [
    out,
    `${(bytes / 1048576).toFixed(1)} MB`,
    `${store.ncos.length} ncos`,
    `${store.meetings.length} meetings (${count(store.meetings, 'status', 'held')} held, ${count(store.meetings, 'status', 'cancelled')} cancelled, ${count(store.meetings, 'status', 'scheduled')} scheduled)`,
    `${store.issues.length} issues (${open} open or in progress)`,
    `${store.solutions.length} solutions`,
    `${store.minutes.length} approved minutes`,
    `${(ms / 1000).toFixed(1)} s`,
  ].join(', ');
}

const started = performance.now();
const opts = options();
let store;
try {
  store = await buildStore(opts);
} catch (error) {
  fail(error.message);
}
const problem = storeProblem(store);
if (problem) fail(`the generated store does not validate: ${problem}`);
const bytes = writeStore(store, opts.out);
process.stdout.write(`${summary(store, opts.out, bytes, performance.now() - started)}\n`);
