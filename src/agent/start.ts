import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Context } from '../context.js';
import { isDatabaseUrl } from '../store/paths.js';
import { AGENT_COMMANDS, agentAddress, commandWord, makePrivateFolder } from './address.js';

declare const __filename: string | undefined;

/** The bundle nsm runs from (dist/app/main.cjs), or null when it runs from its sources (tests). */
export function bundlePath(): string | null {
  return typeof __filename === 'string' && __filename.endsWith('.cjs') ? __filename : null;
}

let inside = false;

/** Called by the agent itself: the commands it runs start no agent. */
export function markInsideAgent(): void {
  inside = true;
}

/** Whether the `agent` setting and NSM_AGENT let nsm keep an agent. */
export function agentAllowed(ctx: Pick<Context, 'env' | 'settings'>): boolean {
  return ctx.env.NSM_AGENT !== 'off' && ctx.settings.agent !== 'off';
}

/**
 * After an everyday command on a database store ran in its own process (no agent was listening),
 * starts one in the background for the next commands: a detached process of its own, which the
 * command does not wait for, with the command's environment (its database settings).
 */
export function startAgentAfter(ctx: Context, argv: readonly string[]): void {
  if (inside || !isDatabaseUrl(ctx.storePath) || !agentAllowed(ctx)) return;
  const word = commandWord(argv);
  if (word === null || !AGENT_COMMANDS.has(word)) return;
  startAgent({ ...ctx.env, [WARM_STORE]: ctx.storePath });
}

/** The store the agent warms up on (its environment only: it may hold a password). */
export const WARM_STORE = 'NSM_AGENT_WARM';

/** Starts an agent for these settings unless one is listening; false when none can be started here. */
export function startAgent(env: NodeJS.ProcessEnv): boolean {
  const bundle = bundlePath();
  if (bundle === null) return false;
  const address = agentAddress(env, bundle);
  if (existsSync(address.socket)) return true;
  if (!makePrivateFolder(address.folder)) return false;
  const launcher = join(dirname(bundle), '..', '..', 'bin', 'nsm.js');
  try {
    spawn(process.execPath, [launcher, AGENT_ENTRY], {
      detached: true,
      stdio: 'ignore',
      env,
      cwd: '/',
    }).unref();
  } catch {
    return false;
  }
  return true;
}

/** The launcher's hidden first argument that makes its process an agent. */
export const AGENT_ENTRY = '__agent';
