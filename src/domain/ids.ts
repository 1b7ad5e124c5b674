import { UsageError } from '../errors.js';

/** The most digits a record number has; nsm would need a billion records to reach 10. */
const MOST_ID_DIGITS = 9;

/**
 * A parser for one kind of record id: a letter and a number, typed in any case (`n7`, `N07`),
 * returned in its stored form (`N7`). The digits are kept as text: through Number, a typed
 * M99999999999999999999 came back as M100000000000000000000.
 */
function recordId(prefix: string, noun: string, list: string): (input: string) => string {
  const pattern = new RegExp(`^\\s*${prefix}0*(\\d+)\\s*$`, 'i');
  return (input) => {
    const m = pattern.exec(input);
    if (!m)
      throw new UsageError(
        `"${input}" is not ${noun} id`,
        `${noun} ids look like ${prefix}1; list them with: nsm ${list}`,
      );
    if (m[1]!.length > MOST_ID_DIGITS)
      throw new UsageError(
        `"${input}" is not ${noun} id: its number is longer than ${MOST_ID_DIGITS} digits`,
        `${noun} ids look like ${prefix}1; list them with: nsm ${list}`,
      );
    return `${prefix}${m[1]}`;
  };
}

export const parseNcoId = recordId('N', 'an NCO', 'nco list');
export const parseMeetingId = recordId('M', 'a meeting', 'meeting list');
export const parseIssueId = recordId('I', 'an issue', 'issue list');
export const parseSolutionId = recordId('S', 'a solution', 'solution list');

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
