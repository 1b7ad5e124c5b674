import { existsSync, unlinkSync } from 'node:fs';
import { AGENT_COMMANDS, agentAddress, commandWord, folderIsPrivate } from './address.js';
import type { AgentReply, AgentRequest } from './protocol.js';

/**
 * The launcher's side of the agent (bundled apart as dist/app/agent-client.cjs, a few KB): when
 * an agent is listening for this user and these database settings, the command line is handed to
 * it and its output printed here; otherwise (none running, not an everyday command, the agent
 * says the store is a file or the command would prompt) null, and the command runs in this
 * process as always.
 */
export async function runThroughAgent(argv: string[], bundle: string): Promise<number | null> {
  const env = process.env;
  if (env.NSM_AGENT === 'off') return null;
  const word = commandWord(argv);
  if (word === null || !AGENT_COMMANDS.has(word)) return null;
  const address = agentAddress(env, bundle);
  if (!existsSync(address.socket) || !folderIsPrivate(address.folder)) return null;
  // Loaded only now: a command with no agent to ask loads neither (node:tty brings much of node:net).
  const { isatty } = process.getBuiltinModule('node:tty');
  const tty = isatty(1);
  const request: AgentRequest = {
    op: 'run',
    key: address.key,
    argv,
    env,
    cwd: process.cwd(),
    stdinIsTTY: isatty(0),
    stdout: { isTTY: tty, columns: tty ? process.stdout.columns : undefined },
    stderrIsTTY: isatty(2),
  };
  const reply = await ask(address.socket, request);
  if (reply === 'refused') {
    // An agent that was stopped hard leaves its socket behind, refusing connections: removed, so
    // that this command starts a new one.
    try {
      unlinkSync(address.socket);
    } catch {
      // Another command removed it first.
    }
    return null;
  }
  if (reply === 'unreachable') return null;
  if (reply === 'lost') {
    process.stderr.write(
      'nsm: the nsm agent stopped while it ran the command — a change it was making is made whole or not at all: see the changes with nsm undo --list, and run the command again if needed\n',
    );
    return 7;
  }
  if (reply.op !== 'done') return null;
  for (const [fd, data] of reply.output)
    (fd === 1 ? process.stdout : process.stderr).write(Buffer.from(data, 'base64'));
  return reply.code;
}

/**
 * Sends one request and reads the one reply. 'refused': nothing listens on the socket (an agent
 * stopped hard); 'unreachable': the connection failed otherwise; 'lost': the agent took the
 * request and went away before it answered.
 */
export function ask(
  socket: string,
  request: AgentRequest,
): Promise<AgentReply | 'refused' | 'unreachable' | 'lost'> {
  return new Promise((settle) => {
    const connection = process.getBuiltinModule('node:net').connect(socket);
    const chunks: Buffer[] = [];
    let connected = false;
    let failure: string | undefined;
    connection.on('connect', () => {
      connected = true;
      connection.end(`${JSON.stringify(request)}\n`);
    });
    connection.on('data', (chunk: Buffer) => chunks.push(chunk));
    connection.on('error', (error: NodeJS.ErrnoException) => (failure = error.code));
    connection.on('close', () => {
      if (!connected) return settle(failure === 'ECONNREFUSED' ? 'refused' : 'unreachable');
      const text = Buffer.concat(chunks).toString('utf8');
      try {
        settle(JSON.parse(text) as AgentReply);
      } catch {
        settle('lost');
      }
    });
  });
}
