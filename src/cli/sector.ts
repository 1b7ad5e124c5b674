import type { Definition } from './define.js';
import type { NounSpec } from './register.js';
import type { Command } from 'commander';
import { action, examples } from './legacy.js';
import type { RunCommand } from './program.js';

export function registerSector(program: Command, run: RunCommand): void {
  const sector = program
    .command('sector')
    .description('the sectors of each precinct: list, show, add, locate a point');

  sector
    .command('list')
    .description('list sectors with the NCOs assigned today')
    .option('--precinct <pct>', 'only this precinct')
    .addHelpText('after', examples('nsm sector list --precinct 75', 'nsm sector list --json'))
    .action(action(run, () => import('../commands/sector/list.js')));

  sector
    .command('show')
    .argument('<sector>', 'sector id: precinct number and letter, for example 75A')
    .description('details of a sector and its NCOs')
    .addHelpText('after', examples('nsm sector show 75A'))
    .action(action(run, () => import('../commands/sector/show.js'), 'sector'));

  sector
    .command('add')
    .argument('<sector>', 'the new sector id, for example 116A')
    .description('add a sector to a precinct')
    .option('--description <d>', 'what the sector covers')
    .addHelpText('after', examples('nsm sector add 116A --description "Rosedale west of Brookville Blvd"'))
    .action(action(run, () => import('../commands/sector/add.js'), 'sector'));

  sector
    .command('locate')
    .description('which sector and precinct contain a point (offline, from the bundled 2018 boundaries)')
    .option('--lat <lat>', 'latitude in decimal degrees, for example 40.7484')
    .option('--lon <lon>', 'longitude in decimal degrees, for example -73.9857')
    .addHelpText(
      'after',
      examples('nsm sector locate --lat 40.7484 --lon -73.9857   # the Empire State Building: 14B') +
        '\nThe boundaries are the NYPD sectors of 2018; the 116th Precinct (2024) is not in them.\n',
    )
    .action(action(run, () => import('../commands/sector/locate.js')));
}

// Filled as this file's commands move to definitions (see ./define.ts); until then ./program.ts registers them above.
export const nouns: NounSpec[] = [];
export const definitions: Definition[] = [];
