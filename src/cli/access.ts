import { define, spec, type Definition } from './define.js';
import type { NounSpec } from './register.js';

export const nouns: NounSpec[] = [
  {
    name: 'access',
    summary: 'fence precincts on a PostgreSQL store: which coordinator role may change which precinct',
  },
];

const roleArg = { name: 'role', description: "the coordinator's PostgreSQL login role" } as const;
const precinct = {
  value: 'pct',
  description: 'the precinct, for example 75',
  complete: 'precinct',
} as const;

const DATABASE = 'postgres://coordinator@db.example.org/nsm';

export const grant = spec({
  path: ['access', 'grant'],
  summary: "let a database role change a precinct's records and read its private text",
  args: [roleArg],
  flags: { precinct },
  examples: [
    'nsm access grant pct75 --precinct 75',
    `nsm --store ${DATABASE} access grant pct75 --precinct 75 --json`,
  ],
  databaseOnly: true,
  records: true,
  notes:
    "Run by the store's administrator (the role that owns its tables). The role must exist:\n" +
    'createuser --pwprompt pct75. It may then read every record, change only the records of\n' +
    'its precincts (row-level security refuses the rest, even to hand-written SQL), and sees\n' +
    "the private text of its precincts' private issues; other precincts' show as\n" +
    '"(withheld: private)". Granting a precinct again changes nothing.\n' +
    'The store is a database: --store postgres://…, NSM_STORE, or the store setting.',
});

export const revoke = spec({
  path: ['access', 'revoke'],
  summary: 'take a precinct back from a database role',
  args: [roleArg],
  flags: { precinct },
  examples: [
    'nsm access revoke pct75 --precinct 75',
    `nsm --store ${DATABASE} access revoke pct75 --precinct 75`,
  ],
  databaseOnly: true,
  records: true,
  notes:
    'A role left with no precinct loses its privileges on the store (it can no longer read it).\n' +
    "Revoke a role's precincts before dropping it (dropuser).",
});

export const list = spec({
  path: ['access', 'list'],
  summary: 'list the roles that hold grants, with their precincts',
  flags: {},
  examples: ['nsm access list', `nsm --store ${DATABASE} access list --json`],
  notes: 'The store is a database: --store postgres://…, NSM_STORE, or the store setting.',
  databaseOnly: true,
  records: true,
});

export const definitions: Definition[] = [
  define(grant, () => import('../commands/access/grant.js')),
  define(revoke, () => import('../commands/access/revoke.js')),
  define(list, () => import('../commands/access/list.js')),
];
