import { tzOffset } from '@date-fns/tz';
import { ZONE } from './dates.js';

/**
 * New York times for a calendar of the whole city: 40,000 instants, each formatted with its
 * offset. A zone lookup (Intl, through TZDate) costs microseconds and TZDate makes several per
 * value, seconds in all; New York's offset only changes on a whole UTC hour, so it is looked up
 * once per hour and the wall time follows by arithmetic. Same results as time.ts, whatever the
 * machine's zone (Intl is asked about New York, never about the machine).
 */

const HOUR = 3_600_000;
const offsets = new Map<number, number>();

/** New York's offset from UTC at an instant, in minutes: −300 (EST) or −240 (EDT). */
export function offsetAt(ms: number): number {
  const hour = Math.floor(ms / HOUR);
  let offset = offsets.get(hour);
  if (offset === undefined) {
    offset = tzOffset(ZONE, new Date(hour * HOUR));
    offsets.set(hour, offset);
  }
  return offset;
}

/** ISO 8601 with the New York offset, to the second: `2026-12-08T19:00:00-05:00` (as isoWithOffset). */
export function newYorkIso(ms: number): string {
  const offset = offsetAt(ms);
  const wall = new Date(ms + offset * 60_000).toISOString().slice(0, 19);
  const abs = Math.abs(offset);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${wall}${offset < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

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
