import type { Command } from 'commander';
import type { RunCommand } from './program.js';
import type { CommandModule, GlobalOptions } from './run.js';

/**
 * Returns a commander action that gathers positional arguments (by name) and every flag,
 * including the global ones, into one options object, then runs the lazily loaded command.
 */
export function action<O>(run: RunCommand, load: () => Promise<CommandModule<O>>, ...argNames: string[]) {
  return async (...args: unknown[]) => {
    const command = args.at(-1) as Command;
    const options = { ...command.optsWithGlobals() } as Record<string, unknown>;
    argNames.forEach((name, i) => (options[name] = args[i]));
    await run(load, options as O & GlobalOptions);
  };
}

export function examples(...lines: string[]): string {
  return `\nExamples:\n${lines.map((l) => `  $ ${l}`).join('\n')}\n`;
}
