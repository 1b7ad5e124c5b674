import { MEETING_STATUSES } from '../domain/statuses.js';
import { define, spec, type Definition } from './define.js';
import type { NounSpec } from './register.js';
import { precinctScope } from './flags.js';

export const nouns: NounSpec[] = [
  {
    name: 'meeting',
    summary: 'Neighborhood Safety Meetings: schedule, list, move, cancel, close out',
  },
];

const sector = { value: 'sector', description: 'the sector, for example 75A', complete: 'sector' } as const;
const precinct = precinctScope;
const meetingArg = {
  name: 'meeting',
  description: 'meeting id, for example M1',
  complete: 'meeting',
} as const;
const at = {
  value: 'time',
  description: 'New York time: "2026-12-08 19:00", "Dec 8 2026 7pm", "12/08/2026 7pm", "next tuesday 7pm"',
} as const;
const timeNotes =
  'Times are New York wall-clock time. --at takes 2026-12-15 19:00, 2026-12-15T19:00, 2026-12-15 7pm,\n' +
  '2026-12-15 7:30pm, Dec 15 2026 7pm, December 15 2026 19:00, 12/15/2026 7pm (month/day/year), today 7pm,\n' +
  'tomorrow 19:00 and next tuesday 7pm ("next <weekday>" is the first one after today: on a Tuesday, a week on).\n' +
  'A time the clocks skip in March does not exist and is refused; a time in the past is refused unless --force.';

export const schedule = spec({
  path: ['meeting', 'schedule'],
  summary: 'schedule a meeting, or a series of them (asks for missing values on a terminal)',
  flags: {
    sector: { ...sector, description: 'the sector meeting, for example 75A' },
    at,
    duration: {
      value: 'd',
      description: 'length: 90, 90m, 1h, 1h30m, 1.5h (default: the duration setting, else 60 minutes)',
      setting: 'duration',
    },
    location: { value: 'name', description: 'venue name (default: the venue.<sector> setting)' },
    address: { value: 'a', description: 'venue street address (default: the address.<sector> setting)' },
    online: { value: 'url', description: 'link for an online meeting' },
    title: { value: 't', description: 'title (default "Sector <s> Neighborhood Safety Meeting")' },
    repeat: {
      value: 'rule',
      description:
        'quarterly, monthly, weekly, or an RFC 5545 RRULE such as FREQ=MONTHLY;INTERVAL=3;BYDAY=2TU',
    },
    count: { value: 'n', description: 'number of meetings in the series (default: a year of them)' },
    until: { value: 'date', description: 'last possible date of the series' },
    force: { description: 'schedule even when it conflicts with another meeting or is in the past' },
  },
  examples: [
    'nsm meeting schedule --sector 75A --at "Jan 12 2027 7pm" --location "75th Precinct Community Room" --address "1000 Sutter Avenue"',
    'nsm meeting schedule --sector 75B --at "2027-01-12 19:00" --repeat quarterly --count 4',
    'nsm meeting schedule --sector 14A --at "2027-01-27 18:30" --online https://meet.example.org/14a --repeat "FREQ=MONTHLY;INTERVAL=2;BYDAY=-1WE" --until 2027-04-30',
  ],
  notes:
    `${timeNotes}\n` +
    'Quarterly and monthly series keep the weekday and its place in the month (2nd Tuesday stays 2nd Tuesday);\n' +
    'a 5th weekday becomes the last one of each month. An RRULE repeats DAILY, WEEKLY, MONTHLY or YEARLY,\n' +
    'every 1 to 100 of them, and at most 200 meetings.\n' +
    'Refused unless --force: an overlapping meeting of the sector, its NCOs or its venue; a time in the past.\n' +
    'Warned, not refused (for each meeting of a series): the sector already meets within 14 days; no NCO is\n' +
    'assigned to the sector that day; a meeting that starts before 8:00 AM or is still running after 10:00 PM;\n' +
    "a US federal or New York State holiday (New York adds Lincoln's Birthday and Election Day), or the\n" +
    'weekday a weekend holiday is observed on (Saturday: the Friday for federal offices; Sunday: the Monday).',
  records: true,
});

export const list = spec({
  path: ['meeting', 'list'],
  summary: 'list meetings, soonest first',
  flags: {
    precinct,
    sector: { ...sector, description: 'only this sector' },
    from: { value: 'date', description: 'from this date' },
    to: { value: 'date', description: 'up to this date' },
    status: {
      value: 'st',
      description: 'only meetings with this status',
      choices: MEETING_STATUSES,
      what: 'a meeting status',
    },
    upcoming: { description: 'only scheduled meetings that have not ended' },
  },
  examples: [
    'nsm meeting list --precinct 75 --upcoming',
    'nsm meeting list --sector 75A --from 2027-01-01 --to 2027-12-31 --json',
    'nsm meeting list --precinct all --status held --format csv',
  ],
  records: true,
});

export const show = spec({
  path: ['meeting', 'show'],
  summary: "a meeting with its hosts (the sector's NCOs on that date)",
  args: [meetingArg],
  flags: {},
  examples: ['nsm meeting show M1', 'nsm meeting show M1 --json'],
  records: true,
});

export const next = spec({
  path: ['meeting', 'next'],
  summary: "when and where is a sector's next meeting? By sector, or by a point on the map",
  flags: {
    sector: { ...sector, description: 'the sector' },
    lat: { value: 'lat', description: 'latitude of an address in the sector' },
    lon: { value: 'lon', description: 'longitude' },
  },
  examples: ['nsm meeting next --sector 75A', 'nsm meeting next --lat 40.6752 --lon -73.8803'],
  records: true,
});

export const reschedule = spec({
  path: ['meeting', 'reschedule'],
  summary: 'move a meeting or change its venue (conflicts are checked again; calendars see a new revision)',
  args: [{ ...meetingArg, complete: 'upcoming-meeting' }],
  flags: {
    at: { ...at, description: `the new ${at.description}` },
    duration: { value: 'd', description: 'a new length' },
    location: { value: 'name', description: 'a new venue name ("" to clear it)' },
    address: { value: 'a', description: 'a new street address ("" to clear it)' },
    online: { value: 'url', description: 'a new online link ("" to clear it)' },
    force: { description: 'move it even when it conflicts' },
  },
  examples: [
    'nsm meeting reschedule M3 --at "2027-03-02 19:00"',
    'nsm meeting reschedule M3 --location "P.S. 190 Auditorium" --address "590 Sheffield Avenue"',
    'nsm meeting reschedule M3 --online https://meet.example.org/75a --duration 1h',
  ],
  notes:
    'Give at least one of --at, --duration, --location, --address, --online; fields not given are kept,\n' +
    'except that a new venue name drops the old address (it belongs to the old place) unless --address is given.\n' +
    'The revision goes up only when the time, length or venue really changes. Conflicts are checked again;\n' +
    'a new time is also checked for the warnings of meeting schedule.\n' +
    timeNotes,
  records: true,
});

export const cancel = spec({
  path: ['meeting', 'cancel'],
  summary: 'cancel a meeting (it is kept, marked cancelled)',
  args: [{ ...meetingArg, complete: 'upcoming-meeting' }],
  flags: {
    reason: { value: 'r', description: 'why, for the record and the calendar' },
    series: { description: 'also cancel the later meetings of its series' },
  },
  examples: ['nsm meeting cancel M3 --reason "venue unavailable"', 'nsm meeting cancel M5 --series'],
  records: true,
});

export const held = spec({
  path: ['meeting', 'held'],
  summary: 'record that a meeting took place, and how many came',
  args: [meetingArg],
  flags: {
    attendance: { value: 'n', description: 'number of people who came' },
    notes: { value: 'text', description: 'notes on the meeting' },
  },
  examples: [
    'nsm meeting held M1 --attendance 34',
    'nsm meeting held M1 --attendance 34 --notes "Captain attended"',
  ],
  records: true,
});

export const definitions: Definition[] = [
  define(schedule, () => import('../commands/meeting/schedule.js')),
  define(list, () => import('../commands/meeting/list.js')),
  define(show, () => import('../commands/meeting/show.js')),
  define(next, () => import('../commands/meeting/next.js')),
  define(reschedule, () => import('../commands/meeting/reschedule.js')),
  define(cancel, () => import('../commands/meeting/cancel.js')),
  define(held, () => import('../commands/meeting/held.js')),
];
