import { UsageError } from '../errors.js';

/**
 * Reads a flag whose value is one of a fixed list (a status, a category), in any case and with
 * spaces or underscores for hyphens; an unknown value is a usage error that lists them all.
 */
export function parseChoice<T extends string>(
  input: string,
  flag: string,
  choices: readonly T[],
  what: string,
): T {
  const key = input
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-');
  const found = choices.find((c) => c === key);
  if (!found) throw new UsageError(`${flag} "${input}" is not ${what}`, `use one of: ${choices.join(', ')}`);
  return found;
}
