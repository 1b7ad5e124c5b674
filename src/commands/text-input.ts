import { UsageError } from '../errors.js';

/**
 * A free-text flag: trimmed, limited in length, null when absent. Text is stored exactly as
 * given (control characters included); the renderers make it safe to print.
 */
export function optionalText(
  value: string | undefined,
  flag: string,
  max: number,
  required = false,
): string | null {
  if (value === undefined) return null;
  const text = value.trim();
  if (text === '') {
    if (required) throw new UsageError(`${flag} is empty`, `give a value for ${flag}`);
    return null;
  }
  if (text.length > max)
    throw new UsageError(`${flag} is ${text.length} characters long`, `keep it to ${max} characters`);
  return text;
}

export function requiredText(value: string, flag: string, max: number): string {
  return optionalText(value, flag, max, true) as string;
}
