import { tzOffset } from '@date-fns/tz';

/** Meeting times and "today" are New York wall-clock, whatever the machine's TZ says. */
export const ZONE = 'America/New_York';

const MINUTE = 60_000;
const HOUR = 3_600_000;

/**
 * Where New York's offsets come from. Asking Intl (through @date-fns/tz) builds a formatter on
 * first use, which loads ICU's locale data: about 20 ms, more than some whole commands take. The
 * binary runs with its own process zone set to New York (bin/nsm.js), and then a Date's local
 * offset gives the same answer from the same zone database in microseconds. Any other zone (nsm
 * run in-process, as the tests do) asks Intl. test/domain/zone.test.ts holds both to one answer.
 */
let zoneOfProcess: string | undefined;
let localIsNewYork = false;

function processZoneIsNewYork(): boolean {
  const tz = process.env.TZ;
  if (tz !== zoneOfProcess) {
    zoneOfProcess = tz;
    // A Node built without the zone data would quietly use UTC: check a winter and a summer day.
    localIsNewYork =
      tz === ZONE &&
      new Date(2026, 0, 15).getTimezoneOffset() === 300 &&
      new Date(2026, 6, 15).getTimezoneOffset() === 240;
  }
  return localIsNewYork;
}

// New York's offset only changes on a whole UTC hour, so it is looked up once per hour.
const offsets = new Map<number, number>();

/** New York's offset from UTC at an instant, in minutes: −300 (EST) or −240 (EDT). */
export function offsetAt(ms: number): number {
  const hour = Math.floor(ms / HOUR);
  let offset = offsets.get(hour);
  if (offset === undefined) {
    const at = new Date(hour * HOUR);
    // `|| 0` turns -0 (a zone at UTC) into 0.
    offset = (processZoneIsNewYork() ? -at.getTimezoneOffset() : tzOffset(ZONE, at)) || 0;
    offsets.set(hour, offset);
  }
  return offset;
}

/** The New York wall-clock time at an instant, as `YYYY-MM-DDTHH:mm:ss.sss` (UTC arithmetic). */
export function wallClockAt(ms: number): string {
  return new Date(ms + offsetAt(ms) * MINUTE).toISOString().slice(0, 23);
}

/**
 * The instants whose New York wall-clock time is `wallMs` (a wall time written as if it were UTC):
 * one as a rule, two in the hour that repeats when the clocks fall back (earlier first), none in
 * the hour skipped when they spring forward.
 */
export function instantsAt(wallMs: number): number[] {
  const found: number[] = [];
  // Any offset in force near that time is one of the offsets half a day either side.
  for (const guess of new Set([offsetAt(wallMs - 14 * HOUR), offsetAt(wallMs + 14 * HOUR)])) {
    const ms = wallMs - guess * MINUTE;
    if (offsetAt(ms) === guess) found.push(ms);
  }
  return found.sort((a, b) => a - b);
}

/** ISO 8601 with the New York offset of that moment, to the second: `2026-12-08T19:00:00-05:00`. */
export function isoAt(ms: number): string {
  const offset = offsetAt(ms);
  const abs = Math.abs(offset);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${wallClockAt(ms).slice(0, 19)}${offset < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}
