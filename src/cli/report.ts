import { FORMATS } from '../render/view.js';
import { define, spec, type Definition } from './define.js';
import { precinctScope } from './flags.js';
import type { NounSpec } from './register.js';

export const nouns: NounSpec[] = [
  {
    name: 'report',
    summary: 'reports: the Neighborhood Policing rollout (with a map), NCO staffing, the issues ledger',
  },
];

/** How a rollout count is grouped. */
export const ROLLOUT_GROUPS = ['borough', 'patrol-borough', 'phase'] as const;
/** The rollout report's formats: every record format, and a picture. */
export const ROLLOUT_FORMATS = [...FORMATS, 'svg'] as const;

const asOf = {
  value: 'date',
  description: 'as it stood on this date: YYYY-MM-DD, today, yesterday (default today)',
} as const;

export const rollout = spec({
  path: ['report', 'rollout'],
  summary:
    'how far Neighborhood Policing had reached on a date: precincts active in all and per group, and the waves',
  flags: {
    asOf,
    by: {
      value: 'group',
      description: 'group the counts (default borough)',
      choices: ROLLOUT_GROUPS,
      what: 'a rollout grouping',
    },
    format: {
      value: 'f',
      description:
        "table, tsv, csv, json, md, or svg: a map of the sectors coloured by their precinct's status",
      choices: ROLLOUT_FORMATS,
      what: 'a rollout report format',
    },
    chart: {
      description: 'with --format svg: a line chart of active precincts over time instead of the map',
    },
    output: {
      short: 'o',
      value: 'file',
      description: 'write the SVG to this file (default: stdout)',
      complete: 'file',
    },
    force: { description: 'replace an existing output file' },
  },
  examples: [
    'nsm report rollout',
    'nsm report rollout --as-of 2017-05-31 --by patrol-borough',
    'nsm report rollout --as-of 2016-12-31 --by phase --format csv',
    'nsm report rollout --as-of 2017-09-30 --format svg -o rollout-2017-09-30.svg',
    'nsm report rollout --format svg --chart -o rollout-chart.svg',
  ],
  notes:
    'A precinct counts only if it existed on the date (the 116th opened on 2024-12-18) and only from\n' +
    'its recorded start date; a precinct with no recorded start (the 22nd, Central Park) is counted\n' +
    'as unknown, never guessed. Record a start with nsm precinct rollout <pct> --date <date>.',
  records: true,
});

export const staffing = spec({
  path: ['report', 'staffing'],
  summary: 'every sector with its NCOs on a date, sectors below two NCOs first, and NCOs without a sector',
  flags: {
    precinct: {
      ...precinctScope,
      description: 'only this precinct ("all" for every precinct; default: the precinct setting)',
      settingUnless: [],
    },
    asOf,
  },
  examples: [
    'nsm report staffing --precinct 75',
    'nsm report staffing --precinct all --format csv',
    'nsm report staffing --precinct 75 --as-of 2026-09-01 --json',
  ],
  records: true,
});

export const issues = spec({
  path: ['report', 'issues'],
  summary:
    'what residents raise and whether solutions are delivered: counts by category, status and sector, time to resolution, overdue solutions',
  flags: {
    precinct: precinctScope,
    sector: { value: 's', description: 'only this sector', complete: 'sector' },
    from: { value: 'date', description: 'issues raised on or after this date: YYYY-MM-DD, today, yesterday' },
    to: { value: 'date', description: 'issues raised on or before this date (default: any date)' },
  },
  examples: [
    'nsm report issues --precinct 75',
    'nsm report issues --sector 75A --from 2026-01-01',
    'nsm report issues --precinct all --format md',
  ],
  notes:
    'The issues raised in the period, each with its status today. Time to resolution runs from the\n' +
    'day an issue was raised to its first resolved or closed entry, for issues resolved or closed now.\n' +
    'A meeting resolved an issue when the resolution names it (nsm issue update --meeting), or else\n' +
    "when it is the sector's latest held meeting on or before the resolution's date.\n" +
    'Private issues are counted; their text is never shown.',
  records: true,
});

export const definitions: Definition[] = [
  define(rollout, () => import('../commands/report/rollout.js')),
  define(staffing, () => import('../commands/report/staffing.js')),
  define(issues, () => import('../commands/report/issues.js')),
];
