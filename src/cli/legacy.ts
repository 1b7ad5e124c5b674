import type { Command } from 'commander';
import type { Context } from '../context.js';
import type { Output } from '../render/view.js';
import type { RunCommand } from './program.js';
import type { GlobalOptions } from './run.js';

// Transitional: the registrations not yet moved to definitions (./define.ts) use this path.
export type { GlobalOptions };

export interface CommandModule<O> {
  run(ctx: Context, options: O): Promise<Output>;
}

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
