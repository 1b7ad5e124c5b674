import { CATEGORIES } from '../domain/categories.js';
import { ISSUE_STATUSES, SOLUTION_STATUSES } from '../domain/statuses.js';
import { AGENCIES } from '../domain/solutions.js';
import { define, spec, type Definition } from './define.js';
import type { NounSpec } from './register.js';
import { precinctScope } from './flags.js';

export const nouns: NounSpec[] = [
  {
    name: 'issue',
    summary: 'the sector ledger: public-safety issues raised at meetings, carried until resolved',
  },
  { name: 'solution', summary: 'solutions agreed for issues: owner, due date, progress' },
];

const precinct = precinctScope;
const sector = { value: 's', description: 'only this sector', complete: 'sector' } as const;
const note = { value: 'text', description: 'what changed (required)' } as const;
const issueStatus = {
  value: 'st',
  description: 'the status',
  choices: ISSUE_STATUSES,
  what: 'an issue status',
} as const;
const solutionStatus = {
  value: 'st',
  description: 'the status',
  choices: SOLUTION_STATUSES,
  what: 'a solution status',
} as const;
const category = { value: 'c', choices: CATEGORIES, what: 'a category' } as const;
const owner = { value: 'who', suggestions: AGENCIES } as const;
const on = {
  value: 'date',
  description:
    'the day it happened, for a change recorded after the fact: YYYY-MM-DD, today (the default) or an earlier day',
} as const;
export const raise = spec({
  path: ['issue', 'raise'],
  summary: 'record an issue raised at a meeting that took place',
  flags: {
    meeting: {
      value: 'm',
      description: 'the meeting where it was raised, for example M4',
      complete: 'held-meeting',
    },
    summary: { value: 'text', description: 'one line, at most 200 characters' },
    category: { ...category, description: 'the kind of issue (default other)' },
    location: { value: 'where', description: 'where it happens, for example "Fountain Ave & Pitkin Ave"' },
    details: { value: 'text', description: 'longer description' },
    raisedBy: { value: 'name', description: 'who raised it' },
    private: {
      description: 'holds private text (a name, a home address): left out of public minutes and agendas',
    },
  },
  examples: [
    'nsm issue raise --meeting M1 --summary "Drag racing on Linden Blvd after midnight" --category traffic --location "Linden Blvd & Ashford St"',
    'nsm issue raise --meeting M1 --summary "Noise from 123 Elm St apt 2" --category noise --raised-by "J. Resident" --private',
  ],
  records: true,
});

export const list = spec({
  path: ['issue', 'list'],
  summary: 'list issues, oldest first',
  flags: {
    precinct,
    sector,
    status: { ...issueStatus, description: 'only issues with this status' },
    category: { ...category, description: 'only this category' },
    meeting: { value: 'm', description: 'only issues raised at this meeting', complete: 'meeting' },
  },
  examples: [
    'nsm issue list --sector 75A --status open',
    'nsm issue list --precinct 75 --category traffic --json',
    'nsm issue list --precinct all --status open --format csv',
  ],
  records: true,
});

export const show = spec({
  path: ['issue', 'show'],
  summary: 'an issue with its history, solutions, and the meetings where it was discussed',
  args: [{ name: 'issue', description: 'issue id, for example I3', complete: 'issue' }],
  flags: {},
  examples: ['nsm issue show I3', 'nsm issue show I3 --json'],
  records: true,
});

export const update = spec({
  path: ['issue', 'update'],
  summary:
    "change an issue's status (open → in-progress → resolved → closed, or back to open); a note is required",
  args: [{ name: 'issue', description: 'issue id', complete: 'issue' }],
  flags: {
    status: { ...issueStatus, description: 'the new status' },
    note,
    meeting: { value: 'm', description: 'the meeting where it was discussed', complete: 'held-meeting' },
    on,
  },
  examples: [
    'nsm issue update I3 --status in-progress --note "DOT survey scheduled"',
    'nsm issue update I3 --status resolved --note "Speed bumps installed" --meeting M11',
    'nsm issue update I1 --status in-progress --note "DOT survey started" --on 2026-11-20',
  ],
  notes:
    'To record that an issue was discussed without changing its status, use: nsm issue note\n' +
    '--on cannot be in the future, before the issue was raised, or before the latest entry of its history (the history stays in date order).',
  records: true,
});

export const noteCommand = spec({
  path: ['issue', 'note'],
  summary: 'record that an issue was discussed, and what was said; its status stays as it is',
  args: [{ name: 'issue', description: 'issue id', complete: 'open-issue' }],
  flags: {
    note: { value: 'text', description: 'what was said or done (required)' },
    meeting: {
      value: 'm',
      description:
        "the meeting where it was discussed (default: the sector's latest meeting that took place)",
      complete: 'held-meeting',
    },
  },
  examples: [
    'nsm issue note I1 --note "DOT survey still pending; residents report more speeding"',
    'nsm issue note I3 --note "Tenants association met building managers" --meeting M11',
  ],
  notes:
    'The issue then counts as discussed at that meeting: in nsm issue show, and in the agendas of later meetings.',
  records: true,
});

export const issueEdit = spec({
  path: ['issue', 'edit'],
  summary: 'correct what was typed for an issue; its history keeps each correction, old → new',
  args: [{ name: 'issue', description: 'issue id', complete: 'issue' }],
  flags: {
    summary: { value: 'text', description: 'the corrected summary, at most 200 characters' },
    details: { value: 'text', description: 'the corrected description ("" to clear it)' },
    location: { value: 'where', description: 'the corrected place ("" to clear it)' },
    category: { ...category, description: 'the corrected category' },
    private: {
      description:
        'mark it private (a name, a home address): its text stays out of public minutes and agendas',
    },
    public: { description: 'mark it public: its text may appear in minutes and agendas' },
  },
  examples: [
    'nsm issue edit I1 --location "Linden Blvd & Elderts Ln"',
    'nsm issue edit I3 --category quality-of-life --private',
  ],
  notes:
    'A correction is not a discussion: it never counts as the issue being discussed at a meeting. The history note of a private issue names the fields corrected without repeating their text.',
  records: true,
});

export const add = spec({
  path: ['solution', 'add'],
  summary: 'record a solution agreed for an issue',
  args: [{ name: 'issue', description: 'the issue it addresses', complete: 'open-issue' }],
  flags: {
    summary: { value: 'text', description: 'the agreed action, one line' },
    owner: {
      ...owner,
      description: 'an NCO id (N3), a city agency (DOT, DSNY, Parks, HPD, …) or a resident or group',
    },
    due: { value: 'date', description: 'due date, YYYY-MM-DD' },
    meeting: {
      value: 'm',
      description: "the meeting where it was agreed (default: the sector's latest meeting)",
      complete: 'held-meeting',
    },
  },
  examples: [
    'nsm solution add I3 --summary "Request speed bumps" --owner DOT --due 2027-02-01',
    'nsm solution add I3 --summary "Directed patrols after midnight" --owner N1',
  ],
  records: true,
});

export const solutionList = spec({
  path: ['solution', 'list'],
  summary: 'list solutions, soonest due first',
  flags: {
    precinct,
    sector,
    owner: { ...owner, description: 'only this owner' },
    overdue: { description: 'only those past their due date and not done or dropped' },
    status: { ...solutionStatus, description: 'only solutions with this status' },
  },
  examples: ['nsm solution list --overdue', 'nsm solution list --owner DOT --precinct 75'],
  records: true,
});

export const solutionUpdate = spec({
  path: ['solution', 'update'],
  summary: "change a solution's status (agreed → in-progress → done, or dropped); a note is required",
  args: [{ name: 'solution', description: 'solution id, for example S2', complete: 'solution' }],
  flags: {
    status: { ...solutionStatus, description: 'the new status' },
    note,
    on,
  },
  examples: [
    'nsm solution update S1 --status done --note "Speed bumps installed on 2027-01-20"',
    'nsm solution update S1 --status done --note "DOT survey completed" --on 2026-11-20',
  ],
  notes:
    '--on cannot be in the future, before its issue was raised, or before the latest entry of its history (the history stays in date order).',
  records: true,
});

export const solutionEdit = spec({
  path: ['solution', 'edit'],
  summary: 'correct what was typed for a solution; its history keeps each correction, old → new',
  args: [{ name: 'solution', description: 'solution id, for example S2', complete: 'solution' }],
  flags: {
    summary: { value: 'text', description: 'the corrected action, one line' },
    owner: {
      ...owner,
      description: 'an NCO id (N3), a city agency (DOT, DSNY, Parks, HPD, …), a resident or group, or none',
    },
    due: { value: 'date', description: 'the corrected due date, YYYY-MM-DD, or none to clear it' },
  },
  examples: [
    'nsm solution edit S3 --due 2027-01-15',
    'nsm solution edit S4 --owner "Tenants association" --due none',
  ],
  records: true,
});

export const definitions: Definition[] = [
  define(raise, () => import('../commands/issue/raise.js')),
  define(list, () => import('../commands/issue/list.js')),
  define(show, () => import('../commands/issue/show.js')),
  define(update, () => import('../commands/issue/update.js')),
  define(noteCommand, () => import('../commands/issue/note.js')),
  define(issueEdit, () => import('../commands/issue/edit.js')),
  define(add, () => import('../commands/solution/add.js')),
  define(solutionList, () => import('../commands/solution/list.js')),
  define(solutionUpdate, () => import('../commands/solution/update.js')),
  define(solutionEdit, () => import('../commands/solution/edit.js')),
];
