import type { Definition } from './define.js';
import type { NounSpec } from './register.js';
import type { Command } from 'commander';
import { action, examples } from './legacy.js';
import type { RunCommand } from './program.js';

export function registerPrecinct(program: Command, run: RunCommand): void {
  const precinct = program
    .command('precinct')
    .description('the precincts: list, show, add, record their rollout');

  precinct
    .command('list')
    .description('list precincts with their borough, rollout and sectors')
    .option('--borough <b>', 'only this borough (Manhattan, Bronx, Brooklyn, Queens, Staten Island)')
    .option('--patrol-borough <pb>', 'only this patrol borough (PBQS, or "Queens South")')
    .option(
      '--rollout <status>',
      'only precincts whose Neighborhood Policing rollout is active, pending or unknown',
    )
    .addHelpText(
      'after',
      examples(
        'nsm precinct list --borough Brooklyn',
        'nsm precinct list --rollout unknown',
        'nsm precinct list --json',
      ),
    )
    .action(action(run, () => import('../commands/precinct/list.js')));

  precinct
    .command('show')
    .argument('<pct>', 'precinct number, for example 75')
    .description('details, sectors with their NCOs, and sectors below two NCOs')
    .addHelpText('after', examples('nsm precinct show 75', 'nsm precinct show 14 --json'))
    .action(action(run, () => import('../commands/precinct/show.js'), 'precinct'));

  precinct
    .command('add')
    .argument('<pct>', 'the new precinct number')
    .description('add a precinct that the reference data lacks')
    .option('--name <n>', 'its name, for example "116th Precinct"')
    .option('--borough <b>', 'its borough')
    .option('--patrol-borough <pb>', 'its patrol borough (PBQS, or "Queens South")')
    .option('--address <a>', 'station house address')
    .option('--phone <p>', 'station house phone')
    .addHelpText(
      'after',
      examples('nsm precinct add 117 --name "117th Precinct" --borough Queens --patrol-borough PBQS'),
    )
    .action(action(run, () => import('../commands/precinct/add.js'), 'precinct'));

  precinct
    .command('rollout')
    .argument('<pct>', 'precinct number')
    .description('record the date Neighborhood Policing started in a precinct')
    .option('--date <date>', 'the start date, YYYY-MM-DD')
    .option('--phase <n>', 'the rollout phase (wave) number')
    .addHelpText(
      'after',
      examples(
        'nsm precinct rollout 22 --date 2018-10-01 --phase 15',
        'nsm precinct rollout 116 --date 2024-12-18',
      ),
    )
    .action(action(run, () => import('../commands/precinct/rollout.js'), 'precinct'));
}

// Filled as this file's commands move to definitions (see ./define.ts); until then ./program.ts registers them above.
export const nouns: NounSpec[] = [];
export const definitions: Definition[] = [];
