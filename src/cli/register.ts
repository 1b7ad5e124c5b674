import type { Command } from 'commander';
import type { Definition } from './define.js';
import { flagSyntax } from './define.js';

/** Runs a definition with commander's positional values and flags; supplied by `main`. */
export type Execute = (
  definition: Definition,
  args: unknown[],
  flags: Record<string, unknown>,
) => Promise<void>;

export interface NounSpec {
  name: string;
  summary: string;
}

export function examples(lines: readonly string[]): string {
  return `\nExamples:\n${lines.map((l) => `  $ ${l}`).join('\n')}\n`;
}

/**
 * Registers the definitions on the program, creating the noun commands they sit under. Given the
 * command line's first word, when it names a command, only the commands under that word are
 * defined: the command line cannot reach the others, and defining all 55 with commander is a tenth
 * of the time of a command that prints one line. Every noun is still there, so a mistyped verb
 * gets the same suggestion; a mistyped first word names no command, so it gets everything.
 */
export function registerAll(
  program: Command,
  nouns: readonly NounSpec[],
  definitions: readonly Definition[],
  execute: Execute,
  firstWord?: string,
): void {
  const only = definitions.some((d) => d.spec.path[0] === firstWord) ? firstWord : undefined;
  const parents = new Map<string, Command>();
  for (const noun of nouns) parents.set(noun.name, program.command(noun.name).description(noun.summary));
  for (const definition of definitions) {
    const { spec } = definition;
    if (only !== undefined && spec.path[0] !== only) continue;
    const parent = spec.path.length > 1 ? parents.get(spec.path[0]!) : program;
    if (!parent) throw new Error(`no noun "${spec.path[0]}" for ${spec.path.join(' ')}`);
    // A noun may also act on its own (`minutes <meeting>` beside `minutes approve`).
    const command =
      spec.path.length === 1 && parents.has(spec.path[0]!)
        ? parents.get(spec.path[0]!)!
        : parent.command(spec.path.at(-1)!).description(spec.summary);
    for (const arg of spec.args ?? []) {
      command.argument(arg.optional ? `[${arg.name}]` : `<${arg.name}>`, describeArg(arg));
    }
    for (const [key, flag] of Object.entries(spec.flags)) {
      const choices = flag.choices ? ` (${flag.choices.join(', ')})` : '';
      const setting = flag.setting ? ` [setting: ${flag.setting}]` : '';
      command.option(flagSyntax(key, flag), `${flag.description}${choices}${setting}`);
    }
    command.addHelpText('after', examples(spec.examples) + (spec.notes ? `\n${spec.notes}\n` : ''));
    // commander passes the arguments, then the options and the command itself.
    command.action(async (...values: unknown[]) => {
      await execute(definition, values.slice(0, -2), command.opts());
    });
  }
}

function describeArg(arg: { description: string; choices?: readonly string[] }): string {
  return arg.choices ? `${arg.description}: ${arg.choices.join(', ')}` : arg.description;
}
