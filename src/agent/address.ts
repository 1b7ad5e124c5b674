import { lstatSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { firstWord } from '../cli/words.js';

/**
 * Where the agent of this user, this nsm build and these database settings listens: a Unix
 * socket in a folder only the user can enter. This module is small and loads nothing heavy: the
 * `nsm` launcher asks it on every command (through dist/app/agent-client.cjs).
 *
 * One agent serves one set of PostgreSQL settings (PGHOST, PGUSER, PGPASSFILE, … and HOME, where
 * ~/.pgpass lives): node-postgres reads them from its own process's environment, so a command
 * with other settings needs another agent. The build is part of the name too, so that an nsm
 * upgraded or rebuilt never hands its commands to an agent running the old code.
 */
export interface AgentAddress {
  folder: string;
  socket: string;
  /** What the agent must agree with before it runs a command (the socket's name is its hash). */
  key: string;
}

/** The PostgreSQL settings an agent's connections are made with. */
const DATABASE_ENV = /^PG[A-Z]+$/;

export function agentAddress(env: NodeJS.ProcessEnv, bundle: string): AgentAddress {
  const folder = env.XDG_RUNTIME_DIR
    ? join(env.XDG_RUNTIME_DIR, 'nsm')
    : join(process.getBuiltinModule('node:os').tmpdir(), `nsm-${process.getuid?.() ?? 'user'}`);
  let build = 'source';
  try {
    const stat = statSync(bundle);
    build = `${stat.size}:${stat.mtimeMs}`;
  } catch {
    // Run from the sources (tests): no bundle, and no agent is started.
  }
  const settings = Object.keys(env)
    .filter((name) => DATABASE_ENV.test(name))
    .sort()
    .map((name) => [name, env[name]]);
  const key = JSON.stringify({
    node: process.version,
    build,
    uid: process.getuid?.(),
    home: env.HOME ?? null,
    settings,
  });
  return { folder, socket: join(folder, `agent-${fnv1a(key)}.sock`), key };
}

/**
 * The folder holds sockets that run commands with the user's database password: it must be the
 * user's own and closed to everyone else, else no agent is started nor trusted there.
 */
export function folderIsPrivate(folder: string): boolean {
  try {
    const stat = lstatSync(folder);
    return (
      stat.isDirectory() &&
      (stat.mode & 0o077) === 0 &&
      (process.getuid === undefined || stat.uid === process.getuid())
    );
  } catch {
    return false;
  }
}

/** Makes the agents' folder (private), or says why it cannot be used. */
export function makePrivateFolder(folder: string): boolean {
  try {
    mkdirSync(folder, { recursive: true, mode: 0o700 });
  } catch {
    return false;
  }
  return folderIsPrivate(folder);
}

/** A short hash of the key for the socket's name (the agent compares the whole key). */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}

/**
 * The commands an agent runs: the everyday ones on records. Those that set up, copy, diagnose or
 * administer a store, edit the settings, or start or stop the agent run in their own process.
 */
export const AGENT_COMMANDS: ReadonlySet<string> = new Set([
  'home',
  'meeting',
  'issue',
  'solution',
  'agenda',
  'minutes',
  'calendar',
  'report',
  'sector',
  'precinct',
  'nco',
  'undo',
]);

/** The command's first word (`home` for none), or null when the line asks for help or a version. */
export function commandWord(argv: readonly string[]): string | null {
  if (argv.some((a) => a === '--help' || a === '-h' || a === '--version' || a === '-V' || a === 'help'))
    return null;
  return firstWord(argv) ?? 'home';
}
