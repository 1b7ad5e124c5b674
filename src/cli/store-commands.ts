import type { Definition } from './define.js';
import type { NounSpec } from './register.js';
import type { Command } from 'commander';
import { action, examples } from './legacy.js';
import type { RunCommand } from './program.js';

export function registerStoreCommands(program: Command, run: RunCommand): void {
  program
    .command('init')
    .description(
      'create the store with the New York City reference data (78 precincts, 302 sectors, 9 housing PSAs, rollout phases)',
    )
    .option('--empty', 'create an empty store, without the reference data')
    .option('--force', 'replace an existing store (it is kept as a backup)')
    .addHelpText(
      'after',
      examples('nsm init', 'nsm --store ./pct75.json init', 'nsm init --empty --store ./blank.json'),
    )
    .action(action(run, () => import('../commands/init.js')));

  program
    .command('demo')
    .description(
      'build a sample store (reference data, clearly fictional NCOs, a year of meetings, sample issues) in a temporary folder and tour it',
    )
    .addHelpText('after', examples('nsm demo', 'nsm demo --store ./demo.json'))
    .action(action(run, () => import('../commands/demo.js')));

  program
    .command('doctor')
    .description(
      'check the store (schema, references, duplicates, sectors below two NCOs) and list its backups',
    )
    .option('--restore <backup>', 'put a backup back (the current file is kept as a backup first)')
    .addHelpText('after', examples('nsm doctor', 'nsm doctor --json', 'nsm doctor --restore 000012'))
    .action(action(run, () => import('../commands/doctor.js')));

  program
    .command('undo')
    .description('undo the last change to the store')
    .option('--list', 'list recent changes with the command line that made each')
    .addHelpText('after', examples('nsm undo --list', 'nsm undo'))
    .action(action(run, () => import('../commands/undo.js')));
}

// Filled as this file's commands move to definitions (see ./define.ts); until then ./program.ts registers them above.
export const nouns: NounSpec[] = [];
export const definitions: Definition[] = [];
