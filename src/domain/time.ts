import { UsageError } from '../errors.js';
import { MOST_YEARS_AHEAD, addDays, isIsoDate, latestDay } from './dates.js';
import { instantsAt, isoAt, offsetAt, wallClockAt } from './zone.js';

/**
 * A meeting time is New York wall-clock time, stored as `YYYY-MM-DDTHH:mm`. It becomes an
 * instant only through the zone rules, so 7 pm stays 7 pm across daylight-saving changes and
 * the machine's TZ never matters.
 */
export type WallTime = string;

/** Every form `--at` accepts, as the error lists them. */
export const TIME_FORMATS = [
  '2026-12-15 19:00',
  '2026-12-15T19:00',
  '2026-12-15 7pm',
  '2026-12-15 7:30pm',
  'Dec 15 2026 7pm',
  'December 15 2026 19:00',
  '12/15/2026 7pm',
  'today 7pm',
  'tomorrow 19:00',
  'next tuesday 7pm',
] as const;

/** A time of day at the end of the input: `19:00`, `7pm`, `7:30 PM`, after a space, comma, "at" or ISO `T`. */
const TIME_OF_DAY = /(?:^|[\s,]|(?<=\d)T)(\d{1,2})(?::(\d{2}))?\s*([ap]\.?m\.?)?\s*$/i;

/**
 * Parses `--at`: a New York date (YYYY-MM-DD, "Dec 15 2026", "12/15/2026", today, tomorrow,
 * "next tuesday") and a 24-hour or am/pm time. "next tuesday" is the first Tuesday after today.
 */
export function parseWallTime(input: string, today: string, flag = '--at'): WallTime {
  const bad = (why: string) =>
    new UsageError(`${flag} "${input}" ${why}`, `write a New York date and time: ${TIME_FORMATS.join(', ')}`);
  const m = TIME_OF_DAY.exec(input);
  if (!m) throw bad('is not a date and time');
  const datePart = input
    .slice(0, m.index)
    .trim()
    .replace(/(?:,|\s+at)$/i, '')
    .trim();
  const date = parseDay(datePart, today);
  if (date === null) throw bad('is not a date and time');
  if (!isIsoDate(date))
    throw bad(
      `has a date that does not exist (${date}${datePart.includes('/') ? ', read as month/day/year' : ''})`,
    );
  const [, h, min, half] = m as unknown as [string, string, string | undefined, string | undefined];
  let hour = Number(h);
  const minute = min === undefined ? 0 : Number(min);
  if (half) {
    if (hour < 1 || hour > 12) throw bad('has an hour outside 1–12 for am/pm');
    hour = (hour % 12) + (half.toLowerCase().startsWith('p') ? 12 : 0);
  } else if (min === undefined) {
    throw bad('has no minutes (write 19:00 or 7pm)');
  }
  if (hour > 23 || minute > 59) throw bad('has a time of day that does not exist');
  const wall = `${date}T${pad(hour)}:${pad(minute)}`;
  // Meetings are planned a few years ahead at most; a later year is a typing slip (and a series
  // from 9999 would run out of calendar after a few meetings).
  const latest = latestDay(today);
  if (date > latest)
    throw new UsageError(
      `${flag} "${input}" is more than ${MOST_YEARS_AHEAD} years ahead`,
      `meetings are scheduled up to ${latest}; check the year`,
    );
  if (wallOf(instantOf(wall)) !== wall) {
    throw new UsageError(
      `${flag} "${input}" does not exist in New York: the clocks skip that hour for daylight saving time`,
      'pick a time after 3:00 am',
    );
  }
  return wall;
}

/**
 * The date part of `--at` as YYYY-MM-DD (not yet checked to exist: "Feb 30 2027" gives
 * 2027-02-30, which the caller names), or null when it is no date form at all.
 */
function parseDay(text: string, today: string): string | null {
  const lower = text.toLowerCase().replace(/\s+/g, ' ');
  if (lower === 'today') return today;
  if (lower === 'tomorrow') return addDays(today, 1);
  if (/^\d{4}-\d{2}-\d{2}$/.test(lower)) return lower;
  const next = /^next ([a-z]+)$/.exec(lower);
  if (next) {
    const weekday = WEEKDAY_NAMES.findIndex((d) => matchesName(next[1]!, d, 3));
    if (weekday === -1) return null;
    // The first one after today: 1 to 7 days on, a whole week when today is that weekday.
    const todays = new Date(`${today}T00:00:00Z`).getUTCDay();
    return addDays(today, ((weekday - todays + 6) % 7) + 1);
  }
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(lower);
  if (us) return `${us[3]}-${pad(Number(us[1]))}-${pad(Number(us[2]))}`;
  const named = /^([a-z]+)\.? (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})$/.exec(lower);
  if (named) {
    const month = MONTH_NAMES.findIndex((name) => matchesName(named[1]!, name, 3));
    return month === -1 ? null : `${named[3]}-${pad(month + 1)}-${pad(Number(named[2]))}`;
  }
  return null;
}

// Plain UTC arithmetic here rather than date-fns: nearly every command loads this file, and
// date-fns's first import costs tens of milliseconds of startup.
const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** `tue`, `tues` and `tuesday` all name Tuesday: a prefix of at least `shortest` letters. */
function matchesName(typed: string, name: string, shortest: number): boolean {
  return typed.length >= shortest && name.toLowerCase().startsWith(typed);
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function parts(wall: WallTime): [number, number, number, number, number] {
  const [date, time] = wall.split('T') as [string, string];
  const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
  const [h, mi] = time.split(':').map(Number) as [number, number];
  return [y, mo, d, h, mi];
}

/** Zone arithmetic is the costly part of comparing meetings; a wall time always maps to one instant. */
const instants = new Map<WallTime, number>();

/**
 * The instant of a New York wall-clock time: the first one in the hour that repeats when the
 * clocks fall back, as RFC 5545 reads it; in the hour skipped in spring, the instant an hour later
 * (which parseWallTime refuses as a time that does not exist).
 */
export function instantOf(wall: WallTime): Date {
  let ms = instants.get(wall);
  if (ms === undefined) {
    const [y, mo, d, h, mi] = parts(wall);
    const wallMs = Date.UTC(y, mo - 1, d, h, mi);
    ms = instantsAt(wallMs)[0] ?? wallMs - offsetAt(wallMs - 14 * 3_600_000) * 60_000;
    instants.set(wall, ms);
  }
  return new Date(ms);
}

/** The New York wall-clock time of an instant. */
export function wallOf(instant: Date): WallTime {
  return wallClockAt(instant.getTime()).slice(0, 16);
}

/** ISO 8601 with the New York offset of that moment, to the second: `2026-12-08T19:00:00-05:00`. */
export function isoWithOffset(instant: Date): string {
  return isoAt(instant.getTime());
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `Tue Dec 8 2026, 7:00 PM`. */
export function friendly(wall: WallTime): string {
  const [y, mo, d, h, mi] = parts(wall);
  const weekday = WEEKDAYS[new Date(Date.UTC(y, mo - 1, d)).getUTCDay()];
  const hour12 = h % 12 === 0 ? 12 : h % 12;
  return `${weekday} ${MONTHS[mo - 1]} ${d} ${y}, ${hour12}:${pad(mi)} ${h < 12 ? 'AM' : 'PM'}`;
}

/** `7:00 PM`. */
export function clockTime(wall: WallTime): string {
  return friendly(wall).split(', ')[1]!;
}
