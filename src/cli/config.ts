import { KEYS } from '../settings/keys.js';
import { define, spec, type Definition } from './define.js';
import type { NounSpec } from './register.js';

export const nouns: NounSpec[] = [
  {
    name: 'config',
    summary: 'your settings: default precinct, meeting length, venues, calendar domain, store',
  },
];

const keyArg = {
  name: 'key',
  description: 'a setting: precinct, duration, venue.<sector>, address.<sector>, calendar.domain or store',
  complete: 'setting',
} as const;

/** The keys with what they do and an example, read from the registry so help never drifts. */
const KEY_NOTES =
  'Settings:\n' +
  KEYS.map((k) => `  ${k.name.padEnd(17)}${k.description}\n  ${''.padEnd(17)}for example: ${k.example}`).join(
    '\n',
  ) +
  '\nThe file is $NSM_CONFIG, else $XDG_CONFIG_HOME/nsm/config.json, else ~/.config/nsm/config.json.';

export const get = spec({
  path: ['config', 'get'],
  summary: 'print the value of a setting (its default when it is not set)',
  args: [keyArg],
  flags: {},
  examples: ['nsm config get duration', 'nsm config get calendar.domain --json'],
  notes:
    'Exits 4, printing nothing on stdout, when the setting is not set and has no default.\n\n' + KEY_NOTES,
});

export const set = spec({
  path: ['config', 'set'],
  summary: 'check a value and save it as a setting',
  args: [
    keyArg,
    { name: 'value', description: 'the value (asked for on a terminal when left out)', optional: true },
  ],
  flags: {},
  examples: [
    'nsm config set precinct 75',
    'nsm config set duration 90m',
    'nsm config set venue.75A "75th Precinct Community Room"',
    'nsm config set address.75A "1000 Sutter Avenue"',
    'nsm config set calendar.domain nsm.example.org',
  ],
  notes: KEY_NOTES,
  records: true,
});

export const unset = spec({
  path: ['config', 'unset'],
  summary: 'remove a setting, so its default applies again',
  args: [keyArg],
  flags: {},
  examples: ['nsm config unset precinct', 'nsm config unset venue.75A'],
  notes: 'Unsetting a setting that is not set changes nothing and is not an error.\n\n' + KEY_NOTES,
  records: true,
});

export const list = spec({
  path: ['config', 'list'],
  summary: 'every setting with its value, whether it was set or is the default, and what it does',
  flags: {},
  examples: ['nsm config list', 'nsm config list --json'],
  notes: KEY_NOTES,
  records: true,
});

export const definitions: Definition[] = [
  define(get, () => import('../commands/config/get.js')),
  define(set, () => import('../commands/config/set.js')),
  define(unset, () => import('../commands/config/unset.js')),
  define(list, () => import('../commands/config/list.js')),
];
