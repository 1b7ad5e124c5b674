import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { QueryResultRow } from 'pg';
import { inject } from 'vitest';

import type { ClusterAddress } from '../../scripts/lib/postgres-cluster.mjs';

export { startCluster, type Cluster, type ClusterAddress } from '../../scripts/lib/postgres-cluster.mjs';

export interface FreshDatabase {
  /** `postgres://<role>:<password>@127.0.0.1:<port>/<name>`: what nsm is given as `--store`. */
  url: string;
  /** The database, empty, owned by `role`. */
  name: string;
  /** A login role that owns the database and may connect to no other fresh database. */
  role: string;
  password: string;
  /** Drops the database (closing its connections) and the role. */
  drop(): Promise<void>;
}

/**
 * A new empty database, owned by a new login role with a random password, reachable over TCP.
 * PUBLIC loses CONNECT on it, so that the role of one fresh database cannot reach another's.
 */
export async function freshDatabase(
  cluster: Pick<ClusterAddress, 'adminUrl'> | string,
): Promise<FreshDatabase> {
  const adminUrl = typeof cluster === 'string' ? cluster : cluster.adminUrl;
  const suffix = randomBytes(6).toString('hex');
  const name = `nsm_test_${suffix}`;
  const role = `nsm_test_${suffix}_owner`;
  const password = randomBytes(16).toString('hex');
  const drop = () =>
    withClient(adminUrl, async (admin) => {
      await admin.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`);
      await admin.query(`DROP ROLE IF EXISTS ${pg.escapeIdentifier(role)}`);
    });
  const port = await withClient(adminUrl, async (admin) => {
    try {
      await admin.query(
        `CREATE ROLE ${pg.escapeIdentifier(role)} LOGIN PASSWORD ${pg.escapeLiteral(password)}`,
      );
      // CREATE DATABASE cannot share a query (an implicit transaction) with other statements.
      await admin.query(`CREATE DATABASE ${pg.escapeIdentifier(name)} OWNER ${pg.escapeIdentifier(role)}`);
      await admin.query(`REVOKE CONNECT, TEMPORARY ON DATABASE ${pg.escapeIdentifier(name)} FROM PUBLIC`);
    } catch (error) {
      await drop().catch(() => {});
      throw error;
    }
    // The TCP port is the server's own, whatever form adminUrl came in.
    return (await admin.query<{ port: string }>('SHOW port')).rows[0]!.port;
  });
  return { url: `postgres://${role}:${password}@127.0.0.1:${port}/${name}`, name, role, password, drop };
}

/** Runs one query on its own connection and returns the rows: for tests that look at a database by hand. */
export async function sql<Row extends QueryResultRow = Record<string, unknown>>(
  url: string,
  text: string,
  params: unknown[] = [],
): Promise<Row[]> {
  return withClient(url, async (client) => (await client.query<Row>(text, params)).rows);
}

/**
 * A role of the test server with this name, made if there is none yet (roles belong to the whole
 * server, so test files running at once may both ask for it): for examples that name a role.
 */
export async function ensureRole(cluster: Pick<ClusterAddress, 'adminUrl'>, name: string): Promise<void> {
  await sql(
    cluster.adminUrl,
    `DO $$ BEGIN CREATE ROLE ${pg.escapeIdentifier(name)} LOGIN;
       EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$`,
  );
}

/** The server the global setup started for this run (test/helpers/global-setup.ts). */
export function testCluster(): ClusterAddress {
  const cluster = inject('nsmPostgres');
  if (cluster) return cluster;
  const why =
    inject('nsmPostgresError') ??
    'the global setup (test/helpers/global-setup.ts) did not run: run the tests with vitest, which reads vitest.config.ts';
  throw new Error(`No PostgreSQL server for the tests: ${why}`);
}

async function withClient<T>(url: string, use: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  // A connection lost between queries would otherwise be an uncaught 'error' event.
  client.on('error', () => {});
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}
