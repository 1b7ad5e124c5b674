// The database cases of the benchmark (#13): each generated store copied into a throwaway
// PostgreSQL server (scripts/lib/postgres-cluster.mjs), and the commands that a coordinator runs
// most, timed against `node -e 0` plus one round trip to that server. Their budget: at most 2×
// that floor, and no growth with the store (a command reads only its sector's slice).

import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { startCluster } from '../../scripts/lib/postgres-cluster.mjs';
import { timeOnce, median } from './measure.mjs';
import { BIN } from './paths.mjs';

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
    const [first] = Object.values(urls);
    return { cluster, urls, rttMs: first ? await roundTripMs(first) : null };
  } catch (error) {
    await cluster.stop();
    throw error;
  }
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
export function databaseCases({ url, password }, facts, label, rttMs) {
  const nsm = (args) => ({
    file: process.execPath,
    args: [BIN, ...args],
    env: { ...nsmEnv(url), PGPASSWORD: password },
  });
  const floor = {
    label: `node -e 0, + ${rttMs.toFixed(2)} ms round trip`,
    command: () => ({ file: process.execPath, args: ['-e', '0'], env: process.env }),
  };
  return [
    {
      id: 'db-meeting-next',
      label: 'PostgreSQL: meeting next --sector 75A',
      command: () => nsm(['meeting', 'next', '--sector', '75A']),
    },
    {
      id: 'db-issue-list',
      label: 'PostgreSQL: issue list --sector 75A',
      command: () => nsm(['issue', 'list', '--sector', '75A']),
    },
    {
      id: 'db-issue-raise',
      label: `PostgreSQL: issue raise --meeting ${facts.heldIn75A} --summary … (a write)`,
      command: (i) => nsm(['issue', 'raise', '--meeting', facts.heldIn75A, '--summary', summary(i)]),
    },
  ].map((c) => ({ ...c, floor, store: label, budget: 2, kind: 'budget', rttMs, flat: true }));
}
