import { execFile, execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  appendFileSync,
  chownSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
} from 'node:fs';
import { createServer, type AddressInfo, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import type { QueryResultRow } from 'pg';
import { inject } from 'vitest';

/** Where a running test server can be reached: what the global setup hands to the tests. */
export interface ClusterAddress {
  /** The TCP port on 127.0.0.1 (also the number in the Unix socket's name). */
  port: number;
  /** The folder holding the Unix socket, `.s.PGSQL.<port>`. */
  socketDir: string;
  /** The superuser `postgres` over the Unix socket, no password: `postgresql://postgres@/postgres?host=…&port=…`. */
  adminUrl: string;
}

export interface Cluster extends ClusterAddress {
  /** Stops the server and removes its folder; later calls do nothing. */
  stop(): Promise<void>;
}

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

const execFileAsync = promisify(execFile);

/** The longest Unix socket path Linux takes (sun_path is 108 bytes with its final NUL). */
const SOCKET_PATH_MAX = 107;

/**
 * Starts a throwaway PostgreSQL server in a new temporary folder, on 127.0.0.1 at a free port and
 * on a Unix socket in that folder. The superuser `postgres` needs no password over the socket;
 * over TCP every role needs its password (SCRAM). Whatever happens, the server does not outlive
 * this process: a watchdog stops it and removes the folder if the process ends without stop().
 */
export async function startCluster(): Promise<Cluster> {
  const bin = postgresBinaries();
  const owner = serverUser();
  const dir = mkdtempSync(join(tmpdir(), 'nsm-postgres-'));
  if (owner) chownSync(dir, owner.uid, owner.gid);
  const dataDir = join(dir, 'data');
  const watchdog = startWatchdog(join(bin, 'pg_ctl'), dataDir, dir, owner);
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await stopServer(join(bin, 'pg_ctl'), dataDir, owner);
    rmSync(dir, { recursive: true, force: true });
    // Only now: had this process died during the lines above, the watchdog would have finished them.
    watchdog.stdin?.end('done\n');
  };
  try {
    checkSocketPath(dir);
    await checkReachable(dir, owner);
    await initdb(join(bin, 'initdb'), dataDir, owner);
    configure(dataDir, dir);
    const port = await startServer(join(bin, 'pg_ctl'), dataDir, owner);
    return { port, socketDir: dir, adminUrl: adminUrl(dir, port), stop };
  } catch (error) {
    await stop();
    throw error;
  }
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

/**
 * The folder of initdb and pg_ctl: Debian's /usr/lib/postgresql/<version>/bin, the highest version
 * installed; failing that, a folder on PATH that has both (other systems).
 */
function postgresBinaries(): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).filter((name) => /^\d+(\.\d+)?$/.test(name)) : [];
  versions.sort((a, b) => Number(b) - Number(a));
  const candidates = [
    ...versions.map((version) => join(root, version, 'bin')),
    ...(process.env.PATH ?? '').split(delimiter).filter(Boolean),
  ];
  const found = candidates.find((bin) => existsSync(join(bin, 'initdb')) && existsSync(join(bin, 'pg_ctl')));
  if (found) return found;
  throw new Error(
    'PostgreSQL is not installed (no initdb and pg_ctl in /usr/lib/postgresql/*/bin or on PATH): ' +
      'the PostgreSQL store tests start a server of their own. Install it: apt-get install -y postgresql',
  );
}

/** The user the server's programs run as; undefined: this process's own. */
type Owner = { uid: number; gid: number } | undefined;

/** initdb and postgres refuse to run as root: as root, they run as the `postgres` user, who owns the folder. */
function serverUser(): Owner {
  if (process.getuid?.() !== 0) return undefined;
  try {
    const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
    return { uid: id('-u'), gid: id('-g') };
  } catch (error) {
    throw new Error(
      'The tests run as root, so they start PostgreSQL as the user `postgres`, and there is no such user: ' +
        'apt-get install -y postgresql creates it (or run the tests as a user other than root)',
      { cause: error },
    );
  }
}

/** Runs a PostgreSQL program as the server's user; a failure says what the program said. */
async function run(program: string, args: string[], owner: Owner, cwd: string): Promise<string> {
  try {
    return (await execFileAsync(program, args, { ...owner, cwd, encoding: 'utf8' })).stdout;
  } catch (error) {
    const { stderr, stdout } = error as { stderr?: string; stdout?: string };
    const said = `${stderr ?? ''}${stdout ?? ''}`.trim() || String(error);
    throw new Error(`${program} ${args.join(' ')} failed:\n${said}`, { cause: error });
  }
}

/**
 * A shell outside this process's session (Ctrl-C does not reach it) that waits on a pipe from this
 * process. If the pipe closes without "done" (the process crashed, was killed, or exited without
 * stop()), it stops the server at once and removes the folder; pg_ctl puts the server in a session
 * of its own, so nothing else would.
 */
function startWatchdog(pgCtl: string, dataDir: string, dir: string, owner: Owner): ChildProcess {
  const script = 'read -r line && exit 0; "$1" stop -D "$2" -m immediate -w >/dev/null 2>&1; rm -rf -- "$3"';
  const watchdog = spawn('/bin/sh', ['-c', script, 'nsm-postgres-watchdog', pgCtl, dataDir, dir], {
    ...owner,
    cwd: '/',
    detached: true,
    stdio: ['pipe', 'ignore', 'ignore'],
  });
  watchdog.on('error', () => {});
  watchdog.stdin?.on('error', () => {});
  // Neither the watchdog nor its pipe keeps this process alive.
  watchdog.unref();
  (watchdog.stdin as Socket | null)?.unref();
  return watchdog;
}

/** The server's socket file must fit in a Unix socket address. */
function checkSocketPath(dir: string): void {
  const socket = join(dir, '.s.PGSQL.65535');
  if (Buffer.byteLength(socket) > SOCKET_PATH_MAX)
    throw new Error(
      `The temporary folder's path is too long for PostgreSQL's Unix socket (${socket}, at most ` +
        `${SOCKET_PATH_MAX} bytes): set TMPDIR to a shorter folder, such as /tmp`,
    );
}

/** As root, the folder is in os.tmpdir(), which the `postgres` user must be able to reach. */
async function checkReachable(dir: string, owner: Owner): Promise<void> {
  if (!owner) return;
  try {
    await execFileAsync('/bin/sh', ['-c', 'test -w "$1"', 'sh', dir], { ...owner, cwd: '/' });
  } catch (error) {
    throw new Error(
      `The user postgres cannot reach ${dir}, in os.tmpdir(): set TMPDIR to a folder every user can enter, such as /tmp`,
      { cause: error },
    );
  }
}

async function initdb(program: string, dataDir: string, owner: Owner): Promise<void> {
  // No locale and UTF-8 whatever the machine's settings; --no-sync: nothing here must survive a crash.
  const args = ['-D', dataDir, '-U', 'postgres', '-A', 'trust', '--auth-host=scram-sha-256'];
  await run(program, [...args, '--encoding=UTF8', '--no-locale', '--no-sync'], owner, dirname(dataDir));
}

/** Settings for a throwaway server, after initdb's own (a later line wins). */
function configure(dataDir: string, socketDir: string): void {
  const quoted = (value: string) => `'${value.replaceAll("'", "''")}'`;
  const settings = [
    '# test/helpers/postgres.ts: a throwaway server for the tests',
    "listen_addresses = '127.0.0.1'",
    `unix_socket_directories = ${quoted(socketDir)}`,
    // Nothing here needs to survive a crash of the machine: do not wait for the disk.
    'fsync = off',
    'synchronous_commit = off',
    'full_page_writes = off',
    // The same clock on every machine, whatever TZ the tests run with.
    "timezone = 'UTC'",
    "log_timezone = 'UTC'",
  ];
  appendFileSync(join(dataDir, 'postgresql.conf'), `\n${settings.join('\n')}\n`);
}

/**
 * Starts the server on a free port and waits until it accepts connections. The port is free when
 * chosen but may be taken before the server binds it; then another port is tried.
 */
async function startServer(pgCtl: string, dataDir: string, owner: Owner): Promise<number> {
  const log = join(dirname(dataDir), 'server.log');
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    const logged = existsSync(log) ? readFileSync(log, 'utf8').length : 0;
    try {
      await run(pgCtl, ['start', '-D', dataDir, '-l', log, '-w', '-t', '60', '-o', `-p ${port}`], owner, '/');
      return port;
    } catch (error) {
      const said = existsSync(log) ? readFileSync(log, 'utf8').slice(logged) : '';
      if (attempt < 3 && said.includes('Address already in use')) continue;
      throw new Error(`${(error as Error).message}\nThe server's log:\n${said.trim()}`, {
        cause: error,
      });
    }
  }
}

/** Stops the server (fast: ends its sessions); one that does not stop in time is stopped at once. */
async function stopServer(pgCtl: string, dataDir: string, owner: Owner): Promise<void> {
  if (!existsSync(join(dataDir, 'postmaster.pid'))) return;
  try {
    await run(pgCtl, ['stop', '-D', dataDir, '-m', 'fast', '-w', '-t', '30'], owner, '/');
  } catch {
    await run(pgCtl, ['stop', '-D', dataDir, '-m', 'immediate', '-w'], owner, '/').catch(() => {});
  }
}

/** A TCP port on 127.0.0.1 that no one listens on now. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * The superuser over the Unix socket, as node-postgres and libpq (psql) both read it: an empty
 * host, the socket's folder as the `host` parameter, and the port, which names the socket file.
 */
function adminUrl(socketDir: string, port: number): string {
  return `postgresql://postgres@/postgres?host=${encodeURIComponent(socketDir)}&port=${port}`;
}
