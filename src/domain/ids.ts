import { UsageError } from '../errors.js';

/** Normalises a typed NCO id (`n7`, `N7`) to its stored form, `N7`. */
export function parseNcoId(input: string): string {
  const m = /^\s*n(\d+)\s*$/i.exec(input);
  if (!m)
    throw new UsageError(`"${input}" is not an NCO id`, 'NCO ids look like N1; list them with: nsm nco list');
  return `N${Number(m[1])}`;
}

/** Parses a precinct number (`75`, `075`, `75th`). */
export function parsePrecinctNumber(input: string, flag = 'precinct'): number {
  const m = /^\s*0*(\d{1,3})(?:st|nd|rd|th)?\s*$/i.exec(String(input));
  const n = m ? Number(m[1]) : NaN;
  if (!Number.isInteger(n) || n < 1) {
    throw new UsageError(
      `${flag} "${input}" is not a precinct number`,
      'give the number, for example 75; list them with: nsm precinct list',
    );
  }
  return n;
}

/** Parses a sector id (`75a`, `75A`) into its precinct and letter. */
export function parseSectorId(
  input: string,
  flag = 'sector',
): { id: string; precinct: number; letter: string } {
  const m = /^\s*0*(\d{1,3})\s*([a-z])\s*$/i.exec(input);
  if (!m) {
    throw new UsageError(
      `${flag} "${input}" is not a sector id`,
      'a sector is its precinct number and letter, for example 75A; list them with: nsm sector list',
    );
  }
  const precinct = Number(m[1]);
  const letter = m[2]!.toUpperCase();
  return { id: `${precinct}${letter}`, precinct, letter };
}
