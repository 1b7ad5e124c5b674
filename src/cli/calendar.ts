import { define, spec, type Definition } from './define.js';
import type { NounSpec } from './register.js';
import { precinctScope } from './flags.js';

// calendar stands alone, without a verb.
export const nouns: NounSpec[] = [];

export const calendar = spec({
  path: ['calendar'],
  summary:
    'iCalendar (.ics) files of the meetings, for Outlook, Google, Apple Calendar, Thunderbird: a sector, a precinct or all',
  flags: {
    precinct: {
      ...precinctScope,
      description: 'the meetings of this precinct ("all" for every precinct; default: the precinct setting)',
      settingUnless: ['sector', 'meeting'],
    },
    sector: {
      value: 'sector',
      description: 'only the meetings of this sector, for example 75A',
      complete: 'sector',
    },
    meeting: { value: 'm', description: 'only this meeting, for example M3', complete: 'meeting' },
    from: { value: 'date', description: 'meetings on or after this date (YYYY-MM-DD, today, tomorrow)' },
    to: { value: 'date', description: 'meetings on or before this date' },
    output: { short: 'o', value: 'file', description: 'write to a file instead of stdout', complete: 'file' },
    force: { description: 'replace an existing output file' },
    split: {
      value: 'folder',
      description: 'write one .ics per sector and per precinct, plus index.md, into this folder',
      complete: 'folder',
    },
  },
  examples: [
    'nsm calendar --sector 75A -o sector-75A.ics',
    'nsm calendar --precinct 75 --from 2027-01-01 --to 2027-12-31 -o precinct-75-2027.ics',
    'nsm calendar --meeting M2 > M2.ics',
    'nsm calendar --precinct all --json -o nyc.ics',
    'nsm calendar --split feeds --precinct 75',
  ],
  notes:
    'One event per meeting, in New York time with its time-zone rules (VTIMEZONE), so no calendar\n' +
    'puts it an hour off around the clock changes. Each meeting keeps its UID in every export\n' +
    '(<meeting uuid>@<calendar.domain setting>, default nsm.invalid), so importing again updates\n' +
    'events instead of duplicating them; a moved or cancelled meeting comes with a higher SEQUENCE.\n' +
    'Cancelled meetings stay, marked cancelled; held meetings stay. The description lists the\n' +
    "sector's NCOs, the online link and the open issues to be discussed: a private issue shows only\n" +
    'its id and category. Two exports of an unchanged store are byte-identical.\n' +
    'Default scope: the precinct setting, else every precinct. Give one of --precinct, --sector, --meeting.\n' +
    '--split writes sector-<s>.ics and precinct-<p>.ics for every sector and precinct in scope, and an\n' +
    'index.md listing them, ready to publish as feeds; each file is replaced atomically, so a\n' +
    'subscriber never reads half a file. The folder is made when missing.',
});

export const definitions: Definition[] = [define(calendar, () => import('../commands/calendar.js'))];
