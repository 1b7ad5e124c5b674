import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import type { TestProject } from 'vitest/node';
import { NOW } from './cli.js';
import { startCluster, type Cluster, type ClusterAddress } from './postgres.js';
import { FIGURES_FILE } from '../reliability/battery.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A folder holding store.json (and its journal) as `nsm init` wrote it at NOW; unset if init failed. */
    nsmInitTemplate?: string;
    /** The run's throwaway PostgreSQL server (test/helpers/postgres.ts); unset if it did not start. */
    nsmPostgres?: ClusterAddress;
    /** Why the PostgreSQL server did not start, for testCluster() to report in the tests that need it. */
    nsmPostgresError?: string;
  }
}

/**
 * Runs `nsm init` once for the whole test run; `initializedStore()` copies the result instead of
 * initializing a store for every test (the init tests still run init itself). If init fails here,
 * no template is provided and each initializedStore() runs init itself, so the failure shows up
 * in the tests that need a store rather than stopping the whole run.
 *
 * Meanwhile it starts one throwaway PostgreSQL server for the run, in which each PostgreSQL test
 * makes a fresh database (freshDatabase()). If it does not start, the error is handed on instead,
 * and testCluster() throws it in the tests that need the server.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // Every temporary folder of the run (stores, outputs, the server's) goes in one folder of its own,
  // removed at the end: a run makes thousands, and left in /tmp they filled a shared disk. The
  // test processes, and the nsm processes they start, inherit TMPDIR; the server's user (postgres)
  // must be able to reach its folder inside.
  const runDir = mkdtempSync(join(tmpdir(), 'nsm-run-'));
  chmodSync(runDir, 0o755);
  process.env.TMPDIR = runDir;
  // Each run of the battery records its own figures (test/reliability/battery.ts); a file named by
  // NSM_RELIABILITY_FIGURES belongs to `npm run test:reliability`, which clears it itself.
  if (!process.env.NSM_RELIABILITY_FIGURES) rmSync(FIGURES_FILE, { force: true });
  const dir = mkdtempSync(join(tmpdir(), 'nsm-template-'));
  // The server starts (initdb, then pg_ctl: other processes) while init runs here.
  const [initStatus, postgres] = await Promise.all([initInto(dir), startPostgres()]);
  if (initStatus === 0) project.provide('nsmInitTemplate', dir);
  if (postgres instanceof Error) project.provide('nsmPostgresError', postgres.message);
  else project.provide('nsmPostgres', addressOf(postgres));
  return async () => {
    rmSync(dir, { recursive: true, force: true });
    if (!(postgres instanceof Error)) await postgres.stop();
    rmSync(runDir, { recursive: true, force: true });
  };
}

/** What the tests get of the server: where it is (the rest, stop(), is not serializable). */
function addressOf({ adminUrl, port, socketDir }: Cluster): ClusterAddress {
  return { adminUrl, port, socketDir };
}

async function startPostgres(): Promise<Cluster | Error> {
  try {
    return await startCluster();
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}

async function initInto(dir: string): Promise<number> {
  const stdin = Object.assign(new PassThrough(), { isTTY: false });
  stdin.end();
  const discard = () => new Writable({ write: (_chunk, _encoding, done) => done() });
  try {
    // Imported here so that a source file that does not load fails the tests, not this setup.
    const { main } = await import('../../src/cli/main.js');
    return await main(['init'], {
      stdout: discard(),
      stderr: discard(),
      stdin,
      env: {
        NSM_STORE: join(dir, 'store.json'),
        NSM_NOW: NOW,
        NSM_CONFIG: '/nonexistent/nsm-test-config.json',
      },
    });
  } catch {
    return 1;
  }
}
