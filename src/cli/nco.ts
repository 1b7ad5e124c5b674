import { define, spec, type Definition } from './define.js';
import type { NounSpec } from './register.js';
import { precinctScope } from './flags.js';

export const nouns: NounSpec[] = [
  {
    name: 'nco',
    summary: 'Neighborhood Coordination Officers: the roster and sector assignments',
  },
];

const ncoArg = { name: 'nco', description: 'NCO id, for example N1', complete: 'nco' } as const;

export const add = spec({
  path: ['nco', 'add'],
  summary: 'add an NCO to a precinct (asks for missing values on a terminal)',
  flags: {
    name: { value: 'n', description: "the officer's name" },
    shield: { value: 'no', description: 'shield number (digits)' },
    precinct: { value: 'pct', description: 'the precinct the officer works in', complete: 'precinct' },
    rank: { value: 'r', description: 'rank (default "Police Officer")' },
    email: { value: 'e', description: 'email address' },
    phone: { value: 'p', description: 'phone number' },
  },
  examples: [
    'nsm nco add --name "Maria Lopez" --shield 12345 --precinct 75',
    'nsm nco add --name "Sam Ortiz" --shield 23456 --precinct 14 --rank Sergeant --email s.ortiz@example.org',
  ],
  notes: 'On a terminal, nsm nco add asks for the name, shield and precinct when not given.',
  records: true,
});

export const list = spec({
  path: ['nco', 'list'],
  summary: 'list NCOs with their sector today',
  flags: {
    precinct: precinctScope,
    sector: { value: 's', description: 'only NCOs assigned to this sector today', complete: 'sector' },
    unassigned: { description: 'only NCOs with no sector today' },
  },
  examples: [
    'nsm nco list --precinct 75',
    'nsm nco list --unassigned --json',
    'nsm nco list --precinct all --format csv',
  ],
  records: true,
});

export const show = spec({
  path: ['nco', 'show'],
  summary: 'details and assignment history',
  args: [ncoArg],
  flags: {},
  examples: ['nsm nco show N1'],
  records: true,
});

export const edit = spec({
  path: ['nco', 'edit'],
  summary: "change an NCO's name, rank, email or phone",
  args: [{ ...ncoArg, description: 'NCO id' }],
  flags: {
    name: { value: 'n', description: 'new name' },
    rank: { value: 'r', description: 'new rank' },
    email: { value: 'e', description: 'new email address ("" to clear it)' },
    phone: { value: 'p', description: 'new phone number ("" to clear it)' },
  },
  examples: ['nsm nco edit N1 --rank Sergeant', 'nsm nco edit N1 --email m.lopez@example.org'],
  records: true,
});

export const assign = spec({
  path: ['nco', 'assign'],
  summary: "assign an NCO to a sector; the NCO's current assignment ends the day before",
  args: [
    { ...ncoArg, description: 'NCO id' },
    { name: 'sector', description: 'sector id, for example 75A', complete: 'sector' },
  ],
  flags: {
    from: { value: 'date', description: 'first day in the new sector (default: today)' },
  },
  examples: ['nsm nco assign N1 75E', 'nsm nco assign N1 75B --from 2027-01-04'],
  records: true,
});

export const unassign = spec({
  path: ['nco', 'unassign'],
  summary: 'take an NCO off their sector',
  args: [{ ...ncoArg, description: 'NCO id' }],
  flags: {
    on: {
      value: 'date',
      description: 'first day without a sector (default: today); the assignment ends the day before',
    },
  },
  examples: ['nsm nco unassign N1', 'nsm nco unassign N1 --on 2027-01-01'],
  records: true,
});

export const definitions: Definition[] = [
  define(add, () => import('../commands/nco/add.js')),
  define(list, () => import('../commands/nco/list.js')),
  define(show, () => import('../commands/nco/show.js')),
  define(edit, () => import('../commands/nco/edit.js')),
  define(assign, () => import('../commands/nco/assign.js')),
  define(unassign, () => import('../commands/nco/unassign.js')),
];
