/**
 * What the launcher and the agent say to each other over the agent's Unix socket: one JSON
 * request, written whole and then the connection half-closed, and one JSON reply, written whole
 * before the agent closes it.
 */
export type AgentRequest =
  | {
      op: 'run';
      /** The address key of the launcher (address.ts): an agent of another build or other settings refuses. */
      key: string;
      argv: string[];
      env: NodeJS.ProcessEnv;
      cwd: string;
      stdinIsTTY: boolean;
      stdout: { isTTY: boolean; columns: number | undefined };
      stderrIsTTY: boolean;
    }
  | { op: 'status' }
  | { op: 'stop' };

export type AgentReply =
  /** The command ran: what it wrote (1 stdout, 2 stderr, base64, in order) and its exit status. */
  | { op: 'done'; output: Array<[1 | 2, string]>; code: number }
  /** The launcher runs the command itself: it needs a prompt, a store file, or another agent. */
  | { op: 'local'; why: string }
  | { op: 'status'; status: AgentStatus }
  | { op: 'stopping' };

export interface AgentStatus {
  pid: number;
  /** When it started, ISO 8601. */
  since: string;
  /** Commands it has run. */
  served: number;
  /** Open connections to databases (idle ones close after a while). */
  connections: number;
  /** Minutes without a command after which it stops. */
  idleMinutes: number;
  socket: string;
}

/** The most a request may hold: a command line and an environment, never this much. */
export const MAX_REQUEST_BYTES = 1 << 20;
