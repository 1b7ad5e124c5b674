import { define, spec, type Definition } from './define.js';
import type { NounSpec } from './register.js';
import { precinctScope } from './flags.js';

/** `home` is a command of its own, not a noun: `nsm` alone runs it (see main.ts). */
export const nouns: NounSpec[] = [];

export const home = spec({
  path: ['home'],
  summary: 'what needs doing: next meetings, meetings to close out, overdue solutions, oldest open issues',
  flags: {
    precinct: { ...precinctScope, description: 'this precinct ("all" for every precinct)' },
  },
  examples: ['nsm', 'nsm home --precinct 75', 'nsm home --precinct all --json'],
  notes:
    'nsm alone shows this screen. With no store yet, it says how to start.\n' +
    'Set the default precinct with: nsm config set precinct 75',
  records: true,
});

export const definitions: Definition[] = [define(home, () => import('../commands/home.js'))];
