// A throwaway PostgreSQL server, for the tests (test/helpers/postgres.ts) and the benchmark
// (bench/run.mjs): started in a new temporary folder with Debian's initdb and pg_ctl (or those on
// PATH), reachable on 127.0.0.1 and on a Unix socket, and never outliving the process that started it.

import { execFile, execFileSync, spawn } from 'node:child_process';
import {
  appendFileSync,
  chownSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { Buffer } from 'node:buffer';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

/** The longest Unix socket path Linux takes (sun_path is 108 bytes with its final NUL). */
const SOCKET_PATH_MAX = 107;

/**
 * Starts a throwaway PostgreSQL server in a new temporary folder, on 127.0.0.1 at a free port and
 * on a Unix socket in that folder. The superuser `postgres` needs no password over the socket;
 * over TCP every role needs its password (SCRAM). Whatever happens, the server does not outlive
 * this process: a watchdog stops it and removes the folder if the process ends without stop().
 */
export async function startCluster() {
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
    // Stops the server as an administrator would (its sessions ended, their transactions rolled
    // back) and starts it again on the same port: what a command sees of a server restarted.
    const restart = async () => {
      await stopServer(join(bin, 'pg_ctl'), dataDir, owner);
      await startServer(join(bin, 'pg_ctl'), dataDir, owner, port);
    };
    return { port, socketDir: dir, adminUrl: adminUrl(dir, port), stop, restart };
  } catch (error) {
    await stop();
    throw error;
  }
}

/**
 * The folder of initdb and pg_ctl: Debian's /usr/lib/postgresql/<version>/bin, the highest version
 * installed; failing that, a folder on PATH that has both (other systems).
 */
function postgresBinaries() {
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

/** initdb and postgres refuse to run as root: as root, they run as the `postgres` user, who owns the folder. */
/** @returns {{ uid: number, gid: number } | undefined} the user the server's programs run as; undefined: this process's own */
function serverUser() {
  if (process.getuid?.() !== 0) return undefined;
  try {
    const id = (flag) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
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
async function run(program, args, owner, cwd) {
  try {
    return (await execFileAsync(program, args, { ...owner, cwd, encoding: 'utf8' })).stdout;
  } catch (error) {
    const { stderr, stdout } = error;
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
function startWatchdog(pgCtl, dataDir, dir, owner) {
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
  watchdog.stdin?.unref();
  return watchdog;
}

/** The server's socket file must fit in a Unix socket address. */
function checkSocketPath(dir) {
  const socket = join(dir, '.s.PGSQL.65535');
  if (Buffer.byteLength(socket) > SOCKET_PATH_MAX)
    throw new Error(
      `The temporary folder's path is too long for PostgreSQL's Unix socket (${socket}, at most ` +
        `${SOCKET_PATH_MAX} bytes): set TMPDIR to a shorter folder, such as /tmp`,
    );
}

/** As root, the folder is in os.tmpdir(), which the `postgres` user must be able to reach. */
async function checkReachable(dir, owner) {
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

async function initdb(program, dataDir, owner) {
  // No locale and UTF-8 whatever the machine's settings; --no-sync: nothing here must survive a crash.
  const args = ['-D', dataDir, '-U', 'postgres', '-A', 'trust', '--auth-host=scram-sha-256'];
  await run(program, [...args, '--encoding=UTF8', '--no-locale', '--no-sync'], owner, dirname(dataDir));
}

/** Settings for a throwaway server, after initdb's own (a later line wins). */
function configure(dataDir, socketDir) {
  const quoted = (value) => `'${value.replaceAll("'", "''")}'`;
  const settings = [
    '# scripts/lib/postgres-cluster.mjs: a throwaway server',
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
async function startServer(pgCtl, dataDir, owner, samePort) {
  const log = join(dirname(dataDir), 'server.log');
  for (let attempt = 1; ; attempt++) {
    const port = samePort ?? (await freePort());
    const logged = existsSync(log) ? readFileSync(log, 'utf8').length : 0;
    try {
      await run(pgCtl, ['start', '-D', dataDir, '-l', log, '-w', '-t', '60', '-o', `-p ${port}`], owner, '/');
      return port;
    } catch (error) {
      const said = existsSync(log) ? readFileSync(log, 'utf8').slice(logged) : '';
      if (attempt < 3 && samePort === undefined && said.includes('Address already in use')) continue;
      throw new Error(`${error.message}\nThe server's log:\n${said.trim()}`, {
        cause: error,
      });
    }
  }
}

/** Stops the server (fast: ends its sessions); one that does not stop in time is stopped at once. */
async function stopServer(pgCtl, dataDir, owner) {
  if (!existsSync(join(dataDir, 'postmaster.pid'))) return;
  try {
    await run(pgCtl, ['stop', '-D', dataDir, '-m', 'fast', '-w', '-t', '30'], owner, '/');
  } catch {
    await run(pgCtl, ['stop', '-D', dataDir, '-m', 'immediate', '-w'], owner, '/').catch(() => {});
  }
}

/** A TCP port on 127.0.0.1 that no one listens on now. */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * The superuser over the Unix socket, as node-postgres and libpq (psql) both read it: an empty
 * host, the socket's folder as the `host` parameter, and the port, which names the socket file.
 */
function adminUrl(socketDir, port) {
  return `postgresql://postgres@/postgres?host=${encodeURIComponent(socketDir)}&port=${port}`;
}
