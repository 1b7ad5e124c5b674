import type { Client, ClientConfig } from 'pg';
import { NsmError, StoreBusyError, StoreUnreadableError, UsageError, WriteError } from '../../errors.js';
import { withoutPassword } from '../paths.js';
import { LATEST_VERSION, MIGRATIONS } from './schema.js';

/**
 * Dates and times come back as PostgreSQL writes them (2027-01-12), not as JavaScript Dates at
 * the machine's midnight: the store keeps days as text.
 */
const AS_TEXT = new Set([1082 /* date */, 1114 /* timestamp */, 1184 /* timestamptz */]);

/**
 * Connects to the database of `url`; a server that cannot be reached is exit 7, as a store that
 * cannot be written. The password is the URL's, else PGPASSWORD of nsm's environment, else the
 * one ~/.pgpass gives (node-postgres reads it).
 */
export async function connect(url: string, env: NodeJS.ProcessEnv = process.env): Promise<Client> {
  const pg = (await import('pg')).default;
  const config: ClientConfig = {
    connectionString: withPassword(url, env.PGPASSWORD),
    connectionTimeoutMillis: 10_000,
    application_name: 'nsm',
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        AS_TEXT.has(oid)
          ? (value: string) => value
          : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
  };
  if (connector !== undefined) {
    try {
      return await connector(config);
    } catch (error) {
      throw databaseError(error, url);
    }
  }
  let client: Client;
  try {
    client = new pg.Client(config);
  } catch (error) {
    throw databaseError(error, url);
  }
  // A connection lost later (the server stopped) is an error of the query that needed it.
  client.on('error', () => {});
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => {});
    throw databaseError(error, url);
  }
  return client;
}

/**
 * Where a connection comes from: made for the command and ended with it, or lent by the agent's
 * pool (agent/pool.ts), whose `end()` gives it back.
 */
export type Connector = (config: ClientConfig) => Promise<Client>;
let connector: Connector | undefined;

/** The agent's connections, used by every connect() of its process from now on. */
export function useConnector(lend: Connector): void {
  connector = lend;
}

/**
 * The URL with PGPASSWORD as its password when it holds none (node-postgres reads PGPASSWORD from
 * the process's environment only, and nsm's may be another: a test's, say).
 */
function withPassword(url: string, password: string | undefined): string {
  if (password === undefined || withoutPassword(url) !== url) return url;
  try {
    const parsed = new URL(url);
    if (!parsed.username || !parsed.host) return url;
    parsed.password = password;
    return parsed.toString();
  } catch {
    return url;
  }
}

/**
 * What a failure of the database means for the user, in one line, without the password. `reading`:
 * the command only reads, so a permission refused means the store cannot be read (exit 6), not
 * written (exit 7).
 */
export function databaseError(error: unknown, url: string, reading = false): Error {
  if (error instanceof NsmError) return error;
  const e = error as { code?: string; message?: string };
  const where = withoutPassword(url);
  const message = String(e.message ?? error).replaceAll(url, where);
  if (e.code === 'ERR_INVALID_URL' || /^Invalid URL/.test(message))
    return new UsageError(
      `${where} is not a PostgreSQL URL that can be read (${message})`,
      'write it as postgres://<user>@<host>[:<port>]/<database>, for example postgres://coordinator@db.example.org/nsm',
    );
  if (e.code === '28P01' || e.code === '28000')
    return new StoreUnreadableError(
      `the database at ${where} refused the login (${message})`,
      'check the user and password (in the URL, PGPASSWORD or ~/.pgpass)',
    );
  if (/password must be a string|no password/i.test(message))
    return new StoreUnreadableError(
      `the database at ${where} asks for a password, and none was given`,
      'put it in ~/.pgpass (or PGPASSWORD); nsm never keeps it in the settings',
    );
  if (e.code === '40001' || e.code === '40P01')
    return new StoreBusyError(
      `another change to the database at ${where} was made at the same time`,
      'nothing was changed; run the command again',
    );
  // A privilege the role lacks, or a row that row-level security keeps it from changing.
  if (e.code === '42501') {
    const hint = "ask the store's administrator for your precinct: nsm access grant <role> --precinct <pct>";
    return reading
      ? new StoreUnreadableError(
          `the database at ${where} does not let this role read the store (${message})`,
          hint,
        )
      : new WriteError(
          `cannot write to the database at ${where}: permission denied for this role (${message})`,
          `nothing was changed; ${hint}`,
        );
  }
  if (e.code === '3D000')
    return new StoreUnreadableError(
      `there is no database at ${where} (${message})`,
      'create it first (createdb), or give the URL of one that exists',
    );
  if (
    e.code === 'ECONNREFUSED' ||
    e.code === 'ENOTFOUND' ||
    e.code === 'ETIMEDOUT' ||
    e.code === 'EHOSTUNREACH'
  )
    return new WriteError(
      `cannot reach the database at ${where} (${message})`,
      'check that the PostgreSQL server is running and the host and port are right; nothing was changed',
    );
  // The server ended the session (it stopped, or an administrator ended it) or the connection broke.
  if (
    /^57P0[123]$/.test(e.code ?? '') ||
    (e.code === undefined && /Connection terminated|ECONNRESET/i.test(message))
  )
    return new WriteError(
      `lost the database at ${where} (${message})`,
      'check that the PostgreSQL server is running; the change was not made (a transaction is all or nothing)',
    );
  return error instanceof Error ? error : new Error(message);
}

/** Runs `fn` in one transaction: all of it happens, or none of it. */
export async function inTransaction<T>(
  client: Client,
  fn: () => Promise<T>,
  isolation = 'SERIALIZABLE',
): Promise<T> {
  await client.query(`BEGIN ISOLATION LEVEL ${isolation}`);
  try {
    const result = await fn();
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  }
}

/** The schema versions applied to the database (empty for a database nsm never set up). */
export async function appliedVersions(client: Client): Promise<number[]> {
  const exists = await client.query<{ found: boolean }>(
    `SELECT to_regclass('schema_migrations') IS NOT NULL AS found`,
  );
  if (!exists.rows[0]!.found) return [];
  const rows = await client.query<{ version: number }>(
    'SELECT version FROM schema_migrations ORDER BY version',
  );
  return rows.rows.map((r) => r.version);
}

/**
 * Brings the database's schema up to this nsm's (or to version `upTo`), inside the caller's
 * transaction; returns the versions it applied. A database set up by a newer nsm is refused
 * (exit 6), untouched.
 */
export async function migrate(client: Client, url: string, upTo = LATEST_VERSION): Promise<number[]> {
  const applied = await appliedVersions(client);
  const newest = Math.max(0, ...applied);
  if (newest > LATEST_VERSION)
    throw new StoreUnreadableError(
      `the database at ${withoutPassword(url)} was set up by a newer nsm (schema ${newest}; this nsm knows up to ${LATEST_VERSION})`,
      'upgrade nsm to use it; the database was not changed',
    );
  if (applied.length === 0)
    await client.query(
      `CREATE TABLE schema_migrations (
         version integer PRIMARY KEY,
         name text NOT NULL,
         applied_at timestamptz NOT NULL DEFAULT now()
       )`,
    );
  const done: number[] = [];
  for (const migration of MIGRATIONS) {
    if (applied.includes(migration.version) || migration.version > upTo) continue;
    await client.query(migration.sql);
    await migration.fill?.(client);
    if (migration.afterFill) await client.query(migration.afterFill);
    await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [
      migration.version,
      migration.name,
    ]);
    done.push(migration.version);
  }
  return done;
}

/**
 * Refuses a database that holds no nsm store, or one whose schema is not this nsm's (exit 6):
 * an older one is brought up to date with doctor --migrate, a newer one needs a newer nsm.
 */
export async function checkSchema(client: Client, url: string): Promise<void> {
  // One query: every read of the store starts with it.
  const found = await client.query<{ version: number | null }>(
    `SELECT CASE WHEN to_regclass('schema_migrations') IS NULL THEN NULL
                 ELSE (SELECT max(version) FROM schema_migrations) END AS version`,
  );
  const version = found.rows[0]!.version;
  if (version === null)
    throw new StoreUnreadableError(
      `the database at ${withoutPassword(url)} holds no nsm store`,
      'copy a store into it with: nsm store copy --to <url>',
    );
  if (version !== LATEST_VERSION)
    throw new StoreUnreadableError(
      `the database at ${withoutPassword(url)} has schema ${version}, and this nsm reads schema ${LATEST_VERSION}`,
      version > LATEST_VERSION ? 'upgrade nsm to use it' : UPGRADE_HINT,
    );
}

/** How a database at an older schema is brought up to date. */
export const UPGRADE_HINT = "bring it up to date (as the store's administrator) with: nsm doctor --migrate";
