import type { Context } from '../context.js';
import { NsmError, UsageError } from '../errors.js';
import { wrap } from '../render/text.js';

export interface Ask<T> {
  /** The flag that supplies the value, named in the error when it is missing and input is off. */
  flag: string;
  message: string;
  /** Turns text into a value, throwing UsageError when it is not acceptable. */
  parse: (text: string) => T;
  example: string;
  default?: string;
}

/**
 * A value from its flag; when the flag is missing, asked for on a terminal (re-asked until it
 * parses), and a usage error that names the flag otherwise.
 */
export async function need<T>(ctx: Context, given: string | undefined, ask: Ask<T>): Promise<T> {
  if (given !== undefined) return ask.parse(given);
  if (!ctx.interactive) {
    throw new UsageError(`missing ${ask.flag}`, `give it, for example ${ask.flag} ${ask.example}`);
  }
  const { input } = await import('@inquirer/prompts');
  const answer = await input(
    {
      message: ask.message,
      ...(ask.default ? { default: ask.default } : {}),
      validate: (text: string) => {
        try {
          ask.parse(text);
          return true;
        } catch (error) {
          // Shown under the prompt: wrapped so no line is wider than the terminal.
          if (error instanceof NsmError)
            return wrap(error.hint ? `${error.message} — ${error.hint}` : error.message, ctx.width - 2).join(
              '\n',
            );
          throw error;
        }
      },
    },
    { output: ctx.stderr },
  );
  return ask.parse(answer);
}

/** Asks the user to pick one of `choices` (only called when prompting is allowed). */
export async function choose<T extends string>(
  ctx: Context,
  message: string,
  choices: Array<{ value: T; name: string }>,
): Promise<T> {
  const { select } = await import('@inquirer/prompts');
  return select({ message, choices, pageSize: 10 }, { output: ctx.stderr });
}
