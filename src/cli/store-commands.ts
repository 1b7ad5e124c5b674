import { define, spec, type Definition } from './define.js';
import type { NounSpec } from './register.js';
import { precinctScope } from './flags.js';

// init, demo, doctor and undo stand alone, without a noun; copy sits under `store`.
export const nouns: NounSpec[] = [
  { name: 'store', summary: 'move the store between a JSON file and a PostgreSQL database' },
];

export const init = spec({
  path: ['init'],
  summary:
    'create the store with the New York City reference data (78 precincts, 302 sectors, 9 housing PSAs, rollout phases)',
  flags: {
    empty: { description: 'create an empty store, without the reference data' },
    force: { description: 'replace an existing store (it is kept as a backup)' },
  },
  examples: ['nsm init', 'nsm --store ./pct75.json init', 'nsm init --empty --store ./blank.json'],
  notes: 'Given a PostgreSQL store (--store postgres://…), init sets up its schema in an empty database.',
});

export const demo = spec({
  path: ['demo'],
  summary:
    'build a sample store (reference data, clearly fictional NCOs, a year of meetings, sample issues) in a temporary folder and tour it',
  flags: {},
  examples: [
    'nsm demo',
    'nsm demo --store ./demo.json',
    'nsm demo --store postgres://coordinator@db.example.org/nsm',
  ],
  notes:
    'With --store <file> the sample store is built there instead (a new file); with\n' +
    '--store postgres://… in that database, which must be empty (its files go in a\n' +
    'temporary folder).',
});

export const doctor = spec({
  path: ['doctor'],
  summary: 'check the store (schema, references, duplicates, sectors below two NCOs) and list its backups',
  flags: {
    precinct: {
      ...precinctScope,
      description: 'the precinct whose staffing is checked ("all" for every precinct)',
    },
    restore: {
      value: 'backup',
      description: 'put a backup back (the current file is kept as a backup first)',
    },
    migrate: {
      description: "bring a PostgreSQL store's schema up to date with this nsm (its administrator runs it)",
    },
  },
  examples: [
    'nsm doctor',
    'nsm doctor --json',
    'nsm doctor --precinct all',
    'nsm --store postgres://coordinator@db.example.org/nsm doctor --migrate',
  ],
  notes:
    'Integrity (schema, references, duplicates, id counters) is checked store-wide;\n' +
    'staffing (sectors below two NCOs, precincts without sectors or NCOs) only in\n' +
    '--precinct (default: the precinct setting).\n' +
    'Put a backup back with: nsm doctor --restore 000012 (nsm doctor lists them).\n' +
    'On a PostgreSQL store, doctor runs the same checks (a database keeps no backups: pg_dump\n' +
    'does), and doctor --migrate applies the migrations the database lacks, in one transaction.',
  records: true,
});

export const undo = spec({
  path: ['undo'],
  summary: 'undo the last change to the store',
  flags: {
    list: { description: 'list recent changes with the command line that made each' },
  },
  examples: ['nsm undo --list'],
  notes:
    'nsm undo reverses the newest change; run it again to go back further\n(while the backups last).\n' +
    'On a PostgreSQL store it reverses your own last change, unless someone has changed\nthe same records since.',
  records: true,
});

export const copy = spec({
  path: ['store', 'copy'],
  summary: 'copy the whole store into an empty PostgreSQL database, or a database store into a new JSON file',
  flags: {
    to: {
      value: 'target',
      description: 'where to: a postgres:// URL (an empty database), or a new .json file',
      complete: 'file',
    },
  },
  examples: [
    'nsm store copy --to postgres://coordinator@db.example.org/nsm',
    'nsm --store postgres://coordinator@db.example.org/nsm store copy --to ./pct75.json',
  ],
  notes:
    'Ids, histories, approved minutes and id counters are copied as they are, in one\n' +
    'transaction: a copy cut off part-way leaves the database empty. The password comes\n' +
    'from the URL, PGPASSWORD or ~/.pgpass, and is never printed or recorded.\n' +
    'Every other command works on a database store too (--store postgres://…), but\n' +
    'doctor --restore (a database keeps no backups: pg_dump does); nsm init and nsm demo set up\n' +
    'an empty database, and nsm access grant fences its precincts.',
});

export const definitions: Definition[] = [
  define(init, () => import('../commands/init.js')),
  define(demo, () => import('../commands/demo.js')),
  define(doctor, () => import('../commands/doctor.js')),
  define(undo, () => import('../commands/undo.js')),
  define(copy, () => import('../commands/store/copy.js')),
];
