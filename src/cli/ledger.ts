import type { Definition } from './define.js';
import type { NounSpec } from './register.js';
import type { Command } from 'commander';
import { action, examples } from './legacy.js';
import type { RunCommand } from './program.js';
import { CATEGORIES } from '../domain/categories.js';

export function registerLedger(program: Command, run: RunCommand): void {
  const issue = program
    .command('issue')
    .description('the sector ledger: public-safety issues raised at meetings, carried until resolved');

  issue
    .command('raise')
    .description('record an issue raised at a meeting that took place')
    .option('--meeting <m>', 'the meeting where it was raised, for example M4')
    .option('--summary <text>', 'one line, at most 200 characters')
    .option('--category <c>', `one of: ${CATEGORIES.join(', ')} (default other)`)
    .option('--location <where>', 'where it happens, for example "Fountain Ave & Pitkin Ave"')
    .option('--details <text>', 'longer description')
    .option('--raised-by <name>', 'who raised it')
    .option(
      '--private',
      'holds private text (a name, a home address): left out of public minutes and agendas',
    )
    .addHelpText(
      'after',
      examples(
        'nsm issue raise --meeting M4 --summary "Drag racing on Linden Blvd after midnight" --category traffic --location "Linden Blvd & Ashford St"',
        'nsm issue raise --meeting M4 --summary "Noise from 123 Elm St apt 2" --category noise --raised-by "J. Resident" --private',
      ),
    )
    .action(action(run, () => import('../commands/issue/raise.js')));

  issue
    .command('list')
    .description('list issues, oldest first')
    .option('--precinct <pct>', 'only this precinct')
    .option('--sector <s>', 'only this sector')
    .option('--status <st>', 'open, in-progress, resolved or closed')
    .option('--category <c>', 'only this category')
    .option('--meeting <m>', 'only issues raised at this meeting')
    .addHelpText(
      'after',
      examples(
        'nsm issue list --sector 75A --status open',
        'nsm issue list --precinct 75 --category traffic --json',
      ),
    )
    .action(action(run, () => import('../commands/issue/list.js')));

  issue
    .command('show')
    .argument('<issue>', 'issue id, for example I3')
    .description('an issue with its history, solutions, and the meetings where it was discussed')
    .addHelpText('after', examples('nsm issue show I3'))
    .action(action(run, () => import('../commands/issue/show.js'), 'issue'));

  issue
    .command('update')
    .argument('<issue>', 'issue id')
    .description(
      "change an issue's status (open → in-progress → resolved → closed, or back to open); a note is required",
    )
    .option('--status <st>', 'open, in-progress, resolved or closed')
    .option('--note <text>', 'what changed (required)')
    .option('--meeting <m>', 'the meeting where it was discussed')
    .addHelpText(
      'after',
      examples(
        'nsm issue update I3 --status in-progress --note "DOT survey scheduled"',
        'nsm issue update I3 --status resolved --note "Speed bumps installed" --meeting M9',
      ),
    )
    .action(action(run, () => import('../commands/issue/update.js'), 'issue'));

  const solution = program
    .command('solution')
    .description('solutions agreed for issues: owner, due date, progress');

  solution
    .command('add')
    .argument('<issue>', 'the issue it addresses')
    .description('record a solution agreed for an issue')
    .option('--summary <text>', 'the agreed action, one line')
    .option(
      '--owner <who>',
      'an NCO id (N3), a city agency (DOT, DSNY, Parks, HPD, …) or a resident or group',
    )
    .option('--due <date>', 'due date, YYYY-MM-DD')
    .option('--meeting <m>', "the meeting where it was agreed (default: the sector's latest meeting)")
    .addHelpText(
      'after',
      examples(
        'nsm solution add I3 --summary "Request speed bumps" --owner DOT --due 2027-02-01',
        'nsm solution add I3 --summary "Directed patrols after midnight" --owner N1',
      ),
    )
    .action(action(run, () => import('../commands/solution/add.js'), 'issue'));

  solution
    .command('list')
    .description('list solutions, soonest due first')
    .option('--precinct <pct>', 'only this precinct')
    .option('--sector <s>', 'only this sector')
    .option('--owner <who>', 'only this owner')
    .option('--overdue', 'only those past their due date and not done or dropped')
    .option('--status <st>', 'agreed, in-progress, done or dropped')
    .addHelpText(
      'after',
      examples('nsm solution list --overdue', 'nsm solution list --owner DOT --precinct 75'),
    )
    .action(action(run, () => import('../commands/solution/list.js')));

  solution
    .command('update')
    .argument('<solution>', 'solution id, for example S2')
    .description("change a solution's status (agreed → in-progress → done, or dropped); a note is required")
    .option('--status <st>', 'agreed, in-progress, done or dropped')
    .option('--note <text>', 'what changed (required)')
    .addHelpText(
      'after',
      examples('nsm solution update S2 --status done --note "Speed bumps installed on 2027-01-20"'),
    )
    .action(action(run, () => import('../commands/solution/update.js'), 'solution'));

  program
    .command('agenda')
    .argument('<meeting>', 'meeting id')
    .description(
      "a meeting's agenda: welcome, old business (every open issue carried in, with its solutions), new business, next meeting",
    )
    .option('--format <f>', 'md (Markdown)', 'md')
    .option('-o, --output <file>', 'write to a file instead of stdout')
    .option('--force', 'replace an existing output file')
    .addHelpText('after', examples('nsm agenda M9', 'nsm agenda M9 -o agenda-75A.md'))
    .action(action(run, () => import('../commands/agenda.js'), 'meeting'));
}

// Filled as this file's commands move to definitions (see ./define.ts); until then ./program.ts registers them above.
export const nouns: NounSpec[] = [];
export const definitions: Definition[] = [];
