import { UsageError } from '../errors.js';
import { wallClockAt } from './zone.js';

export { ZONE } from './zone.js';

/** The calendar date in New York at the instant `now`, as YYYY-MM-DD. */
export function dateInNewYork(now: Date): string {
  return wallClockAt(now.getTime()).slice(0, 10);
}

/** Whether `text` is a real calendar date written YYYY-MM-DD (so 2026-02-30 is not). */
export function isIsoDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const probe = new Date(Date.UTC(y, mo - 1, d));
  return probe.getUTCFullYear() === y && probe.getUTCMonth() === mo - 1 && probe.getUTCDate() === d;
}

/** Adds whole days to a YYYY-MM-DD date. Calendar arithmetic in UTC, so no DST edge can shift it. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** Parses a date flag: YYYY-MM-DD, `today` or `tomorrow` (New York dates). */
export function parseDateFlag(input: string, flag: string, today: string): string {
  const text = input.trim().toLowerCase();
  if (text === 'today') return today;
  if (text === 'tomorrow') return addDays(today, 1);
  if (isIsoDate(text)) return text;
  throw new UsageError(
    `${flag} "${input}" is not a date`,
    `write it as YYYY-MM-DD (for example 2026-12-08), or today, or tomorrow`,
  );
}

/** How far ahead a meeting may be planned or a report dated: further is a typing slip. */
export const MOST_YEARS_AHEAD = 10;

/** The last day `MOST_YEARS_AHEAD` years after `today` (YYYY-MM-DD, compared as text). */
export function latestDay(today: string): string {
  return `${Number(today.slice(0, 4)) + MOST_YEARS_AHEAD}${today.slice(4)}`;
}

/**
 * A date flag for something planned (a due date, an assignment, a rollout, a series' end): like
 * parseDateFlag, and at most MOST_YEARS_AHEAD years ahead, as meetings are (9999-12-31 is a slip).
 */
export function parsePlannedDate(input: string, flag: string, today: string): string {
  const date = parseDateFlag(input, flag, today);
  const latest = latestDay(today);
  if (date > latest)
    throw new UsageError(
      `${flag} "${input}" is more than ${MOST_YEARS_AHEAD} years ahead`,
      `dates go up to ${latest}; check the year`,
    );
  return date;
}
