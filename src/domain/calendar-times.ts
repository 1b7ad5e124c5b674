import { isoAt, offsetAt } from './zone.js';

/**
 * New York times for a calendar of the whole city: tens of thousands of instants, each formatted
 * with its offset, by arithmetic on the offset (looked up once per hour, see zone.ts).
 */

const HOUR = 3_600_000;

/** ISO 8601 with the New York offset, to the second: `2026-12-08T19:00:00-05:00` (as isoWithOffset). */
export const newYorkIso = isoAt;

/**
 * Whether a meeting's wall times say unambiguously when it is: both ends have the same offset
 * (it does not span a clock change) and neither is in the hour that repeats in November.
 */
export function hasClearWallTimes(start: number, end: number): boolean {
  return offsetAt(start) === offsetAt(end) && !repeated(start) && !repeated(end);
}

/** The wall time at `ms` also happens an hour earlier or later (the clocks fell back). */
function repeated(ms: number): boolean {
  const wall = (t: number) => t + offsetAt(t) * 60_000;
  return wall(ms - HOUR) === wall(ms) || wall(ms + HOUR) === wall(ms);
}
