import { define, spec, type Definition } from './define.js';
import type { NounSpec } from './register.js';

export const nouns: NounSpec[] = [
  {
    name: 'agent',
    summary: 'the background agent that keeps a PostgreSQL connection open between commands',
  },
];

const NOTES =
  'On a postgres:// store, the first everyday command (meeting, issue, solution, agenda, minutes,\n' +
  'calendar, report, sector, precinct, nco, undo, the home screen) starts an agent: a process of\n' +
  'yours that keeps nsm loaded and the database connection open, so later commands skip\n' +
  'loading, logging in and planning. It runs one command at a time, each with your folder,\n' +
  'environment and terminal; a command that would prompt runs in its own process. It stops\n' +
  'after 15 minutes without a command. One agent serves one set of PostgreSQL settings (PG*\n' +
  'variables, ~/.pgpass); its socket is in a folder only you can open ($XDG_RUNTIME_DIR/nsm,\n' +
  'else the temporary folder). Turn it off with: nsm config set agent off (or NSM_AGENT=off).';

export const status = spec({
  path: ['agent', 'status'],
  summary: 'whether an agent is running for these database settings, and what it has done',
  flags: {},
  examples: ['nsm agent status', 'nsm agent status --json'],
  notes: NOTES,
  records: true,
});

export const stop = spec({
  path: ['agent', 'stop'],
  summary: 'stop the agent (it finishes the command it is running first)',
  flags: {},
  examples: ['nsm agent stop'],
  notes: NOTES,
});

export const definitions: Definition[] = [
  define(status, () => import('../commands/agent/status.js')),
  define(stop, () => import('../commands/agent/stop.js')),
];
