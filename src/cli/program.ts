import { Command, type OutputConfiguration } from 'commander';
import { examples, registerAll, type Execute } from './register.js';
import { definitions, nouns } from './commands.js';
import { VERSION } from '../version.js';

/** The tour in `nsm --help`; a test runs each against a demo store. */
export const PROGRAM_EXAMPLES = [
  'nsm',
  'nsm init',
  'nsm config set precinct 75',
  'nsm precinct show 75',
  'nsm sector locate --lat 40.7484 --lon -73.9857',
  'nsm meeting schedule --sector 75A --at "2027-01-12 7pm" --repeat quarterly',
  'nsm meeting next --sector 75A',
  'nsm issue raise --meeting M1 --summary "Drag racing on Linden Blvd" --category traffic',
  'nsm agenda M2',
  'nsm nco list --precinct 75 --format csv',
];

/**
 * The nsm program, ready to parse. Given the command line's first word, it leaves out the verbs
 * that command line cannot reach (see registerAll).
 */
export function buildProgram(execute: Execute, output: OutputConfiguration, firstWord?: string): Command {
  const program = new Command('nsm')
    .description('Neighborhood Safety Meetings: precincts, sectors, NCOs and their community meetings')
    .version(VERSION, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help for a command')
    .option(
      '--store <file>',
      'the store file (default: $NSM_STORE, else the store setting, else <user data dir>/nsm/store.json)',
    )
    .option(
      '--format <format>',
      'how records print: table, tsv, csv, json or md (default: table on a terminal, tsv in a pipe)',
    )
    .option('--json', 'print one JSON document on stdout (same as --format json)')
    .option('--no-color', 'no colour (also NO_COLOR, and whenever stdout is not a terminal)')
    .option(
      '--no-input',
      'never prompt; a missing value is an error (automatic when stdin is not a terminal)',
    )
    .option('-q, --quiet', 'no confirmations on stderr')
    .showSuggestionAfterError(true)
    .configureOutput(output)
    .exitOverride()
    .addHelpText(
      'after',
      examples(PROGRAM_EXAMPLES) +
        '\nnsm alone shows the home screen: next meetings, meetings to close out, overdue solutions, oldest open issues.\n' +
        '\nExit codes: 0 ok, 1 bug, 2 usage, 3 refused by a rule, 4 not found, 5 store busy, 6 store unreadable, 7 cannot write, 130 Ctrl-C at a prompt.\n',
    );
  registerAll(program, nouns, definitions, execute, firstWord);
  return program;
}
