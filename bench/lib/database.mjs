// The database cases of the benchmark (#13): each generated store copied into a throwaway
// PostgreSQL server (scripts/lib/postgres-cluster.mjs), and the commands that a coordinator runs
// most, timed against `node -e 0` plus one round trip to that server. Their budget: at most 2×
// that floor, and no growth with the store (a command reads only its sector's slice).

import { randomBytes } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { startCluster } from '../../scripts/lib/postgres-cluster.mjs';
import { timeOnce, median } from './measure.mjs';
import { BIN } from './paths.mjs';

/**
 * The agents' runtime folder (XDG_RUNTIME_DIR of the database cases): the benchmark's own, and
 * short (a Unix socket's path may not be much longer than 100 bytes).
 */
const AGENTS = join(tmpdir(), `nsm-bench-agents-${process.pid}`);

export { FLAT } from './paths.mjs';
import { nsmEnv } from './stores.mjs';

/**
 * Starts a server and copies each store into a database of its own (as `nsm store copy` does, and
 * as its owner would): `{ cluster, rttMs, urls: { [scale]: { url, password } } }`, or
 * `{ skipped: why }` when PostgreSQL is not installed.
 */
export async function startDatabases(stores, log) {
  let cluster;
  try {
    cluster = await startCluster();
  } catch (error) {
    return { skipped: error.message.split('\n')[0] };
  }
  try {
    const urls = {};
    for (const [scale, store] of stores) {
      const name = `nsm_bench_${String(scale).replace('.', '_')}`;
      const password = randomBytes(12).toString('hex');
      await admin(cluster.adminUrl, [
        `CREATE ROLE ${name} LOGIN PASSWORD '${password}'`,
        `CREATE DATABASE ${name} OWNER ${name}`,
      ]);
      const url = `postgres://${name}@127.0.0.1:${cluster.port}/${name}`;
      log(`copying ${store.name} into PostgreSQL: nsm store copy --to ${url}`);
      const started = performance.now();
      timeOnce({
        file: process.execPath,
        args: [BIN, 'store', 'copy', '--to', url],
        env: { ...nsmEnv(store.path), PGPASSWORD: password },
      });
      log(`  ${((performance.now() - started) / 1000).toFixed(1)} s`);
      urls[scale] = { url, password };
    }
    for (const db of Object.values(urls)) await startAgent(db, log);
    const [first] = Object.values(urls);
    return { cluster, urls, rttMs: first ? await roundTripMs(first) : null };
  } catch (error) {
    await cluster.stop();
    throw error;
  }
}

/**
 * The environment of nsm on a scale's database: with its agent (src/agent), whose socket is in
 * the benchmark's own folder, or without one (`agent: false`).
 */
function databaseEnv({ url, password }, agent = true) {
  return {
    ...nsmEnv(url),
    PGPASSWORD: password,
    XDG_RUNTIME_DIR: AGENTS,
    ...(agent ? {} : { NSM_AGENT: 'off' }),
  };
}

/**
 * Starts a database's agent as a coordinator's first command does, and waits until it answers:
 * the cases time the commands a coordinator runs after that first one.
 */
async function startAgent(db, log) {
  mkdirSync(AGENTS, { recursive: true, mode: 0o700 });
  const env = databaseEnv(db);
  timeOnce({ file: process.execPath, args: [BIN, 'meeting', 'list', '--sector', '75A'], env });
  for (let i = 0; i < 200; i++) {
    const status = spawnSync(process.execPath, [BIN, 'agent', 'status', '--json'], { env, encoding: 'utf8' });
    if (status.status === 0 && JSON.parse(status.stdout).running) {
      log(`  agent started for ${db.url}: process ${JSON.parse(status.stdout).pid}`);
      return;
    }
    await sleep(50);
  }
  throw new Error(`no nsm agent answered for ${db.url} within 10 seconds`);
}

/** Stops the databases' agents (they would stop by themselves once their folder is gone). */
export function stopAgents(databases) {
  for (const db of Object.values(databases.urls ?? {}))
    spawnSync(process.execPath, [BIN, 'agent', 'stop'], { env: databaseEnv(db), stdio: 'ignore' });
  rmSync(AGENTS, { recursive: true, force: true });
}

async function admin(url, statements) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (const sql of statements) await client.query(sql);
  } finally {
    await client.end();
  }
}

/** One round trip to the server: the median of 200 `SELECT 1` on an open connection, in ms. */
async function roundTripMs({ url, password }) {
  const withPassword = new URL(url);
  withPassword.password = password;
  const client = new pg.Client({ connectionString: withPassword.href });
  await client.connect();
  try {
    const samples = [];
    for (let i = 0; i < 200; i++) {
      const started = process.hrtime.bigint();
      await client.query('SELECT 1');
      samples.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
    return median(samples);
  } finally {
    await client.end();
  }
}

/** A new issue's summary, different each run. */
const summary = (i) => `Bench: a car blocks the hydrant on the corner (run ${i + 1})`;

/**
 * The database cases on one scale's database: what a coordinator runs most, reading a sector and
 * writing to it. `facts` are the generated store's (the database holds the same records).
 */
export function databaseCases(db, facts, label, rttMs) {
  const nsm = (args, agent) => ({
    file: process.execPath,
    args: [BIN, ...args],
    env: databaseEnv(db, agent),
  });
  const floor = {
    label: `node -e 0, + ${rttMs.toFixed(2)} ms round trip`,
    command: () => ({ file: process.execPath, args: ['-e', '0'], env: process.env }),
  };
  const cases = [
    {
      id: 'meeting-next',
      label: 'meeting next --sector 75A',
      args: () => ['meeting', 'next', '--sector', '75A'],
    },
    { id: 'issue-list', label: 'issue list --sector 75A', args: () => ['issue', 'list', '--sector', '75A'] },
    {
      id: 'issue-raise',
      label: `issue raise --meeting ${facts.heldIn75A} --summary … (a write)`,
      args: (i) => ['issue', 'raise', '--meeting', facts.heldIn75A, '--summary', summary(i)],
    },
  ];
  // The budget is the agent's (a coordinator's every command after the first); the same commands
  // without it (each process loading node-postgres, logging in, planning its first query) are
  // reported beside them.
  return [
    ...cases.map((c) => ({
      id: `db-${c.id}`,
      label: `PostgreSQL: ${c.label}`,
      command: (i) => nsm(c.args(i), true),
      budget: 2,
      kind: 'budget',
      flat: true,
    })),
    ...cases.map((c) => ({
      id: `db-alone-${c.id}`,
      label: `PostgreSQL, no agent: ${c.label}`,
      command: (i) => nsm(c.args(i + 1000), false),
      budget: null,
      kind: 'info',
      flat: true,
    })),
  ].map((c) => ({ ...c, floor, store: label, rttMs }));
}
