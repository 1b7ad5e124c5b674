import { DOCUMENT_FORMATS } from '../render/document/model.js';
import { define, spec, type Definition } from './define.js';
import type { NounSpec } from './register.js';

// The printed documents: agenda and signin stand alone; minutes prints, and has verbs of its own.
export const nouns: NounSpec[] = [
  {
    name: 'minutes',
    summary:
      'minutes of a held meeting (PDF, Markdown, HTML): drafted, approved at a later meeting, then frozen',
  },
];

const output = {
  short: 'o',
  value: 'file',
  description:
    'write to this file (its extension chooses the format when --format is not given); - for stdout',
  complete: 'file',
} as const;
const force = { description: 'replace an existing output file' } as const;
const format = (fallback: string) =>
  ({
    value: 'f',
    description: `the document format: pdf, html or md (default: the -o file's extension, else ${fallback})`,
    choices: DOCUMENT_FORMATS,
    what: 'a document format',
  }) as const;

const PDF_NOTE =
  'A PDF asked for on a terminal without -o is written to a file in the current folder, named\n' +
  'after the document and meeting, since a terminal cannot show it; piped, it goes to stdout.';

export const minutes = spec({
  path: ['minutes'],
  summary: 'print the minutes of a held meeting: a DRAFT until approved, then the approved record',
  args: [{ name: 'meeting', description: 'the held meeting, for example M4', complete: 'held-meeting' }],
  flags: {
    format: format('pdf'),
    output,
    force,
    public: {
      description: 'a copy to share: leaves out the text of private issues and solutions, and says so',
    },
  },
  examples: [
    'nsm minutes M1',
    'nsm minutes M1 -o minutes-75A.html --public',
    'nsm minutes M1 --format md',
    'nsm minutes M1 --json',
  ],
  notes:
    'Minutes record what was decided: hosting NCOs, attendance, old business carried in (how long each\n' +
    'issue has been open and what changed since the previous meeting), issues raised, solutions agreed,\n' +
    "and the next meeting. Statuses are as they stood at the end of the meeting's day.\n" +
    'Until `nsm minutes approve`, they are a DRAFT drawn from the ledger as it is now; once approved,\n' +
    'nsm prints the approved snapshot, with any amendments, whatever the ledger says later.\n' +
    'Without --public the file holds private text and is written readable by you only (mode 0600).\n' +
    PDF_NOTE,
});

export const approve = spec({
  path: ['minutes', 'approve'],
  summary: 'approve the minutes at a later meeting: freezes them as they read now',
  args: [
    { name: 'meeting', description: 'the meeting whose minutes are approved', complete: 'held-meeting' },
  ],
  flags: {
    at: {
      value: 'm',
      description: 'the later held meeting of the sector that approved them (default: the first one)',
      complete: 'held-meeting',
    },
  },
  examples: ['nsm minutes approve M1', 'nsm minutes approve M1 --at M2'],
  notes:
    'Check the draft first (nsm minutes <meeting>); correct the ledger with nsm issue edit and\n' +
    'nsm solution edit. After approval, corrections are amendments: nsm minutes amend. nsm undo\n' +
    'takes an approval back.',
  records: true,
});

export const amend = spec({
  path: ['minutes', 'amend'],
  summary: 'record a correction to approved minutes, kept with its date (the approved text stays as it was)',
  args: [
    {
      name: 'meeting',
      description: 'the meeting whose approved minutes are corrected',
      complete: 'held-meeting',
    },
  ],
  flags: {
    note: { value: 'text', description: 'the correction, printed with its date in every copy (required)' },
  },
  examples: ['nsm minutes amend M1 --note "The speed-bump survey is for Linden Blvd, not Linwood St."'],
  notes: 'Amendments print in public copies too: keep private text out of them.',
  records: true,
});

export const agenda = spec({
  path: ['agenda'],
  summary:
    "a meeting's agenda: welcome, old business (every open issue carried in, with its solutions), new business, next meeting",
  args: [
    { name: 'meeting', description: 'an upcoming meeting, for example M9', complete: 'upcoming-meeting' },
  ],
  flags: { format: format('md'), output, force },
  examples: [
    'nsm agenda M9',
    'nsm agenda M9 -o agenda-75B.pdf',
    'nsm agenda M9 --format html -o agenda.html',
    'nsm agenda M2 --json',
  ],
  notes:
    'Agendas are public: private issues keep only their category and progress.\n' +
    'A meeting already held has minutes instead: nsm minutes <meeting>.\n' +
    PDF_NOTE,
});

export const signin = spec({
  path: ['signin'],
  summary: 'a sign-in sheet (PDF) for the door: name, block or street, and an optional email for updates',
  args: [{ name: 'meeting', description: 'the meeting, for example M9', complete: 'upcoming-meeting' }],
  flags: {
    output: { ...output, description: 'write the PDF to this file; - for stdout' },
    force,
    rows: { value: 'n', description: 'how many rows to sign on (default 39: two full pages; at most 500)' },
  },
  examples: ['nsm signin M9', 'nsm signin M9 -o signin-75B.pdf --rows 50'],
  notes: "The foot of each page names the sector's NCOs and the next meeting.\n" + PDF_NOTE,
});

export const definitions: Definition[] = [
  define(minutes, () => import('../commands/minutes/print.js')),
  define(approve, () => import('../commands/minutes/approve.js')),
  define(amend, () => import('../commands/minutes/amend.js')),
  define(agenda, () => import('../commands/agenda.js')),
  define(signin, () => import('../commands/signin.js')),
];
