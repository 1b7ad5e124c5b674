import { agentAddress } from './address.js';
import { ask } from './client.js';
import type { AgentStatus } from './protocol.js';
import { bundlePath } from './start.js';

/** The agent of these database settings, asked how it is; null when none answers. */
export async function agentStatus(env: NodeJS.ProcessEnv): Promise<AgentStatus | null> {
  const bundle = bundlePath();
  if (bundle === null) return null;
  const reply = await ask(agentAddress(env, bundle).socket, { op: 'status' });
  return typeof reply === 'object' && reply.op === 'status' ? reply.status : null;
}

/** Stops the agent of these settings; what it was, or null when none was running. */
export async function stopAgent(env: NodeJS.ProcessEnv): Promise<AgentStatus | null> {
  const running = await agentStatus(env);
  if (running === null) return null;
  await ask(running.socket, { op: 'stop' });
  // Gone once its socket is: it finishes the command it is running, closes its connections, exits.
  await waitFor(async () => (await agentStatus(env)) === null);
  return running;
}

async function waitFor(done: () => Promise<boolean>, ms = 10_000): Promise<void> {
  const until = Date.now() + ms;
  while (!(await done()) && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
}
