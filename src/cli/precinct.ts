import { BOROUGHS, PATROL_BOROUGHS } from '../domain/boroughs.js';
import { ROLLOUT_STATUSES } from '../domain/precincts.js';
import { define, spec, type Definition } from './define.js';
import type { NounSpec } from './register.js';
import { precinctScope } from './flags.js';

export const nouns: NounSpec[] = [
  {
    name: 'precinct',
    summary: 'the precincts: list, show, add, record their rollout',
  },
];

const pctArg = { name: 'pct', description: 'precinct number, for example 75', complete: 'precinct' } as const;
const borough = { value: 'b', suggestions: BOROUGHS } as const;
const patrolBorough = { value: 'pb', suggestions: Object.keys(PATROL_BOROUGHS) } as const;

export const list = spec({
  path: ['precinct', 'list'],
  summary: 'list precincts with their borough, rollout and sectors',
  flags: {
    precinct: {
      ...precinctScope,
      // Asking by borough, patrol borough or rollout is asking about the city, not the default precinct.
      settingUnless: ['borough', 'patrolBorough', 'rollout'],
    },
    borough: {
      ...borough,
      description: 'only this borough (Manhattan, Bronx, Brooklyn, Queens, Staten Island)',
    },
    patrolBorough: { ...patrolBorough, description: 'only this patrol borough (PBQS, or "Queens South")' },
    rollout: {
      value: 'status',
      description: 'only precincts whose Neighborhood Policing rollout has this status',
      choices: ROLLOUT_STATUSES,
      what: 'a rollout status',
    },
  },
  examples: [
    'nsm precinct list --borough Brooklyn',
    'nsm precinct list --rollout unknown',
    'nsm precinct list --json',
    'nsm precinct list --precinct all --format csv',
  ],
  records: true,
});

export const show = spec({
  path: ['precinct', 'show'],
  summary: 'details, sectors with their NCOs, and sectors below two NCOs',
  args: [pctArg],
  flags: {},
  examples: ['nsm precinct show 75', 'nsm precinct show 14 --json'],
  records: true,
});

export const add = spec({
  path: ['precinct', 'add'],
  summary: 'add a precinct that the reference data lacks',
  args: [{ name: 'pct', description: 'the new precinct number' }],
  flags: {
    name: { value: 'n', description: 'its name, for example "116th Precinct"' },
    borough: { ...borough, description: 'its borough' },
    patrolBorough: { ...patrolBorough, description: 'its patrol borough (PBQS, or "Queens South")' },
    address: { value: 'a', description: 'station house address' },
    phone: { value: 'p', description: 'station house phone' },
  },
  examples: ['nsm precinct add 117 --name "117th Precinct" --borough Queens --patrol-borough PBQS'],
  records: true,
});

export const rollout = spec({
  path: ['precinct', 'rollout'],
  summary: 'record the date Neighborhood Policing started in a precinct',
  args: [pctArg],
  flags: {
    date: { value: 'date', description: 'the start date, YYYY-MM-DD' },
    phase: { value: 'n', description: 'the rollout phase (wave) number' },
  },
  examples: [
    'nsm precinct rollout 22 --date 2018-10-01 --phase 15',
    'nsm precinct rollout 116 --date 2024-12-18',
  ],
  records: true,
});

export const definitions: Definition[] = [
  define(list, () => import('../commands/precinct/list.js')),
  define(show, () => import('../commands/precinct/show.js')),
  define(add, () => import('../commands/precinct/add.js')),
  define(rollout, () => import('../commands/precinct/rollout.js')),
];
