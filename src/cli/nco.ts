import type { Definition } from './define.js';
import type { NounSpec } from './register.js';
import type { Command } from 'commander';
import { action, examples } from './legacy.js';
import type { RunCommand } from './program.js';

export function registerNco(program: Command, run: RunCommand): void {
  const nco = program
    .command('nco')
    .description('Neighborhood Coordination Officers: the roster and sector assignments');

  nco
    .command('add')
    .description('add an NCO to a precinct (asks for missing values on a terminal)')
    .option('--name <n>', "the officer's name")
    .option('--shield <no>', 'shield number (digits)')
    .option('--precinct <pct>', 'the precinct the officer works in')
    .option('--rank <r>', 'rank', 'Police Officer')
    .option('--email <e>', 'email address')
    .option('--phone <p>', 'phone number')
    .addHelpText(
      'after',
      examples(
        'nsm nco add --name "Maria Lopez" --shield 12345 --precinct 75',
        'nsm nco add   # asks for each value',
      ),
    )
    .action(action(run, () => import('../commands/nco/add.js')));

  nco
    .command('list')
    .description('list NCOs with their sector today')
    .option('--precinct <pct>', 'only this precinct')
    .option('--sector <s>', 'only NCOs assigned to this sector today')
    .option('--unassigned', 'only NCOs with no sector today')
    .addHelpText('after', examples('nsm nco list --precinct 75', 'nsm nco list --unassigned --json'))
    .action(action(run, () => import('../commands/nco/list.js')));

  nco
    .command('show')
    .argument('<nco>', 'NCO id, for example N1')
    .description('details and assignment history')
    .addHelpText('after', examples('nsm nco show N1'))
    .action(action(run, () => import('../commands/nco/show.js'), 'nco'));

  nco
    .command('edit')
    .argument('<nco>', 'NCO id')
    .description("change an NCO's name, rank, email or phone")
    .option('--name <n>', 'new name')
    .option('--rank <r>', 'new rank')
    .option('--email <e>', 'new email address')
    .option('--phone <p>', 'new phone number')
    .addHelpText(
      'after',
      examples('nsm nco edit N1 --rank Sergeant', 'nsm nco edit N1 --email m.lopez@example.org'),
    )
    .action(action(run, () => import('../commands/nco/edit.js'), 'nco'));

  nco
    .command('assign')
    .argument('<nco>', 'NCO id')
    .argument('<sector>', 'sector id, for example 75A')
    .description("assign an NCO to a sector; the NCO's current assignment ends the day before")
    .option('--from <date>', 'first day in the new sector (default: today)')
    .addHelpText('after', examples('nsm nco assign N1 75A', 'nsm nco assign N1 75B --from 2027-01-04'))
    .action(action(run, () => import('../commands/nco/assign.js'), 'nco', 'sector'));

  nco
    .command('unassign')
    .argument('<nco>', 'NCO id')
    .description('take an NCO off their sector')
    .option('--on <date>', 'first day without a sector (default: today); the assignment ends the day before')
    .addHelpText('after', examples('nsm nco unassign N1', 'nsm nco unassign N1 --on 2027-01-01'))
    .action(action(run, () => import('../commands/nco/unassign.js'), 'nco'));
}

// Filled as this file's commands move to definitions (see ./define.ts); until then ./program.ts registers them above.
export const nouns: NounSpec[] = [];
export const definitions: Definition[] = [];
