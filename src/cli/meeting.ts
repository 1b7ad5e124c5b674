import type { Command } from 'commander';
import { action, examples } from './action.js';
import type { RunCommand } from './program.js';

export function registerMeeting(program: Command, run: RunCommand): void {
  const meeting = program
    .command('meeting')
    .description('Neighborhood Safety Meetings: schedule, list, move, cancel, close out');

  meeting
    .command('schedule')
    .description('schedule a meeting, or a series of them (asks for missing values on a terminal)')
    .option('--sector <s>', 'the sector meeting, for example 75A')
    .option('--at <time>', 'New York time: "2026-12-08 19:00", "2026-12-08 7pm", "tomorrow 7:30pm"')
    .option('--duration <d>', 'length: 90, 90m, 1h, 1h30m, 1.5h (default 60 minutes)')
    .option('--location <name>', 'venue name, for example "Community Room"')
    .option('--address <a>', 'venue street address')
    .option('--online <url>', 'link for an online meeting')
    .option('--title <t>', 'title (default "Sector <s> Neighborhood Safety Meeting")')
    .option(
      '--repeat <rule>',
      'quarterly, monthly, weekly, or an RFC 5545 RRULE such as FREQ=MONTHLY;INTERVAL=3;BYDAY=2TU',
    )
    .option('--count <n>', 'number of meetings in the series (default: a year of them)')
    .option('--until <date>', 'last possible date of the series')
    .option('--force', 'schedule even when it conflicts with another meeting or is in the past')
    .addHelpText(
      'after',
      examples(
        'nsm meeting schedule --sector 75A --at "2026-12-08 7pm" --location "75th Precinct Community Room" --address "1000 Sutter Avenue"',
        'nsm meeting schedule --sector 75B --at "2027-01-12 19:00" --repeat quarterly --count 4',
        'nsm meeting schedule --sector 14A --at "2027-01-06 18:30" --online https://meet.example.org/14a --repeat "FREQ=MONTHLY;INTERVAL=2;BYDAY=1WE" --until 2027-12-31',
      ) +
        '\nQuarterly and monthly series keep the weekday and its place in the month (2nd Tuesday stays 2nd Tuesday);\na 5th weekday becomes the last one of each month.\n',
    )
    .action(action(run, () => import('../commands/meeting/schedule.js')));

  meeting
    .command('list')
    .description('list meetings, soonest first')
    .option('--precinct <pct>', 'only this precinct')
    .option('--sector <s>', 'only this sector')
    .option('--from <date>', 'from this date')
    .option('--to <date>', 'up to this date')
    .option('--status <st>', 'scheduled, held or cancelled')
    .option('--upcoming', 'only scheduled meetings that have not ended')
    .addHelpText(
      'after',
      examples(
        'nsm meeting list --precinct 75 --upcoming',
        'nsm meeting list --sector 75A --from 2027-01-01 --to 2027-12-31 --json',
      ),
    )
    .action(action(run, () => import('../commands/meeting/list.js')));

  meeting
    .command('show')
    .argument('<meeting>', 'meeting id, for example M1')
    .description("a meeting with its hosts (the sector's NCOs on that date)")
    .addHelpText('after', examples('nsm meeting show M1'))
    .action(action(run, () => import('../commands/meeting/show.js'), 'meeting'));

  meeting
    .command('next')
    .description("when and where is a sector's next meeting? By sector, or by a point on the map")
    .option('--sector <s>', 'the sector')
    .option('--lat <lat>', 'latitude of an address in the sector')
    .option('--lon <lon>', 'longitude')
    .addHelpText(
      'after',
      examples('nsm meeting next --sector 75A', 'nsm meeting next --lat 40.7484 --lon -73.9857'),
    )
    .action(action(run, () => import('../commands/meeting/next.js')));

  meeting
    .command('reschedule')
    .argument('<meeting>', 'meeting id')
    .description('move a meeting (conflicts are checked again; calendars see a new revision)')
    .option('--at <time>', 'the new New York time')
    .option('--duration <d>', 'a new length')
    .option('--location <name>', 'a new venue')
    .option('--force', 'move it even when it conflicts')
    .addHelpText(
      'after',
      examples(
        'nsm meeting reschedule M3 --at "2026-12-15 19:00"',
        'nsm meeting reschedule M3 --at "2026-12-15 18:30" --location "P.S. 190 Auditorium"',
      ),
    )
    .action(action(run, () => import('../commands/meeting/reschedule.js'), 'meeting'));

  meeting
    .command('cancel')
    .argument('<meeting>', 'meeting id')
    .description('cancel a meeting (it is kept, marked cancelled)')
    .option('--reason <r>', 'why, for the record and the calendar')
    .option('--series', 'also cancel the later meetings of its series')
    .addHelpText(
      'after',
      examples('nsm meeting cancel M3 --reason "venue unavailable"', 'nsm meeting cancel M5 --series'),
    )
    .action(action(run, () => import('../commands/meeting/cancel.js'), 'meeting'));

  meeting
    .command('held')
    .argument('<meeting>', 'meeting id')
    .description('record that a meeting took place, and how many came')
    .option('--attendance <n>', 'number of people who came')
    .option('--notes <text>', 'notes on the meeting')
    .addHelpText(
      'after',
      examples(
        'nsm meeting held M1 --attendance 34',
        'nsm meeting held M1 --attendance 34 --notes "Captain attended"',
      ),
    )
    .action(action(run, () => import('../commands/meeting/held.js'), 'meeting'));
}
