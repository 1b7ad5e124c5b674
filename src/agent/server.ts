import { statSync, unlinkSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { Writable } from 'node:stream';
import { main } from '../cli/main.js';
import { useConnector } from '../store/postgres/connect.js';
import { isDatabaseUrl } from '../store/paths.js';
import { loadSettings, type Settings } from '../settings/file.js';
import { agentAddress, makePrivateFolder } from './address.js';
import { ask } from './client.js';
import { makePools } from './pool.js';
import { agentAllowed, markInsideAgent, WARM_STORE } from './start.js';
import { givenStore } from '../cli/words.js';
import { MAX_REQUEST_BYTES, type AgentReply, type AgentRequest, type AgentStatus } from './protocol.js';

/** How long a launcher has to write its request once connected. */
const REQUEST_TIMEOUT_MS = 10_000;

/** Minutes without a command after which the agent stops (and closes its connections). */
export const IDLE_MINUTES = 15;

/**
 * The agent: a process of the user's that keeps database connections open and nsm's code loaded
 * between commands, so that an everyday command on a PostgreSQL store costs a launcher and one
 * query instead of a new process loading nsm and node-postgres, logging in (SCRAM) and planning
 * its first query on a new server backend. Started by the first such command (start.ts), it runs
 * one command at a time, each with the launcher's arguments, environment, folder and terminal,
 * and stops after IDLE_MINUTES without one, on `nsm agent stop`, or when its socket is removed.
 */
export async function serveAgent(bundle: string): Promise<void> {
  markInsideAgent();
  const address = agentAddress(process.env, bundle);
  if (!makePrivateFolder(address.folder)) return;
  const pools = await makePools();
  useConnector(pools.lend);
  const since = new Date().toISOString();
  let served = 0;
  let queue = Promise.resolve();
  let idle: NodeJS.Timeout | undefined;
  // Each connection is one request and its reply (answer, below).
  const server = createServer({ allowHalfOpen: true }, (socket) => void converse(socket, answer));

  const stop = async () => {
    clearTimeout(idle);
    server.close();
    try {
      if (inodeOf(address.socket) === inode) unlinkSync(address.socket);
    } catch {
      // Already removed.
    }
    await queue;
    await pools.end();
    process.exit(0);
  };
  const restartIdleClock = () => {
    clearTimeout(idle);
    idle = setTimeout(() => void stop(), IDLE_MINUTES * 60_000);
  };

  const answer = async (request: AgentRequest): Promise<AgentReply> => {
    if (request.op === 'status') {
      const status: AgentStatus = {
        pid: process.pid,
        since,
        served,
        connections: pools.open(),
        idleMinutes: IDLE_MINUTES,
        socket: address.socket,
      };
      return { op: 'status', status };
    }
    if (request.op === 'stop') {
      setImmediate(() => void stop());
      return { op: 'stopping' };
    }
    if (request.op !== 'run' || !wellFormed(request))
      return { op: 'local', why: 'not a request of this nsm' };
    if (request.key !== address.key) return { op: 'local', why: 'another build or other database settings' };
    // One command at a time: each runs in the launcher's folder.
    const run = queue.then(() => runCommand(request));
    queue = run.then(
      () => undefined,
      () => undefined,
    );
    const reply = await run.catch((error: unknown): AgentReply => ({
      op: 'done',
      output: [
        [
          2,
          Buffer.from(
            `nsm: internal error in the agent: ${String(error)} — this is a bug; report it\n`,
          ).toString('base64'),
        ],
      ],
      code: 1,
    }));
    if (reply.op === 'done') served++;
    restartIdleClock();
    return reply;
  };

  if (!(await listen(server, address.socket))) return;
  const inode = inodeOf(address.socket);
  restartIdleClock();
  // Warmed on the store of the command that started it, before the next one comes.
  const store = process.env[WARM_STORE];
  if (store !== undefined && isDatabaseUrl(store)) queue = queue.then(() => warmUp(store)).catch(() => {});
  // Its socket removed (its folder cleaned up) or taken by another agent: nobody can reach it. nsm
  // rebuilt or upgraded: its launchers ask another agent.
  setInterval(() => {
    if (inodeOf(address.socket) !== inode || agentAddress(process.env, bundle).key !== address.key)
      void stop();
  }, 5_000).unref();
  process.on('SIGTERM', () => void stop());
  process.on('SIGINT', () => void stop());
}

/**
 * The agent's first command would otherwise pay what the agent is there to save: a connection
 * made and logged in, and a server backend that has not yet read the tables' descriptions nor
 * planned nsm's reads. Made here instead: each shape of slice read, of a sector that matches no
 * record, on a connection then kept in the pool; and the program's commands built once.
 */
async function warmUp(store: string): Promise<void> {
  const { loadDatabaseStore } = await import('../store/postgres/store.js');
  const nowhere = { sector: '' };
  for (const slice of [
    { ...nowhere, meetingsOnly: true },
    { ...nowhere, issuesOnly: 'issue-rows' as const },
    nowhere,
  ])
    await loadDatabaseStore(store, process.env, slice);
  const discard = () => new Writable({ write: (_chunk, _encoding, done) => done() });
  await main(['--help'], { stdout: discard(), stderr: discard(), stdin: { isTTY: false }, env: process.env });
}

/** A run request as this nsm's launcher writes it (anything else gets no command run). */
function wellFormed(request: Extract<AgentRequest, { op: 'run' }>): boolean {
  const { argv, env, cwd, stdout } = request;
  return (
    typeof request.key === 'string' &&
    Array.isArray(argv) &&
    argv.every((a) => typeof a === 'string') &&
    typeof env === 'object' &&
    env !== null &&
    Object.values(env).every((v) => typeof v === 'string') &&
    typeof cwd === 'string' &&
    typeof stdout === 'object' &&
    stdout !== null
  );
}

/** Listens on the socket; false when another agent already does. A socket left by a dead agent is replaced. */
async function listen(server: Server, socket: string): Promise<boolean> {
  for (let attempt = 0; attempt < 2; attempt++) {
    const failed = await new Promise<NodeJS.ErrnoException | null>((settle) => {
      server.once('error', settle);
      server.listen(socket, () => {
        server.off('error', settle);
        settle(null);
      });
    });
    if (failed === null) return true;
    if (failed.code !== 'EADDRINUSE') return false;
    const live = await ask(socket, { op: 'status' });
    if (live !== 'refused' && live !== 'unreachable') return false;
    try {
      unlinkSync(socket);
    } catch {
      // Removed by another agent starting at the same time.
    }
  }
  return false;
}

/** Reads one request (to the end of the launcher's half of the connection) and writes its reply. */
async function converse(
  socket: Socket,
  answer: (request: AgentRequest) => Promise<AgentReply>,
): Promise<void> {
  const chunks: Buffer[] = [];
  let size = 0;
  socket.on('error', () => {});
  // A request is written at once: a connection that says nothing for a while is dropped.
  socket.setTimeout(REQUEST_TIMEOUT_MS, () => socket.destroy());
  socket.on('data', (chunk: Buffer) => {
    size += chunk.length;
    if (size > MAX_REQUEST_BYTES) socket.destroy();
    else chunks.push(chunk);
  });
  await new Promise((settle) => socket.once('end', settle).once('close', settle));
  if (socket.destroyed) return;
  socket.setTimeout(0);
  let request: AgentRequest | null = null;
  try {
    request = JSON.parse(Buffer.concat(chunks).toString('utf8')) as AgentRequest;
  } catch {
    // Not JSON: no request of nsm's.
  }
  if (typeof request !== 'object' || request === null) return void socket.destroy();
  const reply = await answer(request).catch(() => null);
  if (reply === null) socket.destroy();
  else socket.end(JSON.stringify(reply));
}

/**
 * Runs one command as the launcher would have: its arguments, environment and folder, output
 * captured in order. A command that would prompt (the launcher's stdin is a terminal and a value
 * is missing) is handed back before it asks: prompts read the launcher's own terminal.
 */
async function runCommand(request: Extract<AgentRequest, { op: 'run' }>): Promise<AgentReply> {
  const why = await notForAgent(request);
  if (why !== null) return { op: 'local', why };
  try {
    process.chdir(request.cwd);
  } catch {
    return { op: 'local', why: 'the folder is not there' };
  }
  const output: Array<[1 | 2, string]> = [];
  const stream = (fd: 1 | 2) =>
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        output.push([fd, chunk.toString('base64')]);
        done();
      },
    });
  let wouldPrompt = false;
  const code = await main(request.argv, {
    stdout: Object.assign(stream(1), request.stdout),
    stderr: Object.assign(stream(2), { isTTY: request.stderrIsTTY }),
    stdin: {
      get isTTY() {
        if (!request.stdinIsTTY) return false;
        wouldPrompt = true;
        throw new Error('the command may prompt: the launcher runs it');
      },
    },
    env: request.env,
  });
  if (wouldPrompt) return { op: 'local', why: 'the command may prompt' };
  return { op: 'done', output, code };
}

/**
 * Why the launcher should run the command itself, or null when the agent may: the command's store
 * (`--store`, else NSM_STORE, else the store setting) is a file, or the agent setting was turned
 * off since this agent started (so that `nsm config set agent off` takes effect at once).
 */
async function notForAgent({
  argv,
  env,
}: {
  argv: string[];
  env: NodeJS.ProcessEnv;
}): Promise<string | null> {
  let settings: Settings;
  try {
    settings = await loadSettings(env);
  } catch {
    return 'the settings file cannot be read';
  }
  if (!agentAllowed({ env, settings })) return 'the agent is turned off';
  const store = givenStore(argv) ?? (env.NSM_STORE || settings.store);
  return store !== undefined && isDatabaseUrl(store) ? null : 'the store is a file';
}

function inodeOf(path: string): number | undefined {
  try {
    return statSync(path).ino;
  } catch {
    return undefined;
  }
}
