import { UsageError } from '../../errors.js';
import { addDays, isIsoDate, latestDay } from '../dates.js';

/** The records go back to the 1990s; a report further back, or far ahead, is a typing slip. */
export const EARLIEST_AS_OF = '1990-01-01';

/** A report's `--as-of`: YYYY-MM-DD, today or yesterday, from 1990-01-01 to ten years after today. */
export function parseAsOf(input: string, today: string, flag = '--as-of'): string {
  const text = input.trim().toLowerCase();
  const date = text === 'today' ? today : text === 'yesterday' ? addDays(today, -1) : text;
  if (!isIsoDate(date))
    throw new UsageError(
      `${flag} "${input}" is not a date`,
      'write it as YYYY-MM-DD (for example 2017-05-31), or today, or yesterday',
    );
  const latest = latestDay(today);
  if (date < EARLIEST_AS_OF || date > latest)
    throw new UsageError(
      `${flag} ${date} is outside the dates a report covers`,
      `give a date from ${EARLIEST_AS_OF} to ${latest}`,
    );
  return date;
}
