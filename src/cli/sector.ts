import { define, spec, type Definition } from './define.js';
import type { NounSpec } from './register.js';
import { precinctScope } from './flags.js';

export const nouns: NounSpec[] = [
  {
    name: 'sector',
    summary: 'the sectors of each precinct: list, show, add, locate a point',
  },
];

export const list = spec({
  path: ['sector', 'list'],
  summary: 'list sectors with the NCOs assigned today',
  flags: {
    precinct: precinctScope,
  },
  examples: [
    'nsm sector list --precinct 75',
    'nsm sector list --json',
    'nsm sector list --precinct all --format md',
  ],
  records: true,
});

export const show = spec({
  path: ['sector', 'show'],
  summary: 'details of a sector and its NCOs',
  args: [
    {
      name: 'sector',
      description: 'sector id: precinct number and letter, for example 75A',
      complete: 'sector',
    },
  ],
  flags: {},
  examples: ['nsm sector show 75A'],
  records: true,
});

export const add = spec({
  path: ['sector', 'add'],
  summary: 'add a sector to a precinct',
  args: [{ name: 'sector', description: 'the new sector id, for example 116A' }],
  flags: {
    description: { value: 'd', description: 'what the sector covers' },
  },
  examples: ['nsm sector add 116A --description "Rosedale west of Brookville Blvd"'],
  records: true,
});

export const locate = spec({
  path: ['sector', 'locate'],
  summary: 'which sector and precinct contain a point (offline, from the bundled 2018 boundaries)',
  flags: {
    lat: { value: 'lat', description: 'latitude in decimal degrees, for example 40.7484' },
    lon: { value: 'lon', description: 'longitude in decimal degrees, for example -73.9857' },
  },
  examples: ['nsm sector locate --lat 40.7484 --lon -73.9857   # the Empire State Building: 14B'],
  notes: 'The boundaries are the NYPD sectors of 2018; the 116th Precinct (2024) is not in them.',
  records: true,
});

export const definitions: Definition[] = [
  define(list, () => import('../commands/sector/list.js')),
  define(show, () => import('../commands/sector/show.js')),
  define(add, () => import('../commands/sector/add.js')),
  define(locate, () => import('../commands/sector/locate.js')),
];
